"""``storyline group``: sort reports into stories without a store."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from storyline.cli.app import (
    EXIT_NOTHING,
    AllowPrivateOption,
    GroupMethod,
    InputsArgument,
    app,
    collect_articles,
    exit_code,
    readable_names,
)


class Format(StrEnum):
    json = "json"
    text = "text"


@app.command()
def group(
    inputs: InputsArgument,
    format: Annotated[Format, typer.Option("--format", "-f", help="json or text.")] = Format.json,
    allow_private: AllowPrivateOption = False,
    method: Annotated[GroupMethod, typer.Option(
        "--method", "-m",
        help="lexical (default, fast) or semantic (adds a multilingual topic model from the 'multilingual' "
             "extra; about 15 reports/s; falls back to lexical with a warning where it is not installed).",
    )] = GroupMethod.lexical,
) -> None:
    """Group reports into stories: one story per event (not per topic), across languages.

    Every input article lands in exactly one story.
    Example: storyline group corpus.jsonl --format json
    """
    from storyline.group import METHOD, METHODS
    from storyline.group import group as run_group
    from storyline.read import read

    # Grouping reads the text itself; the fact analyzers are not needed here.
    articles, errors = collect_articles(map(readable_names, read(inputs, allow_private=allow_private)))
    if not articles:
        print("storyline: error: no input could be read; nothing to group (check the paths)", file=sys.stderr)
        raise typer.Exit(EXIT_NOTHING)
    if method is GroupMethod.semantic:
        from storyline.group.topic import unavailable

        why = unavailable()
        if why:
            print(f"storyline: warning: {why}; grouping with the lexical method instead", file=sys.stderr)
            method = GroupMethod.lexical
    stories = run_group(articles, method=method.value)
    used = METHODS[method.value] if stories else METHOD
    if format is Format.json:
        out = {"method": used,
               "stories": [{"id": s.id, "title": s.title, "start": s.start, "end": s.end, "articles": s.articles}
                           for s in stories]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        for s in stories:
            span = f"{s.start or '?'}..{s.end or '?'}" if s.start != s.end else s.start
            print(f"{s.id}  {len(s.articles)} reports  {span or '-'}  {s.title or ''}")
            for a in s.articles:
                print(f"    {a}")
    raise typer.Exit(exit_code(len(articles), len(errors)))
