"""`python -m bench` runner: help and unknown names answer at once instead of a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.__main__ import discover, main  # noqa: E402


def test_help_lists_the_benchmarks(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "grouping_throughput" in out and "extract_throughput" in out


def test_an_unknown_benchmark_is_a_one_line_error(capsys):
    assert main(["extract_throughput", "no_such_bench"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no_such_bench" in err and "grouping_throughput" in err


def test_discover_skips_private_modules():
    names = discover()
    assert "grouping_throughput" in names and not any(n.startswith("_") for n in names)
