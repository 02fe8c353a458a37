"""``storyline search``: full-text search over the stored reports."""

from __future__ import annotations

import json
import sqlite3
import sys
from enum import StrEnum
from typing import Annotated

import typer

from storyline.cli.app import EXIT_NOTHING, app, store_error
from storyline.cli.ingest_cmd import DbOption
from storyline.cli.stories_cmd import open_store


class Format(StrEnum):
    text = "text"
    json = "json"


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all required; word* for a prefix).")],
    db: DbOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most N hits.")] = 20,
) -> None:
    """Find stored reports by their words, with a snippet and the story each belongs to.

    Example: storyline search "repo rate" --db news.db
    """
    from storyline.store import search as run_search

    store = open_store(db)
    try:
        hits = run_search(store, query.replace("\0", " "), limit=limit)  # SQLite ends a string at NUL
    except sqlite3.OperationalError as exc:
        low = str(exc).lower()
        if any(w in low for w in ("locked", "busy", "disk", "malformed", "readonly", "unable to open")):
            store_error(store.path, exc)
        else:  # open_store has checked the store: what is left is the query
            print(f"storyline: error: {query!r}: the search could not be understood ({exc}) (try plain words)",
                  file=sys.stderr)
        raise typer.Exit(EXIT_NOTHING) from None
    except sqlite3.Error as exc:
        store_error(store.path, exc)
        raise typer.Exit(EXIT_NOTHING) from None
    finally:
        store.close()
    if format is Format.json:
        sys.stdout.write(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2) + "\n")
        return
    for h in hits:
        where = " ".join(x for x in (h.outlet or "-", h.date) if x)
        print(f"{h.id}  [{where}]  story {h.story or '-'}")
        if h.title:
            print(f"    {h.title}")
        print("    " + " ".join(h.snippet.split()))
    print(f"{len(hits)} hits")
