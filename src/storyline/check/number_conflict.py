"""number_conflict: the same slot filled with different numbers in different reports.

Two figures of the same kind and unit, in two reports, fill the same slot when
  - their sentences are aligned (one claim) and each is the only open figure of its kind there, or
  - they count the same thing (slots.concept: "deaths" = "muertos" = "people ... killed") and their
    sentences are aligned or closely similar, or each report gives only that one figure for the thing
    and the sentences share a word or some similarity, or
  - the words right around them agree (two shared content words within five words of the figure:
    "rejected the contract by 94%" / "94.6% rejected the contract offer"); names most reports use
    (the company, the teams) do not count, or
  - one such name alone stands next to each, and each report gives that name one figure of the kind
    ("the AfD won 19.6 percent" / "the AfD came second with 20.8%"). Words that most reports
    of the story use anyway (the company's name) are no evidence of a slot.
Never a conflict: a combined figure and a single one; a look back ("had last cut by 40") and the
news; a figure set in another event ("after reaching 74 km, the booster separated") and a plain one; figures both reports give (agreed, or one report names both: two things); figures
a hedge reconciles ("more than 7 percent" / "about 8%"); a forecast, a maximum or a possibility and
a plain figure ("waves could reach 20 feet" / "waves 8 feet high", slots.modal); figures counted in
different places ("in DR Congo" / "in Africa", slots.scope); figures of differently named rates (deposit
vs refinancing); a figure whose rival number stands, unread, in its own sentence ("needed a run-a-ball 30 ... 27 balls").
Linked figures form one slot; a report that gives several values in one slot is talking about
several things and is left out of it.

A second, conversion-aware pass flags a probable unit mislabel: the same printed figure with two
units of one dimension (1,200 acres / 1.200 hectáreas), which cannot both be right. It needs the
two sentences to be alike, or the figure to be large and each report's only one in those units.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from storyline.check import slots
from storyline.check.context import Context
from storyline.check.text import content_stems
from storyline.lang.fold import stem
from storyline.lang.numbers import number_key
from storyline.lang.unionfind import components
from storyline.model import Article, Finding, Quantity, as_span

CLOSE_SIMILARITY = 0.35  # sentences this alike count as one slot even if the alignment kept them apart
WEAK_SIMILARITY = 0.1
STORY_SHARE = 0.6  # a name in this share of the story's reports (and at least 3) is the story's own  # the least likeness for a slot found by its counted thing alone
LOCAL_WINDOW = 40  # characters either side of a figure that make up its local context
LOCAL_SHARED = 2  # content words two local contexts must share
TOPIC_SHARE = 0.6  # a word in this share of the story's reports (and at least 3) is a topic word
UNIT_WORDS = frozenset(stem(w) for w in "percent prozent cent ciento cento pourcent point points basis "
                       "punkte puntos million millions billion milliards millones dollars euros".split())
# Units of one dimension that a careless rewrite swaps; a figure kept with the other unit is wrong.
DIMENSIONS = ({"acre", "ha", "km2"}, {"km", "mi"}, {"m", "ft"}, {"lb", "kg", "t"}, {"km/h", "mph"})
PERSONAL = frozenset({"age"})  # one person's figure: the counted thing alone does not make a slot
MISLABEL_MIN = 10  # "1 km" / "1 mile" is too common to mean anything
MISLABEL_ALONE = 100  # a figure this precise, each report's only one in its units, needs no aligned sentence


@dataclass
class Figure:
    """One quantity with what number_conflict reads around it."""

    a: int
    x: int
    q: Quantity
    values: set[float]
    local: set[str]
    concept: str | None
    hedge: str | None
    rates: set[str]
    aggregate: bool  # "a combined turnover of": a sum, not the figure of one thing
    states: set[str]  # what its sentence says happened to the things counted (threatened, destroyed)
    past: bool  # its clause looks back at an earlier event ("had last cut by")
    circumstance: bool  # its clause sets it in another event ("after reaching an altitude of")
    names: set[str]  # the local words that are names most reports use (no evidence of a slot)
    numbers: set[str] = field(default_factory=set)  # numbers in its sentence that no figure covers
    modal: bool = False  # a forecast, bound or possibility ("could reach", "expected", "up to")
    scope: set[str] = field(default_factory=set)  # the places its clause counts it in (slots.scope)


def _values(q: Quantity) -> set[float]:
    out = {q.normalized if q.normalized is not None else q.value}
    if q.value_to is not None:
        out.add(q.normalized_to if q.normalized_to is not None else q.value_to)
    return {round(v, 6) for v in out}


def compatible(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and (a.unit or "") == (b.unit or "")


def _windows(article: Article, q: Quantity) -> tuple[str, str]:
    """Text before and after the figure, within its sentence and clause and not past a neighbouring
    figure (in a list of results each figure keeps its own words)."""
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
    return before, after


def figure_digits(q: Quantity) -> str:
    return re.sub(r"\D", "", q.text)


def _printed(q: Quantity) -> str:
    """The figure as printed, separators made alike: "1,200" and "1.200" read the same, "39" and
    "3.9" do not."""
    m = re.search(r"\d(?:[\d.,\u00a0' ]*\d)?", q.text)
    return re.sub(r"[.,\u00a0' ]", ".", m.group()) if m else ""


def figure_keys(q: Quantity) -> set[str]:
    out = {f"num:{number_key(q.value)}"}
    if q.value_to is not None:
        out.add(f"num:{number_key(q.value_to)}")
    return out


def _story_names(ctx: Context) -> set[str]:
    """Names most reports of the story use (the company, the teams): near a figure they say nothing
    about which figure it is."""
    per_article: dict[int, set[str]] = defaultdict(set)
    for r in ctx.refs:
        per_article[r.article].update(r.anchors)
    need = max(3, math.ceil(STORY_SHARE * len(ctx.articles)))
    counts: dict[str, int] = defaultdict(int)
    for names in per_article.values():
        for n in names:
            counts[n] += 1
    return {n for n, c in counts.items() if c >= need and not n.startswith(("num:", "month:"))}


def _clause_before(article: Article, q: Quantity) -> str:
    sent = article.sentences[q.sentence] if q.sentence < len(article.sentences) else None
    return re.split(r"[,;:()“”\"]", article.text[sent.start if sent else 0 : q.span[0]])[-1]


def _bare(article: Article, sentence: int) -> str:
    """A sentence with its extracted figures blanked out: the numbers left are ones the extractor
    did not read ("needed a run-a-ball 30"), which may still be the rival figure."""
    s = article.sentences[sentence]
    chars = list(article.text[s.start : s.end])
    for q in article.quantities:
        if q.sentence == sentence:
            for i in range(max(q.span[0], s.start), min(q.span[1], s.end)):
                chars[i - s.start] = " "
    # a number fused to a word ("the 24-time champion", "a 16-year high") is another kind of figure
    return re.sub(r"\d+(?:[.,]\d+)*-(?=[^\W\d_])", lambda m: " " * len(m.group()), "".join(chars))


def _clause(article: Article, q: Quantity) -> str:
    """The figure's clause: its sentence cut at the punctuation nearest either side of it."""
    sent = article.sentences[q.sentence] if q.sentence < len(article.sentences) else None
    lo, hi = (sent.start, sent.end) if sent else (0, len(article.text))
    before = re.split(r"[,;:()“”\"]", article.text[lo : q.span[0]])[-1]
    after = re.split(r"[,;:()“”\"]", article.text[q.span[1] : hi])[0]
    return f"{before}{q.text}{after}"


