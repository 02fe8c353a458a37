"""Ingest: the one writer of a store. Analysed articles are stored in batched transactions, then the
pending ones are grouped into stories (storyline.group.incremental).

Why batches and "pending": an article is committed first and grouped afterwards, so a run killed at
any point keeps what it committed, and the next run groups it together with its own; a kill followed
by a rerun ends in the same store as one clean run. Reading and analysing come before (the items are
what ``storyline.pipeline.extract`` yields, or, from a cluster, ``storyline.pipeline.Prepared``
articles whose key, features and topic vector were computed where they were analysed).

Why one writer even on a cluster: SQLite has one writer at a time, and grouping must see the
articles in one order to give one answer; the writer takes them in input order, however many
partitions or workers prepared them, so the store cannot depend on either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from storyline.errors import map_store_errors
from storyline.group.features import Features, extract
from storyline.group.incremental import (
    claim_if_empty,
    refresh_if_outdated,
    regroup_other_methods,
    regroup_pending,
    switch_method,
)
from storyline.group.method import METHODS, check_method, resolve_method
from storyline.limits import MAX_ANALYSED_CHARS
from storyline.model import Article, ReadError
from storyline.store.db import Store, content_key
from storyline.store.writer_lock import writer_lock

if TYPE_CHECKING:
    from storyline.pipeline import Prepared

BATCH = 200  # articles per transaction: a kill loses at most this many, already-read ones


@dataclass
class IngestStats:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    stories: int = 0  # stories in the store after the run
    regrouped: int = 0  # articles whose grouping was (re)computed
    refreshed: int = 0  # articles whose features were recomputed: the store was grouped by another method
    previous_method: str | None = None  # that method (None if the store did not record it)
    method: str = ""  # the grouping method the regrouped stories were made with
    fallback: str = ""  # why the store's semantic method could not run (it was grouped lexically)
    kept_method: str = ""  # why the method asked for was not taken (its model cannot run here)
    errors: list[ReadError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = self.__dict__.copy()
        d["errors"] = [e.to_dict() for e in self.errors]
        return d


class Executor(Protocol):
    """Something that reads and prepares inputs elsewhere (storyline.distributed.DaskExecutor):
    ``prepare`` yields, in input order, what ``storyline.pipeline.prepare`` returns for them."""

    def prepare(self, inputs: Iterable[str], *, allow_private: bool, max_chars: int,
                topics: bool) -> Iterator[Prepared | ReadError]: ...


def ingest(
    store: Store,
    items: Iterable[Article | ReadError | Prepared],
    *,
    batch: int = BATCH,
    on_article: Callable[[Article, bool], None] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    on_grouping: Callable[[], None] | None = None,
    on_wait: Callable[[], None] | None = None,
    regroup: bool = True,
    method: str | None = None,
    wait: float | None = None,
) -> IngestStats:
    """Store ``items`` (from ``storyline.pipeline.extract``) and group the new articles. ``method``
    ("lexical" or "semantic") switches the store's grouping method, which regroups all of it; None
    keeps the one it has, and so does a switch to the semantic method where its model cannot run
    (``IngestStats.kept_method`` says why). ``on_grouping`` is called once everything is stored and
    grouping begins (a progress display says so). A failure of the store (disk full, locked, made
    read-only) is raised as a StoreError (storyline.errors); what was committed before it stays.

    One ingest writes to a store at a time (store/writer_lock.py): another one already writing
    makes this one wait until it is done (``on_wait`` is called once; ``wait`` seconds at most, then
    StoreBusy), so two ingests started together give the store that running them in turn gives."""
    if method is not None:
        check_method(method, auto=False)
    with map_store_errors(store.path), writer_lock(store.path, wait=wait, on_wait=on_wait):
        stats = _store_all(store, items, batch=batch, on_article=on_article, on_error=on_error, method=method)
        if regroup:
            if on_grouping:
                on_grouping()
            _group_stored(store, stats)
        else:
            stats.stories = store.count_stories()
        return stats


def ingest_inputs(
    store: Store,
    inputs: Iterable[str],
    *,
    allow_private: bool = False,
    workers: int = 1,
    max_chars: int = MAX_ANALYSED_CHARS,
    executor: Executor | None = None,
    **options: Any,
) -> IngestStats:
    """Read ``inputs`` (paths, directories, URLs), analyse each report (``workers`` processes; 0: one
    per core; at most ``max_chars`` characters of each) and ingest them: the whole read -> analyse ->
    store -> group path. With ``executor`` (storyline.distributed.DaskExecutor) reading, analysis and
    the per-article grouping work run there instead, and this process only writes and groups: the
    store is the same. ``options`` are ``ingest``'s."""
    from storyline.pipeline import prepare_each

    topics = wants_topics(store, options.get("method"))
    items: Iterable[Article | ReadError | Prepared]
    if executor is None:
        items = prepare_each(inputs, allow_private=allow_private, workers=workers, max_chars=max_chars, topics=topics)
    else:
        items = executor.prepare(inputs, allow_private=allow_private, max_chars=max_chars, topics=topics)
    return ingest(store, items, **options)


