"""State checkpoints of an audit trail in an object store: ``audit-state/<size:012d>.json``.

Opening a vault on a machine without a cache of the trail (a judge's new laptop, a station whose cache
was cleared) would read every entry object: 100,000 entries are 100,000 requests.  A station that
appends therefore also writes, every ``INTERVAL`` entries or more, a **state checkpoint**: the trail's
projection (``VaultState``) after entry ``size - 1``, with that entry's leaf hash and byte count,
signed by the vault's station identity (docs/storage.md, "State checkpoints").  It is created once
(If-None-Match) under Object Lock like the entries.

A reader never trusts one blindly: it must be canonical, name its own size, be signed by the station
key pinned in vault.json, carry the projection of this version of the app, and its head must be the
leaf hash of the (signed) entry ``size - 1`` read from the store; the reader then reads only the
entries after it.  One that fails is reported and skipped (an older one, or the whole trail, is read
instead).  ``verify`` reads the whole trail and checks every checkpoint against the projection it
replays, so a checkpoint signed with the station key but holding a false projection is a problem too.
"""

from __future__ import annotations

import re
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any

from ..audit import Signer, now_iso
from ..errors import IntegrityError
from ..format.canonical import b64d, b64e, cjson, dump_canonical, load_canonical
from ..state import VaultState

if TYPE_CHECKING:
    from .s3 import S3Storage

STATE = "audit-state"
STATE_FORMAT = "testimony-shield-audit-state/1"
#: a station writes a checkpoint when the newest one is this many entries (or more) behind its entry
INTERVAL = 256
_NAME = re.compile(r"^(\d{12})\.json$")
_DOMAIN = b"testimony-shield/v1 audit-state\n"


def state_rel(size: int) -> str:
    return f"{STATE}/{size:012d}.json"


def state_fields() -> list[str]:
    return sorted(f.name for f in fields(VaultState))


def state_to_json(state: VaultState) -> dict[str, Any]:
    """The projection as JSON (sets as sorted lists)."""
    out = asdict(state)
    return {k: sorted(v) if isinstance(v, set) else v for k, v in out.items()}


def state_from_json(obj: dict[str, Any]) -> VaultState:
    st = VaultState()
    for f in fields(VaultState):
        if f.name in obj:
            value = obj[f.name]
            setattr(st, f.name, set(value) if isinstance(getattr(st, f.name), set) else value)
    return st


def message(obj: dict[str, Any]) -> bytes:
    return _DOMAIN + cjson({k: v for k, v in obj.items() if k != "sig"})


def make(vault_id: str, signer: Signer, state: VaultState, nbytes: int, entry: str, prev: int) -> bytes:
    """The checkpoint of ``state`` (after entry ``state.size - 1``, whose object hashes to ``entry``)."""
    from ..keys import fingerprint

    obj: dict[str, Any] = {"format": STATE_FORMAT, "vault": vault_id, "size": state.size, "head": state.head,
                           "bytes": nbytes, "entry": entry, "prev": prev, "fields": state_fields(),
                           "state": state_to_json(state), "time": now_iso(), "signer": signer.role,
                           "key": fingerprint(signer.ed25519_public)}
    obj["sig"] = b64e(signer.sign(message(obj)))
    return dump_canonical(obj)


class Unusable(IntegrityError):
    """A checkpoint that is authentic but of no use here (another version of the projection)."""


def parse(data: bytes, size: int, vault_id: str, station: str, key: bytes) -> dict[str, Any]:
    """Check a checkpoint read as ``state_rel(size)`` (IntegrityError saying what is wrong)."""
    from ..keys import fingerprint, verify_sig

    what = state_rel(size)
    cp = load_canonical(data, what)
    try:
        if not isinstance(cp, dict) or cp["format"] != STATE_FORMAT:
            raise IntegrityError(f"{what}: unknown format")
        if cp["vault"] != vault_id:
            raise IntegrityError(f"{what}: belongs to another vault")
        if cp["signer"] != station or cp["key"] != fingerprint(key):
            raise IntegrityError(f"{what}: not signed by the vault's station identity")
        if not verify_sig(key, b64d(cp["sig"]), message(cp)):
            raise IntegrityError(f"{what}: signature does not verify (modified)")
        if int(cp["size"]) != size or not 0 <= int(cp["prev"]) < size:
            raise IntegrityError(f"{what}: holds the checkpoint of entry {cp['size']}, not {size} (moved)")
        st = cp["state"]
        if int(st["size"]) != size or st["head"] != cp["head"]:
            raise IntegrityError(f"{what}: its projection does not end at its head (modified)")
        if cp["fields"] != state_fields():
            raise Unusable(f"{what}: written by another version of the app (projection fields differ)")
    except (KeyError, TypeError, ValueError, AttributeError):
        raise IntegrityError(f"{what}: malformed (modified)") from None
    return cp


def listing(store: S3Storage) -> tuple[dict[int, list[dict[str, Any]]], set[int], list[str]]:
    """Versions of every checkpoint object (oldest first) by size, the sizes hidden behind a delete
    marker, and unexpected keys under ``audit-state/``."""
    found: dict[int, list[dict[str, Any]]] = {}
    hidden: set[int] = set()
    odd: list[str] = []
    prefix = store.key(STATE + "/")
    for page in store._paginate("list_object_versions", Prefix=prefix):
        for v in page.get("Versions", []):
            m = _NAME.match(v["Key"][len(prefix):])
            if m is None:
                odd.append(f"{STATE}/{v['Key'][len(prefix):]}")
            else:
                found.setdefault(int(m.group(1)), []).append(v)
        for d in page.get("DeleteMarkers", []):
            m = _NAME.match(d["Key"][len(prefix):])
            if m is not None and d.get("IsLatest"):
                hidden.add(int(m.group(1)))
    for vs in found.values():
        vs.reverse()  # listed newest first
    return found, hidden, odd


def check_all(store: S3Storage, vault_id: str, station: str, key: bytes | None,
              projections: dict[int, dict[str, Any]], size: int) -> tuple[list[str], list[str]]:
    """``verify``: every checkpoint against the projection replayed from the whole trail
    (``projections``: size -> state_to_json at that size, for the sizes listed).  (problems, warnings)."""
    found, hidden, odd = listing(store)
    problems = [f"{o}: unexpected object among the audit trail's checkpoints" for o in odd]
    warnings: list[str] = []
    if not found:
        return problems, warnings
    for n in sorted(found):
        vs, what = found[n], state_rel(n)
        if n in hidden:
            warnings.append(f"{what}: hidden behind a delete marker (the locked version is used)")
        if len(vs) > 1:
            warnings.append(f"{what}: {len(vs) - 1} other version(s) written over it (the first is used)")
        if key is None:
            problems.append(f"{what}: cannot be checked (no station key pinned)")
            continue
        try:
            cp = parse(store.get(what, version=vs[0]["VersionId"]), n, vault_id, station, key)
        except Unusable as e:
            warnings.append(str(e))
            continue
        except IntegrityError as e:
            problems.append(str(e))
            continue
        if n > size:
            problems.append(f"{what}: beyond the end of the audit trail ({size} entries: entries deleted?)")
        elif cp["state"] != projections.get(n):
            problems.append(f"{what}: its projection differs from the audit trail's (forged)")
        if cp["prev"] and cp["prev"] not in found:
            problems.append(f"{what}: the checkpoint before it ({state_rel(cp['prev'])}) is missing (deleted?)")
    return problems, warnings
