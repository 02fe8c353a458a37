"""Ingest on a Dask cluster: reading, analysis and the per-article grouping work run as Dask tasks over
partitions of the input; this process stays the one writer (storyline.ingest) and groups.

Why the store cannot depend on the partitions or the workers: each task runs the same pure per-article
function as a local ingest (storyline.pipeline.prepare), and the writer takes the results in input
order, partition after partition, so it stores and groups exactly what a local ingest would.

A partition is a byte range of a JSONL file, cut at a line start (the line numbers that name its
records are counted here, so ``corpus.jsonl:1234`` means the same line either way), or one whole
other input (a directory, a feed, a WARC, a URL). On a real cluster the workers read the paths they
are given: the inputs must be at the same path on every worker (a shared or copied folder), and
storyline must be installed there. The store lives where this process runs.

Dask (``distributed``) is an optional extra: ``pip install 'storyline[dask]'``.
"""

from __future__ import annotations

import importlib.util
import io
import itertools
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from storyline.errors import UsageError
from storyline.limits import MAX_ANALYSED_CHARS
from storyline.model import Article, ReadError
from storyline.pipeline import Prepared, prepare
from storyline.read import DEFAULT_MAX_BYTES, read, storable_names
from storyline.read._common import SNIFF_BYTES, Limits, size_text, sniff
from storyline.read.jsonl import read_jsonl, read_record_line

INSTALL = "pip install 'storyline[dask]'"
LOCAL = "local"
# Without --partitions a JSONL file is cut into pieces of about this many bytes (some 2,000 reports):
# small enough that the writer never waits long for the next piece nor holds many in memory.
PIECE_BYTES = 4 * 1024 * 1024
AHEAD_PER_THREAD = 2  # pieces submitted ahead of the one the writer waits for, per worker thread
_BLOCK = 16 * 1024 * 1024  # bytes read at a time while counting lines


def missing() -> str:
    """Why Dask cannot be used here ('' when it can); the fix is INSTALL."""
    if importlib.util.find_spec("distributed") is None:
        return "--dask needs Dask (the 'distributed' package), which is not installed"
    return ""


@dataclass(frozen=True)
class Piece:
    """One task's input: ``path``'s bytes [start, end) starting at line ``line`` (a JSONL range), or,
    where ``end`` is None, the whole input ``path`` as storyline.read reads it."""

    path: str
    start: int = 0
    end: int | None = None
    line: int = 1
    last: bool = True  # the last range of its file: a file with no record at all is reported after it


