"""Names and small pure helpers of the vault layout (docs/vault-format.md §1): file and format names,
relative paths inside a vault, the signed chunk index, the listing record.

Every path here is *relative* to the vault and uses "/" (a folder for the local backend, a key prefix
for an object store); the storage backends (``vault.storage``) map them to files or objects."""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import AccessDenied, VaultError
from .format.canonical import b64d, b64e, cjson

VAULT_FORMAT = "testimony-shield-vault/1"
OPEN_FORMAT = "testimony-shield-recording-open/1"
HEADER_FORMAT = "testimony-shield-header/1"
VAULT_JSON = "vault.json"
IDENTITIES = "identities"
RECORDINGS = "recordings"
DATA = "data.tsv"
HEADER = "header.json"
OPEN = "open.json"
WRITER_LOCK = "writer.lock"
NOTES = "notes"
SHARES = "shares"
STATION = "station"
DEFAULT_ROLES = ("judge", "clerk", "defence")
U32 = struct.Struct(">I")

#: kinds of vault records that hold documents, not media (see docs/session-format.md)
NON_MEDIA_KINDS = frozenset({"plan", "session"})


#: a recording, note or share id: 16 lower-case hex characters (64 random bits)
ID_RE = re.compile(r"^[0-9a-f]{16}$")


def is_id(name: object) -> bool:
    """Whether ``name`` is a well-formed id (never a path: no "/", "..", nor anything else)."""
    return isinstance(name, str) and bool(ID_RE.match(name))


def identity_path(role: str) -> str:
    return f"{IDENTITIES}/{role}.json"


def rec_path(rec_id: str, name: str | None = None) -> str:
    """``recordings/<id>`` or ``recordings/<id>/<name>``."""
    return f"{RECORDINGS}/{rec_id}" if name is None else f"{RECORDINGS}/{rec_id}/{name}"


def header_message(signed: dict) -> bytes:
    return b"testimony-shield/v1 header\n" + cjson(signed)


def pack_index(lens: Sequence[int]) -> str:
    return b64e(b"".join(U32.pack(n) for n in lens))


def unpack_index(s: str) -> list[int]:
    raw = b64d(s)
    if len(raw) % 4:
        raise ValueError("bad index")
    return [x[0] for x in U32.iter_unpack(raw)]


def check_role_name(role: str) -> None:
    if not role or not all(c.isalnum() or c in "-_" for c in role) or len(role) > 32:
        raise VaultError(f"invalid role name {role!r}")


def refuse_two_person(rec_id: str, header: dict, what: str) -> None:
    """A recording under the two-person rule is never turned into one a single role can open: not
    even the two people together can waive the rule by copying or sharing it."""
    if any("+" in r for r in header["signed"]["recipients"]):
        raise AccessDenied(f"recording {rec_id} is under the two-person rule: it cannot be {what} to one role")


@dataclass
class RecordingInfo:
    id: str
    created: str
    sealed: bool
    meta: dict[str, Any]
    size: int
    shredded: bool = False
