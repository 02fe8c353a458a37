"""JSONL corpora: one article per line, streamed so a corpus of any size reads in constant memory.

Required: ``text`` or ``html``. Optional: ``id``, ``url``, ``outlet``, ``title``, ``date``, ``lang``.
Every other key is kept in ``Article.meta``. A bad line is reported as ``path:line`` and skipped.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from storyline.model import Article, ReadError
from storyline.read._common import Limits, decode, iso_date, make_article, replace_surrogates, size_text
from storyline.read.html import read_html

KNOWN = ("id", "url", "outlet", "title", "date", "lang", "text", "html")


def read_jsonl(stream: BinaryIO, *, path: str, limits: Limits) -> Iterator[Article | ReadError]:
    """Yield one Article (or ReadError) per non-blank line of ``stream``."""
    n = 0
    records = 0
    while True:
        raw = stream.readline(limits.max_bytes + 1)
        if not raw:
            break
        n += 1
        where = f"{path}:{n}"
        if len(raw) > limits.max_bytes and not raw.endswith(b"\n"):
            # Skip the rest of the oversized line without holding it in memory.
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(1024 * 1024)
            records += 1  # a record, just too big: "only blank lines" would be a second, wrong error
            yield ReadError(where, f"line longer than {size_text(limits.max_bytes)}", "raise the limit with --max-mb")
            continue
        if not raw.strip():
            continue
        records += 1
        yield read_record_line(raw, where=where)
    if records == 0:
        yield ReadError(path, "no records: the JSONL file has only blank lines",
                        'write one JSON object per line, e.g. {"text": "..."}')


def read_record_line(raw: bytes, *, where: str) -> Article | ReadError:
    """One article from one JSONL line; whatever goes wrong is this line's ReadError, never the file's."""
    text, fallback = decode(raw)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"malformed JSON line ({exc.msg} at column {exc.colno})",
                         "fix or remove that line; each line must be one JSON object")
    except (ValueError, RecursionError) as exc:
        return ReadError(where, f"JSON line {unparsable_json(exc)}", "fix or remove that line")
    if not isinstance(record, dict):
        return ReadError(where, f"line is a JSON {type(record).__name__}, not an object",
                         'write each article as {"text": ...} on its own line')
    return read_record_safely(record, where=where, fallback=fallback)


def unparsable_json(exc: ValueError | RecursionError) -> str:
    """Why valid-looking JSON cannot be read, as a phrase: Python refuses integers of more than 4,300
    digits (a ValueError, not a JSONDecodeError) and nesting deeper than its recursion limit."""
    if isinstance(exc, RecursionError):
        return "is nested too deeply to read"
    if "integer string conversion" in str(exc):
        return f"holds an integer of more than {sys.get_int_max_str_digits()} digits, too long to read"
    return f"holds a value Python cannot read ({str(exc).splitlines()[0][:100] if str(exc) else type(exc).__name__})"


def read_record_safely(record: dict[str, Any], *, where: str, fallback: str | None = None) -> Article | ReadError:
    """``read_record``, with any surprise in one record reported as that record's error so that the
    records after it are still read."""
    try:
        return read_record(record, where=where, fallback=fallback)
    except RecursionError:
        return ReadError(where, "record is nested too deeply to read", "flatten or remove that record")
    except Exception as exc:  # noqa: BLE001 - one record's surprise must not cost the rest of the file
        return ReadError(where, f"unexpected error while reading this record ({type(exc).__name__}: "
                                f"{str(exc)[:120]})", "please report this record as a storyline bug")


def read_record(record: dict[str, Any], *, where: str, fallback: str | None = None) -> Article | ReadError:
    """One article from a decoded corpus record (also used for JSON arrays)."""
    record, replaced = replace_surrogates(record)
    body = record.get("text")
    html = record.get("html")
    if not (isinstance(body, str) and body.strip()) and not (isinstance(html, str) and html.strip()):
        return ReadError(where, 'no "text" or "html" field with content', 'give each line a "text" (or "html") string')
    meta = {k: v for k, v in record.items() if k not in KNOWN}
    if fallback:
        meta["encoding_fallback"] = fallback
    if replaced:
        meta["invalid_characters_replaced"] = replaced
    raw_date = record.get("date")
    day = iso_date(raw_date)
    if raw_date and not day:
        meta["date_raw"] = raw_date
    rid = record.get("id")
    rid = str(rid) if rid not in (None, "") else where
    url = record.get("url") if isinstance(record.get("url"), str) else None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    outlet = record.get("outlet") if isinstance(record.get("outlet"), str) else None
    lang = record.get("lang") if isinstance(record.get("lang"), str) else None
    if isinstance(body, str) and body.strip():
        return make_article(body, id=rid, source=where, url=url, title=title, outlet=outlet, date=day,
                            lang=lang, meta=meta, guess_title="repeated" if "title" in record else True)
    assert isinstance(html, str)  # the guard above: a record without usable text has usable html
    art = read_html(html, source=where, id=rid, url=url, meta=meta)
    if isinstance(art, Article):
        art.title = title or art.title
        art.outlet = outlet or art.outlet
        art.date = day or art.date
        art.lang = lang or art.lang
    return art
