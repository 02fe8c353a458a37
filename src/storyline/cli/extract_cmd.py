"""``storyline extract``: print every fact found in each input article."""

from __future__ import annotations

import json
import math
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from storyline.cli.app import EXIT_NOTHING, app, exit_code, extract_each, print_error, report_error
from storyline.cli.options import (
    MOST_MB,
    AllowPrivateOption,
    InputsArgument,
    ListFormat,
    MaxCharsOption,
    format_option,
)
from storyline.limits import MAX_ANALYSED_CHARS
from storyline.model import Article, Quote, ReadError
from storyline.read import DEFAULT_MAX_BYTES, printable_name
from storyline.render import safe


@app.command()
def extract(
    inputs: InputsArgument,
    format: Annotated[
        ListFormat, format_option("json: one record per article; text: a readable summary.")
    ] = ListFormat.text,
    allow_private: AllowPrivateOption = False,
    max_chars: MaxCharsOption = MAX_ANALYSED_CHARS,
    max_mb: Annotated[
        float, typer.Option("--max-mb", help="Size limit for one text/HTML/feed document, in MB.")
    ] = DEFAULT_MAX_BYTES / 1024 / 1024,
) -> None:
    """Read reports and print the facts found in each: quotes and speakers, numbers, dates, names.

    Example: storyline extract report.html feed.xml corpus.jsonl --format json
    """
    if not math.isfinite(max_mb) or not 0 < max_mb <= MOST_MB:
        print_error(f"--max-mb {max_mb}: not a size (give a positive number of MB up to {MOST_MB:,}, "
                    "e.g. --max-mb 50)")
        raise typer.Exit(EXIT_NOTHING)
    max_bytes = int(max_mb * 1024 * 1024)
    records: list[dict[str, Any]] = []
    console = Console(soft_wrap=True, highlight=False, file=sys.stdout)
    n_ok = n_failed = 0
    for given in inputs:
        for item in extract_each([given], allow_private=allow_private, max_bytes=max_bytes, max_chars=max_chars):
            if isinstance(item, ReadError):
                n_failed += 1
                report_error(item)
                continue
            n_ok += 1
            if format is ListFormat.json:
                records.append({**item.to_dict(), "input": printable_name(given)})
            else:
                shown = Article.from_dict(safe.printable(item.to_dict()))  # no escape sequence reaches the terminal
                _print_article(console, shown, safe.one_line(printable_name(given)))
    if format is ListFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(exit_code(n_ok, n_failed))


def _print_article(console: Console, art: Article, given: str) -> None:
    """A readable summary of one article's facts."""
    console.print(f"[bold]{escape(art.title or art.id)}[/bold]")
    info = [f"id: {art.id}"]
    if art.source not in (given, art.id):
        info.append(f"source: {art.source}")
    info.append(f"input: {given}")
    console.print(escape("  ".join(info)))
    meta = [f"outlet: {art.outlet or '-'}", f"date: {art.date or '-'}", f"lang: {art.lang or '-'}"]
    if art.dateline:
        meta.append(f"dateline: {art.dateline}")
    if art.byline:
        meta.append(f"byline: {art.byline}")
    console.print(escape("  ".join(meta)))
    if art.url:
        console.print(escape(f"url: {art.url}"))
    kinds = sorted({r.kind for r in art.removed})
    debris = f" ({', '.join(kinds)})" if kinds else ""
    console.print(escape(f"debris removed: {len(art.removed)}{debris}"))
    if art.summary:
        console.print(escape("summary: " + art.summary.replace("\n", " / ")))
    console.print(escape(f"sentences: {len(art.sentences)}"))
    _section(console, "quotes", [_quote_line(q) for q in art.quotes if q.kind != "mention"])
    mentions = [f"“{q.text}”" for q in art.quotes if q.kind == "mention"]
    if mentions:  # quoted terms and titles: nobody's speech, listed apart
        _section(console, "mentions", mentions)
    _section(console, "quantities", [
        q.text + (f" = {_number(q.normalized)}" if q.normalized is not None else "")
        + (f" -> {_number(q.normalized_to if q.normalized_to is not None else q.value_to)}"
           if q.value_to is not None else "")
        + f" [{q.kind}]"
        + (f" of {q.context}" if q.context else "")
        for q in art.quantities
    ])
    _section(console, "dates", [f"{d.text} -> {d.value or '?'}" for d in art.dates])
    names: dict[str, str] = {}
    for m in art.names:
        names.setdefault(m.canonical or m.text, m.type)
    _section(console, "names", [f"{n} [{t}]" for n, t in names.items()])
    _section(console, "attributions", [f"{a.source} [{a.kind}]" for a in art.attributions])
    console.print()


def _quote_line(q: Quote) -> str:
    said = f"“{q.text}”" if q.kind == "direct" else f"(indirect) {q.text}"
    who = q.speaker or "unattributed"
    if q.speaker_mention and q.speaker_mention != q.speaker:
        who += f" (from “{q.speaker_mention}”)"
    return f"{said} — {who}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _section(console: Console, name: str, lines: list[str]) -> None:
    console.print(f"{name}: {len(lines)}")
    for line in lines:
        console.print(escape(f"  - {line}"))
