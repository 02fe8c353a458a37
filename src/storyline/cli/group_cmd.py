"""``storyline group``: sort reports into stories without a store."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from storyline.cli.app import EXIT_NOTHING, app, collect_articles, exit_code, print_error
from storyline.cli.options import (
    AllowPrivateOption,
    GroupingChoice,
    InputsArgument,
    ListFormat,
    format_option,
)
from storyline.render.safe import one_line

# The semantic method embeds about 15 reports/s: from this many, a person watching is told how long.
SLOW_NOTICE = 150


@app.command()
def group(
    inputs: InputsArgument,
    format: Annotated[ListFormat, format_option("json or text.")] = ListFormat.json,
    allow_private: AllowPrivateOption = False,
    method: Annotated[GroupingChoice, typer.Option(
        "--method", "-m",
        help="lexical (fast), semantic (adds a multilingual topic model from the 'multilingual' extra; about "
             "15 reports/s), learned (a same-event pair model trained on labelled corpora; opt-in) or auto: "
             "semantic for at most 1,000 reports in several languages when the model is installed, else lexical.",
    )] = GroupingChoice.auto,
) -> None:
    """Group reports into stories: one story per event (not per topic), across languages.

    Every input article lands in exactly one story.
    Example: storyline group corpus.jsonl --format json
    """
    from storyline.group import METHODS, resolve_method
    from storyline.group import group as run_group
    from storyline.read import read

    # Grouping reads the text itself; the fact analyzers are not needed here.
    articles, errors = collect_articles(read(inputs, allow_private=allow_private))
    if not articles:
        print_error("no input could be read; nothing to group (check the paths)")
        raise typer.Exit(EXIT_NOTHING)
    choice = resolve_method(method.value, articles)
    if choice.fallback and method is GroupingChoice.semantic:
        print(f"storyline: warning: {choice.reason}; grouping with the lexical method instead", file=sys.stderr)
    elif choice.fallback:  # auto, several languages, few reports: the model would help
        print(f"storyline: note: {choice.reason}; grouped with the lexical method, which keeps fewer reports in "
              "other languages with their story", file=sys.stderr)
    chosen = choice.method
    if chosen == "semantic" and len(articles) >= SLOW_NOTICE and sys.stderr.isatty():
        print(f"storyline: grouping {len(articles)} reports with the semantic method takes about "
              f"{len(articles) // 15 + 1} s (--method lexical: about a second)", file=sys.stderr)
    stories = run_group(articles, method=chosen)
    used = stories[0].method if stories else METHODS[chosen]  # the method that ran (it may have fallen back)
    if format is ListFormat.json:
        out = {"method": used,
               "stories": [{"id": s.id, "title": s.title, "start": s.start, "end": s.end, "articles": s.articles}
                           for s in stories]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        for s in stories:
            span = f"{s.start or '?'}..{s.end or '?'}" if s.start != s.end else s.start
            print(one_line(f"{s.id}  {len(s.articles)} reports  {span or '-'}  {s.title or ''}"))
            for a in s.articles:
                print(f"    {one_line(a)}")
    raise typer.Exit(exit_code(len(articles), len(errors)))
