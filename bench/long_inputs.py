"""How long one huge input takes, and how much memory: a 20 MB text and a 14 MB page of tiny elements.

    python -m bench.long_inputs [--mb-text 20] [--mb-html 14] [--timeout 300]

Issue 12's bound: each is analysed (or refused) in under 60 s and 1 GB on 2 cores. Each run is
``storyline extract FILE --format json`` in a fresh process, timed with its peak memory; the baseline
in the same run is that process reading and cleaning the file without analysis (``--max-chars``
at its minimum), so the ratio is what analysis adds. The inputs are written by this script from our
own sentences: a report repeated (many names, numbers and quotations) and a page made of a million
one-word ``<span>`` elements.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPORT = (
    "Fire Chief Delia Marchetti said 60 firefighters from four stations fought the blaze in Port Alder on "
    "Tuesday, March 10.\n\n“We will not rest until every family knows what happened,” Mayor Tomas Ekwueme "
    "said. The warehouse held 14 tonnes of lithium, cobalt and nickel, according to Brenmoor Chemicals.\n\n"
)


def write_text(path: Path, mb: float) -> None:
    size = int(mb * 1_000_000)
    with path.open("w", encoding="utf-8") as fh:
        written = 0
        while written < size:
            fh.write(REPORT)
            written += len(REPORT.encode("utf-8"))


def write_tiny_elements(path: Path, mb: float) -> None:
    size = int(mb * 1_000_000)
    words = REPORT.split()
    with path.open("w", encoding="utf-8") as fh:
        fh.write("<!DOCTYPE html><html><head><title>Port Alder fire</title></head><body><article>")
        written, i = 0, 0
        while written < size:
            chunk = "".join(f"<span>{words[(i + k) % len(words)]} </span>" for k in range(1000))
            fh.write(chunk)
            written += len(chunk)
            i += 1000
        fh.write("</article></body></html>")


# A fresh parent per run: RUSAGE_CHILDREN's peak is the largest of every child a process has waited for.
_MEASURE = ("import resource, subprocess, sys; "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def run(path: Path, extra: list[str], timeout: float) -> tuple[float | None, float]:
    """(seconds or None when it ran past ``timeout``, peak MB) for one ``storyline extract``."""
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "storyline", "extract", str(path),
           "--format", "json", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the wrapper and the extract under it
        proc.communicate()
        return None, float("nan")
    return time.perf_counter() - start, int(out.strip() or 0) / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.long_inputs", description=__doc__.splitlines()[0])
    ap.add_argument("--mb-text", type=float, default=20)
    ap.add_argument("--mb-html", type=float, default=14)
    ap.add_argument("--timeout", type=float, default=300, help="seconds before a run is stopped")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        text, page = Path(tmp) / "long.txt", Path(tmp) / "tiny.html"
        write_text(text, args.mb_text)
        write_tiny_elements(page, args.mb_html)
        print(f"{'input':<28} {'read+clean (baseline)':>22} {'extract':>12} {'ratio':>6} {'peak MB':>8}  within 60 s, 1 GB")
        for name, path in ((f"{args.mb_text:g} MB text", text), (f"{args.mb_html:g} MB tiny elements", page)):
            base, _ = run(path, ["--max-chars", "1000"], args.timeout)
            full, peak = run(path, ["--max-mb", str(max(args.mb_text, args.mb_html) + 1)], args.timeout)
            shown = f"{full:.1f} s" if full is not None else f">{args.timeout:g} s"
            ratio = f"{full / base:.1f}" if full is not None and base else "-"
            ok = full is not None and full < 60 and peak < 1024
            print(f"{name:<28} {(f'{base:.1f} s' if base is not None else '-'):>22} {shown:>12} {ratio:>6} "
                  f"{peak:8.0f}  {'yes' if ok else 'NO'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
