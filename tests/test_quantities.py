"""Numbers with units: money, percentages, counts, measures, ranges, changes, and what must NOT count."""

from __future__ import annotations

import json

import pytest

from storyline.analyze.quantities import find_quantities
from storyline.analyze.sentences import split_sentences
from storyline.lang.numbers import parse_number


def quantities(text: str, lang: str = "en"):
    found = find_quantities(text, split_sentences(text), lang)
    for q in found:  # every span points at exactly the written text
        assert text[q.span[0] : q.span[1]] == q.text
    return found


def only(text: str, lang: str = "en"):
    found = quantities(text, lang)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    "text, lang, written, value, unit, normalized",
    [
        ("The council approved a $500 million budget.", "en", "$500 million", 500, "USD", 5e8),
        ("Bids reached $36 billion on Monday.", "en", "$36 billion", 36, "USD", 3.6e10),
        ("The group is valued at $35.9bn after the merger.", "en", "$35.9bn", 35.9, "USD", 3.59e10),
        ("Ministers face a £20bn gap in the budget.", "en", "£20bn", 20, "GBP", 2e10),
        ("The plan costs €1.2 trillion in all.", "en", "€1.2 trillion", 1.2, "EUR", 1.2e12),
        ("Le rachat atteint 36 milliards de dollars.", "fr", "36 milliards de dollars", 36, "USD", 3.6e10),
        ("Le budget prévoit 35,2 milliards d’euros.", "fr", "35,2 milliards d’euros", 35.2, "EUR", 3.52e10),
        ("Reserves rose by US Dollars 29.4 billion.", "en", "US Dollars 29.4 billion", 29.4, "USD", 2.94e10),
        ("The state set aside Rs 1,200 crore for roads.", "en", "Rs 1,200 crore", 1200, "INR", 1.2e10),
        ("The fund paid out Rs 5 lakh to each family.", "en", "Rs 5 lakh", 5, "INR", 5e5),
        ("Die Stadt erhält 5 Milliarden Euro.", "de", "5 Milliarden Euro", 5, "EUR", 5e9),
        ("El puerto recibirá 3 millones de euros.", "es", "3 millones de euros", 3, "EUR", 3e6),
        ("The ferry company lost seven million euros last winter.", "en", "seven million euros", 7, "EUR", 7e6),
        ("Die Stadt zahlt 27 Mrd Euro.", "de", "27 Mrd Euro", 27, "EUR", 2.7e10),
    ],
)
def test_money(text, lang, written, value, unit, normalized):
    q = only(text, lang)
    assert (q.kind, q.text, q.value, q.unit) == ("money", written, value, unit)
    assert q.normalized == pytest.approx(normalized)


def test_price_per_share_keeps_its_context():
    q = only("The buyer offered $83.50 a share in cash.")
    assert (q.kind, q.value, q.unit, q.context) == ("money", 83.5, "USD", "share")


@pytest.mark.parametrize(
    "text, lang, written, value",
    [
        ("Turnout was 19 percent in the north.", "en", "19 percent", 19),
        ("Turnout was 19% in the north.", "en", "19%", 19),
        ("Turnout was 19 per cent in the north.", "en", "19 per cent", 19),
        ("Le taux de dépôt passe à 3,75 % jeudi.", "fr", "3,75 %", 3.75),
        ("Le chômage a baissé de 2 pour cent.", "fr", "2 pour cent", 2),
        ("La inflación subió un 2,4 por ciento.", "es", "2,4 por ciento", 2.4),
        ("Die Inflation lag bei 2,6 Prozent.", "de", "2,6 Prozent", 2.6),
        ("दर में 0.25 प्रतिशत की कटौती हुई।", "hi", "0.25 प्रतिशत", 0.25),
    ],
)
def test_percentages(text, lang, written, value):
    q = only(text, lang)
    assert (q.kind, q.text, q.value, q.unit, q.normalized) == ("percent", written, value, "%", value)


def test_change_from_to_is_one_quantity_not_two_or_an_average():
    q = only("The levy on imported bicycles was lowered from 29 percent to 19 percent in July.")
    assert (q.kind, q.value, q.value_to, q.unit) == ("change", 29, 19, "%")
    assert q.text == "29 percent to 19 percent"


def test_change_written_to_then_from():
    q = only("The bank cut its key rate to 6.25% from 6.50% on Friday.")
    assert (q.kind, q.value, q.value_to, q.unit) == ("change", 6.5, 6.25, "%")


def test_change_first_figure_without_unit_takes_the_second_ones():
    q = only("The board cut rates from 5.25 to 5% after a close vote.")
    assert (q.kind, q.value, q.value_to, q.unit) == ("change", 5.25, 5, "%")


