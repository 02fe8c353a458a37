"""Dates, periods and clock times, resolved against the article's own date.

Why not dateparser: it is slow per call, returns nothing for "in July this year" and fails on
non-English relative dates. News dates come in a small number of shapes, so compiled patterns cover
them: absolute dates ("September 12, 2024", "29 de octubre", "7. Juni"), months ("in May", "Sept."),
years, quarters, weekdays ("on Saturday"), relative words ("yesterday", "earlier this month") and
times ("10:10 a.m.", "14:45 Uhr"). Anything that needs the article's date to resolve says how sure it
is in ``confidence``; when the article has no date, the latest fully written date in the text stands in
(with lower confidence), and failing that the mention is still reported with ``value=None``.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from storyline.analyze._scan import find_words, has_any
from storyline.lang.calendar import (
    ABBR_MONTH_ALT,
    MONTH_BY_NAME,
    MONTH_CAPITALISED,
    MONTHS_NEEDING_A_CUE,
    RELATIVE_PHRASES,
    WEEKDAY_BY_NAME,
)
from storyline.lang.numbers import SMALL_ENGLISH_COUNTS
from storyline.model import DateMention, Sentence, Span

_I = re.IGNORECASE

# digit-first patterns (a leading lookbehind or alternation would make the engine try every position)
_ISO_RE = re.compile(r"(?P<y>[12](?<![\d-][12])[09]\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")
_NUMERIC_RE = re.compile(r"(?P<a>\d(?<![\d./]\d)\d?)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d])")
_DAY_BEFORE_RE = re.compile(r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?$")
_DAY_AFTER_RE = re.compile(
    r"\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d.,]?\d)(?!\s*(?:%|percent|per cent|million|billion|crore))"
)
_YEAR_AFTER_RE = re.compile(r"\.?,?\s+(?:de\s+|del\s+|of\s+)?(?P<y>(?:19|20)\d{2})(?![\d])")
_WD_BEFORE_RE = re.compile(r"(?P<wd>[^\W\d_]+),?\s+(?:the\s+|le\s+|el\s+|den\s+)?$")
_REL_YEAR_AFTER_RE = re.compile(
    r"\s+(?:of\s+)?(?P<rel>this|last|next)\s+year"
    r"|\s+(?:de\s+)?(?P<rel_es>este|el pasado|el próximo)\s+año"
    r"|\s+(?P<rel_de>dieses|letzten|vergangenen|nächsten)\s+Jahres"
    r"|\s+(?P<rel_fr>de cette année|dernier|prochain)",
    _I,
)
_CUE_BEFORE_RE = re.compile(
    r"(?<![\w])(?P<cue>in|since|until|till|by|from|during|through|throughout|early|late|mid|mid-|last|next|this|"
    r"en|desde|hasta|durante|depuis|jusqu'en|jusqu’en|début|fin|mi-|im|seit|bis|Anfang|Ende|Mitte|nel|dal|a|di|"
    r"de|entre|of|before|after|between|and)\s*$",
    _I,
)
_YEAR_RE = re.compile(
    r"(?<![\w$€£¥₹.,/-])(?P<y>(?:19|20)\d{2})(?![\w]|[.,]\d|\s?%|-\d|–\d|/\d|:\d|\s?(?:percent|per cent|crore|lakh|million|billion"
    r"|people|homes|hectares|acres|km|residents|workers|machinists|pounds|tons|metres|meters|feet|miles))",
    _I,
)
_YEAR_NOT_BEFORE = re.compile(
    r"(?:about|around|nearly|almost|some|over|than|least|to|up|just|only|roughly|approximately|unos|unas|"
    r"environ|rund|etwa|circa|No\.|number|Flight|Boeing|Airbus|Article|Section|Rule|\$|€|£)\s*$",
    _I,
)
_QUARTER_RE = re.compile(
    r"(?<![\w])(?:Q(?P<q>[1-4])\s?(?:FY\s?)?(?P<y>(?:19|20)\d{2})"
    r"|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(?P<y2>(?:19|20)\d{2}))(?![\d])",
    _I,
)
_QWORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_WD_MOD_BEFORE_RE = re.compile(
    r"(?<![\w])(?P<mod>last|next|this|past|coming|on|el pasado|el próximo|este|esta|el|ce|cette|le|am|letzten|"
    r"vergangenen|kommenden|nächsten|diesen|lo scorso|questo|quest[ao]|il|la|on the)\s+$",
    _I,
)
_WD_POST_RE = re.compile(r"\s+(?P<post>dernier|prochain|pasado|próximo|scorso|prossimo)(?![\w])")
_TIME_RE = re.compile(
    r"(?<![\w:.,])(?:"
    r"(?P<h1>[01]?\d)(?:[:.](?P<m1>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![\w])"
    r"|(?P<h2>[0-2]?\d):(?P<m2>[0-5]\d)(?::[0-5]\d)?(?:\s*(?:Uhr|h|hrs|horas|heures))?(?![\d])"
    r"|(?P<h3>[0-2]?\d)\s?h\s?(?P<m3>[0-5]\d)(?![\d])"
    r"|(?P<h4>[0-2]?\d)(?:[.](?P<m4>[0-5]\d))?\s?Uhr(?![\w])"
    r")(?:\s*(?P<tz>ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|BST|CET|CEST|IST|UTC|local time)(?![\w]))?",
)

_RELATIVE = RELATIVE_PHRASES  # phrase -> (language, kind, offset); kind: day, week, month, year

_RELATIVE_RE = {
    lang: re.compile(
        r"(?<![\w’'])(?:"
        + "|".join(re.escape(p) for p in sorted((p for p, v in _RELATIVE.items() if v[0] == lang), key=len, reverse=True))
        + r")(?![\w’'-])",
        _I,
    )
    for lang in {v[0] for v in _RELATIVE.values()}
}
_REL_TRIGGERS = {
    lang: frozenset(p.split()[0].lower() for p, v in _RELATIVE.items() if v[0] == lang)
    for lang in {v[0] for v in _RELATIVE.values()}
}
_AGO_WORDS = frozenset({"ago"})
_QUARTER_WORDS = frozenset({"quarter", "q1", "q2", "q3", "q4"})
_CAL_WORDS = frozenset(MONTH_BY_NAME) | frozenset(WEEKDAY_BY_NAME)
_CASE_SENSITIVE_REL = {"morgen"}  # "Morgen" is "morning"; only lowercase "morgen" is "tomorrow"
_AGO_RE = re.compile(
    r"(?<![\w])(?P<n>\d{1,2}|" + "|".join(SMALL_ENGLISH_COUNTS) + r")\s+(?P<u>days?|weeks?|months?|years?)\s+ago(?![\w])",
    _I,
)
_ANCHOR_BEFORE_RE = re.compile(r"(?:since|than|until|till|before|after|from|desde|depuis|seit|dal)\s+(?:\S+\s+)?$", _I)


# how a finder hands on a candidate: (span, mention, priority); overlaps are settled later
_Add = Callable[[Span, DateMention, int], None]


class _Ctx:
    """The reference date, how far it can be trusted, and where sentences start (for a weekday's tense)."""

    def __init__(self, ref: date | None, trust: float, starts: list[int] | None = None) -> None:
        self.ref = ref
        self.trust = trust
        self.starts = starts or []

    def sentence_bounds(self, text: str, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        start = self.starts[i] if i >= 0 else 0
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(text)
        return start, end


# Tense around a weekday decides its direction: "are expected to arrive on Wednesday" looks forward,
# "met on Wednesday" back. Cues per language; the one nearest the weekday in its sentence wins.
_FUTURE_RE = {
    "en": re.compile(
        r"\b(?:will|shall|won[’']t|(?:is|are|am)\s+(?:expected|scheduled|set|slated|due|poised|going|planning|"
        r"likely|to)\b|plans?\s+to|intends?\s+to|to\s+be\s+held|upcoming)\b|[’']ll\b",
        re.I,
    ),
    "es": re.compile(r"\b(?:\w{2,}(?:rá|rán|remos)|van?\s+a|está\s+previst[oa]|están\s+previst[oa]s|prevé)\b", re.I),
    "fr": re.compile(r"\b(?:\w{2,}(?:era|eront|ira|iront|dra|dront|ra|ront)|va|vont|doit|doivent|devrait|devraient)\b", re.I),
    "de": re.compile(r"\b(?:wird|werden|soll|sollen|will|wollen)\b", re.I),
}
_PAST_RE = {
    "en": re.compile(
        r"\b(?:was|were|had|did|said|met|held|took|came|went|made|began|broke|fell|rose|told|left|won|lost|fought|"
        r"caught|brought|bought|struck|spoke|wrote|gave|saw|found|sent|kept|led|ran|hit|burned|burnt|swept|tore|"
        r"(?!expected|scheduled|planned|slated)\w{3,}ed)\b",
        re.I,
    ),
    "es": re.compile(r"\b(?:\w{2,}(?:ó|aron|ieron|ió)|fue|fueron|hab[íi]a|ha|han)\b", re.I),
    "fr": re.compile(r"\b(?:a|ont|est|sont|avait|avaient|était|étaient)\s+\w+(?:é|ée|és|ées|i|is|u|us|t)\b", re.I),
    "de": re.compile(r"\b(?:hatte|hatten|hat|haben|war|waren|wurde|wurden|sagte|sagten|ist|sind)\b", re.I),
}


def _tense(text: str, ws: int, we: int, lang: str, ctx: _Ctx) -> str | None:
    """"future", "past" or None for the clause around the weekday at [ws, we)."""
    if not ctx.starts:
        return None
    lo, hi = ctx.sentence_bounds(text, ws)
    lo, hi = max(lo, ws - 100), min(hi, we + 80)
    best: tuple[int, str] | None = None
    for code in {"en", lang}:
        for kind, table in (("future", _FUTURE_RE), ("past", _PAST_RE)):
            rx = table.get(code)
            if rx is None:
                continue
            for m in rx.finditer(text, lo, ws):
                dist = ws - m.end()
                if best is None or dist < best[0]:
                    best = (dist, kind)
            for m in rx.finditer(text, we, hi):
                dist = m.start() - we + 20  # a verb after the weekday counts when none is before it
                if best is None or dist < best[0]:
                    best = (dist, kind)
                break
    return best[1] if best else None


def _parse_iso_day(value: str | None) -> date | None:
    if not value or not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    # "next year" or "last Monday" is computed from this day: one at the ends of the calendar would
    # overflow, so it is no reference at all (the readers already drop such dates; the API may not).
    return day if _EARLIEST_REFERENCE <= day <= _LATEST_REFERENCE else None


_EARLIEST_REFERENCE, _LATEST_REFERENCE = date(2, 1, 1), date(9998, 12, 31)


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_bounds(y: int, m: int) -> tuple[str, str, str]:
    last = calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _dm(
    text: str, span: Span, value: str | None, start: str | None, end: str | None, gran: str, conf: float,
    time: str | None = None,
) -> DateMention:
    return DateMention(
        text=text[span[0] : span[1]],
        span=(span[0], span[1]),
        value=value,
        start=start,
        end=end,
        granularity=gran,
        confidence=round(conf, 2),
        time=time,
    )


def _day_mention(text: str, span: Span, d: date | None, conf: float) -> DateMention:
    if d is None:
        return _dm(text, span, None, None, None, "day", min(conf, 0.3))
    iso = d.isoformat()
    return _dm(text, span, iso, iso, iso, "day", conf)


def _month_mention(text: str, span: Span, y: int | None, m: int, conf: float) -> DateMention:
    if y is None:
        return _dm(text, span, None, None, None, "month", min(conf, 0.3))
    value, start, end = _month_bounds(y, m)
    return _dm(text, span, value, start, end, "month", conf)


def _year_mention(text: str, span: Span, y: int | None, conf: float) -> DateMention:
    if y is None:
        return _dm(text, span, None, None, None, "year", min(conf, 0.3))
    return _dm(text, span, f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year", conf)


def _week_mention(text: str, span: Span, monday: date | None, conf: float) -> DateMention:
    if monday is None:
        return _dm(text, span, None, None, None, "week", min(conf, 0.3))
    iso_year, iso_week, _ = monday.isocalendar()
    return _dm(
        text, span, f"{iso_year:04d}-W{iso_week:02d}", monday.isoformat(), (monday + timedelta(days=6)).isoformat(),
        "week", conf,
    )


def _month_case_ok(word: str, has_number: bool) -> bool:
    """A month name written against its usual case ("may", "Mars") only counts next to a number."""
    key = word.rstrip(".").lower()
    cap = MONTH_CAPITALISED.get(key)
    if cap is None or has_number:
        return True
    return word[:1].isupper() == cap


def _guess_year_for_day(ref: date, m: int, d: int, weekday: int | None = None) -> tuple[date | None, float]:
    """The year for a day written without one: the weekday decides when given, else the latest such
    day no more than a month after the article (news mostly looks back)."""
    cands = [c for c in (_day(y, m, d) for y in (ref.year + 1, ref.year, ref.year - 1)) if c is not None]
    if weekday is not None:
        fitting = [c for c in cands if c.weekday() == weekday and abs((c - ref).days) <= 400]
        if len(fitting) == 1:
            return fitting[0], 0.95
    horizon = ref + timedelta(days=31)
    for c in cands:
        if c <= horizon:
            return c, (0.85 if (ref - c).days <= 200 else 0.6)
    return (cands[-1], 0.6) if cands else (None, 0.3)


def _calendar_hits(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Month and weekday words in ``text``: a word-set look-up decides where the patterns run, since
    long alternations of calendar names tried at every position are what made this finder slow."""
    months: list[tuple[int, int, str]] = []
    weekdays: list[tuple[int, int, str]] = []
    for hit in find_words(text, _CAL_WORDS):
        (months if hit[2] in MONTH_BY_NAME else weekdays).append(hit)
    return months, weekdays


def _month_hit(text: str, s: int, e: int, key: str, lang: str, ctx: _Ctx, add: _Add) -> None:
    """Read the date around one month name: "12 September 2024", "Sept. 12", "June 2024", "in May"."""
    ref, trust = ctx.ref, ctx.trust
    mon = MONTH_BY_NAME[key]
    word = text[s:e]
    dot = text[e : e + 1] == "."
    abbr = key in _ABBR_NO_DOT
    db = _DAY_BEFORE_RE.search(text, max(0, s - 14), s)
    if db and db.start() > 0 and (text[db.start() - 1].isalnum() or text[db.start() - 1] in ".,"):
        db = None
    da = None if db else _DAY_AFTER_RE.match(text, e)
    day_m = db or da
    if day_m:
        if not _month_case_ok(word, True):
            return
        day_n = int(day_m.group("d"))
        if not 1 <= day_n <= 31:
            return
        start = db.start() if db else s
        end = da.end() if da else e + (1 if dot and abbr else 0)
        ym = _YEAR_AFTER_RE.match(text, da.end() if da else e)
        if ym:
            end = ym.end()
        wdm = _WD_BEFORE_RE.search(text, max(0, start - 26), start)
        wd = WEEKDAY_BY_NAME.get(wdm.group("wd").lower()) if wdm else None
        if wdm and wd is not None:
            start = wdm.start()
        span = (start, end)
        if ym:
            d = _day(int(ym.group("y")), mon, day_n)
            conf = 0.7 if (d is not None and wd is not None and d.weekday() != wd) else 1.0
            add(span, _day_mention(text, span, d, conf), 8)
        elif ref is not None:
            d, conf = _guess_year_for_day(ref, mon, day_n, wd)
            add(span, _day_mention(text, span, d, conf * trust), 7)
        else:
            add(span, _day_mention(text, span, None, 0.3), 7)
        return
    ym = _YEAR_AFTER_RE.match(text, e)
    if ym:
        if _month_case_ok(word, True):
            add((s, ym.end()), _month_mention(text, (s, ym.end()), int(ym.group("y")), mon, 1.0), 6)
        return
    if not _month_case_ok(word, False) or (abbr and not dot):
        return
    rm = _REL_YEAR_AFTER_RE.match(text, e)
    if rm:
        rel = (rm.group("rel") or rm.group("rel_es") or rm.group("rel_de") or rm.group("rel_fr") or "").lower()
        if not (rel in ("dernier", "prochain") and lang != "fr"):
            offset = -1 if rel in ("last", "el pasado", "letzten", "vergangenen", "dernier") else (
                1 if rel in ("next", "el próximo", "nächsten", "prochain") else 0
            )
            y = ref.year + offset if ref else None
            add((s, rm.end()), _month_mention(text, (s, rm.end()), y, mon, 0.95 * trust), 6)
            return
    cm = _CUE_BEFORE_RE.search(text, max(0, s - 14), s)
    cue = cm.group("cue").lower() if cm else ""
    if key in MONTHS_NEEDING_A_CUE and not cue:
        return
    if not cue and not dot and lang == "en" and word[:1].islower():
        return
    span = (s, e + 1) if abbr and dot else (s, e)
    if ref is None:
        add(span, _month_mention(text, span, None, mon, 0.2), 3)
        return
    if cue == "last":
        y, conf = (ref.year if mon < ref.month else ref.year - 1), 0.8
    elif cue == "next":
        y, conf = (ref.year if mon > ref.month else ref.year + 1), 0.8
    elif mon <= ref.month:
        y, conf = ref.year, 0.75
    elif mon - ref.month <= 2:
        y, conf = ref.year, 0.5
    else:
        y, conf = ref.year - 1, 0.6
    add(span, _month_mention(text, span, y, mon, conf * trust), 3)


def _candidates(text: str, lang: str, ctx: _Ctx) -> list[tuple[int, int, int, DateMention]]:
    """(start, end, priority, mention) for every pattern; overlaps are settled by the caller. The
    priority says which reading wins an overlap: a full ISO date over a year inside it, say."""
    out: list[tuple[int, int, int, DateMention]] = []
    months, weekdays = _calendar_hits(text)

    def add(span: Span, mention: DateMention, prio: int) -> None:
        out.append((span[0], span[1], prio, mention))

    _numeric_dates(text, lang, add)
    for start, end, key in months:
        _month_hit(text, start, end, key, lang, ctx, add)
    _quarters_and_years(text, add)
    for ws, we, key in weekdays:
        _weekday_hit(text, ws, we, key, lang, ctx, add)
    _relative_phrases(text, lang, ctx, add)
    _times_ago(text, ctx, add)
    _clock_times(text, add)
    return out


def _numeric_dates(text: str, lang: str, add: _Add) -> None:
    """ISO dates, and day/month/year in digits (month first only where an English slash date allows)."""
    for m in _ISO_RE.finditer(text):
        d = _day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            add(m.span(), _day_mention(text, m.span(), d, 1.0), 9)
    for m in _NUMERIC_RE.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        conf = 0.8
        if m.group("sep") == "/" and lang == "en" and a <= 12 and b <= 12:
            a, b, conf = b, a, 0.6
        elif a <= 12 < b:
            a, b = b, a
        d = _day(y, b, a)
        if d:
            add(m.span(), _day_mention(text, m.span(), d, conf), 8)


def _quarters_and_years(text: str, add: _Add) -> None:
    """"Q3 2024", "the third quarter of 2024", and years standing alone (not "in 2,024 cases")."""
    for m in (_QUARTER_RE.finditer(text) if has_any(text, _QUARTER_WORDS) else ()):
        q = int(m.group("q")) if m.group("q") else _QWORDS[m.group("qw").lower()]
        y = int(m.group("y") or m.group("y2"))
        first = (q - 1) * 3 + 1
        last = calendar.monthrange(y, first + 2)[1]
        add(m.span(), _dm(text, m.span(), f"{y:04d}-Q{q}", f"{y:04d}-{first:02d}-01", f"{y:04d}-{first + 2:02d}-{last:02d}", "quarter", 1.0), 6)
    for m in _YEAR_RE.finditer(text):
        if _YEAR_NOT_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        add(m.span(), _year_mention(text, m.span(), int(m.group("y")), 1.0), 2)


def _weekday_hit(text: str, ws: int, we: int, key: str, lang: str, ctx: _Ctx, add: _Add) -> None:
    """A weekday, resolved against the report's date: "next"/"last" words decide, else the verb's
    tense ("will meet on Wednesday" is the coming one), else the one in the week before."""
    ref, trust = ctx.ref, ctx.trust
    wd = WEEKDAY_BY_NAME[key]
    mb = _WD_MOD_BEFORE_RE.search(text, max(0, ws - 16), ws)
    ma = _WD_POST_RE.match(text, we)
    mod = (mb.group("mod") if mb else "").lower()
    post = (ma.group("post") if ma else "").lower()
    start = mb.start() if mb and mod not in ("on", "am", "el", "le", "il", "la", "on the") else ws
    span = (start, ma.end() if ma else we)
    if ref is None:
        add(span, _day_mention(text, span, None, 0.2), 4)
        return
    back = (ref.weekday() - wd) % 7
    if mod in ("next", "coming", "el próximo", "kommenden", "nächsten") or post in ("prochain", "próximo", "prossimo"):
        ahead = (wd - ref.weekday()) % 7 or 7
        d, conf = ref + timedelta(days=ahead), 0.8
    elif mod in ("last", "past", "el pasado", "letzten", "vergangenen", "lo scorso") or post in ("dernier", "pasado", "scorso"):
        d, conf = ref - timedelta(days=back or 7), 0.8
    else:
        tense = _tense(text, ws, we, lang, ctx)
        this = mod in ("this", "este", "esta", "ce", "cette", "diesen", "questo", "questa", "quest'")
        if tense == "future":  # "are expected to arrive on Wednesday": the next one (or today)
            ahead = (wd - ref.weekday()) % 7
            d, conf = ref + timedelta(days=ahead), (0.6 if this or ahead == 0 else 0.8)
        elif tense == "past":
            d, conf = ref - timedelta(days=back), 0.6 if this else 0.8
        else:  # no tense to go by: the nearest one in the week before, less sure
            d, conf = ref - timedelta(days=back), 0.6 if this else 0.7
    add(span, _day_mention(text, span, d, conf * trust), 4)


def _relative_phrases(text: str, lang: str, ctx: _Ctx, add: _Add) -> None:
    """"yesterday", "next week", "el año pasado", in English and the report's language."""
    for code in sorted({"en", lang}):
        rx = _RELATIVE_RE.get(code)
        if rx is None:
            continue
        for start, _end, _w in find_words(text, _REL_TRIGGERS[code]):
            rel = rx.match(text, start)
            if rel is None:
                continue
            phrase = rel.group()
            if phrase.lower() in _CASE_SENSITIVE_REL and phrase != phrase.lower():
                continue
            if phrase.lower() == "mañana" and re.search(r"(?:la|esta|por|de)\s+$", text[max(0, rel.start() - 6) : rel.start()], _I):
                continue
            _, kind, offset = _RELATIVE[phrase.lower()]
            add(rel.span(), _relative(text, rel.span(), kind, offset, ctx), 5)


def _times_ago(text: str, ctx: _Ctx, add: _Add) -> None:
    """"three days ago", "two weeks ago": counted back from the report's date."""
    ref, trust = ctx.ref, ctx.trust
    for m in (_AGO_RE.finditer(text) if has_any(text, _AGO_WORDS) else ()):
        n = m.group("n").lower()
        k = int(n) if n.isdigit() else SMALL_ENGLISH_COUNTS[n]
        unit = m.group("u").lower().rstrip("s")
        if unit == "day":
            d = ref - timedelta(days=k) if ref else None
            add(m.span(), _day_mention(text, m.span(), d, 0.85 * trust), 5)
        elif unit == "week":
            add(m.span(), _relative(text, m.span(), "week", -k, ctx, 0.7), 5)
        elif unit == "month":
            add(m.span(), _relative(text, m.span(), "month", -k, ctx, 0.7), 5)
        else:
            add(m.span(), _relative(text, m.span(), "year", -k, ctx, 0.7), 5)


def _clock_times(text: str, add: _Add) -> None:
    """Times of day ("10:30 a.m.", "14 Uhr"), but not a percentage that looks like one."""
    for m in _TIME_RE.finditer(text):
        h = m.group("h1") or m.group("h2") or m.group("h3") or m.group("h4")
        mi = m.group("m1") or m.group("m2") or m.group("m3") or m.group("m4") or "00"
        hour = int(h)
        ap = (m.group("ap") or "").lower().replace(".", "")
        if ap:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ap == "pm" else 0)
        if hour > 23:
            continue
        if m.group("h2") and not m.group("tz") and re.match(r"\s*(?:%|percent|per cent)", text[m.end() :]):
            continue
        add(m.span(), _dm(text, m.span(), None, None, None, "time", 0.9, time=f"{hour:02d}:{mi}"), 6)


_ABBR_NO_DOT = frozenset(k.lower() for k in re.findall(r"[^|]+", ABBR_MONTH_ALT.replace("\\", "")))


def _relative(text: str, span: Span, kind: str, offset: int, ctx: _Ctx, conf: float = 0.9) -> DateMention:
    ref = ctx.ref
    conf = conf * ctx.trust if ref else 0.2
    if kind == "day":
        return _day_mention(text, span, ref + timedelta(days=offset) if ref else None, conf)
    if kind == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset) if ref else None
        return _week_mention(text, span, monday, conf)
    if kind == "month":
        if ref is None:
            return _month_mention(text, span, None, 1, conf)
        y, m = _shift_month(ref.year, ref.month, offset)
        return _month_mention(text, span, y, m, conf)
    return _year_mention(text, span, ref.year + offset if ref else None, conf)


def _settle(cands: list[tuple[int, int, int, DateMention]]) -> list[DateMention]:
    """Keep the longest, then highest-priority, candidate wherever candidates overlap."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    kept: list[tuple[int, int, int, DateMention]] = []
    for c in cands:
        if any(c[0] < e and s < c[1] for s, e in taken):
            continue
        taken.append((c[0], c[1]))
        kept.append(c)
    kept.sort(key=lambda c: c[0])
    return [c[3] for c in kept]


def _fallback_reference(text: str, lang: str) -> date | None:
    """The latest fully written date in the text: a stand-in reference when the article has none."""
    months, _ = _calendar_hits(text)
    found: list[str] = []  # the ISO days

    def add(span: Span, mention: DateMention, prio: int) -> None:
        if mention.granularity == "day" and mention.value and mention.confidence >= 0.7:
            found.append(mention.value)

    for start, end, key in months:
        _month_hit(text, start, end, key, lang, _Ctx(None, 1.0), add)
    m = _ISO_RE.search(text)
    if m:
        d = _day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            add(m.span(), _day_mention(text, m.span(), d, 1.0), 9)
    if not found:
        return None
    # the latest one: an article is published after the dates it reports, so this is the closest guess
    return max(date.fromisoformat(day) for day in found)


def _link_times(mentions: list[DateMention]) -> None:
    """A clock time next to a resolved day ("June 6, 2024, at 10:10 a.m.") takes that day as its value."""
    for i, t in enumerate(mentions):
        if t.granularity != "time":
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(mentions):
                o = mentions[j]
                gap = t.span[0] - o.span[1] if j < i else o.span[0] - t.span[1]
                if o.granularity == "day" and o.value and 0 <= gap <= 12 and o.sentence == t.sentence:
                    t.value, t.start, t.end = o.value, o.start, o.end
                    t.confidence = min(t.confidence, o.confidence)
                    break


def find_dates(
    text: str, sentences: list[Sentence], article_date: str | None = None, lang: str | None = None
) -> list[DateMention]:
    """Every date, period and clock time in ``text``, resolved against ``article_date`` where needed."""
    if not text:
        return []
    code = (lang or "en").split("-")[0].lower()
    ref = _parse_iso_day(article_date)
    starts = [s.start for s in sentences]
    ctx = _Ctx(ref, 1.0, starts)
    if ref is None:
        fallback = _fallback_reference(text, code)
        if fallback is not None:
            ctx = _Ctx(fallback, 0.6, starts)
    mentions = _settle(_candidates(text, code, ctx))
    for mention in mentions:
        i = bisect.bisect_right(starts, mention.span[0]) - 1
        mention.sentence = sentences[i].index if i >= 0 else 0
    _link_times(mentions)
    if ctx.ref is None:
        _year_from_text(text, mentions)
    return mentions


def _year_from_text(text: str, mentions: list[DateMention]) -> None:
    """A bare month ("in March") with no article date takes the one year written in its own sentence,
    unless that year is a comparison anchor ("the lowest since April 2021"). Measured on the dev corpus,
    years from elsewhere in the article were background years as often as not, so they are not used.
    A month still unresolved stays value None with granularity "month" (start and end None); its text
    names the month for whoever needs it (the compare timeline shows it as "--MM")."""
    years: dict[int, list[int]] = {}
    for m in mentions:
        if m.value and m.value[:4].isdigit() and m.granularity in ("year", "month", "day", "quarter"):
            anchor = _ANCHOR_BEFORE_RE.search(text, max(0, m.span[0] - 14), m.span[0])
            years.setdefault(m.sentence, []).append(-1 if anchor else int(m.value[:4]))
    for m in mentions:
        if m.granularity != "month" or m.value is not None:
            continue
        words = re.findall(r"[^\W\d_]+", m.text)
        if len(words) != 1 or words[0].lower() not in MONTH_BY_NAME:
            continue  # "December last year" and the like are relative: no borrowed year
        mon = MONTH_BY_NAME[words[0].lower()]
        same = set(years.get(m.sentence, []))
        if len(same) != 1 or -1 in same:
            continue
        y, conf = same.pop(), 0.5
        value, start, end = _month_bounds(y, mon)
        m.value, m.start, m.end, m.confidence = value, start, end, conf
