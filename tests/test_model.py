"""Records round-trip through their dict form losslessly: JSON is their contract."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from storyline.model import Article, DateMention, Mention, Quantity, Quote, ReadError, Removed, Sentence

spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
texts = st.text(max_size=40)


@given(
    text=texts,
    title=st.none() | texts,
    quote_span=spans,
    speaker=st.none() | texts,
    value=st.floats(allow_nan=False, allow_infinity=False),
)
def test_article_round_trip(text, title, quote_span, speaker, value):
    article = Article(
        id="a1",
        text=text,
        title=title,
        removed=[Removed("url_line", "http://x")],
        meta={"story": "s"},
        sentences=[Sentence(0, 0, len(text), text)],
        quotes=[Quote(text="q", span=quote_span, speaker=speaker, speaker_span=quote_span)],
        quantities=[Quantity(text="5%", span=(0, 2), kind="percent", value=value, unit="%")],
        dates=[DateMention(text="May", span=(3, 6), value="2025-05", granularity="month")],
        names=[Mention(text="Ann Lee", span=(0, 7), type="person", canonical="Ann Lee")],
    )
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data) == article


def test_read_error_message_names_input_and_fix():
    err = ReadError(input="feeds/x.xml", reason="not a feed", hint="check the URL")
    assert err.message() == "feeds/x.xml: not a feed (check the URL)"


def test_sentence_at_finds_containing_sentence():
    a = Article(id="a", text="One. Two.", sentences=[Sentence(0, 0, 4, "One."), Sentence(1, 5, 9, "Two.")])
    assert a.sentence_at(0) == 0
    assert a.sentence_at(6) == 1
