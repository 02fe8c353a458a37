"""``storyline show``: the cross-check dossier of one stored story."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from storyline.cli.app import EXIT_NOTHING, app, print_error, warn_not_compared
from storyline.cli.options import DbOption, DossierFormat, MaxReportsOption, format_option
from storyline.cli.stories_cmd import open_store
from storyline.limits import MAX_REPORTS
from storyline.render.safe import one_line


@app.command()
def show(
    story: Annotated[str, typer.Argument(metavar="STORY", help="A story id from `storyline stories` (a unique prefix will do).")],
    db: DbOption = None,
    max_reports: MaxReportsOption = MAX_REPORTS,
    format: Annotated[DossierFormat, format_option("text, json, markdown or html.")] = DossierFormat.text,
) -> None:
    """Print the dossier of a stored story: corroborated claims, conflicts, drifted quotes, timeline.

    Example: storyline show s1a2b3c --db news.db --format markdown
    """
    from storyline.store import find_story, story_articles

    with open_store(db) as store:
        found = find_story(store, story)
        if found is None:
            print_error(f"{story}: no such story in {store.path} (list them with `storyline stories`)")
            raise typer.Exit(EXIT_NOTHING)
        articles = story_articles(store, found)
    from storyline.check import compare
    from storyline.render import render

    dossier = compare(articles, max_reports=max_reports)
    warn_not_compared(dossier)
    dossier.method.setdefault("story", found.id)
    dossier.method.setdefault("grouping", found.method)
    if format is DossierFormat.text:
        from rich.console import Console

        from storyline.render.terminal import render_to

        print(one_line(f"story {found.id}: {found.title or ''} ({len(articles)} reports)"))
        render_to(Console(highlight=False, soft_wrap=False), dossier)
    else:
        sys.stdout.write(render(dossier, format.value))
