"""restated: the marks that let unique_fact see a fact another report gives in other words or another
language, where the sentences share no word.

A report that gives "62 dead" and one that gives "62 muertos" share a figure and no word; "some 30
requests for acquittal" and "une trentaine ... l'acquittement" share a cognate and a figure written
as a word. These helpers name such figures alike (tens and approximate counts written as words; basis
points as percentage points), read a day of the month as a date rather than a figure, and tell a
cognate (a long common beginning: "acquittal"/"acquittement") from a chance match. They also tell
words that only look like names: a weekday ("Wednesday", "Mittwochvormittag") dates a fact; a
capitalised word the story also writes in lower case ("President", "Council") is a title or a noun.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from storyline.lang.calendar import ABBR_MONTH_ALT, FULL_MONTH_ALT, WEEKDAY_BY_NAME, month_number
from storyline.lang.fold import fold_word, stem
from storyline.lang.numbers import ROUND_COUNT_WORDS, number_key, number_tokens, parse_number_any_language

# The round counts of storyline.lang.numbers, folded as the sentence words are.
WORD_FIGURES = {fold_word(word): value for word, value in ROUND_COUNT_WORDS.items()}
# "25 basis points" is "0.25 percentage points": the figure in both units.
BASIS_POINTS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*-?\s*(?:basis[- ]points?|bps?\b|pb\b|points? de base|puntos? b[áa]sicos?|"
    r"basispunkte?n?|punti base|pontos[- ]base|बेसिस (?:प्वाइंट|पॉइंट|पॉइंट्स|प्वाइंट्स)|आधार अंक)",
    re.IGNORECASE)
# A day of the month beside its month ("Oct 30", "30 October", "30 de octubre", "30. Oktober").
DAY_OF_MONTH = re.compile(
    rf"(?<![\w.,])(\d{{1,2}})(?:\.|º|er)?\s+(?:de\s+)?(?:{FULL_MONTH_ALT}|{ABBR_MONTH_ALT})(?!\w)|"
    rf"(?<!\w)(?:{FULL_MONTH_ALT}|(?:{ABBR_MONTH_ALT})\.?)\s+(\d{{1,2}})(?![\d.,]*\d)(?!\w)",
    re.IGNORECASE)
QUOTE_MARK = re.compile(r"[“”\"«»„]")
# A photo credit ("(AP/Lindsey Wasson)", "(AFP Photo / X)"): the sentence is a picture's caption.
PHOTO_CREDIT = re.compile(r"\((?:AP|AFP|Reuters|Getty(?: Images)?|EPA|dpa|Xinhua|Bloomberg)(?: Photo)?\s*/\s*"
                          r"[^)]{2,60}\)\.?\s*$")
# The common nouns that head or title a name ("Threadneedle Street", "ECB President", "die Regierung"):
# alone they name nothing a fact-checker could look up; the proper word beside them does.
NAME_HEADS = frozenset(stem(fold_word(w)) for w in (
    "street", "road", "avenue", "boulevard", "square", "calle", "avenida", "plaza", "rue", "place", "straße",
    "strasse", "via", "piazza", "rua",
    "president", "presidente", "président", "präsident", "präsidentin", "prime", "minister", "ministre",
    "ministro", "chancellor", "governor", "gobernador", "gouverneur", "governatore", "chief", "director",
    "directeur", "direktor", "secretary", "secretario", "chairman", "chairwoman", "chair", "spokesman",
    "spokeswoman", "spokesperson", "ceo", "mayor", "alcalde", "maire", "bürgermeister", "sindaco",
    "council", "consejo", "conseil", "rat", "consiglio", "committee", "comité", "comitato", "ausschuss",
    "government", "gobierno", "gouvernement", "regierung", "governo", "ministry", "ministerio", "ministère",
    "ministerium", "ministero", "department", "departamento", "département", "agency", "agencia", "agence",
    "office", "bureau", "oficina", "amt", "administration", "administración", "court", "tribunal", "gericht",
    "party", "partido", "parti", "partei", "partito", "bank", "banco", "banque", "banca", "union", "unión",
    "governing", "board", "authority", "autoridad", "autorité", "behörde", "service", "servicio",
))
COGNATE_PREFIX = 6
MIN_QUOTE_WORDS = 3
# An elided article or preposition glued to a word ("l'acquittement", "dell'anno").
ELISION = re.compile(r"^[^\W\d_]{1,4}['’]")


def figures(text: str) -> set[str]:
    """Number keys for every figure a sentence writes: in digits, grouped the way its language groups
    them ("17.000" is 17000), as words, and in basis points (also as percentage points)."""
    out = set()
    for raw in number_tokens(text):
        value = parse_number_any_language(raw)
        if value is not None:
            out.add(f"num:{number_key(value)}")
    for word in re.findall(r"[^\W\d_]+", text):
        word_value = WORD_FIGURES.get(fold_word(word))
        if word_value is not None:
            out.add(f"num:{number_key(float(word_value))}")
    return out | set(basis_points(text).values())


def basis_points(text: str) -> dict[str, str]:
    """For each figure given in basis points, its key in percentage points ("num:25" -> "num:0.25")."""
    out = {}
    for m in BASIS_POINTS.finditer(text):
        value = parse_number_any_language(m.group(1))
        if value is not None:
            out[f"num:{number_key(value)}"] = f"num:{number_key(value / 100)}"
    return out


def days_of_month(text: str) -> set[str]:
    """The number keys of the days of the month a sentence writes beside their month: those date a
    fact (the month stays an anchor), they are no figure of it."""
    out = set()
    for m in DAY_OF_MONTH.finditer(text):
        day = m.group(1) or m.group(2)
        if day and 1 <= int(day) <= 31:
            out.add(f"num:{int(day)}")
    return out


# Feast days and holidays, folded and stemmed as anchors are: like a weekday, "by Easter" dates a fact.
HOLIDAYS = frozenset(stem(fold_word(w)) for w in (
    "Easter", "Ostern", "Pâques", "Pascua", "Pasqua", "Páscoa", "Christmas", "Weihnachten", "Noël", "Navidad",
    "Natale", "Natal", "Thanksgiving", "Pentecost", "Pfingsten", "Pentecôte", "Ramadan", "Ramadán", "Eid", "Diwali",
    "Holi", "Hanukkah", "Passover", "Halloween",
))


def is_weekday(anchor: str) -> bool:
    """Whether a name anchor is a weekday, a holiday or a compound that starts with a weekday
    ("mittwochvormittag"): each dates a fact, it names nothing."""
    if anchor in WEEKDAY_BY_NAME or month_number(anchor) is not None or anchor in HOLIDAYS:
        return True
    return any(anchor.startswith(day) and len(day) >= 5 for day in WEEKDAY_BY_NAME)


def bare_heads(text: str, known: AbstractSet[str], common: AbstractSet[str]) -> set[str]:
    """The name heads of a sentence (as stems) that name nothing new: one alone ("die Regierung", "the
    Council") or beside words of a name other reports give (``known``, and not ``common`` words the
    story writes in lower case: "Threadneedle Street", "ECB President"). Beside a new word ("Getty
    Villa") or only common ones ("Finance Ministry") the head is part of a new name."""
    out = set()
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)
    run: list[str] = []
    for i, word in enumerate([*words, ""]):
        if i > 0 and word[:1].isupper():
            run.append(stem(fold_word(word)))
            continue
        heads = [w for w in run if w in NAME_HEADS]
        rest = [w for w in run if w not in NAME_HEADS]
        if heads and (not rest or (all(w in known for w in rest) and any(w not in common for w in rest))):
            out.update(heads)
        run = []
    return out


def real_quote(text: str) -> bool:
    """Whether a sentence quotes someone: a span of three words or more between quote marks, or a quote
    that runs on past the sentence (an odd number of marks). One or two words in quote marks ("the
    'monster'", "a 'full refund'", "« Monsieur-tout-le-monde »": a hyphenated compound is one word)
    are scare quotes or a term, no statement of the person."""
    marks = [m.start() for m in QUOTE_MARK.finditer(text)]
    if len(marks) % 2:
        return True
    return any(len(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text[a + 1:b])) >= MIN_QUOTE_WORDS
               for a, b in zip(marks[::2], marks[1::2], strict=True))


def cognate(a: str, b: str) -> bool:
    """Two stems with a long common beginning ("acquitt" of "acquittal" and "acquittement")."""
    if a.startswith(("num:", "month:", "most:")) or b.startswith(("num:", "month:", "most:")):
        return False
    a, b = ELISION.sub("", a), ELISION.sub("", b)
    return len(a) >= COGNATE_PREFIX and len(b) >= COGNATE_PREFIX and a[:COGNATE_PREFIX] == b[:COGNATE_PREFIX]
