"""Local paths: files dispatched by sniffing their content, directories walked in sorted order."""

from __future__ import annotations

import gzip
import json
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from storyline.model import Article, ReadError
from storyline.read._common import (
    SNIFF_BYTES,
    Limits,
    binary_reason,
    has_prologue,
    kind_after_prologue,
    prologue_end,
    sniff,
    too_big,
)
from storyline.read.feed import read_feed
from storyline.read.html import read_html
from storyline.read.jsonl import read_jsonl, read_record_safely, unparsable_json
from storyline.read.text import read_text
from storyline.read.warc import read_warc

# Extensions read inside a directory even before sniffing; any other file is read only when its content
# sniffs as text, HTML, a feed, JSONL or WARC (so images and PDFs beside articles are skipped quietly).
KNOWN_EXTENSIONS = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom",
                    ".jsonl", ".ndjson", ".json", ".warc", ".warc.gz", ".arc.gz")


def read_path(path: str, *, limits: Limits) -> Iterator[Article | ReadError]:
    """Read a file or a directory given on the command line."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        broken = _broken_link(path)
        if broken:
            yield broken
            return
        yield ReadError(path, "no such file or directory", "check the spelling of the path; URLs must start with http:// or https://")
        return
    except OSError as exc:
        yield _os_error(path, exc, "cannot open")
        return
    if stat.S_ISDIR(st.st_mode):
        yield from read_directory(path, limits=limits)
    else:
        yield from read_file(path, limits=limits)


def read_file(path: str, *, limits: Limits, quiet_binary: bool = False) -> Iterator[Article | ReadError]:
    """Read one file; with ``quiet_binary`` a binary file yields nothing (a directory walk skips it)."""
    try:
        size = os.path.getsize(path)
        if not os.path.isfile(path):
            yield ReadError(path, "not a regular file", "give a file, a directory or a URL")
            return
        if size == 0:
            yield ReadError(path, "empty file", "the file has no content; check that it was saved completely")
            return
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
            kind = sniff(head, path)
            if kind == "gzip":
                kind = _sniff_gzip(path)
            if kind in ("text", "html") and len(head) == SNIFF_BYTES and size <= limits.max_bytes:
                kind = _kind_past_long_prologue(fh, head, limits) or kind
            if kind == "binary":
                if not quiet_binary:
                    yield ReadError(path, binary_reason(head), "give text, HTML, an RSS/Atom feed, JSONL or WARC")
                return
            if kind == "gzip":
                yield ReadError(path, "gzip file that is not a WARC archive", "decompress it first (gunzip)")
                return
            if kind == "corrupt":
                yield ReadError(path, "damaged gzip file: it does not decompress",
                                "check that the file downloaded completely")
                return
            if kind in ("warc", "jsonl"):
                fh.seek(0)
                reader = read_warc if kind == "warc" else read_jsonl
                yield from reader(fh, path=path, limits=limits)
                return
            if size > limits.max_bytes:
                yield too_big(path, size, limits)
                return
            fh.seek(0)
            data = fh.read()
    except OSError as exc:
        yield _broken_link(path) or _os_error(path, exc, "cannot read")
        return
    if kind == "feed":
        yield from read_feed(data, source=path)
    elif kind == "html":
        yield read_html(data, source=path)
    elif kind == "json":  # an array of records, or a single record
        yield from _read_json(data, path)
    else:
        yield read_text(data, source=path)


def _os_error(path: str, exc: OSError, doing: str) -> ReadError:
    """``doing`` failed on ``path``: permission problems get the chmod that fixes them."""
    if isinstance(exc, PermissionError):
        is_dir = os.path.isdir(path)
        access = "u+rx" if is_dir else "u+r"
        return ReadError(path, f"{doing} (permission denied)",
                         f"give yourself read access (chmod {access} on it) or run storyline as a user who can read it")
    if doing == "cannot read":
        return ReadError(path, f"{doing} ({exc.strerror or exc})", "check the file's permissions")
    return ReadError(path, f"{doing} ({exc.strerror})", "check the path and its permissions")


def _broken_link(path: str) -> ReadError | None:
    """A ReadError naming the missing target when ``path`` is a symbolic link to nothing."""
    try:
        if not os.path.islink(path) or os.path.exists(path):
            return None
        target = os.readlink(path)
    except OSError:
        return None
    return ReadError(path, f"broken symbolic link: points to {target}, which does not exist",
                     "fix or remove the link, or restore the file it points to")


def _kind_past_long_prologue(fh: BinaryIO, head: bytes, limits: Limits) -> str | None:
    """``kind_after_prologue`` for a prologue longer than the sniffed head (a DOCTYPE with a large internal
    subset, long comments): reads on in doubling steps, never past the one-document limit, which a feed
    or a page is read whole under anyway."""
    if not has_prologue(head):
        return None
    data = head
    while prologue_end(data) is None and len(data) <= limits.max_bytes:
        more = fh.read(min(len(data), limits.max_bytes + 1 - len(data)))
        if not more:
            break
        data += more
    return kind_after_prologue(data)


def _sniff_gzip(path: str) -> str:
    """"warc" for a gzipped WARC, "gzip" for other gzip data, "corrupt" when it does not decompress."""
    try:
        with gzip.open(path, "rb") as gz:
            return "warc" if gz.read(5) == b"WARC/" else "gzip"
    except (OSError, EOFError, zlib.error):  # BadGzipFile is an OSError; a bad deflate stream is zlib.error
        return "corrupt"


def _read_json(data: bytes, path: str) -> Iterator[Article | ReadError]:
    try:
        value = json.loads(data.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        if data.count(b"\n") > 1:  # a JSONL corpus saved as .json
            import io

            yield from read_jsonl(io.BytesIO(data), path=path, limits=Limits(len(data) + 1))
            return
        yield ReadError(path, f"malformed JSON ({exc.msg} at line {exc.lineno})", "fix the file or save it as JSONL")
        return
    except (ValueError, RecursionError) as exc:
        yield ReadError(path, f"JSON document {unparsable_json(exc)}",
                        "fix that value, or save the corpus as JSONL so one bad record does not cost the others")
        return
    records = value if isinstance(value, list) else [value]
    for n, record in enumerate(records, 1):
        where = f"{path}:{n}" if isinstance(value, list) else path
        if isinstance(record, dict):
            yield read_record_safely(record, where=where)
        else:
            yield ReadError(where, "JSON item is not an object", 'write each article as {"text": ...}')


def read_directory(path: str, *, limits: Limits) -> Iterator[Article | ReadError]:
    """Every readable file under ``path``, recursively, in sorted order; hidden files are skipped."""
    produced = 0
    seen = 0
    unlisted: list[OSError] = []  # os.walk skips a directory it cannot list unless told: say so
    for root, dirs, files in os.walk(path, onerror=unlisted.append):
        for failure in unlisted:
            produced += 1
            yield _os_error(failure.filename or root, failure, "cannot list this directory")
        unlisted.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            seen += 1
            full = str(Path(root) / name)
            quiet = not name.lower().endswith(KNOWN_EXTENSIONS)
            try:
                for item in read_file(full, limits=limits, quiet_binary=quiet):
                    produced += 1
                    yield item
            except Exception as exc:  # noqa: BLE001 - one file's surprise must not abandon the folder
                produced += 1
                yield ReadError(full, f"unexpected error while reading ({type(exc).__name__}: {str(exc)[:120]})",
                                "please report this file as a storyline bug")
    for failure in unlisted:  # the last directory walked, or the top one, could not be listed
        produced += 1
        yield _os_error(failure.filename or path, failure, "cannot list this directory")
    if produced == 0:
        what = f"{seen} files, none of them text, HTML, feeds, JSONL or WARC" if seen else "no files"
        yield ReadError(path, f"nothing readable in the directory ({what})",
                        "point storyline at the folder that holds the saved articles")
