"""Count the work a call does, for tests that check how the work grows with the input.

Why not time it: a test that asserts seconds fails on a busy machine (a 5 s limit took 16 s on a loaded
2-core box) and passes a quadratic regression on a fast one. The number of Python lines a call runs is
the same on any machine, however loaded, so ``work(4n) <= 5 * work(n)`` is a shape check that cannot
flake: linear code gives a ratio of at most 4, quadratic code about 16. It sees loops, comprehensions
and generators written in Python (where this project's quadratic bugs were); the work inside one C call
(a regex scan, ``str.find``) counts as one line, so a check that needs that must count it itself.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

LINEAR_BOUND = 5  # work(4n) / work(n): at most 4 for linear code, about 16 for quadratic code


def python_lines(call: Callable[[], Any]) -> int:
    """How many Python lines ``call()`` runs, in every function it calls (this thread only)."""
    count = 0

    def on_line(frame: FrameType, event: str, arg: Any) -> Callable | None:
        nonlocal count
        if event == "line":
            count += 1
        return on_line

    def on_call(frame: FrameType, event: str, arg: Any) -> Callable | None:
        return on_line

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


def growth(run: Callable[[int], Any], n: int) -> float:
    """work(4n) / work(n) for ``run(size)``; ``run(n)`` runs once first, so that caches filled on a
    first call do not count as work of the small input."""
    run(n)
    small = python_lines(lambda: run(n))
    large = python_lines(lambda: run(4 * n))
    assert small > 0, "nothing was counted: the call ran no Python code"
    return large / small
