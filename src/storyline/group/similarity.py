"""How likely two articles report the same event: per-kind token overlaps, combined, gated by time.

Why per kind: two reports of one event share its numbers (the 6.25 %, the 2,921 acres), names and
day; two events of one kind share names and vocabulary but rarely their numbers. Scoring each kind
on its own (a cosine per kind) and averaging over the kinds both reports have keeps a short report
without numbers comparable, and leaves words out across languages, where they cannot match.
The time gate turns "same kind of event, another day" into a zero.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from storyline.group.features import Features
from storyline.group.timeinfo import EventTime
from storyline.group.topic import TOPIC_GATE, cosine, mean_topic

# How much each kind of evidence counts in the combined score.
CHANNEL_WEIGHT = {"n": 0.4, "k": 0.3, "w": 0.2, "d": 0.0}
IDF_POWER = 1.0
# One kind of evidence alone cannot make two reports alike: the mean is taken over at least the
# weight of numbers and names together, as if a kind neither report has had matched nothing. Without
# it, a French and an Arabic report that share only the numbers 30 and 50 scored as high as two
# reports agreeing on numbers and names.
MIN_EVIDENCE = CHANNEL_WEIGHT["n"] + CHANNEL_WEIGHT["k"]



@dataclass
class Vector:
    """One sparse unit vector per token kind, plus the article's event time and language, and its
    topic vector where the semantic method is used (topic.py)."""

    channels: dict[str, dict[str, float]]
    time: EventTime
    lang: str | None = None
    langs: frozenset[str] = frozenset()
    topic: Any = None

    @property
    def all(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for ch in self.channels.values():
            out.update(ch)
        return out


def idf(df: Mapping[str, int], n_docs: int, token: str) -> float:
    return math.log((n_docs + 1) / (df.get(token, 0) + 0.5))


def _unit(d: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in d.values()))
    return {k: v / norm for k, v in d.items()} if norm else {}


def vectorize(feat: Features, df: Mapping[str, int], n_docs: int, topic: Any = None) -> Vector:
    """Log-damped TF x IDF per token, one unit vector per kind. Tokens no other document has are
    left out: they cannot match anything, and would only shrink the cosine of those that do."""
    chans: dict[str, dict[str, float]] = {}
    for tok, tf in feat.tokens.items():
        if df.get(tok, 0) < 2:
            continue
        w = (1.0 + math.log(tf)) * max(idf(df, n_docs, tok), 0.0) ** IDF_POWER
        if w > 0:
            chans.setdefault(tok[0], {})[tok] = w
    return Vector({k: _unit(v) for k, v in chans.items()}, feat.time, feat.lang, topic=topic)


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


# Time gate. Day-level intervals already allow for reports written days after the event, so
# any gap between them is real evidence of two events.
ZERO_GAP = 2


UNKNOWN_TIME = 0.7  # no date to confirm it: ask for stronger content evidence

# A day read from a report's own text (no publication date) may be wrong: "Le 22 décembre" for a
# verdict given on the 19th. Where a lone report is weighed against a story (cluster.py,
# attach_singletons), such a day fades out over this many days instead of ZERO_GAP.
TEXT_SLACK = 7

# Across languages only names and numbers can match, and one shared figure is often chance (a
# cricket score of 27 and a 27-billion deal). Two reports in different languages score only if
# they share at least this many distinct names and numbers (measured: reports whose story has no
# other report were put with another story 60 times in 181 with one shared token allowed, 40 with two).
MIN_SHARED_ACROSS = 2


def time_factor(a: EventTime, b: EventTime, slack: int = ZERO_GAP) -> float:
    """1 for the same days, falling to 0 at ZERO_GAP days apart; ``slack`` widens that where a day
    was read from the text rather than the publication date."""
    gap = a.gap(b)
    if gap is None:
        return UNKNOWN_TIME
    if a.exact and b.exact:
        zero = ZERO_GAP if a.reliable and b.reliable else max(ZERO_GAP, slack)
        return max(0.0, 1.0 - gap / zero)
    return 1.0 if gap == 0 else 0.0


def _langs(v: Vector) -> set[str]:
    return set(v.langs) or ({v.lang} if v.lang else set())


def content(a: Vector, b: Vector, *, corroborate: bool = True) -> float:
    """Weighted mean of per-kind cosines over the kinds both articles have (at least MIN_EVIDENCE).
    Across languages, ``corroborate`` asks for MIN_SHARED_ACROSS shared names and numbers. Two
    reports with topic vectors that are far apart (topic.TOPIC_GATE) score 0."""
    if a.topic is not None and b.topic is not None and cosine(a.topic, b.topic) < TOPIC_GATE:
        return 0.0
    la, lb = _langs(a), _langs(b)
    same_lang = not la or not lb or bool(la & lb)
    num = den = 0.0
    shared = 0
    for kind, w in CHANNEL_WEIGHT.items():
        if kind == "w" and not same_lang:
            continue
        va, vb = a.channels.get(kind), b.channels.get(kind)
        if not va or not vb:
            continue
        if kind in "nk":
            shared += len(va.keys() & vb.keys())
        num += w * _dot(va, vb)
        den += w
    if corroborate and not same_lang and shared < MIN_SHARED_ACROSS:
        return 0.0
    return num / max(den, MIN_EVIDENCE) if den else 0.0


def score(a: Vector, b: Vector) -> float:
    """How alike two articles (or two clusters' centroids) are, 0..1, for clustering."""
    t = time_factor(a.time, b.time)
    if t == 0.0:
        return 0.0
    return t * content(a, b)


def lone_score(a: Vector, b: Vector) -> float:
    """The score a report left alone gets against a member of a story it may join: across languages
    one shared name or number counts here, because the corroboration is asked of the story as a
    whole (cluster.attach_singletons wants two rare anchors, numbers, names or dates, shared with at
    least half its members); and a day read from the text gets TEXT_SLACK days."""
    t = time_factor(a.time, b.time, TEXT_SLACK)
    if t == 0.0:
        return 0.0
    return t * content(a, b, corroborate=False)


def document_frequency(features: Iterable[Features]) -> Counter[str]:
    df: Counter[str] = Counter()
    for f in features:
        df.update(f.tokens.keys())
    return df


def centroid(vectors: list[Vector], time: EventTime) -> Vector:
    """A cluster as one vector: the mean of its members per kind, renormalised. Evidence that
    several members share adds up, so a French and an English group of one event meet on the
    numbers and names each group has, even where no single pair shares many."""
    chans: dict[str, dict[str, float]] = {}
    for v in vectors:
        for kind, ch in v.channels.items():
            acc = chans.setdefault(kind, {})
            for t, w in ch.items():
                acc[t] = acc.get(t, 0.0) + w
    langs = frozenset(v.lang for v in vectors if v.lang)
    topic = None
    if vectors and vectors[0].topic is not None:  # the semantic method: every member has one
        topics = [v.topic for v in vectors if v.topic is not None]
        topic = mean_topic(topics) if len(topics) == len(vectors) else None
    return Vector({k: _unit(c) for k, c in chans.items()}, time, None, langs, topic)
