"""number_conflict: the same slot filled with different numbers in different reports.

A slot is either a claim (two aligned sentences, each with exactly one figure of a kind that the
other sentence does not also give) or a context noun ("deaths", "acres") that both figures count,
in sentences that are at least loosely similar. Figures that appear in both sentences are agreed
and never reported; a value that another report also gives is shown with its supporters.
"""

from __future__ import annotations

from collections import defaultdict

from storyline.check.context import Context
from storyline.check.text import stem
from storyline.model import Finding, Quantity

NOUN_SIMILARITY = 0.35  # two figures counting the same noun need only loosely similar sentences
CLOSE_SIMILARITY = 0.35  # sentences this alike count as one slot even if the alignment kept them apart


def _values(q: Quantity) -> set[float]:
    out = {q.normalized if q.normalized is not None else q.value}
    if q.value_to is not None:
        out.add(q.normalized_to if q.normalized_to is not None else q.value_to)
    return {round(v, 6) for v in out}


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and (a.unit or "") == (b.unit or "")


def _context(q: Quantity) -> str | None:
    return stem(q.context) if q.context else None


def _by_sentence(quantities: list[Quantity]) -> dict[int, list[Quantity]]:
    out: dict[int, list[Quantity]] = defaultdict(list)
    for q in quantities:
        out[q.sentence].append(q)
    return out


def _label(q: Quantity) -> str:
    return q.text


def _noun_values(quantities: list[Quantity]) -> dict[tuple, set[float]]:
    """(context noun, kind, unit) -> every value the article gives for it."""
    out: dict[tuple, set[float]] = defaultdict(set)
    for q in quantities:
        if q.context:
            out[(_context(q), q.kind, q.unit or "")] |= _values(q)
    return out


def find(ctx: Context) -> list[Finding]:
    slots: dict[str, dict[int, list[tuple[int, Quantity]]]] = defaultdict(lambda: defaultdict(list))
    given = [_noun_values(a.quantities) for a in ctx.articles]
    for a_i, art_a in enumerate(ctx.articles):
        sent_a = _by_sentence(art_a.quantities)
        for b_i in range(a_i + 1, len(ctx.articles)):
            sent_b = _by_sentence(ctx.articles[b_i].quantities)
            for s_a, qs_a in sent_a.items():
                for s_b, qs_b in sent_b.items():
                    aligned = ctx.same_claim(a_i, s_a, b_i, s_b)
                    similarity = ctx.similarity(a_i, s_a, b_i, s_b)
                    aligned = aligned or similarity >= CLOSE_SIMILARITY
                    if not (aligned or similarity >= NOUN_SIMILARITY):
                        continue
                    vals_a = set().union(*(_values(q) for q in qs_a))
                    vals_b = set().union(*(_values(q) for q in qs_b))
                    open_a = [q for q in qs_a if not _values(q) <= vals_b]
                    open_b = [q for q in qs_b if not _values(q) <= vals_a]
                    for qa in open_a:
                        rivals = [qb for qb in open_b if _compatible(qa, qb) and (qb.value, qb.value_to) != (qa.value, qa.value_to)]
                        for qb in rivals:
                            ca, cb = _context(qa), _context(qb)
                            if ca and cb:
                                if ca != cb:
                                    continue
                                noun_key = (ca, qa.kind, qa.unit or "")
                                # A report that also gives the other figure for this noun is talking
                                # about two things (two ages, two rates), not contradicting.
                                if _values(qb) & given[a_i].get(noun_key, set()) or \
                                        _values(qa) & given[b_i].get(noun_key, set()):
                                    continue
                                key = f"noun:{ca}:{qa.kind}:{qa.unit}"
                            else:
                                lone = len(rivals) == 1 and sum(_compatible(qa, q) for q in open_a) == 1
                                if not (aligned and lone):
                                    continue
                                key = f"claim:{ctx.claim_of[ctx.pos[(a_i, s_a)]]}:{qa.kind}:{qa.unit}"
                            slots[key][a_i].append((s_a, qa))
                            slots[key][b_i].append((s_b, qb))
    findings = []
    for key, per_article in slots.items():
        values: dict[str, list[str]] = defaultdict(list)
        evidence = []
        for a_i in sorted(per_article):
            seen = set()
            for s, q in per_article[a_i]:
                if (s, tuple(q.span)) in seen:
                    continue
                seen.add((s, tuple(q.span)))
                aid = ctx.articles[a_i].id
                if aid not in values[_label(q)]:
                    values[_label(q)].append(aid)
                evidence.append(ctx.evidence(a_i, s, tuple(q.span)))
        if len(values) < 2:
            continue
        per_article_values: dict[int, set[float]] = defaultdict(set)
        for a_i, items in per_article.items():
            for _, q in items:
                per_article_values[a_i] |= _values(q)
        if any(len(v) > 1 for v in per_article_values.values()):
            continue  # one report gives several figures here: a list, not a conflict
        noun = key.split(":")[1] if key.startswith("noun:") else None
        shown = " vs ".join(f"{v} ({', '.join(ids)})" for v, ids in values.items())
        findings.append(Finding(kind="number_conflict", summary=f"Different figures for the same thing: {shown}",
                                evidence=evidence,
                                details={"slot": noun or "aligned claim", "values": dict(values)},
                                score=0.9 if key.startswith("claim:") else 0.7))
    findings.sort(key=lambda f: (-f.score, f.summary))
    return findings
