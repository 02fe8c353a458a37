"""The extract stage: read inputs and analyse every article that could be read.

Analysis is pure per article, so it scales out behind one option: ``workers`` > 1 analyses in a
process pool while the calling process keeps reading. Output order is the input order either way,
so results do not depend on the number of workers.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator

from storyline.analyze import analyze
from storyline.model import Article, ReadError
from storyline.read import DEFAULT_MAX_BYTES, read

CHUNK = 8  # articles sent to a worker at a time: large enough to amortise pickling, small for latency
POOL_AFTER = 64  # the first articles are analysed here: small inputs never pay for starting a pool


def extract(
    inputs: Iterable[str] | str,
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int = 1,
) -> Iterator[Article | ReadError]:
    """Read ``inputs`` and analyse each article; ReadErrors pass through so the caller can report them.

    ``workers``: processes that analyse in parallel (1: in this process; 0: one per CPU core). The
    pool starts only once more than ``POOL_AFTER`` items have come.
    """
    if isinstance(inputs, str):
        inputs = [inputs]
    items = iter(read(inputs, allow_private=allow_private, max_bytes=max_bytes))
    n = resolve_workers(workers)
    if n <= 1:
        yield from map(analyze_item, items)
        return
    head = list(itertools.islice(items, POOL_AFTER))
    yield from map(analyze_item, head)
    if len(head) == POOL_AFTER:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            yield from pool.imap(analyze_item, items, chunksize=CHUNK)


def resolve_workers(workers: int) -> int:
    return max(1, os.cpu_count() or 1) if workers <= 0 else workers


def analyze_item(item: Article | ReadError) -> Article | ReadError:
    """Analyse one read item; an analyser bug becomes a ReadError for that article, not a dead batch."""
    if isinstance(item, ReadError):
        return item
    try:
        return analyze(item)
    except Exception as exc:  # noqa: BLE001 - one bad article must never stop a batch
        return ReadError(
            item.source or item.id,
            f"analysis failed ({type(exc).__name__}: {str(exc)[:120]})",
            "please report this input as a storyline bug; the other articles were processed",
        )
