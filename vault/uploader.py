"""Moves recordings from the station's local spool into the vault's object store (docs/storage.md).

Recording never waits for the network: the live writer writes the station's spool (a local folder in
the vault format); this uploader copies what is on disk to the store — the recording's ``open.json``
and its ``create`` entry first, then each full part of ``data.tsv`` as soon as it is fsynced, then,
once sealed, the last part, ``header.json`` and the ``seal`` entry — and removes the spool copy when
the store holds all of it.  Every step is idempotent and checked against what the store already
holds, so it resumes after a crash, a network loss or a store restart; failures to reach the store
are retried with backoff (``retry.Backoff``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from common import jsonio

from .errors import IntegrityError, StoreUnavailable, VaultError
from .format.canonical import load_canonical, sha256_hex
from .layout import DATA, HEADER, OPEN, RECORDINGS, rec_path
from .storage.retry import Backoff
from .storage.s3 import PART_SIZE, S3Storage
from .writer import acquire_writer_lock

if TYPE_CHECKING:
    from .store import Vault

#: the details of a recording's `seal` / `recover` entry, kept in its spool folder until uploaded
SEAL_DETAILS = "seal.json"
#: held (flock) by the one uploader working on a spool
UPLOAD_LOCK = "upload.lock"
_PASS_LOCKS: dict[str, threading.RLock] = {}
_PASS_LOCKS_GUARD = threading.Lock()


def _pass_lock(root: Any) -> threading.RLock:
    """One pass at a time over a spool within this process (the file lock covers other processes)."""
    with _PASS_LOCKS_GUARD:
        return _PASS_LOCKS.setdefault(str(root), threading.RLock())


@dataclass
class UploadState:
    """What the clerk console shows: how much evidence is still only on this station."""
    #: "idle" (nothing to upload), "uploading", "waiting" (store unreachable, retrying), "failed"
    state: str = "idle"
    #: recordings still (partly) only in this station's spool, and their bytes not yet in the store
    pending: int = 0
    bytes_pending: int = 0
    #: recordings moved into the store since this station started
    uploaded: int = 0
    #: one line on the last failure (never content)
    last_error: str = ""
    #: seconds until the next attempt while waiting
    retry_in: float = 0.0


@dataclass
class SyncReport:
    uploaded: list[str] = field(default_factory=list)
    bytes: int = 0
    remaining: list[str] = field(default_factory=list)
    live: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: spool folders this station did not start (planted): moved to the spool's quarantine, never uploaded
    quarantined: list[str] = field(default_factory=list)


class Uploader:
    def __init__(self, vault: Vault, workers: int = 4):
        if not isinstance(vault.storage, S3Storage):
            raise VaultError("only a vault in an object store has an uploader")
        self.vault = vault
        self.store: S3Storage = vault.storage
        self.workers = workers
        self._done_parts: dict[str, set[int]] = {}
        self._status = UploadState()
        self._lock = threading.Lock()
        self._kick = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Condition()
        self._thread: threading.Thread | None = None
        #: what quarantining a planted folder said, by recording folder (handed to the pass's report)
        self._refused: dict[str, list[str]] = {}

    # -- the background thread ---------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="vault-uploader", daemon=True)
            self._thread.start()

    def kick(self) -> None:
        """Something new is in the spool: look now."""
        self._kick.set()

    def stop(self) -> None:
        self._stop.set()
        self._kick.set()
        if self._thread is not None:
            self._thread.join(30)

    def status(self) -> UploadState:
        with self._lock:
            return UploadState(**self._status.__dict__)

    def _set(self, **kw: Any) -> None:
        with self._lock:
            for k, v in kw.items():
                setattr(self._status, k, v)
        with self._idle:
            self._idle.notify_all()

    def drain(self, timeout: float) -> bool:
        """Wait (up to ``timeout`` s) until every sealed recording of the spool is in the store."""
        end = time.monotonic() + timeout
        self.kick()
        with self._idle:
            while True:
                if not self._pending_ids() and not self.vault._writers:
                    return True
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(min(left, 0.5))

    def _loop(self) -> None:
        backoff = Backoff(first=0.5, cap=15.0)
        while not self._stop.is_set():
            try:
                rep = self.sync_once()
                backoff.reset()
                self._set(state="uploading" if rep.remaining or rep.live else "idle", retry_in=0.0,
                          last_error="; ".join(rep.problems)[:300])
                wait = 1.0 if (rep.live or rep.remaining) else 30.0
            except StoreUnavailable as e:
                wait = backoff.next()
                self._set(state="waiting", last_error=str(e)[:300], retry_in=round(wait, 1))
            except Exception as e:  # reported, retried later: the spool keeps the recording
                wait = backoff.next()
                self._set(state="failed", last_error=f"{type(e).__name__}: {e}"[:300], retry_in=round(wait, 1))
            self._kick.wait(wait)
            self._kick.clear()

    # -- one pass ----------------------------------------------------------------------------------
    def _pending_ids(self) -> list[str]:
        d = self.vault.spool.path(RECORDINGS)
        return sorted(p.name for p in d.iterdir() if p.is_dir()) if d.is_dir() else []

    def sync_once(self) -> SyncReport:
        """One pass over the spool: upload what can be uploaded now.  StoreUnavailable when the store
        cannot be reached (nothing is lost: the next pass goes on from where the store is).  One
        uploader at a time per spool (this process's thread, `vault sync`, another program)."""
        with _pass_lock(self.vault.spool.root):
            fd = self._spool_lock()
            if fd is None:  # waiting helps: retry() backs off like for a store that is down
                raise StoreUnavailable("another program on this station is uploading the same recordings")
            try:
                return self._pass()
            finally:
                os.close(fd)

    def _spool_lock(self) -> int | None:
        root = self.vault.spool.root
        if not root.is_dir():
            return os.open(os.devnull, os.O_RDONLY)
        fd = os.open(root / UPLOAD_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except ImportError:  # pragma: no cover - non-POSIX
            pass
        return fd

    def _pass(self) -> SyncReport:
        rep = SyncReport()
        ids = self._pending_ids()
        self._set(pending=len(ids), bytes_pending=self._spool_bytes(ids))
        for rec_id in ids:
            try:
                done, sent = self._one(rec_id)
            except IntegrityError as e:
                rep.problems.append(str(e))
                rep.remaining.append(rec_id)
                continue
            rep.bytes += sent
            if done is True:
                rep.uploaded.append(rec_id)
                with self._lock:
                    self._status.uploaded += 1
            elif done == "live":
                rep.live.append(rec_id)
            elif done == "quarantined":
                rep.quarantined.append(rec_id)
                rep.problems += self._refused.pop(rec_id, [])
            else:
                rep.remaining.append(rec_id)
        ids = self._pending_ids()
        self._set(pending=len(ids), bytes_pending=self._spool_bytes(ids))
        return rep

    def _spool_bytes(self, ids: list[str]) -> int:
        total = 0
        for rec_id in ids:
            p = self.vault.spool.path(rec_path(rec_id, DATA))
            try:
                size = p.stat().st_size
            except OSError:
                continue
            total += max(0, size - len(self._done_parts.get(rec_id, ())) * PART_SIZE)
        return total

    def _one(self, rec_id: str) -> tuple[bool | str, int]:
        v = self.vault
        spool = v.spool
        folder = spool.path(rec_path(rec_id))
        sealed = (folder / HEADER).exists()
        writer = v._writers.get(rec_id)
        if not (folder / OPEN).exists():
            if sealed and v.state().recs.get(rec_id, {}).get("header") == sha256_hex((folder / HEADER).read_bytes()):
                return self._finish(rec_id), 0  # uploaded already, but the spool copy was not removed
            if sealed:
                return self._refuse(folder, "a sealed folder without open.json that the audit trail does not know"), 0
            return False, 0
        if writer is not None:
            durable = writer.durable_size
        elif sealed:
            durable = (folder / DATA).stat().st_size
        else:  # unsealed and not written by this process: live elsewhere, or left by a crash
            fd = acquire_writer_lock(folder, blocking=False)
            if fd is None:
                return "live", 0
            os.close(fd)
            return False, 0  # a crash left it: `recover` seals it first
        signer = v._signer(None)
        opened = (folder / OPEN).read_bytes()
        try:
            open_obj = load_canonical(opened, rec_path(rec_id, OPEN))
        except IntegrityError:
            open_obj = {}
        if writer is None and v.local.started_here(open_obj) != "mine":  # planted: never evidence
            return self._refuse(folder, "not a recording this station started (no valid station stamp): "
                                "never uploaded"), 0
        h = sha256_hex(opened)
        info = v.state().recs.get(rec_id, {})
        if info.get("open") != h:
            self._put_once(rec_path(rec_id, OPEN), opened)
            v._append(signer, "create", rec=rec_id, details={"open_json": h, "recipients": open_obj["recipients"]})
        sent = self._parts(rec_id, folder, durable, final=sealed)
        if not sealed:
            return "live" if writer is not None else False, sent
        hb = (folder / HEADER).read_bytes()
        hh = sha256_hex(hb)
        info = v.state().recs.get(rec_id, {})
        if info.get("header") != hh:
            details = jsonio.loads((folder / SEAL_DETAILS).read_bytes(), what=f"{rec_id}/{SEAL_DETAILS}")
            event = details.pop("event", "seal")
            self._put_once(rec_path(rec_id, HEADER), hb)
            v._append(signer, event, rec=rec_id, details=details)
        return self._finish(rec_id), sent

    def _refuse(self, folder: Any, why: str) -> str:
        """Move a spool folder this station did not create out of the way, audited (recover.quarantine)."""
        from .recover import RecoveryReport, quarantine

        rep = RecoveryReport()
        quarantine(self.vault, folder, why, self.vault._signer(None), rep)
        self._refused[folder.name] = rep.messages()
        self._done_parts.pop(folder.name, None)
        return "quarantined"

    def _finish(self, rec_id: str) -> bool:
        shutil.rmtree(self.vault.spool.path(rec_path(rec_id)), ignore_errors=True)
        self._done_parts.pop(rec_id, None)
        return True

    def _put_once(self, rel: str, data: bytes) -> None:
        """Create ``rel`` with exactly ``data``; if it exists it must already hold exactly ``data``."""
        if self.store.create(rel, data):
            return
        if sha256_hex(self.store.read(rel, pin=sha256_hex(data))) != sha256_hex(data):
            raise IntegrityError(f"{rel}: the store holds other bytes than this station's copy")

    def _parts(self, rec_id: str, folder: Any, durable: int, final: bool) -> int:
        rel = rec_path(rec_id, DATA)
        done = self._done_parts.get(rec_id)
        if done is None:  # first look at this recording (after a restart too): what does the store hold?
            done = set()
            have = {o["Key"].rsplit("/", 1)[-1]: o for o in self.store.list_keys(rel)}
            for name, o in have.items():
                n = int(name)
                local = self._read(folder / DATA, n)
                if len(local) == int(o["Size"]) and (len(local) == PART_SIZE or final) \
                        and o["ETag"].strip('"') == hashlib.md5(local, usedforsecurity=False).hexdigest():
                    done.add(n)
                elif len(local) == PART_SIZE or final:
                    raise IntegrityError(f"{rel}: part {n} in the store differs from this station's copy")
            self._done_parts[rec_id] = done
        count = durable // PART_SIZE + (1 if final and durable % PART_SIZE else 0)
        todo = [n for n in range(count) if n not in done]
        if not todo:
            return 0

        def put(n: int) -> int:
            data = self._read(folder / DATA, n)
            self._put_once(f"{rel}/{n:06d}", data)
            return len(data)

        sent = 0
        with ThreadPoolExecutor(self.workers) as pool:
            futures = {n: pool.submit(put, n) for n in todo}
            err: BaseException | None = None
            for n, f in futures.items():
                try:
                    sent += f.result()
                    done.add(n)
                except BaseException as e:  # the parts that made it stay done
                    err = err or e
            if err is not None:
                raise err
        return sent

    @staticmethod
    def _read(path: Any, n: int) -> bytes:
        with open(path, "rb") as f:
            f.seek(n * PART_SIZE)
            return f.read(PART_SIZE)
