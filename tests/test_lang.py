"""storyline.lang on its own: numbers, the calendar and folding, as every stage reads them."""

from __future__ import annotations

import pytest

from storyline.lang.calendar import (
    FOLDED_MONTHS,
    RELATIVE_PHRASES,
    WORD_MONTHS,
    is_month_word,
    match_date_marker,
    month_number,
    strip_date_marker,
    weekday_number,
)
from storyline.lang.fold import fold, fold_word, levenshtein, skeleton, stem, transliterate
from storyline.lang.numbers import (
    ANY_LANGUAGE_NUMBER_WORDS,
    SCALE_RE,
    SCALE_VALUES,
    number_key,
    number_token,
    number_tokens,
    parse_number,
    parse_number_any_language,
)

# --- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "lang", "value"),
    [
        ("3,75", "de", 3.75),  # decimal comma
        ("3,75", "en", 3.75),  # a comma before other than three digits is decimal anywhere
        ("1.200", "de", 1200),  # a dot groups thousands where the comma is decimal
        ("1,200", "de", 1.2),
        ("1,200", "en", 1200),
        ("1,20,000", "en", 120000),  # Indian grouping
        ("1.234,5", "de", 1234.5),
        ("1 200", "fr", 1200),  # a space groups thousands
        ("१२.५", None, 12.5),  # Devanagari digits
    ],
)
def test_parse_number_by_language(raw, lang, value):
    assert parse_number(raw, lang) == pytest.approx(value)


def test_parse_number_any_language_reads_a_comma_before_three_digits_as_grouping():
    assert parse_number_any_language("1,200") == 1200
    assert parse_number_any_language("3,75") == 3.75
    assert parse_number_any_language("1.234.567") == 1234567
    assert parse_number_any_language("1,2,3") == 12.3  # the last comma is the decimal mark
    assert parse_number_any_language("1.2,3,4") is None  # a decimal mark occurs once


def test_number_token_is_canonical_and_refuses_what_is_unsure():
    assert number_token("6,25") == "6.25" and number_token("6.50") == "6.5"
    assert number_token("6.250") == "6250"  # three digits after the mark: grouping
    assert number_token("1,234,567") == "1234567"
    assert number_token("007") == "7"
    assert number_token("1.234,5") is None
    assert number_tokens(fold("রেপো রেট ৬.২৫ শতাংশ")) == ["6.25"]  # Bengali digits, folded first


def test_number_key_equates_spellings_of_one_value():
    assert number_key(19.0) == number_key(19) == "19"
    assert number_key(0.1 + 0.2) == "0.3"


def test_number_and_scale_words():
    assert ANY_LANGUAGE_NUMBER_WORDS["deux"] == ANY_LANGUAGE_NUMBER_WORDS["zwei"] == 2
    assert "once" not in ANY_LANGUAGE_NUMBER_WORDS  # Spanish eleven, English "once"
    assert SCALE_VALUES["crore"] == 1e7 and SCALE_VALUES["lakh"] == 1e5
    assert SCALE_RE.match(" milliards").group("scale") == "milliards"


# --- calendar ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["January", "enero", "janvier", "Januar", "Jänner", "gennaio", "janeiro", "जनवरी"])
def test_month_in_each_analyzed_language(name):
    assert month_number(name) == 1


def test_abbreviated_month_with_or_without_its_dot():
    assert month_number("Sept.") == month_number("Sep") == 9
    assert month_number("Okt") == 10


@pytest.mark.parametrize("name", ["februar", "fevrier", "फरवरी", "फेब्रुवारी", "ফেব্রুয়ারি", "февраля", "φεβρουαριου", "فبراير"])
def test_grouping_reads_february_in_every_language(name):
    assert FOLDED_MONTHS[name] == 2


def test_cross_check_months_are_folded_and_short_ones_need_a_capital():
    assert WORD_MONTHS["fevrier"] == 2 and WORD_MONTHS["marz"] == 3
    assert is_month_word("May", fold_word("May"))
    assert not is_month_word("may", "may")
    assert is_month_word("september", "september")


def test_weekdays_and_relative_days():
    assert weekday_number("Samstag") == 5
    assert RELATIVE_PHRASES["gestern"] == ("de", "day", -1)
    assert RELATIVE_PHRASES["ayer"] == ("es", "day", -1)


def test_the_corpus_date_marker():
    m = match_date_marker(" date 2024-06-06 Text")
    assert m is not None and m.group("date") == "2024-06-06" and m.group("day") == "06"
    assert match_date_marker("date 2024-06-06x") is None  # not a marker standing alone ...
    assert strip_date_marker("date 2024-06-06x") == "x"  # ... but grouping still drops it
    assert strip_date_marker("date 2024-06\nText") == "Text"
    assert strip_date_marker("a date 2024-06-06") == "a date 2024-06-06"


# --- folding -------------------------------------------------------------------------------------


def test_fold_for_grouping_keeps_indic_signs_and_folds_digits():
    assert fold("Pélicot") == "pelicot"
    assert fold("६.२५ %") == "6.25 %"
    assert fold("ΣΟΦΟΣ") == "σοφοσ"
    assert fold("मल्होत्रा") == "मल्होत्रा"


def test_fold_with_all_marks_drops_every_combining_mark():
    assert fold("मल्होत्रा", all_marks=True) != "मल्होत्रा"  # the virama goes
    assert fold_word("Pélicot’s") == "pelicot's"


def test_skeleton_of_a_devanagari_name_matches_its_latin_spelling():
    assert skeleton("मल्होत्रा") == skeleton(fold("Malhotra")) == "mltr"
    assert skeleton("غريندافيك") == skeleton(fold("Grindavik"))


def test_transliterate_stem_and_levenshtein():
    assert transliterate("москва") == "moskva"
    assert stem("relations") == "relation" and stem("historically") == "histor"
    assert levenshtein("kitten", "sitting") == 3