def plan(inputs: Iterable[str], partitions: int | None = None) -> list[Piece]:
    """The pieces of ``inputs``, in input order. With ``partitions`` the JSONL files are cut into
    about that many pieces in all (in proportion to their sizes); without, into pieces of about
    PIECE_BYTES. Every other input is one piece."""
    items = [str(i) for i in ([inputs] if isinstance(inputs, str) else inputs)]
    sizes = {i: _jsonl_size(i) for i in items}
    total = sum(s for s in sizes.values() if s)
    target = max(1, -(-total // partitions)) if partitions else PIECE_BYTES
    out: list[Piece] = []
    for item in items:
        size = sizes[item]
        if not size:
            out.append(Piece(item))
            continue
        out.extend(_cut(item, size, max(1, round(size / target)) if partitions else -(-size // target)))
    return out


def _jsonl_size(path: str) -> int:
    """The size of ``path`` where it is a regular JSONL file (as storyline.read would sniff it), else 0."""
    if path.lower().startswith(("http://", "https://")):
        return 0
    try:
        if not os.path.isfile(path) or (size := os.path.getsize(path)) == 0:
            return 0
        with open(path, "rb") as fh:
            return size if sniff(fh.read(SNIFF_BYTES), path) == "jsonl" else 0
    except OSError:
        return 0  # read() reports it


def _cut(path: str, size: int, pieces: int) -> list[Piece]:
    """``path`` cut into about ``pieces`` ranges, each starting at a line start, with its line number."""
    bounds = [(0, 1)]
    with open(path, "rb") as fh:
        pos, line = 0, 1
        for i in range(1, pieces):
            target = size * i // pieces
            if target <= pos:
                continue
            while pos < target:  # count the newlines up to the target
                block = fh.read(min(_BLOCK, target - pos))
                if not block:
                    break
                line += block.count(b"\n")
                pos += len(block)
            rest = fh.readline()  # then go on to the next line start
            while rest and not rest.endswith(b"\n"):
                pos += len(rest)
                rest = fh.readline()
            pos += len(rest)
            line += 1 if rest else 0
            if pos >= size:
                break
            if pos > bounds[-1][0]:
                bounds.append((pos, line))
    ends = [b[0] for b in bounds[1:]] + [size]
    return [Piece(path, start, end, line, last=end == size) for (start, line), end in zip(bounds, ends, strict=True)]


def read_piece(piece: Piece, *, allow_private: bool = False,
               max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Article | ReadError], int]:
    """The items of ``piece`` as storyline.read yields them, and how many JSONL records it held."""
    if piece.end is None:
        return list(read([piece.path], allow_private=allow_private, max_bytes=max_bytes)), 0
    out: list[Article | ReadError] = []
    records = 0
    try:
        with open(piece.path, "rb") as fh:
            fh.seek(piece.start)
            n = piece.line - 1
            while fh.tell() < piece.end:
                raw = fh.readline(max_bytes + 1)
                if not raw:
                    break
                n += 1
                if len(raw) > max_bytes and not raw.endswith(b"\n"):  # storyline.read.jsonl's rule
                    while raw and not raw.endswith(b"\n"):
                        raw = fh.readline(1024 * 1024)
                    records += 1
                    out.append(ReadError(f"{piece.path}:{n}", f"line longer than {size_text(max_bytes)}",
                                         "raise the limit with --max-mb"))
                    continue
                if raw.strip():
                    records += 1
                    out.append(read_record_line(raw, where=f"{piece.path}:{n}"))
    except OSError as exc:
        out.append(ReadError(piece.path, f"cannot read ({exc.strerror or exc})", "check the file on every worker"))
        records += 1
    return [storable_names(item) for item in out], records


def prepare_piece(piece: Piece, *, allow_private: bool, max_bytes: int, max_chars: int,
                  topics: bool) -> tuple[list[Prepared | ReadError], int]:
    """One Dask task: read ``piece`` and prepare its articles (storyline.pipeline.prepare)."""
    items, records = read_piece(piece, allow_private=allow_private, max_bytes=max_bytes)
    return prepare(items, max_chars=max_chars, topics=topics), records


class DaskExecutor:
    """Runs ``prepare_piece`` on a Dask cluster: ``address`` "local" starts a LocalCluster (one worker
    process per core, or ``workers``; ``processes=False``: threads in this process), any other
    address joins a running ``dask scheduler``. Use it as a context manager; it closes what it
    started. ``partitions``: see ``plan``."""

    def __init__(self, address: str = LOCAL, *, partitions: int | None = None, workers: int | None = None,
                 processes: bool = True, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        why = missing()
        if why:
            raise UsageError(why, fix=INSTALL)
        if partitions is not None and partitions < 1:
            raise UsageError(f"--partitions must be at least 1, not {partitions}")
        self.address, self.partitions, self.max_bytes = address, partitions, max_bytes
        self._workers, self._processes = workers, processes
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> DaskExecutor:
        dd: Any = importlib.import_module("distributed")  # untyped: held as Any

        if self.address == LOCAL:
            n = self._workers or max(1, os.cpu_count() or 1)
            # The scheduler's web server on a free port of this machine only (8787 may be taken); its
            # INFO lines (connections closing) are no news for a person running ingest.
            logging.getLogger("distributed").setLevel(logging.ERROR)
            where = {"host": "127.0.0.1"} if self._processes else {}  # threads talk in-process (inproc://)
            self._cluster = dd.LocalCluster(n_workers=n, threads_per_worker=1, processes=self._processes,
                                            dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR, **where)
            self._client = dd.Client(self._cluster)
        else:
            try:
                self._client = dd.Client(self.address, timeout=30)
            except OSError as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {self.address} ({exc}); start one with "
                                 "`dask scheduler` and give its address, e.g. tcp://10.0.0.5:8786") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    def threads(self) -> int:
        """Worker threads in the cluster now."""
        info = self._client.scheduler_info()
        return max(1, sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values()))

    def prepare(self, inputs: Iterable[str], *, allow_private: bool = False, max_chars: int = MAX_ANALYSED_CHARS,
                topics: bool = False) -> Iterator[Prepared | ReadError]:
        """Every item of ``inputs``, prepared on the cluster, in input order (the writer's order)."""
        if self._client is None:
            raise RuntimeError("use DaskExecutor as a context manager (with DaskExecutor(...) as ex: ...)")
        pieces = iter(plan(inputs, self.partitions))
        ahead = AHEAD_PER_THREAD * self.threads()
        options = {"allow_private": allow_private, "max_bytes": self.max_bytes, "max_chars": max_chars,
                   "topics": topics}
        waiting: deque[tuple[Piece, Any]] = deque()
        records = 0
        for piece in itertools.chain(pieces, [None]):
            if piece is not None:
                waiting.append((piece, self._client.submit(prepare_piece, piece, **options, pure=False)))
                if len(waiting) < ahead:
                    continue
            while waiting and (piece is None or len(waiting) >= ahead):
                done, future = waiting.popleft()
                items, n = future.result()
                future.release()
                records += n
                yield from items
                if done.end is not None and done.last:  # the end of a JSONL file
                    if records == 0:  # a JSONL file of blank lines: the error read() gives for it
                        yield from map(storable_names, read_jsonl(io.BytesIO(b""), path=done.path,
                                                                  limits=Limits(self.max_bytes)))
                    records = 0
