"""Sentence offsets index the text exactly; abbreviations and quote marks do not split sentences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.analyze.sentences import split_sentences


def test_abbreviations_do_not_split():
    text = "In Sept., the U.S. envoy met Dr. Lee in Geneva. Talks went on."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "In Sept., the U.S. envoy met Dr. Lee in Geneva.",
        "Talks went on.",
    ]


def test_stray_closing_quote_joins_previous_sentence():
    text = "We will go on. ”\n\nNext paragraph here."
    sentences = split_sentences(text)
    assert sentences[0].text.endswith("”")
    assert len(sentences) == 2


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_offsets_always_index_the_text(text):
    for i, s in enumerate(split_sentences(text)):
        assert s.index == i
        assert text[s.start : s.end] == s.text
