"""The web application: routes, the JSON twin of every page, security headers, the store per thread.

Why a store per thread: SQLite connections belong to the thread that opened them, and Starlette runs
each page in a worker thread; every thread opens the store read-only once and keeps it. Writes (the
dossier cache, "recompute") exist only with ``allow_writes`` and go through a short-lived writer.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline.model import Article
from storyline.store import Store
from storyline.store.browse import article_key, outlet_coverage, stories_matching, story_listings, story_of
from storyline.web import pages
from storyline.web.dossiers import Dossiers, compute_dossier

HERE = Path(__file__).resolve().parent
LOOPBACK = ["127.0.0.1", "localhost", "::1", "[::1]"]
PAGES_KEPT = 32  # rendered story pages kept: a 70-report story's page takes ~100 ms to build

# No external assets, no inline script or style: the page's script and stylesheet are files this
# app serves; the timeline is inline SVG drawn with attributes, which the policy allows.
SECURITY_HEADERS = {
    "content-security-policy": ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response, pages, JSON, static files and errors alike."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def wants_json(request: Request, name: str) -> tuple[str, bool]:
    """The path parameter without a ".json" suffix, and whether the JSON twin is asked for (the suffix,
    or an Accept header that names JSON and not HTML)."""
    if name.endswith(".json"):
        return name[: -len(".json")], True
    accept = request.headers.get("accept", "")
    return name, "application/json" in accept and "text/html" not in accept


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


class Site:
    """The application's state: where the store is, whether it may write, the dossiers, templates."""

    def __init__(self, db: str, *, allow_writes: bool = False,
                 compute: Callable[[list[Article]], dict[str, Any]] = compute_dossier):
        self.db = db
        self.allow_writes = allow_writes
        self._local = threading.local()
        self.dossiers = Dossiers(self.store, self.writer if allow_writes else None, compute)
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True))
        self.env.globals["qs"] = lambda **kw: urlencode([(k, v) for k, v in kw.items() if v not in (None, "", [])],
                                                        doseq=True)
        self.env.globals["allow_writes"] = allow_writes
        self._pages: OrderedDict[tuple[str, ...], Response] = OrderedDict()
        self._pages_guard = threading.Lock()

    def store(self) -> Store:
        """This thread's read-only store (opened on first use, kept)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db, readonly=True)
            self._local.store = store
        return store

    def writer(self) -> Store:
        return Store(self.db)

    def page(self, request: Request, template: str, context: dict[str, Any], as_json: bool,
             status: int = 200) -> Response:
        if as_json:
            return JSONResponse(context, status_code=status)
        html = self.env.get_template(template).render(**context, request_path=request.url.path,
                                                       json_link=request.url.path + ".json"
                                                       + (f"?{request.url.query}" if request.url.query else ""))
        return HTMLResponse(html, status_code=status)

    def not_found(self, request: Request, what: str, as_json: bool) -> Response:
        return self.page(request, "error.html", {"error": f"{what} not found", "title": "Not found"}, as_json, 404)

    # --- pages ---------------------------------------------------------------------------------

    def home(self, request: Request) -> Response:
        return RedirectResponse("/stories", status_code=307)

    def health(self, request: Request) -> Response:
        return PlainTextResponse("ok")

    def no_icon(self, request: Request) -> Response:
        """Browsers ask for /favicon.ico on their own; "no content" keeps their consoles free of 404s."""
        return Response(status_code=204)

    def stories(self, request: Request) -> Response:
        _, as_json = wants_json(request, request.url.path)
        p = request.query_params
        f = {k: (p.get(k) or "").strip()[:200] for k in ("q", "lang", "outlet", "from", "to", "sort", "order")}
        nums = {k: _int(p.get(k)) for k in ("min_reports", "max_reports", "min_findings")}
        store = self.store()
        rows = story_listings(store)
        all_outlets = sorted({o for r in rows for o in r.outlets})
        all_langs = sorted({lang for r in rows for lang in r.languages})
        for r in rows:  # dossiers this process computed count too
            if r.findings is None:
                r.findings = self.dossiers.known_findings(r.id)
        hits = stories_matching(store, f["q"]) if f["q"] else None
        out = []
        for r in rows:
            if hits is not None and r.id not in hits:
                continue
            if f["lang"] and f["lang"] not in r.languages or f["outlet"] and f["outlet"] not in r.outlets:
                continue
            if f["from"] and (r.end or "") < f["from"] or f["to"] and (r.start or "9999") > f["to"]:
                continue
            if nums["min_reports"] is not None and r.reports < nums["min_reports"]:
                continue
            if nums["max_reports"] is not None and r.reports > nums["max_reports"]:
                continue
            if nums["min_findings"] is not None and (r.findings or 0) < nums["min_findings"]:
                continue
            out.append(r)
        keys: dict[str, Callable[[Any], Any]] = {
            "date": lambda r: (r.start or "", r.id), "size": lambda r: (r.reports, r.id),
            "findings": lambda r: (r.findings if r.findings is not None else -1, r.id),
            "title": lambda r: ((r.title or "").lower(), r.id)}
        if f["sort"] in keys:
            out.sort(key=keys[f["sort"]], reverse=f["order"] != "asc")
        context = {"title": "Stories", "filters": {**f, **{k: v for k, v in nums.items()}},
                   "options": {"lang": all_langs, "outlet": all_outlets},
                   "total": len(rows), "stories": [r.to_dict() for r in out],
                   "matches": hits or {}}
        return self.page(request, "stories.html", context, as_json)

    def story(self, request: Request) -> Response:
        ref, as_json = wants_json(request, request.path_params["story"])
        p = request.query_params
        found = self.dossiers.get(self.store(), ref)
        if found is None:
            return self.not_found(request, f"story {ref}", as_json)
        # The same page of the same content (signature) from the same place is built once.
        cache_key = (request.url.path, found.signature, found.source, str(as_json), str(sorted(p.multi_items())))
        with self._pages_guard:
            kept = self._pages.get(cache_key)
            if kept is not None:
                self._pages.move_to_end(cache_key)
                return Response(kept.body, status_code=kept.status_code, media_type=kept.media_type)
        story = {"id": found.story.id, "title": found.story.title, "start": found.story.start,
                 "end": found.story.end, "reports": len(found.story.articles), "method": found.story.method,
                 "dossier_from": found.source}
        filters = {k: (p.get(k) or "").strip()[:200] for k in ("kind", "outlet", "lang", "severity")}
        compare = [n for v in p.getlist("compare") if (n := _int(v)) is not None]
        context = pages.story_page(story, found.data, found.keys_by_id, filters=filters, compare=compare,
                                   finding=_int(p.get("finding")), show_all=p.get("all") == "1")
        context["title"] = found.story.title or found.story.id
        response = self.page(request, "story.html", context, as_json)
        with self._pages_guard:
            self._pages[cache_key] = response
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        return response

    def recompute(self, request: Request) -> Response:
        if not self.allow_writes:
            return PlainTextResponse("this server is read-only (start it with --allow-writes)", status_code=403)
        origin = request.headers.get("origin")
        if origin is not None and origin.split("://", 1)[-1] != request.headers.get("host"):
            return PlainTextResponse("cross-site request refused", status_code=403)
        found = self.dossiers.get(self.store(), request.path_params["story"], recompute=True)
        if found is None:
            return PlainTextResponse("no such story", status_code=404)
        return RedirectResponse(f"/stories/{found.story.id}", status_code=303)

    def report(self, request: Request) -> Response:
        ref, as_json = wants_json(request, request.path_params["key"])
        store = self.store()
        key = article_key(store, ref)
        article = store.article(key) if key else None
        if key is None or article is None:
            return self.not_found(request, f"report {ref}", as_json)
        record = article.to_dict()
        runs, counts = pages.marked_text(record)
        story_id = story_of(store, key)
        found = self.dossiers.get(store, story_id) if story_id else None
        dossier_id = next((i for i, k in (found.keys_by_id.items() if found else ()) if k == key), article.id)
        related = pages.relations(found.data if found else None, dossier_id, article.outlet,
                                  found.keys_by_id if found else {})
        context = {"title": article.title or article.id,
                   "report": {"key": key, "id": article.id, "title": article.title, "outlet": article.outlet,
                              "date": article.date, "lang": article.lang, "url": article.url, "source": article.source},
                   "story": {"id": story_id, "title": found.story.title if found else None,
                             "reports": len(found.story.articles) if found else 0} if story_id else None,
                   "facts": dict(counts), "runs": runs, "related": related}
        return self.page(request, "report.html", context, as_json)

    def outlets(self, request: Request) -> Response:
        _, as_json = wants_json(request, request.url.path)
        rows = [o.to_dict() for o in outlet_coverage(self.store())]
        return self.page(request, "outlets.html", {"title": "Outlets", "outlets": rows}, as_json)


def create_app(db: str, *, allow_writes: bool = False, allowed_hosts: list[str] | None = None,
               compute: Callable[[list[Article]], dict[str, Any]] = compute_dossier) -> Starlette:
    """The ASGI app over the store at ``db``. Only requests naming a loopback host (or one of
    ``allowed_hosts``) are answered: a web page elsewhere cannot reach the store through DNS rebinding."""
    site = Site(db, allow_writes=allow_writes, compute=compute)
    routes = [
        Route("/", site.home),
        Route("/healthz", site.health),
        Route("/favicon.ico", site.no_icon),
        Route("/stories", site.stories),
        Route("/stories.json", site.stories),
        Route("/stories/{story}", site.story),
        Route("/reports/{key}", site.report),
        Route("/outlets", site.outlets),
        Route("/outlets.json", site.outlets),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]
    if allow_writes:
        routes.append(Route("/stories/{story}/recompute", site.recompute, methods=["POST"]))
    hosts = LOOPBACK + list(allowed_hosts or [])
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders),
                                               Middleware(TrustedHostMiddleware, allowed_hosts=hosts)])
    app.state.site = site
    return app