def test_change_in_german_and_hindi():
    de = only("Die Notenbank senkte den Satz auf 3,75 Prozent von bisher 4,00 Prozent.", "de")
    assert (de.kind, de.value, de.value_to) == ("change", 4.0, 3.75)
    hi = only("दर 6.5 प्रतिशत से घटकर 6.25 प्रतिशत हो गई।", "hi")
    assert (hi.kind, hi.value, hi.value_to, hi.unit) == ("change", 6.5, 6.25, "%")


def test_amount_then_level_is_not_a_range():
    found = quantities("The bank cut rates by 0.25% to 3.75% on Thursday.")
    assert [(q.kind, q.value) for q in found] == [("percent", 0.25), ("percent", 3.75)]


@pytest.mark.parametrize(
    "text, written, value, normalized",
    [
        ("The bank cut rates by 25 basis points.", "25 basis points", 25, 0.25),
        ("Traders expect a 50 bp move.", "50 bp", 50, 0.5),
        ("It raised the rate by 0.25 percentage points.", "0.25 percentage points", 0.25, 0.25),
    ],
)
def test_basis_and_percentage_points_normalise_to_percentage_points(text, written, value, normalized):
    q = only(text)
    assert (q.kind, q.text, q.value) == ("percent", written, value)
    assert q.unit in ("bp", "pp")
    assert q.normalized == pytest.approx(normalized)


@pytest.mark.parametrize(
    "text, lang, written, value, context",
    [
        ("The storm caused 12 deaths in the valley.", "en", "12 deaths", 12, "deaths"),
        ("Some 33,000 machinists walked out.", "en", "33,000 machinists", 33000, "machinists"),
        ("Power returned to more than 13,000 homes overnight.", "en", "13,000 homes", 13000, "homes"),
        ("Officials moved about 4,000 residents inland.", "en", "4,000 residents", 4000, "residents"),
        ("La riada dejó 95 muertos en la comarca.", "es", "95 muertos", 95, "muertos"),
        ("Die Fähre brachte 1.200 Passagiere an Land.", "de", "1.200 Passagiere", 1200, "passagiere"),
        ("The talks brought two countries closer.", "en", "two countries", 2, "countries"),
    ],
)
def test_counts_keep_the_counted_noun(text, lang, written, value, context):
    q = only(text, lang)
    assert (q.kind, q.text, q.value, q.context) == ("count", written, value, context)


def test_compound_duration_counts_the_noun_after_it():
    q = only("The minister began a five-day visit to the islands.")
    assert (q.kind, q.value, q.unit, q.context) == ("measure", 5, "day", "visit")
    q = only("They ended a four-day border conflict in spring.")
    assert q.context == "conflict"


@pytest.mark.parametrize(
    "text, lang, value, unit",
    [
        ("The fire spread 12 km overnight.", "en", 12, "km"),
        ("The wall rose 40 feet above the river.", "en", 40, "ft"),
        ("The blaze burned 2,300 acres.", "en", 2300, "acre"),
        ("El fuego arrasó 485 hectáreas.", "es", 485, "ha"),
        ("Up to 180 mm of rain fell in one day.", "en", 180, "mm"),
        ("Cayeron 491 l/m² en la comarca.", "es", 491, "l/m2"),
        ("Se recogieron 300 toneladas de basura.", "es", 300, "t"),
        ("The bag weighed 23 kg at check-in.", "en", 23, "kg"),
        ("The convoy drove 90 miles north.", "en", 90, "mi"),
        ("The flight lasted 65 minutes in all.", "en", 65, "minute"),
        ("The hearing ran for three hours straight.", "en", 3, "hour"),
    ],
)
def test_measures(text, lang, value, unit):
    q = only(text, lang)
    assert (q.kind, q.value, q.unit) == ("measure", value, unit)


def test_pounds_are_weight_unless_written_as_money():
    q = only("The firm recalled 7 million pounds of sliced ham.")
    assert (q.kind, q.unit, q.normalized) == ("measure", "lb", 7e6)
    q = only("The catch weighed seven million pounds in all.")
    assert (q.kind, q.unit, q.normalized) == ("measure", "lb", 7e6)
    q = only("The club paid 7 million pounds sterling for him.")
    assert (q.kind, q.unit) == ("money", "GBP")


def test_count_skips_an_adjective_to_reach_its_noun():
    q = only("The group will split into two public companies.")
    assert (q.text, q.context) == ("two public companies", "companies")


def test_no_counts_in_scripts_without_case():
    assert [q.kind for q in quantities("توفي 51 شخصا في الفيضانات", "ar")] == []


def test_age():
    q = only("A 71-year-old fisherman was rescued.")
    assert (q.kind, q.value, q.unit, q.context) == ("measure", 71, "year", "age")