def report_figures(ctx: Context) -> list[list[Figure]]:
    story_names = _story_names(ctx)
    out = []
    for a_i, art in enumerate(ctx.articles):
        sentence_numbers = {}
        figs = []
        for x, q in enumerate(art.quantities):
            before, after = _windows(art, q)
            words = slots.window_words(f"{before} {q.text} {after}")
            local = {s for s in content_stems(before + " " + after) if not s.startswith(("num:", "month:"))}
            local -= UNIT_WORDS | slots.HEDGE_WORDS
            if q.sentence not in sentence_numbers and q.sentence < len(art.sentences):
                text = _bare(art, q.sentence)
                sentence_numbers[q.sentence] = ({s for s in content_stems(text) if s.startswith("num:")},
                                                slots.states(slots.window_words(text)))
            numbers, states = sentence_numbers.get(q.sentence, (set(), set()))
            clause = _clause_before(art, q)
            figs.append(Figure(a_i, x, q, _values(q), local, slots.concept(q.context, words),
                               slots.hedge(before), slots.rate_names(words), slots.aggregate(words),
                               states, slots.past(slots.window_words(clause)), slots.circumstance(clause),
                               local & story_names, numbers, slots.modal(f"{clause} {after}"),
                               slots.scope(_clause(art, q))))
        out.append(figs)
    return out


