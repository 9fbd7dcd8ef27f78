"""Crash recovery (docs/vault-format.md §4 "Recovery scan", §7): restore an interrupted audit append,
delete revoked shares' files left by a crash, and seal every recording a crash left unsealed with its
intact records (the torn tail cut), audited as 'recover'.  Recordings with a live writer are skipped."""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

from .errors import IntegrityError
from .format import stream as st
from .format.canonical import b64d, load_canonical, sha256_hex
from .fsutil import TMP_SUFFIX
from .layout import DATA, HEADER, OPEN, RECORDINGS, SHARES
from .writer import SealInput, acquire_writer_lock

if TYPE_CHECKING:
    from .store import Vault


def recover(v: Vault, signer_passphrase: str | None = None) -> list[str]:
    v._repair_audit()
    done: list[str] = []
    # a vault in an object store: only the spool is recovered here (the uploader writes the entries)
    state = None if v.remote else v.state()
    for sid, sh in (state.shares if state else {}).items():  # a crash after 'unshare' / 'shred'
        if sh["revoked"]:
            v.storage.delete(f"{SHARES}/{sid}.json")
    spool = v.spool
    rec_dir = spool.path(RECORDINGS)
    if not rec_dir.is_dir():
        return done
    for folder in sorted(p for p in rec_dir.iterdir() if p.is_dir()):
        rec_id = folder.name
        if rec_id in v._writers:
            continue
        for tmp in folder.glob(f".*{TMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                tmp.unlink()
        if not (folder / OPEN).exists():
            continue
        if v.remote and (folder / HEADER).exists():
            continue  # sealed in the spool, waiting for the uploader
        lockfd = acquire_writer_lock(folder, blocking=False)
        if lockfd is None:
            continue  # being written right now
        try:
            signer = v._signer(signer_passphrase)
            info = state.recs.get(rec_id, {}) if state else {"open": sha256_hex((folder / OPEN).read_bytes())}
            if info.get("state") in ("sealed", "shredded"):
                os.unlink(folder / OPEN)  # crash after the seal entry: just tidy up
                continue
            opened = (folder / OPEN).read_bytes()
            open_obj = load_canonical(opened, f"recordings/{rec_id}/{OPEN}")
            if "open" not in info:  # crash before the create entry was written
                v._append(signer, "create", rec=rec_id, details={
                    "open_json": sha256_hex(opened), "recipients": open_obj["recipients"], "adopted": True})
            elif info["open"] != sha256_hex(opened):
                raise IntegrityError(f"recordings/{rec_id}/{OPEN}: differs from the audit trail")
            fhdr = b64d(open_obj["stream_header"])
            fd = os.open(folder / DATA, os.O_RDWR)
            try:
                size = os.fstat(fd).st_size
                if size < st.FILE_HEADER_LEN or os.pread(fd, st.FILE_HEADER_LEN, 0) != fhdr:
                    os.ftruncate(fd, 0)
                    os.write(fd, fhdr)
                    size = st.FILE_HEADER_LEN
                lens, hashes, end, problem = st.scan_records(fd, size)
                if end < size:
                    os.ftruncate(fd, end)
                os.fsync(fd)
            finally:
                os.close(fd)
            meta = dict(open_obj["meta"])
            meta["recovered"] = True
            plain = sum(n - st.TAG_LEN for n in lens)
            v._finish_seal(SealInput(rec_id, folder, open_obj, fhdr, lens, hashes, plain, meta, signer,
                                     recovered=True, extra={"cut_bytes": size - end, "torn": problem}))
            done.append(rec_id)
        finally:
            os.close(lockfd)
    return done
