"""Tokens compared by alignment and findings.

Reports of one story are reworded, abbreviated ("Sept.") and sometimes translated, so sentences are
compared on normalised content words, on numbers and names (anchors that survive translation) and
on character n-grams (which catch cognates such as "inflation"/"inflación"). The language knowledge
(folding, stems, months, numbers, stopwords) comes from storyline.lang.
"""

from __future__ import annotations

import re

from storyline.lang.calendar import WORD_MONTHS, is_month_word
from storyline.lang.fold import fold_word, stem
from storyline.lang.numbers import ANY_LANGUAGE_NUMBER_WORDS, number_key, parse_number_any_language
from storyline.lang.stopwords import STOPWORDS

WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def tokens(text: str) -> list[str]:
    return WORD.findall(text)


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``; months become "month:N" and number words digits."""
    out = []
    for tok in tokens(text):
        low = fold_word(tok)
        if is_month_word(tok, low):
            out.append(f"month:{WORD_MONTHS[low]}")
        elif low in ANY_LANGUAGE_NUMBER_WORDS:
            out.append(f"num:{ANY_LANGUAGE_NUMBER_WORDS[low]}")
        elif tok[0].isdigit():
            value = parse_number_any_language(tok)
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
        low = fold_word(tok)
        if tok[0].isdigit():
            value = parse_number_any_language(tok)
            if value is not None:
                out.add(f"num:{number_key(value)}")
        elif is_month_word(tok, low):
            out.add(f"month:{WORD_MONTHS[low]}")
        elif low in ANY_LANGUAGE_NUMBER_WORDS:
            out.add(f"num:{ANY_LANGUAGE_NUMBER_WORDS[low]}")
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
