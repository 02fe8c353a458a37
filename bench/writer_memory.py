"""The writer's memory while it groups: does it grow with the store, or only with what it regroups?

    .venv/bin/python -m bench.writer_memory [--sizes 5000,20000] [--batch 1000] [--top 12] [--no-trace]

Three cases, each in a fresh process; the first two on a copy of a store built once from the
generated corpus (bench.gen_corpus, cached in bench/data/writer-memory/):
  - full:   a store of N reports, all pending (what `storyline ingest` of N reports into a new store
            groups at its end): regroup_pending over the whole store;
  - batch:  a store of N reports already grouped plus --batch new reports (another seed) pending:
            regroup_pending over the batch and its neighbourhood (the stored reports sharing a blocking
            key with it, and their stories' members);
  - ingest: a whole `storyline ingest` of the N reports into a new store (what the README's "writer
            peak MB" measures): the writer's peak RSS, its CPU per report and the analysis pool's.
For full and batch: the writer's peak RSS and how much it rose while grouping (VmHWM), CPU ms per
report regrouped (process_time: the machine is shared, so not wall time), how many feature rows were
read, and, in a second process under tracemalloc, the peak of Python allocations and the sites that
held the most when the clustering starts. Each size is also given as a ratio of the first (the
baseline, same run): 4x the store gives about 4x in `full`; in `batch` the memory follows the
`regrouped` column (the batch's neighbourhood), not the store.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CACHE = HERE / "data" / "writer-memory"
BATCH_SEED = 7  # the new reports of the `batch` case: another seed than the store's


def _rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over an exec
    from the forked parent, so a child would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(n: int, batch: int, cases: list[str]) -> tuple[Path, Path]:
    """(a store of n reports, all pending; the same grouped, plus ``batch`` new reports pending), cached;
    each built only where ``cases`` need it."""
    from bench.gen_corpus import write
    from storyline.ingest import group_stored, ingest_inputs
    from storyline.store import Store

    CACHE.mkdir(parents=True, exist_ok=True)
    full, inc = CACHE / f"pending-{n}.db", CACHE / f"grouped-{n}+{batch}.db"
    corpus = CACHE / f"syn-{n}.jsonl"
    if not corpus.exists():
        write(n, corpus)
    if not full.exists() and {"full", "batch"} & set(cases):
        tmp = full.with_suffix(".tmp")
        with Store(tmp) as s:
            ingest_inputs(s, [str(corpus)], workers=0, batch=500, regroup=False)
        tmp.rename(full)
    if not inc.exists() and "batch" in cases:
        extra = write(batch, CACHE / f"syn-{batch}-seed{BATCH_SEED}.jsonl", seed=BATCH_SEED)
        tmp = inc.with_suffix(".tmp")
        shutil.copy(full, tmp)
        with Store(tmp) as s:
            from storyline.ingest import IngestStats

            group_stored(s, IngestStats())
            ingest_inputs(s, [str(extra)], workers=0, batch=500, regroup=False)
        tmp.rename(inc)
    return full, inc


def _count_loads() -> dict[str, int]:
    """Wrap the store's feature reads to count the rows regrouping loads."""
    from storyline.store import db

    counts = {"feature_rows": 0}
    original = db.Store.stored_features

    def counted(self: Any, keys: Any) -> Any:
        out = original(self, keys)
        counts["feature_rows"] += len(out)
        return out

    db.Store.stored_features = counted  # type: ignore[method-assign]
    if hasattr(db.Store, "iter_features"):
        original_iter = db.Store.iter_features

        def counted_iter(self: Any, *a: Any, **kw: Any) -> Any:
            for row in original_iter(self, *a, **kw):
                counts["feature_rows"] += 1
                yield row

        db.Store.iter_features = counted_iter  # type: ignore[attr-defined]
    return counts


def child_ingest(corpus: str) -> dict[str, Any]:
    """A whole `storyline ingest` of ``corpus`` into a new store (analysis in a pool of one process per
    core, as the CLI does): the writer's peak, and its CPU and the pool's."""
    from storyline.ingest import ingest_inputs
    from storyline.store import Store

    with tempfile.TemporaryDirectory(dir=CACHE) as tmp, Store(Path(tmp) / "ingest.db") as s:
        t0 = time.process_time()
        stats = ingest_inputs(s, [corpus], workers=0, batch=500)
        cpu = time.process_time() - t0
    pool = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"articles": stats.read, "cpu": cpu, "pool_cpu": pool.ru_utime + pool.ru_stime, "rss_mb": _rss_mb()}


