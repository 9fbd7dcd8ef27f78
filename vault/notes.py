"""Private notes (format 1.1, docs/vault-format.md §12): a timestamped note on a recording, encrypted
to its author's role only; the audit trail pins the file's hash and never holds the text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .access import key_and_grant
from .audit import now_iso
from .errors import VaultError
from .format import extras as ex
from .format.canonical import b64d, dump_canonical, sha256_hex
from .keys import Identity
from .layout import NOTES

if TYPE_CHECKING:
    from .store import Vault


@dataclass
class Note:
    """A decrypted private note: ``at`` is the playback position in seconds."""
    id: str
    rec: str
    at: float
    text: str
    created: str
    author: str


def add_note(v: Vault, rec_id: str, identity: Identity, at_seconds: float, text: str) -> str:
    rec_id = v._resolve(rec_id)
    header, _ = v._load_header(rec_id)
    _, grant = key_and_grant(v, rec_id, header, identity)  # the author must have access
    if not 0 <= float(at_seconds) < 1e7:
        raise VaultError("the note's position is out of range")
    pub = b64d(v._cfg["roles"][identity.role]["x25519"])
    obj = ex.seal_note(v.id, rec_id, identity.role, pub, at_seconds, text, now_iso())
    data = dump_canonical(obj)
    v.storage.mkdir(NOTES)
    rel = f"{NOTES}/{obj['id']}.json"
    v.storage.write(rel, data)
    details = {"note": obj["id"], "note_json": sha256_hex(data)}
    if grant.startswith("share:"):  # a share-holder's note lives as long as the share (§13)
        details["share"] = grant.split(":", 1)[1]
    try:
        v._append(identity, "note", rec=rec_id, details=details)
    except BaseException:
        v.storage.delete(rel)
        raise
    return obj["id"]


def notes(v: Vault, rec_id: str, identity: Identity) -> list[Note]:
    rec_id = v._resolve(rec_id)
    out: list[Note] = []
    state = v.state()
    mine = [(nid, info) for nid, info in state.notes.items()
            if info["rec"] == rec_id and info["author"] == identity.role]
    if mine:  # notes are read only while the author can open the recording (a share-holder's: during it)
        header, _ = v._load_header(rec_id)
        key_and_grant(v, rec_id, header, identity)
    for note_id, info in mine:
        if info["rec"] != rec_id or info["author"] != identity.role:
            continue
        obj, what = v._load_pinned(NOTES, note_id, info["hash"])
        ex.check_note(obj, note_id, rec_id, v.id, what)
        body = ex.open_note(obj, identity.x25519_private, what)
        out.append(Note(note_id, rec_id, body["at"], body["text"], obj["created"], obj["author"]))
    out.sort(key=lambda n: (n.at, n.created))
    return out
