"""Which instance of a recurring event a report is about, read from its lead: the weekday it names,
an ordinal counter ("the sixth eruption", "fifth meeting"), and the phase of a multi-step event
(talks vs. deal, committee convened vs. emergency declared, recall vs. plant closure, trial opened vs.
verdict, strike begun vs. ended).

Why: two reports of two eruptions of one volcano, or of talks and then the deal, share every name and
most words; a report with no publication date cannot be told apart by time. What the lead says about
*which* instance it is can: reports of one event name the same weekday, count it with the same
ordinal and describe the same phase. These are cannot-link tags, used only where time cannot decide
(see cluster.py): a tag conflicts when both sides have values of one key and no value in common.

v5 (figure_tags, read from the lead to the end of its sentence): the name the event is known by
(``ev``: "the Eaton fire" vs "the Palisades fire", "Hurricane X" vs "Hurricane Y"), a cannot-link like
the others, compared by the members' leading votes (reports of one fire often name the other one too);
and the lead's headline figures (``lvl``: the level a rate moves to; ``mag``: a recall's mass; ``q``: a
quake's magnitude; ``amt``: a sum of money), which are *not* cannot-links of conflict(), so events.v4
does not use them: one decision moves several rates and reports pick different ones, so levels as
cannot-links cut stories (measured: dev B-cubed of events.v4 1.000 -> 0.976 with levels alone).
figure_conflict compares them with a tolerance per kind (NUMERIC); the learned method's clustering
uses the masses, magnitudes and sums (LINK_FIGURES) as cannot-links where cross-validation chose so
(pairs.v3 did), and eval/train_pairs.py --figures measures all four as a pair feature.

Tags travel as ``x:`` tokens inside Features.tokens, so a store that keeps the tokens keeps them too.
The lexicons are small and multilingual, written for common kinds of news events, not for any story.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable

from storyline.group.timeinfo import YEAR, find_text_dates
from storyline.lang.calendar import FOLDED_WEEKDAYS
from storyline.lang.fold import fold
from storyline.lang.numbers import (
    COUNTED,
    COUNTER_REACH,
    COUNTING_ORDINALS,
    NUMBER_WORDS,
    SCALE_RE,
    SCALE_VALUES,
    number_key,
    number_token,
)

PREFIX = "x:"

# Weekday and ordinal words (the lexicons live in storyline.lang), folded as grouping folds text.
WEEKDAY: dict[str, int] = {w: n for n, names in FOLDED_WEEKDAYS.items() for w in names.split()}
ORDINAL: dict[str, int] = {w: n for n, names in COUNTING_ORDINALS.items() for w in names.split()}

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


# --- Figures and names that say which instance (v5 of the tags) ---------------------------------------
# Why: two decisions of one central bank, two recalls by one firm, two quakes in one region share every
# name and most words, and undated reports cannot be told apart by time; what the lead says the event
# *amounts to* can. Each key below is compared across (``conflict``) in its own way (NUMERIC).
_NUM = r"(\d+(?:[.,]\d{3})*(?:[.,]\d+)?)"


def _alt(words: str) -> str:
    """A regex alternation of ``words`` (space-separated; "_" stands for a space), folded as leads are."""
    return "|".join(re.escape(fold(w.replace("_", " "))) for w in sorted(words.split(), key=len, reverse=True))


# "lvl": the level a decision moves a rate to ("cuts the repo rate to 6.25%", "auf 4,25 Prozent", "al 4,25%",
# "στο 3,75%", "घटाकर 6 फीसदी", "इसे 5.25% कर दिया"), not the size of the move ("by 25 basis points").
_PERCENT = _alt("% per_cent percent pct prozent pour_cent por_ciento per_cento por_cento प्रतिशत फीसदी फ़ीसदी শতাংশ")
_LEVEL = re.compile(
    rf"(?:\b(?:to|auf|al|allo|hasta_el|hasta_un|para|στο)\s+|(?:{_alt('घटाकर घटकर बढ़ाकर बढ़कर इसे হল কমিয়ে বাড়িয়ে')})"
    rf"\s+(?:अब\s+)?){_NUM}\s?(?:{_PERCENT})(?!\w)".replace("_", " ")
    + rf"|{_NUM}\s?(?:{_PERCENT})\s+(?:कर|हो)")
# "mag": a headline mass ("recalls 7 million pounds of deli meat", "100.000 toneladas"), in kilograms.
_MASS_KG = {fold(w): kg for ws, kg in (("pounds pound lbs lb libras", 0.4536), ("kilos kg kilograms kilogrammes kilogramos "
                                                                              "chili kilogramm", 1.0),
                                         ("tonnes tons toneladas tonnellate tonnen", 1000.0)) for w in ws.split()}
# "7 million", "$137-million", "2 mn", "2m", and a number word before a scale word ("seven-million").
_NUMBER_WORD = {fold(w): v for table in NUMBER_WORDS.values() for w, v in table.items() if len(w) >= 3}
_SCALED = (rf"(?:{_NUM}(?:-?{SCALE_RE.pattern})?"
           rf"|\b(?P<word>{_alt(' '.join(_NUMBER_WORD))})-?{SCALE_RE.pattern.replace('(?P<scale>', '(?P<wscale>')})")
_MASS = re.compile(rf"{_SCALED}\s*(?:more\s+|additional\s+|extra\s+|de\s+)?(?P<unit>{_alt(' '.join(_MASS_KG))})"
                   r"(?!\w)(?!\s+sterling)")
# "q": an earthquake's magnitude ("a 5.6 magnitude earthquake", "magnitude-5.9", "de magnitud 5,9").
_QUAKE = re.compile(r"(?:magnitude|magnitud|magnitudo|richter|starke|measuring)\W{1,3}(?:of\s+|de\s+|di\s+)?(\d[.,]\d)(?!\d)"
                    r"|(?<![\d.,])(\d[.,]\d)\W{1,3}(?:magnitude|magnitud|on the richter|richter)")
# "amt": a headline sum of money in dollars, euros or pounds sterling (a heist, a fine, a deal), compared
# by ratio, not by currency (the three differ by less than NUMERIC's factor).
_MONEY = (re.compile(rf"(?:\$|€|£|us\$)\s?{_SCALED}"),
          re.compile(rf"{_SCALED}\s*(?:dollars|euros|euro|dolares|us-dollar)(?!\w)"))
# "ev": the proper name an event is known by: "the Eaton fire", "Palisades Fire", "Hurricane Milton",
# "incendio en Pacific Palisades" (on the unfolded lead: capitals mark a name). One value per word.
# "Mat-Su Fire Chief", "Surrey Fire Service", "ten fire engines": a fire service or a compound, not an event.
_FIRE_SERVICE = (r"(?i:department|dept|chief|marshal|services?|station|brigade|crews?|engines?|trucks?|fighters?|officials?"
                 r"|authority|rescue|captain|district|protection|alarms?|safety|hydrant|escape|risk|danger|season|ban|exit"
                 r"|door|code|inspector|and rescue)\b")
_NAME = r"((?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)"
_NAMED_EVENT = re.compile(
    rf"{_NAME}\s+(?:[Ff]ire|FIRE|[Ww]ildfire|[Bb]laze)\b(?![sS])(?!\s+{_FIRE_SERVICE})"
    rf"|\b(?:incendio|fuego|incendie|feu|Brand|Waldbrand)(?:\s+forestal)?\s+(?:de|del|en|in|di|du|bei)?\s*{_NAME}"
    rf"|\b(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Storm|Hurac[aá]n|hurac[aá]n|[Oo]uragan|[Tt]emp[eê]te|[Tt]ormenta"
    rf"|[Tt]if[oó]n|Hurrikan|Taifun|[Uu]ragano)\s+([A-Z][a-z]+)")
# Capitalised words that name no event: articles and title-case filler.
_NOT_A_NAME = frozenset("the los las el la le les der die das una uno des del and for new big huge massive deadly "
                        "fast-moving raging major large small suspicious overnight early late brush forest house grass "
                        "bush state local another latest second first".split())


def _title_case_before(raw: str, at: int) -> bool:
    """Whether the words before ``at`` are a title-case headline ("Church Damaged In Suspicious Fire"),
    where a capital marks no name."""
    words = [w for w in raw[max(0, at - 60):at].split()[-5:] if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= len(words) - 1


# How two values of a numeric key agree: the ratio of two figures (a mass, a sum) within a factor, or
# the difference of two quake magnitudes (agencies differ by 0.1-0.2). "lvl" agrees only when equal.
NUMERIC: dict[str, tuple[str, float]] = {"mag": ("ratio", 2.5), "amt": ("ratio", 2.5), "q": ("diff", 0.25),
                                         "lvl": ("diff", 0.0)}
# Words without which a pattern above cannot match (on folded text), each named by what it gates.
_HINTS = {
    "level": _PERCENT,
    "mass": _alt(" ".join(_MASS_KG)),
    "quake": "magnitud|richter|starke|measuring",
    "money": r"\$|€|£|dollar|euro|dolar",
    "name": r"fire|blaze|hurrican|hurrikan|typhoon|cyclone|storm|incendi|fuego|feu|brand|huracan|ouragan|tempete|tormenta"
            r"|tifon|taifun|uragano",
}
_HINT_NAMES = list(_HINTS)
_HINT_RE = re.compile("|".join(f"({rx})" for rx in _HINTS.values()))


def _hints(text: str) -> set[str]:
    """The gates (_HINTS) whose words ``text`` has: one pass instead of five slower patterns."""
    return {_HINT_NAMES[m.lastindex - 1] for m in _HINT_RE.finditer(text) if m.lastindex}


def _scaled(m: re.Match[str]) -> float | None:
    """The value of the number ``m`` starts with, times the scale word after it ("7 million")."""
    if m.group("word"):
        return float(_NUMBER_WORD[m.group("word")]) * SCALE_VALUES.get(m.group("wscale").lower(), 1.0)
    tok = number_token(m.group(1))
    if tok is None:
        return None
    scale = m.group("scale")
    return float(tok) * (SCALE_VALUES.get(scale.lower(), 1.0) if scale else 1.0)


def figure_tags(raw: str) -> list[str]:
    """``x:key=value`` tokens of a lead's headline figures (``lvl``, ``mag``, ``q``, ``amt``) and of the
    name its event is known by (``ev``). ``raw``: title and opening as written (capitals mark names),
    best to the end of the sentence the opening's cut falls in (features.py: a rate's new level is
    often the last words of that sentence)."""
    text = fold(raw)
    out: set[str] = set()
    hints = _hints(text)
    if not hints:
        return []
    for m in _LEVEL.finditer(text) if "level" in hints else ():
        tok = number_token(m.group(1) or m.group(2))
        if tok is not None:
            out.add(f"{PREFIX}lvl={number_key(float(tok))}")
    for m in _MASS.finditer(text) if "mass" in hints else ():
        v = _scaled(m)
        if v:
            out.add(f"{PREFIX}mag={number_key(v * _MASS_KG[m.group('unit')])}")
    for m in _QUAKE.finditer(text) if "quake" in hints else ():
        tok = number_token(m.group(1) or m.group(2))
        if tok is not None:
            out.add(f"{PREFIX}q={number_key(float(tok))}")
    for m in (m for rx in _MONEY for m in rx.finditer(text)) if "money" in hints else ():
        v = _scaled(m)
        if v and v >= 1e5:  # a headline sum, not a price
            out.add(f"{PREFIX}amt={number_key(v)}")
    for m in _NAMED_EVENT.finditer(raw) if "name" in hints else ():
        if _title_case_before(raw, m.start()):
            continue
        name = next(g for g in m.groups() if g)
        for w in name.split():
            f = fold(w).strip("'’-")
            if len(f) >= 3 and f not in _NOT_A_NAME:
                out.add(f"{PREFIX}ev={f}")
    return sorted(out)


def tags(lead: str) -> list[str]:
    """``x:key=value`` tokens for the lead of a report (title plus opening); figure_tags gives the rest."""
    text = fold(lead)
    out: set[str] = set()
    words = _TOKEN.findall(text)
    for i, w in enumerate(words):
        if w in WEEKDAY:
            out.add(f"{PREFIX}wd={WEEKDAY[w]}")
        elif w in ORDINAL and COUNTED.intersection(words[i + 1: i + 1 + COUNTER_REACH]) and not STREAK.intersection(words[i + 1: i + 3]):
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


def _figures_agree(key: str, a: dict[str, int], b: dict[str, int]) -> bool:
    """Whether some figure of ``a`` and some of ``b`` agree (NUMERIC). All figures count, not only the
    leading ones: one decision moves several rates, and a report may give the earlier figure as well."""
    how, tol = NUMERIC[key]
    for x in map(float, a):
        for y in map(float, b):
            if how == "diff" and abs(x - y) <= tol + 1e-9:
                return True
            if how == "ratio" and x > 0 and y > 0 and max(x, y) / min(x, y) <= tol:
                return True
    return False


# The figure keys a cluster-level cannot-link (cluster.average_link's ``figures``) compares: not levels,
# which need each report's other numbers to be told from another rate the same decision moved.
LINK_FIGURES = ("amt", "mag", "q")


def figure_conflict(a: Tags, b: Tags, a_numbers: Container[str] = (), b_numbers: Container[str] = (),
                    keys: Iterable[str] = tuple(NUMERIC)) -> str | None:
    """The first figure key (NUMERIC) on which ``a`` and ``b`` both have figures and none agree. A level
    one report moves to that the other gives anywhere (``a_numbers``, ``b_numbers``: each report's number
    tokens) is no conflict: the other report named another of the rates the same decision moved."""
    for k in sorted(keys):
        if a.get(k) and b.get(k) and not _figures_agree(k, a[k], b[k]):
            if k == "lvl" and (any(v in b_numbers for v in a[k]) or any(v in a_numbers for v in b[k])):
                continue
            return k
    return None


def conflict(a: Tags, b: Tags, *, names: bool = True) -> str | None:
    """The first key on which ``a`` and ``b`` both have values and their leading values differ. The
    figure keys (NUMERIC) are left to figure_conflict: as cannot-links they cut stories (one decision
    moves three rates; a report garbles a recall's tonnage). ``names``: whether the event's own name
    (``ev``) counts (the pair model's tag_conflict feature leaves it out: see pairfeatures.py)."""
    if len(a) > len(b):
        a, b = b, a
    for k in sorted(a):
        if k in CROSS_ONLY or k in NUMERIC or (k == "ev" and not names):
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
