"""WARC web archives (plain or gzipped): one article per HTML response record.

Requests, metadata, images and other non-HTML records are normal in a crawl, so they are counted
and skipped rather than reported one by one; a WARC with no HTML at all is one error.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
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
    writes straight to stderr, are captured and reported as one line at the end. An archive cut short
    (an interrupted download) is reported as truncated at the record the cut falls in, whose partial
    page is not read; a surprise while reading one page costs that page only.
    """
    from warcio.archiveiterator import ArchiveIterator

    skipped: Counter[str] = Counter()
    n_html = 0
    chatter = io.StringIO()
    records = ArchiveIterator(stream)
    _tolerate_missing_uri(records)
    n = 0
    previous = None
    cut: str | None = None  # why the last record read is incomplete
    while True:
        try:
            with contextlib.redirect_stderr(chatter):  # only around warcio's own work, never across a yield
                record = next(records, None)
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input
            damage = _damage(records, chatter)
            yield ReadError(path, f"damaged or truncated at record {n + 1}: unreadable WARC after "
                                  f"{_count(n, 'record')}, {_count(n_html, 'HTML page')} read ({_first_line(exc)})"
                                  f"{'; ' + damage if damage else ''}",
                            "check that the archive downloaded completely")
            return
        cut = cut or (_incomplete(previous, n) if previous is not None else None)  # warcio read it to its end
        if record is None or cut:
            break
        n += 1
        previous = record
        kind = record.rec_type
        uri = record.rec_headers.get_header("WARC-Target-URI") or None
        if record.length is None:  # no Content-Length: its headers are cut short, the rest is read as its body
            cut = _incomplete(record, n)
            break
        if kind not in ("response", "resource"):
            skipped[kind] += 1
            continue
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
        where = f"{path}#{uri or n}"
        try:
            with contextlib.redirect_stderr(chatter):
                data = record.content_stream().read(limits.max_bytes + 1)
        except Exception as exc:  # noqa: BLE001 - a truncated or mis-encoded payload
            cut = _incomplete(record, n)
            if cut:
                break
            n_html += 1
            yield ReadError(where, f"unreadable record ({_first_line(exc)})", "check that the archive downloaded completely")
            continue
        if len(data) > limits.max_bytes:
            n_html += 1
            yield ReadError(where, f"record larger than {size_text(limits.max_bytes)}", "raise the limit with --max-mb")
            continue
        cut = _incomplete(record, n)
        if cut:  # a partial page is not an article: the truncation error below names it
            break
        n_html += 1
        meta = {"warc": path}
        crawled = iso_date(record.rec_headers.get_header("WARC-Date"))
        if crawled:
            meta["crawl_date"] = crawled
        try:
            page = read_html(data, source=where, id=uri or where, url=uri, charset=charset, meta=meta)
        except Exception as exc:  # noqa: BLE001 - one page's surprise must not cost the pages after it
            page = ReadError(where, f"unexpected error while reading this record ({type(exc).__name__}: "
                                    f"{str(exc)[:120]})", "please report this record as a storyline bug")
        yield page
    damage = _damage(records, chatter)
    if not cut and record is None:
        cut = _unparsed_tail(stream, records, n + 1)
    if cut:
        yield ReadError(path, f"archive is truncated at record {cut}; read the {_count(n_html, 'HTML page')} before it"
                              + (f"; it is also damaged: {damage}" if damage else ""),
                        "the download or copy was cut short: fetch or copy the archive again")
    elif n_html == 0:
        what = ", ".join(f"{v} {k}" for k, v in sorted(skipped.items())) or "no records"
        reason = f"WARC holds no HTML pages ({what})" + (f"; it is damaged: {damage}" if damage else "")
        yield ReadError(path, reason,
                        "storyline reads HTML response records; check the crawl captured the article pages")
    elif damage:
        yield ReadError(path, f"damaged WARC: {damage}; read the {_count(n_html, 'HTML page')} it could",
                        "check that the archive downloaded completely, or re-create it with a WARC tool")


def _incomplete(record: Any, n: int) -> str | None:
    """"N (URL): what is missing" when record ``n`` ends before its Content-Length says (the file was cut
    in it), else None. Reads what is left of the record, as warcio does before the next one."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    name = f"{n} ({uri})" if uri else str(n)
    if record.length is None:
        return f"{name}: its headers end before a Content-Length"
    stream = record.raw_stream
    try:
        while stream.read(64 * 1024):
            pass
    except Exception as exc:  # noqa: BLE001 - a damaged gzip member ends the record here too
        return f"{name}: its data breaks off ({_first_line(exc)})"
    missing = getattr(stream, "limit", 0)
    if not missing:
        return None
    return f"{name}: {missing} of its {record.length} bytes are missing"


def _unparsed_tail(stream: BinaryIO, records: Any, n: int) -> str | None:
    """"N (URL): ..." when bytes follow the last record warcio read: warcio ends an archive quietly when the
    headers of its last record are cut short, so the file's size tells. None for a complete archive (or
    a stream whose size cannot be known)."""
    try:
        end = stream.seek(0, io.SEEK_END)
        left = end - records.offset
        if left <= 0:
            return None
        stream.seek(records.offset)
        tail = stream.read(64 * 1024)
    except (OSError, ValueError, AttributeError, TypeError):
        return None
    if tail.startswith(b"\x1f\x8b"):  # a gzip member: look into what of it decompresses
        try:
            tail = zlib.decompressobj(31).decompress(tail, 64 * 1024)
        except zlib.error:
            tail = b""
    m = re.search(rb"^WARC-Target-URI:[ \t]*(\S+)", tail, re.M | re.I)
    name = f"{n} ({m.group(1).decode('utf-8', 'replace')})" if m else str(n)
    return f"{name}: the file ends inside its headers ({left} bytes after the last complete record)"


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
