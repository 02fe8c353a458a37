"""Run every benchmark in bench/: each module ``bench/<name>.py`` that defines ``main(argv=None)``.

``python -m bench`` runs them all in name order; ``python -m bench extract_throughput other`` runs those
named. Adding a benchmark is adding a module with a ``main`` function: nothing to register.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
import time
from pathlib import Path


def discover() -> list[str]:
    here = Path(__file__).resolve().parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    known = discover()
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__.strip() + "\n\nbenchmarks: " + " ".join(known))
        return 0
    unknown = [a for a in argv if a not in known]
    if unknown:
        print(f"python -m bench: error: no benchmark named {', '.join(unknown)} (choose from: {' '.join(known)})",
              file=sys.stderr)
        return 2
    names = argv or known
    failed = []
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        run = getattr(module, "main", None)
        if run is None or not getattr(module, "BENCHMARK", True):
            continue  # a helper module (the corpus generator), not a benchmark
        print(f"=== bench.{name}", flush=True)
        t0 = time.perf_counter()
        try:
            # main(argv) gets an empty argument list (its defaults); a main() without parameters is called bare.
            run([]) if inspect.signature(run).parameters else run()
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
            if not (isinstance(exc, SystemExit) and not exc.code):
                failed.append(name)
                print(f"bench.{name} failed: {type(exc).__name__}: {exc}", flush=True)
        print(f"=== bench.{name} took {time.perf_counter() - t0:.1f} s\n", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
