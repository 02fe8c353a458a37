"""The timeline: dated events mentioned across the reports, in date order.

Each resolved date mention is an event on that date; mentions of one date in sentences of one claim
(or in the same sentence wording) are merged, so "the $500 million deal signed in September" from
two reports is one event with two sources.
"""

from __future__ import annotations

from storyline.check.context import Context
from storyline.model import TimelineEvent

MIN_CONFIDENCE = 0.5


def build(ctx: Context) -> list[TimelineEvent]:
    events: dict[tuple[str, int], TimelineEvent] = {}
    for a_i, art in enumerate(ctx.articles):
        for d in art.dates:
            if not d.value or d.confidence < MIN_CONFIDENCE:
                continue
            flat = ctx.pos.get((a_i, d.sentence))
            if flat is None:
                continue
            claim = ctx.claim_of[flat]
            key = (d.value, claim)
            ev = ctx.evidence(a_i, d.sentence, tuple(d.span))
            if key not in events:
                events[key] = TimelineEvent(date=d.value, text=ctx.claims[claim].text.strip(), sources=[ev],
                                            end=d.end if d.end and d.end != d.start else None,
                                            granularity=d.granularity)
            elif all((s.article, s.sentence) != (ev.article, ev.sentence) for s in events[key].sources):
                events[key].sources.append(ev)
    return sorted(events.values(), key=lambda e: (e.date, -len(e.sources), e.text))
