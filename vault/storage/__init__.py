"""Storage backends of the vault (see ``base.Storage``): a local folder, or an S3 bucket prefix."""

from __future__ import annotations

from pathlib import Path

from .base import Blob, Storage
from .local import LocalStorage

__all__ = ["Blob", "LocalStorage", "Storage", "is_remote", "open_storage", "vault_location"]


def is_remote(location: object) -> bool:
    """Whether a vault location names an object store (``s3://bucket/prefix``) rather than a folder."""
    return isinstance(location, str) and location.startswith("s3://")


def vault_location(value: str | Path) -> str | Path:
    """A vault location as a person types it: ``s3://bucket/prefix`` stays a URL, anything else is a
    folder (for argparse ``type=``: ``Path`` would fold the URL's "//")."""
    if isinstance(value, str) and value.startswith("s3://"):
        return value
    return Path(value)


def open_storage(location: Path | str | Storage) -> Storage:
    """The storage a vault location names: a folder path, or ``s3://bucket/prefix``."""
    if not isinstance(location, (str, Path)):
        return location
    if is_remote(location):
        from .s3 import S3Storage

        return S3Storage(str(location))
    return LocalStorage(Path(location))
