"""Primary-source mode (issue 11, part 3): every report scored against the transcript or release.

The fixture under tests/fixtures/primary is invented: a ministry briefing in transcript format
(detected as the primary), a newspaper that keeps to it and one that changes a figure, a date, a
negation and a wording. The seeds and the example story are checked with a primary named by hand.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from storyline import compare, extract
from storyline.check.fidelity import detect_primary, primary_signals
from storyline.cli import app
from storyline.errors import UsageError
from storyline.model import Article, Dossier
from storyline.render import render
from storyline.render.fidelity import CSV_COLUMNS, to_csv
from storyline.render.json_out import validate

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "primary"
EXAMPLE = REPO / "examples" / "port-alder-fire"


def _articles(path: Path) -> list[Article]:
    return [a for a in extract([str(path)]) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def briefing() -> Dossier:
    return compare(_articles(FIXTURE), method="lexical")


@pytest.fixture(scope="module")
def example() -> Dossier:
    return compare(_articles(EXAMPLE), method="lexical", primary="03-metro-wire.txt")


def _row(dossier: Dossier, label: str) -> dict:
    assert dossier.fidelity is not None
    return next(r for r in dossier.fidelity["reports"] if r["label"] == label)


def _item(row: dict, kind: str, starts: str) -> dict:
    hits = [it for it in row["items"] if it["type"] == kind and it["text"].startswith(starts)]
    assert len(hits) == 1, [(it["type"], it["text"]) for it in row["items"]]
    return hits[0]


# --- the transcript fixture: detected, every class where it belongs -----------------------------

def test_transcript_is_detected_as_the_primary(briefing):
    p = briefing.fidelity["primary"]
    assert p["article"].endswith("ministry-briefing.txt")
    assert p["detected"] is True
    assert any("transcript" in r for r in p["reasons"]) and any("title" in r for r in p["reasons"])
    assert {r["label"] for r in briefing.fidelity["reports"]} == {"daily-lantern", "harbour-herald"}


def test_a_faithful_report_scores_one(briefing):
    row = _row(briefing, "harbour-herald")
    assert _item(row, "quote", "Inspectors found cracks in 12")["class"] == "shortened"
    assert _item(row, "quote", "The ferries will not be free")["class"] == "shortened"
    assert _item(row, "number", "45 million")["class"] == "agrees"
    assert _item(row, "date", "Monday, March 9")["class"] == "agrees"
    assert row["score"] == 1.0 and row["checkable"] == row["faithful"] >= 5


def test_an_unfaithful_report_is_caught_item_by_item(briefing):
    row = _row(briefing, "daily-lantern")
    dropped = _item(row, "quote", "The ferries will be free")
    assert dropped["class"] == "meaning changed"
    assert dropped["primary_text"].startswith("The ferries will not be free")
    assert _item(row, "quote", "Inspectors found cracks in 21")["class"] == "meaning changed"
    assert _item(row, "quote", "Our engineers say")["class"] == "reworded"
    invented = _item(row, "quote", "We will reopen the bridge")
    assert invented["class"] == "no counterpart" and invented["primary_evidence"] == []
    number = _item(row, "number", "54 million")
    assert number["class"] == "differs" and number["primary_text"] == "45 million euros"
    date = _item(row, "date", "Monday, March 16")
    assert date["class"] == "differs" and "2026-03-09" in date["primary_text"]
    assert row["quotes"]["meaning changed"] == 2 and row["quotes"]["no counterpart"] == 1
    assert row["score"] == pytest.approx(row["faithful"] / row["checkable"], abs=1e-3) and row["score"] < 0.5


def test_the_question_from_the_floor_is_not_the_ministers_words(briefing):
    """"will the ferries be free while the bridge is closed?" is a reporter's question: a quote of
    the minister with those words is matched with her answer, not with the question."""
    dropped = _item(_row(briefing, "daily-lantern"), "quote", "The ferries will be free")
    assert all("?" not in ev["text"] for ev in dropped["primary_evidence"])


def test_every_item_traces_to_its_sentences(briefing, example):
    for dossier in (briefing, example):
        texts = {a["id"]: a["text"] for a in dossier.articles}
        for row in dossier.fidelity["reports"]:
            for it in row["items"]:
                assert it["evidence"], it
                for ev in it["evidence"] + it["primary_evidence"]:
                    start, end = ev["span"]
                    assert 0 <= start < end <= len(texts[ev["article"]])
                    assert texts[ev["article"]][start:end] in ev["text"] or ev["text"] in texts[ev["article"]]
                assert all(ev["article"] == dossier.fidelity["primary"]["article"] for ev in it["primary_evidence"])
                assert all(ev["article"] == row["article"] for ev in it["evidence"])


def test_outlets_pool_their_reports(briefing):
    outlets = {o["outlet"]: o for o in briefing.fidelity["outlets"]}
    assert set(outlets) == {"Daily Lantern", "Harbour Herald"}
    assert briefing.fidelity["outlets"][0]["outlet"] == "Harbour Herald"  # best first
    lantern = outlets["Daily Lantern"]
    assert lantern["reports"] == 1 and lantern["score"] == _row(briefing, "daily-lantern")["score"]


# --- detection ----------------------------------------------------------------------------------

def test_official_signals():
    gov = Article(id="r", text="Body.", url="https://www.state.gov/secretary/remarks", title="Remarks to the Press")
    assert any("official domain" in r for r in primary_signals(gov))
    release = Article(id="p", text="FOR IMMEDIATE RELEASE\n\nThe ministry said today ...", outlet="Ministry of Health")
    reasons = primary_signals(release)
    assert any("release" in r for r in reasons) and any("official outlet" in r for r in reasons)
    news = Article(id="n", text="The minister said in a press release on Monday that ...",
                   title="Minister's remarks draw criticism", outlet="Daily Lantern", url="https://lantern.example/x")
    assert primary_signals(news) == []


def test_two_equal_candidates_are_not_guessed():
    a = Article(id="a", text="Text one.", title="Transcript: the Monday briefing")
    b = Article(id="b", text="Text two.", title="Transcript: the Tuesday briefing")
    c = Article(id="c", text="A report.", title="Talks go on")
    assert detect_primary([a, b, c]) is None
    assert detect_primary([a, c]) is not None and detect_primary([a, c]).index == 0


def test_no_primary_turns_detection_off():
    dossier = compare(_articles(FIXTURE), method="lexical", detect_primary=False)
    assert dossier.fidelity is None and "fidelity" not in dossier.to_dict()


# --- named primaries: seeds, example story, unknown ids -----------------------------------------

def test_example_story_against_the_wire_report(example):
    p = example.fidelity["primary"]
    assert p["detected"] is False and p["article"].endswith("03-metro-wire.txt")
    courier = _row(example, "01-coastal-courier")
    assert _item(courier, "number", "14 others")["class"] == "differs"
    assert _item(courier, "date", "Tuesday, March 10")["class"] == "differs"
    assert _item(courier, "quote", "We will not rest")["class"] == "reworded"
    assert _item(courier, "number", "60 firefighters")["class"] == "agrees"
    diario = _row(example, "04-diario-del-puerto")
    assert _item(diario, "number", "14 resultaron")["class"] == "differs"


def test_seeds_against_the_original(seed_paths):
    original = seed_paths[0].name
    assert original.startswith("000_")
    dossier = compare(_articles(seed_paths[0].parent), method="lexical", primary=original)
    row = _row(dossier, seed_paths[1].stem)
    rubio = _item(row, "quote", "No, nothing special happened")
    assert rubio["class"] == "reworded" and "They really haven" in rubio["primary_text"]
    assert _item(row, "number", "$500 million")["class"] == "agrees"
    assert row["quotes"]["no counterpart"] >= 3


def test_seeds_have_no_primary_unless_named(seed_paths):
    dossier = compare(_articles(seed_paths[0].parent), method="lexical")
    assert dossier.fidelity is None


def test_unknown_primary_is_one_line_listing_the_ids():
    with pytest.raises(UsageError) as info:
        compare(_articles(EXAMPLE), method="lexical", primary="nope.txt")
    line = info.value.line()
    assert "nope.txt" in line and "matches no report" in line and "01-coastal-courier.txt" in line


def test_cli_unknown_primary():
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "--method", "lexical", "--primary", "nope"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "matches no report" in lines[0] and "04-diario-del-puerto.txt" in lines[0]
    assert result.stdout == ""


def test_cli_primary_and_no_primary_contradict():
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "--primary", "03-metro-wire", "--no-primary"])
    assert result.exit_code == 2 and "contradict" in result.stderr


# --- outputs ------------------------------------------------------------------------------------

def test_csv_export(tmp_path):
    out = tmp_path / "fidelity.csv"
    result = CliRunner().invoke(app, ["compare", str(FIXTURE), "--method", "lexical", "--format", "json",
                                      "--fidelity-csv", str(out)])
    assert result.exit_code == 0, result.output
    assert "reads as the primary source" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert CSV_COLUMNS[:7] == ("report", "label", "outlet", "primary", "fidelity", "faithful", "checkable")
    by_label = {r["label"]: r for r in rows}
    assert set(by_label) == {"daily-lantern", "harbour-herald"}
    lantern = by_label["daily-lantern"]
    assert lantern["outlet"] == "Daily Lantern" and lantern["primary"].endswith("ministry-briefing.txt")
    assert lantern["quotes_meaning_changed"] == "2" and lantern["numbers_differs"] == "1"
    assert lantern["dates_differs"] == "1" and lantern["quotes_no_counterpart"] == "1"
    assert by_label["harbour-herald"]["fidelity"] == "1.0"
    assert json.loads(result.stdout)["fidelity"]["reports"]
    assert not list(tmp_path.glob(".*.part"))


def test_csv_without_a_primary_is_an_error(tmp_path):
    out = tmp_path / "f.csv"
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "--method", "lexical", "--csv", str(out)])
    assert result.exit_code == 2 and "--primary" in result.stderr and not out.exists()


def test_csv_cells_are_never_formulas(briefing):
    fid = json.loads(json.dumps(briefing.fidelity))
    fid["reports"][0]["outlet"] = "=HYPERLINK(\"http://x\")"
    row = next(csv.DictReader(io.StringIO(to_csv(fid))))
    assert row["outlet"].startswith("'=")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_has_the_section_after_the_summary(briefing, fmt):
    out = render(briefing, fmt, width=160)
    at = out.find('<section id="fidelity">' if fmt == "html" else "Fidelity to the primary source")
    assert at > 0 and "ministry-briefing" in out[at:]
    summary = {"text": "Most important", "markdown": "## Summary", "html": 'id="summary"'}[fmt]
    assert 0 <= out.find(summary) < at
    # the first finding group's heading (the summary before it names the kinds too)
    heading = {"text": "{} (", "markdown": "\n## {} (", "html": "{} ("}[fmt]
    starts = [out.find(heading.format(t), at) for t in ("Quotes worded differently", "Numbers that disagree")]
    first_finding = min(i for i in starts if i > 0)
    assert "54 million euros" in out[at:first_finding] and "Daily Lantern" in out[at:first_finding]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_no_section_without_a_primary(fmt):
    dossier = compare(_articles(EXAMPLE), method="lexical")
    out = render(dossier, fmt)
    assert "Fidelity" not in out and '"fidelity"' not in out


def test_json_validates_and_the_schema_checks_fidelity(briefing):
    data = json.loads(render(briefing, "json"))
    validate(data)
    data["fidelity"]["reports"][0]["items"][0]["class"] = "roughly right"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
    data = json.loads(render(briefing, "json"))
    del data["fidelity"]["reports"][0]["quotes"]["reworded"]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_fidelity_survives_a_json_round_trip(briefing):
    again = Dossier.from_dict(json.loads(render(briefing, "json")))
    assert again.fidelity == json.loads(json.dumps(briefing.fidelity))


# --- the dev corpus: no false detection; a figure agrees across languages -------------------------

@pytest.fixture(scope="module")
def dev_stories() -> dict[str, list[Article]]:
    from tests.conftest import DEV_CORPUS

    if not DEV_CORPUS.is_file():
        pytest.skip("../shared/corpus/dev is not present")
    stories: dict[str, list[Article]] = {}
    lines = [json.loads(line) for line in DEV_CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    for raw, art in zip(lines, _articles(DEV_CORPUS), strict=True):
        stories.setdefault(raw["story"], []).append(art)
    return stories


@pytest.mark.slow
def test_no_dev_story_has_a_detected_primary(dev_stories):
    """The dev corpus is news only: a detector that fires there would change ordinary dossiers."""
    assert [sid for sid, arts in dev_stories.items() if detect_primary(arts) is not None] == []


@pytest.mark.slow
def test_a_rate_agrees_across_languages(dev_stories):
    arts = dev_stories.get("ecb-rate-cut-2024-06-06")
    if not arts:
        pytest.skip("the ECB story is not in this dev corpus")
    greek = next(a for a in arts if a.lang == "el")
    dossier = compare(arts, method="lexical", primary=greek.id)
    italian = next(r for r in dossier.fidelity["reports"] if r["article"].endswith("laragione"))
    assert _item(italian, "number", "3,75%")["class"] == "agrees"
    assert _item(italian, "number", "4,25%")["class"] == "not in primary"
