"""The layers stay apart: the store stores (it imports neither grouping nor the cross-check), grouping
does not import the cross-check, and the store still offers what incremental grouping asks of it."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import storyline

SRC = Path(storyline.__file__).resolve().parent


def _imports(package: str) -> list[tuple[str, str]]:
    """(file, imported module) for every import under ``storyline/<package>``, those inside
    functions included (a lazy import is a dependency all the same)."""
    out = []
    for path in sorted((SRC / package).rglob("*.py")):
        rel = str(path.relative_to(SRC))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolve against the file's package
                    base = ["storyline", *path.relative_to(SRC).parent.parts]
                    base = base[: len(base) - node.level + 1]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                out.append((rel, mod))
                out.extend((rel, f"{mod}.{a.name}") for a in node.names)  # from storyline import group
            elif isinstance(node, ast.Import):
                out.extend((rel, a.name) for a in node.names)
    return out


def _offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted({f"{rel}: {mod}" for rel, mod in _imports(package)
                   if any(mod == f or mod.startswith(f + ".") for f in forbidden)})


def test_the_import_walk_sees_lazy_and_relative_imports(tmp_path, monkeypatch):
    pkg = tmp_path / "storyline" / "fake"
    pkg.mkdir(parents=True)
    (pkg / "a.py").write_text("def f():\n    from storyline.check import compare\n", encoding="utf-8")
    (pkg / "b.py").write_text("from ..group import group\n", encoding="utf-8")
    (pkg / "c.py").write_text("from storyline import check\n", encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.SRC", tmp_path / "storyline")
    assert _offenders("fake", ("storyline.check", "storyline.group")) == [
        "fake/a.py: storyline.check", "fake/a.py: storyline.check.compare", "fake/b.py: storyline.group",
        "fake/b.py: storyline.group.group", "fake/c.py: storyline.check"]


def test_store_imports_neither_group_nor_check():
    assert _offenders("store", ("storyline.group", "storyline.check")) == []


def test_group_does_not_import_check():
    assert _offenders("group", ("storyline.check",)) == []


STAGES = ("storyline.read", "storyline.analyze", "storyline.group", "storyline.check", "storyline.store",
          "storyline.render", "storyline.cli", "storyline.ingest", "storyline.pipeline")


def test_the_language_floor_imports_no_stage():
    assert _offenders("lang", STAGES) == []


def test_the_library_never_imports_the_cli():
    """Only the command line (and ``python -m storyline``) may import storyline.cli."""
    offenders = sorted({f"{rel}: {mod}" for rel, mod in _imports("") if not rel.startswith("cli/")
                        and rel != "__main__.py" and (mod == "storyline.cli" or mod.startswith("storyline.cli."))})
    assert offenders == []


def test_store_implements_the_grouping_index():
    """Store meets group.index.GroupingIndex: every method, with the same parameters (mypy checks
    the types where ``src/storyline/ingest.py`` passes a Store to incremental grouping)."""
    from storyline.group.index import GroupingIndex
    from storyline.store import Store

    wanted = [n for n, v in vars(GroupingIndex).items() if inspect.isfunction(v) and not n.startswith("_")]
    assert len(wanted) > 15
    for name in wanted:
        assert callable(getattr(Store, name, None)), f"Store lacks {name}"
        want = list(inspect.signature(getattr(GroupingIndex, name)).parameters)
        have = list(inspect.signature(getattr(Store, name)).parameters)
        assert have == want, (name, have, want)


def test_store_type_checks_as_a_grouping_index(tmp_path):
    """mypy agrees that a Store is a GroupingIndex (parameter and return types included)."""
    import os
    import subprocess
    import sys

    pytest.importorskip("mypy")
    probe = tmp_path / "probe.py"
    probe.write_text("from storyline.group.index import GroupingIndex\nfrom storyline.store import Store\n\n\n"
                     "def as_index(store: Store) -> GroupingIndex:\n    return store\n", encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(SRC.parent)}
    res = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--follow-imports=silent",
                          "--cache-dir", str(tmp_path / "cache"), str(probe)],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
