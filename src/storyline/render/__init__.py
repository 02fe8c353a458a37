"""Renderers: one Dossier, four views (terminal text, JSON, Markdown, self-contained HTML)."""

from __future__ import annotations

from storyline.model import Dossier

__all__ = ["render", "FORMATS", "format_for_path"]

FORMATS = ("text", "json", "markdown", "html")
_EXTENSIONS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
               ".txt": "text"}


def format_for_path(path: str) -> str | None:
    """The format a file name implies ("out/dossier.html" -> "html"), or None."""
    lower = path.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return None


def render(dossier: Dossier, fmt: str, *, width: int = 100) -> str:
    if fmt == "json":
        from storyline.render.json_out import to_json

        return to_json(dossier)
    if fmt == "markdown":
        from storyline.render.markdown import to_markdown

        return to_markdown(dossier)
    if fmt == "html":
        from storyline.render.html import to_html

        return to_html(dossier)
    if fmt == "text":
        from storyline.render.terminal import to_text

        return to_text(dossier, width=width)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