def child(db: str, trace: bool, top: int) -> dict[str, Any]:
    """Regroup the pending articles of ``db`` in this process; what it cost."""
    from storyline.group import batch as batch_mod
    from storyline.group.incremental import regroup_pending
    from storyline.store import Store

    counts = _count_loads()
    snaps: list[tracemalloc.Snapshot] = []
    if trace:
        original = batch_mod.average_link

        def snapping(*a: Any, **kw: Any) -> Any:
            snaps.append(tracemalloc.take_snapshot())
            return original(*a, **kw)

        batch_mod.average_link = snapping  # type: ignore[assignment]
        tracemalloc.start(8)
    with Store(db) as s:
        before = _rss_mb()
        t0 = time.process_time()
        done = regroup_pending(s)
        cpu = time.process_time() - t0
    out: dict[str, Any] = {"articles": done.articles, "cpu": cpu, "rss_mb": _rss_mb(), "rss_before_mb": before,
                           **counts}
    if trace:
        out["trace_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        if snaps:
            biggest = max(snaps, key=lambda sn: sum(st.size for st in sn.statistics("filename")))
            stats = biggest.statistics("traceback")[:top]
            out["sites"] = [(st.size / 1e6, _site(st.traceback)) for st in stats]
    return out


def _site(tb: tracemalloc.Traceback) -> str:
    """The innermost frames of ours (storyline or bench), innermost first."""
    ours = [f"{Path(f.filename).name}:{f.lineno}" for f in reversed(tb) if "storyline" in f.filename
            or "/bench/" in f.filename]
    return " < ".join(ours[:3]) or f"{Path(tb[-1].filename).name}:{tb[-1].lineno}"


def _in_child(*args: str) -> dict[str, Any]:
    """Run ``--child ARGS`` in a fresh process (its peak is its own); what it printed."""
    proc = subprocess.run([sys.executable, "-m", "bench.writer_memory", "--child", *args], cwd=REPO,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {proc.stderr.strip()[-800:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def measure(db: Path, trace: bool, top: int) -> dict[str, Any]:
    """Regroup a copy of ``db`` in a fresh process."""
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        copy = Path(tmp) / db.name
        shutil.copy(db, copy)
        return _in_child(str(copy), str(int(trace)), str(top))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.writer_memory", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5000,20000")
    ap.add_argument("--batch", type=int, default=1000, help="new reports in the `batch` case")
    ap.add_argument("--cases", default="full,batch,ingest", help="which of full, batch, ingest")
    ap.add_argument("--top", type=int, default=12, help="allocation sites to print")
    ap.add_argument("--no-trace", action="store_true", help="skip the tracemalloc runs (slow)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        if args.child[1] == "ingest":
            print(json.dumps(child_ingest(args.child[0])))
        else:
            print(json.dumps(child(args.child[0], args.child[1] == "1", int(args.child[2]))))
        return 0
    sys.path.insert(0, str(REPO))
    sizes = [int(s) for s in args.sizes.split(",") if s]
    cases = [c for c in args.cases.split(",") if c]
    stores = {n: build(n, args.batch, cases) for n in sizes}
    print(f"{'case':<6} {'store':>7} {'regrouped':>9} {'rows read':>9} {'RSS MB':>7} {'+MB':>6} {'x':>5} "
          f"{'ms CPU/rep':>10} {'traced MB':>9} {'x':>5}")
    if "ingest" in cases:
        print(f"{'ingest':<6} {'reports':>7} {'writer peak MB':>15} {'x':>5} {'writer ms CPU/rep':>17} "
              f"{'all ms CPU/rep':>14}")
        first = None
        for n in sizes:
            r = _in_child(str(CACHE / f"syn-{n}.jsonl"), "ingest", "0")
            first = first or r
            per = 1000 / max(r["articles"], 1)
            print(f"{'ingest':<6} {n:>7,} {r['rss_mb']:>15,.0f} {r['rss_mb'] / first['rss_mb']:>5.2f} "
                  f"{r['cpu'] * per:>17.2f} {(r['cpu'] + r['pool_cpu']) * per:>14.2f}", flush=True)
    for case in [c for c in cases if c != "ingest"]:
        base: dict[str, Any] | None = None
        for n in sizes:
            db = stores[n][0 if case == "full" else 1]
            r = measure(db, False, args.top)
            t = measure(db, True, args.top) if not args.no_trace else {}
            r["grown"] = r["rss_mb"] - r["rss_before_mb"]
            r["traced"] = t.get("trace_peak_mb", 0.0)
            base = base or r
            print(f"{case:<6} {n:>7,} {r['articles']:>9,} {r['feature_rows']:>9,} {r['rss_mb']:>7,.0f} "
                  f"{r['grown']:>6,.0f} {r['grown'] / max(base['grown'], 1e-9):>5.2f} "
                  f"{1000 * r['cpu'] / max(r['articles'], 1):>10.2f} {r['traced']:>9,.1f} "
                  f"{r['traced'] / max(base['traced'], 1e-9):>5.2f}", flush=True)
            for size, where in t.get("sites", []):
                print(f"         {size:8.1f} MB  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
