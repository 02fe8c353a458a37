"""The dossier cache in the store: a cached dossier is found only for the same content and checker,
and a change to the story's membership invalidates it."""

from __future__ import annotations

import sqlite3

from storyline.ingest import ingest
from storyline.model import Article
from storyline.store import (
    Store,
    cached_dossier,
    forget_dossier,
    list_stories,
    save_dossier,
    story_signature,
)


def _reports(n: int, event: str = "Kelport") -> list[Article]:
    # Invented reports of one wildfire, worded alike so they group as one story.
    return [Article(id=f"r{i}", url=f"https://r{i}.example/fire",
                    text=f"A wildfire near {event} burned 2,921 acres on 7 January 2025, officials said. "
                         f"Crews from {event} worked overnight.",
                    date="2025-01-07", lang="en", outlet=f"r{i}.example") for i in range(n)]


def _only_story(store: Store) -> str:
    rows = list_stories(store, min_reports=2)
    assert len(rows) == 1
    return rows[0].id


def _stored_story(store: Store, n: int) -> tuple[str, str]:
    """Ingest ``n`` reports of one story; its id and content signature."""
    ingest(store, _reports(n))
    story = _only_story(store)
    return story, story_signature(store, story)


def test_a_cached_dossier_counts_for_the_same_content_and_checker_only(tmp_path):
    with Store(tmp_path / "s.db") as store:
        story, sig = _stored_story(store, 3)
        assert cached_dossier(store, story, sig, "v1") is None
        assert save_dossier(store, story, sig, "v1", '{"findings": []}')
        assert cached_dossier(store, story, sig, "v1") == '{"findings": []}'
        assert cached_dossier(store, story, sig, "v2") is None  # a newer checker recomputes
        assert cached_dossier(store, story, "other", "v1") is None
        assert not save_dossier(store, story, "stale", "v1", "{}")  # content changed meanwhile: not kept
        forget_dossier(store, story)
        assert cached_dossier(store, story, sig, "v1") is None


def test_a_report_joining_the_story_invalidates_its_dossier(tmp_path):
    with Store(tmp_path / "s.db") as store:
        story, sig = _stored_story(store, 3)
        save_dossier(store, story, sig, "v1", "{}")
        ingest(store, [Article(id="late", url="https://late.example/fire", date="2025-01-07", lang="en",
                               text="A wildfire near Kelport burned 2,921 acres on 7 January 2025, officials "
                                    "said. Crews from Kelport worked overnight, the mayor added.")])
        now = _only_story(store)
        new_sig = story_signature(store, now)
        assert new_sig != sig
        assert cached_dossier(store, now, new_sig, "v1") is None


def test_the_signature_depends_on_the_stored_records(tmp_path):
    with Store(tmp_path / "s.db") as store:
        story, sig = _stored_story(store, 3)
        store.conn.execute("UPDATE articles SET data = replace(data, 'r0.example', 'x.example')")
        assert story_signature(store, story) != sig


def test_a_store_without_the_cache_table_reads_as_no_cache(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        story, sig = _stored_story(store, 2)
    conn = sqlite3.connect(db)  # as a store written before migration 3, opened read-only
    conn.execute("DROP TABLE dossiers")
    conn.commit()
    conn.close()
    with Store(db, readonly=True) as store:
        assert cached_dossier(store, story, sig, "v1") is None
