"""Sentence embeddings in alignment: the semantic score, rescaled per encoder and mixed with the
lexical one. The encoders themselves are loaded by storyline.lang.embeddings.
"""

from __future__ import annotations

import numpy as np

from storyline.check.similarity import SentenceRef
from storyline.lang.embeddings import HIGH, LOW, Encoder

MIX = 0.5  # share of the semantic score in the blended similarity


def semantic_matrix(texts: list[str], encoder: Encoder) -> np.ndarray:
    vectors = encoder.encode(texts)
    cosine: np.ndarray = vectors @ vectors.T
    low: float = getattr(encoder, "low", LOW)
    high: float = getattr(encoder, "high", HIGH)
    return np.clip((cosine - low) / (high - low), 0.0, 1.0).astype(np.float32)


def blend(lexical: np.ndarray, refs: list[SentenceRef], encoder: Encoder, langs: list[str | None] | None = None) -> np.ndarray:
    """Mix the lexical matrix with the rescaled semantic one. Between reports in different languages
    the lexical score says little, so the semantic score stands alone there."""
    if len(refs) == 0:
        return lexical
    semantic = semantic_matrix([r.text for r in refs], encoder)
    mixed = (1 - MIX) * lexical + MIX * semantic
    if langs:
        lang_of = np.array([langs[r.article] or "" for r in refs])
        cross = (lang_of[:, None] != lang_of[None, :]) & (lang_of[:, None] != "") & (lang_of[None, :] != "")
        mixed = np.where(cross, np.maximum(mixed, semantic), mixed)
    return mixed.astype(np.float32)
