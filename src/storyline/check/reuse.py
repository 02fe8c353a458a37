"""reuse: passages one report shares with another, verbatim or near-verbatim.

Candidates come from the similarity matrix (cheap); each is then confirmed by a word-level
sequence match on the folded words. Sentences that are mostly a quotation are left out (two reports
quoting the same speaker is not copying). Consecutive reused sentences form one passage. Where both
reports carry a date the earlier one is the likely source; otherwise the direction is left open.
"""

from __future__ import annotations

import difflib
import re

from storyline.check.context import Context
from storyline.check.text import tokens
from storyline.lang.fold import fold_word
from storyline.model import Article, Finding

CANDIDATE = 0.45
NEAR_VERBATIM = 0.8
MIN_WORDS = 8
QUOTED = re.compile(r"[“\"«„][^”\"»“]*[”\"»]")


def _mostly_quote(text: str) -> bool:
    quoted = sum(len(m.group()) for m in QUOTED.finditer(text))
    return quoted > 0.6 * len(text)


def _ratio(a: str, b: str) -> float:
    ta, tb = [fold_word(t) for t in tokens(a)], [fold_word(t) for t in tokens(b)]
    return difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()


def _squash(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold_word(text))


def _cites(source: Article, copier: Article) -> dict[str, str] | None:
    """{"from": source, "to": copier} when the copier cites the source's outlet by name."""
    names = {_squash(n) for n in (source.outlet, source.id.rsplit("/", 1)[-1].rsplit(".", 1)[0]) if n}
    names = {n for n in names if len(n) >= 5}
    for att in copier.attributions:
        cited = _squash(att.source)
        if len(cited) >= 5 and any(cited in n or n in cited for n in names):
            return {"from": source.id, "to": copier.id, "reason": f"{copier.id} cites {att.source}"}
    return None


def find(ctx: Context) -> list[Finding]:
    pairs: dict[tuple[int, int], list[tuple[int, int, float]]] = {}
    strong = ctx.sim.strong.tocoo()  # the kept pairs (>= KEEP), in row order as a dense scan gives them
    above = strong.data >= CANDIDATE
    for pa, pb in zip(strong.row[above].tolist(), strong.col[above].tolist(), strict=True):
        ra, rb = ctx.refs[pa], ctx.refs[pb]
        if ra.article >= rb.article:
            continue
        if len(tokens(ra.text)) < MIN_WORDS or len(tokens(rb.text)) < MIN_WORDS:
            continue
        if _mostly_quote(ra.text) or _mostly_quote(rb.text):
            continue
        ratio = _ratio(ra.text, rb.text)
        if ratio >= NEAR_VERBATIM:
            pairs.setdefault((ra.article, rb.article), []).append((ra.sentence, rb.sentence, ratio))
    findings = []
    for (a_i, b_i), matches in sorted(pairs.items()):
        matches.sort()
        passages: list[list[tuple[int, int, float]]] = []
        for m in matches:
            if passages and m[0] == passages[-1][-1][0] + 1 and m[1] == passages[-1][-1][1] + 1:
                passages[-1].append(m)
            else:
                passages.append([m])
        art_a, art_b = ctx.articles[a_i], ctx.articles[b_i]
        direction = _cites(art_a, art_b) or _cites(art_b, art_a)
        if direction is None and art_a.date and art_b.date and art_a.date[:10] != art_b.date[:10]:
            first, second = (art_a, art_b) if art_a.date[:10] < art_b.date[:10] else (art_b, art_a)
            direction = {"from": first.id, "to": second.id, "reason": "publication dates"}
        mean = sum(m[2] for p in passages for m in p) / len(matches)
        verbatim = all(m[2] >= 0.999 for m in matches)
        evidence = [ctx.evidence(a_i, m[0]) for m in matches] + [ctx.evidence(b_i, m[1]) for m in matches]
        how = "verbatim" if verbatim else "near-verbatim"
        guess = f"; {direction['to']} probably took them from {direction['from']}" if direction else \
            "; direction unknown (the reports' dates do not tell)"
        n_sent = len(matches)
        findings.append(Finding(
            kind="reuse",
            summary=f"{art_a.id} and {art_b.id} share {n_sent} {how} sentence{'s' if n_sent > 1 else ''} "
                    f"in {len(passages)} passage{'s' if len(passages) > 1 else ''}{guess}",
            evidence=evidence,
            details={"articles": [art_a.id, art_b.id],
                     "passages": [[[m[0], m[1]] for m in p] for p in passages],
                     "similarity": round(mean, 3), "verbatim": verbatim, "direction": direction},
            score=round(mean, 3),
        ))
    return findings
