"""attribution: whom each report cites, and which sources only one report cites.

The analyser reads a source from the words before or after a speech verb; three misreadings name no
source at all, and are left out of the finding rather than listed as whom the report cites: a place
after a preposition ("the union district in Seattle said": the source is the district), a name cut
short inside a longer one ("according to the U.S. Department of Agriculture", "Boar's Head wrote"),
a verb of speech used for a win or a score ("Keshav Maharaj claimed two wickets", "Stubbs added 31"),
and a reason read as a source ("citing an improvement in the inflation outlook").
"""

from __future__ import annotations

import re

from storyline.check.context import Context
from storyline.lang.fold import fold_word
from storyline.lang.numbers import ANY_LANGUAGE_NUMBER_WORDS
from storyline.model import Article, Attribution, Finding, as_span

# "district in Seattle said": a preposition of place before a name places the speaker there; the name
# is not the speaker ("an alert from the city said" does cite the city).
PLACED = re.compile(r"\b(?:in|at|near|outside)\s+$", re.IGNORECASE)
# "claimed two wickets", "claimed victory", "added 31" (runs): a win or a score, not a statement.
CLAIM_VERB = re.compile(r"^\s*(?:claimed|claims|claim|added|adds)\s+(?P<next>[\w-]+)", re.IGNORECASE)
WINS = {"victory", "win", "title", "gold", "silver", "bronze", "medal", "seat", "seats", "wicket", "wickets",
        "lives", "life", "responsibility"}
# A name read short: "Boar" of "Boar's Head", a word cut inside; "the U.S" of "the U.S. Department"
# (a source ending in an abbreviation's letter, read up to its dot).
CUT_SHORT = re.compile(r"^(?:['’]s\b|[^\W\d_])")
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.)+[A-Z]$|\b[A-Z]$")
NAME_GOES_ON = re.compile(r"^\.\s+[A-Z]")


# "citing an improvement in the outlook", "citing the need for efficiency": a reason given, not a source.
REASON = re.compile(r"^(?:(?:an?|the)\s+)?(?:[a-z-]+\s+)?(?:[a-z]+(?:ment|ness|ity|ance|ence)|need|needs|threat|risk|"
                    r"risks|concern|concerns|fear|fears|rise|fall|decline|drop|increase|surge|slowdown|uncertainty|inflation|"
                    r"growth)\b")


def misread(art: Article, citation: Attribution) -> bool:
    """Whether the citation's source is no source: a place, a name cut short or a win (see above)."""
    if citation.text.lower().startswith("citing ") and REASON.match(citation.source):
        return True
    start, end = as_span(citation.span)
    at = art.text.find(citation.source, start, end) if citation.source else -1
    if at < 0:
        return False
    before, after = art.text[max(0, start - 40):at], art.text[at + len(citation.source):end + 40]
    if (PLACED.search(before) and citation.source[:1].isupper()) or CUT_SHORT.match(after):
        return True
    if ABBREVIATION_END.search(citation.source) and NAME_GOES_ON.match(after):
        return True
    claim = CLAIM_VERB.match(after)
    if claim:
        word = claim.group("next").lower()
        return word.isdigit() or word in ANY_LANGUAGE_NUMBER_WORDS or word in WINS
    return False


def find(ctx: Context) -> list[Finding]:
    cited: list[list[Attribution]] = [[a for a in art.attributions if not misread(art, a)] for art in ctx.articles]
    cited_by: dict[str, set[str]] = {}
    for art, citations in zip(ctx.articles, cited, strict=True):
        for a in citations:
            cited_by.setdefault(fold_word(a.source), set()).add(art.id)
    findings = []
    for a_i, art in enumerate(ctx.articles):
        if not cited[a_i]:
            continue
        sources: list[str] = []
        for a in cited[a_i]:
            if a.source not in sources:
                sources.append(a.source)
        only_here = [s for s in sources if cited_by[fold_word(s)] == {art.id}]
        evidence = [ctx.evidence(a_i, a.sentence, as_span(a.span)) for a in cited[a_i]]
        findings.append(Finding(
            kind="attribution",
            summary=f"{art.id} cites {', '.join(sources)}",
            evidence=evidence,
            details={"article": art.id, "sources": sources, "only_this_report": only_here,
                     "citations": [{"source": a.source, "kind": a.kind, "text": a.text} for a in cited[a_i]]},
            score=0.5,
        ))
    return findings
