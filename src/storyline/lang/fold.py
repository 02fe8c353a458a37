"""Script-aware text normalisation: fold accents, digits and scripts so reports in different
languages share tokens for what is the same in all of them (numbers, names, dates), plus the small
word tools built on it (a crude stem, edit distance, transliteration, name skeletons).

Why: a story is told in twelve languages, but "6,25 %", "6.25 per cent" and "৬.২৫ শতাংশ" are one
number, and "Pélicot", "Pelicot" and a Devanagari spelling of a name are one name. Every stage folds
with this one module, so grouping, extraction and the cross-check agree on what is "the same word".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Unicode decimal digits of every script -> ASCII digits.
_DIGITS = {
    cp: str(unicodedata.digit(chr(cp)))
    for cp in range(0x110000)
    if unicodedata.category(chr(cp)) == "Nd" and unicodedata.digit(chr(cp), None) is not None
}


def fold_digits(text: str) -> str:
    """Digits of every script as ASCII digits: "৬.২৫" -> "6.25"."""
    return text.translate(_DIGITS)


# Combining diacritics (U+0300-U+036F) are what Latin, Greek and Cyrillic letters take accents
# from; Indic vowel signs and viramas live in their own blocks and are kept.
_ACCENTS = re.compile("[\u0300-\u036f]")


def fold(text: str, *, all_marks: bool = False) -> str:
    """Lower case without accents, for comparing words across spellings and languages.

    By default (grouping, calendars): NFKC, ASCII digits, lower case, accents removed from Latin,
    Greek and Cyrillic letters only (Indic vowel signs and viramas are letters' parts, kept), final
    sigma as sigma. With ``all_marks`` (the cross-check's word matching, see fold_word): every
    combining mark is dropped, the text stays decomposed (NFKD), digits stay as written and the
    curly apostrophe becomes a straight one.
    """
    if all_marks:
        decomposed = unicodedata.normalize("NFKD", text.lower())
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")
    text = unicodedata.normalize("NFD", fold_digits(unicodedata.normalize("NFKC", text)))
    return unicodedata.normalize("NFC", _ACCENTS.sub("", text)).lower().replace("ς", "σ")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """fold(word, all_marks=True), cached: the cross-check folds the same words again and again.
    "Pélicot" -> "pelicot"."""
    return fold(word, all_marks=True)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude stem: enough to equate "relations"/"relation", "historical"/"historically"."""
    w = fold_word(word)
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ically", "ally", "ical", "ies", "ing", "ed", "ly", "es", "s"):
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions), for spotting a garbled name or term."""
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


# --- transliteration (rough, for name matching only) -------------------------------------------

_DEVA_CONS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh",
    "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d",
    "ध": "dh", "न": "n", "प": "p", "फ": "f", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r",
    "ल": "l", "ळ": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s", "ह": "h", "क़": "k", "ख़": "kh",
    "ग़": "g", "ज़": "z", "ड़": "r", "ढ़": "rh", "फ़": "f", "य़": "y",
}
_DEVA_VOWEL = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e", "ऐ": "ai",
    "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e",
}
_DEVA_SIGN = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai", "ो": "o",
    "ौ": "au", "ॉ": "o", "ॅ": "e", "ं": "n", "ँ": "n", "ः": "h", "्": "", "़": "",
}


def _indic_to_deva(ch: str) -> str:
    """Bengali (and Gurmukhi/Gujarati) share Devanagari's code layout at a fixed offset."""
    cp = ord(ch)
    for base in (0x0980, 0x0A00, 0x0A80):
        if base <= cp < base + 0x80:
            return chr(cp - base + 0x0900)
    return ch


def _translit_indic(word: str) -> str:
    out: list[str] = []
    chars = [_indic_to_deva(c) for c in unicodedata.normalize("NFC", word)]
    for i, ch in enumerate(chars):
        if ch in _DEVA_CONS:
            out.append(_DEVA_CONS[ch])
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if nxt and nxt not in _DEVA_SIGN and i + 1 < len(chars):
                out.append("a")  # inherent vowel (dropped at the end of a word, as in Hindi)
        elif ch in _DEVA_VOWEL:
            out.append(_DEVA_VOWEL[ch])
        elif ch in _DEVA_SIGN:
            out.append(_DEVA_SIGN[ch])
        elif ch.isascii():
            out.append(ch)
    return "".join(out)


_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                 "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sh", "", "y", "", "e", "yu", "ya"], strict=True))
_GRK = dict(zip("αβγδεζηθικλμνξοπρστυφχψω",
                ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s",
                 "t", "i", "f", "ch", "ps", "o"], strict=True))

# Arabic writes consonants and long vowels: alif, waw and ya become vowels, which the skeleton drops,
# so a foreign name keeps the consonants it has in Latin script (Grindavik, Reykjanes, Lagoon).
_ARB = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ؤ": "", "ئ": "y", "ب": "b", "ت": "t", "ث": "th",
    "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh",
    "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "g", "ف": "f", "ق": "q", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "u", "ي": "y", "ى": "a", "پ": "p", "چ": "ch", "ڤ": "v",
    "گ": "g", "ی": "y", "ک": "k",
}


def transliterate(word: str) -> str:
    """A rough Latin spelling of a folded word, good enough to compare consonant skeletons."""
    if not word or word.isascii():
        return word
    first = ord(word[0])
    if 0x0900 <= first < 0x0B00:
        return _translit_indic(word)
    if 0x0400 <= first < 0x0500:
        return "".join(_CYR.get(c, c) for c in word)
    if 0x0370 <= first < 0x0400:
        return "".join(_GRK.get(c, c) for c in word)
    if 0x0600 <= first < 0x0700:
        return "".join(_ARB.get(c, "") for c in word)
    return word


_SKELETON_SUBS = [
    (re.compile(r"ph"), "f"), (re.compile(r"[ck]h"), "k"), (re.compile(r"[cqk]"), "k"),
    (re.compile(r"[zj]"), "j"), (re.compile(r"w"), "v"), (re.compile(r"v"), "f"), (re.compile(r"(?<=[a-z])h"), ""),
    (re.compile(r"[aeiouy]"), ""), (re.compile(r"(.)\1+"), r"\1"),
]


def skeleton(word: str) -> str:
    """Consonant skeleton of a folded name: "malhotra" and "मल्होत्रा" both give "mltr" (h after a letter is dropped)."""
    w = transliterate(word)
    w = "".join(c for c in w if c.isascii() and c.isalpha())
    if not w:
        return ""
    head, rest = w[0], w[1:]
    for pat, rep in _SKELETON_SUBS:
        rest = pat.sub(rep, rest)
    head = "" if head in "aeiouy" else head
    for pat, rep in _SKELETON_SUBS[:5]:
        head = pat.sub(rep, head)
    return re.sub(r"(.)\1+", r"\1", head + rest)
