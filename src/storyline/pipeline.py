"""The extract stage: read inputs and analyse every article that could be read.

Analysis is pure per article, so it scales out behind one option: ``workers`` > 1 analyses in a
process pool while the calling process keeps reading. Output order is the input order either way,
so results do not depend on the number of workers. ``prepare`` goes one step further for a cluster
(storyline.distributed): it also computes what the writer would compute per article (its store key,
grouping features and, for the semantic method, topic vector), so the writer only writes and groups.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import itertools
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import Pool
from typing import TYPE_CHECKING, TypeVar

from storyline.analyze import analyze
from storyline.limits import MAX_ANALYSED_CHARS
from storyline.model import Article, ReadError
from storyline.read import DEFAULT_MAX_BYTES, read

if TYPE_CHECKING:
    import numpy as np

    from storyline.group.features import Features

T = TypeVar("T")
CHUNK = 8  # articles sent to a worker at a time: large enough to amortise pickling, small for latency
POOL_AFTER = 64  # the first articles are analysed here: small inputs never pay for starting a pool


def extract(
    inputs: Iterable[str] | str,
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = MAX_ANALYSED_CHARS,
    workers: int = 1,
) -> Iterator[Article | ReadError]:
    """Read ``inputs`` and analyse each article; ReadErrors pass through so the caller can report them.

    ``max_chars``: characters of one article that are analysed (the rest is kept, not analysed; the
    article's ``meta["analysed_chars"]`` says so). ``workers``: processes that analyse in parallel
    (1: in this process; 0: one per CPU core). The pool starts only once more than ``POOL_AFTER``
    items have come.
    """
    items = read([inputs] if isinstance(inputs, str) else inputs, allow_private=allow_private, max_bytes=max_bytes)
    yield from _each(functools.partial(analyze_item, max_chars=max_chars), items, resolve_workers(workers))


def prepare_each(
    inputs: Iterable[str] | str,
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = MAX_ANALYSED_CHARS,
    workers: int = 1,
    topics: bool = False,
) -> Iterator[Prepared | ReadError]:
    """``extract``, with each article's store key and grouping features computed by the worker that
    analysed it (``prepare_one``): what an ingest stores, so that its one writer only writes. With
    ``topics`` (the store groups with the semantic method) the workers also embed each article's
    topic text, one thread each: the model is nearly all of a semantic ingest's CPU, and there it
    runs beside the analysis on every core instead of in the writer after it."""
    items = read([inputs] if isinstance(inputs, str) else inputs, allow_private=allow_private, max_bytes=max_bytes)
    one = functools.partial(prepare_one, max_chars=max_chars, topics=topics)
    yield from _each(one, items, resolve_workers(workers))


def _each(one: Callable[[Article | ReadError], T], items: Iterable[Article | ReadError], n: int) -> Iterator[T]:
    """``one`` of every item, in order: here, or in a pool of ``n`` processes past the first items."""
    items = iter(items)
    if n <= 1:
        yield from map(one, items)
        return
    head = list(itertools.islice(items, POOL_AFTER))
    yield from map(one, head)
    if len(head) == POOL_AFTER:
        with _worker_pool(n) as pool:  # leaving the block, however, terminates the workers
            yield from pool.imap(one, items, chunksize=CHUNK)


# Ctrl-C reaches every process of a terminal's job, and a supervisor may signal the whole group.
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _worker_pool(n: int) -> Iterator[Pool]:
    """A pool whose workers leave Ctrl-C and SIGTERM to the calling process, which stops the pool
    (``Pool.terminate``) when it is done, and waits at most STOP_WAIT for that when it is interrupted.

    Without this each worker printed its own KeyboardInterrupt traceback, and a worker killed by a
    SIGTERM sent to the whole group could die holding the pool's queue lock, so that stopping the
    pool hung. So each worker moves to a process group of its own (signals to the job reach only the
    caller), ignores SIGINT, dies quietly on the SIGTERM the pool sends it, and on Linux is killed
    when the caller dies (a ``kill -9`` leaves no worker behind). The signals are blocked while the
    workers are forked, so that none arrives before a worker has set its handlers."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        pool = multiprocessing.get_context("fork").Pool(n, initializer=_leave_signals_to_the_parent)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    try:
        yield pool
    except BaseException:  # interrupted, failed, or closed before its end
        _terminate_within(pool, STOP_WAIT)
        raise
    pool.terminate()


STOP_WAIT = 10.0  # seconds an interrupted run waits for its pool to stop before it leaves it behind


def _terminate_within(pool: Pool, seconds: float) -> None:
    """Stop a pool that was interrupted mid-run, waiting at most ``seconds``.

    Why not plain ``Pool.terminate``: once in a while it waits forever on a queue lock that a worker
    held when it was stopped (most likely a worker writing a large result as the pool shut down), and an interrupted
    ingest then hung after printing its last line. Nothing of the pool is needed after an interrupt,
    so the stop runs in a daemon thread and is left behind if it has not finished in time; the workers
    die with this process anyway (PR_SET_PDEATHSIG) and multiprocessing's exit handler stops them."""
    stopper = threading.Thread(target=pool.terminate, name="storyline-pool-stop", daemon=True)
    stopper.start()
    stopper.join(seconds)


def _leave_signals_to_the_parent() -> None:
    os.setpgrp()
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (elsewhere: nothing to ask)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def resolve_workers(workers: int) -> int:
    return max(1, os.cpu_count() or 1) if workers <= 0 else workers


def analyze_item(item: Article | ReadError, max_chars: int = MAX_ANALYSED_CHARS) -> Article | ReadError:
    """Analyse one read item; an analyser bug becomes a ReadError for that article, not a dead batch."""
    if isinstance(item, ReadError):
        return item
    try:
        return analyze(item, max_chars=max_chars)
    except Exception as exc:  # noqa: BLE001 - one bad article must never stop a batch
        return ReadError(
            item.source or item.id,
            f"analysis failed ({type(exc).__name__}: {str(exc)[:120]})",
            "please report this input as a storyline bug; the other articles were processed",
        )


@dataclass
class Prepared:
    """An analysed article with what the writer stores beside it: its store key, its grouping
    features and (semantic method only) its topic vector. Each is the same pure function of the
    article that the writer would apply, so where they are computed cannot change the store."""

    article: Article
    key: str
    features: Features
    topic: np.ndarray | None = None


def prepare(items: Iterable[Article | ReadError], *, max_chars: int = MAX_ANALYSED_CHARS,
            topics: bool = False) -> list[Prepared | ReadError]:
    """Analyse ``items`` (``analyze_item``) and compute each article's key, features and, with
    ``topics``, topic vector (one batched model call for all of them; left None where the model
    cannot run, and the writer then falls back as it would have). In order; ReadErrors pass through."""
    from storyline.group.topic import topic_vectors

    out = [prepare_one(item, max_chars=max_chars) for item in items]
    done = [p for p in out if isinstance(p, Prepared)]
    vectors = topic_vectors([p.article for p in done]) if topics and done else None
    for p, vector in zip(done, vectors or [], strict=False):
        p.topic = vector
    return out


def prepare_one(item: Article | ReadError, max_chars: int = MAX_ANALYSED_CHARS,
                topics: bool = False) -> Prepared | ReadError:
    """``analyze_item``, then the article's store key and grouping features (as the writer makes them)
    and, with ``topics``, its topic vector (None where the model cannot run)."""
    from storyline.group.features import extract as features_of
    from storyline.group.topic import topic_vectors
    from storyline.store.db import content_key

    done = analyze_item(item, max_chars=max_chars)
    if isinstance(done, ReadError):
        return done
    prepared = Prepared(done, content_key(done), features_of(done))
    if topics:
        vectors = topic_vectors([done], single_thread=True)
        prepared.topic = vectors[0] if vectors else None
    return prepared
