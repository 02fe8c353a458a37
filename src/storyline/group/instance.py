"""Which instance of a recurring event a report is about, read from its lead: the weekday it names,
an ordinal counter ("the sixth eruption", "fifth meeting"), and the phase of a multi-step event
(talks vs. deal, committee convened vs. emergency declared, recall vs. plant closure, trial opened vs.
verdict, strike begun vs. ended).

Why: two reports of two eruptions of one volcano, or of talks and then the deal, share every name and
most words; a report with no publication date cannot be told apart by time. What the lead says about
*which* instance it is can: reports of one event name the same weekday, count it with the same
ordinal and describe the same phase. These are cannot-link tags, used only where time cannot decide
(see cluster.py): a tag conflicts when both sides have values of one key and no value in common.

Tags travel as ``x:`` tokens inside Features.tokens, so a store that keeps the tokens keeps them too.
The lexicons are small and multilingual, written for common kinds of news events, not for any story.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from storyline.group.timeinfo import YEAR, find_text_dates
from storyline.lang.calendar import FOLDED_WEEKDAYS
from storyline.lang.fold import fold
from storyline.lang.numbers import COUNTING_ORDINALS

PREFIX = "x:"

# Weekday and ordinal words (the lexicons live in storyline.lang), folded as grouping folds text.
WEEKDAY: dict[str, int] = {w: n for n, names in FOLDED_WEEKDAYS.items() for w in names.split()}
ORDINAL: dict[str, int] = {w: n for n, names in COUNTING_ORDINALS.items() for w in names.split()}

# An ordinal counts an event instance only when a counter word follows it closely
# ("sixth time", "ninth fissural event", "fifth meeting", "5e éruption"), not "third quarter".
COUNTED = frozenset(
    "time times eruption eruptions event events meeting flight launch test round cut hike strike "
    "fois reunion seance vol lancement essai mal ausbruch sitzung flug start vez erupcion vuelo "
    "lanzamiento volta eruzione riunione volo lancio बार बैठक বার বৈঠক".split()
)

# "Fourth consecutive cut" and "eighth straight" count a run, whose start writers pick differently
# (this year, this cycle): not an instance number.
STREAK = frozenset("consecutive straight successive row consecutif consecutive consecutiva consecutivo "
                   "seguida seguido folge hintereinander di fila".split())

# Phases of multi-step events: key -> phase -> cue pattern (on folded text). A report whose lead has
# cues of several phases of one key keeps them all (it then conflicts with nothing on that key).
_PHASES: dict[str, dict[str, str]] = {
    "deal": {
        "talks": r"\bin talks\b|\btalks (?:to|with|about|over)\b|\bnegotiat\w*|\bpourparlers\b|\bnegociations?\b"
                 r"|\bin gesprachen\b|\bverhandl\w*|\binsidern\b|\bprufe?n?t?\b|\berwag\w*|\bexploring\b"
                 r"|\bconsidering\b|\bnegociaciones\b|\bconversaciones\b|\btrattative\b|\bpeople familiar\b",
        "agreed": r"\bagreed\b|\bagrees\b|\bagreement to\b|\bdeal to (?:buy|acquire)\b|\bto acquire\b"
                  r"|\bwill acquire\b|\bconclu\w* un accord\b|\brachete\b|\bva racheter\b|\bacquiert\b"
                  r"|\bubernimmt\b|\bkauft\b|\bacuerdo para\b|\badquirira\b|\bcomprara\b|\bacquisira\b",
    },
    "emergency": {
        # Declaring needs its object: French "a déclaré" and Spanish "declaró" also just mean "said".
        # A committee called to decide "whether to declare" one is not yet the declaration.
        "convened": r"\bconven\w*|\bconvoqu\w*|\bconvoca\w*|\beinberuf\w*|\bemergency meeting\b",
        "declared": r"(?<!to )(?<!whether )(?<!de )(?<!si )\b(?:declar\w*|dichiar\w*|erklar\w*|ausgerufen)"
                    r"(?:\W+\w+){0,12}?\W+(?:emergency|emergencies|urgence|emergencia|emergenza|notstand|notlage"
                    r"|pandemi\w*)\b",
    },
    "measure": {
        "recall": r"\brecall\w*|\bretir[oa]\b|\bretiro de\b|\brappel\w*|\bruckruf\w*|\britir[oa]\b",
        "closure": r"\b(?:to|will) close\b|\bcloses\b|\bclosure\b|\bshut\w* down\b|\bshuts\b|\bcierra\b"
                   r"|\bcierre de\b|\bferme\b|\bfermeture\b|\bschlie(?:ss|ß)t\b|\bschlie(?:ss|ß)ung\b|\bchiude\b",
    },
    "trial": {
        "opened": r"\b(?:trial|proces|prozess|juicio|processo)\b(?:\W+\w+){0,6}?\W+(?:opens|opened|begins|began"
                  r"|starts|started|s'ouvre|souvre|s’ouvre|s'est ouvert|s’est ouvert|beginnt|begonnen|comienza|comenzo"
                  r"|arranca|inizia|iniziato)\b|\bouverture du proces\b|\bprozessauftakt\b",
        "verdict": r"\bsentenced\b|\bfound guilty\b|\bacquitted\b|\bverdict\b|\bcondamne\w*|\breconnus? coupables?\b"
                   r"|\bverurteilt\b|\burteil\b|\bcondenad\w*|\bsentencia\b|\bcondannat\w*|\bsentenza\b",
    },
    "strike": {
        "begun": r"\bon strike\b|\bwalk\w* off\b|\bwalkout\b|\bstrike beg\w*|\ben greve\b|\bhuelga comienza\b"
                 r"|\bin den streik\b|\bin sciopero\b",
        "ended": r"\bratif\w*|\bend(?:s|ed)? (?:the|their|a) strike\b|\bfin de la greve\b|\bbeend\w* den streik\b",
    },
}
# The kinds of event the phases belong to: two leads that each name a phase of some kind, and
# share no kind, report two events (measured on the dev corpus: no pair of one story cut).
KINDS = frozenset(_PHASES)
_PHASE_RE = {k: {p: re.compile(rx) for p, rx in v.items()} for k, v in _PHASES.items()}
# Words, with the vowel signs of Indic scripts (which \w leaves out) kept inside them.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0900-\u0dff])+(?:-(?:[^\W_])+)?", re.UNICODE)


def tags(lead: str) -> list[str]:
    """``x:key=value`` tokens for the lead of a report (title plus opening)."""
    text = fold(lead)
    out: set[str] = set()
    words = _TOKEN.findall(text)
    for i, w in enumerate(words):
        if w in WEEKDAY:
            out.add(f"{PREFIX}wd={WEEKDAY[w]}")
        elif w in ORDINAL and COUNTED.intersection(words[i + 1: i + 4]) and not STREAK.intersection(words[i + 1: i + 3]):
            out.add(f"{PREFIX}ord={ORDINAL[w]}")
    for key, phases in _PHASE_RE.items():
        for phase, rx in phases.items():
            if rx.search(text):
                out.add(f"{PREFIX}{key}={phase}")
    days = [d for d in find_text_dates(text) if d.day]
    if days and days[0].year is None:  # the lead's day, with no year: see date_weekdays
        out.add(f"{PREFIX}md={days[0].month:02d}-{days[0].day:02d}")
        out.update(f"{PREFIX}yr={y}" for y in YEAR.findall(text))  # years it may be from
    return sorted(out)


Tags = dict[str, dict[str, int]]  # key -> value -> how many members say so


def parse(tokens: Iterable[str]) -> Tags:
    """key -> values from a Features' tokens."""
    acc: Tags = {}
    for t in tokens:
        if t.startswith(PREFIX):
            k, _, v = t[len(PREFIX):].partition("=")
            acc.setdefault(k, {})[v] = 1
    return acc


