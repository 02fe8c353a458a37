"""fidelity: every report scored against the primary source (a transcript, a release, a statement).

When the official record is among the inputs, the question a fact-checker asks is not "do the
reports agree with each other" but "does each report render the source faithfully". Each report's
checkable items are set against the primary:

- quotes: grouped with the primary's utterances (check/utterances.py) and classed as quote_variant
  classes them: identical, typographic, shortened (an excerpt), translated, longer (words the
  primary's statement lacks), reworded, meaning changed; a quote whose words all stand verbatim in
  the primary's sentences is an excerpt of it even where the primary gives them no quote marks (a
  release, a transcript's run-on turn); otherwise "no counterpart" in the primary source;
- numbers: each figure against the primary's figures of the same slot (number_conflict's slot
  test): agrees, differs, or not in the primary;
- dates: each resolved day or month against the primary's dates of the same claim or the same
  kind of event (date_conflict's tests): agrees, differs, or not in the primary.

The fidelity score of a report is the share of its checkable items that are faithful: quotes
identical, typographic, shortened or translated, and numbers and dates that agree, over those plus
the quotes longer, reworded or meaning changed and the numbers and dates that differ. Items with
no counterpart in the primary are counted but do not enter the score: the primary cannot confirm
or refute them. A report with nothing checkable has no score (None).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from storyline.check import date_conflict, events, number_conflict, slots
from storyline.check.context import Context
from storyline.check.quote_variant import classify
from storyline.check.text import content_stems
from storyline.check.utterances import (
    Statement,
    find_run,
    piece_texts,
    same_speaker,
    statements,
    utterances,
    words,
)
from storyline.errors import UsageError
from storyline.model import Article, DateMention, Quantity, as_span

QUOTE_CLASSES = ("identical", "typographic", "shortened", "translated", "longer", "reworded", "meaning changed",
                 "no counterpart")
FAITHFUL_QUOTES = frozenset({"identical", "typographic", "shortened", "translated"})
UNFAITHFUL_QUOTES = frozenset({"longer", "reworded", "meaning changed"})
CHECK_CLASSES = ("agrees", "differs", "not in primary")
SCORE_DEFINITION = ("faithful / checkable: quotes identical, typographic, shortened or translated and numbers "
                    "and dates that agree, over those plus quotes longer, reworded or meaning changed and numbers "
                    "and dates that differ; items with no counterpart in the primary are not scored")
MIN_QUOTE_WORDS = 3  # a shorter quote ("historic") is a word, not a statement to check
MIN_PIECE_WORDS = 3  # a shorter piece of a quote is found verbatim anywhere
LOOSE_SHARED, LOOSE_RATIO = 3, 0.4  # content words a quote shares with the primary's closest saying,
CLOSE_RATIO = 0.5  # or two words found in no other saying, when they are this share of the shorter one's
DISTINCTIVE_COUNT = 10  # a count this large, given by the primary in the same unit, confirms a report's


# --- choosing the primary -----------------------------------------------------------------------

@dataclass
class Primary:
    """The report every other one is checked against, and why it was chosen."""

    index: int
    detected: bool
    reasons: list[str]


_OFFICIAL_HOST = re.compile(r"(?:^|\.)(?:gov|gouv|gob|govt|mil|gv|go)(?:\.[a-z]{2})?$|(?:^|\.)europa\.eu$")
_OFFICIAL_OUTLET = re.compile(
    r"\b(?:ministry|ministère|ministerio|ministerium|white house|state department|department of state|"
    r"prime minister'?s office|office of the (?:president|prime minister|spokesperson)|press office|"
    r"government of|embassy of|presidency|élysée|la moncloa|bundesregierung|downing street)\b", re.IGNORECASE)
_RELEASE_LINE = re.compile(
    r"^\s*(?:for immediate release|press release|news release|media release|communiqué de presse|"
    r"comunicado de prensa|nota de prensa|pressemitteilung|comunicato stampa)\b.{0,40}$",
    re.IGNORECASE | re.MULTILINE)
_TITLE = re.compile(
    r"^\s*(?:remarks (?:by|at|to|with|on|before)\b|transcript\b|readout\b|press release\b|"
    r"(?:joint )?statement (?:by|from|of|on)\b|statement:|(?:[\w.'’]+ ){0,3}press (?:briefing|conference)\b)",
    re.IGNORECASE)
_QUESTION_LABEL = re.compile(r"^\s*(?:q|question|questions|pregunta|p|frage|f|domanda|d)\s*:\s+\S", re.IGNORECASE)
TRANSCRIPT_TURNS = 3  # labelled turns a transcript shows at least,
TRANSCRIPT_SHARE = 0.3  # as this share of its paragraphs at least


def _transcript(art: Article) -> bool:
    """Labelled turns ("SECRETARY MARWICK: ...", "Q: ...") make up much of the text, with two labels."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", art.text) if m.group().strip()]
    label_starts = {q.speaker_span[0]: art.text[q.speaker_span[0]:q.speaker_span[1]].casefold()
                    for q in art.quotes if q.kind == "direct" and q.speaker_span is not None
                    and art.text[q.speaker_span[1]:q.speaker_span[1] + 3].lstrip().startswith(":")}
    labels: list[str] = []
    for start, line in lines:
        lead = start + len(line) - len(line.lstrip())
        if lead in label_starts:
            labels.append(label_starts[lead])
        elif _QUESTION_LABEL.match(line):
            labels.append("?")
    return (len(labels) >= TRANSCRIPT_TURNS and len(set(labels)) >= 2
            and len(labels) >= TRANSCRIPT_SHARE * len(lines))


