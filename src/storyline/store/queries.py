"""Read-only questions asked of a store: the story list, one story, full-text search.

Why separate: readers run while an ingest writes (WAL); keeping them to plain SELECTs on their
own connection means they never take the write lock.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar

from storyline.errors import QueryError, is_query_error, map_store_errors
from storyline.model import Article, Story
from storyline.store.db import Store

P = ParamSpec("P")
R = TypeVar("R")


def _store_errors(fn: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """Raise the store's failures as storyline StoreErrors naming its path (see storyline.errors)."""
    @functools.wraps(fn)
    def guarded(store: Store, /, *args: P.args, **kwargs: P.kwargs) -> R:  # positional-only, as typed: P's keywords may not name it
        with map_store_errors(store.path):
            return fn(store, *args, **kwargs)
    return guarded


@dataclass
class StoryRow:
    id: str
    title: str | None
    method: str
    start: str | None
    end: str | None
    reports: int
    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@_store_errors
def list_stories(store: Store, *, limit: int | None = None, min_reports: int = 1) -> list[StoryRow]:
    """Stories, largest first, then by date and id."""
    sql = (
        "SELECT s.id, s.title, s.method, s.start, s.end, s.n_articles,"
        " group_concat(DISTINCT a.outlet), group_concat(DISTINCT a.lang)"
        " FROM stories s JOIN story_articles sa ON sa.story = s.id JOIN articles a ON a.key = sa.article"
        " WHERE s.n_articles >= ? GROUP BY s.id ORDER BY s.n_articles DESC, s.start, s.id"
    )
    params: list[int] = [min_reports]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    out = []
    for r in store.conn.execute(sql, params):
        out.append(StoryRow(r[0], r[1], r[2], r[3], r[4], r[5],
                            sorted(x for x in (r[6] or "").split(",") if x),
                            sorted(x for x in (r[7] or "").split(",") if x)))
    return out


@_store_errors
def find_story(store: Store, ref: str) -> Story | None:
    """A story by id, or by a unique id prefix."""
    rows = store.conn.execute("SELECT id, title, method, start, end FROM stories WHERE id = ?", (ref,)).fetchall()
    if not rows:
        rows = store.conn.execute(
            "SELECT id, title, method, start, end FROM stories WHERE id LIKE ? ORDER BY id LIMIT 2",
            (ref.replace("%", "") + "%",)).fetchall()
        if len(rows) != 1:
            return None
    r = rows[0]
    keys = [x[0] for x in store.conn.execute(
        "SELECT sa.article FROM story_articles sa JOIN articles a ON a.key = sa.article"
        " WHERE sa.story = ? ORDER BY a.id", (r[0],))]
    return Story(id=r[0], articles=keys, title=r[1], method=r[2], start=r[3], end=r[4])


@_store_errors
def story_articles(store: Store, story: Story) -> list[Article]:
    out = []
    for key in story.articles:
        row = store.conn.execute("SELECT data FROM articles WHERE key = ?", (key,)).fetchone()
        if row:
            out.append(Article.from_dict(json.loads(row[0])))
    return out


@dataclass
class Hit:
    key: str
    id: str
    title: str | None
    outlet: str | None
    date: str | None
    story: str | None
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Terms one search uses. Every term is required, so a few dozen already pin a report down; a pasted
# page of 2,000 words made SQLite run for minutes.
MAX_TERMS = 64


def query_terms(text: str) -> list[str]:
    """What a person types as FTS5 terms, each once: each word quoted (so "6.25" or "AT&T" cannot
    break the syntax); a trailing * keeps prefix search. Control characters (a NUL pasted from a
    binary file) separate words: SQLite refuses them in a query."""
    terms: dict[str, None] = {}
    for w in _CONTROL.sub(" ", text).split():
        star = w.endswith("*")
        w = w.rstrip("*").replace('"', '""')
        if w:
            terms[f'"{w}"' + ("*" if star else "")] = None
    return list(terms)


def fts_query(text: str) -> str:
    """A safe FTS5 query that requires all words, at most MAX_TERMS of them (the first ones)."""
    return " ".join(query_terms(text)[:MAX_TERMS])


@_store_errors
def search(store: Store, query: str, *, limit: int = 20) -> list[Hit]:
    q = fts_query(query)
    if not q:
        return []
    try:
        rows = store.conn.execute(
            "SELECT f.key, a.id, a.title, a.outlet, a.date, sa.story,"
            " snippet(articles_fts, 2, '[', ']', '…', 12)"
            " FROM articles_fts f JOIN articles a ON a.key = f.key"
            " LEFT JOIN story_articles sa ON sa.article = f.key"
            " WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?", (q, limit)).fetchall()
    except sqlite3.OperationalError as exc:
        if is_query_error(exc):
            raise QueryError(f"the search could not be understood ({exc})", subject=repr(query)) from exc
        raise
    return [Hit(*r) for r in rows]
