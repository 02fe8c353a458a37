"""Fast look-ups of known words in a text, shared by the date, number and name finders.

Long regex alternations ("January|February|…|सितंबर") are slow because Python's regex engine tries
every branch at every position. Instead the text's distinct words are collected once (C-speed
``findall`` into a set), intersected with a word list, and only the words actually present are
located with ``str.find``. The result for the last few texts is cached, since all finders ask about
the same article one after another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_WORD_RE = re.compile(r"[^\W\d_][\w\u0900-\u097f\u0980-\u09ff’']*")


@lru_cache(maxsize=8)
def lowered(text: str) -> tuple[str, frozenset[str]]:
    """The lower-cased text (or "" when lower-casing would shift offsets) and its set of words."""
    low = text.lower()
    if len(low) != len(text):
        low = ""
    words = _WORD_RE.findall(low or text.lower())
    out = set(words)
    for w in words:  # "Rubio’s" -> also "rubio"
        if "’" in w or "'" in w:
            out.add(re.split(r"[’']", w)[0])
    return low, frozenset(out)


def has_any(text: str, words: Iterable[str] | frozenset[str]) -> bool:
    return not lowered(text)[1].isdisjoint(words)


def find_words(text: str, words: frozenset[str] | set[str]) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) for every whole-word occurrence of ``words`` in ``text``."""
    low, present = lowered(text)
    hits = present & words if isinstance(words, (set, frozenset)) else present & set(words)
    if not hits:
        return []
    if not low:  # lower-casing changed the length: fall back to a regex on the original text
        rx = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in sorted(hits, key=len, reverse=True)) + r")(?![\w])", re.I)
        return sorted((m.start(), m.end(), m.group().lower()) for m in rx.finditer(text))
    out: list[tuple[int, int, str]] = []
    n = len(low)
    for w in hits:
        i = low.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_")) and (
                j >= n or not (low[j].isalnum() or low[j] == "_" or "\u0900" <= low[j] <= "\u09ff")
            ):
                out.append((i, j, w))
            i = low.find(w, i + 1)
    out.sort()
    return out
