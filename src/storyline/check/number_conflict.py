"""number_conflict: the same slot filled with different numbers in different reports.

Two figures of the same kind and unit, in two reports, fill the same slot when
  - their sentences are aligned (one claim) and each is the only open figure of its kind there, or
  - they count the same context noun ("deaths", "acres") in closely similar sentences, or
  - the words right around them agree (two shared content words within five words of the figure:
    "rejected the contract by 94%" / "94.6% rejected the contract offer").
Figures that both reports give are agreed, never a conflict; a report that gives both figures is
talking about two things, not contradicting. Linked figures form one slot; a slot where one report
gives several values is a list, not a conflict, and is dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.check.context import Context
from storyline.check.text import content_stems, stem
from storyline.model import Finding, Quantity

CLOSE_SIMILARITY = 0.35  # sentences this alike count as one slot even if the alignment kept them apart
LOCAL_WINDOW = 40  # characters either side of a figure that make up its local context
LOCAL_SHARED = 2  # content words two local contexts must share
UNIT_WORDS = frozenset(stem(w) for w in "percent prozent cent ciento cento pourcent point points basis "
                       "punkte puntos million millions billion milliards millones dollars euros".split())


def _values(q: Quantity) -> set[float]:
    out = {q.normalized if q.normalized is not None else q.value}
    if q.value_to is not None:
        out.add(q.normalized_to if q.normalized_to is not None else q.value_to)
    return {round(v, 6) for v in out}


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and (a.unit or "") == (b.unit or "")


def _context(q: Quantity) -> str | None:
    return stem(q.context) if q.context else None


def _local(article, q: Quantity) -> set[str]:
    """Content words near the figure, within its sentence and not past a neighbouring figure (in a
    list of results each figure keeps its own words)."""
    text = article.text
    sent = article.sentences[q.sentence] if q.sentence < len(article.sentences) else None
    lo = max(sent.start if sent else 0, q.span[0] - LOCAL_WINDOW)
    hi = min(sent.end if sent else len(text), q.span[1] + LOCAL_WINDOW)
    for other in article.quantities:
        if other is q or other.sentence != q.sentence:
            continue
        if other.span[1] <= q.span[0]:
            lo = max(lo, other.span[1])
        elif other.span[0] >= q.span[1]:
            hi = min(hi, other.span[0])
    before, after = text[lo : q.span[0]], text[q.span[1] : hi]
    before = re.split(r"[,;:()“”\"]", before)[-1]  # stay in the figure's own clause
    after = re.split(r"[,;:()“”\"]", after)[0]
    window = before + " " + after
    return {s for s in content_stems(window) if not s.startswith(("num:", "month:"))} - UNIT_WORDS


def _digits(q: Quantity) -> str:
    return re.sub(r"\D", "", q.text)


Node = tuple[int, int]  # (article index, quantity index)


def find(ctx: Context) -> list[Finding]:
    quantities = [list(a.quantities) for a in ctx.articles]
    given = [[_values(q) for q in qs] for qs in quantities]
    all_values = [set().union(*vals) if vals else set() for vals in given]
    local = [[_local(a, q) for q in a.quantities] for a in ctx.articles]
    parent: dict[Node, Node] = {}

    def root(n: Node) -> Node:
        while parent.setdefault(n, n) != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a_i in range(len(ctx.articles)):
        for b_i in range(a_i + 1, len(ctx.articles)):
            for x, qa in enumerate(quantities[a_i]):
                for y, qb in enumerate(quantities[b_i]):
                    if not _compatible(qa, qb) or (qa.value, qa.value_to) == (qb.value, qb.value_to):
                        continue
                    if _digits(qa) and _digits(qa) == _digits(qb):
                        continue  # the same figure, read differently ("200,000" in two languages)
                    va, vb = given[a_i][x], given[b_i][y]
                    if va & vb or vb & all_values[a_i] or va & all_values[b_i]:
                        continue  # agreed, or one report gives both figures
                    if _same_slot(ctx, a_i, qa, b_i, qb, local[a_i][x], local[b_i][y], quantities):
                        parent[root((a_i, x))] = root((b_i, y))
    slots: dict[Node, list[Node]] = defaultdict(list)
    for node in list(parent):
        slots[root(node)].append(node)
    findings = []
    for members in slots.values():
        finding = _finding(ctx, sorted(members), quantities, given)
        if finding is not None:
            findings.append(finding)
    findings.sort(key=lambda f: (-f.score, f.summary))
    return findings


def _same_slot(ctx: Context, a_i: int, qa: Quantity, b_i: int, qb: Quantity, la: set[str], lb: set[str],
               quantities: list[list[Quantity]]) -> bool:
    ca, cb = _context(qa), _context(qb)
    if ca and cb and ca != cb:
        return False
    aligned = ctx.same_claim(a_i, qa.sentence, b_i, qb.sentence)
    similarity = ctx.similarity(a_i, qa.sentence, b_i, qb.sentence)
    if ca and cb and (aligned or similarity >= CLOSE_SIMILARITY):
        return True
    if len(la & lb) >= LOCAL_SHARED:
        return True
    if aligned:
        open_a = [q for q in quantities[a_i] if q.sentence == qa.sentence and _compatible(q, qa)]
        open_b = [q for q in quantities[b_i] if q.sentence == qb.sentence and _compatible(q, qb)]
        return len(open_a) == 1 and len(open_b) == 1
    return False


def _finding(ctx: Context, members: list[Node], quantities, given) -> Finding | None:
    by_article: dict[int, set[float]] = defaultdict(set)
    for a_i, x in members:
        by_article[a_i] |= given[a_i][x]
    if len(by_article) < 2 or any(len(v) > 1 for v in by_article.values()):
        return None  # one report gives several figures here: a list, not a conflict
    values: dict[str, list[str]] = defaultdict(list)
    evidence = []
    for a_i, x in members:
        q = quantities[a_i][x]
        aid = ctx.articles[a_i].id
        if aid not in values[q.text]:
            values[q.text].append(aid)
        evidence.append(ctx.evidence(a_i, q.sentence, tuple(q.span)))
    if len({frozenset(v) for v in by_article.values()}) < 2:
        return None
    nouns = {_context(quantities[a][x]) for a, x in members} - {None}
    shown = " vs ".join(f"{v} ({', '.join(ids)})" for v, ids in values.items())
    return Finding(kind="number_conflict", summary=f"Different figures for the same thing: {shown}",
                   evidence=evidence,
                   details={"slot": sorted(nouns)[0] if len(nouns) == 1 else "aligned claim",
                            "values": dict(values)},
                   score=0.8)
