"""What every reader shares: size limits, content sniffing, decoding, and turning text into an Article.

Readers never raise: anything wrong with an input becomes a ``ReadError`` with a reason and a hint,
so one bad file never stops a batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, overload
from urllib.parse import urlsplit

from storyline.model import Article, ReadError
from storyline.read.clean import clean_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # one text/HTML/feed document; JSONL and WARC are streamed
SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """Per-document size cap. Larger single documents are refused before being read into memory."""

    max_bytes: int = DEFAULT_MAX_BYTES


def size_text(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def too_big(source: str, size: int, limits: Limits) -> ReadError:
    return ReadError(
        source,
        f"too large for one document ({size_text(size)}, the limit is {size_text(limits.max_bytes)})",
        "split it into one file per article, save a corpus as .jsonl, or raise the limit with --max-mb",
    )


# --- sniffing ---------------------------------------------------------------------------------------

_MAGIC = {
    b"%PDF": "a PDF (convert it to text first, e.g. with pdftotext)",
    b"PK\x03\x04": "a ZIP/Office file (save the document as .txt or .html first)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
}
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(?:p|div|br|span|a|h[1-6]|article|section|body|table|li)\b[^>]*>", re.I)
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml", re.I)


def sniff(head: bytes, name: str = "") -> str:
    """Guess the kind of content: warc, gzip, binary, feed, html, json, jsonl or text.

    Content decides; the file name only breaks ties (a corpus named .jsonl, a page named .txt still
    reads as HTML), because saved files often carry the wrong extension.
    """
    lower = name.lower()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    for magic in _MAGIC:
        if head.startswith(magic):
            return "binary"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with a BOM; decoded below
    if _jsonl_despite_controls(head):
        return "jsonl"  # one line with raw NUL bytes must not cost the corpus its good lines
    if b"\x00" in head:
        return "binary"
    controls = sum(1 for b in head[:4096] if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / min(len(head), 4096) > 0.05:
        return "binary"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _FEED.search(stripped[:2048]) and (_XML_DECL.match(stripped) or stripped.startswith(b"<")):
        return "feed"
    behind = kind_after_prologue(head)
    if behind:
        return behind
    if _HTML_START.match(stripped) or lower.endswith((".html", ".htm", ".xhtml")) and stripped.startswith(b"<"):
        return "html"
    if lower.endswith(".json") and stripped.startswith((b"{", b"[")) or re.match(rb"\[\s*\{", stripped):
        return "json"
    if lower.endswith((".jsonl", ".ndjson")) or stripped.startswith(b"{") and _json_object_line(stripped):
        return "jsonl"
    if len(_HTML_TAGS.findall(stripped[:8192])) >= 3:
        return "html"
    return "text"


_ROOT_FEED = _FEED
_ROOT_HTML = re.compile(rb"<(?:html|head|body|meta|title|article)\b", re.I)
_PROLOGUE_START = (b"<?", b"<!")
_PROLOGUE_MARK = re.compile(rb"<\?|<!--|<!doctype\b|\S", re.I)
_DOCTYPE_MARK = re.compile(rb"[\"'\[\]>]|<!--|<\?")


def kind_after_prologue(data: bytes) -> str | None:
    """"feed" or "html" when the root element that follows an XML prologue is a feed's or a page's.

    A prologue (XML declaration, processing instructions, comments, a DOCTYPE whose internal subset can
    run to megabytes) may push ``<rss`` far past what the other checks look at. None when ``data``
    has no prologue, ends inside it, or its root is something else. Nothing is parsed or expanded here:
    the feed reader's own protections (no external entities, no entity expansion) still apply.
    """
    if not has_prologue(data):
        return None
    root = prologue_end(data)
    if root is None:
        return None
    if _ROOT_FEED.match(data, root):
        return "feed"
    if _ROOT_HTML.match(data, root):
        return "html"
    return None


def has_prologue(data: bytes) -> bool:
    """``data`` opens (after a BOM and whitespace) with "<?" or "<!": an XML declaration, a comment, a DOCTYPE."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_PROLOGUE_START)


def prologue_end(data: bytes) -> int | None:
    """Offset of what follows the XML prologue at the start of ``data`` (BOM, whitespace, declaration,
    processing instructions, comments, DOCTYPE); None when ``data`` ends inside the prologue."""
    i = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        m = _PROLOGUE_MARK.search(data, i)
        if m is None:
            return None
        mark = m.group().lower()
        if mark == b"<!doctype":
            end = _doctype_end(data, m.end())
        elif mark in (b"<?", b"<!--"):
            close = b"?>" if mark == b"<?" else b"-->"
            found = data.find(close, m.end())
            end = found + len(close) if found >= 0 else None
        elif len(data) - m.start() < 9 and any(p.startswith(data[m.start():].upper()) for p in (b"<!DOCTYPE", b"<!--")):
            return None  # the data ends in the first bytes of a comment or a DOCTYPE
        else:
            return m.start()
        if end is None:
            return None
        i = end


def _doctype_end(data: bytes, i: int) -> int | None:
    """Offset just past the DOCTYPE whose name starts at ``i``: its internal subset ([...]) may hold
    quoted ">" signs, comments and processing instructions. None when ``data`` ends inside it."""
    in_subset = False
    while True:
        m = _DOCTYPE_MARK.search(data, i)
        if m is None:
            return None
        mark = m.group()
        if mark in (b'"', b"'"):
            end = data.find(mark, m.end())
            if end < 0:
                return None
            i = end + 1
        elif mark in (b"<!--", b"<?"):
            end = data.find(b"-->" if mark == b"<!--" else b"?>", m.end())
            if end < 0:
                return None
            i = end + (3 if mark == b"<!--" else 2)
        elif mark == b"[":
            in_subset, i = True, m.end()
        elif mark == b"]":
            in_subset, i = False, m.end()
        elif in_subset:  # a ">" ending a declaration inside the subset
            i = m.end()
        else:
            return m.end()


