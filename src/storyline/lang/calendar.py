"""The calendar in every language storyline reads: month and weekday names, relative days, the
corpus date marker, and the views of them that each stage looks words up in.

Kept in one place so that a month added here (a Hindi spelling, an unaccented French form) reaches
the date finder, the number finder, grouping and the cross-check alike, and so that quantities
refuse "12" in "12 September" with the very same words that dates use to recognise it. Abbreviations only count with a trailing dot or a following day number
(the date finder checks that), because "Jan", "Mar" and "Sat" are also ordinary words and names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.lang.fold import fold, fold_word

# language -> the twelve month names as the language usually writes them (capitalised or not).
# Russian has two rows (genitive "7 февраля" and nominative); Greek is the genitive without accents,
# the form grouping's folded text shows.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"),
    "hi": ("जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"),
    "mr": ("जानेवारी", "फेब्रुवारी", "मार्च", "एप्रिल", "मे", "जून", "जुलै", "ऑगस्ट", "सप्टेंबर", "ऑक्टोबर", "नोव्हेंबर",
           "डिसेंबर"),
    "bn": ("জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর",
           "ডিসেম্বর"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
           "декабря"),
    "ru-nominative": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                      "ноябрь", "декабрь"),
    "el": ("ιανουαριου", "φεβρουαριου", "μαρτιου", "απριλιου", "μαιου", "ιουνιου", "ιουλιου", "αυγουστου",
           "σεπτεμβριου", "οκτωβριου", "νοεμβριου", "δεκεμβριου"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
}

# Other spellings met in text: regional ("Jänner", "setiembre"), unaccented, or with a nukta / half-form.
MONTH_VARIANTS: dict[str, dict[str, int]] = {
    "de": {"Jänner": 1},
    "es": {"setiembre": 9},
    "fr": {"fevrier": 2, "aout": 8, "decembre": 12},
    "hi": {"फ़रवरी": 2, "सितम्बर": 9, "अक्तूबर": 10, "नवम्बर": 11, "दिसम्बर": 12},
}

# Abbreviations: need a dot or a following day number to count ("Jan", "Mar" are also words and names).
MONTH_ABBREVIATIONS: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {1: ("Jan",), 2: ("Feb",), 3: ("Mar",), 4: ("Apr",), 6: ("Jun",), 7: ("Jul",), 8: ("Aug",),
           9: ("Sep", "Sept"), 10: ("Oct",), 11: ("Nov",), 12: ("Dec",)},
    "de": {10: ("Okt",), 12: ("Dez",)},
}

# --- the analyzers' view: names as written (any case), in the languages they read dates in -------

ANALYZED_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "hi")


def _written_names() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {n: [] for n in range(1, 13)}
    for lang in ANALYZED_LANGUAGES:
        for i, name in enumerate(MONTH_NAMES[lang]):
            out[i + 1].append(name)
        for name, n in MONTH_VARIANTS.get(lang, {}).items():
            out[n].append(name)
    return {n: tuple(names) for n, names in out.items()}


# month number -> full names (any of the analyzed languages)
_MONTHS: dict[int, tuple[str, ...]] = _written_names()
# abbreviations: need a dot or a following day number to count
_MONTH_ABBR: dict[int, tuple[str, ...]] = {}
for _lang_abbr in MONTH_ABBREVIATIONS.values():
    for _n, _abbrs in _lang_abbr.items():
        _MONTH_ABBR[_n] = _MONTH_ABBR.get(_n, ()) + _abbrs

# Weekday names, Monday first, one row per language (written as the language writes them), and the
# spellings without accents that reports also use.
WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"),
    "hi": ("सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"),
}
_WEEKDAY_VARIANTS: dict[int, tuple[str, ...]] = {
    0: ("lunedi",), 1: ("martedi",), 2: ("miercoles", "mercoledi"), 3: ("giovedi",), 4: ("venerdi",),
    5: ("sabado", "Sonnabend"),
}


def _weekdays() -> dict[int, tuple[str, ...]]:
    """weekday number (Monday=0) -> its names in every language, English first, each name once."""
    out: dict[int, tuple[str, ...]] = {}
    for n in range(7):
        names = [row[n] for row in WEEKDAY_NAMES.values()] + list(_WEEKDAY_VARIANTS.get(n, ()))
        out[n] = tuple(dict.fromkeys(names))
    return out


_WEEKDAYS = _weekdays()

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


def _alt(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


FULL_MONTH_ALT = _alt({n for names in _MONTHS.values() for n in names})
ABBR_MONTH_ALT = _alt({n for names in _MONTH_ABBR.values() for n in names})
WEEKDAY_ALT = _alt({n for names in _WEEKDAYS.values() for n in names})

# "September", "Sept.", "Sep" (the caller decides whether a bare abbreviation is acceptable)
MONTH_PATTERN = rf"(?:{FULL_MONTH_ALT}|(?:{ABBR_MONTH_ALT})\.?)"

MONTH_WORD_RE = re.compile(rf"(?<!\w)(?:{FULL_MONTH_ALT}|(?:{ABBR_MONTH_ALT})\.)(?!\w)", re.IGNORECASE)
CALENDAR_WORDS = frozenset(MONTH_BY_NAME) | frozenset(WEEKDAY_BY_NAME)


# English month and weekday names as a sentence writes them, abbreviations with their dot ("Sept.").
ENGLISH_CALENDAR_NAMES = frozenset(
    [*MONTH_NAMES["en"]]
    + [a + "." for names in MONTH_ABBREVIATIONS["en"].values() for a in names]
    + [names[0] for names in _WEEKDAYS.values()]
)
# English month and weekday names, lower case, with the month abbreviations: the words that make a
# line a timestamp or keep a capitalised word from being a name in English text.
ENGLISH_MONTH_AND_DAY_NAMES = frozenset(
    [name.lower() for name in MONTH_NAMES["en"]]
    + [a.lower() for names in MONTH_ABBREVIATIONS["en"].values() for a in names]
    + [names[0].lower() for names in _WEEKDAYS.values()]
)
# ... and as a regex alternation, with the three-letter weekdays ("Thu") of datelines and bylines.
ENGLISH_CALENDAR_WORD_ALT = "|".join(
    sorted(ENGLISH_MONTH_AND_DAY_NAMES | {names[0][:3].lower() for names in _WEEKDAYS.values()}, key=len,
           reverse=True)
)


def month_number(word: str) -> int | None:
    """1..12 for a month name or abbreviation (with or without its dot), else None."""
    return MONTH_BY_NAME.get(word.rstrip(".").lower())


def weekday_number(word: str) -> int | None:
    """0 (Monday) .. 6 for a weekday name, else None."""
    return WEEKDAY_BY_NAME.get(word.lower())


# --- month names as the other stages look them up ------------------------------------------------

# Grouping reads folded text (lang.fold.fold: lower case, Latin accents dropped), in every language it
# groups. Latin rows are folded here; the other rows are kept as written, which is how folded text
# shows them (except Cyrillic "й", which the fold splits: "май" in folded text does not match).
_GROUPED_LATIN = ("en", "es", "pt", "it", "fr", "de")
_GROUPED_OTHER = ("hi", "mr", "bn", "ru", "ru-nominative", "el", "ar")


def _grouping_months() -> dict[str, int]:
    out: dict[str, int] = {}
    for n, name in enumerate(MONTH_NAMES["en"], 1):
        out.setdefault(fold(name), n)
    for n, abbrs in MONTH_ABBREVIATIONS["en"].items():
        for name in abbrs:
            out.setdefault(fold(name), n)
    for lang in _GROUPED_LATIN[1:]:
        for n, name in enumerate(MONTH_NAMES[lang], 1):
            out.setdefault(fold(name), n)
    for lang in _GROUPED_OTHER:
        for n, name in enumerate(MONTH_NAMES[lang], 1):
            out.setdefault(name, n)
    return out


# folded month name -> 1..12, and its regex alternation (longest first)
FOLDED_MONTHS: dict[str, int] = _grouping_months()
FOLDED_MONTH_ALT = "|".join(sorted((re.escape(m) for m in FOLDED_MONTHS), key=len, reverse=True))

# The cross-check folds words with every mark dropped (fold_word) and reads the five European
# languages of its anchors; English abbreviations count, German ones do not.
WORD_MONTHS: dict[str, int] = {
    fold_word(name): n
    for lang in ("en", "es", "fr", "de", "it")
    for n, name in enumerate(MONTH_NAMES[lang], 1)
} | {fold_word(a): n for n, names in MONTH_ABBREVIATIONS["en"].items() for a in names}

# Month names that are also ordinary words ("may", "march", "mars" the planet, "mai"), by how much
# evidence each reader wants before it takes one as a month:
# the cross-check takes these only capitalised ...
MONTHS_ONLY_CAPITALISED = frozenset({"may", "march", "mar", "mai", "jan", "jun", "jul", "aug", "sept", "sep",
                                     "oct", "nov", "dec", "feb", "apr", "mars"})
# ... the date finder only with a cue ("in May", "since March") ...
MONTHS_NEEDING_A_CUE = frozenset({"may", "march", "august", "mars", "mai", "marzo"})
# ... and the number finder does not let them, written in lower case, hide a number beside them.
MONTHS_OFTEN_WORDS = frozenset({"may", "march", "mars", "mai"})


def is_month_word(token: str, folded: str) -> bool:
    """The cross-check's month test on a token and its fold_word: short or ambiguous month names
    ("May", "Mar") only when capitalised."""
    return folded in WORD_MONTHS and (folded not in MONTHS_ONLY_CAPITALISED or token[0].isupper())


# "12 September" but not "may 12": a month beside a number, as the number finder reads it.
def is_month_beside_number(word: str) -> bool:
    return month_number(word) is not None and word.rstrip(".") not in MONTHS_OFTEN_WORDS


# --- relative days, weeks, months and years ----------------------------------------------------

# phrase -> (language, unit, offset); unit: day, week, month, year
RELATIVE_PHRASES: dict[str, tuple[str, str, int]] = {}


def _rel(lang: str, kind: str, offset: int, *phrases: str) -> None:
    for p in phrases:
        RELATIVE_PHRASES[p.lower()] = (lang, kind, offset)


_rel("en", "day", 0, "today", "tonight", "this morning", "this afternoon", "this evening", "earlier today")
_rel("en", "day", -1, "yesterday", "last night")
_rel("en", "day", 1, "tomorrow")
_rel("en", "week", 0, "this week", "earlier this week", "later this week")
_rel("en", "week", -1, "last week", "past week", "the previous week")
_rel("en", "week", 1, "next week")
_rel("en", "month", 0, "this month", "earlier this month", "later this month", "earlier in the month")
_rel("en", "month", -1, "last month", "the previous month")
_rel("en", "month", 1, "next month")
_rel("en", "year", 0, "this year", "earlier this year", "later this year")
_rel("en", "year", -1, "last year", "the previous year")
_rel("en", "year", 1, "next year")
_rel("es", "day", 0, "hoy", "este lunes")
_rel("es", "day", -1, "ayer")
_rel("es", "day", 1, "mañana")
_rel("es", "week", 0, "esta semana")
_rel("es", "week", -1, "la semana pasada")
_rel("es", "week", 1, "la próxima semana", "la semana que viene")
_rel("es", "month", 0, "este mes", "a principios de este mes")
_rel("es", "month", -1, "el mes pasado")
_rel("es", "month", 1, "el próximo mes", "el mes que viene")
_rel("es", "year", 0, "este año")
_rel("es", "year", -1, "el año pasado")
_rel("es", "year", 1, "el próximo año", "el año que viene")
_rel("fr", "day", 0, "aujourd'hui", "aujourd’hui", "ce matin", "ce soir")
_rel("fr", "day", -1, "hier")
_rel("fr", "day", 1, "demain")
_rel("fr", "week", 0, "cette semaine")
_rel("fr", "week", -1, "la semaine dernière")
_rel("fr", "week", 1, "la semaine prochaine")
_rel("fr", "month", 0, "ce mois-ci", "plus tôt ce mois-ci")
_rel("fr", "month", -1, "le mois dernier")
_rel("fr", "month", 1, "le mois prochain")
_rel("fr", "year", 0, "cette année")
_rel("fr", "year", -1, "l'année dernière", "l’année dernière", "l'an dernier", "l’an dernier")
_rel("fr", "year", 1, "l'année prochaine", "l’année prochaine", "l'an prochain", "l’an prochain")
_rel("de", "day", 0, "heute")
_rel("de", "day", -1, "gestern")
_rel("de", "day", 1, "morgen")
_rel("de", "week", 0, "diese Woche", "in dieser Woche")
_rel("de", "week", -1, "vergangene Woche", "letzte Woche", "in der vergangenen Woche", "vergangener Woche")
_rel("de", "week", 1, "nächste Woche", "kommende Woche")
_rel("de", "month", 0, "diesen Monat", "in diesem Monat", "Anfang des Monats")
_rel("de", "month", -1, "vergangenen Monat", "letzten Monat", "im vergangenen Monat", "im Vormonat")
_rel("de", "month", 1, "nächsten Monat", "im kommenden Monat")
_rel("de", "year", 0, "dieses Jahr", "in diesem Jahr", "dieses Jahres")
_rel("de", "year", -1, "letztes Jahr", "vergangenes Jahr", "im vergangenen Jahr", "im Vorjahr", "vergangenen Jahres")
_rel("de", "year", 1, "nächstes Jahr", "im kommenden Jahr")
_rel("it", "day", 0, "oggi")
_rel("it", "day", -1, "ieri")
_rel("it", "day", 1, "domani")
_rel("it", "week", -1, "la settimana scorsa")
_rel("it", "month", -1, "il mese scorso")
_rel("it", "year", 0, "quest'anno", "quest’anno")
_rel("it", "year", -1, "l'anno scorso", "l’anno scorso")
_rel("hi", "day", 0, "आज")
_rel("hi", "year", -1, "पिछले साल")


# --- the corpus date marker ------------------------------------------------------------------

# The dev corpus excerpts start with " date 2024-06-06 " (or just a month): a search-tool marker.
# ``end`` is the whitespace after it, or the end of the text; None when a letter or digit follows.
DATE_MARKER = re.compile(
    r"^\s*date (?P<date>(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)(?P<end>\s+|$)?"
)


def match_date_marker(text: str) -> re.Match[str] | None:
    """The marker at the start of ``text`` when it stands alone (whitespace or the end after it), as the
    reader removes it; group 1 (``date``) is "YYYY-MM" or "YYYY-MM-DD"."""
    m = DATE_MARKER.match(text)
    return m if m is not None and m.group("end") is not None else None


def strip_date_marker(text: str) -> str:
    """``text`` without a leading date marker and the spaces after it."""
    m = DATE_MARKER.match(text)
    return text[m.end() :] if m else text


# An English agency dateline's date ("BRIDGETOWN, June 6 (AP) —"): an abbreviation, its rest, a day.
DATELINE_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?"


# Weekday names as grouping folds them (lowercase, Latin/Greek accents removed), Monday = 0: the
# weekday a report names tells two instances of one recurring event apart (group/instance.py).
FOLDED_WEEKDAYS: dict[int, str] = {
    0: "monday lunes lundi montag lunedi segunda-feira सोमवार সোমবার понедельник δευτερα الاثنين",
    1: "tuesday martes mardi dienstag martedi terca-feira मंगलवार মঙ্গলবার вторник τριτη الثلاثاء",
    2: "wednesday miercoles mercredi mittwoch mercoledi quarta-feira बुधवार বুধবার среду среда τεταρτη الأربعاء",
    3: "thursday jueves jeudi donnerstag giovedi quinta-feira गुरुवार বৃহস্পতিবার четверг πεμπτη الخميس",
    4: "friday viernes vendredi freitag venerdi sexta-feira शुक्रवार শুক্রবার пятницу пятница παρασκευη الجمعة",
    5: "saturday sabado samedi samstag sonnabend sabato शनिवार শনিবার субботу суббота σαββατο السبت",
    6: "sunday domingo dimanche sonntag domenica रविवार রবিবার воскресенье κυριακη الأحد",
}


# A clock named beside a date ("Sunday (NZ time)", "local time", "IST", "heure de Paris"): the day is
# that zone's, and a report in another zone can put the same moment on the next or previous day.
TIME_ZONE = re.compile(
    r"\b(?:[A-Z]{1,4} time|local time|(?:[A-Z][a-z]+ )?(?:standard|daylight) time|"
    r"(?:GMT|UTC|BST|CET|CEST|EET|IST|PKT|JST|KST|AEST|AEDT|NZST|NZDT|ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT)"
    r"(?:[+-]\d{1,2})?|hora local|heure locale|heure de \w+|hora de \w+|Ortszeit|"
    r"(?:deutscher|MEZ|MESZ) Zeit|MEZ|MESZ|ora locale|ora italiana)\b")


def names_time_zone(text: str) -> bool:
    """Whether ``text`` (the words around a date) names the clock the date is read on."""
    return bool(TIME_ZONE.search(text))
