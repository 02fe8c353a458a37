"""suspect_term rules added for garbled acronyms and one-off misspellings, on invented reports."""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.check import compare
from storyline.model import Article


def terms(*texts: str, lang: str = "en"):
    arts = [analyze(Article(id=f"r{i}", text=t, lang=lang)) for i, t in enumerate(texts)]
    d = compare(arts, method="lexical")
    return [(f.details["article"], f.details["term"], f.details["suggestion"])
            for f in d.findings if f.kind == "suspect_term"]


def test_acronym_that_does_not_spell_its_words():
    a = "Governor Ilse Varga chaired her first Monetary Policy Committee (MPCC) meeting in Doran on Friday."
    b = "The Monetary Policy Committee (MPC) of the Doran central bank cut rates on Friday, Ilse Varga said."
    assert terms(a, b) == [("r0", "MPCC", "MPC")]


def test_acronyms_that_spell_their_words_or_skip_some_are_fine():
    a = "Members of the Monetary Policy Committee (MPC) voted 8-1 in Doran on Friday to cut the rate."
    b = "Die Europäische Zentralbank (EZB) senkte am Donnerstag in Doran die Zinsen, sagte Ilse Varga."
    c = "Die Christlich Demokratische Union Deutschlands (CDU) gewann die Wahl in Doran am Sonntag."
    assert terms(a, b, c) == []


def test_a_short_all_caps_word_gives_all_its_letters():
    a = "The miner US Strategic Ores (USSO) signed a supply deal with Doran Steel on Friday, Ilse Varga said."
    b = "US Strategic Ores (USSO) will ship ore to Doran Steel from March, the company said on Friday."
    assert terms(a, b) == []


def test_a_name_written_once_against_the_reports_own_spelling():
    a = ("The Eaton fire grew overnight near Altmoor. Crews fought the Eaton fire from the air. "
         "Homes burned as the Eton fire crossed the ridge. Officials said the Eaton fire was 5% contained.")
    b = "The Eaton fire near Altmoor forced thousands to leave on Tuesday night, officials said."
    assert terms(a, b) == [("r0", "Eton", "Eaton")]


def test_other_forms_of_a_word_are_not_misspellings():
    a = ("Valencia was hit hardest. The Valencian government met in Valencia. Valencia asked for help. "
         "Rescuers reached Valencia by boat.")
    b = "Rescuers reached Valencia by boat on Wednesday after the floods, officials in Valencia said."
    assert terms(a, b) == []


def test_a_shortened_quote_keeps_its_meaning_unless_a_nearby_negation_was_cut():
    from storyline.check.quote_variant import severity

    long_ = ("Pressures have eased enough that we can cut rates today. But we must be careful not to cut "
             "too quickly or by too much.")
    assert severity(long_, "pressures have eased enough that we can cut rates today") == "minor"
    assert severity("I do not support the harbour plan.", "support the harbour plan") == "different meaning"
