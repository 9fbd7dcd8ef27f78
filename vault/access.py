"""Who may open a recording: the data key from the header's stanzas for the unlocked roles (a full
key, the two halves of a two-person rule, or a live expiring share), always checked against the
recording's key commitment (docs/vault-format.md §3, §13)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import AccessDenied, IntegrityError, MissingKey
from .format import recipients as rcp
from .format import stream as st
from .format.canonical import b64d
from .keys import Identity
from .layout import HEADER, rec_path

if TYPE_CHECKING:
    from .store import Vault


def identities(identity: Identity | Sequence[Identity]) -> list[Identity]:
    return list(identity) if isinstance(identity, (list, tuple)) else [identity]  # type: ignore[list-item]


def first_identity(identity: Identity | Sequence[Identity]) -> Identity:
    return identities(identity)[0]


def data_key(v: Vault, rec_id: str, header: dict, identity: Identity | Sequence[Identity]) -> bytes:
    return key_and_grant(v, rec_id, header, identity)[0]


def key_and_grant(v: Vault, rec_id: str, header: dict, identity: Identity | Sequence[Identity]) -> tuple[bytes, str]:
    """The data key and how the unlocked roles hold it: "recipient" (a key wrapped to the role),
    "two-person" (both halves), or "share:<id>" (a live expiring share: what the share-holder may do
    with it is limited, docs/security.md)."""
    from .shares import share_grant

    idents = identities(identity)
    signed = header["signed"]
    stanzas = [s for s in header["stanzas"] if "wrapped" in s]
    fhdr = b64d(signed["stream_header"])
    what = rec_path(rec_id, HEADER)
    _, salt = st.parse_file_header(fhdr, what)
    commitment = bytes.fromhex(signed["commitment"])
    roles = {i.role for i in idents}
    for s in stanzas:  # a full key for one of our roles
        if s["share"] == "full" and s["role"] in roles:
            ident = next(i for i in idents if i.role == s["role"])
            key = rcp.unwrap(s, ident.x25519_private, rec_id)
            if not st.check_commitment(key, salt, rec_id, commitment):
                raise IntegrityError(f"{what}: key for '{s['role']}' fails the key commitment")
            return key, "recipient"
    groups: dict[str, list[dict]] = {}
    for s in stanzas:
        if s["share"].startswith("xor:"):
            groups.setdefault(s["share"].split(":")[1], []).append(s)
    for group, ss in groups.items():
        need = set(group.split("+"))
        if need <= roles and len(need) == 2 and len(ss) == 2 and {s["role"] for s in ss} == need:
            parts = [rcp.unwrap(s, next(i for i in idents if i.role == s["role"]).x25519_private, rec_id)
                     for s in ss]
            key = rcp.xor_join(*parts)
            if not st.check_commitment(key, salt, rec_id, commitment):
                raise IntegrityError(f"{what}: rebuilt two-person key fails the key commitment")
            return key, "two-person"
    got = share_grant(v, rec_id, idents, salt, commitment)
    if got is not None:
        return got[0], f"share:{got[1]}"
    if any(g for g in groups if roles & set(g.split("+"))):
        raise MissingKey(f"recording {rec_id} needs two people: unlock both roles of "
                         f"{', '.join(sorted(groups))}")
    if any(s.get("shredded") for s in header["stanzas"] if s.get("role") in roles):
        raise AccessDenied(f"the key of role '{idents[0].role}' for recording {rec_id} was shredded")
    raise AccessDenied(f"role '{idents[0].role}' is not a recipient of recording {rec_id}")
