"""Sentence alignment: which sentences in different reports say the same thing.

For every pair of reports, a sentence is linked to its best counterpart in the other report when
their similarity passes a threshold and the link is the best for at least one side (so a sentence
that merely shares a name with many others does not fan out).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storyline.check.similarity import KEEP, SentenceRef, SentenceScores

ALIGN_THRESHOLD = 0.30
CROSS_LANGUAGE = 0.2  # translations share fewer surface words; they must share two anchors instead
MIN_CONTENT = 3  # sentences with fewer content words (bylines, date lines) are never aligned
STRONG = 0.45  # above this a link need not be mutual (one sentence may merge two of the other report)


@dataclass(frozen=True)
class Link:
    a: int  # flat sentence position (index into refs)
    b: int
    score: float


def _content(ref: SentenceRef) -> int:
    return sum(1 for s in ref.stems if not s.startswith(("num:", "month:")))


def _best(key: np.ndarray, vals: np.ndarray, other: np.ndarray) -> np.ndarray:
    """For each entry, the ``other`` index of its group's best entry (highest value, then lowest
    index: what argmax over the group's block row or column gives)."""
    order = np.lexsort((other, -vals, key))
    first = np.ones(len(order), dtype=bool)
    first[1:] = key[order][1:] != key[order][:-1]
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
    best = np.empty(len(order), dtype=other.dtype)
    best[order] = other[order][group_start]
    return best


def align(refs: list[SentenceRef], sim: SentenceScores, threshold: float = ALIGN_THRESHOLD,
          langs: list[str | None] | None = None, need_anchors: bool = True) -> list[Link]:
    """Cross-article sentence links, strongest first. ``langs`` (one per article) lowers the
    threshold for pairs of reports in different languages; with lexical scores such a link must
    also share two anchors (``need_anchors``), with semantic scores the score is evidence enough.

    For every pair of reports a link is a sentence's best counterpart in the other report. Only the
    pairs scoring at least KEEP can be links, so the candidates are those (``sim.strong``), grouped
    by sentence and other report: no loop over every pair of reports. The result is the one the
    pairwise blocks give: a candidate's row and column maxima are candidates too."""
    if min(threshold, CROSS_LANGUAGE) < KEEP:
        raise ValueError(f"threshold {threshold} is below the kept similarity {KEEP}")
    n_articles = max((r.article for r in refs), default=-1) + 1
    art = np.array([r.article for r in refs], dtype=np.int64)
    eligible = np.array([_content(r) >= MIN_CONTENT for r in refs], dtype=bool)
    coo = sim.strong.tocoo()
    rows, cols, vals = coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data
    keep = (art[rows] < art[cols]) & eligible[rows] & eligible[cols]
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    if len(rows) == 0:
        return []
    best_col = _best(rows * n_articles + art[cols], vals, cols)
    best_row = _best(cols * n_articles + art[rows], vals, rows)
    codes: dict[str, int] = {}
    code = np.array([-1 if not langs or langs[i] is None else codes.setdefault(langs[i] or "", len(codes))
                     for i in range(n_articles)], dtype=np.int64)
    ca, cb = code[art[rows]], code[art[cols]]
    cross = (ca != cb) & (ca >= 0) & (cb >= 0)
    # the floors compare in the scores' float32, the STRONG bar in float64, as the pairwise blocks did
    floor = np.where(cross, np.float32(min(threshold, CROSS_LANGUAGE)), np.float32(threshold)).astype(np.float32)
    mutual = (best_col == cols) & (best_row == rows)
    one_sided = (best_col == cols) | (best_row == rows)
    chosen = (vals >= floor) & (mutual | (one_sided & (vals.astype(np.float64) >= STRONG)))
    links: list[Link] = []
    for a, b, score in zip(rows[chosen].tolist(), cols[chosen].tolist(), vals[chosen].tolist(), strict=True):
        if score < threshold and need_anchors and len(refs[a].anchors & refs[b].anchors) < 2:
            continue
        links.append(Link(a, b, score))
    links.sort(key=lambda link: (-link.score, link.a, link.b))
    return links