Node = tuple[int, int]  # (article index, quantity index)


def find(ctx: Context) -> list[Finding]:
    figures = report_figures(ctx)
    all_values = [set().union(*(f.values for f in figs)) if figs else set() for figs in figures]
    edges: list[tuple[Node, Node]] = []
    for (a_i, xa), (b_i, xb) in _pairs_sharing(figures, _slot_keys(ctx)):
        fa, fb = figures[a_i][xa], figures[b_i][xb]
        qa, qb = fa.q, fb.q
        if not compatible(qa, qb) or (qa.value, qa.value_to) == (qb.value, qb.value_to):
            continue
        if figure_digits(qa) and figure_digits(qa) == figure_digits(qb):
            continue  # the same figure, read differently ("200,000" in two languages)
        if fa.values & fb.values or fb.values & all_values[a_i] or fa.values & all_values[b_i]:
            continue  # agreed, or one report gives both figures
        if figure_keys(qb) & fa.numbers or figure_keys(qa) & fb.numbers:
            continue  # the rival number stands in the figure's own sentence
        if qa.value_to is None and qb.value_to is None and slots.agree(
                qa.normalized or qa.value, fa.hedge, qb.normalized or qb.value, fb.hedge):
            continue  # "more than 7 percent" and "about 8%" can both be true
        if same_slot(ctx, fa, fb, figures):
            edges.append(((a_i, fa.x), (b_i, fb.x)))
    findings = []
    for members in _slots(edges, figures):
        finding = _finding(ctx, members, figures)
        if finding is not None:
            findings.append(finding)
    findings.extend(_mislabels(ctx, figures))
    findings.sort(key=lambda f: (-f.score, f.summary))
    return findings


BlockKey = tuple[object, ...]


def _slot_keys(ctx: Context) -> Callable[[Figure], list[BlockKey]]:
    """Keys that two figures ``same_slot`` can link share at least one of: they are of one kind and
    unit, and they count the same named thing (a concept), or share a word around them, or stand in
    sentences the alignment puts in one claim. Comparing only figures that share a key keeps the
    check from weighing every figure of every report against every other."""

    def keys(fig: Figure) -> list[BlockKey]:
        unit = (fig.q.kind, fig.q.unit or "")
        out: list[BlockKey] = [(unit, "local", word) for word in fig.local]
        if fig.concept:
            out.append((unit, "concept", fig.concept))
        pos = ctx.pos.get((fig.a, fig.q.sentence))
        if pos is not None:
            out.append((unit, "claim", ctx.claim_of[pos]))
        return out

    return keys


def _pairs_sharing(figures: list[list[Figure]],
                   keys: Callable[[Figure], Iterable[BlockKey]]) -> list[tuple[Node, Node]]:
    """Pairs of figures from two different reports that share a key, in the order of a loop over
    every pair of reports and then every pair of their figures (the order findings come out in)."""
    buckets: dict[BlockKey, list[Node]] = defaultdict(list)
    for figs in figures:
        for f in figs:
            for key in set(keys(f)):
                buckets[key].append((f.a, f.x))
    pairs: set[tuple[Node, Node]] = set()
    for members in buckets.values():
        for i, m in enumerate(members):
            for n in members[i + 1 :]:
                if m[0] != n[0]:
                    pairs.add((m, n) if m < n else (n, m))
    return sorted(pairs, key=lambda p: (p[0][0], p[1][0], p[0][1], p[1][1]))


def _single_valued(figures: list[list[Figure]], a_i: int, concept: str, fig: Figure) -> bool:
    """Whether report ``a_i`` gives one value, in one kind and unit, for ``concept``."""
    values = set()
    for f in figures[a_i]:
        if f.concept == concept and compatible(f.q, fig.q):
            values |= f.values
    return len(values) == 1


