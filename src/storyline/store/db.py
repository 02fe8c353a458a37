"""The SQLite store: one writer, many readers, WAL, content-hash ids.

Why this shape: the file is the deliverable a person comes back to. WAL lets ``stories`` and
``search`` read while an ``ingest`` writes; content-hash keys make re-ingesting a no-op; writes go
in batched transactions, so a kill loses at most the batch in flight and a rerun resumes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from storyline.errors import NotAStore, StoreMissing, map_store_errors
from storyline.model import Article, Story
from storyline.store.schema import migrate

DEFAULT_DB = "storyline.db"
BUSY_TIMEOUT_MS = 30_000
IN_CHUNK = 500  # values bound per "IN (...)" statement (SQLite caps bound parameters)


def default_path() -> str:
    return os.environ.get("STORYLINE_DB") or DEFAULT_DB


def content_key(article: Article) -> str:
    """Hash of the normalised text and URL: the same report read twice gets the same key, whatever
    path or id it arrived under."""
    text = unicodedata.normalize("NFKC", article.text or "")
    text = re.sub(r"\s+", " ", text).strip().lower()
    url = (article.url or "").strip().lower()
    return "a" + hashlib.sha256(f"{url}\n{text}".encode()).hexdigest()[:20]


class IndexedFeatures(Protocol):
    """An article's grouping features as the store keeps them: opaque data it writes and hands back
    (storyline.group.features.Features meets this), plus the tokens it counts and posts."""

    def to_json(self) -> str: ...

    def counted_tokens(self) -> Iterable[str]:
        """The tokens counted in the corpus-wide document frequencies (the ``df`` table)."""
        ...

    def posted_tokens(self) -> Iterable[str]:
        """The tokens posted for neighbour look-ups (the ``postings`` table)."""
        ...


_FACT_KINDS = (("quotes", "quote"), ("quantities", "quantity"), ("dates", "date"), ("names", "name"),
               ("attributions", "attribution"))


# (article key, kind, index, text, value, start, end, the fact as JSON): one row of the ``facts`` table
_FactRow = tuple[str, str, int, str | None, str | None, int | None, int | None, str]


def _fact_rows(key: str, article: Article) -> Iterator[_FactRow]:
    for attr, kind in _FACT_KINDS:
        for i, fact in enumerate(getattr(article, attr) or []):
            d = fact.to_dict()
            span = d.get("span") or [None, None]
            if kind == "quantity":
                value = d.get("normalized") if d.get("normalized") is not None else d.get("value")
            elif kind == "date":
                value = d.get("value")
            elif kind == "name":
                value = d.get("canonical") or d.get("text")
            elif kind == "quote":
                value = d.get("speaker")
            else:
                value = d.get("source")
            yield (key, kind, i, d.get("text"), None if value is None else str(value), span[0], span[1],
                   json.dumps(d, ensure_ascii=False, separators=(",", ":")))


def _check_is_store(conn: sqlite3.Connection, path: str, readonly: bool) -> None:
    """Refuse someone else's database before writing to it (WAL mode and our tables would be added to
    their file), and an empty file opened for reading. Reading sqlite_master also fails early, with
    "file is not a database", on a file that is not SQLite at all."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if readonly and "stories" not in tables:
        raise NotAStore("not a storyline store: it has no stories table" if tables
                        else "not a storyline store: the file holds no tables", subject=path)
    if not readonly and tables and "migrations" not in tables:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise NotAStore(f"not a storyline store: it holds other tables ({shown})", subject=path)


def _record(data: str, keep: set[str] | None) -> Article:
    """An Article from its stored JSON; with ``keep``, only those fields (the rest keep defaults)."""
    d = json.loads(data)
    return Article.from_dict(d if keep is None else {k: v for k, v in d.items() if k in keep})


# Why a reader cannot open read-only (mode=ro): it may not create the -wal/-shm files next to the store.
_NO_WAL_FILES = ("SQLITE_READONLY", "SQLITE_CANTOPEN")


