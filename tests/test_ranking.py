"""The dossier ranks its findings by importance and opens with a summary block that counts them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from storyline.check import compare
from storyline.check.ranking import importance, ranked, severity_label
from storyline.model import Article, Evidence, Finding
from storyline.pipeline import extract

REPO = Path(__file__).resolve().parents[1]


def finding(kind: str, articles: list[str], score: float = 1.0, **details) -> Finding:
    return Finding(kind=kind, summary=f"{kind} in {articles}",
                   evidence=[Evidence(article=a, sentence=0, text="x") for a in articles], details=details, score=score)


@pytest.fixture(scope="module")
def example():
    arts = [a for a in extract([str(REPO / "examples" / "port-alder-fire")]) if isinstance(a, Article)]
    return compare(arts, method="lexical")


def test_meaning_changed_outranks_reworded_and_reach_and_strength_count():
    changed = finding("quote_variant", ["a", "b"], severity="different meaning")
    reworded = finding("quote_variant", ["a", "b"], severity="reworded")
    assert importance(changed, 10) > importance(reworded, 10)
    wide = finding("number_conflict", [f"r{i}" for i in range(8)])
    narrow = finding("number_conflict", ["r0", "r1"])
    assert importance(wide, 10) > importance(narrow, 10)
    assert importance(finding("reuse", ["a", "b"], 0.99), 10) > importance(finding("reuse", ["a", "b"], 0.5), 10)
    assert importance(finding("unique_fact", ["a"]), 10) < importance(narrow, 10)
    assert ranked([reworded, changed, narrow], 10) == [1, 2, 0]
    assert severity_label(changed) == "high" and severity_label(reworded) == "medium"


def test_primary_source_involvement_ranks_higher():
    plain = finding("number_conflict", ["a", "b"])
    assert importance(plain, 5, primary="a") > importance(plain, 5, primary="z")
    assert importance(finding("number_conflict", ["a", "b"], fidelity={}), 5) > importance(plain, 5)


def test_summary_counts_and_ranks_the_findings(example):
    s = example.summary
    assert s["reports"] == 4 and s["findings"] == len(example.findings)
    assert s["by_kind"] == dict(Counter(f.kind for f in example.findings)) | s["by_kind"]
    assert sum(s["by_kind"].values()) == len(example.findings)
    assert sum(s["by_severity"].values()) == len(example.findings)
    top = s["top"]
    assert top and len(top) <= 10
    assert [t["importance"] for t in top] == sorted((t["importance"] for t in top), reverse=True)
    best = max(importance(f, 4) for f in example.findings)
    assert top[0]["importance"] == best
    for t in top:
        assert example.findings[t["finding"]].summary == t["summary"]
    assert set(s["by_outlet"]) <= {a.get("outlet") or a.get("label") or a["id"] for a in example.articles}


def test_findings_within_a_kind_come_most_important_first(example):
    by_kind: dict[str, list[float]] = {}
    for f in example.findings:
        by_kind.setdefault(f.kind, []).append(importance(f, 4))
    for kind, scores in by_kind.items():
        assert scores == sorted(scores, reverse=True), kind
