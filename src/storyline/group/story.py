"""A Story from its members: id, title and dates, made alike by batch and incremental grouping.

Why one function: a store regrouped incrementally must hold the very stories one batch run makes
(tests/test_ingest.py); two copies of the title rule would drift.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from storyline.model import Story

TITLE_CHARS = 120  # a story without a titled report is named by a report's first line, cut here


class Member(NamedTuple):
    """What a story needs of one report. ``key`` is what the story lists (the article id in a batch,
    the content key in a store); ``text`` may be just the opening of the report."""

    key: str
    id: str
    title: str | None
    text: str | None
    date: str | None


def story_id(keys: Iterable[str]) -> str:
    """A story's id is a hash of its sorted member keys: same members, same id, in any run."""
    h = hashlib.sha1("\n".join(sorted(keys)).encode("utf-8")).hexdigest()
    return "s" + h[:12]


def story_title(members: Sequence[Member]) -> str | None:
    """The first title in id order, else the first line of the first report with any text."""
    ordered = sorted(members, key=lambda m: (m.id, m.key))
    for m in ordered:
        if m.title:
            return m.title
    for m in ordered:
        text = (m.text or "").strip()
        if text:
            return text.splitlines()[0][:TITLE_CHARS]
    return None


def make_story(members: Sequence[Member], method: str) -> Story:
    keys = sorted(m.key for m in members)
    days = sorted(m.date[:10] for m in members if m.date)
    return Story(
        id=story_id(keys),
        articles=keys,
        title=story_title(members),
        method=method,
        start=days[0] if days else None,
        end=days[-1] if days else None,
    )
