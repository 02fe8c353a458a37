"""check.figure_sense and lang.units, and the unique_fact rules built on them, on invented reports: a
number word pointing back, a tennis score, a whole period, the count an ordinal implies, and what a
figure counts read across languages."""

from __future__ import annotations

from tests.test_figure_forms import LEDE_EN, LEDE_FR, unique

from storyline.check import figure_sense
from storyline.lang.units import senses

LEDE_ES = "Las inundaciones golpearon Dorania el martes, dijo el consejo regional. Los equipos trabajaron. "


def test_number_words_that_point_back_are_no_figures():
    assert figure_sense.no_figures("Les deux parties seraient en pourparlers.") == {"num:2"}
    assert figure_sense.no_figures("The two leaders met in Orvan.") == {"num:2"}
    # a count that is not after an article, or one also written in digits, stays a figure
    assert figure_sense.no_figures("Two people died and two were hurt.") == set()
    assert figure_sense.no_figures("The two sides met; 2 people died.") == set()
    assert figure_sense.no_figures("as two people were killed") == set()
    assert figure_sense.no_figures("the three-day summit opened") == set()


def test_scores_and_whole_periods_are_no_figures():
    assert figure_sense.no_figures("He served at 5-4, 40-love, for the title.") == {"num:40"}
    assert figure_sense.no_figures("He won 40 matches this year.") == set()
    assert figure_sense.no_figures("Prices rose over the past 12 months.") == {"num:12"}
    assert figure_sense.no_figures("Il y a 24 heures, la digue a cédé.") == {"num:24"}
    assert figure_sense.no_figures("Prices rose over the past 11 months.") == set()


def test_an_ordinal_of_an_event_implies_the_count_before_it():
    assert figure_sense.counts_before("Orla-3 lifted off on its fifth flight test.") == {"num:4"}
    assert figure_sense.counts_before("Profits rose in the fourth quarter.") == set()


def test_what_a_figure_counts_reads_across_languages():
    assert figure_sense.measures("rates stayed high for nine months") == {("num:9", "month")}
    assert figure_sense.measures("nach knapp neun Monaten") == {("num:9", "month")}
    assert figure_sense.measures("al menos 51 muertos") == {("num:51", "dead")}
    # the word right after the figure decides: a 71-year-old who died is no count of the dead
    assert figure_sense.measures("A 71-year-old man died") == {("num:71", "year")}
    assert senses({"month", "toten", "flight"}) == {"month", "dead"}


def test_a_figure_counting_the_same_thing_in_another_language_is_not_unique():
    en = LEDE_EN + "By nightfall the storm had left 51 dead along the northern shore."
    es = LEDE_ES + "La tormenta dejó al menos 51 muertos en el valle del norte, según las autoridades."
    found = unique(("en", en), ("es", es))
    assert "51 muertos" not in found and "51 dead" not in found
    # the same figure counting something else is still a fact of its own
    other = LEDE_ES + "La tormenta destruyó 51 puentes en el valle del norte, según las autoridades."
    assert "51 puentes" in unique(("en", en), ("es", other))


def test_a_count_an_ordinal_implies_and_a_pointing_number_word_are_not_unique():
    en = LEDE_EN + "It was the fifth flight of the Orla-3 rocket from the Dorania range."
    en_count = LEDE_EN + "So far the Orla-3 rocket has made four test flights from Dorania."
    assert "four test flights" not in unique(("en", en), ("en", en_count))
    fr = LEDE_FR + "Les deux parties seraient actuellement en pourparlers, selon Dorania Presse."
    assert "deux parties" not in unique(("en", LEDE_EN + "Dorania Presse reported talks on a deal."), ("fr", fr))


def test_the_first_shift_is_a_period_not_a_record():
    other = LEDE_EN + "Dorania Power said the storm had cut 40 cables across the valley."
    shift = LEDE_EN + "Most homes should have electricity again by the first shift tomorrow, engineers at Dorania Power believe."
    assert "first shift" not in unique(("en", shift), ("en", other))
    # a superlative said of a thing, not of a period, stays a claim to check
    record = LEDE_EN + "She became the first woman to run the grid control room, engineers at Dorania Power say."
    assert "first woman" in unique(("en", record), ("en", other))
