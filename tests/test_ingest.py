"""``storyline ingest``: re-ingesting is a no-op, a kill -9 and a rerun equal one clean run,
ingesting in two halves gives the batch grouping, bad inputs are one-line errors."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import Store

REPO = Path(__file__).resolve().parents[1]


def _cli(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "storyline", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _gen(n: int, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "bench.gen_corpus", str(n), "--out", str(out)], cwd=REPO, check=True,
                   capture_output=True)
    return out


def kill_when(p: subprocess.Popen, db: Path, sql: str, ready, timeout: float = 300) -> bool:
    """SIGKILL ``p`` as soon as ``sql`` (one number, read from the store beside it) is ``ready``.
    Returns whether it was killed (False: it finished first)."""
    deadline = time.time() + timeout
    while time.time() < deadline and p.poll() is None:
        time.sleep(0.05)
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            n = conn.execute(sql).fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if ready(n):
            os.kill(p.pid, signal.SIGKILL)
            break
    p.communicate(timeout=30)
    return p.returncode == -signal.SIGKILL


def clean_and_killed(tmp_path: Path, n: int, args: list[str], sql: str, ready,
                     timeout: float = 300) -> tuple[Path, Path, Path]:
    """``storyline ingest`` of a generated corpus of ``n`` articles with ``args``: once to the end,
    once killed (SIGKILL) when ``sql`` is ``ready``. Returns (corpus, clean store, killed store);
    skips where the second run finished before it could be killed."""
    corpus = _gen(n, tmp_path / "syn.jsonl")
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    p = _cli("ingest", str(corpus), "--db", str(clean), *args)
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    p = _cli("ingest", str(corpus), "--db", str(killed), *args)
    if not kill_when(p, killed, sql, ready, timeout):
        pytest.skip("the ingest finished before it could be killed (machine too fast for this corpus size)")
    return corpus, clean, killed


def _state(db: Path) -> tuple[list, list, dict]:
    with Store(db, readonly=True) as s:
        keys = [r[0] for r in s.conn.execute("SELECT key FROM articles ORDER BY key")]
        members = sorted(tuple(sorted(r[0].split(","))) for r in s.conn.execute(
            "SELECT group_concat(article) FROM story_articles GROUP BY story"))
        return keys, members, s.dump()


def test_ingest_twice_leaves_the_same_store(tmp_path, dev_corpus):
    db = tmp_path / "dev.db"
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(dev_corpus), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "183 articles read: 183 new, 0 duplicate, 0 failed" in res.output
    first = _state(db)[2]
    res = runner.invoke(app, ["ingest", str(dev_corpus), "--db", str(db)])
    assert "183 articles read: 0 new, 183 duplicate" in res.output
    assert _state(db)[2] == first


def test_two_halves_group_like_one_run(tmp_path, dev_corpus):
    """Incremental grouping regroups the neighbourhood of new articles with corpus-wide counts."""
    lines = dev_corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(lines[::2]), encoding="utf-8")
    b.write_text("".join(lines[1::2]), encoding="utf-8")
    from storyline.ingest import ingest
    from storyline.read import read

    with Store(tmp_path / "halves.db") as s:
        ingest(s, read([str(a)]))
        ingest(s, read([str(b)]))
    with Store(tmp_path / "one.db") as s:
        ingest(s, read([str(a), str(b)]))
    halves, one = _state(tmp_path / "halves.db"), _state(tmp_path / "one.db")
    assert halves[0] == one[0]
    assert halves[1] == one[1]


@pytest.mark.slow
def test_kill_9_then_rerun_equals_a_clean_run(tmp_path):
    corpus, clean, killed = clean_and_killed(tmp_path, 500, ["--batch", "50"], "SELECT COUNT(*) FROM articles",
                                             lambda n: n >= 100)
    conn = sqlite3.connect(killed)
    assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 0  # killed before grouping
    assert 100 <= conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] < 500
    conn.close()
    p = _cli("ingest", str(corpus), "--db", str(killed), "--batch", "50")
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    assert " duplicate" in out
    k, c = _state(killed), _state(clean)
    assert k[0] == c[0] and k[1] == c[1]
    assert k[2] == c[2]


def test_bad_inputs_are_one_line_errors_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "report.txt"
    good.write_text("The mayor of Kelport opened a new bridge on 3 March 2025, the council said.\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["ingest", str(tmp_path / "missing.txt"), str(good), "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 1
    errors = [ln for ln in res.output.splitlines() if ln.startswith("storyline: error:")]
    assert len(errors) == 1 and "missing.txt" in errors[0]
    assert "1 articles read: 1 new, 0 duplicate, 1 failed; 1 stories" in res.output


def test_ingest_of_only_bad_inputs_leaves_no_store(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    db = tmp_path / "new.db"
    result = CliRunner().invoke(app, ["ingest", str(bad), "--db", str(db)])
    assert result.exit_code == 2
    assert not db.exists() and not (tmp_path / "new.db-wal").exists()


def test_ingest_inputs_reads_analyses_stores_and_groups(tmp_path):
    """The library's whole path, as `storyline ingest` runs it: the example story is one story."""
    from storyline.ingest import ingest_inputs

    with Store(tmp_path / "s.db") as store:
        stats = ingest_inputs(store, [str(REPO / "examples" / "port-alder-fire")], max_chars=1_000)
        assert (stats.read, stats.new, stats.failed, stats.stories) == (4, 4, 0, 1)
        stored = store.load_articles(store.article_keys(), ("id", "text", "meta"))
        cut = [a for a in stored.values() if "analysed_chars" in a.meta]
        assert cut and all(a.meta["analysed_chars"] <= 1_000 < len(a.text) for a in cut)
