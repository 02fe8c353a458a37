"""Quality gate: quote and speaker scores on the hand-labelled fixtures may never silently drop.

The floors are the scores reached when they were set, rounded down a little. Raise them when the
extractor improves; lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # eval/ sits at the repo root, next to src/
extraction = importlib.import_module("eval.extraction")
FIXTURE_SETS, load_fixtures, main = extraction.FIXTURE_SETS, extraction.load_fixtures, extraction.main
overlap, score_fixtures = extraction.overlap, extraction.score_fixtures

FLOORS = {
    # set: (direct F1, indirect F1, all F1, speaker accuracy, partial accuracy)
    "tuned": (0.98, 0.95, 0.98, 0.98, 0.98),
    "holdout": (0.97, 0.95, 0.97, 0.97, 0.97),
    "holdout2": (0.97, 0.95, 0.97, 0.97, 0.97),
    "holdout3": (0.97, 0.95, 0.97, 0.97, 0.97),
    # scored untuned first, then fixed (see eval/extraction.py): floors a little under today's scores
    "holdout4": (0.97, 0.85, 0.95, 0.85, 0.97),
    "holdout5": (0.97, 0.95, 0.97, 0.95, 0.97),
    # unseen when scored (see eval/extraction.py): floors are that first score rounded down to 2 decimals
    "holdout6": (0.94, 0.74, 0.88, 0.81, 1.00),
    # Hindi, Urdu, Arabic, Bengali, Marathi, Gujarati (scriptspeech.py): tuned on "scripts", "scripts-holdout"
    # unseen when first scored (see eval/extraction.py); floors are those scores rounded down
    "scripts": (0.98, 0.98, 0.98, 0.98, 0.98),
    "scripts-holdout": (0.98, 0.93, 0.96, 0.94, 0.98),
}
# a wrong speaker is worse than none: 0.95 everywhere except where an unseen set first scored lower
SPEAKER_PRECISION_FLOORS = {"holdout6": 0.92, "scripts-holdout": 0.94}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_fixture_scores_stay_above_floors(name):
    s = score_fixtures(FIXTURE_SETS[name])
    direct_f1, indirect_f1, all_f1, speaker, partial = FLOORS[name]
    assert s["direct"]["f1"] >= direct_f1, s["errors"]
    assert s["indirect"]["f1"] >= indirect_f1, s["errors"]
    assert s["all"]["f1"] >= all_f1, s["errors"]
    assert s["speaker_accuracy"] >= speaker, s["errors"]
    assert s["partial_accuracy"] >= partial, s["errors"]
    assert s["no_speaker_accuracy"] == 1.0, s["errors"]  # never invent a speaker for a scare quote
    assert s["speaker_precision"] >= SPEAKER_PRECISION_FLOORS.get(name, 0.95), s["errors"]


def test_fixtures_are_big_and_varied_enough():
    docs = [d for path in FIXTURE_SETS.values() for d in load_fixtures(path)]
    labels = [q for d in docs for q in d["quotes"]]
    assert len([q for q in labels if q["kind"] == "direct"]) >= 40
    assert {d["lang"] for d in docs} >= {"en", "es", "fr", "de", "hi", "ur", "ar", "bn", "mr", "gu"}
    assert any(q["partial"] for q in labels) and any(q["speaker"] is None for q in labels)


def test_overlap_measure():
    assert overlap((0, 10), (0, 10)) == 1.0
    assert overlap((0, 10), (5, 10)) == 0.5
    assert overlap((0, 5), (5, 10)) == 0.0


def test_command_prints_a_table(capsys, tmp_path):
    assert main(["--corpus", str(tmp_path / "none.jsonl"), "--seeds", str(tmp_path / "none")]) == 0
    out = capsys.readouterr().out
    assert "tuned/direct" in out and "holdout/all" in out and "precision" in out
