"""Ctrl-C and SIGTERM during an ingest that runs a worker pool: one line, a known exit code, no
traceback from the workers, and a sound store that a rerun resumes (issue 12).

Decision recorded here: SIGINT exits 130 and SIGTERM exits 143 (128 + the signal number, as a shell
reports a process killed by it), so a supervisor can tell "stopped by a person" from "stopped by the
system"; both print the same line and keep what was committed.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
N_ARTICLES = 12000  # far more than one run gets through before the signal, even on a busy machine: the pool is
# busy when it comes (with 3,000 a loaded CI machine once finished the whole ingest first: exit code 0)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "c.jsonl"
    subprocess.run([sys.executable, "-m", "bench.gen_corpus", str(N_ARTICLES), "--out", str(out)], cwd=REPO,
                   check=True, capture_output=True)
    return out


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # the schema is not there yet
        return 0


def _ingest_until_busy(corpus: Path, db: Path) -> subprocess.Popen[str]:
    """An ingest with two workers, once it has committed more articles than are analysed before the
    pool starts (storyline.pipeline.POOL_AFTER): the pool is running."""
    from storyline.pipeline import POOL_AFTER

    proc = subprocess.Popen([sys.executable, "-m", "storyline", "ingest", str(corpus), "--db", str(db),
                             "--workers", "2", "--batch", "10"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            start_new_session=True)
    while _stored(db) <= POOL_AFTER + 20:
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before it could be interrupted: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.05)
    return proc


@pytest.mark.parametrize(("sig", "whole_group", "code"), [
    (signal.SIGINT, True, 130),  # Ctrl-C in a terminal: every process of the job gets SIGINT
    (signal.SIGTERM, False, 143),  # kill PID
    (signal.SIGTERM, True, 143),  # a supervisor stopping the whole group
])
def test_interrupted_ingest_is_one_line_and_keeps_a_sound_store(corpus, tmp_path, sig, whole_group, code):
    db = tmp_path / "news.db"
    proc = _ingest_until_busy(corpus, db)
    workers = _children(proc.pid)
    assert len(workers) == 2 or not Path("/proc").is_dir(), workers
    if whole_group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    lines = err.splitlines()
    assert proc.returncode == code, f"{err!r}; {_stored(db)} of {N_ARTICLES} articles stored"
    assert len(lines) == 1 and lines[0].startswith("storyline: interrupted; committed articles are kept"), err
    assert "Traceback" not in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < kept < N_ARTICLES
    for pid in workers:  # no worker outlives the run
        assert not _alive(pid), pid


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers die with their parent on Linux only")
def test_workers_die_with_a_killed_ingest(corpus, tmp_path):
    db = tmp_path / "news.db"
    proc = _ingest_until_busy(corpus, db)
    workers = _children(proc.pid)
    assert len(workers) == 2, workers
    proc.kill()
    proc.communicate(timeout=60)
    for pid in workers:
        assert not _alive(pid), pid
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc; elsewhere none are found)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its reaper does not), after a moment to exit."""
    for _ in range(50):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        if state == "Z":
            return False
        time.sleep(0.1)
    return True
