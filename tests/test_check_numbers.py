"""number_conflict on invented reports: when two figures fill one slot, and the many ways two
different figures are NOT a contradiction (hedges, other rates, look-backs, sums, unit mislabels).

Figures are set by hand (``fig``) so these tests pin the checker, not the extractor."""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.check import compare, slots
from storyline.model import Article, Quantity


def fig(article: Article, text: str, kind: str, value: float, unit: str | None = None,
        context: str | None = None, value_to: float | None = None) -> Quantity:
    start = article.text.index(text)
    return Quantity(text=text, span=(start, start + len(text)), kind=kind, value=value, unit=unit,
                    normalized=value, value_to=value_to, normalized_to=value_to, context=context,
                    sentence=article.sentence_at(start))


def report(id_: str, text: str, figures: list[tuple], lang: str = "en") -> Article:
    a = analyze(Article(id=id_, text=text, lang=lang))
    a.quantities = [fig(a, *f) for f in figures]
    return a


def conflicts(*articles):
    d = compare(list(articles), method="lexical")
    return [f for f in d.findings if f.kind == "number_conflict"]


def test_death_toll_across_languages_by_counted_thing():
    en = report("en", "Flash floods swept through the valley town of Orvello on Tuesday night. "
                "Officials said 40 people were killed as the river burst its banks.",
                [("40 people", "count", 40, None, "people")])
    es = report("es", "Las inundaciones arrasaron el pueblo de Orvello el martes por la noche. "
                "Las autoridades confirmaron 52 muertos tras el desbordamiento del río.",
                [("52 muertos", "count", 52, None, "muertos")], lang="es")
    found = conflicts(en, es)
    assert len(found) == 1 and found[0].details["slot"] == "deaths"
    assert set(found[0].details["values"]) == {"40 people", "52 muertos"}


def test_generic_people_without_a_cue_is_no_slot():
    en = report("en", "Flash floods swept through the valley town of Orvello on Tuesday night. "
                "Some 400 people were evacuated from the riverside.",
                [("400 people", "count", 400, None, "people")])
    es = report("es", "Las inundaciones arrasaron el pueblo de Orvello el martes por la noche. "
                "Las autoridades confirmaron 52 muertos tras el desbordamiento del río.",
                [("52 muertos", "count", 52, None, "muertos")], lang="es")
    assert conflicts(en, es) == []


def test_hedged_figures_that_can_both_be_true():
    a = report("a", "Shares of Brenlow Foods rose about 8% before the bell on Wednesday in New York.",
               [("8%", "percent", 8, "%")])
    b = report("b", "Shares of Brenlow Foods spiked more than 7 percent before the bell on Wednesday.",
               [("7 percent", "percent", 7, "%")])
    assert conflicts(a, b) == []
    assert slots.agree(40, "lower", 45, None) and not slots.agree(45, "lower", 40, None)
    assert not slots.agree(1200, "lower", 2921, "lower")  # "over 1,200" vs "over 2,921": different figures


def test_differently_named_rates_are_two_slots():
    a = report("a", "The Kestrel central bank cut its deposit rate to 3.75 percent on Thursday in Veldt.",
               [("3.75 percent", "percent", 3.75, "%")])
    b = report("b", "The Kestrel central bank cut its main refinancing rate to 4.25 percent on Thursday in Veldt.",
               [("4.25 percent", "percent", 4.25, "%")])
    assert conflicts(a, b) == []


def test_a_look_back_is_not_the_news():
    a = report("a", "The Ostland central bank cut the repo rate by 25 basis points on Friday in Marrow. "
               "It had last reduced the repo rate by 40 basis points in May 2020.",
               [("25 basis points", "percent", 0.25, "bp"), ("40 basis points", "percent", 0.40, "bp")])
    b = report("b", "On Friday in Marrow the Ostland central bank cut the repo rate by 35 basis points.",
               [("35 basis points", "percent", 0.35, "bp")])
    found = conflicts(a, b)
    assert [sorted(f.details["values"]) for f in found] == [["25 basis points", "35 basis points"]]


def test_a_combined_figure_is_not_the_part():
    a = report("a", "Harlow Snacks agreed to buy Pinecrest for 36 billion dollars, creating a group with "
               "combined revenue of 63 billion dollars.",
               [("36 billion dollars", "money", 36e9, "USD"), ("63 billion dollars", "money", 63e9, "USD")])
    b = report("b", "Pinecrest, based in Dunmore, reported revenue of 13 billion dollars last year.",
               [("13 billion dollars", "money", 13e9, "USD")])
    assert conflicts(a, b) == []


def test_rival_number_unread_in_the_same_sentence():
    a = report("a", "Tarrow needed a run-a-ball 30 to win after Kessel's 52 off 27 balls in the final at Brill.",
               [("27 balls", "count", 27, None, "balls")])
    b = report("b", "Tarrow needed 30 runs off 30 balls to win the final at Brill after Kessel's blitz.",
               [("30 balls", "count", 30, None, "balls")])
    assert conflicts(a, b) == []


