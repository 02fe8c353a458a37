"""Two writers at once: ingests into one store take turns (store/writer_lock.py), so two ingests
started together leave the store that running them one after the other leaves (issue 12)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_ingest import _cli, _gen, _state

from storyline.errors import StoreBusy
from storyline.ingest import ingest
from storyline.model import Article
from storyline.store import Store
from storyline.store.writer_lock import lock_path, writer_lock


def test_a_second_writer_waits_and_is_told(tmp_path):
    db = str(tmp_path / "s.db")
    told: list[bool] = []
    with writer_lock(db):
        with pytest.raises(StoreBusy) as info, writer_lock(db, wait=0.5, on_wait=lambda: told.append(True)):
            pass
    assert told == [True] and info.value.subject == db
    with writer_lock(db, wait=0.5):  # released when the first block ended
        pass


def test_ingest_waits_for_the_writer_before_it(tmp_path):
    db = tmp_path / "s.db"
    order: list[str] = []
    release = threading.Event()

    def first() -> None:
        with writer_lock(str(db)):
            order.append("first holds the lock")
            release.wait(10)
            order.append("first done")

    holder = threading.Thread(target=first)
    holder.start()
    while not order:
        time.sleep(0.01)
    def waiting() -> None:  # the first writer lets go only once the second is seen waiting
        order.append("second waits")
        release.set()

    with Store(db) as store:
        stats = ingest(store, [Article(id="a", text="A fire burned 20 homes in Kelport on Monday.")],
                       on_wait=waiting)
    holder.join()
    assert order == ["first holds the lock", "second waits", "first done"] and stats.new == 1


def test_a_killed_writer_leaves_no_lock_behind(tmp_path):
    db = tmp_path / "s.db"
    code = ("import sys, time; from storyline.store.writer_lock import writer_lock\n"
            "with writer_lock(sys.argv[1]):\n    print('locked', flush=True); time.sleep(60)\n")
    p = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "locked"
    with pytest.raises(StoreBusy):
        with writer_lock(str(db), wait=0.3):
            pass
    os.kill(p.pid, signal.SIGKILL)
    p.communicate(timeout=30)
    with writer_lock(str(db), wait=5):
        pass
    assert Path(lock_path(str(db))).exists()


def _sound(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        bad = conn.execute("SELECT COUNT(*) FROM stories s WHERE s.n_articles != "
                           "(SELECT COUNT(*) FROM story_articles sa WHERE sa.story = s.id)").fetchone()[0]
        lost = conn.execute("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                            "(SELECT 1 FROM story_articles sa WHERE sa.article = a.key)").fetchone()[0]
        assert bad == 0 and lost == 0
    finally:
        conn.close()


@pytest.mark.slow
def test_two_concurrent_ingests_equal_one_after_the_other(tmp_path):
    corpus = _gen(160, tmp_path / "syn.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(corpus[::2]), encoding="utf-8")
    b.write_text("".join(corpus[1::2]), encoding="utf-8")
    sequential = tmp_path / "sequential.db"
    for half in (a, b):
        p = _cli("ingest", str(half), "--db", str(sequential), "--workers", "1", "--batch", "10")
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    want = _state(sequential)[:2]
    for run in range(10):
        db = tmp_path / f"together-{run}.db"
        first = _cli("ingest", str(a), "--db", str(db), "--workers", "1", "--batch", "10")
        second = _cli("ingest", str(b), "--db", str(db), "--workers", "1", "--batch", "10")
        out = [p.communicate(timeout=300) for p in (first, second)]
        assert first.returncode == 0 and second.returncode == 0, out
        _sound(db)
        assert _state(db)[:2] == want, f"run {run}"
