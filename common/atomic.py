"""Crash-safe replacement of a file (Pillai et al., OSDI '14): a new file beside the target, written
in full and fsynced, ``os.replace``-d over it, then the folder fsynced.  Readers see the old file or
the new one, never half of one.  The file is created 0600 (testimony metadata, tokens, keys); the
folders made for such files are 0700 (``make_private_dirs``).

Raises ``OSError`` as the OS reports it (the vault maps it to its own errors, e.g. disk full)."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

#: the suffix of a file being written (recovery and listings skip these)
TMP_SUFFIX = ".partial"


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (best effort: some filesystems refuse)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_private_dirs(path: Path | str, tighten: bool = False) -> None:
    """Create ``path`` and its missing parents as 0700 (each chmod-ed: mkdir's mode is filtered by the
    umask).  ``tighten``: an existing folder of ours (not a link) that others could read is made 0700."""
    path = Path(path)
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(d, 0o700)
        os.chmod(d, 0o700)
    if tighten and not missing and path.is_dir() and not path.is_symlink():
        with contextlib.suppress(OSError):
            if path.stat().st_mode & 0o077:
                os.chmod(path, 0o700)


def atomic_write(path: Path | str, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically and durably."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TMP_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def open_private(path: Path) -> BinaryIO:
    """A new file, 0600 from its first byte, refusing to follow a link or to replace anything."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_CLOEXEC", 0), 0o600)
    return os.fdopen(fd, "w+b")


@contextlib.contextmanager
def private_output(out_path: Path, partial: Path | None = None) -> Iterator[BinaryIO]:
    """A new private file to write a large output into (``partial``, by default ``<out>.partial``):
    fsynced and renamed to ``out_path`` when the block completes, removed when it fails."""
    out_path = Path(out_path)
    partial = partial or out_path.with_name(out_path.name + TMP_SUFFIX)
    f = open_private(partial)
    try:
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, out_path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise
