"""Reading the files whose exact bytes the audit trail pins by hash (docs/vault-format.md §7): role
identities (also checked against the keys pinned in vault.json), sealed headers (also checked against
the station's signature), notes and shares.  A file that differs is refused as modified."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import IntegrityError, NotFound, StoreUnavailable, VaultError
from .format.canonical import b64e, load_canonical, sha256_hex
from .keys import parse_public
from .layout import HEADER, OPEN, identity_path, rec_path
from .verify import check_header_sig

if TYPE_CHECKING:
    from .store import Vault


def identity_obj(v: Vault, role: str) -> dict:
    """A role's identity file, checked against the trail's hash and vault.json's pins."""
    if role not in v._cfg["roles"]:
        raise NotFound(f"no role '{role}' in this vault (roles: {', '.join(v.roles())})")
    what = identity_path(role)
    if v.remote and role == v.station_role and role in v._checked_identities:
        # the station signs with the identity this process checked: recording never waits for the store
        return v._checked_identities[role]
    try:
        expected = v.state().identities.get(role)
        data = v.storage.read(what, pin=expected)
    except FileNotFoundError:
        raise IntegrityError(f"{what}: missing") from None
    except StoreUnavailable:
        # a station recording into an object store keeps going while the store is down: the identity
        # it already checked against the trail in this process is the one it signs with
        if role in v._checked_identities:
            return v._checked_identities[role]
        raise
    obj = load_canonical(data, what)
    x, ed = parse_public(obj, what)
    if expected != sha256_hex(data):
        raise IntegrityError(f"{what}: differs from the hash in the audit trail (modified)")
    pin = v._cfg["roles"][role]
    if b64e(x) != pin["x25519"] or b64e(ed) != pin["ed25519"] or obj.get("role") != role:
        raise IntegrityError(f"{what}: keys differ from those pinned in vault.json")
    v._checked_identities[role] = obj
    return obj


def load_header(v: Vault, rec_id: str, check_audit: bool = True) -> tuple[dict, bytes]:
    """Load and check a sealed header: exact bytes against the audit trail, station signature."""
    rec_id = v._resolve(rec_id)
    what = rec_path(rec_id, HEADER)
    expected = v.state().recs.get(rec_id, {}).get("header") if check_audit else None
    try:
        hb = v.storage.read(what, pin=expected)
    except FileNotFoundError:
        if v.storage.exists(rec_path(rec_id, OPEN)):
            raise VaultError(f"recording {rec_id} is not sealed yet (run recover)") from None
        raise IntegrityError(f"{what}: missing") from None
    if check_audit and expected != sha256_hex(hb):
        raise IntegrityError(f"{what}: differs from the hash in the audit trail (modified)")
    header = load_canonical(hb, what)
    problems = check_header_sig(header, v._keys(), v.station_role, what)
    if problems:
        raise IntegrityError(problems[0])
    return header, hb


def load_pinned(v: Vault, folder: str, name: str, expected_hash: str) -> tuple[Any, str]:
    """A notes/ or shares/ file whose exact bytes the audit trail pins by hash: (object, path)."""
    what = f"{folder}/{name}.json"
    try:
        data = v.storage.read(what, pin=expected_hash)
    except FileNotFoundError:
        raise IntegrityError(f"{what}: missing (deleted?)") from None
    if sha256_hex(data) != expected_hash:
        raise IntegrityError(f"{what}: differs from the hash in the audit trail (modified)")
    return load_canonical(data, what), what
