"""Sentence alignment: which sentences in different reports say the same thing.

For every pair of reports, a sentence is linked to its best counterpart in the other report when
their similarity passes a threshold and the link is the best for at least one side (so a sentence
that merely shares a name with many others does not fan out).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storyline.check.similarity import SentenceRef

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


def align(refs: list[SentenceRef], sim: np.ndarray, threshold: float = ALIGN_THRESHOLD,
          langs: list[str | None] | None = None, need_anchors: bool = True) -> list[Link]:
    """Cross-article sentence links, strongest first. ``langs`` (one per article) lowers the
    threshold for pairs of reports in different languages; with lexical scores such a link must
    also share two anchors (``need_anchors``), with semantic scores the score is evidence enough."""
    n_articles = max((r.article for r in refs), default=-1) + 1
    by_article: list[list[int]] = [[] for _ in range(n_articles)]
    for pos, r in enumerate(refs):
        by_article[r.article].append(pos)
    links: list[Link] = []
    for x in range(n_articles):
        for y in range(x + 1, n_articles):
            rows = [p for p in by_article[x] if _content(refs[p]) >= MIN_CONTENT]
            cols = [p for p in by_article[y] if _content(refs[p]) >= MIN_CONTENT]
            if not rows or not cols:
                continue
            cross = bool(langs and langs[x] != langs[y] and None not in (langs[x], langs[y]))
            floor = min(threshold, CROSS_LANGUAGE) if cross else threshold
            block = sim[np.ix_(rows, cols)]
            best_col = block.argmax(axis=1)
            best_row = block.argmax(axis=0)
            for i, j in zip(*np.nonzero(block >= floor), strict=True):
                score = float(block[i, j])
                if score < threshold and need_anchors and len(refs[rows[i]].anchors & refs[cols[j]].anchors) < 2:
                    continue
                mutual = best_col[i] == j and best_row[j] == i
                one_sided = best_col[i] == j or best_row[j] == i
                if mutual or (one_sided and score >= STRONG):
                    links.append(Link(rows[i], cols[j], score))
    links.sort(key=lambda link: (-link.score, link.a, link.b))
    return links
