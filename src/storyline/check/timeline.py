"""The timeline: dated events mentioned across the reports, in date order.

Each resolved date mention is an event on that date; mentions of one date in sentences of one claim
(or in the same sentence wording) are merged, so "the $500 million deal signed in September" from
two reports is one event with two sources.
"""

from __future__ import annotations

import re

from storyline.check.context import Context
from storyline.lang.calendar import WORD_MONTHS, is_month_word
from storyline.lang.fold import fold_word
from storyline.model import DateMention, TimelineEvent, as_span

MIN_CONFIDENCE = 0.3


def resolve(d: DateMention) -> tuple[str, str] | None:
    """(ISO value, granularity) for a mention; a bare month with no known year becomes "--MM"
    (ISO 8601's month-without-year form), so a story with undated reports still gets an order."""
    if d.value and d.confidence >= MIN_CONFIDENCE:
        return d.value, d.granularity
    if d.value is None and d.granularity == "month":
        words = [w for w in re.findall(r"[^\W\d_]+", d.text) if is_month_word(w, fold_word(w))]
        if len(words) == 1 and not re.search(r"\d", d.text):
            return f"--{WORD_MONTHS[fold_word(words[0])]:02d}", "month, year unknown"
    return None


def build(ctx: Context) -> list[TimelineEvent]:
    events: dict[tuple[str, int], TimelineEvent] = {}
    cited: dict[tuple[str, int], set[tuple[str, int]]] = {}  # the sentences each event already cites
    for a_i, art in enumerate(ctx.articles):
        for d in art.dates:
            resolved = resolve(d)
            if resolved is None:
                continue
            value, granularity = resolved
            flat = ctx.pos.get((a_i, d.sentence))
            if flat is None:
                continue
            claim = ctx.claim_of[flat]
            key = (value, claim)
            ev = ctx.evidence(a_i, d.sentence, as_span(d.span))
            if key not in events:
                events[key] = TimelineEvent(date=value, text=art.sentences[d.sentence].text.strip(), sources=[ev],
                                            end=d.end if d.value and d.end and d.end != d.start else None,
                                            granularity=granularity)
                cited[key] = {(ev.article, ev.sentence)}
            elif (ev.article, ev.sentence) not in cited[key]:
                events[key].sources.append(ev)
                cited[key].add((ev.article, ev.sentence))
    return sorted(events.values(), key=lambda e: (e.date, -len(e.sources), e.text))
