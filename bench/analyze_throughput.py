"""Throughput of per-article analysis (``storyline.analyze.analyze``), whole and stage by stage.

The baseline is the pre-optimisation path, rebuilt in the same run from pieces that are still
callable: quotes and attributions each reading the speech
acts on their own (two resolvers per article), and the name-registry regex without its look-ahead.
The bench checks that both paths give the same output before timing them. The baseline shares the
regexes that were made cheaper in place (compiled once, titles grouped by first character), so its
ratio is a lower bound on the gain against the code as it was.

Articles come from the dev corpus (read with ``storyline.read``) when ../shared is present, else from
generated text. Each figure is the best of ``--repeat`` runs (the machine is shared: the best run is
the least disturbed one). Higher is better; ratio = optimised / baseline.

    python -m bench.analyze_throughput [--repeat R] [--limit N]
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from storyline.analyze import analyze
from storyline.analyze import resolver as resolver_mod
from storyline.analyze.attributions import find_attributions
from storyline.analyze.dates import find_dates
from storyline.analyze.names import find_names
from storyline.analyze.quantities import find_quantities
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.analyze.speakers import _REGISTRY, _REGISTRY_STARTS
from storyline.analyze.speech import read_speech
from storyline.model import Article

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "articles.jsonl"


def load_articles(limit: int | None) -> list[Article]:
    if CORPUS.is_file():
        from storyline.read import read

        arts = [a for a in read([str(CORPUS)]) if isinstance(a, Article)]
    else:
        from bench.extract_throughput import _generated

        arts = [Article(id=str(i), text=text, title=title, lang="en")
                for i, (title, text) in enumerate(_generated(limit or 150))]
    return arts[:limit] if limit else arts


@contextlib.contextmanager
def _registry_without_lookahead() -> Iterator[None]:
    """The resolver's name scan as it was: the same regex without the first-characters look-ahead."""
    plain = re.compile(_REGISTRY.pattern[len(_REGISTRY_STARTS) :])
    saved = resolver_mod._REGISTRY
    resolver_mod._REGISTRY = plain
    try:
        yield
    finally:
        resolver_mod._REGISTRY = saved


def analyze_baseline(article: Article) -> Article:
    """``analyze`` as it was before the speed work (call inside ``_registry_without_lookahead``)."""
    from storyline.analyze.language import detect_language

    text = article.text
    if not article.lang:
        article.lang = detect_language(text)
    article.sentences = split_sentences(text)
    article.names = find_names(text, article.sentences, lang=article.lang)
    article.quantities = find_quantities(text, article.sentences, lang=article.lang)
    article.dates = find_dates(text, article.sentences, article_date=article.date, lang=article.lang)
    article.quotes = find_quotes(text, article.sentences, article.names, lang=article.lang)
    article.attributions = find_attributions(text, article.sentences, article.names, lang=article.lang)
    return article


def best_rate(fn: Callable[[], None], count: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return count / best if best > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)

    arts = load_articles(args.limit)
    n = len(arts)
    fresh = [copy.copy(a) for a in arts]
    done = [analyze(copy.copy(a)) for a in arts]  # also warms caches and lazy imports
    with _registry_without_lookahead():
        base = [analyze_baseline(copy.copy(a)) for a in arts]
    same = sum(a.to_dict() == b.to_dict() for a, b in zip(done, base, strict=True))
    print(f"{n} articles ({'dev corpus' if CORPUS.is_file() else 'generated'}), best of {args.repeat}; "
          f"same output as the baseline path: {same}/{n}")

    def whole() -> None:
        for a in fresh:
            analyze(copy.copy(a))

    def whole_base() -> None:
        with _registry_without_lookahead():
            for a in fresh:
                analyze_baseline(copy.copy(a))

    texts = [a.text for a in done]
    rows: list[tuple[str, float, float | None]] = []
    fast = best_rate(whole, n, args.repeat)
    slow = best_rate(whole_base, n, args.repeat)
    rows.append(("analyze (whole)", fast, slow))
    rows.append(("split_sentences", best_rate(lambda: [split_sentences(t) for t in texts], n, args.repeat), None))

    def names() -> None:
        for a in done:
            find_names(a.text, a.sentences, lang=a.lang)

    def quantities() -> None:
        for a in done:
            find_quantities(a.text, a.sentences, lang=a.lang)

    def dates() -> None:
        for a in done:
            find_dates(a.text, a.sentences, article_date=a.date, lang=a.lang)

    def speech_shared() -> None:
        for a in done:
            ctx = read_speech(a.text, a.sentences, a.names, a.lang)
            find_quotes(a.text, a.sentences, a.names, lang=a.lang, context=ctx)
            find_attributions(a.text, a.sentences, a.names, lang=a.lang, context=ctx)

    def speech_twice() -> None:
        with _registry_without_lookahead():
            for a in done:
                find_quotes(a.text, a.sentences, a.names, lang=a.lang)
                find_attributions(a.text, a.sentences, a.names, lang=a.lang)

    rows.append(("quotes+attributions", best_rate(speech_shared, n, args.repeat),
                 best_rate(speech_twice, n, args.repeat)))
    rows.append(("names", best_rate(names, n, args.repeat), None))
    rows.append(("quantities", best_rate(quantities, n, args.repeat), None))
    rows.append(("dates", best_rate(dates, n, args.repeat), None))

    print(f"  {'stage':<22} {'articles/s':>11} {'baseline':>10} {'ratio':>7}")
    for name, rate, ref in rows:
        if ref is None:
            print(f"  {name:<22} {rate:11.0f} {'-':>10} {'-':>7}")
        else:
            print(f"  {name:<22} {rate:11.0f} {ref:10.0f} {rate / ref:6.2f}x")
    print("  baseline: quotes and attributions each reading speech (two resolvers);")
    print("  the name-registry regex without its look-ahead. Stages without a baseline were not changed here.")
    return 0 if same == n else 1


if __name__ == "__main__":
    raise SystemExit(main())
