"""HTML pages via trafilatura: main text, title, date, site name and language, boilerplate dropped.

``fast=True`` (no fallback extractors) is ~3x quicker and finds the body on ordinary article pages;
when it finds nothing we retry once with the fallbacks (readability, jusText) before giving up.
"""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from storyline.lang.calendar import month_number
from storyline.model import Article, ReadError
from storyline.read._common import decode, iso_date, make_article, outlet_from_url
from storyline.read._deep_html import deep_html_text

if TYPE_CHECKING:
    from trafilatura.settings import Document

MIN_WORDS = 5  # less is a menu item or a button label that the extractor fell back to, not an article


@lru_cache(maxsize=1)
def _trafilatura() -> ModuleType:
    import trafilatura  # imported lazily: it is the slowest import in the package

    return trafilatura


# A news page has a few thousand elements. The tree of a page with a million (14 MB of one-word
# <span>s) took lxml over a gigabyte, so a page with more tags than this is read as plain text by the
# event-based walker (_deep_html.py), in a tenth of the time and memory.
MAX_TREE_ELEMENTS = 200_000


def extract_html(html: str, url: str | None = None) -> Document | None:
    """trafilatura's Document for ``html`` (text + metadata), or None when no main text is found."""
    traf = _trafilatura()
    kwargs = dict(
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    for fast in (True, False):
        doc: Document | None
        try:
            doc = traf.bare_extraction(html, fast=fast, **kwargs)
        except Exception:  # noqa: BLE001 - a malformed page must not stop the batch
            doc = None
        if doc is not None and len((doc.text or "").split()) >= MIN_WORDS:
            return doc
    return None


def read_html(
    data: bytes | str,
    *,
    source: str,
    id: str | None = None,
    url: str | None = None,
    charset: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Article | ReadError:
    """One article from an HTML page."""
    meta = dict(meta or {})
    if isinstance(data, bytes):
        html, fallback = decode(data, declared=charset, html=True)
        if fallback:
            meta["encoding_fallback"] = fallback
    else:
        html = data
    if not html.strip():
        return ReadError(source, "empty HTML page", "check that the page was saved completely")
    crowded = html.count("<") > MAX_TREE_ELEMENTS
    doc = None if crowded else extract_html(html, url)
    if doc is None:
        deep = deep_html_text(html, any_depth=crowded)
        if deep is not None and len(deep[0].split()) >= MIN_WORDS:
            meta["extraction"] = ("plain text: the page has more elements than the HTML parser holds in bounded "
                                  "memory" if crowded else "plain text: the page nests deeper than the HTML parser reads")
            return make_article(deep[0], id=id or url or source, source=source, url=url, title=deep[1],
                                outlet=outlet_from_url(url), meta=meta, guess_title=not deep[1])
        return ReadError(
            source,
            "no article text found in the HTML",
            "the page may be an index, a paywall or built by JavaScript: save the article page itself",
        )
    page_url = url or doc.url
    if doc.sitename and "sitename" not in meta:
        meta["sitename"] = doc.sitename
    if doc.author:
        meta.setdefault("author", doc.author)
    return make_article(
        doc.text or "",  # never empty: extract_html returns only documents with text
        id=id or page_url or source,
        source=source,
        url=page_url,
        title=doc.title or None,
        outlet=outlet_from_url(page_url) or doc.sitename or doc.hostname or None,
        date=iso_date(doc.date),
        lang=doc.language or None,
        byline=_author(doc.author, doc.sitename),
        meta=meta,
        guess_title=not doc.title,
    )


def _author(author: str | None, sitename: str | None) -> str | None:
    """The author without the outlet and date pieces trafilatura may split out of a byline
    ("Staff; Valley Gazette; March" from "By Staff, Valley Gazette, March 11, 2026")."""
    if not author:
        return None
    parts = [p.strip() for p in author.split(";") if p.strip()]
    keep = [p for p in parts if p != sitename and month_number(p) is None and not any(c.isdigit() for c in p)]
    return "; ".join(keep) or None