def _connect_for_reading(path: str) -> sqlite3.Connection:
    """A connection that cannot write, also to a store in a folder or file this user may not write.

    A WAL store is read through its -wal and -shm files, which SQLite creates beside it; see
    https://www.sqlite.org/wal.html#readonly. Three cases:
    - no -wal file (no writer is connected) and a writable folder and file: an ordinary connection
      with ``query_only``, as before: the last one to close removes the -wal and -shm files it made
      (a ``mode=ro`` connection would leave them behind);
    - otherwise ``mode=ro``: it reads what a running writer committed, through the writer's -wal;
    - where even that cannot create the -shm file (a read-only folder): ``immutable=1``, which reads
      the store file alone; nobody can be writing it, since a writer would need those files too.
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.exists(path + "-wal") and os.access(folder, os.W_OK) and os.access(path, os.W_OK):
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        conn.execute("PRAGMA query_only = ON")
        return conn
    uri = Path(os.path.abspath(path)).as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the -wal and -shm files
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if not str(getattr(exc, "sqlite_errorname", "")).startswith(_NO_WAL_FILES):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout, isolation_level=None)


WAL_RETRY_S = 0.05


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to write-ahead logging, waiting up to BUSY_TIMEOUT_MS for other connections.

    Why a loop: SQLite answers "database is locked" at once, without its busy handler, when another
    connection holds the file while the journal mode changes; two ingests started together on a new
    store met that (one of them stopped with "the store is busy"). The mode is kept in the file, so
    the retry usually finds the other process has already switched it."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_S)


class Store:
    """A storyline SQLite file. Use as a context manager; ``Store(path, readonly=True)`` for readers."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False):
        self.path = str(path or default_path())
        if readonly and not Path(self.path).exists():
            raise StoreMissing(self.path)
        with map_store_errors(self.path):
            self._open(readonly)
        self.readonly = readonly

    def _open(self, readonly: bool) -> None:
        if readonly:
            self.conn = _connect_for_reading(self.path)
        else:
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _check_is_store(self.conn, self.path, readonly)
            if not readonly:
                _use_wal(self.conn)
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.conn.execute("PRAGMA foreign_keys = ON")
                migrate(self.conn)
        except BaseException:
            self.conn.close()  # a store that failed to open must not hold the file
            raise

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: committed when the block ends, rolled back on any exception
        (a Ctrl-C included), so a store never keeps half a write."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------------

    def has(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE key = ?", (key,)).fetchone() is not None

    def add_articles(self, items: Iterable[tuple[str, Article, IndexedFeatures]]) -> int:
        """Insert new articles (key, article, features) in ONE transaction; existing keys are
        skipped. Returns how many were new."""
        c = self.conn
        new = 0
        with self._transaction():
            for key, a, f in items:
                cur = c.execute(
                    "INSERT OR IGNORE INTO articles (key, id, source, url, title, outlet, date, lang, text,"
                    " data, features) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (key, a.id, a.source, a.url, a.title, a.outlet, a.date, a.lang, a.text,
                     json.dumps(a.to_dict(), ensure_ascii=False, separators=(",", ":")), f.to_json()),
                )
                if cur.rowcount == 0:
                    continue
                new += 1
                c.executemany("INSERT INTO facts VALUES (?,?,?,?,?,?,?,?)", _fact_rows(key, a))
                c.execute("INSERT INTO articles_fts (key, title, text) VALUES (?,?,?)", (key, a.title or "", a.text))
                self._index_tokens(key, f)
        return new

    def _index_tokens(self, key: str, f: IndexedFeatures) -> None:
        """Count an article's tokens in the document frequencies and post the ones it names."""
        self.conn.executemany("INSERT INTO df (token, n) VALUES (?, 1) ON CONFLICT(token) DO UPDATE SET n = n + 1",
                              ((t,) for t in f.counted_tokens()))
        self.conn.executemany("INSERT OR IGNORE INTO postings (token, article) VALUES (?, ?)",
                              ((t, key) for t in f.posted_tokens()))

    def set_grouping_method(self, method: str) -> None:
        """Record the method ("lexical" or "semantic") this store groups its stories with. Regrouping
        the stories is the caller's to ask for (mark_all_pending)."""
        self.conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('grouping_mode', ?)", (method,))

    def mark_all_pending(self) -> None:
        """Make every article pending, so the next regroup covers the whole store."""
        self.conn.execute("UPDATE articles SET grouped = 0")

    def add_topics(self, items: Iterable[tuple[str, str, np.ndarray]]) -> int:
        """Store topic vectors (key, method, vector) in ONE transaction. Returns how many."""
        c = self.conn
        n = 0
        with self._transaction():
            for key, method, vec in items:
                c.execute("INSERT OR REPLACE INTO topics (article, method, vector) VALUES (?, ?, ?)",
                          (key, method, np.asarray(vec, dtype=np.float32).tobytes()))
                n += 1
        return n

    def set_features_version(self, version: str) -> None:
        """Record which grouping version made the stored features (the meta key is 'grouping')."""
        self.conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('grouping', ?)", (version,))

    def replace_features(self, items: Iterable[tuple[str, IndexedFeatures]], version: str) -> int:
        """Give every article new grouping features, in ONE transaction: the document frequencies and
        postings are rebuilt from them, every article becomes pending (to be regrouped) and the store
        records ``version``. Used when the store's features were made by another grouping version,
        whose tokens the current one would misread. Returns the number of articles updated."""
        c = self.conn
        n = 0
        with self._transaction():
            c.execute("DELETE FROM df")
            c.execute("DELETE FROM postings")
            for key, f in items:
                c.execute("UPDATE articles SET features = ?, grouped = 0 WHERE key = ?", (f.to_json(), key))
                self._index_tokens(key, f)
                n += 1
            self.set_features_version(version)
        return n

    def replace_stories(self, removed: Iterable[str], stories: Iterable[tuple[Story, list[str]]],
                        grouped: Iterable[str]) -> None:
        """Swap stories in one transaction: drop ``removed`` ids, insert ``stories`` (with their
        article keys), mark ``grouped`` article keys done."""
        c = self.conn
        with self._transaction():
            c.executemany("DELETE FROM stories WHERE id = ?", ((s,) for s in removed))
            for story, keys in stories:
                c.execute(
                    "INSERT OR REPLACE INTO stories (id, title, method, start, end, n_articles) VALUES (?,?,?,?,?,?)",
                    (story.id, story.title, story.method, story.start, story.end, len(keys)),
                )
                c.executemany("INSERT OR REPLACE INTO story_articles (article, story) VALUES (?, ?)",
                              ((k, story.id) for k in keys))
            c.executemany("UPDATE articles SET grouped = 1 WHERE key = ?", ((k,) for k in grouped))

    # --- reading -------------------------------------------------------------------------------

    def _rows_in(self, query: str, values: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``query`` (one ``IN ({})`` placeholder) for all ``values``, in chunks of
        ``IN_CHUNK`` so no statement exceeds SQLite's limit on bound parameters."""
        vals = list(values)
        for i in range(0, len(vals), IN_CHUNK):
            chunk = vals[i : i + IN_CHUNK]
            yield from self.conn.execute(query.format(",".join("?" * len(chunk))), chunk)

    def features_version(self) -> str | None:
        """The grouping version the stored features were made by (None: not recorded, as in a store
        written before storyline recorded it)."""
        row = self.conn.execute("SELECT value FROM meta WHERE name = 'grouping'").fetchone()
        return row[0] if row else None

    def grouping_method(self) -> str:
        """"lexical" (the default) or "semantic": the method this store groups its stories with."""
        row = self.conn.execute("SELECT value FROM meta WHERE name = 'grouping_mode'").fetchone()
        return row[0] if row else "lexical"

    def has_stories_not_by(self, method: str) -> bool:
        """Whether some stored story was made by another grouping method than ``method``."""
        return self.conn.execute("SELECT 1 FROM stories WHERE method != ? LIMIT 1", (method,)).fetchone() is not None

    def topics(self, keys: Iterable[str], method: str) -> dict[str, np.ndarray]:
        """key -> topic vector made for ``method``, for those of ``keys`` that have one."""
        rows = self._rows_in("SELECT article, method, vector FROM topics WHERE article IN ({})", keys)
        return {r[0]: np.frombuffer(r[2], dtype=np.float32).astype(np.float64) for r in rows if r[1] == method}

    def load_articles(self, keys: Iterable[str], fields: Iterable[str] | None = None) -> dict[str, Article]:
        """key -> article for ``keys``; with ``fields``, only those fields are loaded."""
        keep = set(fields) if fields is not None else None
        return {key: _record(data, keep)
                for key, data in self._rows_in("SELECT key, data FROM articles WHERE key IN ({})", keys)}

    def stored_articles(self, fields: Iterable[str] | None = None) -> Iterator[tuple[str, Article]]:
        """(key, article) for every stored article, in key order, read lazily; with ``fields``, only
        those fields of each record are loaded (the rest keep their defaults). The keys are read
        first, so a caller may update the articles while it iterates."""
        keep = set(fields) if fields is not None else None
        keys = [r[0] for r in self.conn.execute("SELECT key FROM articles ORDER BY key")]
        for key, data in self._rows_in("SELECT key, data FROM articles WHERE key IN ({}) ORDER BY key", keys):
            yield key, _record(data, keep)

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def count_stories(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0])

    def article_keys(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT key FROM articles")}

    def story_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT id FROM stories")}

    def df(self, tokens: Iterable[str]) -> dict[str, int]:
        return {r[0]: r[1] for r in self._rows_in("SELECT token, n FROM df WHERE token IN ({})", tokens)}

    def pending(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT key FROM articles WHERE grouped = 0 ORDER BY key")]

    def articles_with(self, token: str, limit: int) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT article FROM postings WHERE token = ? ORDER BY article LIMIT ?", (token, limit))]

    def stored_features(self, keys: Iterable[str]) -> dict[str, tuple[str, str, str | None]]:
        """key -> (article id, the features as stored, date) for ``keys``."""
        rows = self._rows_in("SELECT key, id, features, date FROM articles WHERE key IN ({})", keys)
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def grouping_order(self, keys: Iterable[str] | None = None) -> list[tuple[str, str, str | None]]:
        """(key, article id, date) of ``keys``, or of every article where None: what regrouping keeps
        of each article while it streams their features (stored_features) in chunks."""
        if keys is None:
            return [(r[0], r[1], r[2]) for r in self.conn.execute("SELECT key, id, date FROM articles")]
        return [(r[0], r[1], r[2]) for r in self._rows_in("SELECT key, id, date FROM articles WHERE key IN ({})", keys)]

    def stories_of(self, keys: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows_in("SELECT DISTINCT story FROM story_articles WHERE article IN ({})", keys)}

    def members(self, story_ids: Iterable[str]) -> list[str]:
        return [r[0] for r in self._rows_in("SELECT article FROM story_articles WHERE story IN ({})", story_ids)]

    def article(self, key: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE key = ?", (key,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def titles(self, keys: Iterable[str]) -> dict[str, tuple[str, str | None, str | None]]:
        """key -> (id, title, text's first line) for story titles."""
        out = {}
        for k in keys:
            r = self.conn.execute("SELECT id, title, substr(text, 1, 200) FROM articles WHERE key = ?", (k,)).fetchone()
            if r:
                out[k] = (r[0], r[1], r[2])
        return out

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's rows, sorted, without timestamps: for comparing two stores in tests."""
        out = {}
        for table, cols in (("articles", "key, id, source, url, title, outlet, date, lang, text, data, features, grouped"),
                            ("facts", "*"), ("postings", "*"), ("df", "*"), ("stories", "*"),
                            ("story_articles", "*"), ("articles_fts", "key, title, text"), ("topics", "*"),
                            ("migrations", "version, name")):
            out[table] = sorted(tuple(r) for r in self.conn.execute(f"SELECT {cols} FROM {table}"))
        return out
