"""A vault in a local folder (the embedded default; also the station's spool for a remote store).

Files are written crash-safely (vault.fsutil: temp file, fsync, rename, fsync of the folder); the
streams (``data.tsv``) and ``audit.log`` are appended by the writer and the audit log directly."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from ..audit import AuditLog, vault_lock
from ..errors import IntegrityError
from ..fsutil import atomic_write, disk_errors


class LocalBlob:
    def __init__(self, path: Path, what: str):
        try:
            self._fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            raise IntegrityError(f"{what}: missing") from None

    def size(self) -> int:
        return os.fstat(self._fd).st_size

    def pread(self, n: int, offset: int) -> bytes:
        return os.pread(self._fd, n, offset)

    def fileno(self) -> int:
        return self._fd

    def close(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1


class LocalStorage:
    """The vault folder ``root``.  ``path(rel)`` gives the real file for the parts of the vault that
    are local by nature (the live writer, crash recovery, the audit log's appends)."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.location = str(root)

    def path(self, rel: str = "") -> Path:
        return self.root / rel if rel else self.root

    def read(self, rel: str, pin: str | None = None) -> bytes:
        return self.path(rel).read_bytes()

    def read_original(self, rel: str) -> bytes:
        return self.read(rel)

    def write(self, rel: str, data: bytes, lock: bool = True) -> None:
        atomic_write(self.path(rel), data)

    def delete(self, rel: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path(rel))

    def exists(self, rel: str) -> bool:
        return self.path(rel).exists()

    def is_dir(self, rel: str) -> bool:
        return self.path(rel).is_dir()

    def listdir(self, rel: str) -> list[str]:
        return [p.name for p in self.path(rel).iterdir()]

    def mkdir(self, rel: str) -> None:
        with disk_errors(rel or "vault"):
            self.path(rel).mkdir(parents=True, exist_ok=True)

    def size(self, rel: str) -> int:
        return self.path(rel).stat().st_size

    def open_blob(self, rel: str) -> LocalBlob:
        return LocalBlob(self.path(rel), rel)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        with vault_lock(self.root):
            yield

    def audit_log(self, vault_id: str) -> AuditLog:
        return AuditLog(self.root, vault_id)
