"""figure_forms: the other forms one figure takes in other reports, so that unique_fact does not
take a figure written differently for a figure no other report gives.

Reports of one story write the same figure in different ways: grouped the way their language groups
digits ("17.000" or "17 000" in a French report is the English "17,000"), with a scale word ("33 mil
trabalhadores" is "33,000 workers"; "2.5 lakh crore"), or rounded ("16 Prozent" for 16.4 percent,
"nearly 3,000 acres" for 2,921 acres). The last digits of a fiscal year ("FY24", "financial
year 2025-26") name a year, not a figure of the story. And a figure of three significant
digits or more ("28.5", "517", "2,921") found anywhere in the story is the same fact by itself: such
a figure is rarely given twice by chance.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from storyline.lang.numbers import SCALE_RE, SCALE_VALUES, number_key, parse_number_any_language

# A number written with dots grouping thousands ("17.000", "1.200.000"): read anywhere as a decimal
# ("17.000" as 17), it is the grouped figure in the languages that group with a dot.
_DOT_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?![\d.,]*\d)")
# A number grouped with spaces ("23 000", "1 200 000", also with a no-break or a narrow space), as
# French and other languages write thousands: read word by word, it is 23 and 0.
_SPACE_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?![\d.,]*\d)")
# A number and the scale word after it ("33 mil", "2.5 lakh crore", "29.4 billion").
_SCALE = SCALE_RE.pattern.replace("(?P<scale>", "(")
_SCALED = re.compile(rf"(?<![\d.,])(\d+(?:[.,]\d+)?)(?:{_SCALE})(?:{_SCALE})?", re.IGNORECASE)
# "FY24", "FY'25": a fiscal year by its last two digits; "2025-26" where the sentence says it is a
# fiscal year ("fiscal", "financial year", "वित्तीय वर्ष", "Geschäftsjahr", "ejercicio", "exercice").
# A season ("2018-19") stays: which seasons a sentence names can be the fact.
_FISCAL_YEAR = re.compile(r"\bFY\s?['’]?(\d{2}|\d{4})\b")
_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)[-–/](\d\d)\b")
_FISCAL_WORDS = re.compile(r"\bfiscal|\bfinancial year|वित्तीय वर्ष|वित्त वर्ष|gesch[äa]ftsjahr|haushaltsjahr|"
                           r"ejercicio|exercice|esercizio", re.IGNORECASE)
# Rounding: the rounded figure keeps at least this many significant digits, unless it is a round
# thousand or more ("3,000"); "20" is no rounding of 24.
MIN_ROUNDED_DIGITS = 2
ROUND_THOUSANDS = 1000.0
MIN_DISTINCTIVE_DIGITS = 3


def figure_key(value: float) -> str:
    """The anchor key of a figure ("num:17000"), as check/text.py's anchors write it."""
    return f"num:{number_key(value)}"


def other_readings(text: str) -> dict[str, set[str]]:
    """For each number key a sentence's words give (see check.text.anchors), the keys of the same
    figure written another way: grouped with dots ("17.000": num:17 -> num:17000) or spaces ("23 000":
    num:23 -> num:23000), or scaled by the word after it ("33 mil": num:33 -> num:33000)."""
    out: dict[str, set[str]] = {}
    for m in _DOT_GROUPED.finditer(text):
        read = parse_number_any_language(m.group(1))
        grouped = parse_number_any_language(m.group(1).replace(".", ""))
        if read is not None and grouped is not None and read != grouped:
            out.setdefault(figure_key(read), set()).add(figure_key(grouped))
    for m in _SPACE_GROUPED.finditer(text):
        head = parse_number_any_language(m.group(1))
        whole = parse_number_any_language(m.group(1) + re.sub(r"\D", "", m.group(2)))
        if head is not None and whole is not None:
            out.setdefault(figure_key(head), set()).add(figure_key(whole))
    for m in _SCALED.finditer(text):
        value = parse_number_any_language(m.group(1))
        scales = [s for s in m.groups()[1:] if s]
        factors = [SCALE_VALUES.get(s.lower()) for s in scales]
        if value is None or not factors or any(f is None for f in factors):
            continue
        scaled = value
        for f in factors:
            scaled *= f or 1.0
        out.setdefault(figure_key(value), set()).add(figure_key(scaled))
    return out


