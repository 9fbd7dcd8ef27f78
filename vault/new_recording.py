"""Starting an encrypted recording (``Vault.create_recording``): a fresh data key wrapped to each
recipient role (or XOR-split between two for a two-person rule), the recording's folder with its
``open.json`` and stream header, held by the writer lock from the first moment
(docs/vault-format.md)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .audit import now_iso
from .errors import NotFound, VaultError
from .format import recipients as rcp
from .format import stream as st
from .format.canonical import b64d, b64e, cjson, dump_canonical, sha256_hex
from .fsutil import disk_errors, fsync_dir
from .keys import Identity
from .layout import DATA, OPEN, OPEN_FORMAT, RECORDINGS, rec_path
from .writer import RecordingWriter, acquire_writer_lock

if TYPE_CHECKING:
    from .store import Vault


def stanzas_for(key: bytes, recipients: Sequence[str], pub: dict[str, bytes], station_role: str,
                rec_id: str) -> list[dict]:
    """The data key wrapped to each recipient: a role, or "a+b" (XOR-split: both must be unlocked)."""
    stanzas = []
    for r in recipients:
        group = r.split("+")
        for g in group:
            if g not in pub or g == station_role or len(pub[g]) != 32:
                raise NotFound(f"no recipient role '{g}' in this vault")
        if len(group) == 1:
            stanzas.append(rcp.wrap(key, pub[r], r, rec_id))
        elif len(group) == 2:
            if group[0] == group[1]:  # "judge+judge" would let one person open it alone
                raise VaultError(f"a two-person rule needs two different roles, not '{r}'")
            a, b = rcp.xor_split(key)
            for k, (g, share) in enumerate(zip(group, (a, b), strict=True), 1):
                stanzas.append(rcp.wrap(share, pub[g], g, rec_id, share=f"xor:{r}:{k}/2"))
        else:
            raise VaultError("only 2-person groups are supported (e.g. 'judge+clerk')")
    return stanzas


def create_recording(v: Vault, signer: Identity, meta: dict | None, recipients: Sequence[str], chunk_size: int,
                     recipient_keys: dict[str, bytes] | None) -> RecordingWriter:
    """``Vault.create_recording`` (see there), signed by ``signer`` (the unlocked station key)."""
    meta = dict(meta or {})
    cjson(meta)
    if not recipients:
        raise VaultError("a recording needs at least one recipient")
    if not 1024 <= chunk_size <= 64 * 1024 * 1024:
        raise VaultError("chunk size out of range")
    rec_id = secrets.token_hex(8)
    key = os.urandom(32)
    salt = st.new_salt()
    fhdr = st.file_header(rec_id, salt)
    pub = ({r: bytes(k) for r, k in recipient_keys.items()} if recipient_keys is not None else
           {r: b64d(p["x25519"]) for r, p in v._cfg["roles"].items() if r != v.station_role})
    stanzas = stanzas_for(key, recipients, pub, v.station_role, rec_id)
    open_obj = {"format": OPEN_FORMAT, "vault": v.id, "id": rec_id, "created": now_iso(),
                "chunk_size": chunk_size, "stream_header": b64e(fhdr),
                "commitment": st.key_commitment(key, salt, rec_id).hex(),
                "recipients": list(recipients), "stanzas": stanzas, "meta": meta}
    # this station's MAC: recovery completes only recordings this station started (§5)
    open_obj = v.local.stamp_open(open_obj)
    folder = v.spool.path(rec_path(rec_id))
    opened = dump_canonical(open_obj)
    v.spool.mkdir(RECORDINGS)
    lockfd: int | None = None
    try:
        with disk_errors(f"recordings/{rec_id}"):
            os.mkdir(folder, 0o700)
            # held from the first moment, so that recovery never takes this folder for a plant
            lockfd = acquire_writer_lock(folder)
            fd = os.open(folder / DATA, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, fhdr)
                os.fsync(fd)
            finally:
                os.close(fd)
        v.spool.write(rec_path(rec_id, OPEN), opened)
        fsync_dir(folder.parent)
        if not v.remote:  # a vault in a store: the entries go with the upload
            v._append(signer, "create", rec=rec_id, details={
                "open_json": sha256_hex(opened), "recipients": list(recipients)})
    except BaseException:
        if lockfd is not None:
            os.close(lockfd)
        raise
    w = RecordingWriter(rec_id, folder, key, fhdr, chunk_size, open_obj, signer,
                        on_seal=v._finish_seal, on_release=lambda rid: v._writers.pop(rid, None),
                        lockfd=lockfd)
    v._writers[rec_id] = w
    if v.remote:  # the uploader appends the `create` entry and moves the parts as they are written
        v.uploader.kick()
    return w
