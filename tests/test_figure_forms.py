"""check.figure_forms and the unique_fact rules built on it, on invented reports: a figure written
another way (grouped with dots, with a scale word, rounded), a fiscal year's digits, a name written
as an acronym or in another language's form, a season or a feast day."""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.check import compare, figure_forms, restated, unique_fact
from storyline.model import Article


def unique(*reports: tuple[str, str]) -> str:
    """The texts of the unique facts compare (lexical) finds among ``reports`` ((lang, text) pairs)."""
    arts = [analyze(Article(id=f"r{i}", text=text, lang=lang)) for i, (lang, text) in enumerate(reports)]
    return " | ".join(f.evidence[0].text for f in compare(arts, method="lexical").findings
                      if f.kind == "unique_fact")


def test_other_readings_of_a_figure():
    assert figure_forms.other_readings("plus de 17.000 cas") == {"num:17": {"num:17000"}}
    assert figure_forms.other_readings("cerca de 33 mil trabalhadores") == {"num:33": {"num:33000"}}
    assert figure_forms.other_readings("qui emploie 23 000 personnes") == {"num:23": {"num:23000"}}
    assert figure_forms.group_tails("23 000 personnes, 1 200 000 habitants") == {"num:0", "num:200"}
    assert figure_forms.other_readings("1\u202f200\u202f000 habitants") == {"num:1": {"num:1.2e+06"}}
    assert figure_forms.other_readings("Rs 2.5 lakh crore") == {"num:2.5": {"num:2.5e+12"}}
    assert figure_forms.other_readings("17,000 cases and 2.5 percent") == {}  # read once, no other way
    assert figure_forms.all_keys("1.200.000 Einwohner") == set()  # several dots are read as grouping already


def test_fiscal_year_digits_are_no_figures():
    assert figure_forms.fiscal_year_digits("growth of 6.7% in FY26, after FY'25") == {"num:26", "num:25"}
    assert figure_forms.fiscal_year_digits("in the financial year 2025-26") == {"num:26"}
    # a season or a span of years without a word of a fiscal year keeps its digits
    assert figure_forms.fiscal_year_digits("titles in 2014-15 and 2018-19") == set()


def test_distinctive_figures_and_roundings():
    assert figure_forms.distinctive("num:28.5") and figure_forms.distinctive("num:2921")
    assert not figure_forms.distinctive("num:17000") and not figure_forms.distinctive("num:25")
    assert not figure_forms.distinctive("num:2.5e+12") and figure_forms.distinctive("num:0.125")
    index = figure_forms.FigureIndex({"num:16.4", "num:2921", "num:24", "num:121", "month:3"})
    assert index.roundings("num:16") == ["num:16.4"]  # 16.4 rounded
    assert index.roundings("num:3000") == ["num:2921"]  # a round thousand
    assert index.roundings("num:120") == ["num:121"]
    assert index.roundings("num:20") == []  # one digit under a thousand is no rounding of 24
    assert index.roundings("num:17") == []


def test_seasons_and_feast_days_date_a_fact():
    assert not unique_fact._superlatives("a peak of 5.25% last summer")
    assert restated.is_weekday("easter") and restated.is_weekday("ostern") and restated.is_weekday("wednesday")
    assert not restated.is_weekday("kestrel")


LEDE_EN = "Floods hit the town of Dorania on Tuesday, the regional council said. Rescue teams worked all night. "
LEDE_FR = "Des inondations ont frappé Dorania mardi, a indiqué le conseil régional. Les secours ont travaillé. "
LEDE_PT = "Inundações atingiram Dorania na terça-feira, disse o conselho regional. As equipes trabalharam. "


def test_a_figure_grouped_or_scaled_in_another_language_is_not_unique():
    en = LEDE_EN + "More than 17,000 homes lost power and 3,400 workers were sent to repair the lines."
    fr = LEDE_FR + "Plus de 17.000 foyers ont été privés d'électricité et 3.400 ouvriers envoyés."
    pt = LEDE_PT + "Cerca de 17 mil casas ficaram sem energia e 3,4 mil trabalhadores foram enviados."
    found = unique(("en", en), ("fr", fr), ("pt", pt))
    assert "17.000 foyers" not in found
    assert "3,4 mil" not in found and "3.400 ouvriers" not in found
    # the same sentences beside a report that gives no such figure stay unique facts
    assert "17.000 foyers" in unique(("en", LEDE_EN + "Schools stayed shut on Wednesday."), ("fr", fr))


