"""What every finding module gets: the articles, their sentences in one flat list, the similarity
matrix, the alignment links and the claim each sentence belongs to. Built once per comparison."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.check.alignment import Link
from storyline.check.similarity import SentenceRef, SentenceScores
from storyline.model import Article, Claim, Evidence


@dataclass
class Context:
    articles: list[Article]
    refs: list[SentenceRef]
    sim: SentenceScores  # every sentence pair's score: dense for a small story, blocks on demand for a large one
    links: list[Link]
    clusters: list[list[int]]
    claims: list[Claim]
    pos: dict[tuple[int, int], int] = field(default_factory=dict)  # (article idx, sentence idx) -> flat
    claim_of: list[int] = field(default_factory=list)  # flat position -> index into claims

    def __post_init__(self) -> None:
        self.pos = {(r.article, r.sentence): i for i, r in enumerate(self.refs)}
        self.claim_of = [0] * len(self.refs)
        for c_i, members in enumerate(self.clusters):
            for m in members:
                self.claim_of[m] = c_i

    def same_claim(self, a_i: int, s_a: int, b_i: int, s_b: int) -> bool:
        pa, pb = self.pos.get((a_i, s_a)), self.pos.get((b_i, s_b))
        return pa is not None and pb is not None and self.claim_of[pa] == self.claim_of[pb]

    def similarity(self, a_i: int, s_a: int, b_i: int, s_b: int) -> float:
        pa, pb = self.pos.get((a_i, s_a)), self.pos.get((b_i, s_b))
        if pa is None or pb is None:
            return 0.0
        return self.sim.pair(pa, pb)

    def evidence(self, a_i: int, sentence: int, span: tuple[int, int] | None = None) -> Evidence:
        """Evidence for one sentence; a span reaching past the sentence is clipped to it."""
        art = self.articles[a_i]
        s = art.sentences[sentence]
        if span is None:
            span = (s.start, s.end)
        else:
            span = (max(span[0], s.start), min(span[1], s.end))
            if span[0] >= span[1]:
                span = (s.start, s.end)
        return Evidence(article=art.id, sentence=s.index, text=s.text, span=span)

    def evidence_over(self, a_i: int, span: tuple[int, int]) -> list[Evidence]:
        """One Evidence per sentence that ``span`` overlaps (a long quote runs over several)."""
        out = [self.evidence(a_i, s.index, span) for s in self.articles[a_i].sentences
               if s.start < span[1] and s.end > span[0]]
        return out or [self.evidence(a_i, self.articles[a_i].sentence_at(span[0]))]

    def n_articles_in_claim(self, flat: int) -> int:
        return len({self.refs[m].article for m in self.clusters[self.claim_of[flat]]})
