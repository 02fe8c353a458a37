"""``storyline compare`` on the command line: formats, -o, exit codes and error lines."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = str(REPO / "examples" / "port-alder-fire")


def run(*args):
    return CliRunner().invoke(app, ["compare", *args])


def test_text_on_stdout_and_html_file(tmp_path):
    out = tmp_path / "sub" / "dossier.html"
    result = run(EXAMPLE, "--method", "lexical", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Same story? yes" in result.stdout and "Names spelled differently" in result.stdout
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert "wrote html dossier" in result.stderr


def test_json_on_stdout():
    result = run(EXAMPLE, "--format", "json", "--method", "lexical")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 4 and data["method"]["similarity"] == "lexical"


def test_same_format_file_is_not_printed_twice(tmp_path):
    out = tmp_path / "d.json"
    result = run(EXAMPLE, "--format", "json", "--method", "lexical", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text())["schema_version"] == "1.1"


def test_markdown_file(tmp_path):
    out = tmp_path / "d.md"
    result = run(EXAMPLE, "--format", "json", "--method", "lexical", "-o", str(out))
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert out.read_text().startswith("# storyline dossier: 4 reports")


def test_one_bad_input_does_not_stop_the_batch(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run(EXAMPLE, str(missing), "--format", "json", "--method", "lexical")
    assert result.exit_code == 1
    assert str(missing) in result.stderr and result.stderr.count("\n") >= 1
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 4 and data["errors"][0]["input"] == str(missing)


def test_nothing_readable(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "nothing to compare" in result.stderr


def test_unwritable_output(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run(EXAMPLE, "--method", "lexical", "-o", str(blocker / "d.html"))
    assert result.exit_code == 2 and "cannot write" in result.stderr
