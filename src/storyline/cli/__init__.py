"""The ``storyline`` command line: one module per command, each a thin layer over the library."""

from __future__ import annotations

from storyline.cli import (  # noqa: F401  (registers the commands)
    compare_cmd,
    extract_cmd,
    group_cmd,
    ingest_cmd,
    search_cmd,
    serve_cmd,
    show_cmd,
    stories_cmd,
)
from storyline.cli.app import app, run


def main() -> None:
    run()

__all__ = ["app", "main"]