def _single_named(figures: list[list[Figure]], fig: Figure) -> bool:
    """Whether the report gives one value, in one kind and unit, next to this name."""
    values = set()
    for f in figures[fig.a]:
        if f.names & fig.names and compatible(f.q, fig.q):
            values |= f.values
    return len(values) == 1


def same_slot(ctx: Context, fa: Figure, fb: Figure, figures: list[list[Figure]]) -> bool:
    qa, qb = fa.q, fb.q
    if fa.concept and fb.concept and fa.concept != fb.concept:
        return False
    if fa.rates and fb.rates and not fa.rates & fb.rates:
        return False  # the deposit rate and the refinancing rate are two slots
    if fa.aggregate != fb.aggregate:
        return False  # a combined figure and the figure of one part
    if fa.past != fb.past:
        return False  # the last cut and this one
    if fa.circumstance != fb.circumstance:
        return False  # "after reaching 74 km, the booster separated" and "the ship reached 212 km"
    if fa.modal != fb.modal:
        return False  # "waves could reach 20 feet" and "waves 8 feet high"
    if fa.scope and fb.scope and not fa.scope & fb.scope:
        return False  # "524 deaths in DR Congo" and "517 deaths in Africa": two tolls
    aligned = ctx.same_claim(fa.a, qa.sentence, fb.a, qb.sentence)
    similarity = ctx.similarity(fa.a, qa.sentence, fb.a, qb.sentence)
    shared = fa.local & fb.local
    if fa.concept in PERSONAL and fa.concept == fb.concept and shared:
        return True  # "the 21-year-old Spaniard" / "the 24-year-old Spaniard"
    shared -= fa.names | fb.names
    if fa.concept and fa.concept == fb.concept:
        if aligned or similarity >= CLOSE_SIMILARITY:
            return True
        if (slots.from_lexicon(fa.concept) and fa.concept not in PERSONAL and fa.states == fb.states
                and _single_valued(figures, fa.a, fa.concept, fa) and _single_valued(figures, fb.a, fb.concept, fb)
                and (shared or similarity >= WEAK_SIMILARITY or _languages_differ(ctx, fa.a, fb.a))):
            return True
    if len(shared) >= LOCAL_SHARED:
        return True
    named = fa.names & fb.names
    if (len(named) == 1 and fa.names == fb.names and fa.concept == fb.concept
            and _single_named(figures, fa) and _single_named(figures, fb)):
        return True  # "the AfD won 19.6 percent" / "the AfD came second with 20.8%"
    if aligned and fa.concept == fb.concept:
        open_a = [f for f in figures[fa.a] if f.q.sentence == qa.sentence and compatible(f.q, qa)]
        open_b = [f for f in figures[fb.a] if f.q.sentence == qb.sentence and compatible(f.q, qb)]
        return len(open_a) == 1 and len(open_b) == 1
    return False


def _languages_differ(ctx: Context, a_i: int, b_i: int) -> bool:
    """Between languages the lexical likeness of two sentences says little: it is not asked for."""
    la, lb = ctx.articles[a_i].lang, ctx.articles[b_i].lang
    return bool(la and lb and la != lb)


def _slots(edges: list[tuple[Node, Node]], figures: list[list[Figure]]) -> list[list[Node]]:
    """Linked figures, one list per slot. A report with several values in a slot is left out and
    the slot is re-linked without it: what the other reports say may still disagree."""
    out = []
    pending = components({n for e in edges for n in e}, edges)
    while pending:
        members = pending.pop()
        by_article: dict[int, set[frozenset[float]]] = defaultdict(set)
        for a_i, x in members:
            by_article[a_i].add(frozenset(figures[a_i][x].values))  # a range is one value: {27, 74}
        several = {a for a, v in by_article.items() if len(v) > 1}
        if not several:
            out.append(members)
            continue
        rest = {n for n in members if n[0] not in several}
        sub = [e for e in edges if e[0] in rest and e[1] in rest]
        pending.extend(c for c in components({n for e in sub for n in e}, sub) if len(c) > 1)
    return sorted(out)


