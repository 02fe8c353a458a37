"""Throughput of the fact finders (names, quantities, dates) against dateparser in the same run.

Texts are the dev corpus when ../shared is present, else generated reports. Sentences are split once,
outside the timings, since every finder receives them ready-made.

Figures printed (articles/s, higher is better): each finder alone, the three together, sentence
splitting (syntok) for scale, and the baseline: ``dateparser.search.search_dates`` over the same texts
(dates only, and on a subset because it is slow). Ratios = storyline / baseline.

    python -m bench.facts_throughput [--limit N] [--repeat R] [--baseline-limit N]
"""

from __future__ import annotations

import argparse
import json
import random
import time
import warnings
from pathlib import Path

from storyline.analyze.dates import find_dates
from storyline.analyze.names import find_names
from storyline.analyze.quantities import find_quantities
from storyline.analyze.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "articles.jsonl"

_WORDS = ("council harbor ferry route budget vote chair board price water energy school bridge market farmers "
          "report minister agency officials figures residents week month city region plan").split()


def _generated(n: int) -> list[dict]:
    rng = random.Random(11)
    rows = []
    for i in range(n):
        sents = []
        for _ in range(rng.randint(10, 25)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 20))]
            sents.append(
                " ".join(words).capitalize()
                + f", Mayor Ana Ruiz said on Tuesday, citing {rng.randint(2, 900)} homes and ${rng.randint(2, 90)} million."
            )
        rows.append({"text": " ".join(sents), "lang": "en", "date": f"2024-06-{1 + i % 28:02d}"})
    return rows


def load(limit: int) -> list[dict]:
    if not CORPUS.is_file():
        return _generated(limit)
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit]


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-limit", type=int, default=40)
    args = ap.parse_args(argv)

    rows = load(args.limit)
    t0 = time.perf_counter()
    sents = [split_sentences(r["text"]) for r in rows]
    split_rate = _rate(len(rows), time.perf_counter() - t0)

    best = {"names": float("inf"), "quantities": float("inf"), "dates": float("inf")}
    for _ in range(args.repeat):
        spent = dict.fromkeys(best, 0.0)
        for r, s in zip(rows, sents, strict=True):
            text, lang = r["text"], r.get("lang")
            a = time.perf_counter()
            find_names(text, s, lang)
            b = time.perf_counter()
            find_quantities(text, s, lang)
            c = time.perf_counter()
            find_dates(text, s, r.get("date"), lang)
            d = time.perf_counter()
            spent["names"] += b - a
            spent["quantities"] += c - b
            spent["dates"] += d - c
        best = {k: min(best[k], spent[k]) for k in best}
    total = sum(best.values())

    from dateparser.search import search_dates

    subset = rows[: args.baseline_limit]
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for r in subset:
            lang = r.get("lang")
            try:
                search_dates(r["text"], languages=[lang] if lang in ("en", "es", "fr", "de", "it", "hi") else None)
            except Exception:  # noqa: BLE001 - the baseline's own failures are not ours to count
                pass
    baseline = _rate(len(subset), time.perf_counter() - t0)

    n = len(rows)
    print(f"{n} articles ({'dev corpus' if CORPUS.is_file() else 'generated'}), best of {args.repeat}")
    for k, v in best.items():
        print(f"  {k:<22} {_rate(n, v):8.0f} articles/s")
    print(f"  {'names+quantities+dates':<22} {_rate(n, total):8.0f} articles/s")
    print(f"  {'split_sentences':<22} {split_rate:8.0f} articles/s (for scale)")
    print(f"  {'dateparser (baseline)':<22} {baseline:8.1f} articles/s on {len(subset)} articles")
    print(f"  ratio dates / dateparser: {_rate(n, best['dates']) / baseline:.0f}x; "
          f"all three / dateparser: {_rate(n, total) / baseline:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
