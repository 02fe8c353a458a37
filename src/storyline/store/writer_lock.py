"""One writer at a time per store: an exclusive lock held for the whole of an ingest.

Why more than SQLite's own locking: an ingest is many transactions (batches of articles, then the
regrouping of what is pending), and regrouping reads the stories a moment before it replaces them.
Two ingests interleaving those transactions each replaced stories the other had just changed, and
left stories whose members were gone. Holding one lock for the whole ingest makes two concurrent
ingests run one after the other, which gives the same store as running them in sequence.

The lock is ``flock`` on a sidecar file (``<store>.lock``), not on the store file itself: SQLite
locks the store with POSIX record locks, which a process loses when it closes *any* descriptor of
that file, so opening and closing the store file here could drop SQLite's locks. The kernel drops a
``flock`` when its holder dies, so a killed ingest never leaves the store locked.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator

from storyline.errors import StoreBusy

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: SQLite's own locking is all there is
    fcntl = None  # type: ignore[assignment]

POLL_SECONDS = 0.2


def lock_path(store_path: str) -> str:
    return store_path + ".lock"


@contextlib.contextmanager
def writer_lock(store_path: str, *, wait: float | None = None,
                on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the store's writer lock for the block. Another writer holding it makes this wait (calling
    ``on_wait`` once, so a person can be told), forever with ``wait=None`` or at most ``wait``
    seconds, after which StoreBusy is raised."""
    if fcntl is None or store_path == ":memory:":
        yield
        return
    fd = os.open(lock_path(store_path), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, store_path, wait, on_wait)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, store_path: str, wait: float | None, on_wait: Callable[[], None] | None) -> None:
    deadline = None if wait is None else time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if deadline is not None and time.monotonic() >= deadline:
                raise StoreBusy("another storyline is writing to the store", subject=store_path) from None
            if not told and on_wait is not None:
                on_wait()
                told = True
            time.sleep(POLL_SECONDS)
