"""An interrupted analysis pool stops without waiting forever (storyline.pipeline._worker_pool)."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from storyline.pipeline import _terminate_within, _worker_pool


def _double(x: int) -> int:
    return 2 * x


def test_an_exception_inside_the_pool_stops_its_workers_and_propagates() -> None:
    with pytest.raises(KeyboardInterrupt), _worker_pool(2) as pool:
        assert list(pool.imap(_double, range(5))) == [0, 2, 4, 6, 8]
        workers = multiprocessing.active_children()
        assert len(workers) >= 2
        raise KeyboardInterrupt
    for p in workers:
        p.join(30)
        assert not p.is_alive()


def test_a_pool_that_will_not_stop_is_left_behind() -> None:
    release = threading.Event()

    class StuckPool:
        calls = 0

        def terminate(self) -> None:
            StuckPool.calls += 1
            release.wait()

    try:
        _terminate_within(StuckPool(), 0.05)  # type: ignore[arg-type]
        assert StuckPool.calls == 1
        stoppers = [t for t in threading.enumerate() if t.name == "storyline-pool-stop"]
        assert stoppers and all(t.daemon for t in stoppers)
    finally:
        release.set()
