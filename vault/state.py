"""The vault's state as the audit trail says it is: a projection of the entries, built once and then
kept up to date entry by entry (``VaultState.apply``), so that nothing has to replay the whole trail
to answer "what is the expected hash of this file?".

The state is the *expected* vault: the exact hashes of vault.json, of each identity file, of each
recording's open.json / header.json, of each note and share, and which shares were revoked.  Readers
compare what they load against it; ``verify`` builds its own from a fully checked trail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .audit import AuditEntry

ZERO = "0" * 64


@dataclass
class VaultState:
    #: hash of vault.json (from the `init` entry)
    vault_json: str | None = None
    #: role -> hash of identities/<role>.json
    identities: dict[str, str] = field(default_factory=dict)
    #: recording id -> {"open": hash, "header": hash, "state": "open" | "sealed" | "shredded"}
    recs: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: note id -> {"rec", "author", "hash", "created"}
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: share id -> {"rec", "role", "expires", "created", "by", "hash", "revoked"}
    shares: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: note ids destroyed with their share or by shredding (their files are gone on purpose)
    removed_notes: set[str] = field(default_factory=set)
    #: quarantine/<name> -> the recordings/<name> folder recovery moved there (never evidence)
    quarantined: dict[str, str] = field(default_factory=dict)
    #: roles still under the one passphrase of a scripted/demo vault (empty: each role has its own)
    shared_passphrase: set[str] = field(default_factory=set)
    #: recording id (or "*": the whole vault) -> the latest time the judge extended its retention to
    retained: dict[str, str] = field(default_factory=dict)
    #: number of entries applied, and the leaf hash of the last one
    size: int = 0
    head: str = ZERO

    @classmethod
    def replay(cls, entries: Iterable[AuditEntry]) -> VaultState:
        s = cls()
        for e in entries:
            s.apply(e)
        return s

    def apply(self, e: AuditEntry) -> None:
        d = e.details
        if e.event == "init":
            self.vault_json = d.get("vault_json")
            self.identities.update(d.get("identities", {}))
            shared = d.get("shared_passphrase")
            self.shared_passphrase = {r for r in shared if isinstance(r, str)} if isinstance(shared, list) else set()
        elif e.event == "passphrase":
            self.identities.update(d.get("identities", {}))
            self.shared_passphrase.discard(str(d.get("role", "")))
        elif e.event == "quarantine" and isinstance(d.get("to"), str):
            self.quarantined[d["to"]] = str(d.get("folder", ""))
        elif e.event == "create" and e.rec:
            self.recs.setdefault(e.rec, {})["open"] = d.get("open_json")
            self.recs[e.rec]["state"] = "open"
        elif e.event in ("seal", "recover") and e.rec:
            self.recs.setdefault(e.rec, {})["header"] = d.get("header_json")
            self.recs[e.rec]["state"] = "sealed"
        elif e.event == "shred" and e.rec:
            self.recs.setdefault(e.rec, {})["header"] = d.get("header_json")
            self.recs[e.rec]["state"] = "shredded"
        if e.event == "note" and e.rec and isinstance(d.get("note"), str):
            self.notes[d["note"]] = {"rec": e.rec, "author": e.actor, "hash": d.get("note_json"),
                                     "created": e.time}
        elif e.event == "share" and e.rec and isinstance(d.get("share"), str):
            self.shares[d["share"]] = {"rec": e.rec, "role": d.get("role"), "expires": d.get("expires", ""),
                                       "created": e.time, "by": e.actor, "hash": d.get("share_json"),
                                       "revoked": False}
        elif e.event in ("unshare", "shred") and isinstance(d.get("shares"), list):
            for sid in d["shares"]:
                if isinstance(sid, str) and sid in self.shares:
                    self.shares[sid]["revoked"] = True
        if e.event in ("unshare", "shred") and isinstance(d.get("notes"), list):
            for nid in d["notes"]:
                if isinstance(nid, str) and self.notes.pop(nid, None) is not None:
                    self.removed_notes.add(nid)
        if e.event == "retain" and isinstance(d.get("until"), str):
            held = d.get("recordings")
            for k in held if isinstance(held, list) else ["*"]:
                if isinstance(k, str) and self.retained.get(k, "") < d["until"]:
                    self.retained[k] = d["until"]
        if e.event == "note" and e.rec and isinstance(d.get("note"), str) and isinstance(d.get("share"), str):
            self.notes[d["note"]]["share"] = d["share"]
        self.size += 1
        self.head = e.hash

    def live_shares(self) -> dict[str, dict[str, Any]]:
        return {k: s for k, s in self.shares.items() if not s["revoked"]}

    def revoked_shares(self) -> set[str]:
        return {k for k, s in self.shares.items() if s["revoked"]}
