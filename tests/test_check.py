"""Unit tests for the cross-check on small invented reports (no ../shared needed)."""

from __future__ import annotations

import json

import pytest

from storyline.analyze import analyze
from storyline.check import compare
from storyline.check.name_variant import _variant
from storyline.check.quote_variant import severity, word_diff
from storyline.check.text import content_stems
from storyline.lang.numbers import parse_number_any_language
from storyline.model import Article, Quantity, Quote


def art(id_: str, text: str, **kw) -> Article:
    return analyze(Article(id=id_, text=text, **kw))


def kinds(dossier, kind):
    return [f for f in dossier.findings if f.kind == kind]


A = ("The city council of Norberg voted 7 to 2 on Monday to close the old ferry terminal. "
     "Councillor Anja Lindqvist said the terminal had lost money for a decade. "
     "The vote followed a public hearing attended by about 200 residents.")
B = ("Norberg's city council decided on Monday, by 7 votes to 2, to shut the old ferry terminal. "
     "The terminal has lost money for ten years, councillor Anja Lindquist said. "
     "Some 300 residents attended a public hearing before the vote.")


def test_reworded_sentences_align_into_corroborated_claims():
    d = compare([art("a", A), art("b", B)], method="lexical")
    multi = [c for c in d.claims if c.status != "single-source"]
    assert len(multi) >= 2
    for c in multi:
        assert set(c.articles) == {"a", "b"}
    assert d.same_story["verdict"] == "yes"


def test_number_conflict_on_aligned_sentences():
    d = compare([art("a", A), art("b", B)], method="lexical")
    conflicts = kinds(d, "number_conflict")
    assert len(conflicts) == 1
    assert {"about 200 residents", "Some 300 residents"} & set(conflicts[0].details["values"]) or \
        any("200" in v for v in conflicts[0].details["values"])
    assert any(c.status == "contested" for c in d.claims)


def test_agreeing_numbers_are_not_conflicts():
    d = compare([art("a", "Fire crews rescued 12 people from the tower on Friday evening in Tallinn."),
                 art("b", "On Friday evening, fire crews rescued 12 people from the tower in Tallinn.")],
                method="lexical")
    assert kinds(d, "number_conflict") == []


def test_name_variant_needs_shared_context():
    assert _variant("Maribel Abalat", "Maribel Albalat") == "spelling"
    assert _variant("Shehbaz Sharif", "Shahbaz Sharif") == "spelling"
    assert _variant("Pélicot", "Pelicot") == "accents"
    assert _variant("Donald Trump", "Donald Tusk") is None  # two people
    assert _variant("Pakistan", "Pakistani") is None  # an inflection
    assert _variant("Austria", "Australia") is None
    assert _variant("John Smith", "Jane Smith") is None  # a different first name


def test_name_variant_found_across_reports():
    d = compare([art("a", A), art("b", B)], method="lexical")
    found = kinds(d, "name_variant")
    assert len(found) == 1 and set(found[0].details["variants"]) == {"Anja Lindqvist", "Anja Lindquist"}


def test_suspect_term_in_a_list_of_elements():
    d = compare([
        art("a", "The mine in Kestrel Valley produces lithium, cobalt and nickle for battery makers in Europe."),
        art("b", "Kestrel Valley's mine produces lithium, cobalt and nickel for European battery makers."),
    ], method="lexical")
    terms = kinds(d, "suspect_term")
    assert [(t.details["term"], t.details["suggestion"]) for t in terms] == [("nickle", "nickel")]
    assert terms[0].details["confirmed_by"] == ["b"]


def test_no_suspect_term_for_correct_lists_or_words_outside_lists():
    d = compare([
        art("a", "Pakistan is rich in gold, copper and lithium, officials in Islamabad said on Monday."),
        art("b", "The presidium of the party met in Vienna and Geneva to discuss copper prices on Monday."),
    ], method="lexical")
    assert kinds(d, "suspect_term") == []


def test_quote_variant_pairs_only_the_same_statement():
    a = Article(id="a", text="x")
    a = art("a", 'Mayor Lena Ruiz spoke on Friday. "We will rebuild the bridge before winter and we will not '
                 'raise taxes to pay for it," Ruiz said. "The river is our lifeline," she added.')
    b = art("b", 'Mayor Lena Ruiz spoke on Friday. "We are going to rebuild the bridge before the winter, without '
                 'raising taxes," Ruiz said. "Our budget is healthy and the auditors agree," she said.')
    d = compare([a, b], method="lexical")
    variants = kinds(d, "quote_variant")
    assert len(variants) == 1
    texts = [w["text"] for w in variants[0].details["wordings"]]
    assert "rebuild the bridge" in texts[0] and "rebuild the bridge" in texts[1]
    assert variants[0].details["speaker"] == "Lena Ruiz"


def test_quote_variant_never_pairs_different_speakers():
    a = Article(id="a", text="A said the thing. B said another.")
    b = Article(id="b", text="A said the thing. B said another.")
    analyze(a)
    analyze(b)
    a.quotes = [Quote(text="we will build the new stadium next year with private money", span=(0, 5),
                      speaker="Ann Moss")]
    b.quotes = [Quote(text="we will build the new stadium next year with private money", span=(0, 5),
                      speaker="Bo Lindgren")]
    a.text = b.text = "x" * 40
    d = compare([a, b], method="lexical")
    assert kinds(d, "quote_variant") == []