def primary_signals(art: Article) -> list[str]:
    """Why ``art`` reads as a primary source: its format, its outlet or domain, its release
    markers, its title. Empty for an ordinary report."""
    reasons = []
    if _transcript(art):
        reasons.append("transcript format (labelled speaker turns)")
    host = (urlsplit(art.url).hostname or "") if art.url else ""
    if host and _OFFICIAL_HOST.search(host):
        reasons.append(f"official domain ({host})")
    elif art.outlet and (_OFFICIAL_OUTLET.search(art.outlet) or _OFFICIAL_HOST.search(art.outlet.casefold())):
        reasons.append(f"official outlet ({art.outlet})")
    if _RELEASE_LINE.search(art.text[:600]):
        reasons.append("press release marker")
    if art.title and _TITLE.match(art.title):
        title = " ".join(art.title.split())
        reasons.append(f"title of an official record ({title if len(title) <= 60 else title[:59] + '…'})")
    return reasons


def detect_primary(articles: list[Article]) -> Primary | None:
    """The one report with the most primary-source signals; None when no report has any, or when
    two tie (two transcripts: which one the reports follow is not for a heuristic to guess)."""
    if len(articles) < 2:
        return None
    scored = [(len(r), i, r) for i, a in enumerate(articles) if (r := primary_signals(a))]
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return Primary(scored[0][1], True, scored[0][2])


