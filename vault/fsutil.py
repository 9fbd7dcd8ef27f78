"""Crash-safe file helpers for the vault: :mod:`common.atomic` (temp file in the same directory,
fsync, os.replace, fsync the directory) with OS errors mapped to the vault's (disk full, I/O).
Temp files only ever hold ciphertext or public JSON."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from common.atomic import TMP_SUFFIX, fsync_dir, make_private_dirs
from common.atomic import atomic_write as _atomic_write

from .errors import DiskFull, VaultError

__all__ = ["TMP_SUFFIX", "atomic_write", "disk_errors", "fsync_dir", "make_private_dirs", "read_nofollow"]


@contextlib.contextmanager
def disk_errors(what: str) -> Iterator[None]:
    """Map ENOSPC/EDQUOT to DiskFull and other OSErrors to VaultError (no content in messages)."""
    try:
        yield
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(f"disk full while writing {what}") from e
        raise VaultError(f"I/O error while writing {what}: {e.strerror or e}") from e


def atomic_write(path: Path, data: bytes) -> None:
    """:func:`common.atomic.atomic_write`, with disk errors reported as the vault's."""
    with disk_errors(str(Path(path).name)):
        _atomic_write(path, data)


def read_nofollow(path: Path) -> bytes:
    """A file's bytes, refusing a symbolic link in its place (``OSError`` ELOOP)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        chunks = []
        while True:
            b = os.read(fd, 1 << 20)
            if not b:
                break
            chunks.append(b)
        return b"".join(chunks)
    finally:
        os.close(fd)
