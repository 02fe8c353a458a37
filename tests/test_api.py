"""The public surface is pinned, and the library never imports the CLI or the web layer."""

from __future__ import annotations

import ast
from pathlib import Path

import storyline

SRC = Path(storyline.__file__).resolve().parent


def test_public_names_are_exported():
    import storyline.group.cluster  # noqa: F401  (importing a submodule must not rebind storyline.group)

    for name in ("read", "extract", "analyze", "compare", "group", "Article", "Dossier", "ReadError"):
        assert name in storyline.__all__
        assert callable(getattr(storyline, name))  # a function or class, never a shadowing subpackage


def test_library_does_not_import_cli_or_web():
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        if rel.parts[0] in ("cli", "web") or rel.name == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                mods = [node.module]
            elif isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            else:
                continue
            for mod in mods:
                if mod.startswith(("storyline.cli", "storyline.web", "typer")):
                    offenders.append(f"{rel}: {mod}")
    assert offenders == []
