"""WARC web archives (plain or gzipped): one article per HTML response record.

Requests, metadata, images and other non-HTML records are normal in a crawl, so they are counted
and skipped rather than reported one by one; a WARC with no HTML at all is one error.
"""

from __future__ import annotations

import contextlib
import io
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from storyline.model import Article, ReadError
from storyline.read._common import Limits, iso_date, size_text
from storyline.read.html import read_html

if TYPE_CHECKING:  # warcio ships no type hints: these name the objects for the reader, mypy sees Any
    from warcio.archiveiterator import ArchiveIterator
    from warcio.recordloader import ArcWarcRecord

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record: ArcWarcRecord) -> tuple[str, str | None]:
    if record.http_headers is not None:
        raw = record.http_headers.get_header("Content-Type") or ""
    else:
        raw = record.rec_headers.get_header("Content-Type") or ""
    mime, _, params = raw.partition(";")
    charset = None
    for p in params.split(";"):
        k, _, v = p.strip().partition("=")
        if k.lower() == "charset" and v:
            charset = v.strip("\"' ")
    return mime.strip().lower(), charset


def read_warc(stream: BinaryIO, *, path: str, limits: Limits) -> Iterator[Article | ReadError]:
    """Yield an article per HTML response (or resource) record of the archive in ``stream``.

    A damaged archive never stops a batch: a record warcio cannot parse ends this archive with one
    ReadError (the pages read before it are kept), and warcio's own multi-line warnings, which it
    writes straight to stderr, are captured and reported as one line at the end.
    """
    from warcio.archiveiterator import ArchiveIterator

    skipped: Counter[str] = Counter()
    n_html = 0
    chatter = io.StringIO()
    records = ArchiveIterator(stream)
    _tolerate_missing_uri(records)
    n = 0
    while True:
        try:
            with contextlib.redirect_stderr(chatter):  # only around warcio's own work, never across a yield
                record = next(records, None)
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input
            damage = _damage(records, chatter)
            yield ReadError(path, f"damaged or unreadable WARC after {_count(n, 'record')}, {_count(n_html, 'HTML page')}"
                                  f" read ({_first_line(exc)}){'; ' + damage if damage else ''}",
                            "check that the archive downloaded completely")
            return
        if record is None:
            break
        n += 1
        kind = record.rec_type
        if kind not in ("response", "resource"):
            skipped[kind] += 1
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or None
        if kind == "response" and uri is None:
            skipped["response without WARC-Target-URI"] += 1  # invalid WARC: no page address to read
            continue
        mime, charset = _content_type(record)
        status = record.http_headers.get_statuscode() if record.http_headers is not None else "200"
        if mime not in HTML_TYPES:
            skipped[f"{kind} {mime or 'untyped'}"] += 1
            continue
        if status and not str(status).startswith("2"):
            skipped[f"HTTP {status}"] += 1
            continue
        n_html += 1
        where = f"{path}#{uri or n}"
        try:
            with contextlib.redirect_stderr(chatter):
                data = record.content_stream().read(limits.max_bytes + 1)
        except Exception as exc:  # noqa: BLE001 - a truncated or mis-encoded payload
            yield ReadError(where, f"unreadable record ({_first_line(exc)})", "check that the archive downloaded completely")
            continue
        if len(data) > limits.max_bytes:
            yield ReadError(where, f"record larger than {size_text(limits.max_bytes)}", "raise the limit with --max-mb")
            continue
        meta = {"warc": path}
        crawled = iso_date(record.rec_headers.get_header("WARC-Date"))
        if crawled:
            meta["crawl_date"] = crawled
        yield read_html(data, source=where, id=uri or where, url=uri, charset=charset, meta=meta)
    damage = _damage(records, chatter)
    if n_html == 0:
        what = ", ".join(f"{v} {k}" for k, v in sorted(skipped.items())) or "no records"
        reason = f"WARC holds no HTML pages ({what})" + (f"; it is damaged: {damage}" if damage else "")
        yield ReadError(path, reason,
                        "storyline reads HTML response records; check the crawl captured the article pages")
    elif damage:
        yield ReadError(path, f"damaged WARC: {damage}; read the {_count(n_html, 'HTML page')} it could",
                        "check that the archive downloaded completely, or re-create it with a WARC tool")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _damage(records: ArchiveIterator, chatter: io.StringIO) -> str:
    """warcio's captured stderr warnings as a short phrase ("" when it printed none)."""
    warnings = getattr(records, "err_count", 0) or chatter.getvalue().count("WARNING")
    if not warnings:
        return ""
    return f"{_count(warnings, 'record')} not followed by the blank line WARC requires (a wrong Content-Length?)"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    first = text.splitlines()[0][:100] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _tolerate_missing_uri(records: ArchiveIterator) -> None:
    """warcio crashes (AttributeError on None) parsing a response record that has no WARC-Target-URI,
    which kills its iterator and with it the rest of the archive. Hand it an empty URI instead: the
    record then parses without HTTP headers and ``read_warc`` skips and counts it."""
    loader = getattr(records, "loader", None)
    original = getattr(loader, "load_http_headers", None)
    if loader is None or original is None:
        return

    def load_http_headers(rec_type: str, uri: str | None, stream: BinaryIO, length: int | None) -> Any:
        return original(rec_type, uri if uri is not None else "", stream, length)

    loader.load_http_headers = load_http_headers
