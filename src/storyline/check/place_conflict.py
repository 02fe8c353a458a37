"""place_conflict: aligned sentences (one claim) that put the same event in different places.

A place is a name the extractor typed as a place, or a country or capital from the lexicons. Each
sentence must name exactly one place the other does not, after a locative word ("in", "near",
"over", "en", "à"), so "talks in Geneva" vs "talks in Vienna" is a conflict while "Pakistan and
India" vs "India" is not.
"""

from __future__ import annotations

import re

from storyline.check.context import Context
from storyline.check.lexicons import CAPITALS, COUNTRIES
from storyline.check.text import fold
from storyline.model import Article, Finding

LOCATIVE = re.compile(r"\b(?:in|at|near|over|off|outside|en|à|a|bei|nahe|vor|sobre|cerca de|près de)\s+(?:the\s+)?$",
                      re.IGNORECASE)
_PLACES = frozenset(COUNTRIES) | frozenset(CAPITALS)
CLOSE_SIMILARITY = 0.3
_VAGUE = frozenset("north south east west central northern southern eastern western midwest downtown".split())


def _places(article: Article, sentence: int) -> list[tuple[str, tuple[int, int]]]:
    """(place, span) pairs after a locative word in one sentence."""
    s = article.sentences[sentence]
    found = []
    for m in article.names:
        if m.sentence == sentence and m.type == "place":
            found.append((m.text, tuple(m.span)))
    if not article.names:
        for m in re.finditer(r"\b[A-ZÀ-Þ][\w-]+", s.text):
            if fold(m.group()) in _PLACES:
                found.append((m.group(), (s.start + m.start(), s.start + m.end())))
    out = []
    for text, span in found:
        if fold(text) in _VAGUE:
            continue
        before = article.text[max(s.start, span[0] - 20) : span[0]]
        if LOCATIVE.search(before):
            out.append((text, span))
    return out


def find(ctx: Context) -> list[Finding]:
    findings = []
    reported: set[tuple[int, frozenset[str]]] = set()
    for a_i, art_a in enumerate(ctx.articles):
        for b_i in range(a_i + 1, len(ctx.articles)):
            art_b = ctx.articles[b_i]
            for sa in art_a.sentences:
                pa = _places(art_a, sa.index)
                if not pa:
                    continue
                for sb in art_b.sentences:
                    if not (ctx.same_claim(a_i, sa.index, b_i, sb.index)
                            or ctx.similarity(a_i, sa.index, b_i, sb.index) >= CLOSE_SIMILARITY):
                        continue
                    pb = _places(art_b, sb.index)
                    text_a, text_b = fold(sa.text), fold(sb.text)
                    only_a = [p for p in pa if fold(p[0]) not in text_b]
                    only_b = [p for p in pb if fold(p[0]) not in text_a]
                    if len(only_a) != 1 or len(only_b) != 1:
                        continue
                    (place_a, span_a), (place_b, span_b) = only_a[0], only_b[0]
                    if fold(place_a) in fold(art_b.text) or fold(place_b) in fold(art_a.text):
                        continue  # each report names both places somewhere: no contradiction
                    claim = ctx.claim_of[ctx.pos[(a_i, sa.index)]]
                    key = (claim, frozenset({fold(place_a), fold(place_b)}))
                    if key in reported:
                        continue
                    reported.add(key)
                    findings.append(Finding(
                        kind="place_conflict",
                        summary=f"{art_a.id} places it in {place_a}, {art_b.id} in {place_b}",
                        evidence=[ctx.evidence(a_i, sa.index, span_a), ctx.evidence(b_i, sb.index, span_b)],
                        details={"claim": ctx.claims[claim].id,
                                 "values": {place_a: [art_a.id], place_b: [art_b.id]}},
                        score=0.7,
                    ))
    return findings
