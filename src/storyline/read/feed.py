"""RSS and Atom feeds: one article per entry, from its full content or else its summary.

feedparser gets the bytes (never a URL: fetching is the url reader's job, with its address checks).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from storyline.model import Article, ReadError
from storyline.read._common import make_article, outlet_from_url, usable_day

if TYPE_CHECKING:  # neither ships type hints: these name the objects for the reader, mypy sees Any
    from feedparser.util import FeedParserDict
    from lxml.html import HtmlElement

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article",
           "header", "footer", "ul", "ol", "table", "pre", "figure", "figcaption", "hr"}


def fragment_text(html: str) -> str:
    """Text of an HTML fragment, one line per block element (feed content is a fragment, not a page)."""
    from lxml import html as lhtml

    try:
        root = lhtml.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - unparsable markup: fall back to the raw string
        return html
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCKS:
            parts.append("\n")

    walk(root)
    return "".join(parts)


def _entry_text(entry: FeedParserDict) -> tuple[str, bool]:
    """(text, was_html) from the richest field an entry has."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return value, "html" in (content.get("type") or "html")
    detail = entry.get("summary_detail") or {}
    value = entry.get("summary") or ""
    return value, "html" in (detail.get("type") or "text/html")


def _entry_date(entry: FeedParserDict) -> str | None:
    """The entry's date (feedparser's, in UTC) when it is a day storyline can use (see ``usable_day``)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return usable_day(date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday))
            except (ValueError, TypeError, AttributeError):  # feedparser's year 10000 for 9999-12-31 -14:00
                return None
    return None


def _raw_entry_date(entry: Any) -> str | None:
    """The date as the feed wrote it, kept in meta when no usable day came of it."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            return raw.strip()[:100]
    return None


def read_feed(data: bytes, *, source: str, url: str | None = None) -> Iterator[Article | ReadError]:
    """Yield one article per entry of the feed in ``data``."""
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001
        yield ReadError(source, f"unreadable feed ({exc})", "check that the file is an RSS or Atom feed")
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = "feed has no entries"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            why += f" (parse problem: {str(parsed.bozo_exception).splitlines()[0][:80]})"
        yield ReadError(source, why, "check that the file is a complete RSS or Atom feed")
        return
    feed = parsed.get("feed") or {}
    lang = (feed.get("language") or "").split("-")[0].lower() or None
    site = feed.get("title") or None
    for n, entry in enumerate(entries, 1):
        where = f"{source}#{n}"
        try:
            yield _entry_article(entry, where=where, source=source, url=url, lang=lang, site=site)
        except Exception as exc:  # noqa: BLE001 - one entry's surprise must not cost the entries after it
            yield ReadError(where, f"unexpected error while reading this feed entry ({type(exc).__name__}: "
                                   f"{str(exc)[:120]})", "please report this entry as a storyline bug")


def _entry_article(entry: Any, *, where: str, source: str, url: str | None, lang: str | None,
                   site: str | None) -> Article | ReadError:
    """One article from one feed entry."""
    body, is_html = _entry_text(entry)
    text = fragment_text(body) if is_html else body
    link = entry.get("link") or None
    if not text.strip():
        return ReadError(where, "feed entry has no content or summary", "fetch the entry's link instead")
    meta = {"feed": source}
    if site:
        meta["sitename"] = site
    day = _entry_date(entry)
    raw_day = _raw_entry_date(entry)
    if day is None and raw_day:
        meta["date_raw"] = raw_day
    return make_article(
        text,
        id=entry.get("id") or link or where,
        source=where,
        url=link,
        title=entry.get("title") or None,
        outlet=outlet_from_url(link) or outlet_from_url(url),
        date=day,
        lang=lang,
        byline=entry.get("author") or None,
        meta=meta,
        guess_title=False,
    )
