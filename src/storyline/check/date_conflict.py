"""date_conflict: two reports that put the same event on different dates.

Two ways to find the same event: aligned sentences (one claim), or sentences that name the same
kind of event next to the date (events.py: the verdict, the rate decision, the launch), where each
report gives one day for that event. Only resolved dates of the same granularity are compared (a
day with a day, a month with a month); a date that the other sentence also mentions is agreed, and
dates that only a resolution guess sets apart (a relative "this afternoon", a year the report
never wrote, the first day of "June 4-6") and the dates of photo captions are never a conflict.
A weekday and a date written together ("Sunday (Oct 26)") are one date, and a bare weekday that
contradicts another report's explicit date ("Saturday" against Sunday, Oct 26) is a conflict even
where the weekday cannot be resolved (a report without a date).

Two days a day apart need not disagree when one is read on a named clock: "Sunday (NZ time)" and
"Saturday" in the Caribbean are one moment. A report that gives the event several days takes part
with the one day no other report gives, when its other days are the others' (a synopsis that
misdates what the body dates right). A date something takes effect ("effective 11 June", "with
effect from") is not the day of the event that set it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from storyline.check import events
from storyline.check.context import Context
from storyline.lang.calendar import names_time_zone, weekday_number
from storyline.lang.fold import fold_word
from storyline.model import Article, DateMention, Finding, as_span


def _by_sentence(dates: list[DateMention]) -> dict[int, list[DateMention]]:
    out: dict[int, list[DateMention]] = defaultdict(list)
    for d in dates:
        if d.value:
            out[d.sentence].append(d)
    return out


MIN_CONTENT = 4


def surface_form(text: str) -> str:
    return re.sub(r"[^\w]+", " ", fold_word(text)).strip()


def _weekday(d: DateMention) -> int | None:
    """0..6 for a mention that is a weekday name alone ("Saturday", "on Friday"), else None."""
    words = surface_form(d.text).split()
    if not words or len(words) > 2 or any(ch.isdigit() for ch in d.text):
        return None
    return next((n for w in words if (n := weekday_number(w)) is not None), None)


def one_per_value(dates: list[DateMention]) -> list[DateMention]:
    """One mention per resolved value, the most explicit: "Sunday (Oct 26)" is one date, Oct 26."""
    best: dict[str | None, DateMention] = {}
    for d in dates:
        kept = best.get(d.value)
        if kept is None or (_weekday(kept) is not None and _weekday(d) is None):
            best[d.value] = d
    return list(best.values())


RECENT_DAYS = 7  # an explicit date this close to a report's publication can be the day a weekday names


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _weekday_of(value: str) -> int | None:
    day = _day(value)
    return day.weekday() if day else None


AROUND = 40  # characters either side of a date in which its clock is named


EFFECTIVE = re.compile(r"\b(?:effective(?: from| on| as of)?|with effect from|takes? effect(?: on| from)?|"
                       r"comes? into force(?: on)?|in force from|as of|starting(?: on| from)?|"
                       r"à compter du|à partir du|avec effet au|a partir del?|con efecto desde|ab dem|ab|"
                       r"wirksam ab|mit wirkung (?:vom|zum)|a partire dal|con decorrenza)\s+(?:the\s+|le\s+|el\s+)?$",
                       re.IGNORECASE)


def takes_effect(art: Article, d: DateMention) -> bool:
    """"effective 11 June", "with effect from": the day something starts to apply, not the event's day."""
    return bool(EFFECTIVE.search(art.text[max(0, d.span[0] - 30) : d.span[0]]))


def _around(art: Article, d: DateMention) -> str:
    s = art.sentences[d.sentence] if d.sentence < len(art.sentences) else None
    lo = max(s.start if s else 0, d.span[0] - AROUND)
    hi = min(s.end if s else len(art.text), d.span[1] + AROUND)
    return art.text[lo:hi]


