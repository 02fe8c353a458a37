"""The Typer application object and what every command shares: error printing and exit codes."""

from __future__ import annotations

import sys

import typer

from storyline.model import ReadError

app = typer.Typer(
    name="storyline",
    help="Cross-check news coverage: quotes, numbers, dates and names across reports of one story.",
    no_args_is_help=True,
    add_completion=False,
)

EXIT_OK = 0
EXIT_SOME_FAILED = 1  # some inputs could not be read; the rest were processed
EXIT_NOTHING = 2  # no input could be processed (or a usage error)


def report_error(error: ReadError) -> None:
    """One line on stderr per unreadable input: what, why, and what to try."""
    print(f"storyline: error: {error.message()}", file=sys.stderr)


def exit_code(n_ok: int, n_failed: int) -> int:
    if n_ok == 0 and n_failed > 0:
        return EXIT_NOTHING
    return EXIT_SOME_FAILED if n_failed else EXIT_OK
