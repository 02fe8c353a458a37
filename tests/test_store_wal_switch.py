"""Two processes opening a new store at once: the switch to WAL waits for the other one instead of
failing with "database is locked" (storyline.store.db._use_wal)."""

from __future__ import annotations

import sqlite3
import threading

from storyline.store.db import _use_wal


def test_the_wal_switch_waits_for_a_connection_holding_the_file(tmp_path) -> None:
    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    opener = sqlite3.connect(path, isolation_level=None, timeout=0.01)
    try:
        try:
            opener.execute("PRAGMA journal_mode = WAL")
            raise AssertionError("expected SQLite to refuse the switch while the file is held")
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
        threading.Timer(0.3, lambda: holder.execute("COMMIT")).start()
        _use_wal(opener)
        assert opener.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        opener.close()
        holder.close()