def test_unit_mislabel_same_figure_other_unit():
    en = report("en", "The Carrow Ridge fire has burned 1,200 acres since Tuesday morning, officials said.",
                [("1,200 acres", "measure", 1200, "acre")])
    es = report("es", "El incendio de Carrow Ridge ha quemado 1.200 hectáreas desde el martes por la mañana.",
                [("1.200 hectáreas", "measure", 1200, "ha")], lang="es")
    found = conflicts(en, es)
    assert len(found) == 1 and found[0].details.get("unit_mislabel") is True
    assert set(found[0].details["units"]) == {"acre", "ha"}
    # a report that converts ("1,200 acres (486 hectares)") is not mislabelling anything
    both = report("b", "The Carrow Ridge fire has burned 1,200 acres (486 hectares) since Tuesday morning.",
                  [("1,200 acres", "measure", 1200, "acre"), ("486 hectares", "measure", 486, "ha")])
    assert conflicts(both, en) == []


def test_unit_mislabel_needs_the_same_printed_figure():
    a = report("a", "The Carrow Ridge fire has burned 3.9 km of forest road since Tuesday, officials said.",
               [("3.9 km", "measure", 3.9, "km")])
    b = report("b", "The Carrow Ridge fire has burned 39 miles of forest road since Tuesday, officials said.",
               [("39 miles", "measure", 39, "mi")])
    assert not any(f.details.get("unit_mislabel") for f in conflicts(a, b))


def test_report_with_several_values_leaves_the_slot_to_the_others():
    text = "The storm that hit the island of Kell on Sunday killed {n} people, the coastguard said on Monday."
    a = report("a", text.format(n=12), [("12 people", "count", 12, None, "people")])
    b = report("b", text.format(n=21), [("21 people", "count", 21, None, "people")])
    c = report("c", text.format(n=12) + " The storm killed 9 people in the south of Kell, the coastguard said.",
               [("12 people", "count", 12, None, "people"), ("9 people", "count", 9, None, "people")])
    found = conflicts(a, b, c)
    assert len(found) == 1
    assert {e.article for e in found[0].evidence} == {"a", "b"}


def test_vote_splits_and_clock_times_are_no_number_conflicts():
    a = analyze(Article(id="a", text="The Varden supreme court ruled 5-4 on Monday to strike down the law. "
                        "The fire at the Varden depot was first reported at 10:10 a.m. on Monday.", lang="en"))
    b = analyze(Article(id="b", text="In a split vote on Monday, the Varden supreme court struck down the law. "
                        "The fire at the Varden depot was first reported before 11 a.m. on Monday.", lang="en"))
    c = analyze(Article(id="c", text="The Varden supreme court voted 8-1 on Monday to uphold the toll law. "
                        "The fire at the Varden depot was reported at 10:10 a.m. on Monday.", lang="en"))
    d = compare([a, b, c], method="lexical")
    assert [f for f in d.findings if f.kind in ("number_conflict", "date_conflict")] == []


def test_concepts_read_through_languages():
    def c(text, noun):
        return slots.concept(noun, slots.window_words(text))

    assert c("at least people were killed", "people") == "deaths"
    assert c("confirmaron", "fallecidos") == "deaths"
    assert c("", "Tote") == "deaths"
    assert c("", "viviendas") == c("", "homes") == c("", "Wohnungen") == "homes"
    assert c("Les autres", "accusés") == "co-defendants"
    assert c("", "people") is None
    assert slots.hedge("the fire grew to more than ") == "lower" and slots.hedge("it grew to ") is None


def test_a_figure_set_in_another_event_is_another_slot():
    a = report("a", "The Vesta ship reached an altitude of 212 kilometres before splashing down in the Coral Sea.",
               [("212 kilometres", "measure", 212, "km")])
    b = report("b", "After reaching an altitude of 74 kilometres, the Vesta booster separated and fell to the Coral Sea.",
               [("74 kilometres", "measure", 74, "km")])
    assert conflicts(a, b) == []
    assert slots.circumstance("After reaching an altitude of ") and not slots.circumstance(
        "following flash floods which killed at least ")


def test_one_name_next_to_each_figure_makes_a_slot():
    a = report("a", "Polls in Marrow closed on Sunday. The Tern party took 19.6 percent, its best result in Marrow.",
               [("19.6 percent", "percent", 19.6, "%")])
    b = report("b", "Counting in Marrow ended on Monday. Second came the Tern party with 20.8%, ahead of the rest.",
               [("20.8%", "percent", 20.8, "%")])
    c = report("c", "Marrow voted on Sunday; the Tern party said counting in Marrow had been slow, officials said.",
               [])
    found = conflicts(a, b, c)
    assert len(found) == 1 and set(found[0].details["values"]) == {"19.6 percent", "20.8%"}