def _names(art: Article) -> set[str]:
    base = art.id.rstrip("/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base and not base.startswith(".") else base
    return {art.id, base, stem}


def resolve_primary(articles: list[Article], wanted: str) -> Primary:
    """The report ``wanted`` names (its id, file name or file name without extension)."""
    hits = [i for i, a in enumerate(articles) if a.id == wanted]
    if not hits:
        hits = [i for i, a in enumerate(articles) if wanted in _names(a)]
    if len(hits) != 1:
        ids = ", ".join(a.id for a in articles)
        how = "matches no report" if not hits else f"matches {len(hits)} reports"
        raise UsageError(f"primary {wanted!r} {how}: give one of the report ids ({ids}) or its file name")
    return Primary(hits[0], False, ["chosen with --primary"])


def choose_primary(articles: list[Article], wanted: str | None, detect: bool) -> Primary | None:
    if wanted is not None:
        return resolve_primary(articles, wanted)
    return detect_primary(articles) if detect else None


# --- quotes -------------------------------------------------------------------------------------

def _evidence(ctx: Context, a_i: int, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    return [ev.to_dict() for sp in spans for ev in ctx.evidence_over(a_i, sp)]


@dataclass
class Said:
    """One sentence's worth of what the primary source says: the part of a sentence inside a direct
    quote (a transcript's turns, a release's quoted statements), with its speaker."""

    sentence: int
    text: str
    span: tuple[int, int]
    speaker: str | None
    words: list[str]
    stems: set[str]


def primary_sayings(primary: Article) -> list[Said]:
    """What the primary puts in someone's mouth, sentence by sentence; a primary without direct
    quotes (a plain release) speaks in every sentence. A question from the floor is no quote, so a
    report that gives the question's words to the speaker finds no counterpart."""
    out = []
    direct = [q for q in primary.quotes if q.kind == "direct"]
    for q in direct:
        for sent in primary.sentences:
            lo, hi = max(q.span[0], sent.start), min(q.span[1], sent.end)
            if lo < hi and words(primary.text[lo:hi]):
                text = primary.text[lo:hi]
                out.append(Said(sent.index, text, (lo, hi), q.speaker, words(text), set(content_stems(text))))
    if not direct:
        out = [Said(s.index, s.text, (s.start, s.end), None, words(s.text), set(content_stems(s.text)))
               for s in primary.sentences]
    return out


def _speaker_fits(said: Said, r: Statement) -> bool:
    return same_speaker(said.speaker, r.speaker) is not False


def _verbatim_in(sayings: list[Said], r: Statement) -> list[Said] | None:
    """The primary's sayings that hold every piece of ``r`` word for word, or None."""
    long_pieces = [w for w in (words(p) for p in piece_texts(r.text)) if len(w) >= MIN_PIECE_WORDS]
    if not long_pieces:
        return None
    found: list[Said] = []
    for piece in long_pieces:
        where = next((x for x in sayings if _speaker_fits(x, r) and find_run(x.words, piece) is not None), None)
        if where is None:
            return None
        if where not in found:
            found.append(where)
    return found


def _closest(sayings: list[Said], r: Statement) -> Said | None:
    """The saying ``r`` renders, by shared content words: one source is checked, so a looser bar than
    the grouping of many reports' quotes serves ("the ferries will be free" renders "the ferries will
    not be free, but ..."). Among those that pass, words rare in the primary weigh most: "bridge" in
    a story about a bridge says little about which sentence is quoted."""
    df = Counter(stem for x in sayings for stem in x.stems)
    best: tuple[float, Said] | None = None
    for x in sayings:
        if not _speaker_fits(x, r):
            continue
        shared = x.stems & r.stems
        ratio = len(shared) / (min(len(x.stems), len(r.stems)) or 1)
        distinctive = all(df[stem] == 1 for stem in shared)  # two words no other saying has
        if (len(shared) >= LOOSE_SHARED and ratio >= LOOSE_RATIO) or (
                len(shared) >= 2 and ratio >= CLOSE_RATIO and distinctive):
            weight = sum(1 / df[stem] for stem in shared)
            if best is None or weight > best[0]:
                best = (weight, x)
    return best[1] if best else None


def _quote_item(ctx: Context, p: int, r: Statement, ref: Statement | None, sayings: list[Said]) -> dict[str, Any]:
    primary = ctx.articles[p]
    same_language = ctx.articles[r.article].lang == primary.lang
    cls = "no counterpart"
    primary_text: str | None = None
    primary_evidence: list[dict[str, Any]] = []
    if ref is not None:
        cls = classify(ref.text, r.text, translated=not same_language)
        primary_text, primary_evidence = ref.text, _evidence(ctx, p, ref.spans)
    if cls in ("no counterpart", "longer", "reworded") and same_language:
        found = _verbatim_in(sayings, r)
        if found is not None:
            cls = "typographic" if any(x.words == words(r.text) for x in found) else "shortened"
            primary_text = " … ".join(x.text for x in found)
            primary_evidence = [ctx.evidence(p, x.sentence, x.span).to_dict() for x in found]
    if cls == "no counterpart":
        close = _closest(sayings, r)
        if close is not None:
            cls = classify(close.text, r.text, translated=not same_language)
            primary_text, primary_evidence = close.text, [ctx.evidence(p, close.sentence, close.span).to_dict()]
    return {"type": "quote", "class": cls, "speaker": r.speaker, "text": r.text, "primary_text": primary_text,
            "evidence": _evidence(ctx, r.article, r.spans), "primary_evidence": primary_evidence}


def _quote_items(ctx: Context, p: int) -> dict[int, list[dict[str, Any]]]:
    """Each report's quotes against the primary: through the utterance the primary also quotes, else
    against what the primary says word for word or most closely."""
    sayings = primary_sayings(ctx.articles[p])
    out: dict[int, list[dict[str, Any]]] = {a_i: [] for a_i in range(len(ctx.articles)) if a_i != p}
    covered: dict[int, list[tuple[int, int]]] = {a_i: [] for a_i in out}
    for utt in utterances(ctx):
        ref = next((r for r in utt.renderings if r.article == p), None)
        if ref is None:
            continue
        for r in utt.renderings:
            if r.article == p:
                continue
            out[r.article].append(_quote_item(ctx, p, r, ref, sayings))
            covered[r.article].extend(r.spans)
    for a_i in out:
        for s in statements(ctx.articles[a_i], a_i):
            if any(sp in covered[a_i] for sp in s.spans) or len(words(s.text)) < MIN_QUOTE_WORDS:
                continue
            out[a_i].append(_quote_item(ctx, p, s, None, sayings))
    for items in out.values():
        items.sort(key=lambda it: it["evidence"][0]["span"][0] if it["evidence"] else 0)
    return out


# --- numbers ------------------------------------------------------------------------------------

def _distinctive(q: Quantity) -> bool:
    """A figure specific enough that the primary giving it, in the same unit, confirms it even where
    the two sentences were not aligned (another language): a rate, a sum, a measure, a count of ten
    or more. "Two" people may be anyone."""
    return q.kind in ("percent", "money", "measure") or (q.kind == "count" and q.value >= DISTINCTIVE_COUNT)


def _number_items(ctx: Context, p: int) -> dict[int, list[dict[str, Any]]]:
    """Each figure of each report against the primary's figures of the same slot."""
    figures = number_conflict.report_figures(ctx)
    primary_figs = figures[p]
    primary_values = set().union(*(f.values for f in primary_figs)) if primary_figs else set()
    out: dict[int, list[dict[str, Any]]] = {}
    for a_i, figs in enumerate(figures):
        if a_i == p:
            continue
        items = []
        report_values = set().union(*(f.values for f in figs)) if figs else set()
        for fb in figs:
            qb = fb.q
            same_slot = [fp for fp in primary_figs if number_conflict.compatible(fp.q, qb)
                         and number_conflict.same_slot(ctx, fp, fb, figures)]
            agreeing = [fp for fp in same_slot if fp.values & fb.values
                        or (number_conflict.figure_digits(fp.q) and number_conflict.figure_digits(fp.q) == number_conflict.figure_digits(qb))
                        or (fp.q.value_to is None and qb.value_to is None and slots.agree(
                            fp.q.normalized or fp.q.value, fp.hedge, qb.normalized or qb.value, fb.hedge))]
            if not agreeing and fb.values & primary_values:
                agreeing = [fp for fp in primary_figs if fp.values & fb.values
                            and number_conflict.compatible(fp.q, qb)
                            and (_distinctive(qb) or ctx.same_claim(p, fp.q.sentence, a_i, qb.sentence))]
            rivals = [fp for fp in same_slot if not (fp.values & report_values)
                      and not (number_conflict.figure_keys(fp.q) & fb.numbers)
                      and not (number_conflict.figure_keys(qb) & fp.numbers)]
            if agreeing:
                cls, against = "agrees", agreeing
            elif rivals and not fb.values & primary_values:
                cls, against = "differs", rivals
            else:
                cls, against = "not in primary", []
            items.append({"type": "number", "class": cls, "text": qb.text,
                          "primary_text": against[0].q.text if against else None,
                          "evidence": [ctx.evidence(a_i, qb.sentence, as_span(qb.span)).to_dict()],
                          "primary_evidence": [ctx.evidence(p, fp.q.sentence, as_span(fp.q.span)).to_dict()
                                               for fp in against[:3]]})
        out[a_i] = items
    return out


# --- dates --------------------------------------------------------------------------------------

def _checkable_dates(ctx: Context, a_i: int) -> list[DateMention]:
    art = ctx.articles[a_i]
    out = []
    for d in art.dates:
        if not d.value or d.granularity not in ("day", "month") or (a_i, d.sentence) not in ctx.pos:
            continue
        if date_conflict.content_size(ctx, a_i, d.sentence) < date_conflict.MIN_CONTENT or events.caption(art, d.sentence):
            continue
        out.append(d)
    return date_conflict.one_per_value(out) if out else []


def _date_agrees(d: DateMention, pd: DateMention) -> bool:
    assert d.value and pd.value
    return d.value.startswith(pd.value) or pd.value.startswith(d.value) or events.compatible(d, pd)


def _date_class(ctx: Context, p: int, a_i: int, d: DateMention, primary_dates: list[DateMention]
                ) -> tuple[str, list[DateMention]]:
    art, primary = ctx.articles[a_i], ctx.articles[p]
    same = [pd for pd in primary_dates if pd.value == d.value]
    if same:
        return "agrees", same
    aligned = [pd for pd in primary_dates if ctx.same_claim(a_i, d.sentence, p, pd.sentence)]
    agreeing = [pd for pd in aligned if _date_agrees(d, pd)]
    if agreeing:
        return "agrees", agreeing
    rivals = []
    for pd in aligned:
        in_sentence = {x.value for x in primary_dates if x.sentence == pd.sentence}
        if (len(in_sentence) == 1 and pd.granularity == d.granularity
                and date_conflict.surface_form(pd.text) != date_conflict.surface_form(d.text)
                and not events.opens_span(primary, pd) and not events.opens_span(art, d)):
            rivals.append(pd)
    event = events.event_of(art, d) if d.granularity == "day" else None
    if event and not rivals:
        same_event = [pd for pd in primary_dates if pd.granularity == "day" and events.event_of(primary, pd) == event]
        if len({pd.value for pd in same_event}) == 1:
            pd = same_event[0]
            if _date_agrees(d, pd):
                return "agrees", same_event
            if (events.days_apart(d.value, pd.value) or 0) <= date_conflict.MAX_APART:
                rivals = same_event[:1]
    return ("differs", rivals) if rivals else ("not in primary", [])


def _date_items(ctx: Context, p: int) -> dict[int, list[dict[str, Any]]]:
    primary_dates = _checkable_dates(ctx, p)
    out: dict[int, list[dict[str, Any]]] = {}
    for a_i in range(len(ctx.articles)):
        if a_i == p:
            continue
        items = []
        for d in _checkable_dates(ctx, a_i):
            cls, against = _date_class(ctx, p, a_i, d, primary_dates)
            items.append({"type": "date", "class": cls, "text": f"{d.text} ({d.value})",
                          "primary_text": f"{against[0].text} ({against[0].value})" if against else None,
                          "evidence": [ctx.evidence(a_i, d.sentence, as_span(d.span)).to_dict()],
                          "primary_evidence": [ctx.evidence(p, pd.sentence, as_span(pd.span)).to_dict()
                                               for pd in against[:3]]})
        out[a_i] = items
    return out


# --- the table ----------------------------------------------------------------------------------

def _counts(items: list[dict[str, Any]], kind: str, classes: tuple[str, ...]) -> dict[str, int]:
    c = Counter(it["class"] for it in items if it["type"] == kind)
    return {cls: c.get(cls, 0) for cls in classes}


def _tally(quotes: dict[str, int], numbers: dict[str, int], dates: dict[str, int]) -> tuple[int, int]:
    """(faithful, checkable) for the counts of one report or outlet."""
    faithful = sum(quotes[c] for c in FAITHFUL_QUOTES) + numbers["agrees"] + dates["agrees"]
    unfaithful = sum(quotes[c] for c in UNFAITHFUL_QUOTES) + numbers["differs"] + dates["differs"]
    return faithful, faithful + unfaithful


def _score(faithful: int, checkable: int) -> float | None:
    return round(faithful / checkable, 3) if checkable else None


def assess(ctx: Context, primary: Primary, labels: dict[str, str]) -> dict[str, Any]:
    """The fidelity section of the dossier: the primary, one row per other report, one per outlet."""
    p = primary.index
    quotes, numbers, dates = _quote_items(ctx, p), _number_items(ctx, p), _date_items(ctx, p)
    rows = []
    for a_i, art in enumerate(ctx.articles):
        if a_i == p:
            continue
        items = quotes[a_i] + numbers[a_i] + dates[a_i]
        q = _counts(items, "quote", QUOTE_CLASSES)
        n = _counts(items, "number", CHECK_CLASSES)
        d = _counts(items, "date", CHECK_CLASSES)
        faithful, checkable = _tally(q, n, d)
        rows.append({"article": art.id, "label": labels.get(art.id, art.id), "outlet": art.outlet,
                     "quotes": q, "numbers": n, "dates": d, "faithful": faithful, "checkable": checkable,
                     "score": _score(faithful, checkable), "items": items})
    return {"primary": {"article": ctx.articles[p].id, "label": labels.get(ctx.articles[p].id, ctx.articles[p].id),
                        "outlet": ctx.articles[p].outlet, "detected": primary.detected, "reasons": primary.reasons},
            "score_definition": SCORE_DEFINITION, "reports": rows, "outlets": outlets(rows)}


def outlets(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows pooled by outlet (a report without one stands for itself), best-scored first."""
    pooled: dict[str, dict[str, Any]] = {}
    for row in rows:
        name = row["outlet"] or row["label"]
        agg = pooled.setdefault(name, {"outlet": name, "reports": 0, "quotes": dict.fromkeys(QUOTE_CLASSES, 0),
                                       "numbers": dict.fromkeys(CHECK_CLASSES, 0),
                                       "dates": dict.fromkeys(CHECK_CLASSES, 0)})
        agg["reports"] += 1
        for part in ("quotes", "numbers", "dates"):
            for cls, n in row[part].items():
                agg[part][cls] += n
    out = []
    for agg in pooled.values():
        faithful, checkable = _tally(agg["quotes"], agg["numbers"], agg["dates"])
        out.append({**agg, "faithful": faithful, "checkable": checkable, "score": _score(faithful, checkable)})
    out.sort(key=lambda r: (r["score"] is None, -(r["score"] or 0), r["outlet"]))
    return out


__all__ = ["Primary", "assess", "choose_primary", "detect_primary", "primary_signals", "resolve_primary"]
