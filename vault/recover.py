"""Crash recovery (docs/vault-format.md §4 "Recovery scan", §7, §15): restore an interrupted audit
append, delete revoked shares' files left by a crash, and seal every recording *this station* started
that a crash left unsealed, with its intact records (the torn tail cut), audited as 'recover'.

Nothing is ever signed that the station did not record:

- a folder under ``recordings/`` that the audit trail does not know (no ``create`` entry) is never
  adopted: it is moved to ``quarantine/<name>-<time>/`` and the move is audited (``quarantine``, with
  the hash of every file it held), or queued as a pending report when no key is unlocked.  A station
  writes nothing into a recording before its ``create`` entry is in the trail, so such a folder holds
  no testimony: it was planted, or a crash came between the folder and its entry;
- an unsealed recording whose ``open.json`` carries another station's stamp (or none: written before
  stamps existed) is left for the station that started it and reported;
- one whose stamp claims this station but whose MAC does not verify is reported and left alone;
- one whose ``open.json`` differs from the hash in its ``create`` entry is reported (verify fails on it).

Recordings with a live writer (any process of this machine) are skipped, and so is an unknown folder
younger than :data:`GRACE_SECONDS` (a recording being created holds its writer lock from its first
moment, so this is only a second line of defence).
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import pending as pending_mod
from .audit import now_iso
from .errors import IntegrityError, MissingKey, VaultError
from .format import stream as st
from .format.canonical import b64d, load_canonical, sha256_hex
from .fsutil import TMP_SUFFIX, fsync_dir
from .layout import DATA, HEADER, NOTES, OPEN, RECORDINGS, SHARES, WRITER_LOCK, is_id
from .writer import SealInput, acquire_writer_lock

if TYPE_CHECKING:
    from .keys import Identity
    from .store import Vault

QUARANTINE = "quarantine"
GRACE_SECONDS = 30.0
#: a quarantined file is hashed for the audit entry only up to this size (the rest is noted as such)
_HASH_LIMIT = 1 << 30


@dataclass
class RecoveryReport:
    sealed: list[str] = field(default_factory=list)
    #: (folder, where it went, why)
    quarantined: list[tuple[str, str, str]] = field(default_factory=list)
    #: recordings left for the station that started them (or for a judge to adopt)
    others: list[str] = field(default_factory=list)
    #: what recovery could not fix (verify reports the same)
    problems: list[str] = field(default_factory=list)

    def messages(self) -> list[str]:
        """One line per thing a station should tell its user (never testimony)."""
        out = [f"quarantined {src} (moved to {dst}): {why}" for src, dst, why in self.quarantined]
        out += [f"recordings/{r}: unsealed, started by another station (or before stations were "
                "identified): left for it" for r in self.others]
        out += list(self.problems)
        return out


def recover(v: Vault, signer_passphrase: str | None = None) -> list[str]:
    rep = RecoveryReport()
    v.recovery = rep
    v._repair_audit()
    # a vault in an object store: only the spool is recovered here (the uploader writes the entries)
    state = None if v.remote else v.state()
    for sid, sh in (state.shares if state else {}).items():  # a crash after 'unshare' / 'shred'
        if sh["revoked"]:
            v.storage.delete(f"{SHARES}/{sid}.json")
    for nid in (state.removed_notes if state else ()):  # notes destroyed with their share or by shredding
        v.storage.delete(f"{NOTES}/{nid}.json")
    spool = v.spool
    rec_dir = spool.path(RECORDINGS)
    if not rec_dir.is_dir():
        return rep.sealed
    signer: Identity | None = None

    def get_signer() -> Identity | None:
        nonlocal signer
        if signer is None:
            with contextlib.suppress(MissingKey):
                signer = v._signer(signer_passphrase)
        return signer

    for folder in sorted(rec_dir.iterdir()):
        name = folder.name
        if name in v._writers:
            continue
        if folder.is_symlink() or not folder.is_dir():
            if folder.is_symlink():
                quarantine(v, folder, "a symbolic link where a recording folder belongs", get_signer(), rep)
            continue  # a stray file: verify reports it
        if state is None:
            _recover_spooled(v, folder, name, signer_passphrase, get_signer, rep)
            continue
        info = state.recs.get(name) if is_id(name) else None
        if info is None:
            if time.time() - _newest(folder) < GRACE_SECONDS:
                rep.problems.append(f"recordings/{name[:40]}: not (yet) in the audit trail; checked again "
                                    "at the next start")
                continue
            if (folder / WRITER_LOCK).exists():
                probe = acquire_writer_lock(folder, blocking=False)
                if probe is None:
                    continue  # a live writer holds it: being created right now
                os.close(probe)
            quarantine(v, folder, "no create entry in the audit trail: never adopted (planted?)",
                        get_signer(), rep)
            continue
        lockfd = acquire_writer_lock(folder, blocking=False)
        if lockfd is None:
            continue  # being written right now
        try:
            for tmp in folder.glob(f".*{TMP_SUFFIX}"):
                with contextlib.suppress(OSError):
                    tmp.unlink()
            if not (folder / OPEN).exists():
                continue
            if info.get("state") in ("sealed", "shredded"):
                os.unlink(folder / OPEN)  # crash after the seal entry: just tidy up
                continue
            _complete(v, folder, name, info, signer_passphrase, rep)
        finally:
            if lockfd is not None:
                os.close(lockfd)
    return rep.sealed


def _recover_spooled(v: Vault, folder: Path, name: str, signer_passphrase: str | None, get_signer: Any,
                     rep: RecoveryReport) -> None:
    """The spool of a vault in an object store holds only what this station recorded (its entries reach
    the trail with the upload): a folder it did not start (no valid station stamp) is quarantined."""
    for tmp in folder.glob(f".*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            tmp.unlink()
    if (folder / HEADER).exists() and not (folder / OPEN).exists():
        return  # sealed in the spool, waiting for the uploader
    if not (folder / OPEN).exists() or not is_id(name):
        if time.time() - _newest(folder) >= GRACE_SECONDS:
            quarantine(v, folder, "not a recording this station started", get_signer(), rep)
        return
    if (folder / HEADER).exists():
        return  # sealed (the seal entry goes with the upload)
    lockfd = acquire_writer_lock(folder, blocking=False)
    if lockfd is None:
        return  # being written right now
    try:
        try:
            opened = (folder / OPEN).read_bytes()
            mine = v.local.started_here(load_canonical(opened, f"recordings/{name}/{OPEN}"))
        except (OSError, IntegrityError):
            mine = "other"
        if mine != "mine":
            if time.time() - _newest(folder) < GRACE_SECONDS:
                return
            os.close(lockfd)
            lockfd = None
            quarantine(v, folder, "not a recording this station started (no valid station stamp)", get_signer(), rep)
            return
        _complete(v, folder, name, {"open": sha256_hex(opened)}, signer_passphrase, rep)
    finally:
        if lockfd is not None:
            os.close(lockfd)


def _complete(v: Vault, folder: Path, rec_id: str, info: dict, signer_passphrase: str | None,
              rep: RecoveryReport) -> None:
    """Seal one unsealed recording of the trail, if this station started it."""
    what = f"recordings/{rec_id}/{OPEN}"
    try:
        opened = (folder / OPEN).read_bytes()
        open_obj = load_canonical(opened, what)
    except (OSError, IntegrityError) as exc:
        rep.problems.append(f"{what}: unreadable ({exc}); not recovered")
        return
    if info.get("open") != sha256_hex(opened):
        rep.problems.append(f"{what}: differs from the hash in its create entry (modified); not recovered")
        return
    mine = v.local.started_here(open_obj)
    if mine == "other":
        rep.others.append(rec_id)
        return
    if mine == "forged":
        rep.problems.append(f"{what}: claims this station, but its station MAC does not verify; not recovered")
        return
    signer = v._signer(signer_passphrase)
    fhdr = b64d(open_obj["stream_header"])
    fd = os.open(folder / DATA, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
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
    rep.sealed.append(rec_id)


def _newest(folder: Path) -> float:
    """The latest change in a folder (itself and the files directly in it)."""
    times = [folder.lstat().st_mtime]
    with contextlib.suppress(OSError):
        times += [p.lstat().st_mtime for p in folder.iterdir()]
    return max(times)


def _file_hashes(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    if folder.is_symlink():
        return {".": f"symlink to {os.readlink(folder)[:200]}"}
    for p in sorted(folder.iterdir())[:64]:
        key = p.name[:64]
        if p.is_symlink():
            out[key] = f"symlink to {os.readlink(p)[:200]}"
        elif p.is_file() and p.stat().st_size <= _HASH_LIMIT:
            out[key] = sha256_hex(p.read_bytes())
        else:
            out[key] = "not hashed (folder or too large)"
    return out


def quarantine(v: Vault, folder: Path, why: str, signer: Identity | None, rep: RecoveryReport) -> None:
    """Move ``folder`` out of ``recordings/`` into ``quarantine/`` and audit the move."""
    qdir = v.spool.path(QUARANTINE)
    src = f"{RECORDINGS}/{folder.name[:64]}"
    try:
        hashes = _file_hashes(folder)
        qdir.mkdir(mode=0o700, exist_ok=True)
        stamp = now_iso().replace(":", "-")
        target = qdir / f"{folder.name[:64]}-{stamp}"
        os.rename(folder, target)
        fsync_dir(qdir)
        fsync_dir(folder.parent)
    except OSError as exc:
        rep.problems.append(f"{src}: not in the audit trail, and it could not be quarantined "
                            f"({exc.strerror or type(exc).__name__})")
        return
    dst = f"{QUARANTINE}/{target.name}"
    details = {"folder": src, "to": dst, "reason": why, "files": hashes}
    try:
        if signer is not None:
            v._append(signer, "quarantine", details=details)
        else:
            pending_mod.report(v.storage, "quarantine", {"folder": src, "to": dst, "reason": why})
    except (VaultError, OSError) as exc:
        rep.problems.append(f"{src}: quarantined to {dst}, but the move could not be audited ({type(exc).__name__})")
    rep.quarantined.append((src, dst, why))
