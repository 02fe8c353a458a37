"""A mistyped command line: one line on stderr naming the command and its help, exit code 2."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from storyline.cli import app


@pytest.mark.parametrize(("args", "command", "what"), [
    (["compare", "--no-such-flag"], "storyline compare", "No such option: --no-such-flag"),
    (["compare"], "storyline compare", "Missing argument 'INPUT...'"),
    (["frobnicate"], "storyline", "No such command 'frobnicate'"),
    (["--no-such-flag"], "storyline", "No such option: --no-such-flag"),
    (["show"], "storyline show", "Missing argument 'STORY'"),
])
def test_usage_error_is_one_line(args: list[str], command: str, what: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [f"storyline: error: {command}: {what} (see '{command} --help')"]
    assert "╭" not in result.output


def test_no_arguments_prints_the_help() -> None:
    result = CliRunner().invoke(app, [])
    assert result.exit_code == 2
    assert "compare" in result.output and "ingest" in result.output
    assert "error" not in result.output
