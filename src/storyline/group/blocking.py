"""Candidate pairs without comparing all pairs: an inverted index over each article's rarest tokens.

Why: two reports of one event share some rare token (a number, a name, a date, an unusual word).
Looking only at the rarest few tokens of each article and skipping tokens too common to be
discriminating keeps the work per article bounded, so the cost grows linearly with the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from storyline.group.similarity import Vector

KEYS_PER_ARTICLE = 24  # the rarest tokens of each article used as blocking keys
MAX_POSTING = 60  # tokens in more articles than this are too common to block on
CANDIDATES_PER_ARTICLE = 40
# Numbers, dates and names: the tokens two reports of one event share, in any language. Words are
# left to the scorer, which keeps the store's postings small.
KEY_KINDS = ("n", "d", "k")  # best candidates kept per article (by shared-key weight)


def blocking_keys(vec: Vector, df: Mapping[str, int]) -> list[str]:
    """The article's rarest shared tokens (ties broken by token so the choice is deterministic)."""
    toks = [t for t in vec.all if t[0] in KEY_KINDS and 2 <= df.get(t, 0) <= MAX_POSTING]
    toks.sort(key=lambda t: (df.get(t, 0), -vec.all[t], t))
    return toks[:KEYS_PER_ARTICLE]


def candidate_pairs(vectors: Sequence[Vector], df: Mapping[str, int]) -> set[tuple[int, int]]:
    """Pairs (i < j) of article indices worth scoring."""
    postings: dict[str, list[int]] = defaultdict(list)
    keys = [blocking_keys(v, df) for v in vectors]
    for i, ks in enumerate(keys):
        for k in ks:
            postings[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ks in enumerate(keys):
        acc: dict[int, float] = defaultdict(float)
        vi = vectors[i].all
        for k in ks:
            post = postings[k]
            if len(post) < 2:
                continue
            w = vi[k]
            for j in post:
                if j != i:
                    acc[j] += w
        for j, _ in sorted(acc.items(), key=lambda x: (-x[1], x[0]))[:CANDIDATES_PER_ARTICLE]:
            pairs.add((i, j) if i < j else (j, i))
    return pairs
