"""The semantic method's ingest against the lexical one, on generated reports (bench.gen_corpus).

    .venv/bin/python -m bench.semantic_ingest [--n 2000] [--workers 0] [--runs lexical,semantic]

Each run is a fresh process ingesting the first N reports of bench/data/synthetic-10000.jsonl into a
new store with ``--method lexical`` or ``--method semantic`` (the CLI's path: storyline.ingest.
ingest_inputs, a pool of one process per core by default). Prints reports/s, CPU seconds per report
(the writer's and its workers', so a loaded machine still gives a fair figure), the writer's peak MB,
and the semantic run against the lexical one in the same invocation. Also the share of reports whose
topic text repeats an earlier one's exactly (an in-process cache embeds it once): a generator with
few templates repeats more than real news does, so that share is printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SOURCE = 10_000  # bench/data/synthetic-10000.jsonl: the runs take its first N lines


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def run_one(method: str, corpus: Path, db: Path, workers: int) -> dict:
    """One ingest in this (fresh) process."""
    from storyline.ingest import ingest_inputs
    from storyline.store import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        stats = ingest_inputs(store, [str(corpus)], workers=workers, method=method, batch=500)
    seconds = time.perf_counter() - t0
    return {"n": stats.read, "method": stats.method, "stories": stats.stories, "seconds": seconds,
            "cpu": _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN),
            "writer_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def repeated_share(corpus: Path) -> float:
    """The share of reports whose topic text (topic.topic_text) an earlier report already had."""
    from storyline.group.topic import topic_text
    from storyline.model import Article

    texts = []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                texts.append(topic_text(Article(id=str(row.get("id", "")), text=row["text"], title=row.get("title"))))
    return 1 - len(set(texts)) / len(texts) if texts else 0.0


def _measure(method: str, corpus: Path, db: Path, workers: int) -> dict:
    proc = subprocess.run([sys.executable, "-m", "bench.semantic_ingest", "--child", method, str(corpus), str(db),
                           str(workers)], cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{method} on {corpus} failed: {proc.stderr.strip()[-800:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.semantic_ingest", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help=f"reports (at most {SOURCE:,})")
    ap.add_argument("--workers", type=int, default=0, help="analysis processes (0: one per core, the CLI's default)")
    ap.add_argument("--runs", default="lexical,semantic")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        method, corpus, db, workers = args.child
        print(json.dumps(run_one(method, Path(corpus), Path(db), int(workers))))
        return 0
    sys.path.insert(0, str(REPO))
    from bench.ingest_floor import corpus as generated

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / f"synthetic-{args.n}.jsonl"
        with open(generated(SOURCE), encoding="utf-8") as src, open(corpus, "w", encoding="utf-8") as out:
            for k, line in enumerate(src):
                if k >= args.n:
                    break
                out.write(line)
        print(f"{os.cpu_count()} cores; {args.n:,} generated reports; workers {args.workers or 'one per core'}; "
              f"topic texts repeating an earlier one: {repeated_share(corpus):.1%}")
        print(f"{'method':<9} {'reports/s':>10} {'CPU ms/report':>14} {'x lexical CPU':>14} {'writer MB':>10} "
              f"{'stories':>8}")
        base = None
        for method in [r for r in args.runs.split(",") if r]:
            r = _measure(method, corpus, Path(tmp) / f"{method}.db", args.workers)
            per = 1000 * r["cpu"] / r["n"]
            base = base or per
            print(f"{method:<9} {r['n'] / r['seconds']:>10,.1f} {per:>14,.1f} {per / base:>14.2f} "
                  f"{r['writer_mb']:>10,.0f} {r['stories']:>8,}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
