"""Dispatcher: ``python -m eval NAME [ARGS...]`` runs ``eval/NAME.py``'s ``main(argv)``.

With no NAME it runs every evaluation in turn. A new evaluation is a new module with a ``main``;
nothing here needs to change.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).resolve().parent
    names = []
    for info in pkgutil.iter_modules([str(here)]):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"eval.{info.name}")
        if callable(getattr(mod, "main", None)):
            names.append(info.name)
    return sorted(names)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = available()
    if argv and argv[0] in ("-h", "--help"):
        print("usage: python -m eval [NAME [ARGS...]]\navailable: " + ", ".join(names))
        return 0
    if not argv:
        worst = 0
        for name in names:
            print(f"== eval {name} ==")
            worst = max(worst, int(importlib.import_module(f"eval.{name}").main([]) or 0))
            print()
        return worst
    name, rest = argv[0], argv[1:]
    if name not in names:
        print(f"eval: no evaluation named {name!r} (available: {', '.join(names)})", file=sys.stderr)
        return 2
    return int(importlib.import_module(f"eval.{name}").main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