def _next_day(da: DateMention, db: DateMention) -> bool:
    """Whether two mentions are a day apart: by their resolved days, or, for a bare weekday (whose
    week the resolver may have guessed), by the days of the week."""
    if da.value and db.value and (gap := events.days_apart(da.value, db.value)) is not None and gap <= 1:
        return True
    wa = _weekday(da) if _weekday(da) is not None else (_weekday_of(da.value) if da.value else None)
    wb = _weekday(db) if _weekday(db) is not None else (_weekday_of(db.value) if db.value else None)
    if (_weekday(da) is None and _weekday(db) is None) or wa is None or wb is None:
        return False
    return (wa - wb) % 7 in (1, 6)


def one_day_explained(art_a: Article, da: DateMention, art_b: Article, db: DateMention) -> bool:
    """Two days a day apart that both can be right: one is read on a named clock."""
    return _next_day(da, db) and (names_time_zone(_around(art_a, da)) or names_time_zone(_around(art_b, db)))


def content_size(ctx: Context, a_i: int, sentence: int) -> int:
    ref = ctx.refs[ctx.pos[(a_i, sentence)]]
    return sum(1 for s in ref.stems if not s.startswith(("num:", "month:")))


def find(ctx: Context) -> list[Finding]:
    slots: dict[int, dict[int, list[tuple[int, DateMention]]]] = defaultdict(lambda: defaultdict(list))
    for a_i, art_a in enumerate(ctx.articles):
        sent_a = _by_sentence(art_a.dates)
        for b_i in range(a_i + 1, len(ctx.articles)):
            sent_b = _by_sentence(ctx.articles[b_i].dates)
            for s_a, ds_a in sent_a.items():
                for s_b, ds_b in sent_b.items():
                    if not ctx.same_claim(a_i, s_a, b_i, s_b):
                        continue
                    if min(content_size(ctx, a_i, s_a), content_size(ctx, b_i, s_b)) < MIN_CONTENT:
                        continue  # a date line or byline, not a statement about the event
                    vals_a = {d.value for d in ds_a}
                    vals_b = {d.value for d in ds_b}
                    only_a = one_per_value([d for d in ds_a if d.value not in vals_b])
                    only_b = one_per_value([d for d in ds_b if d.value not in vals_a])
                    if len(only_a) != 1 or len(only_b) != 1:
                        continue
                    da, db = only_a[0], only_b[0]
                    assert da.value and db.value  # _by_sentence keeps only resolved dates
                    if da.granularity != db.granularity or da.granularity not in ("day", "month"):
                        continue
                    if surface_form(da.text) == surface_form(db.text):
                        continue  # both reports wrote the same words; only the resolution differs
                    if events.compatible(da, db) or events.opens_span(art_a, da) or \
                            events.opens_span(ctx.articles[b_i], db):
                        continue
                    if events.caption(art_a, s_a) or events.caption(ctx.articles[b_i], s_b):
                        continue  # a photo caption dates the picture
                    if one_day_explained(art_a, da, ctx.articles[b_i], db):
                        continue
                    if takes_effect(art_a, da) or takes_effect(ctx.articles[b_i], db):
                        continue
                    # A period that contains the other is a vaguer wording, not a conflict.
                    if da.value.startswith(db.value) or db.value.startswith(da.value):
                        continue
                    claim = ctx.claim_of[ctx.pos[(a_i, s_a)]]
                    slots[claim][a_i].append((s_a, da))
                    slots[claim][b_i].append((s_b, db))
    findings = []
    reported: set[frozenset[str]] = set()
    for claim, per_article in sorted(slots.items()):
        values: dict[str, list[str]] = defaultdict(list)
        evidence = []
        for a_i in sorted(per_article):
            done = set()
            for s, d in per_article[a_i]:
                if (s, as_span(d.span)) in done:
                    continue
                done.add((s, as_span(d.span)))
                aid = ctx.articles[a_i].id
                label = f"{d.text} ({d.value})"
                if aid not in values[label]:
                    values[label].append(aid)
                evidence.append(ctx.evidence(a_i, s, as_span(d.span)))
        if len({k.rsplit("(", 1)[1] for k in values}) < 2:
            continue
        reported.add(frozenset(k.rsplit("(", 1)[1] for k in values))
        shown = "; ".join(f"{v} in {', '.join(ids)}" for v, ids in values.items())
        findings.append(Finding(kind="date_conflict", summary=f"Reports date the same event differently: {shown}",
                                evidence=evidence, details={"claim": ctx.claims[claim].id, "values": dict(values)},
                                score=0.8))
    findings.extend(_event_dates(ctx, reported))
    findings.extend(_first_since(ctx))
    findings.extend(_unresolved_weekdays(ctx))
    return findings


