"""Expiring shares (format 1.1, docs/vault-format.md §13): the judge lets another role open a masked
recording until a time; the wrapped key lives in ``shares/<id>.json``, pinned by the audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .access import data_key, first_identity
from .audit import now_iso
from .errors import AccessDenied, IntegrityError, NotFound, VaultError
from .format import extras as ex
from .format import recipients as rcp
from .format import stream as st
from .format.canonical import b64d, dump_canonical, sha256_hex
from .keys import Identity
from .layout import NOTES, SHARES

if TYPE_CHECKING:
    from .store import Vault


#: the longest a share may last (the command line says the same, desktop/validate.py)
MAX_SHARE_DAYS = 366


@dataclass
class ShareInfo:
    id: str
    rec: str
    role: str
    expires: str
    created: str
    by: str
    expired: bool


def share(v: Vault, rec_id: str, identity: Identity | Sequence[Identity], role: str,
          expires_at: datetime | str, reason: str) -> str:
    from .exports import check_copy_allowed

    ident = first_identity(identity)
    if ident.role != "judge":
        raise AccessDenied("only the judge may share a recording")
    if not reason or not reason.strip():
        raise VaultError("a share needs a reason")
    if role not in v._cfg["roles"] or role == v.station_role:
        raise NotFound(f"no role '{role}' in this vault")
    expires = ex.parse_time(expires_at)
    if expires <= v.clock():
        raise VaultError("the expiry time is in the past")
    if expires - v.clock() > timedelta(days=MAX_SHARE_DAYS):
        raise VaultError(f"a share lasts at most {MAX_SHARE_DAYS} days (renew it rather than granting years)")
    rec_id = v._resolve(rec_id)
    header, _ = v._load_header(rec_id)
    check_copy_allowed(v, rec_id, header, ident, role, "share")
    key = data_key(v, rec_id, header, identity)
    share_id = ex.new_id()
    obj = ex.make_share(v.id, rec_id, share_id, key, role, b64d(v._cfg["roles"][role]["x25519"]),
                        ident.role, now_iso(), ex.iso(expires))
    data = dump_canonical(obj)
    v.storage.mkdir(SHARES)
    rel = f"{SHARES}/{share_id}.json"
    v.storage.write(rel, data, lock=False)  # revoking a share destroys its key: never under Object Lock
    try:
        v._append(ident, "share", rec=rec_id, details={
            "share": share_id, "share_json": sha256_hex(data), "role": role, "expires": obj["expires"],
            "reason": reason})
    except BaseException:
        v.storage.delete(rel)
        raise
    return share_id


def shares(v: Vault, rec_id: str | None = None) -> list[ShareInfo]:
    rid = v._resolve(rec_id) if rec_id else None
    now = v.clock()
    return [ShareInfo(sid, s["rec"], s["role"], s["expires"], s["created"], s["by"],
                      ex.parse_time(s["expires"]) <= now)
            for sid, s in v.state().shares.items() if not s["revoked"] and (rid is None or s["rec"] == rid)]


def revoke_share(v: Vault, share_id: str, identity: Identity, reason: str) -> None:
    if identity.role != "judge":
        raise AccessDenied("only the judge may revoke a share")
    state = v.state()
    s = state.shares.get(share_id) if isinstance(share_id, str) else None
    if s is None or s["revoked"]:
        raise NotFound(f"no live share '{str(share_id)[:20]}'")
    # nothing the share-holder made under the share outlives it: their notes go with it
    notes = sorted(nid for nid, n in state.notes.items() if n.get("share") == share_id)
    details: dict = {"shares": [share_id], "reason": reason}
    if notes:
        details["notes"] = notes
    v._append(identity, "unshare", rec=s["rec"], details=details)
    v.storage.delete(f"{SHARES}/{share_id}.json")
    for nid in notes:
        v.storage.delete(f"{NOTES}/{nid}.json")


def expire_shares(v: Vault, identity: Identity) -> list[str]:
    gone = [s.id for s in shares(v) if s.expired]
    for sid in gone:
        revoke_share(v, sid, identity, "expired")
    return gone


def share_key(v: Vault, rec_id: str, idents: list[Identity], salt: bytes, commitment: bytes) -> bytes | None:
    """The data key from a live share for one of the unlocked roles (None: no share applies);
    AccessDenied("share expired: ...") when the only shares have expired."""
    got = share_grant(v, rec_id, idents, salt, commitment)
    return got[0] if got else None


def share_grant(v: Vault, rec_id: str, idents: list[Identity], salt: bytes,
                commitment: bytes) -> tuple[bytes, str] | None:
    """(data key, share id) from a live share for one of the unlocked roles (see :func:`share_key`)."""
    roles = {i.role: i for i in idents}
    expired: list[str] = []
    for sid, s in v.state().shares.items():
        if s["rec"] != rec_id or s["revoked"] or s["role"] not in roles:
            continue
        obj, what = v._load_pinned(SHARES, sid, s["hash"])
        ex.check_share(obj, sid, rec_id, v.id, what)
        if ex.parse_time(obj["expires"]) <= v.clock():
            expired.append(obj["expires"])
            continue
        key = rcp.unwrap(obj["stanza"], roles[s["role"]].x25519_private, rec_id)
        if not st.check_commitment(key, salt, rec_id, commitment):
            raise IntegrityError(f"{what}: key fails the recording's key commitment")
        return key, sid
    if expired:
        raise AccessDenied(f"share expired: the share of recording {rec_id} for role "
                           f"'{idents[0].role}' expired at {max(expired)}")
    return None
