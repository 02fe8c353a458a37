"""The debris cleaner: each kind of debris goes, every sentence of the article stays."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.read.clean import clean_text, looks_like_headline

BODY = (
    "The regional water board raised prices by 4 percent on Monday, its chair said.\n"
    "Households will pay about 18 euros more a year, according to the board's figures."
)


def kinds(cleaned):
    return [r.kind for r in cleaned.removed]


def test_repeated_title_kept_once():
    title = "Water board raises prices for the first time in a decade"
    text = f"{title}\n\n{title} {title}\n\n{BODY}"
    c = clean_text(text)
    assert c.title == title
    assert c.text.startswith("The regional water board")
    assert title not in c.text
    assert kinds(c) == ["repeated_title", "repeated_title"]


def test_known_title_near_copy_removed():
    title = "Mill buys rival in $36 billion deal"
    c = clean_text(f"{title}\n\nMill buys rival in  billion deal\n\n{BODY}", title=title)
    assert c.text == BODY.replace("\n", "\n\n")
    assert kinds(c) == ["repeated_title", "repeated_title"]


def test_url_line_becomes_url():
    c = clean_text(f"https://exmpl.news/x7Yq\n{BODY}")
    assert c.url == "https://exmpl.news/x7Yq"
    assert c.text.startswith("The regional water board")


def test_bullet_standfirst_becomes_summary():
    text = (
        "- Prices rise by 4 percent from July\n"
        "• Board blames higher energy costs for the increase\n"
        f"{BODY}\nA third paragraph with more of the article and its details, long enough to be a body."
    )
    c = clean_text(text)
    assert c.summary == "Prices rise by 4 percent from July\nBoard blames higher energy costs for the increase"
    assert c.text.startswith("The regional water board")
    assert kinds(c) == ["standfirst", "standfirst"]


def test_bullets_that_are_the_whole_article_stay():
    text = "- The board raised prices by 4 percent.\n- Households pay 18 euros more a year."
    c = clean_text(text)
    assert c.summary is None
    assert "The board raised prices by 4 percent." in c.text and "18 euros" in c.text


def test_dateline_removed_sentence_kept():
    for prefix, place in [
        ("ISLAMABAD: ", "ISLAMABAD"),
        ("BRIDGETOWN, Barbados (AP) — ", "BRIDGETOWN, Barbados"),
        ("FRANKFURT (dpa-AFX) - ", "FRANKFURT"),
        ("New Delhi: ", "New Delhi"),
        ("Frankfurt, June 5, 2025 — ", "Frankfurt"),
    ]:
        c = clean_text(prefix + BODY)
        assert c.dateline == place, prefix
        assert c.text.startswith("The regional water board raised prices"), prefix


def test_labels_are_not_datelines():
    for label in ("Update: ", "Above: ", "Overview: "):
        c = clean_text(label + BODY)
        assert c.dateline is None
        assert c.text.startswith(label.strip())


def test_bylines():
    c = clean_text(f"By Jane Doe\n{BODY}")
    assert c.byline == "Jane Doe" and kinds(c) == ["byline"]
    c = clean_text(f"Jane Doe | Reuters\n{BODY}")
    assert c.byline == "Jane Doe"
    c = clean_text(f"Von Anna Berg\n{BODY}")
    assert c.byline == "Anna Berg"


def test_share_related_follow_lines_in_several_languages():
    debris = [
        "Share this article", "Also Read: Board chair steps down", "Related:", "Read more", "Follow us on Instagram",
        "Subscribe to our newsletter", "Lee también: Sube el precio del agua", "Lire aussi : La hausse des prix",
        "Lesen Sie auch: Wasserpreise steigen", "Compartir", "Síguenos en Twitter", "Suivez-nous sur Facebook",
        "Folgen Sie uns auf Instagram", "Partager",
    ]
    lines = BODY.split("\n")
    text = "\n".join([lines[0], *debris, lines[1]])
    c = clean_text(text)
    assert c.text == BODY.replace("\n", "\n\n")
    assert len(c.removed) == len(debris)
    assert set(kinds(c)) == {"share_line", "related_line"}


def test_calls_to_action_are_page_furniture():
    debris = [
        "LIVE TV", "Unlock Exclusive Insights with The Doran Times Premium", "Join our WhatsApp channel",
        "Follow Doran Daily on YouTube", "Get the Doran Courier app", "Click here to read the full story",
        "Go Premium for $1 a week", "We use cookies to improve your experience on this site",
    ]
    lines = BODY.split("\n")
    c = clean_text("\n".join([lines[0], *debris, lines[1]]))
    assert c.text == BODY.replace("\n", "\n\n")
    assert [r.text for r in c.removed] == debris


def test_a_list_of_story_links_under_related_news_is_dropped():
    links = ["Related News", "", "17 February 2031", "Doran council confirms talks on the harbour bridge", "",
             "10 March 2031", "Talvik ferry operator to challenge the port fee ruling"]
    lines = BODY.split("\n")
    c = clean_text("\n".join([lines[0], "", *links, "", lines[1]]))
    assert c.text == BODY.replace("\n", "\n\n")
    assert [r.text for r in c.removed] == [x for x in links if x]


def test_sentences_mentioning_debris_words_are_kept():
    text = (
        "Related to the price rise, the board said it would follow the regulator's advice.\n"
        "Readers can share their views at a public meeting on Friday, the board said.\n"
        "By the end of the year, prices will have risen by 4 percent.\n"
        "Members of the Doran dockers' union will get premium pay for night shifts from March.\n"
        "Live coverage of the vote was watched by 40,000 people, the broadcaster said.\n"
        "Join the queue early, the harbour master told passengers on Friday.\n"
        "Download speeds in Doran doubled after the new cable was laid, the regulator said."
    )
    c = clean_text(text)
    assert c.text == text.replace("\n", "\n\n")
    assert c.removed == []


def test_comment_tail_removed():
    text = f"{BODY}\nA final paragraph of the report, with enough words to be a real part of the article.\n" \
           "Leave a Reply\nYour email address will not be published.\nGreat article, thanks!"
    c = clean_text(text)
    assert c.text.endswith("a real part of the article.")
    assert kinds(c) == ["comments"]


def test_corpus_date_marker():
    c = clean_text(" date 2025-03-04 " + BODY)
    assert c.marker_date == "2025-03-04"
    assert c.text.startswith("The regional water board")
    c = clean_text(" date 2025-03 " + BODY)
    assert c.marker_date is None and c.text.startswith("The regional water board")


def test_whitespace_and_paragraphs_normalised():
    c = clean_text("The  board\u00a0met on   Monday.\n\n\n\nIt raised prices.\r\nIt blamed costs.\u200b")
    assert c.text == "The board met on Monday.\n\nIt raised prices.\n\nIt blamed costs."


def test_hard_wrapped_lines_are_joined():
    wrapped = (
        "The regional water board met on Monday and voted to raise\n"
        "prices by 4 percent from July, its chair told reporters after\n"
        "the meeting.\n"
        "\n"
        "Households will pay about 18 euros more a year, according to\n"
        "the board's own figures."
    )
    c = clean_text(wrapped)
    assert c.text == (
        "The regional water board met on Monday and voted to raise prices by 4 percent from July, its chair "
        "told reporters after the meeting.\n\n"
        "Households will pay about 18 euros more a year, according to the board's own figures."
    )


def test_headline_followed_by_lower_case_line_is_not_joined():
    c = clean_text("Water board raises prices\nprices rise by 4 percent from July, the board said on Monday.")
    assert c.title == "Water board raises prices"
    assert c.text == "prices rise by 4 percent from July, the board said on Monday."


def test_headline_heuristic():
    assert looks_like_headline("Water board raises prices for the first time in a decade")
    assert not looks_like_headline("The board raised prices on Monday.")
    assert not looks_like_headline("Updated 6 June 2025 at 11:59 IST")
    assert not looks_like_headline("Photo: Jane Doe/AP")
    assert not looks_like_headline("Overview")


def test_guessed_title_needs_a_body():
    c = clean_text("Water board raises prices for the first time in a decade")
    assert c.title is None and c.text == "Water board raises prices for the first time in a decade"


def test_deterministic():
    text = f"https://exmpl.news/x\nBy Jane Doe\nLONDON: {BODY}\nShare this article"
    assert clean_text(text) == clean_text(text)


def test_markdown_heading_is_the_title():
    c = clean_text(f"# Water board raises prices for the first time in a decade\n\n{BODY}")
    assert c.title == "Water board raises prices for the first time in a decade"
    assert c.text.startswith("The regional water board")


_WORDS = st.sampled_from("the board water price rose fell said on monday council harbor ferry in of a by to "
                         "percent million residents vote plan report city".split())
_SENTENCE = st.lists(_WORDS, min_size=6, max_size=18).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8))
def test_ordinary_sentences_are_never_dropped(paragraphs):
    c = clean_text("\n".join(paragraphs))
    for p in paragraphs:
        assert p in c.text
    assert c.text == "\n\n".join(paragraphs)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_cleans_without_error(text):
    c = clean_text(text)
    assert "\n\n\n" not in c.text
    assert c.text == c.text.strip()


def test_header_timestamps_removed_body_dates_kept():
    for stamp in ("Updated 6 June 2025 at 11:59 IST", "08 Nov 2024", "15th July 2025", "Jun 6, 2025"):
        c = clean_text(f"{stamp}\n{BODY}")
        assert c.text.startswith("The regional water board"), stamp
        assert [r.kind for r in c.removed] == ["timestamp"], stamp
    c = clean_text(f"{BODY}\nJune 6, 2025")
    assert c.text.endswith("June 6, 2025")  # only the header is cleaned of stamps


def test_published_line_sets_the_date_and_leaves_the_text():
    c = clean_text(f"Water board raises prices for the first time in a decade\n\nBy Ana Ruiz, Harbour Courier\n"
                   f"Published March 10, 2026\n\n{BODY}")
    assert (c.header_date, c.outlet, c.byline) == ("2026-03-10", "Harbour Courier", "Ana Ruiz")
    assert ("timestamp", "Published March 10, 2026") in [(r.kind, r.text) for r in c.removed]
    assert c.text.startswith("The regional water board") and "2026" not in c.text


def test_published_wins_over_updated_and_times_are_allowed():
    c = clean_text(f"Updated: 11 March 2026 10:42\nPublished: 10 March 2026 08:00\n\n{BODY}")
    assert c.header_date == "2026-03-10"
    assert kinds(c) == ["timestamp", "timestamp"]


def test_outlet_and_date_line_in_english_and_spanish():
    c = clean_text(f"Water board raises prices for the first time in a decade\n\nMetro Wire, March 11, 2026\n\n{BODY}")
    assert (c.header_date, c.outlet) == ("2026-03-11", "Metro Wire")
    assert ("dateline", "Metro Wire, March 11, 2026") in [(r.kind, r.text) for r in c.removed]
    c = clean_text("Sube el precio del agua por primera vez en una década\n\nDiario del Puerto, 11 de marzo de 2026\n\n"
                   "La junta del agua subió los precios un 4 por ciento el lunes, según su presidenta.")
    assert (c.header_date, c.outlet) == ("2026-03-11", "Diario del Puerto")
    assert c.text.startswith("La junta del agua")


def test_place_and_date_line_gives_no_outlet_and_job_titles_are_not_outlets():
    c = clean_text(f"LONDON, March 11, 2026\n\n{BODY}")
    assert (c.header_date, c.outlet) == ("2026-03-11", None)
    c = clean_text(f"By Ana Ruiz, Senior Reporter\n\n{BODY}")
    assert c.outlet is None and c.header_date is None


def test_a_sentence_with_a_date_is_not_a_date_line():
    text = f"{BODY}\nThe board, March 11, 2026, said prices would rise again next year."
    c = clean_text(text)
    assert c.header_date is None and "March 11, 2026" in c.text
