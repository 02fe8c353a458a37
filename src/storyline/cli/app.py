"""The Typer application object and what every command shares: error printing and exit codes.

Why the guards here: the promise is "one bad input never stops a batch and no traceback reaches the
reader". Readers and the pipeline turn bad files and analyser failures into ReadErrors; here names
that are not UTF-8 become printable, ``store_problem`` turns SQLite's terse errors into a line with a
fix, and ``run`` turns any other exception into one line.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from storyline.model import Article, ReadError

app = typer.Typer(
    name="storyline",
    help="Cross-check news coverage: quotes, numbers, dates and names across reports of one story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK = 0
EXIT_SOME_FAILED = 1  # some inputs could not be read; the rest were processed
EXIT_NOTHING = 2  # no input could be processed (or a usage error)

InputsArgument = Annotated[
    list[str], typer.Argument(metavar="INPUT...", help="Files, directories or http(s) URLs.")
]
AllowPrivateOption = Annotated[
    bool, typer.Option("--allow-private", help="Let URLs reach local or private network addresses.")
]


# Line breaks and other control characters (a file named "a\nb.txt") shown as escapes: one line per error.
_ONE_LINE = {c: f"\\x{c:02x}" for c in range(32)} | {10: "\\n", 13: "\\r", 9: "\\t"} | {
    c: f"\\u{c:04x}" for c in (0x85, 0x2028, 0x2029)}


def one_line(text: str) -> str:
    return text.translate(_ONE_LINE)


def report_error(error: ReadError) -> None:
    """One line on stderr per unreadable input: what, why, and what to try."""
    print(f"storyline: error: {one_line(error.message())}", file=sys.stderr)


def exit_code(n_ok: int, n_failed: int) -> int:
    if n_ok == 0 and n_failed > 0:
        return EXIT_NOTHING
    return EXIT_SOME_FAILED if n_failed else EXIT_OK


def printable(name: str) -> str:
    """A file name that can be printed and stored: bytes that are not UTF-8 (a Latin-1 "café.txt")
    become \\xe9 escapes instead of lone surrogates, which stdout and SQLite refuse."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return name.encode("utf-8", "backslashreplace").decode("utf-8")


def readable_names(item: Article | ReadError) -> Article | ReadError:
    """Make the names an input arrived under printable (see ``printable``)."""
    if isinstance(item, ReadError):
        item.input = printable(item.input)
    else:
        item.id = printable(item.id)
        if item.source:
            item.source = printable(item.source)
    return item


def extract_each(inputs: Iterable[str] | str, **options) -> Iterator[Article | ReadError]:
    """``storyline.pipeline.extract`` (which already turns an analyser failure into a ReadError for
    that article) with the input names made printable."""
    from storyline.pipeline import extract

    yield from map(readable_names, extract(inputs, **options))


def store_problem(path: str, exc: BaseException) -> str:
    """A one-line explanation, with a fix, of why the store at ``path`` cannot be used."""
    text = " ".join(str(exc).split())
    low = text.lower()
    if Path(path).is_dir():
        return (f"{path}: is a directory, not a store file "
                f"(pass a file path, e.g. --db {os.path.join(path, 'storyline.db')})")
    if "not a storyline store" in low:
        return f"{path}: {text} (choose another --db path; `storyline ingest INPUT --db NEW.db` creates a store)"
    if "file is not a database" in low or "no such table" in low:
        return (f"{path}: not a storyline store ({text}) "
                "(choose another --db path; `storyline ingest INPUT --db NEW.db` creates a store)")
    if "newer storyline" in low:
        return f"{path}: {text}"
    if "readonly" in low or "read-only" in low:
        return f"{path}: the store is read-only ({text}) (make it writable, or choose another --db path)"
    if "unable to open" in low or isinstance(exc, PermissionError):
        return (f"{path}: cannot open or create the store here ({text}; the folder may be missing or "
                "read-only) (choose another --db path in a writable folder)")
    if "locked" in low or "busy" in low:
        return f"{path}: the store is busy ({text}) (another storyline is writing; wait and run again)"
    if "disk" in low and ("full" in low or "i/o" in low) or "malformed" in low:
        return f"{path}: the store could not be used ({text}) (check the disk; copy the file elsewhere and retry)"
    if isinstance(exc, sqlite3.Error | OSError):
        return f"{path}: the store could not be used ({text}) (check the --db path)"
    return f"{path}: the store could not be used ({type(exc).__name__}: {text}) (check the --db path)"


def store_error(path: str, exc: BaseException) -> None:
    print(f"storyline: error: {one_line(store_problem(path, exc))}", file=sys.stderr)


def run(argv: list[str] | None = None) -> None:
    """Run the app; an unexpected exception becomes one line on stderr and exit code 2, not a
    traceback (set STORYLINE_DEBUG=1 to see the traceback)."""
    for stream in (sys.stdout, sys.stderr):  # a name that is not UTF-8 prints as escapes, never crashes
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app(args=argv, prog_name="storyline")
    except KeyboardInterrupt:
        print("storyline: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:  # `storyline ... | head`: the reader has gone; not an error
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        finally:
            sys.exit(EXIT_OK)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("STORYLINE_DEBUG"):
            raise
        msg = " ".join(str(exc).split())[:200]
        print(f"storyline: error: internal error ({type(exc).__name__}: {msg}) (this is a storyline bug: "
              "please report it with the command and its inputs; STORYLINE_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        sys.exit(EXIT_NOTHING)


def collect_articles(items: Iterable[Article | ReadError]) -> tuple[list[Article], list[ReadError]]:
    """Split read items into articles and errors, reporting each error on stderr as it comes.

    Two inputs that carry the same id both stay: the later ones get "#2", "#3", so that every input
    appears once in the output.
    """
    articles: list[Article] = []
    errors: list[ReadError] = []
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, ReadError):
            errors.append(item)
            report_error(item)
            continue
        seen[item.id] = seen.get(item.id, 0) + 1
        if seen[item.id] > 1:
            item.id = f"{item.id}#{seen[item.id]}"
        articles.append(item)
    return articles, errors
