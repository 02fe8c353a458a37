"""The ``storyline`` command line: one module per command, each a thin layer over the library."""

from __future__ import annotations

from storyline.cli import compare_cmd, extract_cmd  # noqa: F401  (registers the commands)
from storyline.cli.app import app


def main() -> None:
    app()
