"""Crash-safe file helpers (Pillai et al., OSDI '14): temp file in the same directory, fsync,
os.replace, fsync the directory. Temp files only ever hold ciphertext or public JSON."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from .errors import DiskFull, VaultError

TMP_SUFFIX = ".partial"


@contextlib.contextmanager
def disk_errors(what: str) -> Iterator[None]:
    """Map ENOSPC/EDQUOT to DiskFull and other OSErrors to VaultError (no content in messages)."""
    try:
        yield
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(f"disk full while writing {what}") from e
        raise VaultError(f"I/O error while writing {what}: {e.strerror or e}") from e


def fsync_dir(path: Path) -> None:
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


def atomic_write(path: Path, data: bytes) -> None:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TMP_SUFFIX}")
    with disk_errors(str(path.name)):
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
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