def _unresolved_weekdays(ctx: Context) -> list[Finding]:
    """A bare weekday the report could not resolve (it has no date) against an explicit date of
    the same claim in another report that falls on another day of the week."""
    published = [day for art in ctx.articles if art.date and (day := _day(art.date[:10])) is not None]
    findings = []
    seen: set[tuple[int, int]] = set()
    for b_i, art_b in enumerate(ctx.articles):
        for wd in art_b.dates:
            day_b = _weekday(wd)
            if wd.value is not None or day_b is None or (b_i, wd.sentence) not in ctx.pos:
                continue
            for a_i, art_a in enumerate(ctx.articles):
                if a_i == b_i:
                    continue
                for d in art_a.dates:
                    if d.granularity != "day" or not d.value or len(d.value) != 10 or _weekday(d) is not None:
                        continue
                    if not ctx.same_claim(a_i, d.sentence, b_i, wd.sentence) or (a_i, d.sentence) in seen:
                        continue
                    if min(content_size(ctx, a_i, d.sentence), content_size(ctx, b_i, wd.sentence)) < MIN_CONTENT:
                        continue
                    if events.caption(art_a, d.sentence) or events.caption(art_b, wd.sentence):
                        continue
                    if len({x.value for x in art_a.dates if x.sentence == d.sentence and x.value}) != 1:
                        continue  # the sentence gives several days: which one the weekday names is unclear
                    day_a = _weekday_of(d.value)
                    if day_a is None or day_a == day_b or one_day_explained(art_a, d, art_b, wd):
                        continue
                    when = _day(d.value)
                    if when is None or not any(abs((when - p).days) <= RECENT_DAYS for p in published):
                        continue  # not a date of the news ("Aug. 2, 2010"): the weekday may be another day's
                    seen.add((a_i, d.sentence))
                    shown = f"{d.text} ({d.value}) in {art_a.id}; {wd.text} in {art_b.id}"
                    findings.append(Finding(
                        kind="date_conflict",
                        summary=f"Reports date the same event differently: {shown} (that date is not a {wd.text})",
                        evidence=[ctx.evidence(a_i, d.sentence, as_span(d.span)),
                                  ctx.evidence(b_i, wd.sentence, as_span(wd.span))],
                        details={"claim": ctx.claims[ctx.claim_of[ctx.pos[(a_i, d.sentence)]]].id,
                                 "values": {f"{d.text} ({d.value})": [art_a.id], wd.text: [art_b.id]},
                                 "weekday": True},
                        score=0.75))
    return findings


def _first_since(ctx: Context) -> list[Finding]:
    """"The first cut since March 2016" against "the first decrease since September 2019": one
    checkable claim, two anchors. Each report must give one such date for the kind of event; dates
    are compared at the coarser of their granularities (a year with a month compares the years)."""
    by_event: dict[str, dict[int, tuple[int, DateMention]]] = defaultdict(dict)
    several: set[tuple[str, int]] = set()
    for a_i, art in enumerate(ctx.articles):
        for d in art.dates:
            if not d.value or d.granularity not in ("day", "month", "year") or d.sentence >= len(art.sentences):
                continue
            event = events.first_since(art, d)
            if not event:
                continue
            if a_i in by_event[event] and by_event[event][a_i][1].value != d.value:
                several.add((event, a_i))
            by_event[event][a_i] = (d.sentence, d)
    findings = []
    for event, per_article in sorted(by_event.items()):
        single = {a: v for a, v in per_article.items() if (event, a) not in several}
        if len(single) < 2:
            continue
        days = [d.value for _, d in single.values() if d.value]  # all of them: unresolved dates were skipped
        width = min(len(day) for day in days)
        if len({day[:width] for day in days}) < 2:
            continue
        values: dict[str, list[str]] = defaultdict(list)
        evidence = []
        for a_i in sorted(single):
            s, d = single[a_i]
            values[f"{d.text} ({d.value})"].append(ctx.articles[a_i].id)
            evidence.append(ctx.evidence(a_i, s, as_span(d.span)))
        shown = "; ".join(f"{v} in {', '.join(ids)}" for v, ids in values.items())
        findings.append(Finding(kind="date_conflict",
                                summary=f"Reports call it the first {event} since different dates: {shown}",
                                evidence=evidence, details={"event": event, "first_since": True,
                                                            "values": dict(values)}, score=0.7))
    return findings


