"""PolNeAR direct quotes and speakers: the measure itself, and floors on dev (skipped without ../shared).

Floors are the dev figures reached when they were set, rounded down; train was used for choosing rules,
dev only for the final check (eval/polnear.py).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
polnear = importlib.import_module("eval.polnear")

# speaker_accuracy counts the same-line signature ("“…” ― Name"), a format added after a dev article used
# it (partly in sample); speaker_accuracy_unsigned leaves those out.
# recall: 0.98 until issue 11's mention convention, which makes 4 dev gold direct quotes (titles, terms and
# short fragments with no speech verb) mentions, not direct quotes: 488/498 = 0.9799. The one floor moved
# on purpose (precision went 0.86 -> 0.90 with it; the recall target is 0.85), and only to just
# below that figure, so that any further recall loss fails.
DEV_FLOORS = {"recall": 0.979, "precision": 0.90, "precision_claimed": 0.91, "speaker_accuracy": 0.93,
              "speaker_accuracy_unsigned": 0.90}


def test_ann_entries_parse_with_discontinuous_and_multiline_spans():
    ann = ("T1\tSource 0 5\tAnn B\nT2\tCue 6 10\tsaid\nT3\tContent 12 20;30 40\tone\ntwo two\n"
           "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n#1\tAnnotatorNotes T1\tok\n")
    (att,) = polnear.parse_ann(ann)
    assert att.source == [(0, 5)] and att.cue == [(6, 10)] and att.content == [(12, 20), (30, 40)]


def test_fragments_are_direct_mixed_or_indirect():
    text = 'Ann Bell said, “We will win the vote.” Later she said the plan had “a real chance” of passing.\n'
    s = text.index("We")
    kind, spans = polnear.classify_fragment(text, (s, text.index("”") + 1))
    assert kind == "direct" and text[spans[0][0]:spans[0][1]] == "We will win the vote"
    lo = text.index("the plan")
    kind, spans = polnear.classify_fragment(text, (lo, text.index(" of passing")))
    assert kind == "mixed" and text[spans[0][0]:spans[0][1]] == "a real chance"
    assert polnear.classify_fragment(text, (text.index("Ann"), text.index(" said")))[0] == "indirect"


def test_source_heads():
    assert polnear.source_head("Rep. Gwen Moore (D-Wis.)") == "moore"
    assert polnear.source_head("The Post") == "post"
    assert polnear.source_head("a campaign spokesman") == "spokesman"
    assert polnear.source_head("Chris Weston, chief market strategist at IG") == "weston"


def test_the_test_split_is_never_read(tmp_path):
    with pytest.raises(ValueError):
        polnear.load_split("test", tmp_path)


@pytest.mark.skipif(not (polnear.POLNEAR / "dev").is_dir(), reason="PolNeAR not in ../shared")
def test_dev_scores_stay_above_floors():
    s = polnear.score(polnear.load_split("dev"))
    assert s["documents"] == 84
    for key, floor in DEV_FLOORS.items():
        assert s[key] >= floor, (key, s[key], s["errors"][:20])


def test_command_skips_cleanly_without_the_corpus(capsys, tmp_path):
    assert polnear.main(["--root", str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.skipif(not (polnear.POLNEAR / "train").is_dir(), reason="PolNeAR not in ../shared")
def test_the_learned_cue_lexicon_is_what_train_gives():
    from storyline.analyze.speechwords import LEARNED_CUES

    assert tuple(c for c, _, _ in polnear.learn_cues(polnear.load_split("train"))) == LEARNED_CUES


def test_extras_are_put_in_categories():
    from storyline.model import Quote

    text = "Trump Slams ‘Rigged’ Debate\nThe so-called “moderate” rebels left.\n“WALLACE: Why now?\n"

    def q(word, speaker=None, partial=True):
        s = text.index(word)
        return Quote(text=word, span=(s, s + len(word)), kind="direct", sentence=0, speaker=speaker, partial=partial)

    assert polnear.extra_kind(text, q("Rigged")) == "title-line"
    assert polnear.extra_kind(text, q("moderate")) == "fragment-nobody"
    assert polnear.extra_kind(text, q("moderate", "Ann Bell")) == "fragment-credited"
    assert polnear.extra_kind(text, q("WALLACE: Why now?", partial=False)) == "transcript"


def test_mentions_are_not_counted_as_direct_quotes():
    text = "Vote count in Dunmore\nTalks with the so-called “moderate” rebels resumed on Monday.\n"
    s = polnear.score([polnear.Doc("x", text, [])])
    assert s["found"] == 0 and s["mentions"] == 1


def test_a_same_line_signature_is_told_apart():
    from storyline.model import Quote

    text = "Quotes of the week\n“We will not fund it.” ― Senator Ana Brill\n"
    lo = text.index("We")
    hi = text.index("”")
    name = text.index("Senator")
    q = Quote(text=text[lo:hi], span=(lo, hi), speaker="Ana Brill", speaker_span=(name, len(text) - 1))
    assert polnear.signed_on_the_line(text, q)
    q.speaker_span = (0, 5)
    assert not polnear.signed_on_the_line(text, q)
