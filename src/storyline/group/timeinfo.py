"""When did the reported event happen? A rough interval from the publication date and the dates
written in the text, in twelve languages.

Why: two rate decisions of one bank share every name and most numbers; only time tells them apart.
Many reports carry no publication date, so the dates in the text ("le 9 octobre", "7 फरवरी 2025",
"August 22nd") are read too. This is deliberately small and independent of the analyzers, so
grouping stays fast and stable while they evolve.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyline.lang.calendar import DATE_MARKER, FOLDED_MONTH_ALT, FOLDED_MONTHS
from storyline.model import Article

_ORD = r"(?:st|nd|rd|th|er|eme|º|°)?"
# 13 octobre 2024 / 7 फरवरी 2025 / 22 agosto / 9. Oktober / 15th July 2025 / le 8 août
_DMY = re.compile(rf"(?<!\d)(\d{{1,2}}){_ORD}\.?\s+(?:de\s+)?({FOLDED_MONTH_ALT})(?![^\W\d_])\.?(?:,?\s+(?:de\s+)?(\d{{4}}))?")
# October 13, 2024 / August 22nd / Jan. 7
_MDY = re.compile(rf"(?<![^\W\d_])({FOLDED_MONTH_ALT})\.?\s+(\d{{1,2}}){_ORD}(?!\d)(?:,?\s+(\d{{4}}))?")
# December 2024 / juin 2024
_MY = re.compile(rf"(?<![^\W\d_])({FOLDED_MONTH_ALT})\.?\s+(?:de\s+)?(\d{{4}})(?!\d)")
# 2024-06-06, 30.05.2024, 07-02-2025, 07/02/2025 (day first outside ISO)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)")
_YEAR = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d.,/-]\d)")
YEAR = _YEAR  # a year written in a text (instance.py reads it too)


@dataclass(frozen=True)
class TextDate:
    year: int | None
    month: int
    day: int | None


_REF_YEAR = 2000  # a leap year: day-month dates with no known year are placed in it


@dataclass
class EventTime:
    """``lo``..``hi``: ordinal days bounding when the event happened; None when nothing is known.

    ``exact``: the bounds come from a day-level date rather than a month. ``year_known`` False
    means only the day and month are known (``lo``/``hi`` then lie in the reference year 2000) and
    comparisons ignore the year: "22 August" and "16 July" still differ, in any year.
    """

    lo: int | None = None
    hi: int | None = None
    exact: bool = False
    year_known: bool = True
    reliable: bool = False  # from the publication date or month, not guessed from the text

    def _in_ref(self) -> tuple[int, int]:
        if not self.year_known:
            return self.lo, self.hi  # type: ignore[return-value]
        return _to_ref(self.lo), _to_ref(self.hi)  # type: ignore[arg-type]

    def gap(self, other: EventTime) -> int | None:
        """Days between the two intervals (0 if they overlap); None when either is unknown."""
        if self.lo is None or other.lo is None:
            return None
        if self.year_known and other.year_known:
            a, b, c, d = self.lo, self.hi, other.lo, other.hi
            return max(0, c - b, a - d)  # type: ignore[operator]
        a, b = self._in_ref()
        c, d = other._in_ref()
        span = 366
        best = None
        for shift in (-span, 0, span):  # cyclic: late December is close to early January
            g = max(0, c + shift - b, a - d - shift)
            best = g if best is None else min(best, g)
        return best


def _to_ref(ordinal: int) -> int:
    d = dt.date.fromordinal(ordinal)
    try:
        return d.replace(year=_REF_YEAR).toordinal()
    except ValueError:  # 29 February never happens outside leap years; 2000 has it
        return dt.date(_REF_YEAR, d.month, 28).toordinal()


def _valid(y: int | None, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12:
        return False
    if y is not None and not 1900 <= y <= 2099:
        return False
    if d is not None:
        try:
            dt.date(y or 2000, m, d)
        except ValueError:
            return False
    return True


def find_text_dates(folded: str) -> list[TextDate]:
    """Dates written in ``folded`` text (see lang.fold.fold): day-month(-year), month-year, ISO."""
    out: list[tuple[int, TextDate]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], y: int | None, mo: int, d: int | None) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        if _valid(y, mo, d):
            out.append((m.start(), TextDate(y, mo, d)))
            taken.append((m.start(), m.end()))

    for m in _ISO.finditer(folded):
        add(m, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in _NUMERIC.finditer(folded):
        add(m, int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for m in _DMY.finditer(folded):
        add(m, int(m.group(3)) if m.group(3) else None, FOLDED_MONTHS[m.group(2)], int(m.group(1)))
    for m in _MDY.finditer(folded):
        add(m, int(m.group(3)) if m.group(3) else None, FOLDED_MONTHS[m.group(1)], int(m.group(2)))
    for m in _MY.finditer(folded):
        add(m, int(m.group(2)), FOLDED_MONTHS[m.group(1)], None)
    return [d for _, d in sorted(out, key=lambda x: x[0])]


def _parse_iso(value: str | None) -> tuple[int, int, int | None] | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    d = int(m.group(3)) if m.group(3) else None
    return (y, mo, d) if _valid(y, mo, d) else None


def _month_bounds(y: int, m: int) -> tuple[int, int]:
    lo = dt.date(y, m, 1).toordinal()
    hi = (dt.date(y + (m == 12), m % 12 + 1, 1).toordinal()) - 1
    return lo, hi


def event_time(article: Article, text: str, dates: list[TextDate]) -> EventTime:
    """Estimate when the reported event happened.

    A publication day is best (events are reported within a few days). Without one, a publication
    month (the ``date YYYY-MM`` marker) bounds it loosely. Without either, the first day-level date
    written in the text is used (news leads with the event); with no year beside it, only its day
    and month count. Years alone are not used: texts name past and forecast years freely.
    Only publication dates are ``reliable`` (used for cannot-links): a date in the text may be an
    effective date, a deadline or background (measured: trusting dates in the lead split more true
    stories than it separated events).
    """
    pub = _parse_iso(article.date)
    marker = DATE_MARKER.match(text or "")
    for r in getattr(article, "removed", None) or []:  # the reader moves the marker here
        if marker is None and r.kind == "date_marker":
            marker = DATE_MARKER.match(r.text)
    if marker and not (pub and pub[2]):
        mp = (int(marker.group("year")), int(marker.group("month")), int(marker.group("day")) if marker.group("day") else None)
        if _valid(*mp):
            pub = mp
    if pub and pub[2]:
        day = dt.date(*pub).toordinal()  # type: ignore[arg-type]
        return EventTime(day - 3, day, True, True, True)
    if pub:
        lo, hi = _month_bounds(pub[0], pub[1])
        return EventTime(lo - 7, hi, False, True, True)
    # A day from years before the newest year the report names is background (a photo caption, an
    # earlier event), not this event's day.
    years = [int(y) for y in _YEAR.findall(text or "")] + [d.year for d in dates if d.year]
    newest = max(years) if years else None
    for d in dates:
        if d.day is None:
            continue
        if d.year and newest and d.year < newest - 1:
            continue
        if d.year:
            o = dt.date(d.year, d.month, d.day).toordinal()
            return EventTime(o - 1, o + 1, True, True)
        o = dt.date(_REF_YEAR, d.month, d.day).toordinal()
        return EventTime(o - 1, o + 1, True, False)
    return EventTime()


def ref_day(ordinal: int) -> int:
    """The same day and month in the reference year (for comparing dates whose year is unknown)."""
    return _to_ref(ordinal)


def combine(times: list[EventTime]) -> EventTime:
    """A cluster's time: the median of its members' day-level estimates (one wrong date among
    several does not move it), else their month-level bounds, else unknown."""
    for exact in (True, False):
        for known in (True, False):
            sel = [t for t in times if t.lo is not None and t.exact == exact and t.year_known == known]
            if sel:
                los = sorted(t.lo for t in sel if t.lo is not None)  # all of sel: lo and hi are set together
                his = sorted(t.hi for t in sel if t.hi is not None)
                mid = len(sel) // 2
                return EventTime(los[mid], his[mid], exact, known, all(t.reliable for t in sel))
    return EventTime()