def _one_day_each(per_article: dict[int, list[tuple[int, DateMention]]]) -> dict[int, list[tuple[int, DateMention]]]:
    """Each report's day for the event: its only one, or, where it gives several, the one day no other
    report gives when all its other days are days other reports give."""
    out = {a: ds for a, ds in per_article.items() if len({d.value for _, d in ds}) == 1}
    for a_i, ds in per_article.items():
        if a_i in out:
            continue
        others = {d.value for b_i, bs in per_article.items() if b_i != a_i for _, d in bs}
        own = [(s, d) for s, d in ds if d.value not in others]
        if len({d.value for _, d in own}) == 1 and len(own) < len(ds):
            out[a_i] = own
    return out


MAX_APART = 45  # days; two dates further apart are two events of one kind (this cut and an old one)


def _event_dates(ctx: Context, reported: set[frozenset[str]]) -> list[Finding]:
    """Reports that each give one day for the same kind of event, and disagree."""
    by_event: dict[str, dict[int, list[tuple[int, DateMention]]]] = defaultdict(lambda: defaultdict(list))
    for a_i, art in enumerate(ctx.articles):
        for d in art.dates:
            if d.granularity != "day" or not d.value or len(d.value) != 10 or events.opens_span(art, d):
                continue
            if takes_effect(art, d):
                continue
            if d.sentence >= len(art.sentences) or (a_i, d.sentence) not in ctx.pos:
                continue
            if content_size(ctx, a_i, d.sentence) < MIN_CONTENT or events.caption(art, d.sentence):
                continue
            event = events.event_of(art, d)
            if event:
                by_event[event][a_i].append((d.sentence, d))
    findings = []
    for event, per_article in sorted(by_event.items()):
        single = _one_day_each(per_article)
        edges = set()
        order = sorted(single)
        for x, a_i in enumerate(order):
            for b_i in order[x + 1 :]:
                da, db = single[a_i][0][1], single[b_i][0][1]
                if da.value == db.value or events.compatible(da, db):
                    continue
                if surface_form(da.text) == surface_form(db.text):
                    continue
                if (events.days_apart(da.value, db.value) or 0) > MAX_APART:
                    continue
                if one_day_explained(ctx.articles[a_i], da, ctx.articles[b_i], db):
                    continue
                edges.add((a_i, b_i))
        if not edges:
            continue
        involved = sorted({a for e in edges for a in e})
        values: dict[str, list[str]] = defaultdict(list)
        evidence = []
        for a_i in involved:
            s, d = single[a_i][0]
            values[f"{d.text} ({d.value})"].append(ctx.articles[a_i].id)
            evidence.append(ctx.evidence(a_i, s, as_span(d.span)))
        key = frozenset(k.rsplit("(", 1)[1] for k in values)
        if any(key <= seen for seen in reported):
            continue
        reported.add(key)
        shown = "; ".join(f"{v} in {', '.join(ids)}" for v, ids in values.items())
        findings.append(Finding(kind="date_conflict", summary=f"Reports date the {event} differently: {shown}",
                                evidence=evidence, details={"event": event, "values": dict(values)}, score=0.75))
    return findings
