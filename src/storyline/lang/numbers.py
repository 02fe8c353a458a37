"""Numbers as news writes them: digits with decimal commas or points and thousands separators (in
any script's digits), number words, and scale words (million, milliard, lakh, crore ...).

One reader of separators serves every stage. Stages differ only in what they know: the number
finder knows the report's language ("1.200" is 1200 in German), the cross-check compares reports
of many languages and reads a comma before three final digits as grouping, and grouping wants a
canonical token and drops what it cannot read for sure. Each is a small named rule below over the
same core: find which separator, if any, is the decimal mark, then drop the others.
"""

from __future__ import annotations

import re

# Languages that write 1.200 for a thousand and 3,75 for a decimal.
COMMA_DECIMAL = frozenset({"de", "fr", "es", "it", "pt", "nl", "el", "ru", "pl", "tr", "ro", "cs", "da", "sv", "no",
                           "fi"})
# Languages that also group thousands with a space ("1 200").
SPACE_GROUPED = frozenset({"fr", "de", "es", "it", "pt", "ru", "pl", "cs", "sv", "no", "fi"})


# A number written in digits, with its grouping and decimal part, as the number finder scans for it
# (NUMERAL_RE_SPACE_GROUPED also accepts "1 200" for the languages in SPACE_GROUPED).
# Digit-first patterns: a leading lookbehind or alternation would make the engine try every position.
_GROUPED_DIGITS = r"(?:(?:,\d{3})+|(?:,\d{2})+,\d{3}|(?:\.\d{3})+|(?:[\u00a0\u202f]\d{3})+)"
NUMERAL_RE = re.compile(rf"\d(?<![\w.,]\d)(?:\d{{0,2}}{_GROUPED_DIGITS}(?:[.,]\d+)?|\d*(?:[.,]\d+)?)(?![.,]?\d)")
NUMERAL_RE_SPACE_GROUPED = re.compile(
    rf"\d(?<![\w.,]\d)(?:\d{{0,2}}(?: \d{{3}})+(?![\d.,])(?:,\d+)?|\d{{0,2}}{_GROUPED_DIGITS}(?:[.,]\d+)?|\d*(?:[.,]\d+)?)(?![.,]?\d)"
)

# language -> number words the number finder reads ("one" is left out: it is mostly an article)
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    },
    "es": {
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
        "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
        "cien": 100,
    },
    "fr": {
        "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
        "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
        "cent": 100,
    },
    "de": {
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
        "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "hundert": 100,
    },
    "it": {
        "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
        "venti": 20, "trenta": 30, "cento": 100,
    },
}

ENGLISH_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}

# How many units "ago" ("two weeks ago", "a month ago"): the date finder's English counts.
SMALL_ENGLISH_COUNTS: dict[str, int] = {"a": 1} | {w: v for w, v in NUMBER_WORDS["en"].items() if v <= 10}

