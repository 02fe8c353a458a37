"""Long inputs are analysed in linear work (issue 12): a 1 MB report took minutes because the
sentence splitter, the speaker resolver and the name finder each rescanned the text, or every name
in it, for every sentence, speaker or name. Work is counted, never timed (tests/growth.py)."""

from __future__ import annotations

from syntok.tokenizer import Tokenizer
from tests.growth import LINEAR_BOUND, growth

from storyline.analyze import analyze
from storyline.analyze.sentences import MAX_SENTENCE, split_sentences
from storyline.model import Article

REPORT = (
    "Fire Chief Delia Marchetti said 60 firefighters from four stations fought the blaze in Port Alder.\n\n"
    "“We will not rest until every family knows what happened,” Mayor Tomas Ekwueme said on Tuesday.\n\n"
    "The warehouse held lithium, cobalt and nickel, the company said, according to the county.\n\n"
)
WORDS = "the fire Chief Delia Marchetti said 60 firefighters from four stations fought the blaze in Port Alder"


def _repeated(size: int) -> str:
    return (REPORT * (size // len(REPORT) + 1))[:size]


def _run_on(size: int) -> str:
    """One line without a full stop: a page scraped into one run-on "sentence"."""
    words = WORDS.split()
    return " ".join(words[i % len(words)] for i in range(size // 6))


def test_the_tokenizer_reads_each_character_once(monkeypatch):
    """syntok's own segmenter.analyze pads every paragraph with as many spaces as precede it: on a
    text of many paragraphs the tokenizer then reads the square of its length."""
    read: list[int] = []
    tokenize = Tokenizer.tokenize

    def counted(self, text, base_offset=0):
        read.append(len(text) + base_offset)
        return tokenize(self, text, base_offset)

    monkeypatch.setattr(Tokenizer, "tokenize", counted)
    text = _repeated(60_000)
    sentences = split_sentences(text)
    assert sum(read) <= len(text) and len(sentences) > 500


def test_a_run_on_text_is_cut_into_bounded_sentences():
    text = _run_on(20_000)
    sentences = split_sentences(text)
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE
    assert all(s.text == text[s.start : s.end] for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert split_sentences(REPORT) == split_sentences(REPORT)  # and real sentences are left whole
    assert [s.text.strip() for s in split_sentences(REPORT)][0].startswith("Fire Chief")


def test_analysis_of_a_repeated_report_grows_linearly():
    """Many names, quotations and speakers: the resolver scanned every person and place per speaker,
    and each quotation every speech act (the code before gave a ratio of 6.7 here, growing with n)."""
    assert growth(lambda n: analyze(Article(id="x", text=_repeated(n), lang="en")), 10_000) <= LINEAR_BOUND


def test_analysis_of_a_run_on_text_grows_linearly():
    """One line: the name finder re-read the whole line for every name to ask whether it was a
    headline, and the resolver scanned every place per speaker (about 10.6 before)."""
    assert growth(lambda n: analyze(Article(id="x", text=_run_on(n), lang="en")), 10_000) <= LINEAR_BOUND


def test_past_the_budget_only_the_opening_is_analysed_and_the_text_is_kept():
    text = _repeated(20_000)
    art = analyze(Article(id="x", text=text, lang="en"), max_chars=5_000)
    cut = art.meta["analysed_chars"]
    assert 2_500 <= cut <= 5_000 and text[cut] == "\n" and art.text == text
    spans = [q.span for q in art.quotes] + [m.span for m in art.names] + [(s.start, s.end) for s in art.sentences]
    assert spans and all(0 <= a <= b <= cut for a, b in spans)
    whole = analyze(Article(id="y", text=REPORT, lang="en"), max_chars=5_000)
    assert "analysed_chars" not in whole.meta  # a report under the budget is analysed whole


def test_the_commands_say_when_a_report_was_analysed_in_part(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app
    from storyline.store import Store, search

    long = tmp_path / "long.txt"
    long.write_text(_repeated(9_000) + "\n\nThe zeppelin landed at dusk.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(long), "--max-chars", "3000", "-f", "json"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "long.txt" in warnings[0] and "--max-chars" in warnings[0]
    db = tmp_path / "s.db"
    result = CliRunner().invoke(app, ["ingest", str(long), "--db", str(db), "--max-chars", "3000"])
    assert result.exit_code == 0 and "--max-chars" in result.stderr
    with Store(db, readonly=True) as store:
        assert [h.id for h in search(store, "zeppelin")]  # the unanalysed end is stored and searchable


def test_a_page_of_too_many_elements_is_read_as_plain_text(monkeypatch):
    """lxml's tree of a million-element page took over a gigabyte; past MAX_TREE_ELEMENTS tags the
    event-based walker reads it instead (bench/long_inputs.py measures the real size)."""
    from storyline.read import html as html_reader

    words = WORDS.split()
    page = ("<html><head><title>Port Alder fire</title></head><body><article>"
            + "".join(f"<span>{words[i % len(words)]} </span>" for i in range(3_000)) + "</article></body></html>")
    monkeypatch.setattr(html_reader, "MAX_TREE_ELEMENTS", 1_000)
    art = html_reader.read_html(page, source="tiny.html")
    assert isinstance(art, Article) and "more elements" in art.meta["extraction"]
    assert art.title == "Port Alder fire" and len(art.text.split()) >= 2_900
    monkeypatch.setattr(html_reader, "MAX_TREE_ELEMENTS", 1_000_000)
    normal = html_reader.read_html(page, source="tiny.html")
    assert isinstance(normal, Article) and "extraction" not in normal.meta


def test_a_story_past_max_reports_is_cross_checked_in_part_and_says_so(tmp_path):
    """Alignment memory grows with the square of a story's sentences: past max_reports the first
    reports are cross-checked and the others listed, never silently dropped."""
    import json

    import jsonschema
    from typer.testing import CliRunner

    from storyline import compare
    from storyline.cli import app
    from storyline.render import render
    from storyline.render.json_out import schema

    reports = [Article(id=f"r{i}", text=REPORT, lang="en") for i in range(5)]
    dossier = compare(reports, method="lexical", max_reports=3)
    assert [a["id"] for a in dossier.articles] == ["r0", "r1", "r2"]
    assert dossier.method["not_compared"] == ["r3", "r4"] and "first 3 of 5" in dossier.method["note"]
    jsonschema.validate(json.loads(render(dossier, "json")), schema())
    assert "not_compared" not in compare(reports, method="lexical").method
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(tmp_path), "--max-reports", "2", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "--max-reports" in result.stderr and len(json.loads(result.stdout)["articles"]) == 2
