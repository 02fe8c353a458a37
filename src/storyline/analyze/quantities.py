"""Numbers with their units: money, percentages, counts, measures, ranges and changes.

Written by hand because general-purpose unit parsers misread news numbers (one averaged "24 %" for
"from 29 percent to 19 percent"). The method is lexical and fast: find every number token, look just
before it for a currency and just after it for a scale word, a currency, "%", a unit or a counted noun,
then join neighbours linked by "from … to", "to … from", "between … and" or a dash into one change or
range. Numbers that are really dates, clock times, years, phone numbers, versions ("Boeing 737", "G7",
"COVID-19"), scores ("6-4") or list numbering are not reported: a wrong number costs more than a missed one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.analyze._scan import find_words
from storyline.lang.calendar import MONTH_WORD_RE, is_month_beside_number, month_number
from storyline.lang.names import STOPWORDS
from storyline.lang.numbers import (
    COMMA_DECIMAL,
    NUMBER_WORDS,
    NUMERAL_RE,
    NUMERAL_RE_SPACE_GROUPED,
    SCALE_RE,
    SCALE_VALUES,
    SPACE_GROUPED,
    parse_number,
)
from storyline.lang.places import PLACES
from storyline.model import Quantity, Sentence

_EN_UNITS = {k: v for k, v in NUMBER_WORDS["en"].items() if v < 10}
_EN_TENS = {k: v for k, v in NUMBER_WORDS["en"].items() if v in (20, 30, 40, 50, 60, 70, 80, 90)}
_WORD_NUMBER_KEYS = {lang: frozenset(table) for lang, table in NUMBER_WORDS.items()}

_CURRENCY_PREFIX_RE = re.compile(
    r"(?P<cur>US\$|U\.S\.\s?\$|A\$|C\$|HK\$|S\$|NZ\$|\$|£|€|¥|₹|Rs\.?|INR|USD|EUR|GBP|JPY|CHF|CNY"
    r"|US [Dd]ollars?|U\.S\. dollars)[ \u00a0]?$"
)
_CURRENCY_PREFIX_CODES = {
    "us$": "USD", "u.s.$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "$": "USD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "usd": "USD",
    "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "cny": "CNY", "us dollars": "USD",
    "us dollar": "USD", "u.s. dollars": "USD",
}
_CURRENCY_SUFFIX_RE = re.compile(
    r"[ \u00a0]?(?:(?:de |d'|d’|di |of )?)(?P<cur>US dollars|U\.S\. dollars|dollars?|dólares|dollari|US-Dollar|Dollar"
    r"|euros?|Euro|pounds sterling|sterling|rupees|rupias|roupies|Rupien|yen|yuan|francs?|Franken"
    r"|रुपये|रुपए|डॉलर|USD|EUR|GBP|INR|€|\$|£)(?![\w])"
)
_CURRENCY_SUFFIX_CODES = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollar": "USD", "dollars": "USD", "dólares": "USD",
    "dollari": "USD", "us-dollar": "USD", "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "rupees": "INR", "rupias": "INR", "roupies": "INR", "rupien": "INR", "yen": "JPY",
    "yuan": "CNY", "franc": "CHF", "francs": "CHF", "franken": "CHF", "रुपये": "INR", "रुपए": "INR",
    "डॉलर": "USD", "usd": "USD", "eur": "EUR", "gbp": "GBP", "inr": "INR", "€": "EUR", "$": "USD", "£": "GBP",
}

_PERCENT_RE = re.compile(
    r"[ \u00a0]?(?:(?P<pp>percentage points?|per ?cent(?:age)? points?|Prozentpunkte?n?|points? de pourcentage"
    r"|puntos? porcentuales?|punti percentuali|प्रतिशत अंक)"
    r"|(?P<bp>basis points?|bps?|Basispunkte?n?|points? de base|puntos? básicos|punti base|बेसिस प्वाइंट|बेसिस पॉइंट"
    r"|आधार अंक|বেসিস পয়েন্ট)"
    r"|(?P<pct>%|percent|per cent|pct|pc|pour cent|por ciento|por cento|per cento|Prozent|प्रतिशत|फीसदी|फ़ीसदी"
    r"|শতাংশ))(?![\w])",
)

# measure units: canonical unit -> spellings
_UNITS: dict[str, tuple[str, ...]] = {
    "km/h": ("km/h", "kmh", "kph"),
    "mph": ("mph",),
    "l/m2": ("l/m²", "l/m2", "litros por metro cuadrado", "litres par mètre carré", "Liter pro Quadratmeter"),
    "km2": ("km²", "km2", "square kilometres", "square kilometers", "kilómetros cuadrados"),
    "km": ("km", "kilometres", "kilometers", "kilometre", "kilometer", "kilómetros", "kilómetro", "kilomètres",
           "kilomètre", "Kilometer", "Kilometern", "chilometri"),
    "m": ("metres", "meters", "metre", "meter", "metros", "mètres", "Meter", "Metern", "metri"),
    "mm": ("mm", "millimetres", "millimeters", "milímetros", "Millimeter"),
    "cm": ("cm", "centimetres", "centimeters", "centímetros", "Zentimeter"),
    "ft": ("ft", "feet", "foot", "pieds"),
    "mi": ("miles", "mile", "millas", "Meilen", "miglia"),
    "acre": ("acres", "acre"),
    "ha": ("hectares", "hectare", "hectáreas", "hectárea", "Hektar", "ettari", "ha"),
    "lb": ("lbs", "lb", "pounds", "pound", "libras"),
    "t": ("tonnes", "tons", "tonne", "ton", "toneladas", "tonelada", "Tonnen", "tonnellate"),
    "kg": ("kg", "kilograms", "kilogrammes", "kilos", "Kilogramm", "kilogramos"),
    "year": ("years", "year", "yrs", "años", "ans", "Jahre", "Jahren", "anni", "साल", "वर्ष"),
    "month": ("months", "month", "meses", "mois", "Monate", "Monaten", "mesi", "महीने"),
    "week": ("weeks", "week", "semanas", "semaines", "Wochen"),
    "day": ("days", "day", "días", "jours", "Tage", "Tagen", "giorni", "दिन"),
    "hour": ("hours", "hour", "hrs", "horas", "heures", "Stunden", "ore"),
    "minute": ("minutes", "minute", "mins", "minutos", "Minuten", "minuti"),
    "second": ("seconds", "secondes", "segundos", "Sekunden"),
}
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_UNIT_BY_SPELLING = {sp.lower(): unit for unit, sps in _UNITS.items() for sp in sps}
_UNIT_RE = re.compile(
    r"[ \u00a0]?(?P<unit>"
    + "|".join(re.escape(s) for s in sorted(_UNIT_BY_SPELLING, key=len, reverse=True))
    + r")(?![\w²])",
    re.IGNORECASE,
)
# units that must be written exactly (lower case) to count, since "M", "Ha", "Ans" are other things
_CASE_STRICT_UNITS = frozenset({"km", "mm", "cm", "ft", "lb", "lbs", "kg", "ha", "ans", "ore", "mph", "t"})
_AGE_RE = re.compile(r"-(?:year|yr)s?-old\b|-jährige[rn]?\b|\s?(?:ans|años)\b(?=\s*(?:,|\)))")
_COMPOUND_RE = re.compile(
    r"-(?P<unit>day|week|month|year|hour|minute|mile|kilometre|kilometer|km|foot|member|nation|storey|story|seat)"
    r"(?:-long)?\s+(?P<noun>[a-z][a-z-]{2,})\b"
)
_COMPOUND_UNITS = {"kilometre": "km", "kilometer": "km", "mile": "mi", "foot": "ft"}

_WORD_RE = re.compile(r"[ \u00a0]+(?P<w>[^\W\d_][\w’'-]*)")
_ADJ_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ful", "able", "ible", "less", "ish", "-dollar", "ed", "ing")
_ADJECTIVES = frozenset(
    "more new other additional further confirmed reported known civilian estimated registered "
    "nuevos nuevas otros otras personnes weitere neue mehr consecutive straight successive separate different "
    "major small large key".split()
)
# words after a number that are not what it counts
_NOT_NOUNS = frozenset(
    """of to and or in on at from by for with as than the a an per is are was were be been has have had
    will would could should may might that which who this these those its their his her our your it
    more less about around nearly almost over under up down off out after before since until into onto
    percent cent point points times time crore lakh year-on-year yoy
    said says say told died flew made took came went got gave saw left remain remained remains did do
    does can cannot also still now then there here all each both such not when while where because if but
    so including apiece avec sans dont pour contre comme mais sin como pero hasta desde tras entre gegen ohne
    nach seit wie als near across along inside outside behind beyond toward towards below above beneath
    within without under over against
    de del la las los el y o en a al con por para que se un una es son fue
    des le les et ou en à au aux pour par sur dans est sont était
    der die das den dem des und oder in im am an auf von vom zu zum zur mit für bei ist sind war
    di e il lo gli le nel nella per che è""".split()
)
_QUANTIFIERS = frozenset(
    """about around nearly almost some over more than least up to just only roughly approximately
    estimated an a another some unos unas más menos de casi cerca alrededor plus moins environ près
    quelque rund etwa mehr als über fast knapp insgesamt circa oltre quasi più
    at by from between and or of in to the these those all its their his her los las les die der den
    el la le il i gli its all with""".split()
)

_URL_RE = re.compile(r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+|[@#]\w+")
_URL_HINTS = ("http", "www.", "@", "#", "pic.twitter")
_PHONE_CANDIDATE_RE = re.compile(r"[+(\d][\d ().+-]{8,}\d")
_PHONE_RE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[.-]\d{4}(?!\d)|\+\d{1,3}[\s(]+\d[\d\s().-]{6,}\d"
)
# dates, clock times and year ranges written in digits: "2024-06-06", "12/09/2024", "10:10", "3 pm", "2025-26"
_DATE_NUM_RE = re.compile(
    r"\d(?<![\w.,]\d)(?:"
    r"\d{3}-\d{1,2}-\d{1,2}(?!\d)"
    r"|\d?[/.]\d{1,2}[/.]\d{2,4}(?!\d)|\d?/\d{4}(?!\d)"
    r"|\d?(?:[:.]\d{2})+\s*(?:[aApP]\.?[mM]\.?|Uhr|h|hrs)(?![\w])"
    r"|\d?:\d{2}(?::\d{2})?(?!\d)|\d?\s?h\s?\d{2}(?!\d)"
    r"|\d?\s?(?:[aApP]\.?[mM]\.?|Uhr)(?![\w])"
    r"|(?<=[12])[09]\d{2}\s?[-–/]\s?(?:19|20)?\d{2}(?!\d))"
)
_AFTER_WORD_RE = re.compile(r"(?:st|nd|rd|th|er|º)?\.?,?[ \u00a0]+(?:of[ \u00a0]+|de[ \u00a0]+)?([^\W\d_][\w\u0900-\u097f]*\.?)")
_BEFORE_WORD_RE = re.compile(r"([^\W\d_][\w\u0900-\u097f]*\.?),?[ \u00a0]+(?:de[ \u00a0]+)?$")
_SCORE_RE = re.compile(r"(\d(?<![\w.,]\d)\d{0,2})\s?[-–—]\s?(\d{1,3})(?![\w.,]?\d)")
_LIST_NUM_RE = re.compile(r"(?m)^[ \t]*\d{1,2}[.)](?=\s)")
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")

_CHANGE_VERBS = re.compile(
    r"\b(?:cut|cuts|lower|lowers|lowered|lowering|reduc\w*|rais\w*|hik\w*|increas\w*|decreas\w*|ris\w*|rose|"
    r"fell|fall\w*|drop\w*|slash\w*|climb\w*|jump\w*|trimm\w*|trim|down|up|boost\w*|grew|grow\w*|shrank|"
    r"declin\w*|surg\w*|soar\w*|plung\w*|tumbl\w*|eased|ease|eases|chang\w*|mov\w*|went|go|goes|revis\w*|"
    r"baj\w*|recort\w*|rebaj\w*|sub\w*|reduj\w*|aument\w*|dismin\w*|pas[óa]|"
    r"abaiss\w*|baiss\w*|relev\w*|réduit|passe|passé|pass[ée]e?s?|augment\w*|recul\w*|"
    r"senk\w*|gesenkt|erhöh\w*|sink\w*|steig\w*|fiel|stieg|gestiegen|gesunken|"
    r"taglia\w*|ridu\w*|scend\w*|sal\w*|घटा\w*|बढ़ा\w*|घट\w*)\b",
    re.IGNORECASE,
)
_RANGE_CUES = re.compile(r"\b(?:rang\w*|between|aged|entre|zwischen|tra|fra|âgés|de edades)\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?:\b(?:from|de|del|desde|von|da|dal|dai|depuis|du)|\bentre|\bbetween|\bzwischen|\btra)\s+(?:about |around |some |rund |etwa )?$", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\b(?:to|a|à|au|auf|al|in)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^(?:\s*(?:to|a|à|au|al|auf|y|et|und|bis|e|and|até|hasta)\s+|\s?[-–—]\s?)$", re.IGNORECASE)
_REVERSE_JOIN = re.compile(r"^\s*,?\s*(?:(?:down|up)\s+)?(?:from|de|von|da|dal|contre)\s+(?:bisher\s+|previously\s+|un\s+|the\s+)?$", re.IGNORECASE)
_HI_JOIN = re.compile(r"^\s*से\s+(?:घटकर|बढ़कर|घटाकर|बढ़ाकर)\s+$")


@dataclass
class _Q:
    start: int
    end: int
    kind: str  # money, percent, count, measure, bare
    value: float
    unit: str | None = None
    scale: float = 1.0
    context: str | None = None
    scale_word: bool = False


def _norm_lang(lang: str | None) -> str:
    return (lang or "en").split("-")[0].lower()


def _masked_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for rx in (_DATE_NUM_RE, _LIST_NUM_RE) for m in rx.finditer(text)]
    if any(h in text for h in _URL_HINTS):
        spans.extend(m.span() for m in _URL_RE.finditer(text))
    for cand in _PHONE_CANDIDATE_RE.finditer(text):
        spans.extend((cand.start() + m.start(), cand.start() + m.end()) for m in _PHONE_RE.finditer(cand.group()))
    for m in _SCORE_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        nxt = text[m.end() : m.end() + 3]
        prv = text[max(0, m.start() - 3) : m.start()]
        in_series = bool(re.match(r"\s*,\s*\d", nxt)) or bool(re.search(r"\d\s*,\s*$", prv))
        if a >= b or in_series:
            spans.append(m.span())
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    i = bisect.bisect_right(starts, a) - 1
    while i >= 0 and i < len(spans):
        s, e = spans[i]
        if s <= a and b <= e or (s < b and a < e):
            return True
        if s > b:
            break
        i += 1
        if i < len(spans) and spans[i][0] >= b:
            break
    return False


def _next_to_month(text: str, a: int, b: int) -> bool:
    after = _AFTER_WORD_RE.match(text, b, b + 30)
    if after and is_month_beside_number(after.group(1)):
        return True
    before = _BEFORE_WORD_RE.search(text, max(0, a - 16), a)
    return bool(before and is_month_beside_number(before.group(1)))


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    m = re.search(r"([^\W\d_][\w.’'-]*)[ \u00a0]*$", text[max(0, pos - 40) : pos])
    if not m:
        return "", -1
    return m.group(1), max(0, pos - 40) + m.start(1)


_THOUSANDS_COMMA_RE = re.compile(r"\d,\d{3}(?![\d,])")
_DOT_DECIMAL_RE = re.compile(r"(?<![\d.])\d{1,3}\.\d{1,2}(?![\d.])")
COMMA_DECIMAL_RE = re.compile(r"(?<![\d,])\d{1,3},\d{1,2}(?![\d,])")
_DOT_THOUSANDS_RE = re.compile(r"\d\.\d{3}(?![\d.])")


def _writes_like_english(text: str) -> bool:
    """A Spanish or French text that groups thousands with commas ("200,000 libras", as Latin American
    and US Spanish media do): it shows "1,234" and never a decimal comma or a dot grouping."""
    return bool(_THOUSANDS_COMMA_RE.search(text)) and not COMMA_DECIMAL_RE.search(text) and not (
        _DOT_THOUSANDS_RE.search(text)
    )


def _candidates(text: str, lang: str) -> list[_Q]:
    masked = _masked_spans(text)
    starts = [s for s, _ in masked]
    num_re = NUMERAL_RE_SPACE_GROUPED if lang in SPACE_GROUPED else NUMERAL_RE
    parse_lang = "en" if lang in COMMA_DECIMAL and _writes_like_english(text) else lang
    found: list[tuple[int, int, float]] = []
    for m in num_re.finditer(text):
        a, b = m.span()
        if a > 0 and text[a - 1] == "-" and a > 1 and text[a - 2].isalpha():
            continue  # COVID-19, F-16
        if masked and _inside(masked, starts, a, b):
            continue
        if _next_to_month(text, a, b):
            continue  # "12 September", "Sept. 12", "June 2024", "29 de octubre"
        value = parse_number(m.group(), parse_lang)
        if value is not None:
            found.append((a, b, value))
    table = NUMBER_WORDS.get(lang)
    if table is not None:
        for ws, we, w in find_words(text, _WORD_NUMBER_KEYS[lang]):
            if we < len(text) and text[we] == "-" and lang == "en":
                unit = re.match(r"-([a-z]+)", text[we : we + 8])
                if w in _EN_TENS and unit and unit.group(1) in _EN_UNITS:
                    found.append((ws, we + 1 + len(unit.group(1)), float(_EN_TENS[w] + _EN_UNITS[unit.group(1)])))
                    continue
            if ws > 0 and text[ws - 1] == "-":
                continue  # the second half of "twenty-five", or "one-two"
            found.append((ws, we, float(table[w])))
    found.sort()
    out: list[_Q] = []
    for a, b, value in found:
        q = _read_around(text, a, b, value, lang)
        if q is not None:
            out.append(q)
    return out


def _read_around(text: str, a: int, b: int, value: float, lang: str) -> _Q | None:
    """The number at ``text[a:b]`` with what surrounds it (a currency before; a scale word, a currency,
    "%", a unit or a counted noun after), or None when it is not a quantity worth reporting."""
    is_word = text[a:b][:1].isalpha()
    q = _Q(a, b, "bare", value)
    if not is_word:
        _read_currency_before(text, q)
    _read_scale(text, q, lang)
    if q.kind != "money":
        _read_currency_after(text, q, is_word)
    if q.kind == "bare":
        _read_percent(text, q)
    if q.kind == "bare":
        _read_unit(text, q, lang)
    if q.kind == "bare":
        found = _noun_span(text, q.end, lang)
        if found is not None:
            q.kind, q.context, q.end = "count", found[0], found[1]
    _read_context(text, q, lang)
    return None if _not_a_quantity(text, q, a, b, is_word, lang) else q


def _read_currency_before(text: str, q: _Q) -> None:
    """"$5", "Rs. 20", "€ 3": a currency sign or code right before the number (not "ARs 5")."""
    cur = _CURRENCY_PREFIX_RE.search(text, max(0, q.start - 14), q.start)
    if not cur:
        return
    start = cur.start()
    if start and text[start - 1 : start].isalpha():
        return  # "ARs 5": not a currency sign of its own
    q.unit = _CURRENCY_PREFIX_CODES.get(cur.group("cur").lower().replace("\u00a0", " "), "USD")
    q.kind = "money"
    q.start = start


def _read_scale(text: str, q: _Q, lang: str) -> None:
    """"3.5 million", "$2bn", "2 crore", "7 mil millones": a scale word after the number."""
    m = SCALE_RE.match(text, q.end)
    if not m:
        return
    word = m.group("scale")
    attached = m.start("scale") == q.end
    if word in ("m", "b", "k") and not (q.kind == "money" and attached):
        return
    if word == "mil" and lang not in ("es", "pt"):
        return
    if word == "cr" and q.unit != "INR":
        return
    factor = SCALE_VALUES.get(word.lower(), 1.0)
    if lang == "de" and word.lower().startswith("billion"):
        factor = 1e12
    if word.lower() == "mille" and lang != "fr":
        factor = 1.0
    if factor == 1.0:
        return
    q.scale = factor
    q.scale_word = True
    q.end = m.end()
    m2 = re.match(r"[ \u00a0](mil millones|milliards?)\b", text[q.end :])
    if word.lower() == "mil" and m2:
        q.scale, q.end = 1e9, q.end + m2.end()


def _read_currency_after(text: str, q: _Q, is_word: bool) -> None:
    """"20 euros", "5 millones de dólares" (not "20 pounds of beef")."""
    cm = _CURRENCY_SUFFIX_RE.match(text, q.end)
    if not cm or (is_word and not q.scale_word):
        return
    word = cm.group("cur")
    if word.lower() in ("pound", "pounds") and re.match(r"\s+of\b", text[cm.end() :]):
        return
    q.kind = "money"
    q.unit = _CURRENCY_SUFFIX_CODES.get(word.lower(), "USD")
    q.end = cm.end()


def _read_percent(text: str, q: _Q) -> None:
    """"3.5%", "25 basis points", "0,25 Prozentpunkte"."""
    pm = _PERCENT_RE.match(text, q.end)
    if pm:
        q.kind = "percent"
        q.unit = "pp" if pm.group("pp") else "bp" if pm.group("bp") else "%"
        q.end = pm.end()


def _read_unit(text: str, q: _Q, lang: str) -> None:
    """An age ("34-year-old"), a compound ("a four-day visit", "a 15-member team") or a measure unit."""
    end = q.end
    age = _AGE_RE.match(text, end)
    comp = _COMPOUND_RE.match(text, end)
    um = _UNIT_RE.match(text, end)
    if um is None and q.scale_word:  # "7 millones de libras", "2 millions de tonnes"
        de = re.match(r"[ \u00a0](?:de|d’|d'|di)(?=[ \u00a0])", text[end : end + 4])
        if de:
            um = _UNIT_RE.match(text, end + de.end())
    if age and age.group().startswith("-"):
        q.kind, q.unit, q.end, q.context = "measure", "year", age.end(), "age"
    elif comp:
        _read_compound(text, q, comp)
    elif um:
        _read_measure(text, q, um, lang)


def _read_compound(text: str, q: _Q, comp: re.Match[str]) -> None:
    u = comp.group("unit")
    q.unit = _COMPOUND_UNITS.get(u, u)
    q.kind = "count" if u in ("member", "nation", "seat", "storey", "story") else "measure"
    q.context = comp.group("noun").lower()
    second = _WORD_RE.match(text, comp.end("noun"))
    if second and second.group("w").islower() and second.group("w") not in _NOT_NOUNS:
        q.context = second.group("w").lower()  # "four-day military conflict" counts a conflict
    q.end = comp.end("unit")
    if q.kind == "count":
        q.context, q.unit = u + "s" if not u.endswith("y") else u[:-1] + "ies", None


def _read_measure(text: str, q: _Q, um: re.Match[str], lang: str) -> None:
    sp = um.group("unit")
    strict = sp.lower() in _CASE_STRICT_UNITS
    if strict and sp != sp.lower():
        return
    q.kind = "measure"
    q.unit = _UNIT_BY_SPELLING[sp.lower()]
    q.end = um.end()
    if sp.lower() in ("pounds", "pound") and _pounds_are_sterling(text):
        q.kind, q.unit = "money", "GBP"  # "tickets cost 20 pounds" in a report that writes "£"
    if sp.lower() in ("ans", "años", "jahre", "anni") and re.match(r"\s?,|\)", text[q.end : q.end + 2]):
        q.context = "age"
    nm = _noun_after(text, q.end, lang)
    if nm and q.context is None and q.unit not in ("year", "month", "week", "day"):
        q.context = nm


def _read_context(text: str, q: _Q, lang: str) -> None:
    """What a percentage or an amount of money is of: "94.6% of members", "$5 a share"."""
    if q.kind == "percent" and q.context is None and q.unit == "%":
        q.context = _percent_context(text, q.start, q.end, lang)
    if q.kind in ("money", "percent") and q.context is None:
        pm = re.match(r"[ \u00a0]+(?:a|per|an|par|pro|al|por)[ \u00a0]+(share|barrel|ounce|hour|month|year|person|action|Aktie|acción)\b", text[q.end:])
        if pm:
            q.context = pm.group(1).lower()
        elif q.kind == "money":
            q.context = _noun_after(text, q.end, lang)


def _not_a_quantity(text: str, q: _Q, a: int, b: int, is_word: bool, lang: str) -> bool:
    """A bare number word, a year, a model or article number ("Boeing 737", "No. 5"), "#3", or a count of one."""
    if is_word and q.kind == "bare" and not q.scale_word:
        return True
    if q.kind != "money" and q.value.is_integer() and _YEAR_RE.fullmatch(text[a:b]) and q.kind in ("bare", "count"):
        return True
    if q.kind in ("count", "measure", "bare") and not is_word:
        pw, _ = _prev_word(text, a)
        if pw and pw[:1].isupper() and pw.lower() not in _QUANTIFIERS and pw not in STOPWORDS:
            if not (lang == "de" and q.kind == "count") and not (q.kind == "measure" and q.unit not in _TIME_UNITS):
                return True  # "Boeing 737", "Flight 5", "Article 370"
        if pw.lower() in ("no.", "nr.", "n°", "número", "number", "num", "no", "version", "vol.", "page", "p."):
            return True
        if a > 0 and text[a - 1] in "#№":
            return True
    return q.kind == "count" and q.value == 1 and not q.scale_word


_WEIGHT_CUE_RE = re.compile(r"\bpounds? of\b|\bweigh|\blbs?\b|\blibras\b(?! esterlinas)|\bkilos?\b|\bkilograms?\b|\btons?\b", re.I)
_STERLING_RE = re.compile(r"£|\bsterling\b|\bGBP\b|\bpence\b|\bBritish pounds?\b|\bPfund\b|\blibras esterlinas\b", re.I)
_pounds_cache: dict[int, tuple[str, bool]] = {}


def _pounds_are_sterling(text: str) -> bool:
    """Are bare "pounds" in this text money? Only when it speaks of sterling (£, "sterling", "pence") and
    never of weight ("pounds of", "weighing", "lbs", "libras"): by default "pounds" is the weight (lb),
    as "libras" is, so a meat recall reads the same in English and Spanish."""
    key = id(text)
    hit = _pounds_cache.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    answer = bool(_STERLING_RE.search(text)) and not _WEIGHT_CUE_RE.search(text)
    _pounds_cache.clear()
    _pounds_cache[key] = (text, answer)
    return answer


# words that are not the thing a percentage measures: verbs and function words met walking left
_PCT_SKIP = frozenset(
    """percent per cent percentage point points basis bps pct some about around nearly almost roughly just only
    reached reach reaches hit hits stood stands stand was is were are be been being came comes come remained
    remain remains recorded registered posted reported showed shows kept held set voted vote backed cast won
    received got saw sees see topped exceeded amounted totalled totaled measured estimated expected forecast
    projected put puts stay stayed stays touched slipped edged accelerated slowed fue es era son fueron está
    estaba ha han había lag liegt lagen betrug beträgt erreichte stieg sank fiel close closer near nears neared
    high higher highs low lower lows peak record below above beyond within first second third fourth fifth sixth
    seventh eighth ninth tenth prozent prozentpunkte prozentpunkten basispunkte basispunkten pourcentage
    earlier again back further downward downwards upward upwards today late still already even till short
    raises includes sits follows reflects fails add adds leave leaves shall done reaches hits puts keeps sets
    cuts holds brings takes makes sees lifts trims lowers""".split()
)
_VERBISH_ENDINGS = ("ing", "ive", "ous", "ful", "less", "ish", "ic", "al")
_PCT_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*|\d[\d.,]*")
_CLAUSE_END_RE = re.compile(r"[.;:!?\n](?=\s)|[,(—–]")
_PRONOUN_HEADS = frozenset({"others", "other", "ones", "those", "these", "more", "rest", "otros", "otras", "autres",
                            "weitere", "altri", "andere"})


def _percent_context(text: str, start: int, end: int, lang: str) -> str | None:
    """What a percentage measures: "94.6% of members" -> members; else the nearest noun to the left in
    its clause ("inflation of 2.6%", "the deposit rate … to 3.75%", "turnout was 84%") -> inflation, rate,
    turnout. Cased languages only. None when the clause offers no plain noun (a name, a pronoun)."""
    m = re.match(r"[ \u00a0]+(?:of|de|des|del|de la|de los|de las|der|dei|degli|delle)[ \u00a0]+"
                 r"(?:(?:the|its|their|all|los|las|les|la|le|el|die|den|gli|i)[ \u00a0]+)?", text[end : end + 24])
    if m:
        found = _noun_span(text, end + m.end() - 1, lang)
        if found and found[0] not in _PRONOUN_HEADS:
            nxt = _WORD_RE.match(text, found[1])  # "of union members": the last noun of the compound
            if nxt and lang != "de":
                w2 = nxt.group("w")
                low2 = w2.lower()
                if w2[:1].islower() and len(low2) > 2 and low2 not in _NOT_NOUNS and low2 not in _PCT_SKIP and not (
                    low2.endswith(("ed", "ing", "ly")) or _CHANGE_VERBS.fullmatch(w2)
                ):
                    return low2
            return found[0]
    of = _of_before(text, start, lang)
    if of is not None or lang not in ("en", "es", "de"):
        return of
    lo = max(0, start - 100)
    seg = text[lo:start]
    cut = 0
    for c in _CLAUSE_END_RE.finditer(seg):
        if not (c.group() == "," and c.start() > 0 and seg[c.start() - 1].isdigit()):
            cut = c.end()
    words = _PCT_WORD_RE.findall(seg[cut:])
    for w in reversed(words[-7:]):
        w = w.strip("’'-")
        low = w.lower()
        if not w:
            continue
        if w[0].isdigit() or low in _NOT_NOUNS or low in _QUANTIFIERS or low in _PCT_SKIP or _CHANGE_VERBS.fullmatch(w):
            continue
        if month_number(w) is not None:
            continue
        if lang == "de":
            if w in PLACES:
                continue  # "Inflation in Europa lag bei 2,6 Prozent"
            if w[:1].isupper() and w not in STOPWORDS:
                return None if low in _PRONOUN_HEADS else low
            continue
        if low.endswith("ly") and len(low) > 4:
            continue  # "rose unexpectedly to"
        if w[:1].isupper() and not _common_noun_at_start(text, w, low):
            return None
        if len(low) < 3:
            return None
        if lang == "en" and (low.endswith("ed") or low.endswith(_VERBISH_ENDINGS)) and len(low) > 4:
            continue  # a verb or an adjective: "inflation accelerated to 3%", "moderating to 2%"
        if lang == "es" and (low.endswith(_ES_VERB_ENDINGS) or low.endswith(("ar", "er", "ir"))):
            continue
        return None if low in _PRONOUN_HEADS else low
    return None


def _common_noun_at_start(text: str, w: str, low: str) -> bool:
    """A capitalised word that only starts its sentence ("Inflation of 2.6%", "Prices rose 3%") is a
    common noun when the text also writes it in lower case; "Labour received 34%" is a name."""
    return bool(re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text)) and w not in STOPWORDS


def _of_before(text: str, start: int, lang: str) -> str | None:
    """"inflation of 2.6%", "un taux de 2 %", "un tasso del 2%": the noun right before "of"/"de"."""
    lo = max(0, start - 40)
    m = re.search(r"([^\W\d_][\w’'-]{2,})[ \u00a0]+(?:of|de|d’|d'|del|di|dello|della|von)[ \u00a0]*$", text[lo:start])
    if not m:
        return None
    w = m.group(1)
    w = re.split(r"[’']", w)[-1] or w  # "d’eau" -> "eau"
    low = w.lower()
    if low in _NOT_NOUNS or low in _PCT_SKIP or low in _QUANTIFIERS or month_number(w) is not None or len(low) < 3:
        return None
    if lang == "fr" and low.endswith(("é", "ée", "és", "ées", "eure", "eur")):
        return None  # a participle or a comparative: "gagné de 2 %", "supérieure de 2 %"
    if w[:1].isupper() and lang != "de":
        before = text[: lo + m.start(1)].rstrip(" \u00a0\"“‘'")
        if before and before[-1] not in ".!?\n:":
            return None  # a name mid-sentence; at a sentence's start a capital says nothing
    return low


_ES_VERB_ENDINGS = ("aron", "ieron", "eron", "aban", "ían", "ará", "arán", "erá", "erán", "irá", "irán", "ó")


def _noun_after(text: str, pos: int, lang: str) -> str | None:
    found = _noun_span(text, pos, lang)
    return found[0] if found else None


def _noun_span(text: str, pos: int, lang: str) -> tuple[str, int] | None:
    """The noun a number counts and where it ends: "12 deaths", "two public companies" -> companies.

    The first word after the number, or the second when the first is an adjective (a known one, or one
    by its ending). Cased scripts only: without capitals and lower case we cannot tell nouns apart."""
    m = _WORD_RE.match(text, pos)
    if not m:
        return None
    word = m.group("w")
    end = m.end("w")
    low = word.lower()
    if not (word[:1].islower() or word[:1].isupper()):
        return None
    if low in _ADJECTIVES or (lang != "de" and low.endswith(_ADJ_ENDINGS) and len(low) > 4):
        m2 = _WORD_RE.match(text, m.end())
        if m2 and m2.group("w").lower() not in _NOT_NOUNS and m2.group("w")[:1].islower() == word[:1].islower():
            word, low, end = m2.group("w"), m2.group("w").lower(), m2.end("w")
    if low in _NOT_NOUNS or len(low) < 3 or MONTH_WORD_RE.fullmatch(word) or low.endswith("ly"):
        return None
    if lang == "es" and low.endswith(_ES_VERB_ENDINGS) and len(low) > 5:
        # "14 resultaron heridos": a verb; the participle after it says what is counted
        m3 = _WORD_RE.match(text, end)
        if not m3 or m3.group("w").lower() in _NOT_NOUNS or not m3.group("w")[:1].islower():
            return None
        word, low, end = m3.group("w"), m3.group("w").lower(), m3.end("w")
        if low.endswith(_ES_VERB_ENDINGS):
            return None
    if word[:1].isupper() and lang != "de":
        return None
    if lang == "de" and not word[:1].isupper():
        return None
    return low.rstrip("’'-"), end - (len(word) - len(word.rstrip("’'-")))


# a fused range or change: (kind, first, second, start, end)
_Pair = tuple[str, _Q, _Q, int, int]
# the index of the sentence holding a character offset
_SentenceOf = Callable[[int], int]


def _join(text: str, qs: list[_Q]) -> list[_Q | _Pair]:
    """Fuse neighbours into ranges and changes. Returns plain quantities and (kind, first, second, start, end)."""
    out: list[_Q | _Pair] = []
    i = 0
    while i < len(qs):
        q1 = qs[i]
        if i + 1 < len(qs):
            q2 = qs[i + 1]
            joined = _try_pair(text, q1, q2)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(q1)
        i += 1
    return out


def _compatible(q1: _Q, q2: _Q) -> bool:
    if q1.kind == "bare" or q2.kind == "bare":
        return True
    return q1.unit == q2.unit and q1.kind == q2.kind


def _try_pair(text: str, q1: _Q, q2: _Q) -> _Pair | None:
    between = text[q1.end : q2.start]
    if len(between) > 30 or "\n" in between:
        return None
    if not _compatible(q1, q2):
        return None
    pre = text[max(0, q1.start - 30) : q1.start]
    sentence_before = text[max(0, q1.start - 120) : q1.start]
    sentence_before = re.split(r"[.!?]\s", sentence_before)[-1]
    if _HI_JOIN.match(between):
        return ("change", q1, q2, q1.start, q2.end)
    if _REVERSE_JOIN.match(between) and _TO_BEFORE.search(pre) and q1.kind != "bare" and q1.kind != "count":
        return ("change", q2, q1, q1.start, q2.end)
    if _RANGE_JOIN.match(between):
        dash = between.strip() in ("-", "–", "—")
        from_before = _FROM_BEFORE.search(pre)
        if dash and (q1.kind != "bare" or q2.kind == "bare") and q1.unit != q2.unit:
            return None
        if dash and q2.kind == "bare":
            return None
        if dash and q1.value >= q2.value:
            return None
        word = between.strip().lower()
        if not from_before and re.search(r"\b(?:by|um|of)\s+$", pre):
            return None  # "cut by 0.25% to 3.75%": an amount, then a level
        if word in ("and", "y", "et", "und", "e") and not (from_before and re.search(r"(entre|between|zwischen|tra)\s+\S*\s*$", pre, re.I)):
            return None
        if word == "auf" and not from_before:
            return None
        if word in ("a", "à", "au", "al", "bis", "hasta", "até") and not from_before and q1.kind == "bare" and q2.kind == "bare":
            return None
        if q1.kind == "bare" and q2.kind == "bare" and word not in ("to", "a", "à", "bis", "and", "y", "et", "und"):
            return None
        is_from = bool(from_before) and not re.search(r"(entre|between|zwischen|tra)\s+\S*\s*$", pre, re.I)
        if is_from and _CHANGE_VERBS.search(sentence_before) and not _RANGE_CUES.search(sentence_before):
            return ("change", q1, q2, q1.start, q2.end)
        if is_from and (q2.kind in ("percent", "money")) and not _RANGE_CUES.search(sentence_before):
            return ("change", q1, q2, q1.start, q2.end)
        return ("range", q1, q2, q1.start, q2.end)
    return None


def _to_quantity(text: str, q: _Q, sentence_of: _SentenceOf) -> Quantity | None:
    if q.kind == "bare":
        return None
    norm = q.value * q.scale
    if q.unit == "bp":
        norm = q.value / 100.0  # basis points in percentage points
    return Quantity(
        text=text[q.start : q.end],
        span=(q.start, q.end),
        kind=q.kind,
        value=q.value,
        unit=q.unit,
        normalized=norm,
        sentence=sentence_of(q.start),
        context=q.context,
    )


def _pair_quantity(text: str, kind: str, first: _Q, second: _Q, start: int, end: int, sentence_of: _SentenceOf) -> Quantity:
    ref = second if second.kind != "bare" else first
    if first.kind == "bare" and ref.kind != "bare":
        first_scale = ref.scale if not first.scale_word else first.scale
    else:
        first_scale = first.scale
    second_scale = second.scale if second.kind != "bare" or second.scale_word else ref.scale
    unit = ref.unit if ref.kind != "bare" else None
    ratio: Callable[[float], float] = (lambda v: v / 100.0) if unit == "bp" else (lambda v: v)
    return Quantity(
        text=text[start:end],
        span=(start, end),
        kind=kind,
        value=first.value,
        unit=unit,
        normalized=ratio(first.value * first_scale) if unit != "bp" else first.value / 100.0,
        value_to=second.value,
        normalized_to=ratio(second.value * second_scale) if unit != "bp" else second.value / 100.0,
        sentence=sentence_of(start),
        context=second.context or first.context,
    )


def _resolve_pronoun_heads(qs: list[_Q], sentence_of: _SentenceOf) -> None:
    """"Two workers were killed and 14 others injured": "others" counts workers. The nearest earlier
    count in the same sentence with a real noun gives it. Otherwise "others" stays: the cross-check
    reads "49 others" beside "co-defendants" as the co-defendants (check/slots.py)."""
    last: tuple[int, str] | None = None
    for q in qs:
        if q.kind != "count":
            continue
        sent = sentence_of(q.start)
        if q.context in _PRONOUN_HEADS:
            if last and last[0] == sent:
                q.context = last[1]
        elif q.context:
            last = (sent, q.context)


def _sentence_finder(sentences: list[Sentence]) -> _SentenceOf:
    starts = [s.start for s in sentences]
    indexes = [s.index for s in sentences]

    def sentence_of(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        return indexes[i] if i >= 0 else (indexes[0] if indexes else 0)

    return sentence_of


def find_quantities(text: str, sentences: list[Sentence], lang: str | None = None) -> list[Quantity]:
    """Every number with a unit in ``text``, as Quantity records with exact spans, in text order."""
    if not text:
        return []
    code = _norm_lang(lang)
    sentence_of = _sentence_finder(sentences)
    out: list[Quantity] = []
    items = _join(text, _candidates(text, code))
    _resolve_pronoun_heads([i for i in items if not isinstance(i, tuple)], sentence_of)
    for item in items:
        if isinstance(item, tuple):
            kind, first, second, start, end = item
            out.append(_pair_quantity(text, kind, first, second, start, end, sentence_of))
        else:
            q = _to_quantity(text, item, sentence_of)
            if q is not None:
                out.append(q)
    return out
