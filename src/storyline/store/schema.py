"""The store's schema as numbered migrations, applied in order and recorded in ``migrations``.

Why migrations from day one: the SQLite file is what users keep. A later version must be able to
open an older file and bring it up to date, and a reader can tell which version wrote it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from storyline.errors import StoreTooNew

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, facts, stories, full-text index",
        """
        CREATE TABLE articles (
            key TEXT PRIMARY KEY,          -- content hash of the normalised text and URL
            id TEXT NOT NULL,              -- the id the input gave it (JSONL id, path, path:line)
            source TEXT, url TEXT, title TEXT, outlet TEXT, date TEXT, lang TEXT,
            text TEXT NOT NULL,
            data TEXT NOT NULL,            -- the full Article record as JSON
            features TEXT NOT NULL,        -- grouping features as JSON (so regrouping re-reads nothing)
            grouped INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX articles_id ON articles(id);
        CREATE INDEX articles_pending ON articles(grouped) WHERE grouped = 0;
        CREATE TABLE facts (
            article TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
            kind TEXT NOT NULL,            -- quote, quantity, date, name, attribution
            idx INTEGER NOT NULL,
            text TEXT, value TEXT, start INTEGER, end INTEGER,
            data TEXT NOT NULL,
            PRIMARY KEY (article, kind, idx)
        ) WITHOUT ROWID;
        CREATE INDEX facts_kind_value ON facts(kind, value);
        -- Blocking postings (numbers, dates, names) and corpus-wide document frequencies.
        CREATE TABLE postings (
            token TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (token, article)
        ) WITHOUT ROWID;
        CREATE TABLE df (token TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE stories (
            id TEXT PRIMARY KEY, title TEXT, method TEXT NOT NULL,
            start TEXT, end TEXT, n_articles INTEGER NOT NULL
        );
        CREATE TABLE story_articles (
            article TEXT PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
            story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
        );
        CREATE INDEX story_articles_story ON story_articles(story);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            key UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
        """,
    ),
    (
        2,
        "topic vectors for the semantic grouping method",
        """
        CREATE TABLE topics (
            article TEXT PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
            method TEXT NOT NULL,          -- the grouping method the vector was made for
            vector BLOB NOT NULL           -- float32 unit vector (group/topic.py)
        ) WITHOUT ROWID;
        """,
    ),
    (
        3,
        "cached dossiers",
        """
        CREATE TABLE dossiers (
            story TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            signature TEXT NOT NULL,       -- hash of the members' keys and records when it was computed
            checker TEXT NOT NULL,         -- the cross-check version and options that computed it
            created TEXT NOT NULL,
            data TEXT NOT NULL             -- the dossier as JSON, as the caller rendered it
        );
        """,
    ),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    row = conn.execute("SELECT MAX(version) FROM migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this file lacks, each in its own transaction. Returns the version.
    Two processes opening a new store at once do not both apply a migration: each checks the
    version again once it holds the write lock."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreTooNew(f"the store was written by a newer storyline (schema {version} > {SCHEMA_VERSION})")
    for number, name, sql in MIGRATIONS:
        if number <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) >= number:  # another process applied it while this one waited
                conn.execute("COMMIT")
                version = number
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (number, name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = number
    return version


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (no semicolons inside our string literals)."""
    out = []
    for part in sql.split(";"):
        lines = [ln for ln in part.splitlines() if ln.strip() and not ln.strip().startswith("--")]
        if lines:
            out.append("\n".join(lines))
    return out
