"""The options and output formats that several commands share, defined once.

Why here: the same ``--db``, ``--format`` or ``--method`` must read the same in every command's
``--help``; a copy per command drifts.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

# Upper bounds for counts on the command line: beyond them a number is a typo (SQLite cannot even
# hold 1e20), and typer reports it as a usage error (exit 2) instead of an internal error.
MOST_ROWS = 1_000_000_000  # --limit, --min-reports, --batch
MOST_WORKERS = 256  # --workers: each one is a process
MOST_MB = 1_000_000  # --max-mb: a terabyte


class ListFormat(StrEnum):
    """Records as a readable listing or as JSON."""

    text = "text"
    json = "json"


class DossierFormat(StrEnum):
    """The formats a dossier renders to (storyline.render)."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class SimilarityMethod(StrEnum):
    """How compare aligns sentences (storyline.check.compare's ``method``)."""

    auto = "auto"
    lexical = "lexical"
    embeddings = "embeddings"


class GroupingChoice(StrEnum):
    """How group sorts reports into stories (storyline.group's ``method``); auto decides by the input."""

    auto = "auto"
    lexical = "lexical"
    semantic = "semantic"
    learned = "learned"


class StoreGroupingMethod(StrEnum):
    """The grouping methods a store can record (auto is not one: a store keeps one method)."""

    lexical = "lexical"
    semantic = "semantic"
    learned = "learned"


InputsArgument = Annotated[
    list[str], typer.Argument(metavar="INPUT...", help="Files, directories or http(s) URLs.")
]
AllowPrivateOption = Annotated[
    bool, typer.Option("--allow-private", help="Let URLs reach local or private network addresses.")
]
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="The SQLite store (default: $STORYLINE_DB, else ./storyline.db).",
                 show_default=False),
]


def format_option(help: str) -> typer.models.OptionInfo:
    """``--format/-f`` with a command's own help text (the choices come from the enum)."""
    option: typer.models.OptionInfo = typer.Option("--format", "-f", help=help)  # typed Any, to pass as a default
    return option


MaxCharsOption = Annotated[
    int,
    typer.Option("--max-chars", min=1_000, max=MOST_ROWS,
                 help="Characters of one report that are analysed; past them the report is kept whole "
                      "but only its opening is analysed, with a warning."),
]

MaxReportsOption = Annotated[
    int,
    typer.Option("--max-reports", min=2, max=MOST_ROWS,
                 help="Reports cross-checked in one dossier (memory grows with the square of their "
                      "sentences); past them the rest are listed, not cross-checked, with a warning."),
]

DaskOption = Annotated[
    str | None,
    typer.Option("--dask", metavar="ADDRESS|local", show_default=False,
                 help="Read and analyse on a Dask cluster: 'local' starts one worker per core here, an "
                      "address (tcp://host:8786) joins a running `dask scheduler`; this process writes "
                      "the store and groups. Needs the 'dask' extra. The store is the same as without."),
]
PartitionsOption = Annotated[
    int | None,
    typer.Option("--partitions", min=1, max=MOST_ROWS, show_default=False,
                 help="With --dask: cut the inputs into about this many tasks (default: pieces of "
                      "about 4 MB of JSONL; every other input is one task)."),
]
