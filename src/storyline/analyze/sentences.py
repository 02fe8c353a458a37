"""Sentence splitting with exact character offsets (syntok handles "Sept.", "U.S." and curly quotes).

A "sentence" is also a unit of work: the quote, speaker and name readers look across a sentence,
so a text without full stops (a run-on page, a list scraped into one line) would make one sentence
the size of the text and their work grow with its square. A piece longer than MAX_SENTENCE is cut
at the last space before that length. Real sentences are far shorter (the longest in the dev corpus
has 665 characters), so news text is split exactly as before.
"""

from __future__ import annotations

import re

from syntok import segmenter
from syntok.tokenizer import Tokenizer

from storyline.model import Sentence

MAX_SENTENCE = 2000  # characters



def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose ``start``/``end`` index into ``text`` itself."""
    out: list[Sentence] = []
    tokenizer = Tokenizer(replace_not_contraction=False)  # as segmenter.analyze makes it
    for offset, paragraph in segmenter.preprocess_with_offsets(text):
        # Each paragraph is tokenised alone and its offsets shifted here: segmenter.analyze pads
        # every paragraph with as many spaces as precede it, which made long texts quadratic.
        for tokens in segmenter.segment(tokenizer.tokenize(paragraph)):
            if not tokens:
                continue
            start = offset + tokens[0].offset
            end = offset + tokens[-1].offset + len(tokens[-1].value)
            for lo, hi in _bounded(text, start, end):
                piece = text[lo:hi]
                if piece.strip():
                    out.append(Sentence(index=len(out), start=lo, end=hi, text=piece))
    return _merge_quote_tails(text, out)


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` as pieces of at most MAX_SENTENCE characters, cut after a space where one
    is near the limit (each piece then starts at a word)."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


# Honorifics the splitter knows only in mixed case: a transcript's "MR. OKAFOR:" is one sentence.
_CAPS_HONORIFICS = {"MR.", "MRS.", "MS.", "DR."}
# Titles the splitter ends a sentence at: "“…,” Rep. Gwen Moore said" is one sentence.
_TITLE_ABBREVIATION = re.compile(r"(?:^|[\s(“\"])(?:Rep|Reps|Gov|Lt|Sgt|Rev|Sens|Maj|Cmdr|Amb|Atty|Supt)\.$")


def _merge_quote_tails(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Glue a sentence made only of closing punctuation (a stray ``”``) onto the one before it, and
    a lone capitalised honorific ("MR.") onto the name after it on the same line."""
    merged: list[Sentence] = []
    for s in sentences:
        after_honorific = (bool(merged) and (merged[-1].text.strip() in _CAPS_HONORIFICS
                                             or _TITLE_ABBREVIATION.search(merged[-1].text.rstrip()) is not None
                                             and s.text[:1].isupper())
                           and "\n" not in text[merged[-1].end : s.start])
        if merged and (after_honorific or all(not ch.isalnum() for ch in s.text)):
            prev = merged[-1]
            merged[-1] = Sentence(prev.index, prev.start, s.end, text[prev.start : s.end])
        else:
            merged.append(Sentence(len(merged), s.start, s.end, s.text))
    return merged
