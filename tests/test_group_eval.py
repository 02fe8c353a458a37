"""Quality gate for grouping on the labelled dev corpus (../shared/corpus/dev).

Measured with storyline.group.events.v4: B-cubed F1 0.992 (P 1.000, R 0.983), pairwise F1 0.992,
23 of 23 hard-negative pairs kept apart, 18 of 20 multi-language stories kept whole; with the rest of
its story taken out, a report is put with another story 40 times in 181 (v3: 60).
(v3: B-cubed F1 0.983, pairwise 0.983, 23 of 23 apart, 16 of 20 whole; v2: 0.966, 0.970, 22 of 23,
14 of 20; v1: 0.932, 0.929, 18 of 23, 14 of 20.) The clustering thresholds were not re-tuned for
v2-v4; v4's two settings (two shared names or numbers across languages; a week's slack for a day read
from a lone report's text) and its acronym aliases were chosen on this corpus, with the lone-report
count as the check that they do not buy recall with precision. Held out by story family, the halves
score 1.000 and 0.967; in the second, one undated French report that fits both mpox events joins the
committee story (a hard-negative merge the full corpus does not show). `python -m eval grouping --halves` scores two halves of the
story families with the instance tags on and off, `--audit-tags` counts the same-story pairs each tag
key would cut, and `--lone` runs the lone-report count.
The floors below sit just under those figures, so a regression fails; raise them when it improves.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.grouping import evaluate  # noqa: E402

BCUBED_F1_FLOOR = 0.99
PAIRWISE_F1_FLOOR = 0.99
CROSS_LANGUAGE_WHOLE_FLOOR = 18
# Reports wrongly joined when they are the only report of their story (eval.grouping.lone_reports):
# a ceiling, lower it when it improves.
LONE_WRONGLY_JOINED_CEILING = 40

# Hard-negative pairs still merged. Known failures, listed so that they cannot grow silently: shrink
# this set, never extend it. Empty since v3 (the undated "Wednesday" report of one eruption is no
# longer joined to a yearless "August 22nd" report of another: that day was no Wednesday then).
KNOWN_MERGED: set[tuple[str, str]] = set()


_CACHE: dict[str, dict] = {}


@pytest.fixture
def result(dev_corpus):
    key = str(dev_corpus)
    if key not in _CACHE:  # one grouping run for the three tests
        _CACHE[key] = evaluate(dev_corpus)
    return _CACHE[key]


def test_bcubed_and_pairwise_floors(result):
    assert result["articles"] == 183
    assert result["bcubed"]["f1"] >= BCUBED_F1_FLOOR, result["bcubed"]
    assert result["pairwise"]["f1"] >= PAIRWISE_F1_FLOOR, result["pairwise"]


def test_hard_negatives_kept_apart(result):
    merged = {tuple(m["pair"]) for m in result["hard_negatives_merged"]}
    assert result["hard_negative_pairs"] == 23
    assert merged <= KNOWN_MERGED, f"newly merged hard negatives: {sorted(merged - KNOWN_MERGED)}"
    # The dated ones are always apart: two rate decisions, two launches, two finals, two verdicts.
    for a, b in [("ecb-rate-cut-2024-06-06", "ecb-rate-cut-2025-06-05"),
                 ("boe-rate-cut-2024-08-01", "boe-rate-cut-2024-11-07"),
                 ("rbi-repo-cut-2025-02-07", "rbi-repo-cut-2025-06-06"),
                 ("rbi-repo-cut-2019-04-04", "rbi-repo-cut-2025-04-09"),
                 ("eaton-fire-outbreak-2025-01-07", "palisades-fire-outbreak-2025-01-07"),
                 ("starship-flight5-booster-catch-2024-10-13", "starship-flight7-ship-lost-2025-01-16"),
                 ("mazan-appeal-verdict-dogan-2025-10-09", "mazan-rape-trial-verdict-2024-12-19"),
                 ("wimbledon-mens-final-2024-07-14", "wimbledon-mens-final-2025-07-13"),
                 ("champions-trophy-final-2025-03-09", "t20-world-cup-final-2024-06-29"),
                 ("boeing-machinists-strike-begins-2024-09-13", "boeing-strike-ends-contract-ratified-2024-11-04"),
                 # undated ones kept apart by the instance tags (phase, weekday) since v2
                 ("boars-head-plant-closure-2024-09", "boars-head-recall-expanded-2024-07-30"),
                 ("mars-kellanova-deal-2024-08-14", "mars-kellanova-talks-reported-2024-08"),
                 ("rbi-repo-cut-2025-04-09", "rbi-repo-cut-2025-12-05"),
                 ("who-mpox-committee-convened-2024-08-07", "who-mpox-pheic-2024-08-14"),
                 # undated, a weekday against a yearless day and month (v3)
                 ("iceland-sundhnukur-eruption-2024-08-22", "iceland-sundhnukur-eruption-2025-07-16")]:
        assert (a, b) not in merged


def test_cross_language_stories_kept_together(result):
    whole = result["cross_language_stories"] - len(result["cross_language_split"])
    assert whole >= CROSS_LANGUAGE_WHOLE_FLOOR, result["cross_language_split"]


def test_instance_tags_do_not_cut_true_stories(dev_corpus):
    """The phase and ordinal lexicons never separate two reports of one story on the dev corpus;
    weekdays do sometimes (a wrong weekday, a second day named), which is why a cluster votes."""
    from eval.grouping import audit_tags

    audit = audit_tags(dev_corpus)
    for key in ("deal", "emergency", "measure", "strike", "ord", "kind"):
        assert audit[key]["same_cut"] == 0, (key, audit[key])
        assert audit[key]["other_cut"] > 0, (key, audit[key])  # and they do cut something
    assert audit["wd"]["same_cut"] <= 0.15 * audit["wd"]["same_pairs"], audit["wd"]
    # an undated report's weekday against a yearless day and month (v3): never cuts one story here
    cross = audit["wdu/wdd"]
    assert cross["same_cut"] == 0 and cross["other_cut"] > 0, cross


@pytest.mark.slow
def test_a_report_nobody_else_covered_is_mostly_left_alone(dev_corpus):
    from eval.grouping import lone_reports

    lone = lone_reports(dev_corpus)
    assert lone["reports"] == 181
    assert lone["wrongly_joined"] <= LONE_WRONGLY_JOINED_CEILING, [
        (j["report"], j["joined"]) for j in lone["joined"]]


def test_lone_report_count_on_a_small_invented_corpus(tmp_path):
    """The harness itself, without ../shared: two reports of each of three invented events; a report
    whose story-mates are taken out must either stay alone or be counted as joined."""
    import json

    from eval.grouping import lone_reports

    rows = [
        ("fire-1", "fire", "2025-01-07", "A wildfire near Kelport burned 2,921 acres; 31 homes were lost, the Kelport fire chief said."),
        ("fire-2", "fire", "2025-01-07", "Fire near Kelport: 2,921 acres burned and 31 homes destroyed, fire chief Ana Ruel said."),
        ("rate-1", "rate", "2024-06-06", "The Central Bank of Norvania cut its main rate to 3.75% from 4.00% on Thursday."),
        ("rate-2", "rate", "2024-06-06", "Norvania's central bank lowered its benchmark rate to 3.75%, from 4.00%, on Thursday."),
        ("match-1", "match", "2024-07-14", "Tamsin Holt beat Rena Ostrova 6-4 6-3 to win the Harbour Open final in Kelport."),
        ("match-2", "match", "2024-07-14", "Holt won the Harbour Open, beating Ostrova 6-4 6-3 in Sunday's final."),
    ]
    corpus = tmp_path / "small.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "story": s, "date": d, "lang": "en", "text": t}) + "\n"
                              for i, s, d, t in rows), encoding="utf-8")
    lone = lone_reports(corpus)
    assert lone["reports"] == 6
    assert lone["wrongly_joined"] == len(lone["joined"]) == 0, lone["joined"]