def _jsonl_despite_controls(head: bytes) -> bool:
    """Lines starting at "{", holding control bytes, of which a complete one parses as a JSON object.

    A JSONL corpus with one corrupted line would otherwise sniff as binary and lose every good line;
    a line-by-line read reports just the bad line. Real binaries rarely begin with "{" and a newline-
    terminated JSON object.
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"{") or b"\n" not in stripped:
        return False
    if b"\x00" not in stripped and not any(b < 32 and b not in (9, 10, 12, 13) for b in stripped[:4096]):
        return False  # no control bytes: the ordinary checks below decide
    complete = stripped.split(b"\n")[:-1]  # the last piece may be cut by the sniff window
    return any(_json_object_line(line) for line in complete[:50] if line.strip())


def _json_object_line(head: bytes) -> bool:
    """The first line parses as a JSON object (a text that merely starts with "{" is still text)."""
    import json

    first = head.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first.decode("utf-8", errors="replace")), dict)
    except json.JSONDecodeError:
        return False
    except (ValueError, RecursionError):  # JSON Python refuses (a huge integer, deep nesting): still a record
        return first.lstrip(b"\xef\xbb\xbf \t\r").startswith(b"{")


def binary_reason(head: bytes) -> str:
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return f"binary file: looks like {what}"
    return "binary file: not text, HTML, a feed, JSONL or WARC"


# --- decoding ---------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode(data: bytes, *, declared: str | None = None, html: bool = False) -> tuple[str, str | None]:
    """Decode bytes to text. Returns (text, fallback) where fallback names the encoding used when the
    bytes were not valid UTF-8 (or the declared charset), so the Article can record it.

    Order: BOM, declared charset (HTTP header or HTML meta), UTF-8, then cp1252, then latin-1 (which
    accepts any byte: decoding never fails, though a wrong guess garbles accents).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    if declared is None and html:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", "ignore") if m else None
    if declared:
        try:
            return data.decode(declared), None
        except (LookupError, ValueError):  # ValueError: a UnicodeDecodeError, or a name with a NUL in it
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


_SURROGATE = re.compile("[\ud800-\udfff]")


@overload
def replace_surrogates(value: dict[str, Any]) -> tuple[dict[str, Any], int]: ...
@overload
def replace_surrogates(value: object) -> tuple[object, int]: ...
def replace_surrogates(value: object) -> tuple[object, int]:
    """``value`` (a decoded JSON record) with every lone UTF-16 surrogate ("\\ud800" written as an
    escape, with no partner) replaced by U+FFFD, and how many were replaced. Why: such a string
    cannot be encoded as UTF-8, so SQLite, stdout and the embedding model would all refuse it."""
    if isinstance(value, str):
        return _SURROGATE.subn("\ufffd", value) if _SURROGATE.search(value) else (value, 0)
    if isinstance(value, dict):
        out, n = {}, 0
        for k, v in value.items():
            k2, a = replace_surrogates(k)
            v2, b = replace_surrogates(v)
            out[k2] = v2
            n += a + b
        return out, n
    if isinstance(value, list):
        items = [replace_surrogates(v) for v in value]
        return [v for v, _ in items], sum(n for _, n in items)
    return value, 0


# --- metadata helpers -------------------------------------------------------------------------------


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

# An article's date anchors date arithmetic ("next Monday", "last year"): within a year of the calendar's
# ends (year 1, year 9999) that arithmetic overflows, and no report is published then. Readers keep such a
# date out of Article.date and in meta["date_raw"], so the record is kept and the odd date is visible.
EARLIEST_DAY = date(2, 1, 1)
LATEST_DAY = date(9998, 12, 31)


def usable_day(day: date) -> str | None:
    """``day`` as YYYY-MM-DD when it lies between EARLIEST_DAY and LATEST_DAY, else None."""
    return day.isoformat() if EARLIEST_DAY <= day <= LATEST_DAY else None


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD from a date, datetime, or an ISO 8601 string; None for anything less than a full day
    or outside the usable range (``usable_day``)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return usable_day(value.date())
    if isinstance(value, date):
        return usable_day(value)
    if isinstance(value, str):
        m = _ISO_DAY.match(value.strip())
        if m:
            try:
                return usable_day(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                return None
    return None


def make_article(
    text: str,
    *,
    id: str,
    source: str,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    byline: str | None = None,
    meta: dict[str, Any] | None = None,
    guess_title: bool | str = True,
) -> Article | ReadError:
    """Clean ``text`` and wrap it in an Article; a ReadError when no article text is left."""
    cleaned = clean_text(text, title=title, guess_title=guess_title)
    if not cleaned.text.strip():
        what = "no article text left after removing page debris" if text.strip() else "no text"
        return ReadError(source, what, "check that the input holds an article's text")
    url = url or cleaned.url
    return Article(
        id=id,
        text=cleaned.text,
        source=source,
        url=url,
        title=cleaned.title,
        outlet=outlet or outlet_from_url(url) or cleaned.outlet,
        date=date or cleaned.marker_date or cleaned.header_date,
        lang=lang or None,
        byline=byline or cleaned.byline,
        dateline=cleaned.dateline,
        summary=cleaned.summary,
        removed=cleaned.removed,
        meta=dict(meta or {}),
    )
