"""A 60-report story reads like a dossier, not a wall: one quote finding per (utterance, report),
the summary first and ranked, pair scores compact, and the HTML report growing with the reports,
not with their pairs (issue 11 part 5, issue 13).

The story is assembled from the dev corpus (../shared; skipped without it): the dev story with the
most quotes, its reports repeated and rewritten (sentences dropped or reordered, figures moved) up
to the size wanted, so copies, rewordings and conflicts all occur."""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from bench.compare_speed import reword

from storyline.analyze import analyze
from storyline.check import compare
from storyline.check.ranking import importance
from storyline.model import Article, Dossier, ReadError
from storyline.pipeline import extract
from storyline.render import render

pytestmark = pytest.mark.slow


@functools.lru_cache(maxsize=1)
def _base(dev_corpus: Path) -> tuple[Article, ...]:
    arts = [a for a in extract([str(dev_corpus)]) if not isinstance(a, ReadError)]
    by_story: dict[str, list[Article]] = defaultdict(list)
    for a in arts:
        by_story[a.meta.get("story", "?")].append(a)
    story = max(sorted(by_story), key=lambda s: sum(len(a.quotes) for a in by_story[s]))
    return tuple(by_story[story])


def story_of(dev_corpus: Path, n: int) -> list[Article]:
    base = _base(dev_corpus)
    out = []
    for k in range(n):
        a, round_ = base[k % len(base)], k // len(base)
        if round_ == 0:
            out.append(a)
        else:
            out.append(analyze(dataclasses.replace(a, id=f"{a.id}~{k}", text=reword(a.text, round_), sentences=[],
                                                   quotes=[], dates=[], quantities=[], names=[], attributions=[])))
    return out


@functools.lru_cache(maxsize=2)
def _dossier(dev_corpus: Path, n: int) -> Dossier:
    return compare(story_of(dev_corpus, n), method="lexical")


def test_one_quote_finding_per_utterance_and_report(dev_corpus):
    d = _dossier(dev_corpus, 60)
    seen: Counter[tuple[str, int]] = Counter()
    for f in (f for f in d.findings if f.kind == "quote_variant"):
        reports = [w["article"] for w in f.details["wordings"]]
        assert len(reports) == len(set(reports)), f.summary
        for ev in f.evidence:
            seen[(ev.article, ev.span[0])] += 1
    assert all(n == 1 for n in seen.values()), [k for k, n in seen.items() if n > 1]


def test_the_summary_is_present_counted_and_ranked(dev_corpus):
    d = _dossier(dev_corpus, 60)
    s = d.summary
    assert s["reports"] == 60 and s["findings"] == len(d.findings) == sum(s["by_kind"].values())
    scores = [t["importance"] for t in s["top"]]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == max(importance(f, 60) for f in d.findings)
    assert len(d.same_story["nearest"]) == 60
    assert len(d.same_story["pairs"]) <= 3 * 60 < 60 * 59 // 2  # each report's nearest, not every pair


def test_reports_grow_the_html_linearly_and_the_text_outputs_stay_short(dev_corpus):
    small, large = _dossier(dev_corpus, 15), _dossier(dev_corpus, 60)
    html_small, html_large = render(small, "html"), render(large, "html")
    assert len(html_large) / len(html_small) <= 5.0  # four times the reports: about four times the page
    assert html_large.index('id="summary"') < html_large.index('id="findings"')
    assert len(render(large, "markdown").splitlines()) < 1500
    assert len(render(large, "text", width=120).splitlines()) < 1200
