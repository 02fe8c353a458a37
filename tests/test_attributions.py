"""Attributions: whom a report cites, in plain words, with the kind of citation."""

from __future__ import annotations

from pathlib import Path

from storyline.analyze.attributions import find_attributions
from storyline.analyze.sentences import split_sentences


def atts(text, lang="en"):
    return [(a.kind, a.source) for a in find_attributions(text, split_sentences(text), [], lang=lang)]


def test_according_to():
    text = "The sector adds 3.2 percent to GDP, according to official figures."
    assert atts(text) == [("according_to", "official figures")]


def test_according_to_a_document():
    text = "According to a transcript on the State Department’s website, the two men spoke for an hour."
    assert atts(text) == [("according_to", "a transcript on the State Department's website")]


def test_report_by_a_publication():
    text = "Earlier this month, a Dawn report said that the two countries were close to a deal."
    assert atts(text) == [("report", "Dawn")]


def test_publication_reported():
    text = "The Daily Ledger reported that two board members had argued for a larger cut."
    assert atts(text) == [("report", "Daily Ledger")]


def test_office_and_embassy():
    text = ("“The partnership begins now,” Prime Minister Shehbaz Sharif’s office said.\n"
            "Officials discussed railways and infrastructure, the US embassy said.")
    assert atts(text) == [("office", "Prime Minister Shehbaz Sharif's office"), ("said", "the US embassy")]


def test_statement():
    text = "In a statement, the company called the shipment “a milestone” and said the deal was on track."
    assert ("statement", "the company") in atts(text)


def test_said_resolves_people():
    text = "Secretary of State Marco Rubio spoke on Saturday. Rubio said the talks went well."
    assert atts(text) == [("said", "Marco Rubio")]


def test_words_inside_quotes_are_not_citations():
    text = "“We said we want a new partnership,” Rubio said."
    assert atts(text) == [("said", "Rubio")]


def test_other_languages():
    assert atts("Selon le ministère, 12 % des enseignants étaient en grève.", "fr") == [
        ("according_to", "le ministère")]
    assert atts("Según la federación, las entradas están agotadas.", "es") == [("according_to", "la federación")]


def test_spans_index_the_text():
    text = "According to official figures, exports rose. The US embassy said talks went well."
    for a in find_attributions(text, split_sentences(text), []):
        assert text[a.span[0] : a.span[1]] == a.text


def test_no_citation():
    assert atts("") == []
    assert atts("The council approved the budget on Monday.") == []


def _seed(seed_paths, prefix):
    path = next(p for p in seed_paths if p.name.startswith(prefix))
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def test_seed_000_sources(seed_paths):
    got = atts(_seed(seed_paths, "000"))
    assert ("office", "Prime Minister Shehbaz Sharif's office") in got
    assert ("said", "the US embassy") in got
    assert ("according_to", "official figures") in got
    assert ("said", "Marco Rubio") in got


def test_seed_001_sources(seed_paths):
    got = atts(_seed(seed_paths, "001"))
    assert ("report", "Dawn") in got
    assert ("statement", "the company") in got
    assert ("said", "Marco Rubio") in got


def test_fixture_texts_never_crash():
    import json

    path = Path(__file__).with_name("fixtures") / "quotes" / "quotes.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        for a in find_attributions(d["text"], split_sentences(d["text"]), [], lang=d["lang"]):
            assert a.source and a.kind in {"said", "according_to", "report", "office", "statement"}


def test_according_to_source_ends_at_its_noun_phrase():
    # no comma after the source: it must not swallow the reported clause
    assert atts("Laut einem Gutachten fehlen der Stadt rund 12 Millionen Euro.", "de") == [
        ("according_to", "einem Gutachten")]
    assert atts("Laut einem Bericht des Rechnungshofs sind 40 Stellen unbesetzt.", "de") == [
        ("according_to", "einem Bericht des Rechnungshofs")]
    assert atts("Según fuentes policiales el detenido tiene 30 años.", "es") == [
        ("according_to", "fuentes policiales")]
    assert atts("Selon les chiffres de la préfecture il y a eu 30 blessés.", "fr") == [
        ("according_to", "les chiffres de la préfecture")]


def test_according_to_keeps_the_whole_source_not_a_place_inside_it():
    assert atts("Selon le parquet de Lyon, le préjudice dépasse 4 millions d'euros.", "fr") == [
        ("according_to", "le parquet de Lyon")]


def test_according_to_a_pronoun_is_the_person_before_it():
    text = "Le maire, Paul Garnier, a visité le chantier. Selon lui, les travaux finiront en mai."
    assert ("according_to", "Paul Garnier") in atts(text, "fr")
    assert atts("Selon lui, les travaux finiront en mai.", "fr") == []  # nobody to be "lui"


def test_attribution_text_covers_the_whole_spokesperson_phrase():
    text = "Der Busverkehr fällt aus. Ein Sprecher des Verkehrsverbunds sagte, die Linien würden umgeleitet."
    got = find_attributions(text, split_sentences(text), [], lang="de")
    assert [(a.source, a.text) for a in got] == [
        ("Ein Sprecher des Verkehrsverbunds", "Ein Sprecher des Verkehrsverbunds sagte")]


def test_zufolge_takes_the_source_before_it():
    got = find_attributions(t := "Einem Gutachten des Landes zufolge fehlen 12 Millionen Euro.", split_sentences(t),
                            [], lang="de")
    assert [(a.source, a.text) for a in got] == [("Einem Gutachten des Landes", "Einem Gutachten des Landes zufolge")]
