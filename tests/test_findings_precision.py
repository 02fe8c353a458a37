"""Precision of compare's findings on hand-labelled dev-corpus findings (eval/finding_labels.json).

GOLD.md gives recall only; findings were labelled by hand (true / harmless / false, keyed by kind and
evidence sentences). The first 111 labels: all 65 conflict, variant, suspect-term and reuse findings
of checker v1, every fifth attribution and every 28th unique fact (v1: precision true/(true+false)
0.81; unique_fact 0.56, date_conflict 0.60). Issue 11 added 51: the findings new rules brought up, and
two fresh samples of unique facts (every 20th current one), the second taken after the unique_fact
rules were written, so it measures them out of sample (9 true, 7 harmless, 7 false: 0.56).
Issue 11, second round, added 68: two fresh random samples of the unlabelled findings (30 each,
random.Random(20261203) and random.Random(20261204) over the unlabelled findings sorted by story and
key), the first drawn before this round's rules (out of sample then: 13 true, 11 harmless, 6 false,
0.68), the second drawn after the first rules (out of sample then: 10 true, 9 harmless, 11 false,
0.48), and the 8 findings the attribution rules brought up. Measured with the lexical method:
all 232 labels 0.86 (113 true, 70 harmless, 18 false; 201 found, 31 gone); the 164 labels before
the second round 0.91 (was 0.85); the first 111 0.98 (was 0.92); attribution 1.00, date_conflict
0.80, number_conflict 0.92, unique_fact 0.746, the other kinds 1.00. Of the first 111, 94 are found:
the one more gone is a wrong attribution the new rules drop. One label of the 111 was corrected:
GOLD.md names the Mars/Kellanova headcount finding as a real error. The labels are one judge's, on
the dev corpus. Raise the floors when the checker improves; never lower them silently.

Issue 11, third round (check.restated: a fact another report gives in other words or another
language), added 70: a fresh random sample of 40 drawn before the round's rules (`python -m eval
findings --draw 40 --seed 20261205`; out of sample as drawn: 21 true, 9 harmless, 10 false, 0.68) and
one of 30 drawn from its final rules (`--draw 30 --seed 20261206`: 13 true, 10 harmless, 7 false,
0.65 out of sample). The lead's judge moved one date_conflict label from false to harmless (GOLD.md
lists that difference). Measured with the lexical method: all 302 labels 0.875 (147 true, 89
harmless, 21 false; 257 found, 45 gone); the 232 before the round 0.92 (was 0.86; no true one
gone); the 272 before the last sample 0.905; unique_fact 0.775 on all, date_conflict 1.00.

Issue 11, fourth round (unique_fact misreadings: a period or a count read as a superlative, a number
word of another language, a currency or a nationality read as a name, a name or a place in another
language's form, a title, a date line, a question, a body repeating its corroborated lede, a report
alone in a non-Latin script), added 90: three fresh random samples of 30 (`--draw 30`): seed
20261290 drawn after the round's first two rules (as drawn 13 true, 8 harmless, 9 false: 0.59), seed
20261207 drawn from an intermediate state (13 true, 5 harmless, 12 false: 0.52) and, after two rules that dropped findings
labelled true were taken out again and three more were added, seed 20261207 drawn again from the
final rules (its first 30 now labelled, so 30 others: 17 true, 5 harmless, 8 false: 0.68). Measured
with the lexical method: the 302 labels before the round 0.902 (147 true, 88 harmless, 16 false;
was 0.875, no true one gone); all 392 labels 0.83 (190 true, 106 harmless, 39 false); unique_fact
0.821 on the 302, 0.733 on all; the target 0.90 is met on the 302 and not on the fresh samples.

Issue 11, fifth round (check.figure_forms: a figure grouped with dots, with a scale word or rounded
is the figure another report gives; a figure of three significant digits is one fact wherever the
story gives it; a fiscal year's digits, a season and a feast day are no figures or names; a name as
an acronym or in another language's canonical form is no new name), added 30: a fresh random sample
drawn from the round's rules (`--draw 30 --seed 1203`; out of sample as drawn: 14 true, 6 harmless,
10 false, 0.58; unique facts alone 8 true, 5 harmless, 9 false). Two labels were corrected, both
said openly: rbi25jun-piotv#4 false -> true (GOLD.md lists its dollar figure as given only there),
palisades-continental#1 true -> harmless (its figures are in two other reports, as our own
number_conflict labels say); so the 164 set's count of true findings found moves from 83 to 82 by
the correction, not by a rule. Measured with the lexical method: the 392 labels before the round
0.872 (was 0.83: 190 true, 28 false); all 422 labels 0.857 (204 true, 34 false); unique_fact 0.798
on the 392, 0.781 on all; no label found true before is gone. Three rules (an acronym in another
language's word order, "RDC" for "DRC"; German nouns after an article or a preposition are no names; a
lede's figure two other reports give is the story's) were written after reading that sample, so its
0.70 today is in-sample. A second sample of 30 was drawn from those rules (`--draw 30 --seed 1204`; as
drawn: 16 true, 2 harmless, 12 false, 0.57; unique facts alone 9 true, 1 harmless, 12 false; the
attributions 7 true, 1 harmless): the rules move the labelled set, not the unseen findings. One rule
came after it (a number grouped with spaces, "23 000"), which drops one of its false findings. All 452
labels: 0.830 (220 true, 45 false).

Issue 11, sixth round (check.figure_sense and lang.units: a number word pointing back, "les deux
parties", a tennis score and a whole period in a smaller unit, "the past 12 months", are no figures;
the count an ordinal of an event implies, "the fifth flight", is given; a figure counting the same
unit or thing in another language, "nine months" and "neun Monaten", is given), added 30: a fresh
random sample drawn from the round's rules (`--draw 30 --seed 1205`; out of sample as drawn: 21 true,
3 harmless, 6 false, 0.78; unique facts alone 14 true, 3 harmless, 5 false, 0.74). The rules were
written from the labelled set's false findings (four of the six they drop were read while writing
them), so their gain there is in-sample. One label was corrected, said openly: dana-independent#4 true
-> harmless (the 71-year-old man who died is in a Spanish report too; only his nationality is new,
and a nationality is no new name by the fourth round's rule); the rules drop that finding, so the
sets from 232 labels on count one true finding fewer by the correction, not by a rule. Measured
with the lexical method: the 452 labels before the round 0.849 (219 true, 39 false; was 0.830);
all 482 labels 0.845 (240 true, 44 false); unique_fact 0.768, attribution 0.947 on all. One rule came
after the sample (a period of a working day or a match, "the first shift", "the last over", is no
superlative), which drops one of its false findings. A second fresh sample was drawn from the final
rules (`--draw 30 --seed 1206`; as drawn 22 true, 4 harmless, 4 false: 0.85; unique facts alone 20
true, 3 harmless, 4 false). All 512 labels: 0.845 (262 true, 48 false); unique_fact 0.776.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.findings import DEFAULT_GOLD, DEFAULT_LABELS, LABELS, finding_key, precision, run  # noqa: E402

# Per kind, on the 302 labels of the third round (the set these floors were first set on; each label
# added since is a fresh sample that measures the rules out of sample, so it is floored on its own in
# ALL_LABELS_FLOORS, not folded into these).
FLOORED_LABELS = 302
PRECISION_FLOORS = {"overall": 0.92, "attribution": 1.00, "date_conflict": 1.00, "name_variant": 1.00,
                    "number_conflict": 0.92, "place_conflict": 1.00, "quote_variant": 1.00, "reuse": 1.00,
                    "suspect_term": 1.00, "unique_fact": 0.86}
# On the 392 labels of the fourth round, its fresh samples included (0.868 when set; now 0.872,
# unique_fact 0.798, attribution 0.963), on the 422 labels of the fifth round's first sample (0.857;
# unique_fact 0.781, attribution 0.951), and on every label (452: 0.830; unique_fact 0.739,
# attribution 0.956).
# Sixth round: 0.879 on the 392 (unique_fact 0.81), 0.875 on the 422 (0.809), 0.849 on the 452
# (0.767, attribution 0.956), 0.845 on the 482 (0.768, attribution 0.947) and 0.845 on all 512
# (0.776, attribution 0.948).
ROUND_LABELS = 392
ROUND_FLOORS = {"overall": 0.87, "attribution": 0.96, "unique_fact": 0.81}
FIFTH_ROUND_LABELS = 422
FIFTH_ROUND_FLOORS = {"overall": 0.87, "attribution": 0.95, "unique_fact": 0.80}
SIXTH_ROUND_LABELS = 452
SIXTH_ROUND_FLOORS = {"overall": 0.84, "attribution": 0.95, "unique_fact": 0.76}
SIXTH_ROUND_SAMPLE_LABELS = 482
SIXTH_ROUND_SAMPLE_FLOORS = {"overall": 0.84, "attribution": 0.94, "unique_fact": 0.76}
ALL_LABELS_FLOORS = {"overall": 0.84, "attribution": 0.94, "unique_fact": 0.77}
# The first 111 labels (checker v1's set), the 164 before the second round, the 232 before the third
# and the 272 before its last sample, on their own: the target of 0.90 is met on each. The
# second figure is how many findings labelled true are still found: a rule may drop false or harmless
# findings (the third round dropped 13 false and 1 harmless, so fewer are found), never a true one.
# (The sixth round's label correction moved the true-found counts from 232 labels on down by one.)
FIRST_LABELS = {111: (1.00, 59), 164: (0.95, 82), 232: (0.95, 112), 272: (0.94, 133),  # labels: (precision, true found)
                302: (0.92, 146), 332: (0.90, 159), 362: (0.89, 172), 392: (0.87, 189), 422: (0.87, 203),
                452: (0.84, 219), 482: (0.84, 240), 512: (0.84, 262)}
RECALL_FLOOR = (61, 97)


def _labels() -> list[dict]:
    import json

    return json.loads(DEFAULT_LABELS.read_text(encoding="utf-8"))


def test_labels_are_well_formed_and_hold_no_article_text():
    labels = _labels()
    assert len(labels) >= 100
    assert {label["label"] for label in labels} <= set(LABELS)
    assert {"true", "false"} <= {label["label"] for label in labels}
    assert len({(label["story"], label["key"]) for label in labels}) == len(labels)
    for label in labels:
        assert set(label) == {"story", "kind", "key", "label", "reason"}
        # a key is the kind and (article#sentence) pairs only: no sentence text in the repo
        assert re.fullmatch(rf"{label['kind']}:[\w.-]+#\d+(;[\w.-]+#\d+)*", label["key"]), label["key"]
        assert 0 < len(label["reason"]) <= 120, label["reason"]


def _finding(kind: str, *evidence: tuple[str, int]) -> dict:
    return {"kind": kind, "summary": "reworded at will", "details": {},
            "evidence": [{"article": a, "sentence": i, "text": "t"} for a, i in evidence]}


def test_precision_counts_found_gone_and_unlabelled():
    kept = _finding("number_conflict", ("b", 2), ("a", 1))
    wrong = _finding("number_conflict", ("c", 0), ("a", 3))
    extra = _finding("reuse", ("a", 0), ("b", 0))
    labels = [
        {"story": "s", "kind": "number_conflict", "key": "number_conflict:a#1;b#2", "label": "true", "reason": ""},
        {"story": "s", "kind": "number_conflict", "key": finding_key(wrong), "label": "false", "reason": ""},
        {"story": "s", "kind": "date_conflict", "key": "date_conflict:a#5;b#6", "label": "harmless", "reason": ""},
    ]
    r = precision({"s": [kept, wrong, extra]}, labels)
    overall = r["overall"]
    assert (overall["labelled"], overall["found"], overall["gone"]) == (3, 2, 1)
    assert overall["precision"] == 0.5 and overall["useful"] == 0.5
    assert r["per_kind"]["date_conflict"]["gone"] == 1 and r["per_kind"]["date_conflict"]["precision"] is None
    assert r["unlabelled"] == 1 and r["unlabelled_per_kind"] == {"reuse": 1}
    # the same key in another story is another finding
    assert precision({"t": [kept]}, labels[:1])["overall"]["gone"] == 1


@pytest.mark.slow
def test_precision_and_recall_floors(dev_corpus):
    r = run(dev_corpus, DEFAULT_GOLD, sample=0)
    found = sum(v["found"] for v in r["per_kind"].values())
    gold = sum(v["gold"] for v in r["per_kind"].values())
    assert found >= RECALL_FLOOR[0] and gold == RECALL_FLOOR[1], r["per_kind"]
    every = r["labels"]
    assert every["overall"]["found"] >= 100, every["overall"]
    for floors, labels in ((PRECISION_FLOORS, precision(r["findings"], _labels()[:FLOORED_LABELS])),
                           (ROUND_FLOORS, precision(r["findings"], _labels()[:ROUND_LABELS])),
                           (FIFTH_ROUND_FLOORS, precision(r["findings"], _labels()[:FIFTH_ROUND_LABELS])),
                           (SIXTH_ROUND_FLOORS, precision(r["findings"], _labels()[:SIXTH_ROUND_LABELS])),
                           (SIXTH_ROUND_SAMPLE_FLOORS, precision(r["findings"], _labels()[:SIXTH_ROUND_SAMPLE_LABELS])),
                           (ALL_LABELS_FLOORS, every)):
        assert labels["overall"]["precision"] >= floors["overall"], labels["overall"]
        for kind, floor in floors.items():
            if kind == "overall":
                continue
            figures = labels["per_kind"][kind]
            assert figures["precision"] is not None and figures["precision"] >= floor, (kind, figures)
    assert Counter(label["kind"] for label in _labels()).keys() >= set(r["finding_counts"])


@pytest.mark.slow
@pytest.mark.parametrize("first", sorted(FIRST_LABELS))
def test_precision_on_the_first_labels(dev_corpus, tmp_path, first):
    import json

    labels_path = tmp_path / "labels.json"
    labels_path.write_text(json.dumps(_labels()[:first]), encoding="utf-8")
    labels = run(dev_corpus, DEFAULT_GOLD, sample=0, labels_path=labels_path)["labels"]
    floor, true_found = FIRST_LABELS[first]
    assert labels["overall"]["true"] >= true_found, labels["overall"]
    assert labels["overall"]["precision"] >= floor, labels["overall"]
