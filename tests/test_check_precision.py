"""Precision rules of the conflict findings (issue 11), on invented reports: each test names a
finding that used to be wrong or missed."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze
from storyline.check import compare
from storyline.check.figure_forms import fiscal_years
from storyline.check.unique_fact import is_heading, is_year
from storyline.model import Article, Finding


def findings(kind: str, *texts: str, lang: str = "en", date: str | None = None) -> list[Finding]:
    arts = [analyze(Article(id=f"r{i}", text=t, lang=lang, date=date)) for i, t in enumerate(texts)]
    return [f for f in compare(arts, method="lexical").findings if f.kind == kind]


def unique_facts(*texts: str) -> str:
    """The summaries of the unique facts compare finds, in one string to search."""
    return " | ".join(f.summary for f in findings("unique_fact", *texts))


# place_conflict

ARREST = "Brenna Oakes was arrested in {} on Tuesday after the warehouse fire, police said."


def test_two_provinces_are_still_a_conflict():
    found = findings("place_conflict", ARREST.format("Bavaria"), ARREST.format("Saxony"))
    assert len(found) == 1 and set(found[0].details["values"]) == {"Bavaria", "Saxony"}


def test_two_cities_are_still_a_conflict():
    a = "Brenmoor Chemicals, which is headquartered in Oslo, said it had suspended work at the site."
    b = "Brenmoor Chemicals, which is headquartered in Helsinki, said it had suspended work at the site."
    found = findings("place_conflict", a, b)
    assert len(found) == 1 and set(found[0].details["values"]) == {"Oslo", "Helsinki"}



# suspect_term




def test_a_garbled_acronym_is_still_found():
    a = "Governor Ilse Varga chaired her first Monetary Policy Committee (MPCC) meeting in Doran on Friday."
    b = "The Monetary Policy Committee (MPC) of the Doran central bank cut rates on Friday, Ilse Varga said."
    assert [f.details["term"] for f in findings("suspect_term", a, b)] == ["MPCC"]


# unique_fact


FURNITURE = [
    "Follow Doran Daily on YouTube for the latest videos from the harbour district and beyond.",
    "Unlock Exclusive Insights with Doran Times Premium, now 50% off for the first 3 months.",
    "Subscribe to the Doran Courier today and get 12 months of news for just $1 a week.",
    "Sign up for our newsletter to get the top 5 Doran stories in your inbox every morning.",
    "Download the Doran News app for iPhone and Android to get alerts on 24 hour news.",
    "Advertisement: Doran Motors sale ends on Sunday with 20% off every new model.",
    "Suscríbete a nuestro boletín para recibir las 10 noticias más leídas de Doran cada día.",
    "Abonnez-vous à notre newsletter pour recevoir les 10 infos de Doran chaque matin.",
    "Folgen Sie uns auf Instagram und erhalten Sie die 10 wichtigsten Nachrichten aus Doran.",
    "Seguici su Facebook per ricevere le 10 notizie più lette di Doran ogni giorno.",
    "Zudem ermöglichen Cookies seit 2031 die Personalisierung von Inhalten und dienen der Ausspielung von Werbung.",
    "Wir bieten dieses Video aus Doran in 4 Formaten zum Download an: Klein, Mittel, Groß und 1080 HD.",
    "Video ansehen 01:45 Teilen Doran: 3 Kabel gerissen Versenden Facebook google+ Tumblr Xing Permalink.",
    "¡Gracias por suscribirte! Recibe en tu email las 5 noticias de Doran que debes saber hoy.",
]


def test_page_furniture_is_never_a_fact():
    story = ("The Doran harbour bridge was closed on Monday after 3 cables snapped, engineer Ilse Varga said. "
             "Repairs will cost 4 million euros and take 6 weeks, the city council said on Monday.")
    other = ("Doran's harbour bridge closed on Monday after 3 cables snapped, Ilse Varga said. "
             "The council said repairs would take 6 weeks and cost 4 million euros.")
    for line in FURNITURE:
        facts = findings("unique_fact", story + " " + line, other)
        assert not any(line[:30] in f.summary for f in facts), line


def test_a_fact_about_following_or_subscribers_is_still_a_fact():
    story = ("The Doran harbour bridge was closed on Monday after 3 cables snapped, engineer Ilse Varga said. "
             "The Doran Courier said 40,000 subscribers had asked for refunds since March 2031.")
    other = "Doran's harbour bridge closed on Monday after 3 cables snapped, Ilse Varga said."
    facts = findings("unique_fact", story, other)
    assert any("40,000 subscribers" in f.summary for f in facts)


def test_a_reworded_lede_is_not_a_fact_of_its_own():
    # every name and day of r0's first sentence is in r1, worded too far apart to be aligned
    a = ("Ilse Varga's members overwhelmingly backed walking off the job on Thursday, spurning an offer the embattled "
         "Talvik Lines had pitched as generous. The walkout began at 6 am at Brenmoor Port, the union said.")
    b = ("Dockworkers at Brenmoor Port began a strike at 6 am on Thursday, union leader Ilse Varga said. "
         "Talvik Lines said talks would resume next week.")
    assert "overwhelmingly" not in unique_facts(a, b)


def test_a_figure_no_other_report_gives_is_still_a_fact():
    a = ("Dockworkers at Brenmoor Port went on strike on Thursday, union leader Ilse Varga said. "
         "The union says 4,300 members at 12 terminals have stopped work, halting 85 ships.")
    assert "4,300 members" in unique_facts(a, "Dockworkers at Brenmoor Port went on strike on Thursday, "
                                              "Ilse Varga of the union said.")


# number_conflict


def test_a_forecast_and_a_measurement_are_not_rival_figures():
    a = "Forecasters said waves at Doran harbour could reach 20 feet during the storm on Sunday."
    b = "Waves at Doran harbour were 8 feet high during the storm on Sunday, the coast guard said."
    c = "Waves at Doran harbour of up to 15 feet were expected during the storm on Sunday."
    assert findings("number_conflict", a, b) == []
    assert findings("number_conflict", c, b) == []


def test_a_toll_of_a_country_and_of_its_continent_are_two_quantities():
    a = "The health agency said 524 deaths from the fever had been reported so far this year in Kenya, Ilse Varga said."
    b = "The health agency said 517 deaths from the fever had been reported so far this year in Africa, Ilse Varga said."
    c = "The health agency said 517 deaths from the fever had been reported so far this year in Kenya, Ilse Varga said."
    assert findings("number_conflict", a, b) == []
    assert len(findings("number_conflict", a, c)) == 1


def test_two_measurements_still_conflict():
    a = "Waves at Doran harbour were 20 feet high during the storm on Sunday, the coast guard said."
    b = "Waves at Doran harbour were 8 feet high during the storm on Sunday, the coast guard said."
    assert len(findings("number_conflict", a, b)) == 1


# name_variant


def test_a_respelled_given_name_with_one_surname():
    a = "Foreign Minister Marco Vantrell met envoys in Doran on Monday to discuss the harbour treaty."
    b = "Foreign Minister Mark Vantrell met envoys in Doran on Monday to discuss the harbour treaty."
    found = findings("name_variant", a, b)
    assert [set(f.details["variants"]) for f in found] == [{"Marco Vantrell", "Mark Vantrell"}]


def test_a_shortened_given_name_with_one_surname():
    a = "Foreign Minister Alexander Vantrell met envoys in Doran on Monday to discuss the harbour treaty."
    b = "Foreign Minister Alex Vantrell met envoys in Doran on Monday to discuss the harbour treaty."
    found = findings("name_variant", a, b)
    assert [(set(f.details["variants"]), f.details["difference"]) for f in found] == [
        ({"Alexander Vantrell", "Alex Vantrell"}, "shortened")]


def test_a_respelled_given_name_of_a_quotes_speaker():
    a = analyze(Article(id="r0", text="Foreign Minister Marco Vantrell met envoys in Doran on Monday.", lang="en"))
    b = analyze(Article(id="r1", text="“We will not give up the harbour,” the minister said on Monday in Doran.",
                        lang="en"))
    b.quotes[0].speaker = "Mark Vantrell"  # what the resolver gives when the name stood in another report's words
    assert b.quotes and not any("Vantrell" in m.text for m in b.names)
    found = [f for f in compare([a, b], method="lexical").findings if f.kind == "name_variant"]
    assert [set(f.details["variants"]) for f in found] == [{"Marco Vantrell", "Mark Vantrell"}]



# date_conflict


TALKS = "The ceasefire talks between the two delegations ended on {} in Doran, officials said."


def test_a_weekday_against_a_date_that_falls_on_another_day():
    a = analyze(Article(id="r0", text=TALKS.format("Sunday (Oct 26)"), lang="en", date="2025-10-27"))
    for date in ("2025-10-27", None):  # the other report dated (Saturday resolves to Oct 25) or not
        b = analyze(Article(id="r1", text=TALKS.format("Saturday"), lang="en", date=date))
        found = [f for f in compare([a, b], method="lexical").findings if f.kind == "date_conflict"]
        assert len(found) == 1, date
        assert "Saturday" in found[0].summary and "Oct 26" in found[0].summary


def test_a_weekday_that_matches_the_date_is_no_conflict():
    a = analyze(Article(id="r0", text=TALKS.format("Sunday (Oct 26)"), lang="en", date="2025-10-27"))
    for date in ("2025-10-27", None):
        b = analyze(Article(id="r1", text=TALKS.format("Sunday"), lang="en", date=date))
        assert not [f for f in compare([a, b], method="lexical").findings if f.kind == "date_conflict"], date


# findings that used to be wrong: none of them may come back

WRONG = {
    "a_city_and_the_country_that_holds_it_are_not_a_conflict": ("place_conflict", "en", [
        "The summit of regional trade ministers opened in Kuala Lumpur on Monday, officials from Doran said.",
        "The summit of regional trade ministers opened in Malaysia on Monday, officials from Doran said.",
    ]),
    "a_province_and_its_city_are_not_a_conflict": ("place_conflict", "en", [ARREST.format("Maharashtra"),
                                                                             ARREST.format("Pune")]),
    "a_state_and_its_city_are_not_a_conflict": ("place_conflict", "en", [ARREST.format("Texas"),
                                                                          ARREST.format("Houston")]),
    "two_names_of_one_city_are_not_a_conflict": ("place_conflict", "en", [ARREST.format("Bombay"),
                                                                           ARREST.format("Mumbai")]),
    "a_field_of_study_is_not_a_place": ("place_conflict", "en", [
        "Tamsin Crowe, who won the Halvard Prize in Chemistry last year, opened the institute on Monday.",
        "Tamsin Crowe, who won the Halvard Prize in Economics last year, opened the institute on Monday.",
    ]),
    "an_official_country_name_is_not_a_garble": ("suspect_term", "en", [
        "Ministers from Türkiye, Greece and Bulgaria met in Doran on Monday to discuss the border crossings.",
        "Ministers from Turkey, Greece and Bulgaria met in Doran on Monday to discuss the border crossings.",
        "Envoys of Czechia, Poland and Eswatini signed the accord in Doran on Monday, Ilse Varga said.",
    ]),
    "an_acronym_several_reports_use_is_its_own_body": ("suspect_term", "en", [
        "Fighters of Tehrik-i-Taliban Pakistan (TTP) attacked a checkpoint near Doran on Friday, police said.",
        "The TTP, a militant group, claimed the attack near Doran on Friday, police said.",
    ]),
    "an_acronym_of_a_hyphenated_name_is_not_a_garble": ("suspect_term", "en", [
        "Fighters of Tehrik-i-Talvar Doran (TTD) attacked a checkpoint near Brenmoor on Friday, police said.",
        "Fighters of the TD attacked a checkpoint near Brenmoor on Friday, police said. The TD claimed it.",
    ]),
    "a_city_written_in_the_reports_language_is_not_a_garble": ("suspect_term", "de", [
        "Die Regierungen in Teheran, Bagdad und Washington wiesen am Montag in Doran jede Schuld zurück.",
        "Die Regierungen in Tehran, Baghdad und Washington wiesen am Montag in Doran jede Schuld zurück.",
    ]),
    "a_known_party_written_once_is_not_a_garble_of_its_sister_party": ("suspect_term", "de", [
        "Die CSU gewann in Doran. Die CSU stellt den Bürgermeister. Die CSU feierte am Sonntag. "
        "Auch die CDU gratulierte der Partei am Montag.",
        "Die CSU gewann die Wahl in Doran am Sonntag, sagte Ilse Varga.",
    ]),
    "two_given_names_that_are_not_respellings_are_two_people": ("name_variant", "en", [
        "Judge Maria Vantrell opened the hearing in Doran on Monday, the court said.",
        "Judge Martin Vantrell opened the hearing in Doran on Monday, the court said.",
    ]),
}


@pytest.mark.parametrize("case", sorted(WRONG))
def test_a_finding_that_used_to_be_wrong(case: str) -> None:
    kind, lang, texts = WRONG[case]
    assert findings(kind, *texts, lang=lang) == []


def test_a_weekday_against_an_old_date_is_no_conflict():
    a = analyze(Article(id="r0", text=TALKS.format("Aug. 2, 2019"), lang="en", date="2025-10-27"))
    b = analyze(Article(id="r1", text=TALKS.format("Saturday"), lang="en"))
    assert not [f for f in compare([a, b], method="lexical").findings if f.kind == "date_conflict"]


FINAL = "Brenmoor Rovers beat Talvik City 2-1 in the harbour cup final at Doran Park on {}, the league said."


def test_a_weekday_read_on_another_clock_is_no_conflict():
    a = analyze(Article(id="r0", text=FINAL.format("Saturday, June 29"), lang="en", date="2024-06-30"))
    b = analyze(Article(id="r1", text=FINAL.format("Sunday (NZ time)"), lang="en", date="2024-06-30"))
    c = analyze(Article(id="r2", text=FINAL.format("Sunday"), lang="en", date="2024-06-30"))
    assert not [f for f in compare([a, b], method="lexical").findings if f.kind == "date_conflict"]
    assert [f for f in compare([a, c], method="lexical").findings if f.kind == "date_conflict"]  # no clock named


CUT = "The Doran central bank cut its key rate by 25 basis points to 3% on {}, Governor Ilse Varga said."


def test_the_day_a_decision_takes_effect_is_not_its_day():
    a = analyze(Article(id="r0", text=CUT.format("June 5, 2031"), lang="en", date="2031-06-05"))
    b = analyze(Article(id="r1", text="On June 5, 2031 the Doran central bank cut its key rate by 25 basis points "
                                      "to 3% (effective June 11), Governor Ilse Varga said.", lang="en",
                        date="2031-06-05"))
    assert not [f for f in compare([a, b], method="lexical").findings if f.kind == "date_conflict"]


def test_a_report_that_misdates_the_event_once_is_found():
    dated = [analyze(Article(id=f"r{i}", text=CUT.format("June 6, 2031"), lang="en", date="2031-06-06"))
             for i in range(2)]
    odd = analyze(Article(id="r2", text="The decision, made on May 5, 2031, cut the key rate to 3%. "
                                        "The Doran central bank cut its key rate by 25 basis points to 3% on "
                                        "June 6, 2031, Governor Ilse Varga said.", lang="en", date="2031-06-06"))
    found = [f for f in compare([*dated, odd], method="lexical").findings if f.kind == "date_conflict"]
    assert found and any("May 5" in f.summary for f in found)


def test_an_embedded_post_s_link_is_no_name():
    story = ("The Doran harbour bridge was closed on Monday after 3 cables snapped, engineer Ilse Varga said. "
             "Repairs will take 6 weeks, the city council said on Monday.")
    other = ("Doran's harbour bridge closed on Monday after 3 cables snapped, Ilse Varga said. "
             "The council said repairs would take 6 weeks.")
    post = "What a sight at the Doran bridge tonight 🤩 #Doran pic.twitter.com/QxPKAStvZ3"
    facts = findings("unique_fact", story + " " + post, other)
    assert not any("pic.twitter.com" in f.summary for f in facts)


def test_a_photo_caption_is_not_a_fact():
    story = ("The Doran harbour bridge was closed on Monday after 3 cables snapped, engineer Ilse Varga said. "
             "Talvik Lines' old ferry terminal in Doran is shown Wednesday, March 21, 2001.")
    other = "Doran's harbour bridge closed on Monday after 3 cables snapped, Ilse Varga said."
    assert not any("is shown" in f.summary for f in findings("unique_fact", story, other))


def test_a_figure_another_report_writes_with_a_hyphen_is_not_unique():
    a = ("Shares of Talvik Lines rose 9 percent in premarket trading on Monday, Ilse Varga said. "
         "Talvik Lines agreed to buy Brenmoor Ferries on Monday, Ilse Varga said.")
    b = ("Talvik Lines agreed to buy Brenmoor Ferries on Monday, Ilse Varga said. "
         "Following the news, the stock is up 9% in the pre-market.")
    assert not any("premarket" in f.summary for f in findings("unique_fact", a, b))


BRIDGE = ("The Doran harbour bridge was closed on Monday after 3 cables snapped, engineer Ilse Varga said. "
          "Repairs will take 6 weeks, the city council said on Monday. ")
BRIDGE_OTHER = ("Doran's harbour bridge closed on Monday after 3 cables snapped, Ilse Varga said. "
                "The council said repairs would take 6 weeks. The Doran statements said it was closed for safety.")


def test_a_heading_in_capitals_is_not_a_fact():
    assert "STEERS" not in unique_facts(BRIDGE + "HARBOUR CHIEF VARGA STEERS THE REPAIRS FOR KELMAR", BRIDGE_OTHER)
    assert is_heading("HARBOUR CHIEF VARGA STEERS THE REPAIRS")
    assert not is_heading("Harbour chief Varga steers the repairs of the NATO pier")


def test_a_citation_marker_is_no_figure():
    said = ("Official Doran statements said the bridge had been shut as a precaution. "
            ":contentReference[oaicite:7]{index=7}")
    other = BRIDGE_OTHER.replace(" The Doran statements said it was closed for safety.", "")
    assert "contentReference" not in unique_facts(BRIDGE + said, other)
    # a figure beside the marker is still one
    assert "14 days" in unique_facts(BRIDGE + said.replace("as a precaution", "for 14 days of checks"), other)


GERMAN_STORY = ("Die Werft von Doran hat am Montag 300 Arbeiter entlassen, sagte Ilse Varga. "
                "Die Gewerkschaft kündigte Proteste an. {}")
GERMAN_OTHER = ("Doran shipyard laid off 300 workers on Monday, Ilse Varga said. The union announced protests. "
                "Ilse Varga is now likely to become Doran's next mayor, the union said.")


def test_german_nouns_are_no_names():
    said = "Ilse Varga hat nun beste Chancen, nächste Bürgermeisterin von Doran zu werden."
    facts = " | ".join(f.summary for f in findings("unique_fact", GERMAN_STORY.format(said), GERMAN_OTHER, lang="de"))
    assert "Chancen" not in facts
    # a name the analyser does not know, written as two capitalised words, is still a name
    new_name = "Hafenmeister Jorin Falkenrath nannte die Entlassungen einen schweren Fehler."
    facts = " | ".join(f.summary for f in findings("unique_fact", GERMAN_STORY.format(new_name), GERMAN_OTHER,
                                                    lang="de"))
    assert "Falkenrath" in facts


def after_lede(lede: str, mine: str, other: str) -> str:
    """The unique facts of two reports that share their first two sentences (a lede no rule reads)."""
    return unique_facts(lede + mine, lede + other)


FERRY_LEDE = ("Talvik Lines agreed to buy Brenmoor Ferries on Monday, Ilse Varga said. "
              "The ferry operator will pay 40 million euros in cash. ")
BANK_LEDE = ("The Doran central bank cut its key rate by 25 basis points to 3% on Friday, Ilse Varga said. "
             "The bank kept its stance neutral. ")


def test_a_year_another_report_writes_is_no_new_figure():
    mine = "Varga expects the merged fleet to turn a profit in FY 2027 on all its routes."
    other = "The deal is due to close in 2027 after a review by regulators in Doran."
    assert "FY 2027" not in after_lede(FERRY_LEDE, mine, other)
    # a year no other report writes still makes a fact
    assert "FY 2029" in after_lede(FERRY_LEDE, mine.replace("2027", "2029"), other)
    assert is_year("num:2027") and not is_year("num:300") and not is_year("num:2027.5")


def test_what_a_person_only_one_report_quotes_said_is_a_fact():
    lede = ("Talvik Lines agreed to buy Brenmoor Ferries on Monday for 40 million euros, the companies said. "
            "The deal still needs the approval of regulators in Doran. ")
    said = "The next months will be bumpy, chief executive Ilse Varga told staff after the signing."
    other = lede + "Shares of Talvik Lines, run by Ilse Varga, rose on the news in Doran."
    assert "bumpy" in unique_facts(lede + said, other)
    # the same words are no fact of their own when another report quotes her too
    other_quoting = other + " Ilse Varga said the merger would save money."
    assert "bumpy" not in unique_facts(lede + said, other_quoting)


def test_a_fiscal_year_is_the_year_it_names():
    assert fiscal_years("inflation for FY26, and FY’25 before it") == {"num:2026", "num:2025"}
    assert fiscal_years("growth of 6.4% for fiscal 2024-25") == {"num:2024", "num:2025"}
    assert fiscal_years("FY 2027 and the 26 states") == {"num:2027"}
    mine = "Varga expects shipyard orders from Kelmar to recover in FY 2026 after a weak spell."
    other = "Officials in Kelmar declined to comment. Inflation for FY26 is projected at 4.1% by the bank."
    assert "FY 2026" not in after_lede(BANK_LEDE, mine, other)
    assert "FY 2026" in after_lede(BANK_LEDE, mine, other.replace("FY26", "FY27"))


def test_a_year_in_a_name_is_no_date_of_the_story():
    lede = ("The Doran health agency declared an emergency over the outbreak on Friday, Ilse Varga said. "
            "Cases rose in the north of the country. ")
    a = lede + "Varga said the outbreak met the terms of the 2011 Kelmar Accord on health emergencies."
    b = lede + "Officials in Kelmar said the accord would guide the response. The agency has 40 teams in the field."
    assert "2011" not in unique_facts(a, b)
    assert "2011" in unique_facts(a.replace("the 2011 Kelmar Accord", "the Kelmar Accord of 2011"), b)


def test_an_embedded_post_is_no_fact_of_the_report():
    post = "Leaving now. pic.twitter.com/QxPKAStvZ3 — Tomas Reyne (@tomasreyne) March 3, 2031"
    assert "Reyne" not in unique_facts(BRIDGE + post, BRIDGE_OTHER)
    signed = "Leaving the harbour now, Kelmar ferries stopped — Tomas Reyne (@tomasreyne) March 3, 2031"
    assert "Reyne" not in unique_facts(BRIDGE + signed, BRIDGE_OTHER)
    assert "Reyne" in unique_facts(BRIDGE + "Ferry captain Tomas Reyne said 40 crossings were cancelled.",
                                   BRIDGE_OTHER)


def test_a_superlative_another_report_words_apart_is_given():
    mine = "This was the first policy decision under the new governor Ilse Varga after the spring budget."
    other = "Markets in Kelmar barely moved. It was her first monetary policy meeting since she took office."
    assert "first policy" not in after_lede(BANK_LEDE, mine, other)
    assert "first policy" in after_lede(BANK_LEDE, mine, other.replace("first monetary policy meeting", "first meeting"))
