"""Read-only questions a browser asks of a store: stories with what a list filters on, an outlet's
coverage, an article's facts and story, a full-text search by story.

Why apart from queries.py: these serve the web UI's lists and filters (``storyline serve``); the
commands' own questions stay as they were.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from storyline.store.db import Store
from storyline.store.queries import fts_query


@dataclass
class StoryListing:
    """A story as the list shows it; ``findings`` is None until its dossier has been computed."""

    id: str
    title: str | None
    start: str | None
    end: str | None
    reports: int
    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    findings: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _split(joined: str | None) -> list[str]:
    return sorted({x for x in (joined or "").split("\x1f") if x})


def story_listings(store: Store) -> list[StoryListing]:
    """Every story with its outlets and languages, and its number of findings where a cached dossier
    gives it, largest first."""
    has_cache = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dossiers'").fetchone() is not None
    rows = store.conn.execute(
        "SELECT s.id, s.title, s.start, s.end, s.n_articles,"
        " group_concat(a.outlet, char(31)), group_concat(a.lang, char(31))"
        " FROM stories s JOIN story_articles sa ON sa.story = s.id JOIN articles a ON a.key = sa.article"
        " GROUP BY s.id ORDER BY s.n_articles DESC, s.start, s.id").fetchall()
    counts: dict[str, int] = {}
    if has_cache:
        try:
            counts = {r[0]: int(r[1]) for r in store.conn.execute(
                "SELECT story, json_array_length(data, '$.findings') FROM dossiers") if r[1] is not None}
        except sqlite3.OperationalError:  # a SQLite without JSON functions: counts stay unknown
            counts = {}
    return [StoryListing(r[0], r[1], r[2], r[3], r[4], _split(r[5]), _split(r[6]), counts.get(r[0]))
            for r in rows]


def stories_matching(store: Store, text: str, *, limit: int = 500) -> dict[str, int]:
    """story id -> number of its reports that match ``text`` (full-text, every word required)."""
    q = fts_query(text)
    if not q:
        return {}
    out: dict[str, int] = {}
    for (story,) in store.conn.execute(
            "SELECT sa.story FROM articles_fts f JOIN story_articles sa ON sa.article = f.key"
            " WHERE articles_fts MATCH ? LIMIT ?", (q, limit)):
        out[story] = out.get(story, 0) + 1
    return out


@dataclass
class OutletCoverage:
    outlet: str
    reports: int
    stories: int
    languages: list[str]
    first: str | None
    last: str | None
    story_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def outlet_coverage(store: Store) -> list[OutletCoverage]:
    """Per outlet: how many reports and stories, in which languages, over which dates; most reports first."""
    rows = store.conn.execute(
        "SELECT coalesce(a.outlet, ''), count(*), count(DISTINCT sa.story), group_concat(a.lang, char(31)),"
        " min(a.date), max(a.date), group_concat(DISTINCT sa.story)"
        " FROM articles a LEFT JOIN story_articles sa ON sa.article = a.key"
        " GROUP BY coalesce(a.outlet, '') ORDER BY count(*) DESC, 1").fetchall()
    return [OutletCoverage(r[0], r[1], r[2], _split(r[3]), r[4], r[5], sorted(x for x in (r[6] or "").split(",") if x))
            for r in rows]


def story_of(store: Store, key: str) -> str | None:
    """The id of the story an article belongs to (None: not grouped yet)."""
    row = store.conn.execute("SELECT story FROM story_articles WHERE article = ?", (key,)).fetchone()
    return row[0] if row else None


def article_key(store: Store, ref: str) -> str | None:
    """An article's key from its key or the id the input gave it (the first by key if several)."""
    row = store.conn.execute("SELECT key FROM articles WHERE key = ?", (ref,)).fetchone()
    if row is None:
        row = store.conn.execute("SELECT key FROM articles WHERE id = ? ORDER BY key LIMIT 1", (ref,)).fetchone()
    return row[0] if row else None
