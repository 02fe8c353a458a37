"""Do the inputs look like one story? Pairwise article similarities and a verdict.

Two figures per pair: the TF-IDF cosine of the whole texts (names and numbers weigh double) and the
share of sentences of the shorter report that align with the other. Either can carry a pair
(a translation aligns sentence by sentence; a rewrite shares the vocabulary). An article whose best
score against every other input is below the threshold is named as an outlier.
"""

from __future__ import annotations

from storyline.check.context import Context
from storyline.check.similarity import article_vectors

THRESHOLD = 0.2


def assess(ctx: Context) -> dict:
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
    pairs = []
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
    outliers = [{"article": arts[i].id, "best_score": round(best[i], 3)} for i in range(n) if best[i] < THRESHOLD]
    if not outliers:
        verdict = "yes"
        summary = f"All {n} reports look like the same story (every report scores ≥ {THRESHOLD} with another)."
    elif len(outliers) >= n - 1:
        verdict = "no"
        summary = (f"These reports do not look like one story: no pair scores ≥ {THRESHOLD} "
                   f"(best {max(p['score'] for p in pairs):.2f}).")
    else:
        verdict = "partly"
        named = ", ".join(f"{o['article']} (best {o['best_score']:.2f})" for o in outliers)
        summary = f"Not all reports look like the same story: {named} score below {THRESHOLD} with every other report."
    return {"verdict": verdict, "same_story": verdict == "yes", "threshold": THRESHOLD, "pairs": pairs,
            "outliers": outliers, "summary": summary}