# Number words read without knowing the language (the cross-check's anchors): the common ones of
# five languages, leaving out words that are ordinary words elsewhere ("once", "due", "tre", "elf").
_ANY_LANGUAGE = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty fifty hundred
    dos tres cuatro cinco seis siete ocho nueve diez deux trois quatre cinq sept huit neuf dix
    zwei drei vier fünf sechs sieben acht neun zehn quattro sei sette otto nove dieci""".split()
)
ANY_LANGUAGE_NUMBER_WORDS: dict[str, int] = {"one": 1} | {
    word: value for table in NUMBER_WORDS.values() for word, value in table.items() if word in _ANY_LANGUAGE
}

# Tens written as words, which the table above leaves out where they are ordinary words elsewhere, and
# approximate counts ("une trentaine", "una treintena", "a dozen"): each stands for its round number
# when a cross-check asks whether another report gives a figure in other words (check.restated).
_ROUND_COUNTS: dict[int, tuple[str, ...]] = {
    10: ("dizaine", "decena", "decina"),
    12: ("dozen", "douzaine", "docena", "dozzina", "dutzend"),
    20: ("twenty", "vingt", "veinte", "venti", "zwanzig", "vinte", "vingtaine", "veintena", "ventina"),
    30: ("thirty", "trente", "treinta", "trenta", "dreißig", "dreissig", "trinta", "trentaine", "treintena",
         "trentina"),
    40: ("forty", "quarante", "cuarenta", "quaranta", "vierzig", "quarenta", "quarantaine", "cuarentena",
         "quarantina"),
    50: ("fifty", "cinquante", "cincuenta", "cinquanta", "fünfzig", "funfzig", "cinquenta", "cinquantaine",
         "cincuentena", "cinquantina"),
    60: ("sixty", "soixante", "sesenta", "sessanta", "sechzig", "sessenta", "soixantaine", "sessantina"),
    100: ("hundred", "cent", "cien", "cento", "hundert", "centaine", "centenar", "centinaio"),
}
ROUND_COUNT_WORDS: dict[str, int] = {word: value for value, words in _ROUND_COUNTS.items() for word in words}

# Scale words after a number ("3.5 million", "2 crore", "1,2 Mrd."). Their values below; "billion" is
# 1e12 in German and "mille" a thousand only in French (the number finder decides).
SCALE_RE = re.compile(
    r"[ \u00a0]?(?P<scale>thousand|millions?|billions?|trillions?|mn|bn|tn|crores?|lakhs?|lacs?|cr\b"
    r"|mil millones|millones|millón|billones|billón|mil(?=\s)"
    r"|milliards?|mille|Mds?\b|Md\b"
    r"|Tausend|Millionen|Million|Mio\.?|Milliarden|Milliarde|Mrd\.?|Billionen"
    r"|mila|milioni|milione|miliardi|miliardo"
    r"|हज़ार|हजार|लाख|करोड़|करोड|अरब"
    r"|[mbk](?![\w]))(?![\w])",
)
SCALE_VALUES = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    "trillions": 1e12, "mn": 1e6, "bn": 1e9, "tn": 1e12, "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "mil millones": 1e9, "millones": 1e6,
    "millón": 1e6, "billones": 1e12, "billón": 1e12, "mil": 1e3, "milliard": 1e9, "milliards": 1e9,
    "mille": 1e3, "md": 1e9, "mds": 1e9, "tausend": 1e3, "millionen": 1e6, "mio.": 1e6, "milliarden": 1e9,
    "milliarde": 1e9, "mrd.": 1e9, "mrd": 1e9, "mio": 1e6, "billionen": 1e12, "mila": 1e3, "milioni": 1e6, "milione": 1e6,
    "miliardi": 1e9, "miliardo": 1e9, "हज़ार": 1e3, "हजार": 1e3, "लाख": 1e5, "करोड़": 1e7, "करोड": 1e7,
    "अरब": 1e9, "m": 1e6, "b": 1e9, "k": 1e3,
}


_SEPARATORS = ",."


def _with_decimal_at(raw: str, decimal_at: int | None) -> str:
    """``raw`` with every separator dropped except the one at ``decimal_at``, which becomes ".": the core
    every rule below ends in."""
    return "".join(
        "." if i == decimal_at else ch for i, ch in enumerate(raw) if ch not in _SEPARATORS or i == decimal_at
    )


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _mixed_separators(s: str) -> float | None:
    """"1.234,5" and "1,234.5": the later separator is the decimal mark; a decimal mark occurs once."""
    mark = "," if s.rfind(",") > s.rfind(".") else "."
    if s.count(mark) > 1:
        return None
    return _float(_with_decimal_at(s, s.rfind(mark)))


def _thousands_groups(groups: list[str]) -> bool:
    """"1,234,567" / "12.345": one to three leading digits, then groups of exactly three."""
    return all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3


def parse_number(raw: str, lang: str | None = None) -> float | None:
    """Read a number as written in a report of language ``lang``, deciding "," and "." by language
    and digit grouping.

    "1,200" is 1200 in English and 1.2 in German; "1.200" the other way round; "3,75" is 3.75 anywhere
    (a comma followed by other than three digits is a decimal comma); Indian "1,20,000" is 120000.
    Spaces used as thousands separators are ignored.
    """
    s = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not s:
        return None
    comma_decimal = (lang or "en") in COMMA_DECIMAL
    if "," in s and "." in s:
        return _mixed_separators(s)
    decimal_at: int | None = None
    if "," in s:
        groups = s.split(",")
        thousands = _thousands_groups(groups)
        indian = len(groups) > 2 and len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1])
        grouped = (thousands and (not comma_decimal or len(groups) > 2)) or indian
        if not grouped and len(groups) == 2:
            decimal_at = s.index(",")
    elif "." in s:
        groups = s.split(".")
        if not (len(groups) > 2 or (_thousands_groups(groups) and comma_decimal)):
            decimal_at = s.find(".")
    return _float(_with_decimal_at(s, decimal_at))


def parse_number_any_language(raw: str) -> float | None:
    """Read "1,200", "3,75" (decimal comma), "28.5" or "4.972" without knowing the language.

    The cross-check compares reports in several languages at once, so it reads a comma before exactly
    three final digits as grouping and any other last comma as the decimal mark; several dots group.
    """
    if "," in raw and "." in raw:
        return _mixed_separators(raw)
    decimal_at: int | None = None
    if "," in raw:
        if len(raw) - raw.rfind(",") - 1 != 3:
            decimal_at = raw.rfind(",")
    elif raw.count(".") == 1:
        decimal_at = raw.find(".")
    return _float(_with_decimal_at(raw, decimal_at))


def number_key(value: float) -> str:
    """A canonical string for a number, so 19 and 19.0 and "19,0" compare equal."""
    return f"{value:.6g}"


def number_token(raw: str) -> str | None:
    """A canonical decimal string for grouping: '2,921' -> '2921', '6,25' -> '6.25', '6.50' -> '6.5',
    '1.200' -> '1200'. None for what cannot be read for sure ("1.234,5", "1,2,3").

    Digits only (fold other scripts' digits first); separators followed by three-digit groups group
    thousands, a single other separator is the decimal mark.
    """
    groups = raw.replace(",", ".").split(".")
    if len(groups) == 1 or _thousands_groups(groups):
        decimal_at = None
    elif len(groups) == 2:
        decimal_at = len(groups[0])
    else:
        return None
    digits, _, frac = _with_decimal_at(raw, decimal_at).partition(".")
    digits = digits.lstrip("0") or "0"
    frac = frac.rstrip("0")
    return f"{digits}.{frac}" if frac else digits


# A number, with thousands separators or a decimal part; compounds such as 6-4 or 176/7 kept whole.
_NUMBER_OR_COMPOUND = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?:\s?([-/])\s?(\d+(?:[.,]\d+)?))?(?![\w])")


def number_tokens(text: str) -> list[str]:
    """Grouping's number tokens in ``text`` (digits already folded): each number_token, and for a
    compound of two short numbers ("6-4", "176/7") the compound and its second number too."""
    out: list[str] = []
    for m in _NUMBER_OR_COMPOUND.finditer(text):
        a = number_token(m.group(1))
        if a is None:
            continue
        if m.group(3):
            b = number_token(m.group(3))
            if b is not None and len(a) <= 4 and len(b) <= 4:
                out.append(f"{a}{m.group(2)}{b}")
                out.append(b)
        out.append(a)
    return out


# Ordinals 2..12 that count an event's instance ("the sixth eruption"; group/instance.py), folded, in
# several languages. Not "first" ("the first cut since 2020" counts nothing that tells events apart),
# and not English "second", which is also a unit of time.
COUNTING_ORDINALS: dict[int, str] = {
    2: "2nd deuxieme 2e 2eme zweite zweiten segunda segundo seconda secondo दूसरी दूसरा দ্বিতীয়",
    3: "third 3rd troisieme 3e 3eme dritte dritten tercera tercer tercero terza terzo तीसरी तीसरा তৃতীয়",
    4: "fourth 4th quatrieme 4e 4eme vierte vierten cuarta cuarto quarta quarto चौथी चौथा চতুর্থ",
    5: "fifth 5th cinquieme 5e 5eme funfte funften quinta quinto पांचवीं पांचवी पाँचवीं पांचवां পঞ্চম",
    6: "sixth 6th sixieme 6e 6eme sechste sechsten sexta sexto sesta sesto छठी छठा ষষ্ঠ",
    7: "seventh 7th septieme 7e 7eme siebte siebten septima septimo settima settimo सातवीं सातवां সপ্তম",
    8: "eighth 8th huitieme 8e 8eme achte achten octava octavo ottava ottavo आठवीं आठवां অষ্টম",
    9: "ninth 9th neuvieme 9e 9eme neunte neunten novena noveno nona nono नौवीं नौवां নবম",
    10: "tenth 10th dixieme 10e 10eme zehnte zehnten decima decimo दसवीं दसवां দশম",
    11: "eleventh 11th onzieme 11e 11eme elfte elften undecima undecimo undicesima undicesimo",
    12: "twelfth 12th douzieme 12e 12eme zwolfte zwolften duodecima duodecimo dodicesima dodicesimo",
}

# An ordinal counts an event instance (group/instance.py, check/figure_sense.py) only when a counter word
# follows it closely ("sixth time", "ninth fissural event", "fifth meeting", "5e éruption"), not "third quarter".
COUNTED = frozenset(
    "time times eruption eruptions event events meeting flight launch test round cut hike strike "
    "fois reunion seance vol lancement essai mal ausbruch sitzung flug start vez erupcion vuelo "
    "lanzamiento volta eruzione riunione volo lancio बार बैठक বার বৈঠক".split()
)
# How many words after the ordinal the counter word may stand ("the fifth test flight").
COUNTER_REACH = 3
