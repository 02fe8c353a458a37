"""Transcripts and interviews: every answer is a direct quote of its labelled speaker, questions are
nobody's answers, and a colon in ordinary news ("Update:", "Photo:", a dateline) makes no turn.

The fixtures under tests/fixtures/transcripts are invented (people, places and events)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.analyze import analyze
from storyline.cli import app
from storyline.model import Article, Quote
from storyline.read import read

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


def _article(name: str) -> Article:
    (article,) = list(read([str(FIXTURES / name)]))
    assert isinstance(article, Article)
    return analyze(article)


def _turns(article: Article) -> list[Quote]:
    """Quotes whose mention is a label standing at the start of its paragraph, before a colon."""
    text = article.text
    out = []
    for q in article.quotes:
        if q.kind != "direct" or q.speaker_span is None:
            continue
        lo, hi = q.speaker_span
        if (lo == 0 or text[lo - 1] == "\n") and text[hi : hi + 1] == ":":
            out.append(q)
    return out


def _answers_of(quotes: list[Quote], start: str) -> Quote:
    (q,) = [q for q in quotes if q.text.startswith(start)]
    return q


def test_briefing_answers_are_quotes_of_their_speakers() -> None:
    article = _article("briefing_en.txt")
    turns = _turns(article)
    assert len(turns) == 5  # 4 answers (one of two paragraphs); the 2 questions are no quotes
    thanks = _answers_of(turns, "Thank you, Daniel.")
    assert (thanks.speaker, thanks.speaker_role, thanks.speaker_mention) == (
        "Helena Marwick", "Secretary of State", "SECRETARY MARWICK")
    assert article.text[slice(*thanks.speaker_span)] == "SECRETARY MARWICK"
    # the answer's second paragraph stays with its speaker, and has the same label
    more = _answers_of(turns, "We are not there yet.")
    assert more.speaker == "Helena Marwick" and more.speaker_span == thanks.speaker_span
    assert more.text.endswith("who will monitor them.") and "\n" not in more.text
    table = _answers_of(turns, "That is one of the questions")
    assert table.speaker == "Helena Marwick" and table.speaker_span != thanks.speaker_span
    okafor = [q for q in turns if q.speaker_mention == "MR. OKAFOR"]
    assert len(okafor) == 2 and {q.speaker for q in okafor} == {"Daniel Okafor"}
    assert {q.speaker_role for q in okafor} == {"Spokesperson"}
    assert all(q.kind == "direct" and not q.partial for q in turns)


def test_questions_are_no_quotes_and_not_given_to_the_answerer_before_them() -> None:
    article = _article("briefing_en.txt")
    text = article.text
    for question in ("Madam Secretary, will the monitors be armed?", "Can you say when the next round will start?"):
        lo = text.index(question)
        assert not [q for q in article.quotes if q.span[0] <= lo < q.span[1]]
    # the answer before the first question ends before it
    thanks = [q for q in article.quotes if q.text.startswith("We are not there yet.")]
    assert thanks and thanks[0].span[1] < text.index("QUESTION:")


def test_tv_interview_host_and_guest() -> None:
    turns = _turns(_article("interview_en.txt"))
    guest = [q for q in turns if q.speaker_mention == "Tomas Verhoeven"]
    host = [q for q in turns if q.speaker_mention == "Host"]
    assert len(guest) == 3 and {q.speaker for q in guest} == {"Tomas Verhoeven"}
    assert guest[1].text.startswith("It happened faster")  # the answer's second paragraph
    assert len(host) == 2 and {q.speaker for q in host} == {"Rina Castell"}  # "host Rina Castell"
    assert {q.speaker_role for q in host} == {"Host"}


def test_spanish_pregunta_respuesta_interview() -> None:
    article = _article("entrevista_es.txt")
    turns = _turns(article)
    answers = [q for q in turns if q.speaker_mention == "R"]
    questions = [q for q in turns if q.speaker_mention == "P"]
    assert len(answers) == 2 and questions == []
    assert {q.speaker for q in answers} == {"Lucía Ferrándiz"}  # the one person the introduction names
    assert answers[0].text.startswith("Porque el aire del centro")
    assert answers[0].span[1] < article.text.index("\nP: Los comerciantes")


def test_news_labels_and_datelines_are_no_turns() -> None:
    article = _article("news_negative.txt")
    assert _turns(article) == []
    # the report's own quote is found as before, with its speaker
    (direct,) = [q for q in article.quotes if q.kind == "direct"]
    assert direct.speaker == "Amina Qureshi"


def test_one_label_alone_is_no_transcript() -> None:
    text = ("Prime Minister Olga Brandt visited the port on Friday.\n\n"
            "Olga Brandt: a life in politics, a new biography, is out next month.\n\n"
            "The visit lasted two hours.")
    article = analyze(Article(id="x", text=text, lang="en"))
    assert _turns(article) == []


def test_headings_that_look_like_names_are_no_speakers() -> None:
    text = ("Key Points: the bridge will close for a month.\n\n"
            "Live Updates: traffic is diverted through the old town.\n\n"
            "WATCH: the crossing at rush hour.\n\n"
            "LONDON: Engineers found cracks in the deck.")
    article = analyze(Article(id="x", text=text, lang="en"))
    assert _turns(article) == []


def test_compare_connects_a_briefing_with_a_report_quoting_it() -> None:
    result = CliRunner().invoke(app, ["compare", str(FIXTURES / "briefing_en.txt"),
                                      str(FIXTURES / "news_quoting_briefing.txt"),
                                      "--format", "json", "--method", "lexical"])
    assert result.exit_code == 0, result.output
    dossier = json.loads(result.stdout)
    quoted = "Both delegations have agreed to keep talking through the weekend"
    variants = [f for f in dossier["findings"] if f["kind"] == "quote_variant"]
    assert any(f["details"]["speaker"] == "Helena Marwick"
               and all(quoted in w["text"] for w in f["details"]["wordings"]) for f in variants)
    claims = [c for c in dossier["claims"] if quoted in c["text"]]
    assert claims and claims[0]["status"] == "corroborated"


def test_german_frage_antwort_interview() -> None:
    text = ("Im Gespräch: Die Bürgermeisterin Katrin Albers über den neuen Hafen.\n\n"
            "F: Frau Albers, wann fahren die ersten Schiffe?\n\n"
            "A: Im Frühjahr. Die Kaimauer ist fertig, es fehlen nur noch die Kräne.\n\n"
            "F: Und die Kosten?\n\n"
            "A: Wir liegen im Plan, das hat der Rat gestern bestätigt.")
    article = analyze(Article(id="x", text=text, lang="de"))
    turns = _turns(article)
    answers = [q for q in turns if q.speaker_mention == "A"]
    assert [q.text[:13] for q in answers] == ["Im Frühjahr. ", "Wir liegen im"]
    assert {q.speaker for q in answers} == {"Katrin Albers"}
    assert not [q for q in turns if q.speaker_mention == "F"]


# --- what only looks like a transcript (rules read off PolNeAR train errors, fixtures invented) ------


def _turns_in(text: str) -> list[Quote]:
    return _turns(analyze(Article(id="x", text=text, lang="en")))


TALLY = ("Mayor Ana Brill and councillor Tomas Varga are counting votes in Dunmore.\n\n"
         "Ana Brill: 1,204.\n\nTomas Varga: 988.\n\n"
         "These are the votes counted by noon. Brill needs 200 more to win outright.")
HEADED = ("What each candidate needs in Dunmore on Sunday.\n\nBrill: Hold the centre.\n\n"
          "Mayor Ana Brill has led the polls since May, and her campaign expects a quiet night.\n\n"
          "Varga: Win the suburbs.\n\n"
          "Councillor Tomas Varga spent the week in the outer districts, where Varga grew up.")


@pytest.mark.parametrize("text", [TALLY, HEADED], ids=["a tally of names and figures", "headed sections"])
def test_tallies_and_headed_sections_are_no_transcript(text: str) -> None:
    assert _turns_in(text) == []


def test_the_last_turn_does_not_run_on_into_the_report() -> None:
    text = ("Host Rina Castell spoke with Mayor Ana Brill on Sunday.\n\n"
            "CASTELL: Will the bridge open in May?\n\n"
            "BRILL: It will open on the first of May.\n\n"
            "CASTELL: And the tolls?\n\n"
            "BRILL: There will be no tolls this year.\n\n"
            "The council will vote on the budget in June, and the opposition has promised to fight it.")
    turns = _turns_in(text)
    assert [q.text for q in turns if q.speaker == "Ana Brill"] == ["It will open on the first of May.",
                                                                  "There will be no tolls this year."]
    assert not any("council will vote" in q.text for q in turns)


def test_the_last_turn_runs_on_where_other_turns_do() -> None:
    text = ("Host Rina Castell spoke with Mayor Ana Brill on Sunday.\n\n"
            "CASTELL: Will the bridge open in May?\n\n"
            "BRILL: It will open on the first of May.\n\n"
            "The engineers have finished the deck.\n\n"
            "CASTELL: And the tolls?\n\n"
            "BRILL: There will be no tolls this year.\n\n"
            "We will look at it again next spring.")
    turns = _turns_in(text)
    assert [q.text for q in turns if q.speaker == "Ana Brill"][-1] == "We will look at it again next spring."
