"""Group aligned sentences into claims and give each a status.

Linked sentences are merged greedily, strongest link first, with average linkage: two groups merge
only if their sentences are, on average, still similar. This keeps a chain of weak links (A~B, B~C)
from gluing unrelated sentences into one claim.
"""

from __future__ import annotations

import numpy as np

from storyline.check.alignment import Link
from storyline.check.similarity import SentenceRef, SentenceScores
from storyline.model import Article, Claim, Evidence

MERGE_FLOOR = 0.2  # average cross-article similarity two groups need to become one claim


def group_claims(refs: list[SentenceRef], sim: SentenceScores, links: list[Link]) -> list[list[int]]:
    """Clusters of flat sentence positions; every sentence is in exactly one cluster."""
    art = np.array([r.article for r in refs], dtype=np.int64)
    cluster_of = list(range(len(refs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(refs))}
    for link in links:
        ca, cb = cluster_of[link.a], cluster_of[link.b]
        if ca == cb:
            continue
        ma, mb = members[ca], members[cb]
        # the mean over the pairs from different reports, as one block (groups grow to hundreds)
        pairs = sim.block(ma, mb)[art[ma][:, None] != art[mb][None, :]]
        if len(pairs) and float(np.mean(pairs)) < MERGE_FLOOR:
            continue
        for x in mb:
            cluster_of[x] = ca
        members[ca] = sorted(ma + mb)
        del members[cb]
    return sorted(members.values(), key=lambda m: m[0])


def evidence_for(article: Article, sentence: int) -> Evidence:
    s = article.sentences[sentence]
    return Evidence(article=article.id, sentence=s.index, text=s.text, span=(s.start, s.end))


def build_claims(
    articles: list[Article], refs: list[SentenceRef], sim: SentenceScores, clusters: list[list[int]]
) -> list[Claim]:
    """One Claim per cluster; its text is the medoid sentence (the one most like the others)."""
    claims: list[Claim] = []
    for members in clusters:
        if len(members) == 1:
            medoid = members[0]
        else:
            sub = sim.block(members, members)
            medoid = members[int(np.argmax(sub.sum(axis=1)))]
        support = [evidence_for(articles[refs[m].article], refs[m].sentence) for m in members]
        ids = []
        for ev in support:
            if ev.article not in ids:
                ids.append(ev.article)
        status = "corroborated" if len(ids) >= 2 else "single-source"
        claims.append(Claim(id=f"c{len(claims) + 1}", text=refs[medoid].text, status=status,
                            support=support, articles=ids))
    return claims