def union(a: Tags, b: Tags) -> Tags:
    """A cluster's tags: its members' votes added up."""
    out = {k: dict(v) for k, v in a.items()}
    for k, v in b.items():
        d = out.setdefault(k, {})
        for val, n in v.items():
            d[val] = d.get(val, 0) + n
    return out


def _leading(votes: dict[str, int]) -> set[str]:
    """The values most members agree on: one report that names the wrong weekday does not give a
    whole cluster a second one."""
    top = max(votes.values())
    return {v for v, n in votes.items() if n == top}


# A weekday named in one report against the weekdays a day-and-month date ("22 August", no year) in
# the other can fall on in the years in question (see ``date_weekdays``): keys compared across.
# Two such dates are not compared this way: time (cluster.py) already does, allowing a few days.
CROSS = (("wdu", "wdd"),)
# Keys compared only across (and ``md``, the raw day that ``wdd`` is derived from), never to themselves.
CROSS_ONLY = frozenset({"md", "yr"} | {k for pair in CROSS for k in pair})


def date_weekdays(month: int, day: int, years: Iterable[int]) -> set[str]:
    """The weekdays (Monday = "0") a day and month falls on in ``years``. Why: "22 August" with no
    year and "Wednesday" name one day only in years where 22 August is a Wednesday."""
    out: set[str] = set()
    for y in years:
        try:
            out.add(str(dt.date(y, month, day).weekday()))
        except ValueError:  # 29 February outside leap years
            continue
    return out


def conflict(a: Tags, b: Tags) -> str | None:
    """The first key on which ``a`` and ``b`` both have values and their leading values differ."""
    if len(a) > len(b):
        a, b = b, a
    for k in sorted(a):
        if k in CROSS_ONLY:
            continue
        if k in b and a[k] and b[k] and not (_leading(a[k]) & _leading(b[k])):
            return k
    ka, kb = KINDS.intersection(a), KINDS.intersection(b)
    if ka and kb and not ka & kb:  # a trial and a takeover, say: two kinds of event, not one
        return "kind"
    for x, y in CROSS:
        for p, q in ((a, b), (b, a)):
            if p.get(x) and q.get(y) and not (_leading(p[x]) & _leading(q[y])):
                return f"{x}/{y}"
    return None
