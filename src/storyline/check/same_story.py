"""Do the inputs look like one story? Pairwise article similarities and a verdict.

The verdict comes from the event grouper (storyline.group), the same judgement `storyline group`
makes: it compares numbers, dates and name skeletons across languages and keeps apart two events
that share their vocabulary (two rate decisions of one bank). Reports outside its largest story are
named as outliers. The figures shown with them are compare's own, two per pair: the TF-IDF cosine
of the whole texts and the share of sentences of the shorter report that align with the other.
If the grouper fails, a report whose best figure is below THRESHOLD is an outlier instead.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from storyline.check.context import Context
from storyline.check.similarity import article_vectors
from storyline.lang.unionfind import components
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


FULL_PAIRS = 12  # up to this many reports every pair is listed; beyond, each report's nearest only
NEAR_COPY = 0.8  # a pair scoring this high reads as one text (a wire copy, a light rewrite)
NEAREST = 3  # pairs listed per report in a large story
NAMED_OUTLIERS = 6  # outliers the summary names (all are listed under outliers)


def _scores(ctx: Context) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair of reports: text cosine, aligned share and their maximum (the score), as matrices.

    Why matrices: a story of 1,000 reports has half a million pairs; a Python loop over them was a
    quadratic step of every dossier."""
    arts = ctx.articles
    n = len(arts)
    vectors = article_vectors(arts)
    cos = np.asarray((vectors @ vectors.T).toarray(), dtype=np.float64)
    nodes: set[tuple[int, int, int]] = set()  # (article pair as i * n + j with i < j, side article, sentence)
    for link in ctx.links:
        ra, rb = ctx.refs[link.a], ctx.refs[link.b]
        key = min(ra.article, rb.article) * n + max(ra.article, rb.article)
        nodes.add((key, ra.article, link.a))
        nodes.add((key, rb.article, link.b))
    count: Counter[tuple[int, int]] = Counter((key, side) for key, side, _ in nodes)
    coverage = np.zeros((n, n))
    sizes = [len(a.sentences) for a in arts]
    for key in {k for k, _ in count}:
        i, j = divmod(key, n)
        shorter = min(sizes[i], sizes[j]) or 1
        coverage[i, j] = coverage[j, i] = min(count[(key, i)], count[(key, j)]) / shorter
    score = np.maximum(cos, coverage)
    np.fill_diagonal(score, -1.0)
    return cos, coverage, score


def _pair(arts: list[Article], cos: np.ndarray, coverage: np.ndarray, score: np.ndarray, i: int, j: int) -> dict[str, Any]:
    return {"a": arts[i].id, "b": arts[j].id, "score": round(float(score[i, j]), 3),
            "text_cosine": round(float(cos[i, j]), 3), "aligned_share": round(float(coverage[i, j]), 3)}


def _listed_pairs(n: int, score: np.ndarray, all_pairs: bool) -> list[tuple[int, int]]:
    """Every pair in a small story (or when asked); in a large one each report's few nearest."""
    if all_pairs or n <= FULL_PAIRS:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    nearest = np.argsort(-score, axis=1, kind="stable")[:, :NEAREST]
    return sorted({(min(i, int(j)), max(i, int(j))) for i in range(n) for j in nearest[i]})


def near_copies(arts: list[Article], score: np.ndarray) -> list[list[str]]:
    """Groups of reports that read as one text (pair score >= NEAR_COPY), largest first."""
    i_s, j_s = np.nonzero(np.triu(score >= NEAR_COPY, k=1))
    groups = components(range(len(arts)), list(zip(i_s.tolist(), j_s.tolist(), strict=True)))
    return [[arts[i].id for i in sorted(g)] for g in sorted(groups, key=lambda g: (-len(g), min(g))) if len(g) > 1]


def assess(ctx: Context, *, all_pairs: bool = False) -> dict[str, Any]:
    """The verdict, the outliers, each report's nearest report, the groups of near-copies, and
    pair scores: all pairs up to FULL_PAIRS reports (or ``all_pairs``), each report's nearest
    NEAREST beyond."""
    arts = ctx.articles
    n = len(arts)
    if n < 2:
        return {"verdict": "yes" if n == 1 else "no", "threshold": THRESHOLD, "pairs": [], "outliers": [],
                "summary": "Only one report: nothing to cross-check." if n == 1 else "No reports."}
    cos, coverage, score = _scores(ctx)
    best_of = score.argmax(axis=1)
    best = [float(score[i, best_of[i]]) for i in range(n)]
    pairs = [_pair(arts, cos, coverage, score, i, j) for i, j in _listed_pairs(n, score, all_pairs)]
    nearest = [{"article": arts[i].id, "nearest": arts[int(best_of[i])].id, "score": round(best[i], 3)}
               for i in range(n)]
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
                   f"(best pair score {round(max(best), 3):.2f}).")
    else:
        verdict = "partly"
        named = ", ".join(f"{o['article']} (best {o['best_score']:.2f})" for o in outliers[:NAMED_OUTLIERS])
        if len(outliers) > NAMED_OUTLIERS:
            named += f" and {len(outliers) - NAMED_OUTLIERS} more"
        summary = (f"Not all reports look like the same story: {named} read as a different event "
                   f"from the other {n - len(outliers)}.")
    return {"verdict": verdict, "method": METHOD if separate_by_grouper else "threshold", "same_story": verdict == "yes", "threshold": THRESHOLD, "pairs": pairs,
            "all_pairs": all_pairs or n <= FULL_PAIRS, "nearest": nearest, "near_copies": near_copies(arts, score),
            "outliers": outliers, "summary": summary}