@pytest.mark.parametrize(
    "text, lang, value, value_to, unit",
    [
        ("The men were jailed for 3 to 20 years.", "en", 3, 20, "year"),
        ("The defendants, aged 26 to 73, stood.", "en", 26, 73, None),
        ("Crews cleared 700–800 acres of scrub.", "en", 700, 800, "acre"),
        ("Las parcelas miden de 80 a 485 hectáreas.", "es", 80, 485, "ha"),
        ("Inflation should settle between 2 and 3 percent.", "en", 2, 3, "%"),
    ],
)
def test_ranges(text, lang, value, value_to, unit):
    q = only(text, lang)
    assert (q.kind, q.value, q.value_to, q.unit) == ("range", value, value_to, unit)


@pytest.mark.parametrize(
    "raw, lang, value",
    [
        ("1,200", "en", 1200),
        ("1,200", "de", 1.2),
        ("1.200", "de", 1200),
        ("1.200", "es", 1200),
        ("1.200", "en", 1.2),
        ("3,75", "fr", 3.75),
        ("3,75", "en", 3.75),
        ("1,20,000", "en", 120000),
        ("1.234.567,5", "de", 1234567.5),
        ("1,234,567.5", "en", 1234567.5),
        ("12\u00a0300", "fr", 12300),
    ],
)
def test_number_formats_depend_on_language_and_grouping(raw, lang, value):
    assert parse_number(raw, lang) == pytest.approx(value)


def test_space_grouped_thousands_in_french_keep_the_written_text():
    q = only("La ville compte 12 300 habitants.", "fr")
    assert (q.text, q.value) == ("12 300 habitants", 12300)


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 the rules changed again.",
        "The 2025-26 budget was tabled.",
        "Call +1 555-123-4567 for details.",
        "Call (020) 7946 0958 for details.",
        "The COVID-19 rules ended.",
        "The Boeing 737 fleet was grounded.",
        "G7 leaders met in the hills.",
        "It happened on September 12, 2024 and again on 12 September.",
        "The meeting opened at 10:10 a.m. and closed at 3 pm.",
        "Sept. 12 was the deadline.",
        "Sinner won 6-4, 6-4, 6-4 in the final.",
        "Flight 5 lifted off at dawn.",
        "She finished 1st in the heat.",
        "1. Preheat the oven.\n2. Mix the flour.",
        "Read more at https://example.org/2024/05/story-123 today.",
    ],
)
def test_not_quantities(text):
    assert quantities(text) == []


def test_sentence_index_and_order():
    text = "Nothing here. Prices rose 4% in May. Then 300 workers left."
    found = quantities(text)
    assert [(q.text, q.sentence) for q in found] == [("4%", 1), ("300 workers", 2)]


def test_empty_text():
    assert find_quantities("", [], "en") == []


def test_seed_reports(seed_paths):
    texts = [p.read_text(encoding="utf-8") for p in seed_paths]
    original = quantities(texts[0])
    money = [q for q in original if q.kind == "money"]
    assert money and all((q.value, q.unit, q.normalized) == (500, "USD", 5e8) for q in money)
    changes = [q for q in original if q.kind == "change"]
    assert len(changes) == 1
    assert (changes[0].value, changes[0].value_to, changes[0].unit) == (29, 19, "%")
    # the two figures of the change are not reported again on their own
    assert not [q for q in original if q.kind == "percent" and q.value in (29, 19)]
    percents = {(q.value, q.normalized) for q in original if q.kind == "percent"}
    assert {(3.2, 3.2), (0.1, 0.1)} <= percents
    rewrite = quantities(texts[1])
    assert any(q.kind == "money" and q.normalized == 5e8 for q in rewrite)


def test_dev_corpus_runs_and_finds_numbers(dev_corpus):
    rows = [json.loads(line) for line in dev_corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    with_numbers = 0
    for row in rows:
        text = row["text"]
        found = find_quantities(text, split_sentences(text), row.get("lang"))
        for q in found:
            assert text[q.span[0] : q.span[1]] == q.text
        with_numbers += bool(found)
    # measured: 171 of 183 reports have at least one quantity (none counted in uncased scripts)
    assert with_numbers / len(rows) >= 0.9


def test_invented_reports():
    from pathlib import Path

    facts = Path(__file__).parent / "fixtures" / "facts"
    found = quantities((facts / "harbourton_ferry.txt").read_text(encoding="utf-8"))
    assert [(q.kind, q.text, q.value, q.value_to, q.unit) for q in found] == [
        ("change", "12 percent to 8 percent", 12, 8, "%"),
        ("money", "$45 million", 45, None, "USD"),
        ("count", "2,400 passengers", 2400, None, None),
        ("measure", "three days", 3, None, "day"),
        ("measure", "6 metres", 6, None, "m"),
    ]  # not the years, the 5-2 vote, the Boeing 737, Flight 9 or the phone number
    es = quantities((facts / "valencia_lluvias.txt").read_text(encoding="utf-8"), "es")
    assert [(q.kind, q.text, q.value, q.value_to, q.unit) for q in es] == [
        ("count", "14 muertos", 14, None, None),
        ("measure", "320 l/m²", 320, None, "l/m2"),
        ("measure", "ocho horas", 8, None, "hour"),
        ("range", "80 a 450 hectáreas", 80, 450, "ha"),
        ("money", "3,5 millones de euros", 3.5, None, "EUR"),
        ("change", "90 % al 60 %", 90, 60, "%"),
    ]


_PIECES = ["12", "1,200", "3,75", "$", "€", "%", " percent", " from ", " to ", " million", " bn", "-", "–", " ",
           "\n", "deaths", "km", "Boeing", "May", "2024", "COVID-19", "(", ")", ":", "a.m.", "five", "day", "."]


def test_never_raises_and_spans_hold():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from([None, "en", "de", "fr", "hi", "zh", "pt-BR"]))
    def check(pieces, lang):
        text = "".join(pieces)
        for q in find_quantities(text, split_sentences(text), lang):
            assert text[q.span[0] : q.span[1]] == q.text and q.span[0] < q.span[1]
            assert q.kind in ("money", "percent", "count", "measure", "range", "change")

    check()