def wants_topics(store: Store, method: str | None = None) -> bool:
    """Whether an ingest into ``store`` (switching to ``method``, if given) will group with topic
    vectors: the store's method is semantic and its model can run here. A cluster computes them
    beside the features only then; otherwise the writer would not have stored them."""
    effective = store.grouping_method() if method is None else method
    if effective != "semantic":
        return False
    return not resolve_method("semantic").fallback


def _store_all(store: Store, items: Iterable[Article | ReadError | Prepared], *, batch: int,
               on_article: Callable[[Article, bool], None] | None, on_error: Callable[[ReadError], None] | None,
               method: str | None) -> IngestStats:
    """Store every new article in batches (switching the store's method first, if asked)."""
    stats = IngestStats()
    claim_if_empty(store)
    if method is not None and method != store.grouping_method():
        choice = resolve_method(method)
        if choice.fallback:  # no model: the store keeps the method it can run, and says why
            stats.kept_method = choice.reason
        else:
            switch_method(store, method)
    buffer: list[tuple[str, Article, Features]] = []
    topics: list[tuple[str, str, Any]] = []  # prepared topic vectors of the buffered articles
    keep_topics = store.grouping_method() == "semantic"
    seen: set[str] = set()  # keys in the buffer: once stored, store.has answers for them

    def flush() -> None:
        if buffer:
            stats.new += store.add_articles(buffer)
            buffer.clear()
            seen.clear()
        if topics:  # after their articles: a kill in between only costs recomputing them
            store.add_topics(topics)
            topics.clear()

    for item in items:
        if isinstance(item, ReadError):
            stats.failed += 1
            stats.errors.append(item)
            if on_error:
                on_error(item)
            continue
        article = item if isinstance(item, Article) else item.article
        stats.read += 1
        key = content_key(article) if isinstance(item, Article) else item.key
        is_new = key not in seen and not store.has(key)
        if is_new:
            seen.add(key)
            if isinstance(item, Article):
                buffer.append((key, article, extract(article)))
            else:
                buffer.append((key, article, item.features))
                if keep_topics and item.topic is not None:
                    topics.append((key, METHODS["semantic"], item.topic))
            if len(buffer) >= batch:
                flush()
        else:
            stats.duplicate += 1
        if on_article:
            on_article(article, is_new)
    flush()
    return stats


def group_stored(store: Store, stats: IngestStats) -> None:
    """After storing: bring an older store's features up to date, group what is pending, count the
    stories. Callers that store with ``regroup=False`` (to show progress first) call this after."""
    with map_store_errors(store.path), writer_lock(store.path):
        _group_stored(store, stats)


def _group_stored(store: Store, stats: IngestStats) -> None:
    stats.refreshed, stats.previous_method = refresh_if_outdated(store)
    regroup_other_methods(store)
    done = regroup_pending(store)
    stats.regrouped, stats.method, stats.fallback = done.articles, done.method, done.fallback
    stats.stories = store.count_stories()
