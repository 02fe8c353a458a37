"""The SQLite store: round trips, content-hash no-ops, migrations, readers during a write."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.ingest import ingest
from storyline.model import Article, Quantity, Sentence
from storyline.store import SCHEMA_VERSION, Store, content_key, find_story, list_stories, search


def _articles() -> list[Article]:
    # Invented reports: two of one event (English and Spanish), one of another.
    return [
        Article(id="a1", text="The Central Bank of Norvania cut its rate to 3.75% on June 6, 2024.",
                date="2024-06-06", lang="en", outlet="one.example", title="Norvania cuts rate",
                sentences=[Sentence(0, 0, 68, "The Central Bank of Norvania cut its rate to 3.75% on June 6, 2024.")],
                quantities=[Quantity(text="3.75%", span=(44, 49), kind="percent", value=3.75, unit="%")]),
        Article(id="a2", text="El Banco Central de Norvania rebajó su tipo al 3,75% el 6 de junio de 2024.",
                date="2024-06-06", lang="es", outlet="dos.example"),
        Article(id="a3", text="A wildfire near Kelport burned 2,921 acres on 7 January 2025, officials said.",
                date="2025-01-07", lang="en", outlet="three.example"),
    ]


def test_round_trip_and_no_op_reingest(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        stats = ingest(store, _articles())
        assert (stats.read, stats.new, stats.duplicate) == (3, 3, 0)
        back = store.article(content_key(_articles()[0]))
        assert back is not None and back.to_dict() == _articles()[0].to_dict()
        facts = store.conn.execute("SELECT kind, value FROM facts").fetchall()
        assert [tuple(r) for r in facts] == [("quantity", "3.75")]
        before = store.dump()
        # Same content under other ids: duplicates, nothing changes.
        again = [Article(**{**a.to_dict(), "id": a.id + "-copy", "sentences": [], "quantities": []})
                 for a in _articles()]
        stats2 = ingest(store, again)
        assert (stats2.new, stats2.duplicate) == (0, 3)
        assert store.dump() == before


def test_stories_cover_every_article_once(tmp_path):
    with Store(tmp_path / "s.db") as store:
        ingest(store, _articles())
        rows = store.conn.execute("SELECT article, story FROM story_articles").fetchall()
        assert len(rows) == 3 == len({r[0] for r in rows})
        stories = list_stories(store)
        assert sum(s.reports for s in stories) == 3
        assert all(s.method.startswith("storyline.group.events.v") for s in stories)
        norvania = [s for s in stories if s.reports == 2]
        assert norvania and norvania[0].languages == ["en", "es"]
        story = find_story(store, norvania[0].id[:6])
        assert story is not None and len(story.articles) == 2


def test_migrations_recorded_once(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()
    Store(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT version FROM migrations").fetchall() == [(v,) for v in range(1, SCHEMA_VERSION + 1)]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_search_finds_words_and_survives_odd_queries(tmp_path):
    with Store(tmp_path / "s.db") as store:
        ingest(store, _articles())
        hits = search(store, "wildfire acres")
        assert [h.id for h in hits] == ["a3"]
        assert "[" in hits[0].snippet
        assert search(store, 'AND "OR 3.75%') == [] or all(h.id for h in search(store, 'AND "OR 3.75%'))


def test_readers_work_while_a_writer_holds_the_lock(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest(store, _articles())
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO meta (name, value) VALUES ('x', 'y')")
    try:
        runner = CliRunner()
        res = runner.invoke(app, ["stories", "--db", str(db), "--format", "json"])
        assert res.exit_code == 0, res.output
        assert '"reports": 2' in res.output
        res = runner.invoke(app, ["search", "Kelport", "--db", str(db)])
        assert res.exit_code == 0 and "a3" in res.output
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_missing_store_is_a_one_line_error(tmp_path):
    res = CliRunner().invoke(app, ["stories", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 2
    assert "no such store" in res.output and len(res.output.strip().splitlines()) == 1


@pytest.mark.slow
def test_show_prints_the_dossier_of_a_stored_story(tmp_path):
    import json

    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest(store, _articles())
        sid = [s.id for s in list_stories(store) if s.reports == 2][0]
    res = CliRunner().invoke(app, ["show", sid, "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    dossier = json.loads(res.output)
    assert sorted(a["id"] for a in dossier["articles"]) == ["a1", "a2"]
    res = CliRunner().invoke(app, ["show", "nope", "--db", str(db)])
    assert res.exit_code == 2 and "no such story" in res.output


def _age(store: Store, method: str | None) -> None:
    """Make ``store`` look written by an older grouping: other features, another method on record."""
    import json

    for key, feats in store.conn.execute("SELECT key, features FROM articles").fetchall():
        d = json.loads(feats)
        d["tokens"] = {t: n for t, n in d["tokens"].items() if not t.startswith("k:")}  # no name tokens
        store.conn.execute("UPDATE articles SET features = ? WHERE key = ?", (json.dumps(d), key))
    store.conn.execute("UPDATE stories SET method = 'storyline.group.events.v0'")
    if method is None:
        store.conn.execute("DELETE FROM meta WHERE name = 'grouping'")
    else:
        store.set_features_version(method)


def test_a_store_grouped_by_an_older_method_is_refreshed_on_the_next_ingest(tmp_path):
    """The features a store keeps are those of the grouping that wrote them; after an upgrade the next
    ingest recomputes them from the stored reports and regroups, so the store equals a fresh one."""
    from storyline.group.incremental import FEATURES_VERSION

    with Store(tmp_path / "fresh.db") as fresh:
        ingest(fresh, _articles())
        assert fresh.features_version() == FEATURES_VERSION
        want = fresh.dump()
    # a store of the same method whose features lack this version's tags is refreshed too
    for recorded in ("storyline.group.events.v0", "storyline.group.events.v4", None):
        db = tmp_path / f"old-{recorded}.db"
        with Store(db) as store:
            ingest(store, _articles())
            _age(store, recorded)
            assert store.dump() != want
        with Store(db) as store:
            stats = ingest(store, _articles())  # nothing new, yet the store is brought up to date
            assert (stats.new, stats.refreshed, stats.previous_method) == (0, 3, recorded)
            assert store.dump() == want and store.features_version() == FEATURES_VERSION
            assert ingest(store, _articles()).refreshed == 0  # once only


def test_ingest_says_when_it_refreshed_an_older_store(tmp_path):
    db = tmp_path / "old.db"
    with Store(db) as store:
        ingest(store, _articles())
        _age(store, "storyline.group.events.v0")
    note = tmp_path / "note.txt"
    note.write_text("The Kelport council approved a new harbour wall on Tuesday after a storm.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(note), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "grouped with storyline.group.events.v0" in result.stderr and "4 articles were recomputed" in result.stderr
