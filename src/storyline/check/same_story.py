"""Do the inputs look like one story? Pairwise article similarities and a verdict.

The verdict comes from the event grouper (storyline.group), the same judgement `storyline group`
makes: it compares numbers, dates and name skeletons across languages and keeps apart two events
that share their vocabulary (two rate decisions of one bank). Reports outside its largest story are
named as outliers. The figures shown with them are compare's own, two per pair: the TF-IDF cosine
of the whole texts and the share of sentences of the shorter report that align with the other.
If the grouper fails, a report whose best figure is below THRESHOLD is an outlier instead.
"""

from __future__ import annotations

from typing import Any

from storyline.check.context import Context
from storyline.check.similarity import article_vectors
from storyline.model import Article

THRESHOLD = 0.2
METHOD = "storyline.group"


def _grouper_outliers(arts: list[Article]) -> set[str] | None:
    """Ids outside the grouper's largest story, or None if the grouper is unavailable or fails."""
    try:
        from storyline.group import group

        stories = group(arts, method="lexical")  # the fast verdict; compare aligns by its own method
    except Exception:  # noqa: BLE001 - the verdict falls back to compare's own figures
        return None
    if not stories:
        return None
    main = max(stories, key=lambda s: (len(s.articles), -min(arts_index(arts, a) for a in s.articles)))
    return {a.id for a in arts if a.id not in set(main.articles)}


def arts_index(arts: list[Article], article_id: str) -> int:
    return next(i for i, a in enumerate(arts) if a.id == article_id)


def assess(ctx: Context) -> dict[str, Any]:
    arts = ctx.articles
    n = len(arts)
    if n < 2:
        return {"verdict": "yes" if n == 1 else "no", "threshold": THRESHOLD, "pairs": [], "outliers": [],
                "summary": "Only one report: nothing to cross-check." if n == 1 else "No reports."}
    vectors = article_vectors(arts)
    cos = (vectors @ vectors.T).toarray()
    linked: dict[tuple[int, int], set[int]] = {}
    for link in ctx.links:
        ra, rb = ctx.refs[link.a], ctx.refs[link.b]
        key = (min(ra.article, rb.article), max(ra.article, rb.article))
        s = linked.setdefault(key, set())
        s.add(link.a)
        s.add(link.b)
    pairs: list[dict[str, Any]] = []
    best = [0.0] * n
    for i in range(n):
        for j in range(i + 1, n):
            nodes = linked.get((i, j), set())
            in_i = sum(1 for p in nodes if ctx.refs[p].article == i)
            in_j = sum(1 for p in nodes if ctx.refs[p].article == j)
            shorter = min(len(arts[i].sentences), len(arts[j].sentences)) or 1
            coverage = min(in_i, in_j) / shorter
            score = max(float(cos[i, j]), coverage)
            best[i] = max(best[i], score)
            best[j] = max(best[j], score)
            pairs.append({"a": arts[i].id, "b": arts[j].id, "score": round(score, 3),
                          "text_cosine": round(float(cos[i, j]), 3), "aligned_share": round(coverage, 3)})
    separate = _grouper_outliers(arts)
    separate_by_grouper = separate is not None
    if separate is None:
        separate = {arts[i].id for i in range(n) if best[i] < THRESHOLD}
    outliers = [{"article": arts[i].id, "best_score": round(best[i], 3)} for i in range(n) if arts[i].id in separate]
    if not outliers:
        verdict = "yes"
        summary = f"All {n} reports look like the same story (lowest best-match score {min(best):.2f})."
    elif len(outliers) >= n - 1:
        verdict = "no"
        summary = (f"These reports do not look like one story: each reads as a separate event "
                   f"(best pair score {max(p['score'] for p in pairs):.2f}).")
    else:
        verdict = "partly"
        named = ", ".join(f"{o['article']} (best {o['best_score']:.2f})" for o in outliers)
        summary = (f"Not all reports look like the same story: {named} read as a different event "
                   f"from the other {n - len(outliers)}.")
    return {"verdict": verdict, "method": METHOD if separate_by_grouper else "threshold", "same_story": verdict == "yes", "threshold": THRESHOLD, "pairs": pairs,
            "outliers": outliers, "summary": summary}
