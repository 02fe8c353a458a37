"""Ingest at scale: 10k and 100k generated reports (1M with --million) on one process, a worker pool,
Dask with 1 and 2 workers and a simulated cluster (a `dask scheduler` and several `dask worker`
processes talking over loopback TCP), against the MinHash LSH baseline in the same run.

    .venv/bin/python -m bench.ingest_scale [--sizes 10000,100000] [--million] [--cluster-workers 4]
                                           [--runs local1,local,dask1,dask2,cluster,lsh] [--check-at 100000]

Each run is a fresh process (its peak memory is its own) ingesting bench/data/synthetic-N.jsonl
(bench.gen_corpus) into a new store:
  - local1:  storyline ingest --workers 1 (one process reads, analyses, writes and groups);
  - local:   --workers 0, a pool of one process per core (the CLI's default);
  - dask1, dask2: --dask local with 1 and 2 worker processes;
  - cluster: --dask tcp://127.0.0.1:PORT, a scheduler and --cluster-workers workers started as separate
             processes, as on a real cluster (here all on this machine, so it shows the cost of the
             network protocol and of more workers than cores, not a speed-up);
  - lsh:     baseline: datasketch MinHash + LSH over the same texts (bench.grouping_throughput).
Prints reports/s, the writer's peak RSS and the largest worker's, the ratio to the first run (the scaling
curve), and for sizes >= --check-at whether each store equals the local one: the same articles and
facts counts and the same story memberships (a SHA-256 of the sorted member lists).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RUNS = ("local1", "local", "dask1", "dask2", "cluster", "lsh")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _digest(db: Path) -> dict:
    """What must not depend on how the store was made: counts and the stories' members, hashed."""
    from storyline.store import Store

    with Store(db, readonly=True) as s:
        count = {t: s.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("articles", "facts", "stories", "postings", "df")}
        members = sorted(r[0] for r in s.conn.execute(
            "SELECT group_concat(article, ',') FROM (SELECT story, article FROM story_articles "
            "ORDER BY story, article) GROUP BY story"))
        feats = hashlib.sha256()
        for (f,) in s.conn.execute("SELECT features FROM articles ORDER BY key"):
            feats.update(f.encode())
    return {**count, "stories_sha": hashlib.sha256("\n".join(members).encode()).hexdigest()[:16],
            "features_sha": feats.hexdigest()[:16]}


def _worker_peak_mb(client) -> float:
    peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return max(peaks.values()) / 1024 if peaks else 0.0


def run_one(kind: str, corpus: Path, db: Path, address: str | None) -> dict:
    """One run in this (fresh) process."""
    from storyline.ingest import ingest_inputs
    from storyline.store import Store

    t0 = time.perf_counter()
    worker_mb = 0.0
    if kind == "lsh":
        sys.path.insert(0, str(REPO))
        from bench.grouping_throughput import run_lsh

        out = run_lsh(corpus)
        return {"n": out["n"], "seconds": out["seconds"], "writer_mb": out["peak_mb"], "worker_mb": 0.0}
    with Store(db) as store:
        if kind.startswith("local"):
            stats = ingest_inputs(store, [str(corpus)], workers=1 if kind == "local1" else 0, batch=500)
            worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        else:
            from storyline.distributed import DaskExecutor

            target = "local" if kind.startswith("dask") else str(address)
            workers = {"dask1": 1, "dask2": 2}.get(kind)
            with DaskExecutor(target, workers=workers) as ex:
                stats = ingest_inputs(store, [str(corpus)], executor=ex, batch=500)
                worker_mb = _worker_peak_mb(ex._client)
    seconds = time.perf_counter() - t0
    return {"n": stats.read, "seconds": seconds, "writer_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_mb": worker_mb}


def _child(kind: str, corpus: str, db: str, address: str) -> None:
    print(json.dumps(run_one(kind, Path(corpus), Path(db), address or None)))


def _measure(kind: str, corpus: Path, db: Path, address: str = "") -> dict:
    proc = subprocess.run([sys.executable, "-m", "bench.ingest_scale", "--child", kind, str(corpus), str(db), address],
                          cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} on {corpus} failed: {proc.stderr.strip()[-800:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


class _Cluster:
    """A scheduler and ``n`` single-threaded workers as separate processes on loopback TCP."""

    def __init__(self, n: int) -> None:
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        port = self.address.rsplit(":", 1)[1]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                        "--port", port, "--dashboard-address", "127.0.0.1:0"], **quiet)]
        time.sleep(3)
        self.procs += [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", self.address,
                                         "--nthreads", "1", "--nworkers", "1", "--host", "127.0.0.1",
                                         "--no-dashboard"], **quiet) for _ in range(n)]
        from distributed import Client

        with Client(self.address, timeout=60) as c:
            c.wait_for_workers(n, timeout=120)

    def close(self) -> None:
        for p in reversed(self.procs):
            p.terminate()
        for p in self.procs:
            p.wait(timeout=60)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ingest_scale", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--million", action="store_true", help="add 1,000,000 reports (hours on 2 cores)")
    ap.add_argument("--runs", default=",".join(RUNS), help=f"which of {','.join(RUNS)}")
    ap.add_argument("--cluster-workers", type=int, default=4)
    ap.add_argument("--check-at", type=int, default=100_000, help="check store equality from this size up")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    sys.path.insert(0, str(REPO))
    from bench.ingest_floor import corpus, floor

    sizes = [int(s) for s in args.sizes.split(",") if s] + ([1_000_000] if args.million else [])
    runs = [r for r in args.runs.split(",") if r]
    print(f"{os.cpu_count()} cores; runs: {', '.join(runs)}; cluster: a scheduler + {args.cluster_workers} workers")
    for n in sizes:
        path = corpus(n)
        with tempfile.TemporaryDirectory(dir=HERE / "data") as tmp:
            t0 = time.perf_counter()
            floor(path, Path(tmp) / "floor.db")
            floor_rate = n / (time.perf_counter() - t0)
            print(f"\n{n:,} reports ({path.stat().st_size / 1e6:.0f} MB); floor (parse + FTS5 insert): "
                  f"{floor_rate:,.0f}/s")
            print(f"{'run':<10} {'reports/s':>10} {'x ' + runs[0]:>9} {'x floor':>8} {'writer MB':>10} "
                  f"{'worker MB':>10}  same store")
            base = None
            reference = None
            for kind in runs:
                db = Path(tmp) / f"{kind}.db"
                cluster = _Cluster(args.cluster_workers) if kind == "cluster" else None
                try:
                    r = _measure(kind, path, db, cluster.address if cluster else "")
                finally:
                    if cluster:
                        cluster.close()
                rate = r["n"] / r["seconds"]
                base = base or rate
                same = ""
                if kind != "lsh" and n >= args.check_at:
                    d = _digest(db)
                    reference = reference or d
                    same = "yes" if d == reference else f"NO: {d} vs {reference}"
                print(f"{kind:<10} {rate:>10,.0f} {rate / base:>9.2f} {rate / floor_rate:>8.3f} "
                      f"{r['writer_mb']:>10,.0f} {r['worker_mb']:>10,.0f}  {same}", flush=True)
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
