"""Format 1.1 additions: private notes (`notes/<id>.json`) and expiring shares (`shares/<id>.json`).

note  = {"format":"testimony-shield-note/1","vault":V,"rec":R,"id":N,"created":T,"author":role,
         "stanza":stanza(wraps Kn to the author, id "note-"||N),"nonce":b64(12),"ct":b64}
        ct = AES-256-GCM(Kn, nonce, pad256(cjson({"at":seconds,"text":str})), AAD = cjson(note without "ct"))
share = {"format":"testimony-shield-share/1","vault":V,"rec":R,"id":S,"created":T,"expires":T,"by":role,
         "role":grantee,"stanza":stanza(wraps the recording's data key K to the grantee, share "grant:"||S)}
Both files are covered by their exact SHA-256 in the audit trail (events `note`, `share`).
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from common import jsonio

from ..errors import IntegrityError, VaultError
from . import recipients as rcp
from .canonical import b64d, b64e, cjson

NOTE_FORMAT = "testimony-shield-note/1"
SHARE_FORMAT = "testimony-shield-share/1"
PAD = 256
MAX_NOTE = 64 * 1024


def new_id() -> str:
    return secrets.token_hex(8)


def iso(t: datetime) -> str:
    if t.tzinfo is None:
        raise VaultError("a time needs a time zone (e.g. 2026-06-01T12:00:00Z)")
    return t.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(s: str | datetime) -> datetime:
    if isinstance(s, datetime):
        if s.tzinfo is None:
            raise VaultError("a time needs a time zone (e.g. 2026-06-01T12:00:00Z)")
        return s
    try:
        t = datetime.fromisoformat(str(s).replace("Z", "+00:00"))
    except ValueError:
        raise VaultError(f"not an ISO 8601 time: {s!r}") from None
    if t.tzinfo is None:
        raise VaultError(f"a time needs a time zone (e.g. {s}Z): {s!r}")
    return t


def _note_aad(obj: dict) -> bytes:
    return cjson({k: v for k, v in obj.items() if k != "ct"})


def seal_note(vault_id: str, rec_id: str, author: str, author_pub: bytes, at: float, text: str,
              created: str) -> dict:
    if not isinstance(text, str) or not text.strip():
        raise VaultError("a note needs some text")
    body = cjson({"at": round(float(at), 3), "text": text})
    if len(body) > MAX_NOTE:
        raise VaultError("the note is too long")
    body += b" " * (-len(body) % PAD)  # hide the exact length
    note_id = new_id()
    key = os.urandom(32)
    obj: dict[str, Any] = {"format": NOTE_FORMAT, "vault": vault_id, "rec": rec_id, "id": note_id, "created": created,
           "author": author, "stanza": rcp.wrap(key, author_pub, author, f"note-{note_id}"),
           "nonce": b64e(os.urandom(12))}
    obj["ct"] = b64e(AESGCM(key).encrypt(b64d(obj["nonce"]), body, _note_aad(obj)))
    return obj


def open_note(obj: dict, priv, what: str) -> dict:
    key = rcp.unwrap(obj["stanza"], priv, f"note-{obj['id']}")
    try:
        body = AESGCM(key).decrypt(b64d(obj["nonce"]), b64d(obj["ct"]), _note_aad(obj))
        payload = jsonio.loads(body.rstrip(b" "), max_bytes=MAX_NOTE + PAD, max_depth=4, what=what)
        return {"at": float(payload["at"]), "text": str(payload["text"])}
    except (InvalidTag, ValueError, KeyError, TypeError):
        raise IntegrityError(f"{what}: cannot be decrypted (modified)") from None


def check_note(obj: object, note_id: str, rec_id: str, vault_id: str, what: str) -> None:
    try:
        ok = (isinstance(obj, dict) and obj["format"] == NOTE_FORMAT and obj["id"] == note_id
              and obj["rec"] == rec_id and obj["vault"] == vault_id and isinstance(obj["stanza"], dict))
    except (KeyError, TypeError):
        ok = False
    if not ok:
        raise IntegrityError(f"{what}: malformed or belongs to another note / recording")


def make_share(vault_id: str, rec_id: str, share_id: str, data_key: bytes, role: str, role_pub: bytes,
               by: str, created: str, expires: str) -> dict:
    return {"format": SHARE_FORMAT, "vault": vault_id, "rec": rec_id, "id": share_id, "created": created,
            "expires": expires, "by": by, "role": role,
            "stanza": rcp.wrap(data_key, role_pub, role, rec_id, share=f"grant:{share_id}")}


def check_share(obj: object, share_id: str, rec_id: str, vault_id: str, what: str) -> None:
    try:
        ok = (isinstance(obj, dict) and obj["format"] == SHARE_FORMAT and obj["id"] == share_id
              and obj["rec"] == rec_id and obj["vault"] == vault_id and obj["stanza"]["role"] == obj["role"]
              and obj["stanza"]["share"] == f"grant:{share_id}")
        if isinstance(obj, dict):
            parse_time(obj["expires"])
    except (KeyError, TypeError, VaultError):
        ok = False
    if not ok:
        raise IntegrityError(f"{what}: malformed or belongs to another share / recording")
