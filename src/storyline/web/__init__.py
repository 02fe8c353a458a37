"""``storyline serve``: a local web UI over a store (stories, a story's dossier, reports, outlets).

Why Starlette with Jinja2, served by uvicorn: Starlette is a small, well-kept ASGI toolkit with
routing, static files and a test client and nothing we would have to switch off (no ORM: the store
already speaks SQL); Jinja2 escapes every field by default (autoescape) and keeps the pages as
templates; uvicorn is the reference ASGI server. FastAPI would add request models we do not need;
Datasette would show tables, where a newsroom needs the dossier's findings.

The library never imports this package; it needs the ``web`` extra.
"""

from __future__ import annotations

from storyline.web.app import create_app

__all__ = ["create_app"]