def test_severity_levels():
    assert severity("We will win.", "we will win") == "identical"
    assert severity("We will win this election.", "We will win the election.") == "reworded" or \
        severity("We will win this election.", "We will win the election.") == "minor"
    assert severity("We will cut 200 jobs", "We will cut 300 jobs") == "different meaning"
    assert severity("We have not agreed to the deal today", "We have agreed to the deal today") == "different meaning"
    assert severity("They really have not", "No, nothing special happened") == "reworded"
    ops = word_diff("expand our strategic relationship", "expand our strategic partnership")
    assert {"op": "replace", "a": "relationship", "b": "partnership"} in ops


def test_reuse_detects_verbatim_copy_and_direction_from_dates():
    shared = ("The committee published its findings after eleven months of hearings and interviews "
              "with more than forty witnesses from the harbour authority.")
    d = compare([
        art("early", "Harbour inquiry ends. " + shared + " The chair will brief the press.", date="2026-02-01"),
        art("late", "Report out. " + shared + " No one resigned.", date="2026-02-03"),
    ], method="lexical")
    reuse = kinds(d, "reuse")
    assert len(reuse) == 1
    assert reuse[0].details["verbatim"] is True
    assert reuse[0].details["direction"] == {"from": "early", "to": "late", "reason": "publication dates"}


def test_unique_fact_ranked_by_checkability():
    d = compare([
        art("a", A + " The terminal will close on 30 June 2026 and 14 staff will move to the bus depot."),
        art("b", B + " Many residents were unhappy about the decision, which they called sad."),
    ], method="lexical")
    unique = kinds(d, "unique_fact")
    assert unique and unique[0].details["article"] == "a" and "30 June 2026" in unique[0].evidence[0].text
    assert not any("unhappy" in f.evidence[0].text for f in unique)  # nothing checkable in it


def test_different_stories_are_named():
    d = compare([
        art("a", A),
        art("b", B),
        art("c", "The national football team beat Ruritania 3-1 in a friendly in Lisbon, with two late goals "
                 "from the substitute striker."),
    ], method="lexical")
    assert d.same_story["verdict"] == "partly"
    assert [o["article"] for o in d.same_story["outliers"]] == ["c"]
    assert "c" in d.same_story["summary"]


def test_deterministic_and_order_of_findings_stable():
    one = json.dumps(compare([art("a", A), art("b", B)], method="lexical").to_dict(), sort_keys=True)
    two = json.dumps(compare([art("a", A), art("b", B)], method="lexical").to_dict(), sort_keys=True)
    assert one == two


def test_timeline_is_in_date_order():
    d = compare([
        art("a", "The bridge opened on 3 May 2025. It was closed again on 9 January 2026 after cracks were found.",
            date="2026-01-10"),
        art("b", "Cracks closed the bridge on 9 January 2026, eight months after it opened on 3 May 2025.",
            date="2026-01-11"),
    ], method="lexical")
    dates = [e.date for e in d.timeline]
    assert dates == sorted(dates) and "2025-05-03" in dates and "2026-01-09" in dates


def test_bad_method_is_a_usage_error():
    from storyline.errors import UsageError

    with pytest.raises(UsageError, match="unknown method"):
        compare([art("a", A)], method="magic")


def test_duplicate_ids_are_renamed_as_the_cli_does_and_callers_records_stay_unchanged():
    first, second = Article(id="a", text=A), Article(id="a", text=B)
    d = compare([first, second], method="lexical")
    assert [x["id"] for x in d.articles] == ["a", "a#2"]
    assert first.id == second.id == "a" and not first.sentences  # not analysed or renamed in place


def test_number_parsing_and_stems():
    assert parse_number_any_language("1,200") == 1200 and parse_number_any_language("3,75") == 3.75 and parse_number_any_language("4.972") == 4.972
    assert "month:9" in content_stems("signed in Sept. in Karachi")
    assert "num:4" in content_stems("a four-day conflict")


def test_quantity_records_drive_number_conflicts():
    a = art("a", "The storm killed 12 people in the coastal province of Verano on Sunday night.")
    b = art("b", "The storm killed 21 people in the coastal province of Verano on Sunday night.")
    a.quantities = [Quantity(text="12 people", span=(17, 26), kind="count", value=12, normalized=12,
                             context="people", sentence=0)]
    b.quantities = [Quantity(text="21 people", span=(17, 26), kind="count", value=21, normalized=21,
                             context="people", sentence=0)]
    d = compare([a, b], method="lexical")
    conflict = kinds(d, "number_conflict")
    assert len(conflict) == 1 and set(conflict[0].details["values"]) == {"12 people", "21 people"}


def test_suspect_acronym_swapped_letters_only():
    base = "The {x} won 16 percent of the vote in Lindau on Sunday, its worst result since the war."
    d = compare([art("a", base.format(x="SDP")), art("b", base.format(x="SPD")), art("c", base.format(x="SPD"))],
                method="lexical")
    terms = [(f.details["article"], f.details["term"], f.details["suggestion"]) for f in kinds(d, "suspect_term")]
    assert terms == [("a", "SDP", "SPD")]
    other = "Prices rose 2 percent in May, the {x} said on Tuesday in its monthly survey of Kelburn firms."
    d = compare([art("a", other.format(x="CBI")), art("b", other.format(x="CPI")), art("c", other.format(x="CPI"))],
                method="lexical")
    assert kinds(d, "suspect_term") == []


def test_reuse_direction_from_a_citation():
    shared = ("The committee published its findings after eleven months of hearings and interviews "
              "with more than forty witnesses from the harbour authority.")
    d = compare([
        art("harbour-herald", "Inquiry ends. " + shared, outlet="Harbour Herald"),
        art("other", "Report out, a Harbour Herald report said. " + shared),
    ], method="lexical")
    reuse = kinds(d, "reuse")
    assert len(reuse) == 1
    direction = reuse[0].details["direction"]
    assert direction is not None and (direction["from"], direction["to"]) == ("harbour-herald", "other")
