"""The SQLite store: articles with their facts, stories, full-text search (see db.py, schema.py)."""

from __future__ import annotations

from storyline.store.db import DEFAULT_DB, Store, content_key, default_path
from storyline.store.dossiers import cached_dossier, forget_dossier, save_dossier, story_signature
from storyline.store.queries import find_story, list_stories, search, story_articles
from storyline.store.schema import SCHEMA_VERSION

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "Store",
    "cached_dossier",
    "content_key",
    "default_path",
    "find_story",
    "forget_dossier",
    "list_stories",
    "save_dossier",
    "search",
    "story_articles",
    "story_signature",
]
