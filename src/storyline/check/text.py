"""Token normalisation shared by alignment and findings.

Reports of one story are reworded, abbreviated ("Sept.") and sometimes translated, so sentences are
compared on normalised content words, on numbers and names (anchors that survive translation) and
on character n-grams (which catch cognates such as "inflation"/"inflación").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

# Function words in the languages of the dev corpus; enough to keep alignment on content words.
STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as into onto over under about after before
    than then that this these those there here it its it's is are was were be been being am do does did
    has have had having not no nor so such can could will would shall should may might must also very
    just only more most much many some any all each both other another own same few up down out off
    again further once he she they we you i me him her them us our your their his my mine who whom whose
    which what when where why how while during through between against among within without per said says
    say told according one s t don't replied responded added asked stated noted explained reported
    think also even still
    el la los las un una unos unas y o de del al en con por para que se su sus es son fue fueron ha han
    lo como más pero sin sobre entre este esta estos estas ese esa le les ya muy
    le la les un une des et ou de du au aux en dans par pour que qui se sa son ses est sont été a ont
    il elle ils elles ne pas plus sur avec ce cette ces leur leurs
    der die das den dem des ein eine einer einen einem und oder zu im in am auf mit von für ist sind war
    wurde wurden hat haben nicht sich als auch bei nach aus um es sie er dass
    il lo gli i di da del della dei delle nel nella con per che si è sono ha hanno non un uno una
    """.split()
)

MONTHS = {
    "january": 1, "jan": 1, "enero": 1, "janvier": 1, "januar": 1, "gennaio": 1,
    "february": 2, "feb": 2, "febrero": 2, "février": 2, "fevrier": 2, "februar": 2, "febbraio": 2,
    "march": 3, "mar": 3, "marzo": 3, "mars": 3, "märz": 3, "marz": 3,
    "april": 4, "apr": 4, "abril": 4, "avril": 4, "aprile": 4,
    "may": 5, "mayo": 5, "mai": 5, "maggio": 5,
    "june": 6, "jun": 6, "junio": 6, "juin": 6, "juni": 6, "giugno": 6,
    "july": 7, "jul": 7, "julio": 7, "juillet": 7, "juli": 7, "luglio": 7,
    "august": 8, "aug": 8, "agosto": 8, "août": 8, "aout": 8,
    "september": 9, "sept": 9, "sep": 9, "septiembre": 9, "septembre": 9, "settembre": 9,
    "october": 10, "oct": 10, "octubre": 10, "octobre": 10, "oktober": 10, "ottobre": 10,
    "november": 11, "nov": 11, "noviembre": 11, "novembre": 11,
    "december": 12, "dec": 12, "diciembre": 12, "décembre": 12, "decembre": 12, "dezember": 12, "dicembre": 12,
}

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fifteen": 15, "twenty": 20, "fifty": 50,
    "hundred": 100, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "deux": 2, "trois": 3, "quatre": 4,
    "cinq": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "sei": 6, "sette": 7,
    "otto": 8, "nove": 9, "dieci": 10, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "quattro": 4,
}

SCALE = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9,
         "mn": 1e6, "millón": 1e6, "millones": 1e6, "milliard": 1e9, "milliards": 1e9, "mrd": 1e9,
         "milliarden": 1e9, "millionen": 1e6, "mio": 1e6, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case and strip accents: "Pélicot" -> "pelicot"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude stem: enough to equate "relations"/"relation", "historical"/"historically"."""
    w = fold(word)
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ically", "ally", "ical", "ies", "ing", "ed", "ly", "es", "s"):
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def parse_number(raw: str) -> float | None:
    """Read "1,200", "3,75" (decimal comma), "28.5" or "4.972" as a float; None if it is not one."""
    s = raw
    if "," in s and "." in s:
        s = s.replace(",", "") if s.rfind(".") > s.rfind(",") else s.replace(".", "").replace(",", ".")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        s = s.replace(",", "") if len(tail) == 3 else head.replace(",", "") + "." + tail
    elif s.count(".") > 1:
        s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:
        return None


def number_key(value: float) -> str:
    """A canonical string for a number, so 19 and 19.0 and "19,0" compare equal."""
    return f"{value:.6g}"


_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "mai", "jan", "jun", "jul", "aug", "sept", "sep", "oct",
                               "nov", "dec", "feb", "apr", "mars"})


def is_month(tok: str, low: str) -> bool:
    """Month names; short or ambiguous ones ("May", "Mar") only when capitalised."""
    return low in MONTHS and (low not in _AMBIGUOUS_MONTHS or tok[0].isupper())


def tokens(text: str) -> list[str]:
    return WORD.findall(text)


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``; months become "month:N" and number words digits."""
    out = []
    for tok in tokens(text):
        low = fold(tok)
        if is_month(tok, low):
            out.append(f"month:{MONTHS[low]}")
        elif low in NUMBER_WORDS:
            out.append(f"num:{NUMBER_WORDS[low]}")
        elif tok[0].isdigit():
            value = parse_number(tok)
            if value is not None:
                out.append(f"num:{number_key(value)}")
        elif low not in STOPWORDS and len(low) > 1:
            out.append(stem(low))
    return out


def anchors(text: str) -> set[str]:
    """Tokens that survive rewording and translation: numbers, months and capitalised words."""
    out = set()
    toks = tokens(text)
    for i, tok in enumerate(toks):
        low = fold(tok)
        if tok[0].isdigit():
            value = parse_number(tok)
            if value is not None:
                out.add(f"num:{number_key(value)}")
        elif is_month(tok, low):
            out.add(f"month:{MONTHS[low]}")
        elif low in NUMBER_WORDS:
            out.add(f"num:{NUMBER_WORDS[low]}")
        elif tok[0].isupper() and i > 0 and low not in STOPWORDS and len(low) > 2:
            out.add(stem(low))
    return out


def char_ngrams(stems: list[str], n: int = 4) -> list[str]:
    grams = []
    for s in stems:
        if s.startswith(("num:", "month:")):
            grams.append(s)
            continue
        padded = f" {s} "
        if len(padded) <= n:
            grams.append(padded)
        else:
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
