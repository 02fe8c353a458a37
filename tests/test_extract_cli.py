"""``storyline extract``: JSON contract, readable text, one stderr line per bad input, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app

FIX = Path(__file__).resolve().parent / "fixtures" / "read"
ORCHARD = str(FIX / "orchard.txt")
runner = CliRunner()


def invoke(*args: str):
    # While `extract` is the only registered command Typer runs it without its name; once other commands
    # exist the name is required. Both shapes are the same command line for a user of that version.
    single = len(app.registered_commands) == 1 and app.registered_callback is None and not app.registered_groups
    argv = list(args) if single else ["extract", *args]
    return runner.invoke(app, argv)


def test_json_records_follow_the_contract():
    result = invoke(ORCHARD, str(FIX / "rss.xml"), "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["input"] for r in records] == [ORCHARD, str(FIX / "rss.xml"), str(FIX / "rss.xml")]
    first = records[0]
    for key in ("id", "text", "sentences", "quotes", "quantities", "dates", "names", "attributions", "removed"):
        assert key in first
    assert first["id"] == ORCHARD
    assert first["title"] == "Orchard growers warn of smaller apple harvest"
    assert first["dateline"] == "VALLEY FORGE"
    assert first["lang"] == "en"
    # Sentence spans index the cleaned text exactly.
    for s in first["sentences"]:
        assert first["text"][s["start"]:s["end"]] == s["text"]
    assert records[1]["title"] == "Library extends weekend opening hours"


def test_text_summary():
    result = invoke(ORCHARD)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Orchard growers warn of smaller apple harvest",
        f"id: {ORCHARD}  input: {ORCHARD}",
        "outlet: -  date: -  lang: en  dateline: VALLEY FORGE  byline: Leo Brandt",
        "debris removed: 6 (byline, dateline, related_line, share_line, title)",
    ]
    assert lines[4].startswith("sentences: ")
    for section in ("quotes: ", "quantities: ", "dates: ", "names: ", "attributions: "):
        assert any(line.startswith(section) for line in lines), section


def test_some_inputs_fail_exit_1_and_one_line_each(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = invoke(ORCHARD, str(empty), "/no/such/file.html", "--format", "json")
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 1
    assert result.stderr.splitlines() == [
        f"storyline: error: {empty}: empty file (the file has no content; check that it was saved completely)",
        "storyline: error: /no/such/file.html: no such file or directory "
        "(check the spelling of the path; URLs must start with http:// or https://)",
    ]


def test_nothing_readable_exit_2(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01" * 100)
    result = invoke(str(binary), "--format", "json")
    assert result.exit_code == 2
    assert json.loads(result.stdout) == []
    assert result.stderr.count("\n") == 1 and "binary file" in result.stderr


def test_private_url_refused_with_hint():
    result = invoke("http://127.0.0.1:9/report.html")
    assert result.exit_code == 2
    assert "--allow-private" in result.stderr
    assert result.stdout == ""


def test_max_mb_option(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("The ferry will start in June with two boats, the harbor council chair said on Friday.\n" * 30)
    result = invoke(str(path), "--max-mb", "0.001")
    assert result.exit_code == 2 and "too large for one document" in result.stderr


def test_mentions_are_listed_apart_from_quotes(tmp_path):
    report = tmp_path / "film.txt"
    report.write_text("Mayor Ana Brill opened the festival on Friday.\n"
                      "“We waited ten years for this,” Brill said.\n"
                      "The film “Silent River” won the main prize.\n", encoding="utf-8")
    result = invoke(str(report))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "quotes: 1" in lines and "mentions: 1" in lines
    assert "  - “Silent River”" in lines
    assert not any("Silent River" in line and "unattributed" in line for line in lines)
