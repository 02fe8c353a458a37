"""Month and weekday names in the languages storyline reads, shared by the date and number finders.

Kept in one place so that quantities can refuse "12" in "12 September" with the very same words that
dates use to recognise it. Abbreviations only count with a trailing dot or a following day number
(the date finder checks that), because "Jan", "Mar" and "Sat" are also ordinary words and names.
"""

from __future__ import annotations

import re

# month number -> names (full forms, any of en/es/fr/de/it/pt/hi)
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("January", "enero", "janvier", "Januar", "Jänner", "gennaio", "janeiro", "जनवरी"),
    2: ("February", "febrero", "février", "fevrier", "Februar", "febbraio", "fevereiro", "फरवरी", "फ़रवरी"),
    3: ("March", "marzo", "mars", "März", "março", "मार्च"),
    4: ("April", "abril", "avril", "aprile", "अप्रैल"),
    5: ("May", "mayo", "mai", "Mai", "maggio", "maio", "मई"),
    6: ("June", "junio", "juin", "Juni", "giugno", "junho", "जून"),
    7: ("July", "julio", "juillet", "Juli", "luglio", "julho", "जुलाई"),
    8: ("August", "agosto", "août", "aout", "अगस्त"),
    9: ("September", "septiembre", "setiembre", "septembre", "settembre", "setembro", "सितंबर", "सितम्बर"),
    10: ("October", "octubre", "octobre", "Oktober", "ottobre", "outubro", "अक्टूबर", "अक्तूबर"),
    11: ("November", "noviembre", "novembre", "novembro", "नवंबर", "नवम्बर"),
    12: ("December", "diciembre", "décembre", "decembre", "Dezember", "dicembre", "dezembro", "दिसंबर", "दिसम्बर"),
}

# abbreviations: need a dot or a following day number to count
_MONTH_ABBR: dict[int, tuple[str, ...]] = {
    1: ("Jan",),
    2: ("Feb",),
    3: ("Mar",),
    4: ("Apr",),
    6: ("Jun",),
    7: ("Jul",),
    8: ("Aug",),
    9: ("Sep", "Sept"),
    10: ("Oct", "Okt"),
    11: ("Nov",),
    12: ("Dec", "Dez"),
}

# weekday number (Monday=0) -> names
_WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("Monday", "lunes", "lundi", "Montag", "lunedì", "lunedi", "segunda-feira", "सोमवार"),
    1: ("Tuesday", "martes", "mardi", "Dienstag", "martedì", "martedi", "terça-feira", "मंगलवार"),
    2: ("Wednesday", "miércoles", "miercoles", "mercredi", "Mittwoch", "mercoledì", "mercoledi", "quarta-feira", "बुधवार"),
    3: ("Thursday", "jueves", "jeudi", "Donnerstag", "giovedì", "giovedi", "quinta-feira", "गुरुवार"),
    4: ("Friday", "viernes", "vendredi", "Freitag", "venerdì", "venerdi", "sexta-feira", "शुक्रवार"),
    5: ("Saturday", "sábado", "sabado", "samedi", "Samstag", "Sonnabend", "sabato", "शनिवार"),
    6: ("Sunday", "domingo", "dimanche", "Sonntag", "domenica", "रविवार"),
}

MONTH_BY_NAME: dict[str, int] = {}
# lowercased name -> whether its usual spelling is capitalised (True), lowercase (False) or both (None)
MONTH_CAPITALISED: dict[str, bool | None] = {}
for _n, _names in _MONTHS.items():
    for _name in _names:
        _key = _name.lower()
        MONTH_BY_NAME[_key] = _n
        _cap = _name[:1].isupper() if _name[:1].isalpha() and _name[:1].lower() != _name[:1].upper() else None
        if _key in MONTH_CAPITALISED and MONTH_CAPITALISED[_key] != _cap:
            MONTH_CAPITALISED[_key] = None
        else:
            MONTH_CAPITALISED[_key] = _cap
for _n, _names in _MONTH_ABBR.items():
    for _name in _names:
        MONTH_BY_NAME.setdefault(_name.lower(), _n)

WEEKDAY_BY_NAME: dict[str, int] = {}
for _n, _names in _WEEKDAYS.items():
    for _name in _names:
        WEEKDAY_BY_NAME[_name.lower()] = _n

# Abbreviated weekdays used in datelines ("Thu, June 6"); only with a following comma/dot.
WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}


def _alt(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


FULL_MONTH_ALT = _alt({n for names in _MONTHS.values() for n in names})
ABBR_MONTH_ALT = _alt({n for names in _MONTH_ABBR.values() for n in names})
WEEKDAY_ALT = _alt({n for names in _WEEKDAYS.values() for n in names})

# "September", "Sept.", "Sep" (the caller decides whether a bare abbreviation is acceptable)
MONTH_PATTERN = rf"(?:{FULL_MONTH_ALT}|(?:{ABBR_MONTH_ALT})\.?)"

MONTH_WORD_RE = re.compile(rf"(?<!\w)(?:{FULL_MONTH_ALT}|(?:{ABBR_MONTH_ALT})\.)(?!\w)", re.IGNORECASE)
CALENDAR_WORDS = frozenset(MONTH_BY_NAME) | frozenset(WEEKDAY_BY_NAME)


def month_number(word: str) -> int | None:
    """1..12 for a month name or abbreviation (with or without its dot), else None."""
    return MONTH_BY_NAME.get(word.rstrip(".").lower())


def weekday_number(word: str) -> int | None:
    """0 (Monday) .. 6 for a weekday name, else None."""
    return WEEKDAY_BY_NAME.get(word.lower())
