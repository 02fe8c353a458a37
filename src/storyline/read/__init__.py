"""Readers: turn inputs (paths, directories, URLs) into Articles, or ReadErrors for what can't be read.

``read`` never raises for a bad input: each problem is yielded as a ``ReadError`` with a one-line
reason and a hint, and the next input is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.model import Article, ReadError
from storyline.read._common import DEFAULT_MAX_BYTES, Limits
from storyline.read.clean import clean_text

__all__ = ["DEFAULT_MAX_BYTES", "clean_text", "printable_name", "read"]


def read(
    inputs: Iterable[str],
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | ReadError]:
    """Yield an Article for every report found in ``inputs`` and a ReadError for every failure.

    An input is a file (text, Markdown, HTML, RSS/Atom, JSONL, WARC; the kind is sniffed from the
    content), a directory (read recursively in sorted order) or an http(s) URL. ``allow_private``
    lets URLs reach local or private network addresses. ``max_bytes`` caps one document.
    """
    from storyline.read.files import read_path
    from storyline.read.url import read_url

    limits = Limits(max_bytes=max_bytes)
    if isinstance(inputs, str):
        inputs = [inputs]
    for raw in inputs:
        item = str(raw)
        try:
            if item.lower().startswith(("http://", "https://")):
                found = read_url(item, allow_private=allow_private, limits=limits)
            else:
                found = read_path(item, limits=limits)
            yield from map(storable_names, found)
        except Exception as exc:  # noqa: BLE001 - the promise is that read() never raises for an input
            yield ReadError(printable_name(item), f"unexpected error while reading ({type(exc).__name__}: "
                            f"{str(exc)[:120]})", "please report this input as a storyline bug")


def printable_name(name: str) -> str:
    """A file name that can be printed and stored: bytes that are not UTF-8 (a Latin-1 "café.txt")
    become \\xe9 escapes instead of lone surrogates, which stdout and SQLite refuse."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return name.encode("utf-8", "backslashreplace").decode("utf-8")


def storable_names(item: Article | ReadError) -> Article | ReadError:
    """The names an input arrived under (id, source) made printable (see ``printable_name``)."""
    if isinstance(item, ReadError):
        item.input = printable_name(item.input)
    else:
        item.id = printable_name(item.id)
        if item.source:
            item.source = printable_name(item.source)
    return item
