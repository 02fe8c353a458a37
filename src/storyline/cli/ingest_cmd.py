"""``storyline ingest``: read inputs into the SQLite store and group new articles into stories."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from storyline.cli.app import (
    EXIT_NOTHING,
    app,
    exit_code,
    interrupted_code,
    print_error,
    report_error,
    warn_partly_analysed,
)
from storyline.cli.options import (
    MOST_ROWS,
    MOST_WORKERS,
    AllowPrivateOption,
    DaskOption,
    DbOption,
    InputsArgument,
    MaxCharsOption,
    PartitionsOption,
    StoreGroupingMethod,
)
from storyline.errors import StoreError
from storyline.limits import MAX_ANALYSED_CHARS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.progress import Progress

    from storyline.distributed import DaskExecutor


@app.command()
def ingest(
    inputs: InputsArgument,
    db: DbOption = None,
    allow_private: AllowPrivateOption = False,
    max_chars: MaxCharsOption = MAX_ANALYSED_CHARS,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=0, max=MOST_WORKERS, help="Processes that analyse reports in "
                                         "parallel (0: one per CPU core; 1: none).")] = 0,
    batch: Annotated[int, typer.Option("--batch", min=1, max=MOST_ROWS, help="Articles per transaction (a kill loses at most "
                                       "one batch, which a rerun reads again).")] = 200,
    method: Annotated[StoreGroupingMethod | None, typer.Option(
        "--method", "-m", show_default=False,
        help="Group the store with lexical (fast), semantic (adds a multilingual topic model from the "
             "'multilingual' extra, about 15 reports/s) or learned (a same-event pair model trained on "
             "labelled corpora; opt-in); switching regroups the whole store. "
             "Default: the method the store already uses (lexical for a new one).",
    )] = None,
    dask: DaskOption = None,
    partitions: PartitionsOption = None,
) -> None:
    """Store reports with their facts and group them into stories (same event, any language).

    Re-ingesting the same report is a no-op; an interrupted run keeps what it committed and a rerun
    resumes. Example: storyline ingest feed.xml crawl.warc corpus.jsonl --db news.db
    """
    from storyline.ingest import ingest, wants_topics
    from storyline.pipeline import prepare_each
    from storyline.store import Store, default_path

    if partitions is not None and dask is None:
        print_error("--partitions works with --dask only (add --dask local, or drop --partitions)")
        raise typer.Exit(EXIT_NOTHING)
    cluster = _cluster(dask, partitions)
    started = contextlib.ExitStack()
    if cluster is not None:  # reached (or started) before the store is made: no empty store if it fails
        started.enter_context(cluster)
    path = db or default_path()
    created = not os.path.exists(path)
    try:
        store = Store(path)  # one that cannot be opened raises a StoreError: one line, exit 2
    except BaseException:
        started.close()
        raise
    progress = _progress()
    try:
        with started, store, progress or contextlib.nullcontext():
            topics = wants_topics(store, method.value if method else None)
            if cluster is None:  # analysis, keys, features (and topics) in a pool of `workers` processes
                items: Iterable[Any] = warn_partly_analysed(prepare_each(
                    inputs, allow_private=allow_private, workers=workers, max_chars=max_chars,
                    topics=topics))
            else:
                items = warn_partly_analysed(cluster.prepare(
                    inputs, allow_private=allow_private, max_chars=max_chars,
                    topics=topics))
            stats = ingest(store, items, batch=batch, method=method.value if method else None, on_error=report_error,
                           on_wait=lambda: print(f"storyline: another storyline is writing to {path}; "
                                                 "waiting for it to finish", file=sys.stderr),
                           **_progress_callbacks(progress))
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM (storyline.cli.app.Terminated)
        print("storyline: interrupted; committed articles are kept, run the same command again to resume",
              file=sys.stderr)
        raise typer.Exit(interrupted_code(exc)) from None
    except StoreError as exc:  # disk full, store locked or made read-only mid-run
        print_error(exc.line())
        print("storyline: committed articles are kept; fix that and run the same command again to resume",
              file=sys.stderr)
        raise typer.Exit(EXIT_NOTHING) from None
    if stats.kept_method:
        print(f"storyline: warning: {stats.kept_method}; the store keeps its grouping method", file=sys.stderr)
    if stats.refreshed:
        print(f"storyline: the store was grouped with {stats.previous_method or 'an older method'}; the features "
              f"of its {stats.refreshed} articles were recomputed and all were regrouped", file=sys.stderr)
    if stats.fallback:
        print(f"storyline: warning: the store groups with the semantic method, but {stats.fallback}; "
              "grouped with the lexical method this time", file=sys.stderr)
    if created and stats.read == 0:
        _remove_store(path)  # nothing was read: leave no empty store behind
    if json_summary:
        d = stats.to_dict()
        d["db"] = path
        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    else:
        print(f"{stats.read} articles read: {stats.new} new, {stats.duplicate} duplicate, {stats.failed} failed; "
              f"{stats.stories} stories in {path}")
    if stats.read == 0 and stats.failed == 0:
        print("storyline: error: the inputs held no articles (check the paths)", file=sys.stderr)
        raise typer.Exit(EXIT_NOTHING)
    raise typer.Exit(exit_code(stats.read, stats.failed))


def _cluster(address: str | None, partitions: int | None) -> DaskExecutor | None:
    """The Dask executor for ``--dask`` (None without it); a missing Dask is a one-line error with
    the install command (a UsageError, raised here before any store is created)."""
    if address is None:
        return None
    from storyline.distributed import DaskExecutor

    return DaskExecutor(address, partitions=partitions)


def _remove_store(path: str) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        with contextlib.suppress(OSError):
            os.remove(path + suffix)


def _progress_callbacks(progress: Progress | None) -> dict[str, Any]:
    """``ingest``'s on_article and on_grouping, advancing ``progress`` (none without a display)."""
    if progress is None:
        return {}
    task = progress.add_task("reading", total=None)
    return {"on_article": lambda article, new: progress.advance(task),
            "on_grouping": lambda: progress.update(task, description="grouping")}


def _progress() -> Progress | None:
    """A progress display on stderr, only for a person watching (stderr is a terminal)."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
                    TextColumn("articles"), TimeElapsedColumn(), console=Console(stderr=True), transient=True)
