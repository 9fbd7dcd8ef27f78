"""Making a new vault (``Vault.init``): the roles' identities, vault.json with the pinned public keys
and the retention policy, and the signed ``init`` entry that starts the audit trail
(docs/vault-format.md)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .audit import now_iso
from .errors import VaultError, WrongPassphrase
from .format.canonical import dump_canonical, load_canonical, sha256_hex
from .fsutil import disk_errors
from .keys import Identity, KdfParams, new_identity_file
from .layout import IDENTITIES, RECORDINGS, STATION, VAULT_FORMAT, VAULT_JSON, check_role_name, identity_path
from .storage import open_storage
from .storage.s3 import Retention, S3Storage

if TYPE_CHECKING:
    from .store import Vault

#: the retention of a new vault in an object store unless `init` says otherwise (seven years); a local
#: vault has none unless given (its files are not under Object Lock)
DEFAULT_REMOTE_RETENTION_DAYS = 2557
RETENTION_MODES = ("COMPLIANCE", "GOVERNANCE")


def passphrases_by_role(passphrase: str | Mapping[str, str], roles: list[str]) -> tuple[dict[str, str], list[str]]:
    """({role: passphrase}, the roles sharing one passphrase) from one string for every role (a scripted
    or demo vault: all roles shared) or a mapping with one passphrase per role, all different."""
    if isinstance(passphrase, str):
        if not passphrase:
            raise WrongPassphrase("an empty passphrase is not allowed")
        return {r: passphrase for r in roles}, sorted(roles)
    per_role = dict(passphrase)
    missing = [r for r in roles if not per_role.get(r)]
    if missing:
        raise WrongPassphrase(f"no passphrase for role(s) {', '.join(missing)}")
    if sorted(per_role) != sorted(roles):
        raise VaultError(f"passphrases given for unknown roles: {', '.join(sorted(set(per_role) - set(roles)))}")
    if len(set(per_role.values())) != len(per_role):
        raise VaultError("two roles have the same passphrase: each role needs its own")
    return per_role, []


def init_vault(cls: type[Vault], root: Path | str, passphrase: str | Mapping[str, str], roles: Iterable[str],
               kdf: KdfParams | None, retention_days: float | None, retention_mode: str) -> Vault:
    """``Vault.init`` (see there)."""
    storage = open_storage(root)
    kdf = kdf or KdfParams.default()
    remote = isinstance(storage, S3Storage)
    days = float(retention_days if retention_days is not None else
                 (DEFAULT_REMOTE_RETENTION_DAYS if remote else 0))
    if retention_mode not in RETENTION_MODES or not 0 <= days <= 36500:
        raise VaultError(f"invalid retention: {retention_mode} for {days:g} days")
    if isinstance(storage, S3Storage):
        storage.retention = Retention(retention_mode, days)
    if storage.exists(VAULT_JSON):
        raise VaultError(f"a vault already exists in {storage.location}")
    roles = [STATION] + [r for r in roles if r != STATION]
    for role in roles:
        check_role_name(role)
    per_role, shared = passphrases_by_role(passphrase, roles)
    with disk_errors("vault"):
        storage.mkdir(IDENTITIES)
        storage.mkdir(RECORDINGS)
    vault_id = secrets.token_hex(16)
    pins: dict[str, dict] = {}
    files: dict[str, bytes] = {}
    idents: dict[str, Identity] = {}
    for role in roles:
        obj, ident = new_identity_file(role, per_role[role], kdf)
        files[role] = dump_canonical(obj)
        pins[role] = {"x25519": obj["x25519"], "ed25519": obj["ed25519"]}
        idents[role] = ident
    cfg = {"format": VAULT_FORMAT, "vault_id": vault_id, "created": now_iso(), "station": STATION,
           "roles": pins}
    if days > 0:
        cfg["retention"] = {"mode": retention_mode, "days": int(days) if days == int(days) else days}
    vj = dump_canonical(cfg)
    with storage.lock():
        for role, data in files.items():
            storage.write(identity_path(role), data)
        if isinstance(storage, S3Storage):  # created once (If-None-Match): two inits never both win
            if not storage.create(VAULT_JSON, vj):
                raise VaultError(f"a vault already exists in {storage.location}")
        else:
            storage.write(VAULT_JSON, vj)
    v = cls(storage, cfg, idents[STATION])
    v._checked_identities = {r: load_canonical(d, identity_path(r)) for r, d in files.items()}
    details = {"vault_json": sha256_hex(vj), "identities": {r: sha256_hex(d) for r, d in files.items()},
               "kdf": {"memory_kib": kdf.memory_kib, "iterations": kdf.iterations, "lanes": kdf.lanes}}
    if shared:
        details["shared_passphrase"] = shared
    e = v._audit.append(idents[STATION], v._keys(), "init", details=details, genesis=True)
    v._remember(e)
    return v