@pytest.mark.parametrize(
    "text, lang, value, value_to, unit, normalized, normalized_to",
    [
        ("Revenue rose from 3 to 5 billion dollars.", "en", 3, 5, "USD", 3e9, 5e9),
        ("Unemployment rose to 5.1%, up from 4.8%.", "en", 4.8, 5.1, "%", 4.8, 5.1),
        ("Die Inflation stieg von 2,3 auf 2,9 Prozent.", "de", 2.3, 2.9, "%", 2.3, 2.9),
        ("Le taux passe de 4 % à 3,75 %.", "fr", 4, 3.75, "%", 4, 3.75),
    ],
)
def test_more_changes(text, lang, value, value_to, unit, normalized, normalized_to):
    q = only(text, lang)
    assert (q.kind, q.value, q.value_to, q.unit) == ("change", value, value_to, unit)
    assert (q.normalized, q.normalized_to) == (pytest.approx(normalized), pytest.approx(normalized_to))


@pytest.mark.parametrize(
    "text, lang, context",
    [
        ("The central bank cut the deposit rate to 3.75% on Thursday.", "en", "rate"),
        ("Inflation of 2.6% was higher than expected.", "en", "inflation"),
        ("Officials said turnout was 84% in the capital.", "en", "turnout"),
        ("The jobless rate unexpectedly rose to 4.1% in May.", "en", "rate"),
        ("Some 94.6% of union members voted to reject the offer.", "en", "members"),
        ("The party won 32% of the vote.", "en", "vote"),
        ("La inflación subió al 2,6% en mayo.", "es", "inflación"),
        ("Die Inflation lag im Mai bei 2,6 Prozent.", "de", "inflation"),
        ("Le gouvernement vise un taux de 3 % en fin d'année.", "fr", "taux"),
    ],
)
def test_percent_takes_the_noun_it_measures(text, lang, context):
    assert only(text, lang).context == context


@pytest.mark.parametrize(
    "text",
    [
        "Labour received 34% in the poll.",  # a name, not a common noun
        "Members backed the strike: 94.6% voted to reject the offer.",  # no noun in its clause
        "Prices are moderating, closer to 2% than before.",  # verbs and comparatives are not contexts
    ],
)
def test_percent_without_a_plain_noun_has_no_context(text):
    assert only(text).context is None


def test_others_takes_the_noun_of_the_earlier_count():
    found = quantities("Two workers were killed and 14 others injured in the fire.")
    assert [(q.value, q.context) for q in found] == [(2.0, "workers"), (14.0, "workers")]
    found = quantities("Dos trabajadores murieron y 14 resultaron heridos.", "es")
    assert [(q.value, q.context) for q in found] == [(2.0, "trabajadores"), (14.0, "heridos")]


def test_pounds_and_libras_are_the_same_weight():
    en = only("The company recalled about 200,000 pounds of deli meat on Tuesday.")
    es = only("La empresa retiró más de 200,000 libras de embutidos el martes.", "es")
    assert (en.unit, en.normalized) == (es.unit, es.normalized) == ("lb", 200000.0)
    es = only("La empresa retiró 7 millones de libras de embutidos.", "es")
    assert (es.unit, es.normalized) == ("lb", 7_000_000.0)
    # a report that speaks of sterling and not of weight: bare "pounds" is money
    money = quantities("Tickets cost £20 last year; this year they cost 25 pounds.")
    assert [q.unit for q in money] == ["GBP", "GBP"]
    # a decimal comma in the same Spanish text keeps "200,5" a decimal
    assert only("El índice subió a 200,5 puntos.", "es").value == 200.5
