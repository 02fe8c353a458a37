"""place_conflict: reports that put the same event in different places: aligned sentences (one
claim), or sentences that name the same kind of event next to the place (events.py).

A place is a name the extractor typed as a place, or a country or capital from the lexicons. Each
sentence must name exactly one place the other does not, after a locative word ("in", "near",
"over", "en", "à"), so "talks in Geneva" vs "talks in Vienna" is a conflict while "Pakistan and
India" vs "India" is not. Two places conflict only when they are of one level: a city and the country
that holds it ("Kuala Lumpur" / "Malaysia"), or two names of one city ("Bombay" / "Mumbai"), can both
be right (lang.places.can_both_be_right).
"""

from __future__ import annotations

import re

from storyline.check import events
from storyline.check.context import Context
from storyline.lang.fold import fold_word
from storyline.lang.places import can_both_be_right, place_level
from storyline.lang.terms import CAPITALS, COUNTRIES, REGIONS
from storyline.model import Article, Finding, as_span

LOCATIVE = re.compile(r"\b(?:in|at|near|over|off|outside|en|à|a|bei|nahe|vor|sobre|cerca de|près de)\s+(?:the\s+)?$",
                      re.IGNORECASE)
_PLACES = frozenset(COUNTRIES) | frozenset(CAPITALS)
CLOSE_SIMILARITY = 0.3
_REGION_RE = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in sorted(REGIONS, key=len, reverse=True)) + r")\b",
                        re.IGNORECASE)
# "near X" and "bei X" are approximate: two reports can put one event near two places and both be right.
_APPROXIMATE = re.compile(r"\b(?:near|outside|nahe|bei|cerca de|près de|vicino a)\s+(?:the\s+)?$", re.IGNORECASE)
_VAGUE = frozenset("north south east west central northern southern eastern western midwest downtown".split())
# Endings of abstract common nouns: a capitalised "Chemistry" or "Economics" after "in" is a field, not a place.
_COMMON_NOUN_ENDING = re.compile(r"(?:istry|ology|ics|tion|sion|ment|ism|ship|ity)$", re.IGNORECASE)


def _common_word(article: Article, name: str) -> bool:
    """A one-word name the gazetteer does not know that is a common noun: an abstract-noun ending, or
    the same word written in lower case elsewhere in the report ("in Chemistry" ... "chemistry")."""
    if " " in name or place_level(name) is not None:
        return False
    return bool(_COMMON_NOUN_ENDING.search(name)) or re.search(rf"\b{re.escape(name.lower())}\b", article.text) is not None


def _overlaps(span: tuple[int, int], found: list[tuple[str, tuple[int, int]]]) -> bool:
    return any(a < span[1] and span[0] < b for _, (a, b) in found)


def _places(article: Article, sentence: int) -> list[tuple[str, tuple[int, int]]]:
    """(place, span) pairs after a locative word in one sentence."""
    s = article.sentences[sentence]
    found = []
    for m in article.names:
        if m.sentence == sentence and m.type == "place":
            found.append((m.text, as_span(m.span)))
    for hit in re.finditer(r"\b[A-ZÀ-Þ][\w-]+", s.text):
        span = (s.start + hit.start(), s.start + hit.end())
        if fold_word(hit.group()) in _PLACES and (not article.names or not _overlaps(span, found)):
            found.append((hit.group(), span))
    for hit in _REGION_RE.finditer(s.text):
        span = (s.start + hit.start(), s.start + hit.end())
        if hit.group()[0].isupper() and not _overlaps(span, found):
            found.append((hit.group(), span))
    out = []
    for text, span in found:
        if fold_word(text) in _VAGUE or _common_word(article, text):
            continue
        before = article.text[max(s.start, span[0] - 20) : span[0]]
        if LOCATIVE.search(before):
            out.append((text, span))
    return out


def find(ctx: Context) -> list[Finding]:
    places = [[_places(art, s.index) for s in art.sentences] for art in ctx.articles]  # read once
    findings = _claims(ctx, places)
    findings.extend(_event_places(ctx, places, [set(f.details["values"]) for f in findings]))
    return findings


