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
from ..fsutil import atomic_write, disk_errors, make_private_dirs, read_nofollow


class LocalBlob:
    def __init__(self, path: Path, what: str):
        try:
            self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            raise IntegrityError(f"{what}: missing") from None
        except OSError as exc:  # ELOOP: a symbolic link in the file's place is never followed
            raise IntegrityError(f"{what}: not a regular file of the vault ({exc.strerror})") from None

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
        try:
            return read_nofollow(self.path(rel))
        except FileNotFoundError:
            raise
        except OSError:  # a symbolic link in a file's place is never followed
            if os.path.islink(self.path(rel)):
                raise IntegrityError(f"{rel}: a symbolic link, not a file of the vault") from None
            raise

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
        """Folders are 0700 from their creation (the vault and everything in it)."""
        with disk_errors(rel or "vault"):
            make_private_dirs(self.path(rel))

    def is_link(self, rel: str) -> bool:
        """Whether ``rel`` is a symbolic link (verify reports any inside the vault)."""
        return self.path(rel).is_symlink()

    def mode(self, rel: str) -> int | None:
        """The permission bits of ``rel`` (verify warns about anything readable by others)."""
        try:
            return os.lstat(self.path(rel)).st_mode & 0o777
        except OSError:
            return None

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
