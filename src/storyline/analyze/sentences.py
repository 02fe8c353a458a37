"""Sentence splitting with exact character offsets (syntok handles "Sept.", "U.S." and curly quotes).

syntok's tokenizer reads each paragraph; the cutting decisions are made by ``_segment``, which
re-implements syntok 1.4.4's segmenter over plain lists (same sentences, a fraction of the time).
With any other syntok version the splitter falls back to syntok's own segmenter.
"""

from __future__ import annotations

from importlib.metadata import version

from syntok import segmenter
from syntok.tokenizer import Tokenizer

from storyline.analyze._segment import segment
from storyline.model import Sentence

_FAST = version("syntok") == "1.4.4"
_TOKENIZER = Tokenizer(replace_not_contraction=False)  # what segmenter.analyze uses


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose ``start``/``end`` index into ``text`` itself."""
    return _sentences(text, _spans(text) if _FAST else _syntok_spans(text))


def split_sentences_syntok(text: str) -> list[Sentence]:
    """The same sentences through syntok's own segmenter: the reference for tests and benchmarks."""
    return _sentences(text, _syntok_spans(text))


def _sentences(text: str, spans: list[tuple[int, int]]) -> list[Sentence]:
    out: list[Sentence] = []
    for start, end in spans:
        piece = text[start:end]
        if piece.strip():
            out.append(Sentence(index=len(out), start=start, end=end, text=piece))
    return _merge_quote_tails(text, out)


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: syntok's paragraphs and tokens, cut by ``_segment``."""
    out: list[tuple[int, int]] = []
    for base, paragraph in segmenter.preprocess_with_offsets(text):
        values, spaced, offsets = _tokens(paragraph)
        for a, b in segment(values, spaced, offsets):
            out.append((base + offsets[a], base + offsets[b - 1] + len(values[b - 1])))
    return out


_CHUNKS = Tokenizer._spaces  # syntok's own "run of non-space characters"


def _plain(word: str) -> bool:
    """A word syntok's tokenizer keeps whole: letters/digits with no lower-to-upper change inside and
    no modifier-letter apostrophe (ʼ ʹ count as letters in Python but start a split in syntok)."""
    return (len(word) == 1 or word[1:].islower() or word.isdigit()) and "\u02bc" not in word and "\u02b9" not in word


def _tokens(paragraph: str) -> tuple[list[str], list[bool], list[int]]:
    """syntok's tokens for one paragraph as (values, had-spacing, offsets).

    Most runs of non-space characters are a plain word, or a plain word and one punctuation mark:
    those are split here directly. Anything else goes through syntok's tokenizer on that run alone,
    which yields the same tokens (a run's tokens depend only on its own characters; the space before
    it belongs to its first token).
    """
    values: list[str] = []
    spaced: list[bool] = []
    offsets: list[int] = []
    prev = 0
    for mo in _CHUNKS.finditer(paragraph):
        s, e = mo.span()
        chunk = mo.group()
        if chunk.isalnum() and _plain(chunk):
            values.append(chunk)
            spaced.append(s > prev)
            offsets.append(s)
        elif len(chunk) > 1 and chunk[:-1].isalnum() and not chunk[-1].isalnum() and _plain(chunk[:-1]):
            values += (chunk[:-1], chunk[-1])
            spaced += (s > prev, False)
            offsets += (s, e - 1)
        else:
            first = True
            for tok in _TOKENIZER.tokenize(chunk):
                values.append(tok.value)
                spaced.append(s > prev if first else bool(tok.spacing))
                offsets.append(s + tok.offset)
                first = False
        prev = e
    if prev < len(paragraph):  # trailing space: syntok ends the paragraph with an empty token
        values.append("")
        spaced.append(True)
        offsets.append(len(paragraph))
    return values, spaced, offsets


def _syntok_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence straight from syntok's segmenter (the reference)."""
    out: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for tokens in paragraph:
            if tokens:
                out.append((tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)))
    return out


def _merge_quote_tails(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Glue a sentence made only of closing punctuation (a stray ``”``) onto the one before it."""
    merged: list[Sentence] = []
    for s in sentences:
        if merged and all(not ch.isalnum() for ch in s.text):
            prev = merged[-1]
            merged[-1] = Sentence(prev.index, prev.start, s.end, text[prev.start : s.end])
        else:
            merged.append(Sentence(len(merged), s.start, s.end, s.text))
    return merged
