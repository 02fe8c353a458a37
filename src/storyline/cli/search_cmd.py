"""``storyline search``: full-text search over the stored reports."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from storyline.cli.app import app
from storyline.cli.options import MOST_ROWS, DbOption, ListFormat, format_option
from storyline.cli.stories_cmd import open_store
from storyline.render.safe import one_line


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all required; word* for a prefix).")],
    db: DbOption = None,
    format: Annotated[ListFormat, format_option("text or json.")] = ListFormat.text,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=MOST_ROWS,
                                             help="Show at most N hits.")] = 20,
) -> None:
    """Find stored reports by their words, with a snippet and the story each belongs to.

    Example: storyline search "repo rate" --db news.db
    """
    from storyline.store import search as run_search
    from storyline.store.queries import MAX_TERMS, query_terms

    n_terms = len(query_terms(query))
    if n_terms > MAX_TERMS:
        print(f"storyline: note: the query has {n_terms} different words; searching for the first {MAX_TERMS} "
              "(every word is required, so a few distinctive ones find a report)", file=sys.stderr)
    with open_store(db) as store:
        hits = run_search(store, query, limit=limit)
    if format is ListFormat.json:
        sys.stdout.write(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2) + "\n")
        return
    for h in hits:
        where = " ".join(x for x in (h.outlet or "-", h.date) if x)
        print(one_line(f"{h.id}  [{where}]  story {h.story or '-'}"))
        if h.title:
            print(f"    {one_line(h.title)}")
        print("    " + one_line(" ".join(h.snippet.split())))
    print(f"{len(hits)} hits")
