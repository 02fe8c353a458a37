"""WARC web archives (plain or gzipped): one article per HTML response record.

Requests, metadata, images and other non-HTML records are normal in a crawl, so they are counted
and skipped rather than reported one by one; a WARC with no HTML at all is one error.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from storyline.model import Article, ReadError
from storyline.read._common import Limits, iso_date, size_text
from storyline.read.html import read_html

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record) -> tuple[str, str | None]:
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
    """Yield an article per HTML response (or resource) record of the archive in ``stream``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped: Counter[str] = Counter()
    n_html = 0
    try:
        for n, record in enumerate(ArchiveIterator(stream), 1):
            kind = record.rec_type
            if kind not in ("response", "resource"):
                skipped[kind] += 1
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
            uri = record.rec_headers.get_header("WARC-Target-URI") or None
            where = f"{path}#{uri or n}"
            data = record.content_stream().read(limits.max_bytes + 1)
            if len(data) > limits.max_bytes:
                yield ReadError(where, f"record larger than {size_text(limits.max_bytes)}", "raise the limit with --max-mb")
                continue
            meta = {"warc": path}
            crawled = iso_date(record.rec_headers.get_header("WARC-Date"))
            if crawled:
                meta["crawl_date"] = crawled
            yield read_html(data, source=where, id=uri or where, url=uri, charset=charset, meta=meta)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield ReadError(path, f"damaged or unreadable WARC ({str(exc).splitlines()[0][:100]})",
                        "check that the archive downloaded completely")
        return
    if n_html == 0:
        what = ", ".join(f"{v} {k}" for k, v in sorted(skipped.items())) or "no records"
        yield ReadError(path, f"WARC holds no HTML pages ({what})",
                        "storyline reads HTML response records; check the crawl captured the article pages")
