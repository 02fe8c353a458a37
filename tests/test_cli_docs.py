"""Every command a person can type is documented: ``--help`` works, the docstring carries an example
of its own use, and README.md mentions it. A command added without docs fails here on purpose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from storyline.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
runner = CliRunner()


def _commands() -> dict[str, object]:
    """Command name -> callback, as Typer registers them (the name Typer derives when none is given)."""
    group = typer.main.get_command(app)
    return {name: cmd.callback for name, cmd in group.commands.items()}


COMMANDS = sorted(_commands())


def test_the_app_has_the_documented_commands():
    # The commands the rest of the suite exercises; a removed one is a breaking change.
    assert {"extract", "compare", "group", "ingest", "stories", "show", "search"} <= set(COMMANDS)


def test_top_level_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert re.search(rf"\b{name}\b", result.stdout), f"{name} missing from storyline --help"


@pytest.mark.parametrize("name", COMMANDS)
def test_help_works(name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout and name in result.stdout
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_docstring_has_an_example(name):
    doc = _commands()[name].__doc__ or ""
    assert doc.strip(), f"{name} has no docstring"
    assert re.search(rf"Example:\s*storyline {name}\b", doc), f"{name}'s docstring lacks 'Example: storyline {name} ...'"


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_mentions_the_command(name):
    assert README.is_file(), "README.md is missing from the repository root"
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"storyline {name}\b", text), f"README.md never shows `storyline {name}`"


def test_readme_first_screen_commands_are_the_makefile_and_ci_ones():
    """The README's two commands exist as Makefile targets, and CI runs the test one."""
    repo = README.parent
    first_screen = "\n".join(README.read_text(encoding="utf-8").splitlines()[:25])
    commands = re.findall(r"^(make \w+)", first_screen, re.M)
    assert commands == ["make demo", "make test"], commands
    makefile = (repo / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert re.search(rf"^{target}:", makefile, re.M), f"Makefile has no {target} target"
    assert re.search(r"^make test$", (repo / ".ci" / "run").read_text(encoding="utf-8"), re.M)
