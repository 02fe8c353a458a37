"""The dossier's work grows about linearly with the number of reports (issue 14: compare on 1,000
reports in under a minute). Counted in Python lines (tests/growth.py), never timed.

The conflict detectors that another part of the project owns (numbers, dates, places, names, terms,
unique facts) are left out here: they have their own checks; this measures what the dossier itself
does: similarity, alignment, claims, quotes by utterance, copying, attribution, the same-story
verdict, the timeline, the summary and the renderers."""

from __future__ import annotations

import functools

import pytest
from bench.gen_corpus import generate
from tests.growth import LINEAR_BOUND, growth

from storyline.analyze import analyze
from storyline.check import attribution, quote_variant, reuse, similarity
from storyline.check import dossier as dossier_module
from storyline.model import Article
from storyline.render import render

OWN_FINDERS = (quote_variant, attribution, reuse)


@functools.lru_cache(maxsize=4)
def reports(n: int) -> tuple[Article, ...]:
    return tuple(analyze(Article(id=r["id"], text=r["text"], date=r["date"], lang=r["lang"], outlet=r["outlet"]))
                 for r in generate(n, seed=7))


@pytest.mark.slow
def test_dossier_work_grows_linearly(monkeypatch):
    monkeypatch.setattr(dossier_module, "FINDERS", OWN_FINDERS)

    def run(n: int) -> None:
        d = dossier_module.compare(list(reports(n)), method="lexical")
        render(d, "html")

    # the candidate cap (48 per sentence past 100 reports) made to bind at these sizes
    monkeypatch.setattr(similarity, "PAIRWISE_MAX", 16)
    monkeypatch.setattr(similarity, "NEIGHBOURS", 3)
    reports(24), reports(96)  # analysed before counting: the dossier's work is what is measured
    ratio = growth(run, 24)
    assert ratio <= LINEAR_BOUND, ratio
