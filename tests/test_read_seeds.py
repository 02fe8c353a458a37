"""The two seed reports and the dev corpus read cleanly (skipped where ../shared is absent)."""

from __future__ import annotations

import json

from storyline.model import Article, ReadError
from storyline.read import read


def _by_prefix(seed_paths, prefix):
    [path] = [p for p in seed_paths if p.name.startswith(prefix)]
    [art] = list(read([str(path)]))
    assert isinstance(art, Article), art
    return art


def test_seed_000_url_dateline_and_standfirst(seed_paths):
    art = _by_prefix(seed_paths, "000_")
    first_line = seed_paths[0].read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("https://")
    assert art.url == first_line.strip()
    assert art.outlet == "arab.news"
    assert art.dateline == "ISLAMABAD"
    assert art.text.startswith("Secretary of State Marco Rubio has said")
    assert "ISLAMABAD:" not in art.text and "https://" not in art.text
    # The two bullet lines became the summary, and left the body.
    assert art.summary is not None and len(art.summary.split("\n")) == 2
    for bullet in art.summary.split("\n"):
        assert bullet not in art.text
    assert [r.kind for r in art.removed] == ["url_line", "standfirst", "standfirst", "dateline"]
    # Every other line of the file is in the body.
    lines = [x.strip() for x in seed_paths[0].read_text(encoding="utf-8").splitlines()[4:] if x.strip()]
    assert all(line in art.text for line in lines)


def test_seed_001_title_kept_once(seed_paths):
    art = _by_prefix(seed_paths, "001_")
    assert art.title == "US sees opportunity to expand ties with Pakistan: Marco Rubio"
    assert art.title not in art.text
    assert art.text.startswith("U.S. Secretary of State Marco Rubio has said")
    assert [r.kind for r in art.removed] == ["repeated_title", "repeated_title"]
    assert "\n\n\n" not in art.text


def test_dev_corpus_reads_without_error(dev_corpus):
    ids = [json.loads(line)["id"] for line in dev_corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = list(read([str(dev_corpus)]))
    errors = [i.message() for i in items if isinstance(i, ReadError)]
    assert errors == []
    assert [a.id for a in items] == ids
    for art in items:
        assert art.text.strip()
        assert not art.text.lstrip().startswith("date 20"), art.id  # the corpus marker is stripped
        assert art.meta.get("story")  # extra keys are kept


def test_dev_corpus_marker_date_used_only_when_missing(dev_corpus):
    records = {json.loads(x)["id"]: json.loads(x) for x in dev_corpus.read_text(encoding="utf-8").splitlines()}
    for art in read([str(dev_corpus)]):
        rec = records[art.id]
        if rec.get("date"):
            assert art.date == rec["date"][:10]
