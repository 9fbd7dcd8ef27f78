"""Temporary vaults for tests: fast Argon2 (never use KdfParams.fast() outside tests)."""

from __future__ import annotations

from pathlib import Path

from vault.keys import KdfParams
from vault.store import Vault

PASS = "correct horse battery staple"


def make_vault(root: Path, passphrase: str = PASS) -> Vault:
    return Vault.open_or_init(root, passphrase, kdf=KdfParams.fast())


def write_recording(v: Vault, data: bytes, pieces: int = 7, chunk_size: int = 64 * 1024,
                    recipients=("judge",), meta=None) -> str:
    w = v.create_recording(meta or {"case": "T-1", "kind": "raw"}, list(recipients), chunk_size=chunk_size)
    step = max(1, len(data) // pieces)
    for i in range(0, len(data), step):
        w.write(data[i:i + step])
        w.flush()
    return w.seal()
