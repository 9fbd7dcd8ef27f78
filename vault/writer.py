"""The live, encrypting writer of one recording (docs/vault-format.md §4-§6), and the signed header
that seals it.

The writer only ever writes into a local folder (the vault itself, or the station's spool when the
vault lives in an object store): recording never waits for a network.  Sealing builds the header
(``seal_header``) and hands it to the vault (``on_seal``), which stores it and writes the audit entry.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .audit import now_iso
from .errors import SealedError, VaultError
from .format import recipients as rcp
from .format import stream as st
from .format.canonical import b64e, cjson
from .fsutil import disk_errors
from .keys import Identity, fingerprint
from .layout import DATA, HEADER_FORMAT, U32, WRITER_LOCK, header_message, pack_index

try:
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

_U32 = U32


@dataclass
class SealInput:
    """What the writer (or crash recovery) knows when a stream is complete."""
    rec_id: str
    folder: Path
    open_obj: dict
    fhdr: bytes
    lens: list[int]
    hashes: list[bytes]
    plain_size: int
    meta: dict
    signer: Identity
    recovered: bool
    extra: dict | None = None


def seal_header(vault_id: str, s: SealInput) -> dict:
    """The signed header of a complete stream (§6)."""
    data_size = st.FILE_HEADER_LEN + sum(st.PREFIX_LEN + n + st.HASH_LEN for n in s.lens)
    o = s.open_obj
    signed = {"format": HEADER_FORMAT, "vault": vault_id, "id": s.rec_id, "created": o["created"],
              "sealed": now_iso(), "recovered": s.recovered, "chunk_size": o["chunk_size"],
              "stream_header": b64e(s.fhdr), "commitment": o["commitment"],
              "records": len(s.lens), "index": pack_index(s.lens), "plaintext_size": s.plain_size,
              "data_size": data_size, "root": st.root_hash(s.fhdr, s.hashes),
              "recipients": o["recipients"],
              "stanza_digests": [rcp.stanza_digest(x) for x in o["stanzas"]],
              "meta": s.meta, "signer": s.signer.role, "key": fingerprint(s.signer.ed25519_public)}
    return {"signed": signed, "sig": b64e(s.signer.sign(header_message(signed))), "stanzas": o["stanzas"]}


class RecordingWriter:
    """Non-seekable, write-only file object: encrypts as it writes. Thread-safe.

    Data is buffered up to `chunk_size`; `flush()` pushes a partial record and fsyncs, so a crash
    loses only what was written since the last flush."""

    def __init__(self, rec_id: str, folder: Path, data_key: bytes, fhdr: bytes, chunk_size: int,
                 open_obj: dict, signer: Identity, on_seal: Callable[[SealInput], Any],
                 on_release: Callable[[str], Any], lockfd: int | None = None):
        self._on_seal = on_seal
        self._on_release = on_release
        self.id = rec_id
        self._dir = folder
        self._cipher = st.StreamCipher(data_key, fhdr)
        self._fhdr = fhdr
        self._chunk = chunk_size
        self._open = open_obj
        self._signer = signer
        self._meta: dict[str, Any] = dict(open_obj["meta"])
        self._buf = bytearray()
        self._pos = 0
        self._lens: list[int] = []
        self._hashes: list[bytes] = []
        self._lock = threading.RLock()
        self._state = "open"
        self._dirty = False
        #: bytes of data.tsv known to be on disk (fsynced): what an uploader may copy
        self.durable_size = len(fhdr)
        with disk_errors(f"recordings/{rec_id}/{DATA}"):
            self._fd = os.open(folder / DATA, os.O_WRONLY | os.O_APPEND)
        # the writer lock (recovery skips a folder whose lock is held); create_recording takes it before
        # the folder holds anything, so recovery never mistakes a recording being created for a plant
        self._lockfd = lockfd if lockfd is not None else acquire_writer_lock(folder)
        # encryption happens in the caller's thread, record hashing + disk writes in an I/O thread (all
        # release the GIL), so they overlap; flush()/seal() wait for the queue to drain before fsync.
        self._q: queue.Queue = queue.Queue(maxsize=4)
        # at most 4 queued + 1 being written + 1 being filled: 8 buffers are never reused too early
        self._ring = [bytearray(chunk_size + st.TAG_LEN) for _ in range(8)] if chunk_size <= 4 << 20 else []
        self._ring_i = 0
        self._io_error: BaseException | None = None
        self._io = threading.Thread(target=self._io_loop, name=f"vault-writer-{rec_id}", daemon=True)
        self._io.start()

    # file-object protocol --------------------------------------------------------------------
    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    @property
    def closed(self) -> bool:
        return self._state != "open"

    def tell(self) -> int:
        return self._pos

    def write(self, b: bytes | bytearray | memoryview) -> int:
        with self._lock:
            self._check_open()
            mv = memoryview(b).cast("B")
            n = len(mv)
            if self._buf:
                take = min(n, self._chunk - len(self._buf))
                self._buf += mv[:take]
                mv = mv[take:]
                if len(self._buf) == self._chunk:
                    self._emit(bytes(self._buf), False)
                    self._buf.clear()
            while len(mv) >= self._chunk:
                self._emit(mv[: self._chunk], False)
                mv = mv[self._chunk:]
            if len(mv):
                self._buf += mv
            self._pos += n
            return n

    def flush(self) -> None:
        """Push buffered bytes as a (short) record and fsync: everything written so far survives a crash."""
        with self._lock:
            if self._state != "open":
                return
            if self._buf:
                self._emit(bytes(self._buf), False)
                self._buf.clear()
            self._drain()
            if self._dirty:
                with disk_errors(f"recordings/{self.id}/{DATA}"):
                    os.fsync(self._fd)
                    self.durable_size = os.fstat(self._fd).st_size
                self._dirty = False

    @property
    def meta(self) -> dict[str, Any]:
        """The recording's (clear, signed) metadata as it will be sealed."""
        with self._lock:
            return dict(self._meta)

    def set_meta(self, key: str, value: Any) -> None:
        with self._lock:
            self._check_open()
            cjson(value)  # must be JSON-serialisable
            self._meta[key] = value

    def seal(self) -> str:
        with self._lock:
            self._check_open()
            self._emit(bytes(self._buf), True)
            self._buf.clear()
            self._stop_io()
            with disk_errors(f"recordings/{self.id}/{DATA}"):
                os.fsync(self._fd)
                self.durable_size = os.fstat(self._fd).st_size
            os.close(self._fd)
            self._state = "sealing"
            self._on_seal(SealInput(self.id, self._dir, self._open, self._fhdr, self._lens, self._hashes,
                                    self._pos, self._meta, self._signer, recovered=False))
            self._state = "sealed"
            self._release()
            return self.id

    def abort(self) -> None:
        """Stop writing; what was written stays on disk as an unsealed recording for `Vault.recover()`."""
        with self._lock:
            if self._state != "open":
                return
            try:
                self.flush()
            finally:
                with contextlib.suppress(BaseException):
                    self._stop_io()
                os.close(self._fd)
                self._state = "aborted"
                self._release()

    def close(self) -> None:
        self.abort()

    def __enter__(self) -> RecordingWriter:
        return self

    def __exit__(self, et, ev, tb) -> None:
        if et is None and self._state == "open":
            self.seal()
        else:
            self.abort()

    # internals --------------------------------------------------------------------------------
    def _check_open(self) -> None:
        if self._state == "sealed":
            raise SealedError(f"recording {self.id} is sealed")
        if self._state != "open":
            raise VaultError(f"recording {self.id} writer is closed ({self._state})")

    def _emit(self, chunk, last: bool) -> None:
        self._raise_io()
        n = len(chunk)
        if (
            n == self._chunk and self._ring
        ):  # full records: encrypt into a reused buffer (no allocation, no page faults)
            buf = self._ring[self._ring_i]
            self._ring_i = (self._ring_i + 1) % len(self._ring)
            ct: bytes | memoryview = memoryview(buf)
            self._cipher.encrypt_into(len(self._lens), chunk, last, ct)
        else:
            ct = self._cipher.encrypt(len(self._lens), chunk, last)
        # 2 of every 5 records are hashed here, the rest in the I/O thread: balances the two cores
        h = st.record_hash(_U32.pack(len(ct)), ct) if len(self._lens) % 5 in (1, 3) else None
        self._lens.append(len(ct))
        self._dirty = True
        self._q.put((ct, h))

    def _io_loop(self) -> None:
        while True:
            item = self._q.get()
            try:
                if item is None:
                    return
                if self._io_error is None:
                    try:
                        ct, h = item
                        prefix = _U32.pack(len(ct))
                        h = h or st.record_hash(prefix, ct)
                        self._write_record(prefix, ct, h)
                        self._hashes.append(h)
                    except BaseException as e:  # reported to the caller on its next call
                        self._io_error = e
            finally:
                self._q.task_done()

    def _write_record(self, prefix: bytes, ct: bytes, h: bytes) -> None:
        with disk_errors(f"recordings/{self.id}/{DATA}"):
            want = len(prefix) + len(ct) + len(h)
            n = os.writev(self._fd, [prefix, ct, h])
            if n != want:  # short write: finish it
                rest = (prefix + ct + h)[n:]
                while rest:
                    k = os.write(self._fd, rest)
                    rest = rest[k:]

    def _raise_io(self) -> None:
        if self._io_error is not None:
            e = self._io_error
            raise e if isinstance(e, VaultError) else VaultError(f"write failed: {e}")

    def _drain(self) -> None:
        self._q.join()
        self._raise_io()

    def _stop_io(self) -> None:
        if self._io.is_alive():
            self._q.put(None)
            self._io.join()
        self._raise_io()

    def _release(self) -> None:
        if self._lockfd is not None:
            with contextlib.suppress(OSError):
                os.close(self._lockfd)
            self._lockfd = None
        self._on_release(self.id)


def acquire_writer_lock(folder: Path, blocking: bool = True) -> int | None:
    fd = os.open(folder / WRITER_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    if fcntl is None:
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(fd)
        return None
    return fd
