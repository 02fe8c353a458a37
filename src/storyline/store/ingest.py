"""Ingest: store new articles in batched transactions, then group what is pending.

Why "pending": an article is committed first and grouped afterwards (``grouped = 0`` until then).
A run killed at any point leaves committed articles pending; the next run groups them together
with its own, so a kill followed by a rerun ends in the same stores as one clean run.
Incremental grouping regroups only the neighbourhood of the new articles: the stored articles that
share a blocking key with them, and every member of the stories those belong to.

A store groups with one method, recorded in it: lexical by default, or semantic (``--method
semantic``), whose topic vectors are computed once per article and kept in the ``topics`` table.
Switching the method regroups the whole store; where the semantic model is missing, the store is
grouped lexically for that run and says why (IngestStats.fallback).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from storyline.errors import UsageError, map_store_errors
from storyline.group import METHOD, METHODS, group_features, story_id
from storyline.group.blocking import MAX_POSTING, blocking_keys
from storyline.group.features import FIELDS, extract
from storyline.group.similarity import vectorize
from storyline.group.topic import topic_vectors, unavailable
from storyline.model import Article, ReadError, Story
from storyline.store.db import Store, content_key

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
    errors: list[ReadError] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = self.__dict__.copy()
        d["errors"] = [e.to_dict() for e in self.errors]
        return d


def ingest(
    store: Store,
    items: Iterable[Article | ReadError],
    *,
    batch: int = BATCH,
    on_article: Callable[[Article, bool], None] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    regroup: bool = True,
    method: str | None = None,
) -> IngestStats:
    """Store ``items`` (from ``storyline.pipeline.extract``) and group the new articles. ``method``
    ("lexical" or "semantic") switches the store's grouping method; None keeps the one it has.
    A failure of the store (disk full, locked, made read-only) is raised as a StoreError."""
    if method is not None and method not in METHODS:
        raise UsageError(f"unknown grouping method {method!r}: use one of {', '.join(METHODS)}")
    with map_store_errors(store.path):
        return _ingest(store, items, batch=batch, on_article=on_article, on_error=on_error, regroup=regroup,
                       method=method)


def _ingest(store: Store, items: Iterable[Article | ReadError], *, batch: int,
            on_article: Callable[[Article, bool], None] | None, on_error: Callable[[ReadError], None] | None,
            regroup: bool, method: str | None) -> IngestStats:
    stats = IngestStats()
    if method is not None and method != store.grouping_mode():
        store.set_grouping_mode(method)
    buffer: list = []
    seen: set[str] = set()

    def flush() -> None:
        if buffer:
            stats.new += store.add_articles(buffer)
            buffer.clear()

    for item in items:
        if isinstance(item, ReadError):
            stats.failed += 1
            stats.errors.append(item)
            if on_error:
                on_error(item)
            continue
        stats.read += 1
        key = content_key(item)
        is_new = key not in seen and not store.has(key)
        if is_new:
            seen.add(key)
            buffer.append((key, item, extract(item)))
            if len(buffer) >= batch:
                flush()
        else:
            stats.duplicate += 1
        if on_article:
            on_article(item, is_new)
    flush()
    if regroup:
        _group_stored(store, stats)
    else:
        stats.stories = store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    return stats


def group_stored(store: Store, stats: IngestStats) -> None:
    """After storing: bring an older store's features up to date, group what is pending, count the
    stories. Callers that store with ``regroup=False`` (to show progress first) call this after."""
    with map_store_errors(store.path):
        _group_stored(store, stats)


def _group_stored(store: Store, stats: IngestStats) -> None:
    stats.refreshed, stats.previous_method = refresh_if_outdated(store)
    regroup_other_methods(store)
    stats.regrouped = regroup_pending(store, stats)
    stats.stories = store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]


def _neighbourhood(store: Store, pending: list[str], n_docs: int) -> set[str]:
    feats = store.features(pending)
    tokens = sorted({t for _, f, _ in feats.values() for t in f.tokens})
    df = Counter(store.df(tokens))
    out = set(pending)
    for _, f, _ in feats.values():
        for tok in blocking_keys(vectorize(f, df, n_docs), df):
            hits = store.articles_with(tok, MAX_POSTING + 1)
            if len(hits) <= MAX_POSTING:
                out.update(hits)
    return out


def refresh_if_outdated(store: Store) -> tuple[int, str | None]:
    """If the store's features were made by another grouping method (an older storyline), recompute
    them from the stored reports so that old and new articles are compared alike; every article is
    then regrouped by regroup_pending. Returns (articles refreshed, the method recorded before)."""
    before = store.grouping_method()
    if before == METHOD:
        return 0, before
    n = store.replace_features(((key, extract(a)) for key, a in store.stored_articles(FIELDS)), METHOD)
    return n, before


def regroup_other_methods(store: Store) -> None:
    """Make every article pending where some story was made by another method than the store's and
    that method can run now: a semantic store grouped lexically while its model was missing is
    regrouped once the model is installed."""
    mode = store.grouping_mode()
    if mode == "semantic" and unavailable():
        return
    if store.has_stories_not_by(METHODS[mode]):
        store.set_grouping_mode(mode)  # records the same mode and makes every article pending


# Topic vectors are computed and committed in chunks of this many: a kill loses at most one chunk.
TOPIC_CHUNK = 256


def stored_topics(store: Store, keys: list[str]) -> list | None:
    """The topic vectors of ``keys``, in order, computing and storing those the store lacks; None
    where the model is not installed."""
    method = METHODS["semantic"]
    have = store.topics(keys, method)
    missing = [k for k in keys if k not in have]
    for i in range(0, len(missing), TOPIC_CHUNK):
        chunk = missing[i : i + TOPIC_CHUNK]
        arts = store.load_articles(chunk, ("id", "title", "text"))
        vecs = topic_vectors([arts[k] for k in chunk])
        if vecs is None:
            return None
        store.add_topics((k, method, v) for k, v in zip(chunk, vecs, strict=True))
        have.update(zip(chunk, vecs, strict=True))
    return [have[k] for k in keys]


def regroup_pending(store: Store, stats: IngestStats | None = None) -> int:
    """Group the pending articles with their stored neighbours, replacing the stories they touch,
    with the store's grouping method. Returns the number of articles regrouped; ``stats`` gets the
    method used (and why not the semantic one, where it fell back)."""
    pending = store.pending()
    if not pending:
        return 0
    n_docs = store.count_articles()
    if 2 * len(pending) >= n_docs:  # most of the store is new: regroup everything (same cost)
        scope = {r[0] for r in store.conn.execute("SELECT key FROM articles")}
        affected = {r[0] for r in store.conn.execute("SELECT id FROM stories")}
    else:
        scope = _neighbourhood(store, pending, n_docs)
        affected = store.stories_of(scope)
        scope.update(store.members(affected))
    feats = store.features(scope)
    # Same order as batch grouping: by the article's own id (then key, for equal ids).
    keys = sorted(feats, key=lambda k: (feats[k][0], k))
    tokens = sorted({t for k in keys for t in feats[k][1].tokens})
    df = Counter(store.df(tokens))
    topics = None
    if store.grouping_mode() == "semantic":
        why = unavailable()
        topics = None if why else stored_topics(store, keys)
        if topics is None and stats is not None:
            stats.fallback = why or "the semantic model could not embed the reports"
    used = METHODS["semantic"] if topics is not None else METHOD
    if stats is not None:
        stats.method = used
    clusters = group_features([feats[k][0] for k in keys], [feats[k][1] for k in keys], df=df, n_docs=n_docs,
                              topics=topics)
    titles = store.titles(keys)
    stories: list[tuple[Story, list[str]]] = []
    for members in clusters:
        mkeys = [keys[i] for i in members]
        days = sorted(feats[k][2][:10] for k in mkeys if feats[k][2])
        title = None
        for k in sorted(mkeys, key=lambda k: (feats[k][0], k)):
            _, t, first = titles.get(k, (None, None, None))
            title = t or title
            if t:
                break
        if title is None and mkeys:
            first = titles.get(sorted(mkeys, key=lambda k: (feats[k][0], k))[0], (None, None, ""))[2] or ""
            title = first.strip().splitlines()[0][:120] if first.strip() else None
        story = Story(id=story_id(mkeys), articles=sorted(mkeys), title=title, method=used,
                      start=days[0] if days else None, end=days[-1] if days else None)
        stories.append((story, story.articles))
    store.replace_stories(affected, stories, pending)
    return len(keys)
