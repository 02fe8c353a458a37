"""Plain text and Markdown reports: the first line becomes the title when it looks like a headline."""

from __future__ import annotations

from storyline.model import Article, ReadError
from storyline.read._common import decode, make_article


def read_text(data: bytes, *, source: str, id: str | None = None, url: str | None = None) -> Article | ReadError:
    """One article from the bytes of a text file. Undecodable bytes fall back to cp1252/latin-1."""
    text, fallback = decode(data)
    if not text.strip():
        return ReadError(source, "file holds only whitespace", "check that you saved the article's text")
    meta = {"encoding_fallback": fallback} if fallback else {}
    return make_article(text, id=id or source, source=source, url=url, meta=meta)
