"""The extract stage: read inputs and analyse every article that could be read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.analyze import analyze
from storyline.model import Article, ReadError
from storyline.read import DEFAULT_MAX_BYTES, read


def extract(
    inputs: Iterable[str] | str, *, allow_private: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadError]:
    """Read ``inputs`` and analyse each article; ReadErrors pass through so the caller can report them."""
    if isinstance(inputs, str):
        inputs = [inputs]
    for item in read(inputs, allow_private=allow_private, max_bytes=max_bytes):
        yield item if isinstance(item, ReadError) else analyze(item)
