"""``storyline show``: the cross-check dossier of one stored story."""

from __future__ import annotations

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
    markdown = "markdown"
    html = "html"


@app.command()
def show(
    story: Annotated[str, typer.Argument(metavar="STORY", help="A story id from `storyline stories` (a unique prefix will do).")],
    db: DbOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="text, json, markdown or html.")] = Format.text,
) -> None:
    """Print the dossier of a stored story: corroborated claims, conflicts, drifted quotes, timeline.

    Example: storyline show s1a2b3c --db news.db --format markdown
    """
    from storyline.store import find_story, story_articles

    store = open_store(db)
    try:
        found = find_story(store, story)
        if found is None:
            print(f"storyline: error: {story}: no such story in {store.path} "
                  "(list them with `storyline stories`)", file=sys.stderr)
            raise typer.Exit(EXIT_NOTHING)
        articles = story_articles(store, found)
    except sqlite3.Error as exc:  # a damaged or half-written store
        store_error(store.path, exc)
        raise typer.Exit(EXIT_NOTHING) from None
    finally:
        store.close()
    from storyline.check import compare
    from storyline.render import render

    dossier = compare(articles)
    dossier.method.setdefault("story", found.id)
    dossier.method.setdefault("grouping", found.method)
    if format is Format.text:
        from rich.console import Console

        from storyline.render.terminal import render_to

        print(f"story {found.id}: {found.title or ''} ({len(articles)} reports)")
        render_to(Console(highlight=False, soft_wrap=False), dossier)
    else:
        sys.stdout.write(render(dossier, format.value))
