"""Cached dossiers: a story's cross-check, computed once and kept beside the story.

Why in the store: a dossier of 70 reports takes about a minute to compute, and a reader (the web UI,
``show``) asks for the same one again and again. The store keeps the JSON the caller made (it does not
import the cross-check) under the story id, a signature of the story's content and the checker version;
a cached dossier counts only while all three still match, so a story whose members or articles changed,
or a newer checker, recomputes instead of showing stale findings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

from storyline.store.db import Store


def story_signature(store: Store, story_id: str) -> str:
    """A hash of the story's member keys and their stored records: it changes when a report joins or
    leaves the story, or when a member's record is rewritten."""
    h = hashlib.sha256()
    rows = store.conn.execute(
        "SELECT a.key, a.data FROM story_articles sa JOIN articles a ON a.key = sa.article"
        " WHERE sa.story = ? ORDER BY a.key", (story_id,))
    for key, data in rows:
        h.update(key.encode("utf-8"))
        h.update(b"\0")
        h.update(hashlib.sha256(data.encode("utf-8")).digest())
    return h.hexdigest()[:32]


def _has_cache(store: Store) -> bool:
    """Whether the store has the dossiers table (a store written before migration 3, opened read-only,
    does not)."""
    return store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dossiers'").fetchone() is not None


def cached_dossier(store: Store, story_id: str, signature: str, checker: str) -> str | None:
    """The cached dossier JSON of ``story_id`` if it was made from the same content (``signature``) by
    the same ``checker``; None otherwise."""
    if not _has_cache(store):
        return None
    row = store.conn.execute("SELECT signature, checker, data FROM dossiers WHERE story = ?",
                             (story_id,)).fetchone()
    if row is None or row[0] != signature or row[1] != checker:
        return None
    data: str = row[2]
    return data


def save_dossier(store: Store, story_id: str, signature: str, checker: str, data: str) -> bool:
    """Keep ``data`` (a dossier as JSON) as the story's cached dossier, replacing any older one.
    Returns False, writing nothing, when the story is gone (regrouped while the dossier was computed)
    or the signature no longer matches its content."""
    with store._transaction():
        if story_signature(store, story_id) != signature:
            return False
        try:
            store.conn.execute(
                "INSERT OR REPLACE INTO dossiers (story, signature, checker, created, data) VALUES (?,?,?,?,?)",
                (story_id, signature, checker, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), data))
        except sqlite3.IntegrityError:  # the story row is gone
            return False
    return True


def forget_dossier(store: Store, story_id: str) -> None:
    """Drop the story's cached dossier (the next reader recomputes it)."""
    with store._transaction():
        store.conn.execute("DELETE FROM dossiers WHERE story = ?", (story_id,))