def _finding(ctx: Context, members: list[Node], figures: list[list[Figure]]) -> Finding | None:
    by_article: dict[int, frozenset[float]] = {}
    for a_i, x in members:
        by_article[a_i] = frozenset(figures[a_i][x].values)
    if len(by_article) < 2 or len(set(by_article.values())) < 2:
        return None
    values: dict[str, list[str]] = defaultdict(list)
    evidence = []
    for a_i, x in members:
        q = figures[a_i][x].q
        aid = ctx.articles[a_i].id
        if aid not in values[q.text]:
            values[q.text].append(aid)
        evidence.append(ctx.evidence(a_i, q.sentence, as_span(q.span)))
    concepts = {f.concept for f in (figures[a][x] for a, x in members) if f.concept is not None}
    shown = " vs ".join(f"{v} ({', '.join(ids)})" for v, ids in values.items())
    return Finding(kind="number_conflict", summary=f"Different figures for the same thing: {shown}",
                   evidence=evidence,
                   details={"slot": sorted(concepts)[0] if len(concepts) == 1 else "aligned claim",
                            "values": dict(values)},
                   score=0.8)


def _dimension(unit: str | None) -> int | None:
    return next((i for i, d in enumerate(DIMENSIONS) if unit in d), None)


def _mislabels(ctx: Context, figures: list[list[Figure]]) -> list[Finding]:
    """The same printed figure with two units of one dimension in two reports."""
    out = []
    seen = set()
    units_of: list[dict[str, set[str]]] = []
    dims: list[dict[int | None, set[str | None]]] = []
    for figs in figures:
        by_digits: dict[str, set[str]] = defaultdict(set)
        by_dim: dict[int | None, set[str | None]] = defaultdict(set)
        for f in figs:
            by_digits[_printed(f.q)].add(f.q.unit or "")
            by_dim[_dimension(f.q.unit)].add(f.q.unit)
        units_of.append(by_digits)
        dims.append(by_dim)

    def mislabel_keys(fig: Figure) -> list[BlockKey]:
        """A mislabel pairs two measures printed alike with units of one dimension."""
        dim = _dimension(fig.q.unit)
        return [(dim, _printed(fig.q))] if fig.q.kind == "measure" and dim is not None else []

    for (a_i, xa), (b_i, xb) in _pairs_sharing(figures, mislabel_keys):
        fa, fb = figures[a_i][xa], figures[b_i][xb]
        qa, qb = fa.q, fb.q
        if qa.kind != "measure" or qb.kind != "measure" or qa.unit == qb.unit:
            continue
        dim = _dimension(qa.unit)
        if dim is None or dim != _dimension(qb.unit) or qa.value_to or qb.value_to:
            continue
        digits = _printed(qa)
        if not digits or digits != _printed(qb) or max(qa.value, qb.value) < MISLABEL_MIN:
            continue
        if len(units_of[a_i][digits]) > 1 or len(units_of[b_i][digits]) > 1:
            continue  # a report that gives the figure in both units is converting
        aligned = ctx.same_claim(a_i, qa.sentence, b_i, qb.sentence)
        similarity = ctx.similarity(a_i, qa.sentence, b_i, qb.sentence)
        alone = (qa.value >= MISLABEL_ALONE and dims[a_i][dim] == {qa.unit}
                 and dims[b_i][dim] == {qb.unit})
        if not (aligned or similarity >= WEAK_SIMILARITY or fa.local & fb.local or alone):
            continue
        key = (digits, frozenset({qa.unit, qb.unit}))
        if key in seen:
            continue
        seen.add(key)
        ida, idb = ctx.articles[a_i].id, ctx.articles[b_i].id
        out.append(Finding(
            kind="number_conflict",
            summary=f"Same figure, different unit: {qa.text} ({ida}) vs {qb.text} ({idb}); "
                    f"one of them probably mislabels the unit",
            evidence=[ctx.evidence(a_i, qa.sentence, as_span(qa.span)),
                      ctx.evidence(b_i, qb.sentence, as_span(qb.span))],
            details={"slot": "unit", "unit_mislabel": True, "units": [qa.unit, qb.unit],
                     "values": {qa.text: [ida], qb.text: [idb]}},
            score=0.75))
    return out
