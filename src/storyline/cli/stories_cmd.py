"""``storyline stories``: list the stories in a store."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.app import EXIT_NOTHING, app, store_error
from storyline.cli.ingest_cmd import DbOption


class Format(StrEnum):
    text = "text"
    json = "json"


def open_store(db: str | None):
    """The store for reading, or a one-line error and exit when it is missing or unreadable."""
    from storyline.store import Store, default_path

    path = db or default_path()
    if not Path(path).exists():
        print(f"storyline: error: {path}: no such store (run `storyline ingest INPUT --db {path}` first, "
              "or pass --db)", file=sys.stderr)
        raise typer.Exit(EXIT_NOTHING)
    try:
        return Store(path, readonly=True)
    except Exception as exc:  # not SQLite, someone else's database, a directory, no permission
        store_error(path, exc)
        raise typer.Exit(EXIT_NOTHING) from None


@app.command()
def stories(
    db: DbOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Show at most N stories.")] = None,
    min_reports: Annotated[int, typer.Option("--min-reports", help="Hide stories with fewer reports.")] = 1,
) -> None:
    """List stored stories: title, date span, number of reports, outlets and languages.

    Example: storyline stories --db news.db --min-reports 2
    """
    from storyline.store import list_stories

    store = open_store(db)
    try:
        rows = list_stories(store, limit=limit, min_reports=min_reports)
    except Exception as exc:
        store_error(store.path, exc)
        raise typer.Exit(EXIT_NOTHING) from None
    finally:
        store.close()
    if format is Format.json:
        sys.stdout.write(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    if not rows:
        more = f" with {min_reports} or more reports" if min_reports > 1 else ""
        print(f"0 stories{more} in {store.path} (add reports with `storyline ingest INPUT --db {store.path}`)")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, box=None, pad_edge=False)
    for col in ("story", "reports", "dates", "title", "outlets", "languages"):
        table.add_column(col, overflow="fold")
    for r in rows:
        span = r.start if r.start == r.end else f"{r.start or '?'}..{r.end or '?'}"
        outlets = ", ".join(r.outlets[:4]) + (f" +{len(r.outlets) - 4}" if len(r.outlets) > 4 else "")
        table.add_row(r.id, str(r.reports), span or "-", (r.title or "")[:80], outlets, ",".join(r.languages))
    Console(highlight=False).print(table)
    print(f"{len(rows)} stories")
