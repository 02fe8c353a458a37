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


def _chunk_tokens(chunk: str) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[int, ...]]:
    """syntok's tokens for one run of non-space characters: (values, had-spacing for all but the
    first token, offsets within the run).

    A run's tokens depend only on its own characters (the space before it belongs to its first
    token), so a plain word, or a plain word and one punctuation mark, is split here directly and
    anything else by syntok's tokenizer on the run alone.
    """
    if chunk.isalnum() and _plain(chunk):
        return (chunk,), (), (0,)
    if len(chunk) > 1 and chunk[:-1].isalnum() and not chunk[-1].isalnum() and _plain(chunk[:-1]):
        return (chunk[:-1], chunk[-1]), (False,), (0, len(chunk) - 1)
    toks = list(_TOKENIZER.tokenize(chunk))
    return tuple(t.value for t in toks), tuple(bool(t.spacing) for t in toks[1:]), tuple(t.offset for t in toks)


# Runs repeat ("the", "said", "percent."), and a run always gives the same tokens: remember them.
_CHUNK_CACHE: dict[str, tuple[tuple[str, ...], tuple[bool, ...], tuple[int, ...]]] = {}
_CHUNK_CACHE_MAX = 50_000  # a few MB at most


def _tokens(paragraph: str) -> tuple[list[str], list[bool], list[int]]:
    """syntok's tokens for one paragraph as (values, had-spacing, offsets)."""
    values: list[str] = []
    spaced: list[bool] = []
    offsets: list[int] = []
    cache = _CHUNK_CACHE
    prev = 0
    for mo in _CHUNKS.finditer(paragraph):
        s = mo.start()
        chunk = mo.group()
        toks = cache.get(chunk)
        if toks is None:
            if len(cache) >= _CHUNK_CACHE_MAX:
                cache.clear()
            toks = cache[chunk] = _chunk_tokens(chunk)
        vals, later_spaced, rel = toks
        spaced.append(s > prev)
        if len(vals) == 1:
            values.append(vals[0])
            offsets.append(s)
        else:
            values.extend(vals)
            spaced.extend(later_spaced)
            offsets.extend([s + r for r in rel])
        prev = s + len(chunk)
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