def test_a_rounded_figure_is_the_same_fact():
    exact = LEDE_EN + "The Varga party won 16.4 percent of the vote, its worst result in the region."
    rounded = LEDE_EN + "The Varga party fell to 16 percent, the council's count showed."
    other = LEDE_EN + "The Varga party fell to 11 percent, the council's count showed."
    assert "16 percent" not in unique(("en", exact), ("en", rounded))
    assert "11 percent" in unique(("en", exact), ("en", other))


def test_a_name_as_an_acronym_or_in_another_language_is_no_new_name():
    full = LEDE_EN + "The Bank of Dorania cut its main rate in the afternoon."
    acronym = LEDE_EN + "Earlier, the BoD had warned that borrowing costs would stay high for long."
    assert "BoD had warned" not in unique(("en", full), ("en", acronym))
    assert "BoD had warned" in unique(("en", LEDE_EN + "The port reopened."), ("en", acronym))
    us = LEDE_EN + "The United States sent a team of engineers to Dorania."
    es = ("es", "Las inundaciones golpearon Dorania el martes, dijo el consejo regional. Los equipos trabajaron. "
                "El Departamento de Agricultura de los Estados Unidos ha ampliado su ayuda a la región.")
    assert unique_fact.name_keys(analyze(Article(id="u", text=us, lang="en"))) & \
        unique_fact.name_keys(analyze(Article(id="e", text=es[1], lang="es")))


def test_an_acronym_in_another_language_s_word_order_is_no_new_name():
    fr = LEDE_FR + "La RDC a envoyé 415 bateaux de secours au port."
    assert "RDC" not in unique(("en", LEDE_EN + "The DRC sent 415 rescue boats to the harbour."), ("fr", fr))
    assert "RDC" in unique(("en", LEDE_EN + "Neighbours sent 415 rescue boats to the harbour."), ("fr", fr))


def test_what_other_reports_give_is_read_from_one_table_of_the_story():
    """unique_fact's view of the other reports: a key only the report itself gives is not elsewhere,
    one any other report gives is, however many reports the story has (no union per report)."""
    from collections import Counter

    mine, theirs = {"dorania", "kestrel"}, {"dorania", "varga"}
    view = unique_fact.OtherReports(Counter([*mine, *theirs]), mine)
    assert "dorania" in view and "varga" in view and "kestrel" not in view and "absent" not in view
    assert set(view) == {"dorania", "varga"} and len(view) == 2
    said = unique_fact.Said(frozenset({"flood"}), frozenset({"num:62"}), "en")
    own = unique_fact.Said(frozenset({"flood"}), frozenset({"num:7"}), "en")
    figures = unique_fact.OtherFigures({"num:62": [(0, said), (1, said)], "num:9": [(0, said)]}, 0, {"num:7": [own]})
    assert figures.get("num:62") == [said] and "num:9" not in figures and figures.get("num:9", []) == []
    assert figures.get("num:7") == [own] and set(figures) == {"num:62", "num:7"}


def test_german_nouns_after_an_article_or_a_preposition_are_no_names():
    def names_of(text: str) -> set[str] | None:
        return unique_fact.name_words(analyze(Article(id="d", text=text, lang="de")), 0, text)

    found = names_of("In Richtung Westen sollen Deiche schützen, sagte Hafenmeister Jorin Falkenrath.")
    assert found is not None and {"jorin", "falkenrath"} <= found
    assert not {"richtung", "westen"} & found
    found = names_of("Der Sender prüfe die Übernahme des Pringles-Produzenten, hieß es.")
    assert found is not None and not {"pringl", "produzent", "produzenten"} & found


def test_a_lede_s_figure_the_story_gives_is_no_new_fact():
    """In its first sentences a report states the story: a figure (not a single digit) two other reports
    give anywhere is the story's figure, whatever the words beside it."""
    others = [("en", "The Talvik central bank cut its rate by 25 basis points on Thursday. Markets rose."),
              ("en", "Talvik lowered borrowing costs on Thursday. The 25 basis point cut was expected.")]
    lede = ("it", "Il consiglio direttivo ha deciso giovedì un taglio di 25 punti dei tassi. I mercati sono saliti.")
    assert "25 punti" not in unique(*others, lede)
    assert "25 punti" in unique(others[0], lede)  # one other report: still a fact of its own there
