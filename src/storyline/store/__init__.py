"""The SQLite store: articles with their facts, stories, full-text search (see db.py, schema.py)."""

from __future__ import annotations

from storyline.store.db import DEFAULT_DB, Store, content_key, default_path
from storyline.store.ingest import IngestStats, group_stored, ingest, refresh_if_outdated, regroup_pending
from storyline.store.queries import find_story, list_stories, search, story_articles
from storyline.store.schema import SCHEMA_VERSION

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "IngestStats",
    "Store",
    "content_key",
    "default_path",
    "find_story",
    "group_stored",
    "ingest",
    "list_stories",
    "refresh_if_outdated",
    "regroup_pending",
    "search",
    "story_articles",
]
