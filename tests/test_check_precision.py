"""Precision rules of the conflict findings (issue 11), on invented reports: each test names a
finding that used to be wrong or missed."""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.check import compare
from storyline.model import Article, Finding


def findings(kind: str, *texts: str, lang: str = "en", date: str | None = None) -> list[Finding]:
    arts = [analyze(Article(id=f"r{i}", text=t, lang=lang, date=date)) for i, t in enumerate(texts)]
    return [f for f in compare(arts, method="lexical").findings if f.kind == kind]


# place_conflict


def test_a_city_and_the_country_that_holds_it_are_not_a_conflict():
    a = "The summit of regional trade ministers opened in Kuala Lumpur on Monday, officials from Doran said."
    b = "The summit of regional trade ministers opened in Malaysia on Monday, officials from Doran said."
    assert findings("place_conflict", a, b) == []


def test_two_names_of_one_city_are_not_a_conflict():
    a = "Brenna Oakes was arrested in Bombay on Tuesday after the warehouse fire, police said."
    b = "Brenna Oakes was arrested in Mumbai on Tuesday after the warehouse fire, police said."
    assert findings("place_conflict", a, b) == []


def test_two_cities_are_still_a_conflict():
    a = "Brenmoor Chemicals, which is headquartered in Oslo, said it had suspended work at the site."
    b = "Brenmoor Chemicals, which is headquartered in Helsinki, said it had suspended work at the site."
    found = findings("place_conflict", a, b)
    assert len(found) == 1 and set(found[0].details["values"]) == {"Oslo", "Helsinki"}


def test_a_field_of_study_is_not_a_place():
    a = "Tamsin Crowe, who won the Halvard Prize in Chemistry last year, opened the institute on Monday."
    b = "Tamsin Crowe, who won the Halvard Prize in Economics last year, opened the institute on Monday."
    assert findings("place_conflict", a, b) == []


# suspect_term


def test_an_official_country_name_is_not_a_garble():
    a = "Ministers from Türkiye, Greece and Bulgaria met in Doran on Monday to discuss the border crossings."
    b = "Ministers from Turkey, Greece and Bulgaria met in Doran on Monday to discuss the border crossings."
    c = "Envoys of Czechia, Poland and Eswatini signed the accord in Doran on Monday, Ilse Varga said."
    assert findings("suspect_term", a, b, c) == []


def test_an_acronym_several_reports_use_is_its_own_body():
    a = "Fighters of Tehrik-i-Taliban Pakistan (TTP) attacked a checkpoint near Doran on Friday, police said."
    b = "The TTP, a militant group, claimed the attack near Doran on Friday, police said."
    assert findings("suspect_term", a, b) == []


def test_a_garbled_acronym_is_still_found():
    a = "Governor Ilse Varga chaired her first Monetary Policy Committee (MPCC) meeting in Doran on Friday."
    b = "The Monetary Policy Committee (MPC) of the Doran central bank cut rates on Friday, Ilse Varga said."
    assert [f.details["term"] for f in findings("suspect_term", a, b)] == ["MPCC"]
