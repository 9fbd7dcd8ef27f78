"""Error hierarchy of the vault. Each error carries the exit code the CLI uses for it.

Messages never contain keys, passphrases or testimony content.
"""

from __future__ import annotations


class VaultError(Exception):
    """Base class of every vault error."""

    exit_code = 2


class VaultNotInitialised(VaultError):
    exit_code = 8


class WrongPassphrase(VaultError):
    exit_code = 3


class IntegrityError(VaultError):
    """Something on disk is not what was written: the message names the file / chunk / entry."""

    exit_code = 4


class AccessDenied(VaultError):
    """The identity's role is not a recipient of the recording (or may not perform the action)."""

    exit_code = 5


class MissingKey(AccessDenied):
    """A key that is needed (a signer, a second share) is not available."""


class NotFound(VaultError):
    exit_code = 6


class DiskFull(VaultError):
    exit_code = 7


class SealedError(VaultError):
    """Attempt to modify a sealed (immutable) recording."""

    exit_code = 9


class StoreUnavailable(VaultError):
    """The object store cannot be reached (network down, store restarting): waiting may help.
    Recordings stay in the station's spool until ``vault sync`` (or the uploader) gets through."""

    exit_code = 10
