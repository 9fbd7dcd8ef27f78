"""Exports (docs/vault-format.md §11, §14; docs/security.md "Exports and copies").

``export_plain`` is the only way plaintext reaches a disk.  It is audited before the first byte is
written; the output is written into a new private file (``.<name>.<random>.partial`` beside the
target, created 0600 with ``O_EXCL|O_NOFOLLOW``) and renamed over the target only when complete.  On
any failure — a chunk that fails authentication, a full disk, an encoder error, an interrupt — the
partial file is removed, an ``export-failed`` entry says so, and the error is raised as a
``VaultError``/``RecordingError`` with a plain message (never a traceback).

A role that holds a recording only through an expiring *share* (the defence) may view it during the
share; a plain export by a share-holder must go through a watermarking writer (``watermark=``: the
case, the role and the date burnt into every frame), is audited with the share's id, and cannot be
made of anything without video.  Copies into the vault for another role (``export_to``) are the
judge's decision alone, like shares; the session record and saved plans (documents with the
witness's pseudonym and the participants) are never copied nor shared beyond the judge and the clerk.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .access import first_identity, key_and_grant
from .errors import AccessDenied, VaultError
from .format.canonical import sha256_hex
from .fsutil import disk_errors, fsync_dir
from .keys import Identity
from .layout import DATA, NON_MEDIA_KINDS, rec_path, refuse_two_person
from .reader import RecordingReader
from .writer import RecordingWriter

if TYPE_CHECKING:
    from .store import Vault

log = logging.getLogger("testimony_shield.vault.exports")

#: ``writer(reader, meta, out)``: writes the export from the decrypting reader into ``out``, a new
#: private binary file the vault owns
PlainWriter = Callable[[Any, dict, BinaryIO], Any]
#: roles that may hold the documents of a session (session record, saved plans)
DOCUMENT_ROLES = ("judge", "clerk")


def _copy(reader: Any, meta: dict, out: BinaryIO) -> None:
    while b := reader.read(4 * 1024 * 1024):
        out.write(b)


def _private_partial(out_path: Path) -> tuple[Path, BinaryIO]:
    partial = out_path.with_name(f".{out_path.name}.{secrets.token_hex(4)}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_CLOEXEC", 0), 0o600)
    return partial, os.fdopen(fd, "w+b")


def export_plain(v: Vault, rec_id: str, identity: Identity | Sequence[Identity], out_path: Path | str,
                 reason: str, writer: PlainWriter | None = None,
                 watermark: Callable[[str], PlainWriter] | None = None) -> Path:
    """See the module docstring.  ``watermark(text) -> writer`` is required when the unlocked role
    holds the recording through a share (``recording.encode.derive.watermarked_export``)."""
    if not reason or not reason.strip():
        raise VaultError("a plain export needs a reason")
    out_path = Path(out_path)
    rec_id = v._resolve(rec_id)
    header, _ = v._load_header(rec_id)
    key, grant = key_and_grant(v, rec_id, header, identity)
    ident = first_identity(identity)
    meta = dict(header["signed"]["meta"])
    details: dict[str, Any] = {"reason": reason, "plain": True, "out": str(out_path.resolve()),
                               "plaintext_size": header["signed"]["plaintext_size"]}
    if grant.startswith("share:"):
        if watermark is None:
            raise AccessDenied(f"role '{ident.role}' holds recording {rec_id} through a share: its exports carry "
                               "a watermark (the command line and the review window add it)")
        from datetime import UTC, datetime

        text = watermark_label(str(meta.get("case_number", "")), ident.role,
                               datetime.now(UTC).strftime("%Y-%m-%d"))
        writer = watermark(text)
        details.update(share=grant.split(":", 1)[1], watermark=text)
    blob = v.storage.open_blob(rec_path(rec_id, DATA))
    reader = RecordingReader(blob, rec_id, header["signed"], key)
    with reader:
        v._append(ident, "export", rec=rec_id, details=details)
        try:
            partial, out = _private_partial(out_path)
        except OSError as exc:
            _failed(v, ident, rec_id, exc)
            raise VaultError(f"cannot write {out_path}: {exc.strerror or type(exc).__name__}") from None
        try:
            with out, disk_errors(str(out_path)):
                (writer or _copy)(reader, meta, out)
                out.flush()
                os.fsync(out.fileno())
            with disk_errors(str(out_path)):
                os.replace(partial, out_path)
            fsync_dir(out_path.parent)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(partial)
            _failed(v, ident, rec_id, exc)
            raise
    return out_path


def watermark_label(case_number: str, role: str, date: str) -> str:
    """``CASE T-1 | DEFENCE COPY | 2026-05-01 | DO NOT DISTRIBUTE`` (as recording.encode.derive)."""
    parts = [f"CASE {case_number}" if case_number else "", f"{role.upper()} COPY", date, "DO NOT DISTRIBUTE"]
    return " | ".join(p for p in parts if p)


def _failed(v: Vault, ident: Identity, rec_id: str, exc: BaseException) -> None:
    """The export entry is written before the first byte: say that it did not complete."""
    try:
        v._append(ident, "export-failed", rec=rec_id, details={"error": type(exc).__name__})
    except Exception as e:
        log.warning("could not audit a failed export (%s)", type(e).__name__)


def _discard(v: Vault, w: RecordingWriter, ident: Identity, rec_id: str, exc: BaseException) -> None:
    """A copy that failed half-way leaves nothing readable: sealed as it is and its keys shredded
    at once (audited), so that recovery never completes a partial copy for another role."""
    new_id = w.id
    try:
        w.seal()
        v.shred(new_id, ident, f"the copy failed ({type(exc).__name__}): the incomplete copy is destroyed")
    except Exception as e:
        log.warning("could not discard an incomplete copy (%s)", type(e).__name__)
        with contextlib.suppress(Exception):
            w.abort()
    _failed(v, ident, rec_id, exc)


def check_copy_allowed(v: Vault, rec_id: str, header: dict, ident: Identity, role: str, what: str) -> None:
    """The rules shared by copies (``export_to``) and shares: the judge decides; raw recordings stay
    with the judge; documents stay with the judge and the clerk; two-person recordings stay so."""
    if ident.role != "judge":
        raise AccessDenied(f"only the judge may {what} a recording for another role")
    kind = header["signed"]["meta"].get("kind", "raw")
    if kind == "raw" and role != "judge":
        raise AccessDenied(f"recording {rec_id} is raw (unmasked): it may only go to the judge")
    if kind in NON_MEDIA_KINDS and role not in DOCUMENT_ROLES:
        raise AccessDenied(f"recording {rec_id} is a {kind} record (the witness's pseudonym, the participants): "
                           f"it never goes to the {role}")
    refuse_two_person(rec_id, header, "copied" if what == "copy" else "shared")


def export_to(v: Vault, rec_id: str, identity: Identity | Sequence[Identity], role: str, reason: str,
              signer_passphrase: str | None = None, meta_update: dict | None = None,
              transform: Callable[[RecordingReader, dict, RecordingWriter], dict | None] | None = None) -> str:
    if not reason or not reason.strip():
        raise VaultError("an export needs a reason")
    if "+" in role:
        raise VaultError("a copy goes to one role")
    rec_id = v._resolve(rec_id)
    header, hb = v._load_header(rec_id)
    ident = first_identity(identity)
    check_copy_allowed(v, rec_id, header, ident, role, "copy")
    if role not in v._cfg["roles"] or role == v.station_role:
        raise AccessDenied(f"no role '{role}' in this vault")
    src_meta = header["signed"]["meta"]
    key, _ = key_and_grant(v, rec_id, header, identity)
    reader = RecordingReader(v.storage.open_blob(rec_path(rec_id, DATA)), rec_id, header["signed"], key)
    meta = dict(src_meta)
    meta.update(meta_update or {})
    meta.update({"derived_from": rec_id, "source_root": header["signed"]["root"],
                 "source_header_json": sha256_hex(hb), "recipient": role, "exported_by": ident.role})
    with reader:
        w = v.create_recording(meta, [role], signer_passphrase)
        try:
            if transform is not None:
                for k, val in (transform(reader, dict(src_meta), w) or {}).items():
                    w.set_meta(k, val)
            else:
                while True:
                    b = reader.read(4 * 1024 * 1024)
                    if not b:
                        break
                    w.write(b)
            new_meta = dict(w.meta)
            new_id = w.seal()
        except BaseException as exc:
            _discard(v, w, ident, rec_id, exc)
            raise
    details = {"reason": reason, "plain": False, "to": role, "new": new_id}
    for k in ("derivation", "watermark"):
        if k in new_meta:
            details[k] = new_meta[k]
    v._append(ident, "export", rec=rec_id, details=details)
    return new_id
