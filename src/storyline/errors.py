"""The errors storyline raises on purpose, as one tree, each with the fix a person should try.

Why a tree: a caller (the CLI, a notebook, the web UI) should decide what to do from the *class* of a
failure, never by reading the words of a message. Library errors from SQLite and the file system are
translated into these classes in one place (``map_store_errors``), the way an HTTP client maps
transport errors to its own, so that no caller has to know sqlite3's wording.

    StorylineError
    ├── StoreError                 the SQLite store cannot be used
    │   ├── StoreMissing           no store at that path (a reader needs one)
    │   ├── NotAStore              a file that is not a storyline store (or a directory)
    │   ├── StoreTooNew            written by a newer storyline
    │   ├── StoreBusy              another process holds the write lock
    │   ├── StoreReadOnly          the file or its folder cannot be written
    │   ├── StoreUnavailable       cannot be opened or created there
    │   └── StoreCorrupt           damaged, or the disk failed under it
    ├── QueryError                 a search query the store cannot understand
    ├── ModelMissing               an optional model extra is not installed
    └── UsageError                 an option or argument that cannot work

A report that cannot be read is not an exception: it is a ``storyline.model.ReadError`` record that
flows with the articles, so one bad input never stops a batch.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

NEW_STORE_HINT = "`storyline ingest INPUT --db NEW.db` creates a store"


class StorylineError(Exception):
    """Base of every error storyline raises on purpose. ``fix`` says what to try next."""

    fix = ""

    def __init__(self, message: str, *, fix: str | None = None, subject: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.subject = subject  # the file, store or query the error is about, shown first
        if fix is not None:
            self.fix = fix

    def line(self) -> str:
        """The whole error as one line: subject, what happened, and (in brackets) the fix."""
        text = f"{self.subject}: {self.message}" if self.subject else self.message
        return f"{text} ({self.fix})" if self.fix else text


class StoreError(StorylineError):
    """The SQLite store at ``subject`` cannot be used."""

    fix = "check the --db path"


class StoreMissing(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__("no such store", subject=path,
                         fix=f"run `storyline ingest INPUT --db {path}` first, or pass --db")


class NotAStore(StoreError):
    fix = f"choose another --db path; {NEW_STORE_HINT}"


class StoreTooNew(StoreError):
    fix = "upgrade storyline"


class StoreBusy(StoreError):
    fix = "another storyline is writing; wait and run again"


class StoreReadOnly(StoreError):
    fix = "make it writable, or choose another --db path"


class StoreUnavailable(StoreError):
    fix = "choose another --db path in a writable folder"


class StoreCorrupt(StoreError):
    fix = "check the disk; copy the file elsewhere and retry"


class QueryError(StorylineError):
    fix = "try plain words"


class ModelMissing(StorylineError):
    """An optional model is not installed; ``fix`` names the extra that brings it."""


class UsageError(StorylineError, ValueError):
    """An option or argument that cannot work (an unknown method, a negative limit)."""


def store_error(path: str, exc: BaseException) -> StoreError:
    """The StoreError class and wording for an sqlite3 or OS error raised while using ``path``."""
    if isinstance(exc, StoreError):
        return exc
    text = " ".join(str(exc).split()) or type(exc).__name__
    low = text.lower()
    if Path(path).is_dir():
        return NotAStore("is a directory, not a store file", subject=path,
                         fix=f"pass a file path, e.g. --db {os.path.join(path, 'storyline.db')}")
    if "file is not a database" in low or "no such table" in low:
        return NotAStore(f"not a storyline store ({text})", subject=path)
    if "readonly" in low or "read-only" in low:
        return StoreReadOnly(f"the store is read-only ({text})", subject=path)
    if "unable to open" in low or isinstance(exc, PermissionError | FileNotFoundError | NotADirectoryError):
        return StoreUnavailable(f"cannot open or create the store here ({text}; the folder may be missing or "
                                "read-only)", subject=path)
    if "locked" in low or "busy" in low:
        return StoreBusy(f"the store is busy ({text})", subject=path)
    if ("disk" in low and ("full" in low or "i/o" in low)) or "malformed" in low:
        return StoreCorrupt(f"the store could not be used ({text})", subject=path)
    if isinstance(exc, sqlite3.Error | OSError):
        return StoreError(f"the store could not be used ({text})", subject=path)
    return StoreError(f"the store could not be used ({type(exc).__name__}: {text})", subject=path)


@contextlib.contextmanager
def map_store_errors(path: str) -> Iterator[None]:
    """Re-raise sqlite3 and OS errors met while using the store at ``path`` as StoreErrors."""
    try:
        yield
    except StoreError as exc:  # raised by storyline itself, perhaps before it knew the path
        exc.subject = exc.subject or path
        raise
    except (sqlite3.Error, OSError) as exc:
        raise store_error(path, exc) from exc


_STORE_TROUBLE = ("locked", "busy", "disk", "malformed", "readonly", "unable to open", "no such table",
                  "not a database")


def is_query_error(exc: sqlite3.Error) -> bool:
    """Whether SQLite refused a query itself (FTS syntax) rather than the store under it."""
    low = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and not any(w in low for w in _STORE_TROUBLE)
