"""The Typer application object and what every command shares: error printing and exit codes.

Why the guards here: the promise is "one bad input never stops a batch and no traceback reaches the
reader". Readers and the pipeline turn bad files and analyser failures into ReadErrors; the library
raises its own failures as classes of ``storyline.errors``, which ``_Commands`` turns into one line
with the fix and an exit code, for every command at once; ``run`` turns any other exception into one line.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from storyline.cli.output import OUTPUT_FAILED, output_fix
from storyline.errors import StorylineError
from storyline.model import Article, Dossier, ReadError, with_unique_ids
from storyline.render.safe import one_line

if TYPE_CHECKING:
    from types import FrameType

    from typer._click.core import Context  # the click that typer ships

T = TypeVar("T")

EXIT_OK = 0
EXIT_SOME_FAILED = 1  # some inputs could not be read; the rest were processed
EXIT_NOTHING = 2  # no input could be processed (or a usage error)


class _Commands(TyperGroup):
    """Every command runs inside this: a storyline error becomes one line on stderr and exit code 2."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except StorylineError as exc:
            print_error(exc.line())
            raise typer.Exit(EXIT_NOTHING) from None
        except UsageError as exc:
            usage_error(exc)

    def make_context(self, info_name: str | None, args: list[str], parent: Context | None = None,
                     **extra: Any) -> Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as exc:  # an unknown option or a missing argument of `storyline` itself
            usage_error(exc)


def usage_error(exc: UsageError) -> NoReturn:
    """A mistyped command line as one line naming the command and where its help is, exit code 2
    (click draws a box of several lines; a script's log wants one)."""
    if isinstance(exc, NoArgsIsHelpError):  # no arguments at all: the help is the answer (rich has printed it)
        if exc.format_message():
            print(exc.format_message(), file=sys.stderr)
        raise typer.Exit(EXIT_NOTHING) from None
    command = exc.ctx.command_path if exc.ctx is not None else "storyline"
    print_error(f"{command}: {exc.format_message().rstrip('.')} (see '{command} --help')")
    raise typer.Exit(EXIT_NOTHING) from None


app = typer.Typer(
    name="storyline",
    help="Cross-check news coverage: quotes, numbers, dates and names across reports of one story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=_Commands,
)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it unwinds as from a Ctrl-C: the transaction in
    flight rolls back, the worker pool stops, and the same one line is printed."""


def _terminate(signum: int, frame: FrameType | None) -> NoReturn:
    raise Terminated


def interrupted_code(exc: KeyboardInterrupt) -> int:
    """The exit code after an interrupt: 130 for SIGINT (Ctrl-C), 143 for SIGTERM (128 + the signal,
    as a shell reports a process the signal killed)."""
    return 128 + (signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT)


def print_error(text: str) -> None:
    """One line on stderr; control characters in it (a file named "a\\nb.txt") shown as escapes."""
    print(f"storyline: error: {one_line(text)}", file=sys.stderr)


def report_error(error: ReadError) -> None:
    """One line on stderr per unreadable input: what, why, and what to try."""
    print_error(error.message())


def exit_code(n_ok: int, n_failed: int) -> int:
    if n_ok == 0 and n_failed > 0:
        return EXIT_NOTHING
    return EXIT_SOME_FAILED if n_failed else EXIT_OK


def extract_each(inputs: Iterable[str] | str, **options: Any) -> Iterator[Article | ReadError]:
    """``storyline.pipeline.extract`` (imported when a command first needs it: a fast ``--help``),
    with a warning on stderr for each report analysed only in part (``--max-chars``)."""
    from storyline.pipeline import extract

    return warn_partly_analysed(extract(inputs, **options))


def warn_partly_analysed(items: Iterable[T]) -> Iterator[T]:
    """``items``, with a warning on stderr for each report analysed only in part (``--max-chars``);
    an item is an Article or carries one (storyline.pipeline.Prepared)."""
    for item in items:
        article = item if isinstance(item, Article) else getattr(item, "article", None)
        if isinstance(article, Article) and "analysed_chars" in article.meta:
            print(f"storyline: warning: {one_line(article.source or article.id)}: only the first "
                  f"{article.meta['analysed_chars']:,} of its {len(article.text):,} characters were analysed (the "
                  "text is kept whole; raise the limit with --max-chars)", file=sys.stderr)
        yield item


def run(argv: list[str] | None = None) -> None:
    """Run the app; an unexpected exception becomes one line on stderr and exit code 2, not a
    traceback (set STORYLINE_DEBUG=1 to see the traceback)."""
    for stream in (sys.stdout, sys.stderr):  # a name that is not UTF-8 prints as escapes, never crashes
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        try:
            app(args=argv, prog_name="storyline")
        finally:
            sys.stdout.flush()  # a full disk behind stdout shows here, where it can be told, not at exit
    except KeyboardInterrupt as exc:
        print("storyline: interrupted", file=sys.stderr)
        sys.exit(interrupted_code(exc))
    except BrokenPipeError:  # `storyline ... | head`: the reader has gone; not an error
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        finally:
            sys.exit(EXIT_OK)
    except OSError as exc:
        if exc.errno not in OUTPUT_FAILED:
            _internal_error(exc)
        print_error(f"cannot write the output: {exc.strerror} ({output_fix(exc, 'check where the output goes')})")
        _silence_stdout()
        sys.exit(EXIT_NOTHING)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        _internal_error(exc)


def _internal_error(exc: Exception) -> NoReturn:
    """One line naming an unexpected exception, exit 2 (STORYLINE_DEBUG=1 re-raises it instead)."""
    if os.environ.get("STORYLINE_DEBUG"):
        raise exc
    msg = " ".join(str(exc).split())[:200]
    print(f"storyline: error: internal error ({type(exc).__name__}: {msg}) (this is a storyline bug: "
          "please report it with the command and its inputs; STORYLINE_DEBUG=1 shows the traceback)",
          file=sys.stderr)
    sys.exit(EXIT_NOTHING)


def _silence_stdout() -> None:
    """Point stdout at /dev/null: what is still buffered for a full disk is dropped at exit, quietly."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def collect_articles(items: Iterable[Article | ReadError]) -> tuple[list[Article], list[ReadError]]:
    """Split read items into articles and errors, reporting each error on stderr as it comes.

    Two inputs that carry the same id both stay: the later ones get "#2", "#3", so that every input
    appears once in the output.
    """
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in items:
        if isinstance(item, ReadError):
            errors.append(item)
            report_error(item)
        else:
            articles.append(item)
    return with_unique_ids(articles), errors


def warn_not_compared(dossier: Dossier) -> None:
    """Say on stderr when a dossier left reports out (``--max-reports``)."""
    left = dossier.method.get("not_compared") or []
    if left:
        print(f"storyline: warning: {len(left):,} reports were not cross-checked: a dossier compares the first "
              f"{len(dossier.articles):,} (raise the limit with --max-reports; memory grows with the square of "
              "the sentences)", file=sys.stderr)
