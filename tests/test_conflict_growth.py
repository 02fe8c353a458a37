"""The name-variant and number-conflict checks compare only candidates that share a blocking key
(issue 14: they compared every name and figure of every report with those of every other report).
The work grows about linearly with the number of reports that use many different names (counted in
Python lines, tests/growth.py, never timed), and the blocked checks find exactly what comparing
every pair finds."""

from __future__ import annotations

import functools
import json

import pytest
from bench.compare_speed import CORPUS, reword
from tests.growth import LINEAR_BOUND, growth

from storyline.analyze import analyze
from storyline.check import compare, name_variant, number_conflict
from storyline.model import Article, Evidence, Mention, Sentence

SYLLABLES = ("ka", "lo", "mi", "re", "tu", "sa", "ve", "do", "ni", "ba", "qu", "ze")  # words of one length
NAMES_PER_REPORT = 3
RESPELLING_STORIES = ("mazan-", "dana-", "eaton-", "wim2", "ct25-", "marskel-")  # report ids that start so


def _word(i: int) -> str:
    """The i-th invented word of three syllables; different i give different words."""
    a, b, c = i % 12, i // 12 % 12, i // 144 % 12
    return (SYLLABLES[a] + SYLLABLES[b] + SYLLABLES[c]).capitalize()


@functools.lru_cache(maxsize=4)
def reports(n: int) -> tuple[Article, ...]:
    """``n`` reports, each naming three people no other report names; the first two spell one
    given name two ways ("Anja"/"Anya Lindqvist"), so there is one variant to find."""
    out = []
    for r in range(n):
        people = [f"{_word(7 * k + 3)} {_word(11 * k + 5)}"
                  for k in range(r * NAMES_PER_REPORT, (r + 1) * NAMES_PER_REPORT)]
        if r < 2:
            people[0] = ("Anja", "Anya")[r] + " Lindqvist"
        sentences, names, text = [], [], ""
        for s_i, person in enumerate(people):
            line = f"{person} spoke. "
            sentences.append(Sentence(index=s_i, start=len(text), end=len(text) + len(line) - 1, text=line.strip()))
            names.append(Mention(text=person, span=(len(text), len(text) + len(person)), type="person",
                                 sentence=s_i))
            text += line
        out.append(Article(id=f"r{r}", text=text, sentences=sentences, names=names))
    return tuple(out)


class _AllOneClaim:
    """What find asks of the dossier: every sentence pair tells the same thing (so no pair is
    passed over for want of context), evidence is a sentence's own text."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles

    def same_claim(self, a_i: int, s_a: int, b_i: int, s_b: int) -> bool:
        return True

    def evidence(self, a_i: int, sentence: int, span: tuple[int, int] | None = None) -> Evidence:
        art = self.articles[a_i]
        return Evidence(article=art.id, sentence=sentence, text=art.sentences[sentence].text)


def _find(n: int) -> list:
    return name_variant.find(_AllOneClaim(list(reports(n))))  # type: ignore[arg-type]


def test_generated_reports_give_the_one_planted_variant():
    found = _find(40)
    assert [f.details["variants"] for f in found] == [{"Anja Lindqvist": ["r0"], "Anya Lindqvist": ["r1"]}]


def test_name_variant_work_grows_linearly():
    reports(30), reports(120)  # built before counting: find's work is what is measured
    ratio = growth(_find, 30)
    assert ratio <= LINEAR_BOUND, ratio


@functools.lru_cache(maxsize=1)
def _mixed_reports() -> tuple[Article, ...]:
    """Dev-corpus reports of stories whose reports spell names in several ways (read from ../shared)
    and rewritten copies of 20 of them (figures changed), compared as one story."""
    with CORPUS.open(encoding="utf-8") as fh:
        rows = [r for line in fh if line.strip() and (r := json.loads(line))["id"].startswith(RESPELLING_STORIES)]
    rows += [{**r, "id": f"{r['id']}-copy", "text": reword(r["text"], 1 + i % 3)} for i, r in enumerate(rows[:20])]
    return tuple(analyze(Article(id=r["id"], text=r["text"], date=r.get("date"), lang=r.get("lang"),
                                 outlet=r.get("outlet"))) for r in rows)


def _conflicts() -> list[dict]:
    found = compare(list(_mixed_reports()), method="lexical").findings
    return [f.to_dict() for f in found if f.kind in ("name_variant", "number_conflict")]


def _every_pair_of_names(names: set[str]) -> set[tuple[str, str]]:
    ordered = sorted(names)
    return {(x, y) for i, x in enumerate(ordered) for y in ordered[i + 1 :]}


def _every_pair_of_figures(figures, keys) -> list:
    nodes = [(f.a, f.x) for figs in figures for f in figs]
    pairs = [(m, n) for m in nodes for n in nodes if m[0] < n[0]]
    return sorted(pairs, key=lambda p: (p[0][0], p[1][0], p[0][1], p[1][1]))


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason="needs the dev corpus in ../shared")
def test_blocking_finds_what_comparing_every_pair_finds(monkeypatch):
    blocked = _conflicts()
    assert {"name_variant", "number_conflict"} <= {f["kind"] for f in blocked}  # something to compare
    monkeypatch.setattr(name_variant, "_candidate_pairs", _every_pair_of_names)
    monkeypatch.setattr(number_conflict, "_pairs_sharing", _every_pair_of_figures)
    assert _conflicts() == blocked
