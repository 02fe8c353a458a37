"""quote_variant makes one finding per utterance (one statement of one speaker), not one per pair of
reports, and judges each report's rendering against the wording most reports quote verbatim."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from storyline.analyze import analyze
from storyline.check import compare
from storyline.check.quote_variant import classify
from storyline.model import Article, ReadError
from storyline.pipeline import extract

REPO = Path(__file__).resolve().parents[1]

LIBRARY = "We will not close the Harwick library this year, and every branch will keep the town's opening hours"
RENDERINGS = {
    "r1": f'"{LIBRARY}," Mayor Mira Castellan said.',
    "r2": f'"{LIBRARY}," Mayor Mira Castellan said.',
    "r3": f'"{LIBRARY}," Mayor Mira Castellan said.',
    "r4": f"“{LIBRARY.replace(chr(39), '’')},” Mayor Mira Castellan said.",
    "r5": '"We will not close the Harwick library this year," Mayor Mira Castellan said.',
    "r6": ("\"We are not going to close the Harwick library this year, and each branch will keep the town's "
           "usual hours,\" Mayor Mira Castellan said."),
    "r7": ("\"We will close the Harwick library this year, and every branch will keep the town's opening hours,\" "
           "Mayor Mira Castellan said."),
}
EXPECTED = {"r1": "reference", "r2": "identical", "r3": "identical", "r4": "typographic", "r5": "shortened",
            "r6": "reworded", "r7": "meaning changed"}
OPENING = "The council of Harwick met on Tuesday to settle the budget for the coming year.\n\n"


def report(id_: str, body: str) -> Article:
    return analyze(Article(id=id_, text=OPENING + body, date="2031-05-06"))


def quote_findings(dossier):
    return [f for f in dossier.findings if f.kind == "quote_variant"]


def test_one_finding_per_utterance_with_each_rendering_classified():
    d = compare([report(i, body) for i, body in RENDERINGS.items()], method="lexical")
    found = quote_findings(d)
    assert len(found) == 1, [f.summary for f in found]
    details = found[0].details
    assert details["speaker"] == "Mira Castellan"
    assert details["severity"] == "different meaning"
    classes = {w["article"]: w["class"] for w in details["wordings"]}
    assert classes == EXPECTED
    assert details["reference"]["article"] == "r1"
    assert {ev.article for ev in found[0].evidence} == set(RENDERINGS)
    diffs = {w["article"]: w.get("diff") for w in details["wordings"]}
    assert {"op": "delete", "a": "not", "b": ""} in diffs["r7"]
    assert all(diffs[i] is None for i in ("r1", "r2", "r3", "r4", "r5"))


def test_two_utterances_of_one_speaker_are_two_findings():
    reading_room = '"The new reading room will open in May with 40 extra seats for students," Castellan added.'
    changed = '"The new reading room will open in May with 14 extra seats for students," Castellan added.'
    bodies = {i: body + "\n\n" + (changed if i == "r3" else reading_room) for i, body in RENDERINGS.items()}
    found = quote_findings(compare([report(i, b) for i, b in bodies.items()], method="lexical"))
    assert len(found) == 2, [f.summary for f in found]
    room = next(f for f in found if "reading room" in f.details["reference"]["text"])
    assert room.details["severity"] == "different meaning"
    assert [w["article"] for w in room.details["wordings"] if w["class"] == "meaning changed"] == ["r3"]


def test_typography_and_excerpts_alone_make_no_finding():
    bodies = {i: RENDERINGS[i] for i in ("r1", "r2", "r4", "r5")}
    assert quote_findings(compare([report(i, b) for i, b in bodies.items()], method="lexical")) == []


@pytest.mark.parametrize(("rendering", "expected"), [
    (LIBRARY, "identical"),
    (LIBRARY.replace("'", "’").replace("We", "we", 1) + ".", "typographic"),
    ("We will not close the Harwick library … every branch will keep the town's opening hours", "shortened"),
    ("We will not close the Harwick library this year, and most branches will keep the town's opening hours",
     "meaning changed"),
    ("We will not close the Harwick library this year, and every branch will keep the town's opening hours. "
     "The reading room stays too", "longer"),
    ("close the Harwick library this year", "meaning changed"),  # the cut took the "not" before it
])
def test_classes(rendering, expected):
    assert classify(LIBRARY, rendering) == expected


def _family_of_sixty(dev_corpus: Path) -> list[Article]:
    """The dev story with the most quotes, its reports repeated under fresh ids up to 60 reports."""
    arts = [a for a in extract([str(dev_corpus)]) if not isinstance(a, ReadError)]
    by_story: dict[str, list[Article]] = defaultdict(list)
    for a in arts:
        by_story[a.meta.get("story", "?")].append(a)
    story = max(sorted(by_story), key=lambda s: sum(len(a.quotes) for a in by_story[s]))
    members = by_story[story]
    return [dataclasses.replace(members[k % len(members)], id=f"{members[k % len(members)].id}~{k}")
            for k in range(60)]


def test_sixty_reports_get_at_most_one_finding_per_utterance_and_report(dev_corpus):
    articles = _family_of_sixty(dev_corpus)
    d = compare(articles, method="lexical")
    found = quote_findings(d)
    per_pair: Counter[tuple[str, int, int]] = Counter()
    for f in found:
        articles_in = [w["article"] for w in f.details["wordings"]]
        assert len(articles_in) == len(set(articles_in)), f.summary  # one rendering per report
        for ev in f.evidence:
            per_pair[(ev.article, ev.sentence, ev.span[0])] += 1
    assert all(n == 1 for n in per_pair.values()), [k for k, n in per_pair.items() if n > 1]
    # copies of one report quote it verbatim: a statement is one finding, not one per pair of copies
    assert len(found) <= len({(a.id.split("~")[0]) for a in articles}) * 3
    json.dumps(d.to_dict())


def test_example_story_keeps_its_reworded_quote():
    arts = [a for a in extract([str(REPO / "examples" / "port-alder-fire")]) if not isinstance(a, ReadError)]
    found = quote_findings(compare(arts, method="lexical"))
    assert len(found) == 1
    f = found[0]
    assert f.details["speaker"] == "Tomas Ekwueme" and f.details["severity"] == "reworded"
    assert {"op": "replace", "a": "every", "b": "each"} in f.details["diff"]


def test_a_translation_is_no_variant_unless_its_numbers_differ():
    assert classify("We will hire 40 nurses by June", "Contrataremos a 40 enfermeras antes de junio",
                    translated=True) == "translated"
    assert classify("We will hire 40 nurses by June", "Contrataremos a 14 enfermeras antes de junio",
                    translated=True) == "meaning changed"


def test_mentions_are_no_statements_and_make_no_finding():
    from storyline.check.utterances import statements

    bodies = {"m1": "Traffic moved to the so-called “green corridor” on Monday.",
              "m2": "Traffic moved to the so-called “green route” on Monday.",
              "m3": "Traffic moved to the so-called “blue corridor” on Monday."}
    arts = [report(i, b) for i, b in bodies.items()]
    assert all([q.kind for q in a.quotes] == ["mention"] for a in arts)
    assert all(statements(a, k) == [] for k, a in enumerate(arts))
    assert quote_findings(compare(arts, method="lexical")) == []
