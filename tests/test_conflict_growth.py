"""The name-variant check's work grows about linearly with the number of reports when the reports
use many different names (issue 14: it compared every name of every report with every name of
every other report). Counted in Python lines (tests/growth.py), never timed."""

from __future__ import annotations

import functools

from tests.growth import LINEAR_BOUND, growth

from storyline.check import name_variant
from storyline.model import Article, Evidence, Mention, Sentence

SYLLABLES = ("ka", "lo", "mi", "re", "tu", "sa", "ve", "do", "ni", "ba", "qu", "ze")  # words of one length
NAMES_PER_REPORT = 3


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