def group_tails(text: str) -> set[str]:
    """The number keys of the trailing groups of a number grouped with spaces ("23 000": num:0), which
    are no figures of their own."""
    return {figure_key(float(group)) for m in _SPACE_GROUPED.finditer(text) for group in re.findall(r"\d{3}", m.group(2))}


def all_keys(text: str) -> set[str]:
    """Every other reading of the sentence's figures (``other_readings``), as keys another report's
    sentence can be found by."""
    return {key for keys in other_readings(text).values() for key in keys}


def fiscal_year_digits(text: str) -> set[str]:
    """The number keys that are a fiscal year's last two digits ("FY24": num:24)."""
    out = {figure_key(float(m.group(1))) for m in _FISCAL_YEAR.finditer(text) if len(m.group(1)) == 2}
    if _FISCAL_WORDS.search(text):
        out |= {figure_key(float(m.group(2))) for m in _YEAR_SPAN.finditer(text)}
    return out


def fiscal_years(text: str) -> set[str]:
    """The years a fiscal year or a span of years names, as the keys a year written in full has ("FY26"
    is "num:2026"; "2025-26" is 2025 and 2026), so that a report writing "FY 2026" gives no new year."""
    out = set()
    for m in _FISCAL_YEAR.finditer(text):
        year = m.group(1)
        out.add(f"num:{'20' + year if len(year) == 2 else year}")
    for m in _YEAR_SPAN.finditer(text):
        out |= {f"num:{m.group(1)}", f"num:{m.group(1)[:2]}{m.group(2)}"}
    return out


def _significant(value: float) -> str:
    """The significant digits of a figure: 2921 -> "2921", 3000 -> "3", 28.5 -> "285", 2.5e12 -> "25"."""
    mantissa = f"{abs(value):.6e}".partition("e")[0]
    return mantissa.replace(".", "").rstrip("0") or "0"


def distinctive(key: str) -> bool:
    """Whether a figure has three significant digits or more ("28.5", "517", "2,921"): given twice in
    one story, it is one fact, whatever the words beside it."""
    try:
        value = float(key[len("num:"):])
    except ValueError:
        return False
    return len(_significant(value)) >= MIN_DISTINCTIVE_DIGITS


def _rounds(rounded: float, exact: float) -> bool:
    """Whether ``rounded`` is ``exact`` rounded to the significant digits ``rounded`` keeps."""
    if rounded <= 0 or exact <= 0 or rounded == exact:
        return False
    digits = len(_significant(rounded))
    if digits < MIN_ROUNDED_DIGITS and rounded < ROUND_THOUSANDS:
        return False
    return number_key(float(f"{exact:.{digits}g}")) == number_key(rounded)


class FigureIndex:
    """A story's number keys sorted by value, to find a figure's roundings among them."""

    def __init__(self, keys: set[str]) -> None:
        pairs = []
        for key in keys:
            if key.startswith("num:"):
                try:
                    pairs.append((float(key[4:]), key))
                except ValueError:
                    continue
        pairs.sort()
        self.values = [v for v, _ in pairs]
        self.keys = [k for _, k in pairs]

    def roundings(self, key: str) -> list[str]:
        """The keys that round ``key`` or that ``key`` rounds (16 and 16.4; 3000 and 2921)."""
        try:
            value = float(key[4:])
        except ValueError:
            return []
        if value <= 0:
            return []
        lo, hi = bisect_left(self.values, value * 0.9), bisect_right(self.values, value * 1.1)
        return [self.keys[i] for i in range(lo, hi)
                if _rounds(value, self.values[i]) or _rounds(self.values[i], value)]
