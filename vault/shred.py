"""Crypto-shredding (docs/vault-format.md §9): the judge destroys a recording's wrapped keys; the
ciphertext stays, unreadable, so that ``verify`` still accounts for it.

A recording is rarely alone: copies made from it for another role (``export_to``: ``derived_from`` in
their signed meta, followed transitively), private notes on it and on its copies, and plain exports
written outside the vault.  :func:`shred` says which of them stay readable (``ShredReport``), and with
``with_derived=True`` shreds the copies and destroys the notes in the same act (each audited; a note
destroyed is named in its recording's ``shred`` entry, so ``verify`` expects its file to be gone).
Plain exports cannot be reached from the vault: they are listed (when, by whom, where) so that they
can be destroyed by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .audit import now_iso
from .errors import AccessDenied, VaultError
from .format import recipients as rcp
from .format.canonical import dump_canonical, sha256_hex
from .keys import Identity
from .layout import HEADER, NOTES, OPEN, SHARES, rec_path

if TYPE_CHECKING:
    from .store import Vault


@dataclass
class ShredReport:
    #: recordings whose keys were destroyed now
    shredded: list[str] = field(default_factory=list)
    #: notes destroyed now
    notes_destroyed: list[str] = field(default_factory=list)
    #: copies made from the recording that are still readable: (id, recipients)
    derived_left: list[tuple[str, str]] = field(default_factory=list)
    #: notes on the recording or its copies that are still readable: (note id, recording, author)
    notes_left: list[tuple[str, str, str]] = field(default_factory=list)
    #: plain files exported from it or its copies (outside the vault): (time, role, path)
    plain_exports: list[tuple[str, str, str]] = field(default_factory=list)

    def warnings(self) -> list[str]:
        out = [f"copy {rid} (for {who}) made from it is still readable" for rid, who in self.derived_left]
        out += [f"note {nid} by {author} on {rec} is still readable" for nid, rec, author in self.notes_left]
        out += [f"a plain export was written on {t[:19]} by {who} to {path}: outside the vault, destroy it by hand"
                for t, who, path in self.plain_exports]
        return out


def derived(v: Vault, rec_id: str) -> list[str]:
    """Recordings copied from ``rec_id``, and from those copies, …  (from their signed meta)."""
    children: dict[str, list[str]] = {}
    for r in v.list():
        src = r.meta.get("derived_from")
        if isinstance(src, str) and r.sealed:
            children.setdefault(src, []).append(r.id)
    out: list[str] = []
    todo = [rec_id]
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in out and c != rec_id:
                out.append(c)
                todo.append(c)
    return out


def _shred_one(v: Vault, rec_id: str, identity: Identity, reason: str, roles: Sequence[str] | None,
               notes: list[str], extra: dict | None = None) -> None:
    header, _ = v._load_header(rec_id)
    from .retain import held_until

    until, held = v.retained_until(header), held_until(v, rec_id)
    if held is not None and (until is None or held > until):
        until = held
    if until is not None and v.clock() < until:
        why = "kept longer by the judge" if until is held else "the vault's policy"
        raise AccessDenied(f"recording {rec_id} is under retention until {until.date().isoformat()} "
                           f"({why}): it cannot be shredded before")
    when = now_iso()
    new = []
    for s in header["stanzas"]:
        if "wrapped" in s and (roles is None or s["role"] in roles):
            new.append({"role": s["role"], "digest": rcp.stanza_digest(s),
                        "shredded": {"time": when, "by": identity.role}})
        else:
            new.append(s)
    header["stanzas"] = new
    hb = dump_canonical(header)
    with v.storage.lock():
        v.storage.write(rec_path(rec_id, HEADER), hb)
    gone = [sid for sid, sh in v.state().shares.items()
            if sh["rec"] == rec_id and not sh["revoked"] and (roles is None or sh["role"] in roles)]
    details: dict = {"reason": reason, "header_json": sha256_hex(hb), "roles": list(roles) if roles else "all"}
    if gone:
        details["shares"] = gone
    if notes:
        details["notes"] = notes
    details.update(extra or {})
    v._append(identity, "shred", rec=rec_id, details=details)
    for sid in gone:  # the shares' wrapped keys go too
        v.storage.delete(f"{SHARES}/{sid}.json")
    for nid in notes:
        v.storage.delete(f"{NOTES}/{nid}.json")
    _purge_versions(v, rec_id, sha256_hex(hb))


def _purge_versions(v: Vault, rec_id: str, keep: str) -> None:
    """In an object store, the older versions of the header (and open.json) still hold the wrapped keys."""
    from .storage.s3 import S3Storage

    store = v.storage
    if not isinstance(store, S3Storage):
        return
    for ver in store.versions(rec_path(rec_id, HEADER)):
        b = store.get(rec_path(rec_id, HEADER), version=ver["VersionId"])
        if sha256_hex(b) != keep:
            store.call("an old header", store.client.delete_object,
                       Key=store.key(rec_path(rec_id, HEADER)), VersionId=ver["VersionId"])
    for ver in store.versions(rec_path(rec_id, OPEN)):
        store.call("open.json", store.client.delete_object,
                   Key=store.key(rec_path(rec_id, OPEN)), VersionId=ver["VersionId"])


def shred(v: Vault, rec_id: str, identity: Identity, reason: str, roles: Sequence[str] | None = None,
          with_derived: bool = False) -> ShredReport:
    if identity.role != "judge":
        raise AccessDenied("only the judge may shred a recording")
    if not reason or not reason.strip():
        raise VaultError("shredding needs a reason")
    rec_id = v._resolve(rec_id)
    if rec_id in v._writers:
        raise VaultError(f"recording {rec_id} is being written")
    rep = ShredReport()
    family = [rec_id, *derived(v, rec_id)] if roles is None else [rec_id]
    copies = family[1:]
    state = v.state()
    info = {r.id: r for r in v.list()}
    whole = roles is None and with_derived
    for rid in family:
        if rid != rec_id and not with_derived:
            if rid in info and not info[rid].shredded:
                rep.derived_left.append((rid, ",".join(info[rid].meta.get("recipients", [])) or "?"))
            continue
        notes = sorted(n for n, x in state.notes.items() if x["rec"] == rid) if whole else []
        if info.get(rid) is not None and info[rid].shredded and not notes and roles is None:
            continue  # nothing left to destroy
        extra = {"with": rec_id} if rid != rec_id else None
        _shred_one(v, rid, identity, reason, roles, notes, extra)
        rep.shredded.append(rid)
        rep.notes_destroyed += notes
    state = v.state()
    left_recs = set(family) if not whole else set()
    rep.notes_left = sorted((n, x["rec"], x["author"]) for n, x in state.notes.items() if x["rec"] in left_recs)
    watched = set(family)
    for e in v._audit.entries():
        if e.event == "export" and e.rec in watched and e.details.get("plain") is True:
            rep.plain_exports.append((e.time, e.actor, str(e.details.get("out", "?"))))
    if not with_derived:
        rep.derived_left = [(rid, who) for rid, who in rep.derived_left if rid in copies]
    return rep
