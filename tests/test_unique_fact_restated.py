"""unique_fact on facts another report gives in other words or another language (check.restated), on
invented reports. The helper tests pin each rule; of the whole-report tests, the cognate and the
caption/scare-quote ones fail on the checker before check.restated, the others pass there too (the
alignment already links those short invented pairs) and stay as guards of the combined rules."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze
from storyline.check import compare, restated, unique_fact
from storyline.lang.fold import fold_word, stem
from storyline.model import Article

LEDE_EN = "Floods hit the town of Dorania on Tuesday, the regional council said. Rescue teams worked all night. "
LEDE_ES = "Las inundaciones golpearon Dorania el martes, dijo el consejo regional. Los equipos trabajaron toda la noche. "
LEDE_FR = "Le procès de Brenmoor s'est achevé jeudi à Valdric, a indiqué le tribunal. Les juges ont délibéré. "


def unique(*reports: tuple[str, str]) -> str:
    """The texts of the unique facts compare (lexical) finds among ``reports`` ((lang, text) pairs)."""
    arts = [analyze(Article(id=f"r{i}", text=text, lang=lang)) for i, (lang, text) in enumerate(reports)]
    return " | ".join(f.evidence[0].text for f in compare(arts, method="lexical").findings
                      if f.kind == "unique_fact")


# the helpers


def test_figures_are_named_alike_however_written():
    assert {"num:17000", "num:517"} <= restated.figures("plus de 17.000 cas et 517 décès")
    assert "num:30" in restated.figures("une trentaine d'accusés")
    assert "num:12" in restated.figures("a dozen boats")
    assert restated.basis_points("a cut of 25 basis points") == {"num:25": "num:0.25"}
    assert restated.basis_points("ein Schritt um 50 Basispunkte") == {"num:50": "num:0.5"}
    assert restated.basis_points("25 lorries") == {}


def test_a_day_beside_its_month_is_a_date_not_a_figure():
    assert restated.days_of_month("confirmed on Wednesday (Oct 30)") == {"num:30"}
    assert restated.days_of_month("le 7 novembre et le 3. Mai") == {"num:7", "num:3"}
    assert restated.days_of_month("30 boats left in 2031") == set()


def test_weekdays_and_name_heads_are_no_names():
    assert restated.is_weekday("wednesday") and restated.is_weekday("mittwochvormittag")
    assert not restated.is_weekday("wedmore")
    assert restated.bare_heads("Then Talvik Street was shut.", {"talvik"}, set()) == {"street"}
    # beside a new word, or beside common words only, the head is part of a new name
    assert restated.bare_heads("Then Ormond Street was shut.", {"talvik"}, set()) == set()
    assert restated.bare_heads("The Harbour Ministry spoke.", {"harbour"}, {"harbour"}) == set()
    assert restated.bare_heads("Dann sprach die Regierung.", set(), set()) == {"regierung"}


def test_scare_quotes_are_not_a_quote():
    assert not restated.real_quote('He called the plan a "disaster" and the deal "a trap".')
    assert not restated.real_quote("Ils étaient une trentaine de « Messieurs-tout-le-monde » au procès.")
    assert restated.real_quote('"We will rebuild every house," she said.')
    assert restated.real_quote("« Nous reconstruirons tout, a-t-elle dit.")


def test_cognates_and_photo_credits():
    assert restated.cognate("acquittal", "l'acquittement")
    assert not restated.cognate("harbour", "harvest") and not restated.cognate("num:30", "num:30")
    assert restated.PHOTO_CREDIT.search("Volunteers stack sandbags in Dorania (AP/Orla Penhallow)")


# the rules, on whole reports


ACROSS_LANGUAGES = {
    # two figures another language gives together; a report giving only one of them leaves the finding
    "two figures together": (
        "en", LEDE_EN + "The floods killed 37 people and left 212 injured across the province of Dorania.",
        "es", LEDE_ES + "Las riadas dejaron 37 muertos y 212 heridos en toda la provincia, según el balance.",
        LEDE_ES + "Las riadas dejaron 212 heridos en toda la provincia, según el balance oficial.",
        "37 people"),
    # a figure written as a word beside a cognate; without the cognate the finding stays
    "a word figure beside a cognate": (
        "en", "The Brenmoor trial ended on Thursday in Valdric, the court said. The judges deliberated. "
              "Defence lawyers had filed some 30 requests for acquittal during the long hearings.",
        "fr", LEDE_FR + "Une trentaine d'accusés avaient plaidé l'acquittement pendant les longues audiences.",
        LEDE_FR + "Une trentaine de témoins avaient parlé pendant les longues audiences du procès.",
        "30 requests"),
}


@pytest.mark.parametrize("case", sorted(ACROSS_LANGUAGES))
def test_a_fact_another_language_gives_is_not_unique(case):
    lang, text, other_lang, restating, not_restating, needle = ACROSS_LANGUAGES[case]
    assert needle not in unique((lang, text), (other_lang, restating))
    assert needle in unique((lang, text), (other_lang, not_restating))


RESTATED = {
    # basis points are percentage points
    "basis points": (
        "The Talvik central bank cut rates on Thursday, its board said. Markets rose. "
        "The Talvik Monetary Board cut the main rate by 25 basis points to 3.75 percent.",
        "Talvik's central bank lowered rates on Thursday, the board said. Shares gained. "
        "It lowered the main rate by 0.25 points to 3.75 percent, as economists had expected.",
        "25 basis points"),
    # a weekday, a day of the month and a title are no new anchors
    "weekday, day and title": (
        "Floods hit the town of Dorania on Tuesday, the council said. Rescue teams worked all night. "
        "At least 62 people died in the floods, Council President Ilse Varga confirmed on Wednesday (Oct 30).",
        "Floods struck Dorania on Tuesday, the council said, and crews worked through the night. "
        "Ilse Varga said 62 people had died in the floods by Wednesday evening.",
        "62 people"),
}


@pytest.mark.parametrize("case", sorted(RESTATED))
def test_a_fact_restated_in_other_words_is_not_unique(case):
    text, other, needle = RESTATED[case]
    assert needle not in unique(("en", text), ("en", other))


FLOOD = "Floods hit the town of Dorania on Tuesday, the council said. Rescue teams worked all night. "
FLOOD_OTHER = "Floods struck Dorania on Tuesday, the council said, and crews worked through the night. "
# (sentence of the report, sentence of the other report, what must be dropped, what must stay)
CAPTION_AND_QUOTES = [
    ("Volunteers stack sandbags outside the Dorania town hall (AP/Orla Penhallow). "
     'Ilse Varga called the dam a "disgrace" and the repairs "overdue" in her statement to the council.',
     "Ilse Varga said in a statement that the dam repairs were overdue and the dam a disgrace.",
     ("sandbags", "disgrace"), ()),
    ('"We will rebuild every single house in this valley," Ilse Varga told the council on Tuesday. '
     "The floods cut power to 16,400 homes in the valley, the grid operator said.",
     "Schools across the region will stay shut until Friday.",
     (), ("rebuild every single house", "16,400 homes")),
]


@pytest.mark.parametrize("case", range(len(CAPTION_AND_QUOTES)))
def test_a_caption_and_scare_quotes_are_no_facts_a_real_quote_is(case):
    text, other, dropped, kept = CAPTION_AND_QUOTES[case]
    found = unique(("en", FLOOD + text), ("en", FLOOD_OTHER + other))
    assert not any(needle in found for needle in dropped)
    assert all(needle in found for needle in kept)


# misreadings of a sentence: a period or a count is no superlative, a word that is a number in another
# language is no figure, a currency is no name


def test_a_period_or_a_count_is_no_superlative():
    assert unique_fact._superlatives("The dam broke for the fourth time since March last year.") == set()
    assert unique_fact._superlatives("They lost two wickets inside the first five overs.") == set()
    assert unique_fact._superlatives("It is due in the first quarter of 2031.") == set()
    assert unique_fact._superlatives("the first consignment left Dorania") == {"most:first consignment"}


def test_a_number_word_of_another_language_is_no_figure():
    assert unique_fact.foreign_number_words("Es sei nicht sicher, ob es zum Kauf komme.", "de") == {"num:6"}
    assert unique_fact.foreign_number_words("Sono sei le vittime a Dorania.", "it") == set()
    assert unique_fact.foreign_number_words("Just one member of the board dissented.", "en") == set()
    # a language without a table of number words keeps every reading
    assert unique_fact.foreign_number_words("Es sei nicht sicher.", "") == set()


def test_a_currency_is_a_unit_not_a_name():
    """"Rupees" and "US Dollars" are no names: a sentence whose only new words are currencies and whose
    figure another report gives beside the same words is no fact of its own."""
    base = "The Vedran central bank cut the reserve ratio by 100 basis points on Friday, Governor Ilsa Marrow said. "
    found = unique(
        ("en", base + "Markets in Dorania rose sharply on the news. The step frees liquidity of Rupees 3.5 lakh crore."),
        ("en", base + "Lenders welcomed the step at once. Analysts at Korvel said lenders, hit by weak deposits and "
                      "slow loan growth this autumn, would welcome the extra 3.5 lakh crore of liquidity."),
    )
    assert "frees liquidity" not in found


def test_a_report_repeating_its_corroborated_lede_adds_no_fact():
    """The body repeats the lede's figure ("position 7"); another report gives the lede in other words
    ("seventh"), so the lede is corroborated and its repetition is no fact of its own."""
    found = unique(
        ("en", "Mira Kostel won the Dorania Open final on Sunday and climbed to position 7 in the rankings. "
               "The crowd cheered for an hour. Such a result catapults her to position 7, her coach said."),
        ("en", "Mira Kostel won the Dorania Open final on Sunday and rose to seventh in the rankings. "
               "Rain delayed the start by two hours."),
    )
    assert "catapults" not in found
    assert "Rain delayed" in found


def test_a_name_in_another_language_is_no_new_name():
    """"Afrique" is "Africa"; "Kestenholz" is no form of "Kestrel": they share too short a beginning."""
    elsewhere = unique_fact.Elsewhere({"africa", "kestrel", "multipl"}, {"multipl"}, {}, "en")
    assert unique_fact._name_in_another_form("afriqu", elsewhere)
    assert not unique_fact._name_in_another_form("kestenholz", elsewhere)
    # a word the story writes in lower case is no name ("multiple" for "Múltiples")
    assert not unique_fact._name_in_another_form("multiples", elsewhere)


def test_a_title_a_date_line_and_a_question_are_no_facts():
    assert unique_fact.is_question("Is the Dorania harbour wall really the tallest in the region?")
    assert not unique_fact.is_question('"Why did the harbour wall fail?" asked the mayor of Dorania.')
    assert unique_fact.is_heading("Floods Overwhelm Dorania Harbour Defences")
    assert not unique_fact.is_heading("Floods overwhelmed the Dorania harbour defences.")
    assert not unique_fact.is_heading("Maribel Korr said Dorania flooded twice")
    assert unique_fact.DATELINE.search("Tuesday, March 4, 2031 | 07:15 PM IST")
    assert not unique_fact.DATELINE.search("On March 4, 2031 at 07:15 the dam broke.")


def test_a_report_alone_in_its_language_and_script_is_compared_by_its_figures():
    """A Russian report among English ones shares no word with them: a figure another report gives is
    the evidence that it restates, and a name in a script no other report writes cannot be new."""
    found = unique(
        ("en", "Floods hit the town of Dorania on Tuesday, the regional council said. Rescue teams worked all "
               "night. Officials later confirmed that 62 people had died in the floods across the whole region."),
        ("ru", "Наводнение обрушилось на город Доранию во вторник. Спасатели работали всю ночь. "
               "Власти сообщили, что в Кестрельском районе погибли 62 человека."),
        ("en", "Floods struck Dorania on Tuesday, the council said. A bridge collapsed near the harbour."),
    )
    assert "62 человека" not in found


def test_a_nationality_or_a_place_in_another_language_is_no_new_name():
    elsewhere = unique_fact.Elsewhere({"spain", "sinner"}, set(), {}, "en")
    assert unique_fact._known_place_or_nationality("spaniard", elsewhere)
    assert unique_fact._known_place_or_nationality(stem(fold_word("Espagne")), elsewhere)
    assert not unique_fact._known_place_or_nationality(stem(fold_word("Portugal")), elsewhere)
    assert not unique_fact._known_place_or_nationality("kestrel", elsewhere)
