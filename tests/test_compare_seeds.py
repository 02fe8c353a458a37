"""Seed acceptance: the JSON dossier for the two seed reports keeps the findings a careful reader
would make (issue 3). Every check goes through the public CLI and the JSON contract."""

from __future__ import annotations

import json
import os
import re

import pytest
from typer.testing import CliRunner

from storyline.check.text import content_stems
from storyline.cli import app

METHOD = os.environ.get("STORYLINE_TEST_METHOD", "lexical")
_CACHE: dict[tuple[str, ...], dict] = {}


@pytest.fixture
def dossier(seed_paths) -> dict:
    key = tuple(map(str, seed_paths))
    if key not in _CACHE:
        result = CliRunner().invoke(app, ["compare", *key, "--format", "json", "--method", METHOD])
        assert result.exit_code == 0, result.output
        _CACHE[key] = json.loads(result.stdout)
    return _CACHE[key]


@pytest.fixture
def ids(dossier) -> tuple[str, str]:
    a, b = (art["id"] for art in dossier["articles"])
    assert "000_" in a and "001_" in b
    return a, b


def _flat(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _findings(dossier, kind):
    return [f for f in dossier["findings"] if f["kind"] == kind]


def test_same_story(dossier):
    assert dossier["same_story"]["verdict"] == "yes"
    assert dossier["same_story"]["outliers"] == []


def test_rubio_concern_quote_is_paired(dossier, ids):
    pairs = []
    for f in _findings(dossier, "quote_variant"):
        w = {x["article"]: _flat(x["text"]) for x in f["details"]["wordings"]}
        if "Rubio" in (f["details"]["speaker"] or ""):
            pairs.append(w)
    assert any("They really haven't" in w.get(ids[0], "") and "we know they're concerned" in w.get(ids[0], "")
               and "No, nothing special happened" in w.get(ids[1], "")
               and "We know that they are concerned" in w.get(ids[1], "") for w in pairs), pairs


def test_strategic_quote_is_paired(dossier, ids):
    found = [f for f in _findings(dossier, "quote_variant")
             if any("expand our strategic relationship with Pakistan" in _flat(w["text"])
                    for w in f["details"]["wordings"] if w["article"] == ids[0])
             and any("expand our strategic partnership with Pakistan" in _flat(w["text"])
                     for w in f["details"]["wordings"] if w["article"] == ids[1])]
    assert len(found) == 1
    assert found[0]["details"]["severity"] in ("minor", "reworded")
    assert {"op": "replace", "a": "relationship", "b": "partnership"} in found[0]["details"]["diff"]


def test_sharif_name_variant(dossier):
    variants = [set(f["details"]["variants"]) for f in _findings(dossier, "name_variant")]
    assert any({"Shehbaz Sharif", "Shahbaz Sharif"} <= v for v in variants), variants


def test_presidium_suspect_term(dossier, ids):
    terms = [f["details"] for f in _findings(dossier, "suspect_term")]
    assert any(t["term"] == "presidium" and t["suggestion"] == "praseodymium" and t["article"] == ids[1]
               for t in terms), terms
    # USSM is US Strategic Metals spelled out correctly: not a garbled acronym (a false alarm once)
    assert not any(t["term"] == "USSM" for t in terms), terms


@pytest.mark.parametrize(
    ("which", "patterns"),
    [
        (0, [r"29 percent to 19 percent"]),
        (0, [r"3\.2 percent", r"GDP"]),
        (1, [r"Munir", r"\bJune\b"]),
        (1, [r"Munir", r"\bAugust\b"]),
        (1, [r"first consignment of mineral samples"]),
    ],
)
def test_unique_facts(dossier, ids, which, patterns):
    owner = ids[which]
    hits = [f for f in _findings(dossier, "unique_fact")
            if f["details"]["article"] == owner and all(re.search(p, f["evidence"][0]["text"]) for p in patterns)]
    assert hits, f"no unique_fact for {patterns} in {owner}"


@pytest.mark.parametrize("patterns", [[r"\$500 million", r"USSM", r"Sept"], [r"four-day"]])
def test_corroborated_claims(dossier, ids, patterns):
    for claim in dossier["claims"]:
        if claim["status"] not in ("corroborated", "contested") or set(claim["articles"]) != set(ids):
            continue
        per_article = {aid: " ".join(s["text"] for s in claim["support"] if s["article"] == aid) for aid in ids}
        if all(any(re.search(p, per_article[aid]) for aid in ids) for p in patterns) and \
                all(re.search(patterns[0], t) for t in per_article.values()):
            return
    pytest.fail(f"no corroborated claim supported by both reports for {patterns}")


def test_attributions(dossier, ids):
    sources = {f["details"]["article"]: " | ".join(f["details"]["sources"]) for f in _findings(dossier, "attribution")}
    assert "Dawn" in sources.get(ids[1], "")
    assert re.search(r"Prime Minister.*office", sources.get(ids[0], ""))
    assert re.search(r"US embassy", sources.get(ids[0], ""))


def test_every_evidence_points_at_its_sentence(dossier):
    arts = {a["id"]: a for a in dossier["articles"]}
    for f in dossier["findings"] + [{"evidence": c["support"]} for c in dossier["claims"]]:
        for ev in f["evidence"]:
            sent = arts[ev["article"]]["sentences"][ev["sentence"]]
            assert ev["text"] == sent["text"]
            if ev.get("span"):
                start, end = ev["span"]
                assert sent["start"] <= start < end <= sent["end"] + 1, (f.get("kind"), ev)


def test_quote_variants_pair_the_same_statement(dossier):
    """No quote_variant may pair two different quotes: the wordings share most of their content words."""
    for f in _findings(dossier, "quote_variant"):
        a, b = (set(content_stems(w["text"])) for w in f["details"]["wordings"])
        assert len(a & b) >= 3 and len(a & b) / min(len(a), len(b)) >= 0.45, f["details"]["wordings"]
        articles = {ev["article"] for ev in f["evidence"]}
        assert len(articles) == 2
