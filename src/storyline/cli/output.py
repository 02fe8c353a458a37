"""Output files written whole or not at all.

Why: a dossier written straight to its path is left empty or cut short when the disk fills or the
run is interrupted, and the previous good file is already gone. Writing a temporary file in the same
folder and renaming it over the path (atomic on one file system) keeps the old file until the new
one is complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import TextIO

_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
OUTPUT_FAILED = (*_FULL, errno.EIO)  # the errors of a device that takes no more output


def output_fix(exc: OSError, otherwise: str) -> str:
    """What to try when writing an output failed: room on a full disk, else ``otherwise``."""
    return "free some space, or write to another disk" if exc.errno in _FULL else otherwise


def _write(stream: TextIO, text: str) -> None:
    """The one write (a seam: tests make it fail as a full disk would)."""
    stream.write(text)


def _new_file_mode() -> int:
    """The permissions ``open()`` would give a new file (mkstemp makes it private, 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename; on any error the old
    file stays as it was, no temporary file remains, and the OSError is raised. A path that is not a
    regular file (``/dev/stdout``, a named pipe) is written directly: it cannot be renamed over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "w", encoding="utf-8") as stream:
            _write(stream, text)
        return
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            _write(stream, text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else _new_file_mode())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
