"""Sentence splitting with exact character offsets (syntok handles "Sept.", "U.S." and curly quotes)."""

from __future__ import annotations

from syntok import segmenter

from storyline.model import Sentence


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose ``start``/``end`` index into ``text`` itself."""
    out: list[Sentence] = []
    for paragraph in segmenter.analyze(text):
        for tokens in paragraph:
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            piece = text[start:end]
            if piece.strip():
                out.append(Sentence(index=len(out), start=start, end=end, text=piece))
    return _merge_quote_tails(text, out)


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
