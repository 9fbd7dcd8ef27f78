"""The storage seam of the vault: what the vault needs from where its files live.

A vault is a tree of small JSON files, append-only encrypted streams (``data.tsv``) and an audit
trail.  ``Storage`` is that tree addressed by relative "/"-separated paths (docs/vault-format.md §1);
``LocalStorage`` (a folder, the default) and ``S3Storage`` (a bucket prefix) implement it.  Nothing
here knows about keys or formats: the vault layers above check every byte they read against the
audit trail, so a backend only moves bytes.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..audit import AuditEntry, Signer
    from ..state import VaultState


class Blob(Protocol):
    """Random read access to one stored stream (``data.tsv``)."""

    def size(self) -> int: ...

    def pread(self, n: int, offset: int) -> bytes:
        """Up to ``n`` bytes at ``offset`` (fewer only at the end)."""
        ...

    def close(self) -> None: ...


class AuditTrail(Protocol):
    """The vault's hash-chained audit trail (docs/vault-format.md §7) as one backend keeps it."""

    vault_id: str

    def entries(self) -> list[AuditEntry]:
        """Every entry, parsed and chained (no signature check)."""
        ...

    def state(self) -> VaultState:
        """The trail's projection (``vault.state``), kept up to date incrementally."""
        ...

    def check(self, keys: dict[str, bytes]) -> tuple[list[AuditEntry], list[str], bool]:
        """Full key-less check: (entries, problems, repairable)."""
        ...

    def append(self, signer: Signer, keys: dict[str, bytes], event: str, rec: str | None = None,
               details: dict[str, Any] | None = None, genesis: bool = False) -> AuditEntry: ...

    def repair(self, keys: dict[str, bytes]) -> bool:
        """Finish an append a crash interrupted; True if something was repaired."""
        ...


class Storage(Protocol):
    """Where a vault's files live.  Missing files raise ``FileNotFoundError``; I/O failures raise
    ``vault.errors.VaultError`` (``DiskFull`` for a full disk, ``StoreUnavailable`` for a store that
    cannot be reached)."""

    #: how a person names this vault: a folder path or ``s3://bucket/prefix``
    location: str

    def read(self, rel: str, pin: str | None = None) -> bytes:
        """The bytes of one file.  ``pin`` (SHA-256 hex the trail records for it) lets a versioned
        store pick the authentic version when a newer one was written over it."""
        ...

    def read_original(self, rel: str) -> bytes:
        """A file written once (vault.json) as it was first written (a versioned store may hold newer
        versions written over it)."""
        ...

    def write(self, rel: str, data: bytes, lock: bool = True) -> None:
        """Write a whole file atomically (readers see the old or the new bytes, never a mix).  A store
        with a retention policy locks it (Object Lock) unless ``lock`` is False (an expiring share,
        whose revocation must destroy its wrapped key)."""
        ...

    def delete(self, rel: str) -> None:
        """Remove a file; a missing file is not an error."""
        ...

    def exists(self, rel: str) -> bool: ...

    def is_dir(self, rel: str) -> bool:
        """Whether ``rel`` is a folder ("" is the vault itself)."""
        ...

    def listdir(self, rel: str) -> list[str]:
        """Names directly inside folder ``rel`` (files and folders); FileNotFoundError if none."""
        ...

    def mkdir(self, rel: str) -> None:
        """Make folder ``rel`` (and its parents) if missing (nothing to do for object stores)."""
        ...

    def size(self, rel: str) -> int: ...

    def open_blob(self, rel: str) -> Blob: ...

    def lock(self) -> AbstractContextManager[None]:
        """Serialise this machine's writers of the vault's shared files (vault.json, identities,
        headers).  Concurrent stations never rely on it: the audit trail is their arbiter."""
        ...

    def audit_log(self, vault_id: str) -> AuditTrail: ...
