"""The web layer sits beside the command line: only it (and the ``serve`` command) imports
storyline.web, and it never imports the cross-check at module level (a server starts without loading
it; the first dossier computed does)."""

from __future__ import annotations

import ast

from tests.test_layers import SRC, _imports


def test_the_library_never_imports_the_web_layer():
    offenders = sorted({f"{rel}: {mod}" for rel, mod in _imports("") if not rel.startswith(("web/", "cli/"))
                        and (mod == "storyline.web" or mod.startswith("storyline.web."))})
    assert offenders == []
    users = {rel for rel, mod in _imports("cli") if mod == "storyline.web" or mod.startswith("storyline.web.")}
    assert users == {"cli/serve_cmd.py"}


def test_the_web_layer_loads_the_checker_only_when_it_computes():
    for path in sorted((SRC / "web").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
        names = [getattr(n, "module", None) or "" for n in top] + [a.name for n in top for a in n.names]
        assert not any(m == "storyline.check" or m.startswith("storyline.check.") for m in names), path
