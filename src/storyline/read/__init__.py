"""Readers: turn inputs (paths, directories, URLs) into Articles, or ReadErrors for what can't be read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.model import Article, ReadError

__all__ = ["read"]


def read(inputs: Iterable[str], *, allow_private: bool = False) -> Iterator[Article | ReadError]:
    raise NotImplementedError