def _claims(ctx: Context, places: list[list[list[tuple[str, tuple[int, int]]]]]) -> list[Finding]:
    findings = []
    reported: set[tuple[int, frozenset[str]]] = set()
    for a_i, art_a in enumerate(ctx.articles):
        for b_i in range(a_i + 1, len(ctx.articles)):
            art_b = ctx.articles[b_i]
            for sa in art_a.sentences:
                pa = places[a_i][sa.index]
                if not pa:
                    continue
                for sb in art_b.sentences:
                    if not (ctx.same_claim(a_i, sa.index, b_i, sb.index)
                            or ctx.similarity(a_i, sa.index, b_i, sb.index) >= CLOSE_SIMILARITY):
                        continue
                    pb = places[b_i][sb.index]
                    text_a, text_b = fold_word(sa.text), fold_word(sb.text)
                    only_a = [p for p in pa if fold_word(p[0]) not in text_b]
                    only_b = [p for p in pb if fold_word(p[0]) not in text_a]
                    if len(only_a) != 1 or len(only_b) != 1:
                        continue
                    (place_a, span_a), (place_b, span_b) = only_a[0], only_b[0]
                    if fold_word(place_a) in fold_word(art_b.text) or fold_word(place_b) in fold_word(art_a.text):
                        continue  # each report names both places somewhere: no contradiction
                    if can_both_be_right(place_a, place_b):
                        continue
                    claim = ctx.claim_of[ctx.pos[(a_i, sa.index)]]
                    key = (claim, frozenset({fold_word(place_a), fold_word(place_b)}))
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


def _event_places(ctx: Context, places: list[list[list[tuple[str, tuple[int, int]]]]],
                  reported: list[set[str]]) -> list[Finding]:
    """Reports that put the same kind of event (events.py: an explosion, a launch) in different
    places, whatever the wording: each report's places named next to the event word after a precise
    locative ("over", "in"; not "near"), compared pairwise within one language; a pair conflicts
    when each names exactly one place the other does not, and neither place contains the other
    ("Caribbean" / "Caribbean Sea")."""
    by_event: dict[str, dict[int, list[tuple[str, int, tuple[int, int]]]]] = {}
    for a_i, art in enumerate(ctx.articles):
        for s in art.sentences:
            for place, span in places[a_i][s.index]:
                if _APPROXIMATE.search(art.text[max(s.start, span[0] - 20) : span[0]]):
                    continue
                event = events.event_near(art, s.index, span)
                if event:
                    by_event.setdefault(event, {}).setdefault(a_i, []).append((place, s.index, span))
    findings = []
    for event, per_article in sorted(by_event.items()):
        names = {a: _widest({fold_word(p) for p, _, _ in ps}) for a, ps in per_article.items()}
        involved: dict[int, set[str]] = {}
        order = sorted(per_article)
        for x, a_i in enumerate(order):
            for b_i in order[x + 1 :]:
                if ctx.articles[a_i].lang != ctx.articles[b_i].lang:
                    continue  # "Islanda" and "Iceland": place names are translated, not contradicted
                only_a, only_b = names[a_i] - names[b_i], names[b_i] - names[a_i]
                if len(only_a) != 1 or len(only_b) != 1:
                    continue
                pa, pb = next(iter(only_a)), next(iter(only_b))
                if pa in pb or pb in pa or can_both_be_right(pa, pb):
                    continue
                involved.setdefault(a_i, set()).add(pa)
                involved.setdefault(b_i, set()).add(pb)
        if len(involved) < 2:
            continue
        values: dict[str, list[str]] = {}
        evidence = []
        for a_i in sorted(involved):
            for place, sentence, span in per_article[a_i]:
                if any(fold_word(place) in p for p in involved[a_i]):
                    values.setdefault(place, []).append(ctx.articles[a_i].id)
                    evidence.append(ctx.evidence(a_i, sentence, span))
        if any(set(values) <= seen for seen in reported):
            continue
        shown = "; ".join(f"{p} in {', '.join(dict.fromkeys(ids))}" for p, ids in values.items())
        findings.append(Finding(kind="place_conflict", summary=f"Reports place the {event} differently: {shown}",
                                evidence=evidence, details={"event": event, "values": values}, score=0.65))
    return findings


def _widest(names: set[str]) -> set[str]:
    """Drop a name that a longer one contains: "caribbean" with "caribbean sea" is one place."""
    return {n for n in names if not any(n != m and n in m for m in names)}
