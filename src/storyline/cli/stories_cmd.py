"""``storyline stories``: list the stories in a store."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from storyline.cli.app import app
from storyline.cli.options import MOST_ROWS, DbOption, ListFormat, format_option

if TYPE_CHECKING:
    from storyline.store import Store


def open_store(db: str | None) -> Store:
    """The store for reading (a missing or unreadable one raises a StoreError naming the fix)."""
    from storyline.store import Store, default_path

    return Store(db or default_path(), readonly=True)


@app.command()
def stories(
    db: DbOption = None,
    format: Annotated[ListFormat, format_option("text or json.")] = ListFormat.text,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, max=MOST_ROWS,
                                                    help="Show at most N stories.")] = None,
    min_reports: Annotated[int, typer.Option("--min-reports", min=1, max=MOST_ROWS,
                                             help="Hide stories with fewer reports.")] = 1,
) -> None:
    """List stored stories: title, date span, number of reports, outlets and languages.

    Example: storyline stories --db news.db --min-reports 2
    """
    from storyline.store import list_stories

    with open_store(db) as store:
        rows = list_stories(store, limit=limit, min_reports=min_reports)
    if format is ListFormat.json:
        sys.stdout.write(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    if not rows:
        more = f" with {min_reports} or more reports" if min_reports > 1 else ""
        print(f"0 stories{more} in {store.path} (add reports with `storyline ingest INPUT --db {store.path}`)")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from storyline.render.safe import one_line

    table = Table(show_lines=False, box=None, pad_edge=False)
    for col in ("story", "reports", "dates", "title", "outlets", "languages"):
        table.add_column(col, overflow="fold")
    for r in rows:
        span = r.start if r.start == r.end else f"{r.start or '?'}..{r.end or '?'}"
        outlets = ", ".join(r.outlets[:4]) + (f" +{len(r.outlets) - 4}" if len(r.outlets) > 4 else "")
        cells = (r.id, str(r.reports), span or "-", (r.title or "")[:80], outlets, ",".join(r.languages))
        table.add_row(*(Text(one_line(cell)) for cell in cells))  # Text: a title's "[/]" is not markup
    Console(highlight=False).print(table)
    print(f"{len(rows)} stories")
