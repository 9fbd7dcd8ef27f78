"""The sealed store: a vault folder holding role identities, encrypted recordings and the audit trail.

See docs/vault-format.md for the exact on-disk format. Nothing here writes plaintext to disk, except
`export_plain`, the explicit, audited plain export.
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import hashlib
import io
import os
import queue
import secrets
import struct
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .audit import CHECKPOINT, LOG, AuditEntry, AuditLog, now_iso, vault_lock
from .errors import (
    AccessDenied,
    IntegrityError,
    MissingKey,
    NotFound,
    SealedError,
    VaultError,
    VaultNotInitialised,
    WrongPassphrase,
)
from .format import extras as ex
from .format import recipients as rcp
from .format import stream as st
from .format.canonical import b64d, b64e, cjson, dump_canonical, load_canonical, sha256_hex
from .fsutil import TMP_SUFFIX, atomic_write, disk_errors, fsync_dir
from .keys import (
    Identity,
    KdfParams,
    fingerprint,
    new_identity_file,
    parse_public,
    rewrap_identity,
    unlock_identity,
    verify_sig,
)

try:
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

VAULT_FORMAT = "testimony-shield-vault/1"
OPEN_FORMAT = "testimony-shield-recording-open/1"
HEADER_FORMAT = "testimony-shield-header/1"
VAULT_JSON = "vault.json"
IDENTITIES = "identities"
RECORDINGS = "recordings"
DATA = "data.tsv"
HEADER = "header.json"
OPEN = "open.json"
WRITER_LOCK = "writer.lock"
NOTES = "notes"
SHARES = "shares"
STATION = "station"
DEFAULT_ROLES = ("judge", "clerk", "defence")
_U32 = struct.Struct(">I")


def header_message(signed: dict) -> bytes:
    return b"testimony-shield/v1 header\n" + cjson(signed)


def _pack_index(lens: Sequence[int]) -> str:
    return b64e(b"".join(_U32.pack(n) for n in lens))


def _unpack_index(s: str) -> list[int]:
    raw = b64d(s)
    if len(raw) % 4:
        raise ValueError("bad index")
    return [x[0] for x in _U32.iter_unpack(raw)]


def _refuse_two_person(rec_id: str, header: dict, what: str) -> None:
    """A recording under the two-person rule is never turned into one a single role can open: not
    even the two people together can waive the rule by copying or sharing it."""
    if any("+" in r for r in header["signed"]["recipients"]):
        raise AccessDenied(f"recording {rec_id} is under the two-person rule: it cannot be {what} to one role")


#: kinds of vault records that hold documents, not media (see docs/session-format.md)
NON_MEDIA_KINDS = frozenset({"plan", "session"})


@dataclass
class RecordingInfo:
    id: str
    created: str
    sealed: bool
    meta: dict[str, Any]
    size: int
    shredded: bool = False


@dataclass
class Note:
    """A decrypted private note: ``at`` is the playback position in seconds."""
    id: str
    rec: str
    at: float
    text: str
    created: str
    author: str


@dataclass
class ShareInfo:
    id: str
    rec: str
    role: str
    expires: str
    created: str
    by: str
    expired: bool


@dataclass
class VerifyReport:
    ok: bool
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    recordings: int = 0
    audit_entries: int = 0
    head: str = ""


# ------------------------------------------------------------------------------------------------
# Writer
# ------------------------------------------------------------------------------------------------


class RecordingWriter:
    """Non-seekable, write-only file object: encrypts as it writes. Thread-safe.

    Data is buffered up to `chunk_size`; `flush()` pushes a partial record and fsyncs, so a crash
    loses only what was written since the last flush."""

    def __init__(self, vault: Vault, rec_id: str, folder: Path, data_key: bytes, fhdr: bytes,
                 chunk_size: int, open_obj: dict, signer: Identity):
        self._vault = vault
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
        with disk_errors(f"recordings/{rec_id}/{DATA}"):
            self._fd = os.open(folder / DATA, os.O_WRONLY | os.O_APPEND)
        self._lockfd = _acquire_writer_lock(folder)
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
                self._dirty = False

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
            os.close(self._fd)
            self._state = "sealing"
            self._vault._finish_seal(self.id, self._dir, self._open, self._fhdr, self._lens, self._hashes,
                                     self._pos, self._meta, self._signer, recovered=False)
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
        if n == self._chunk and self._ring:  # full records: encrypt into a reused buffer (no allocation, no page faults)
            buf = self._ring[self._ring_i]
            self._ring_i = (self._ring_i + 1) % len(self._ring)
            ct = memoryview(buf)
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
        self._vault._writers.pop(self.id, None)


def _acquire_writer_lock(folder: Path, blocking: bool = True) -> int | None:
    fd = os.open(folder / WRITER_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    if fcntl is None:
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


# ------------------------------------------------------------------------------------------------
# Reader
# ------------------------------------------------------------------------------------------------


class RecordingReader(io.RawIOBase):
    """Seekable, read-only view of a sealed recording's plaintext; decrypts chunks on demand (LRU cache).
    Any authentication failure raises IntegrityError; wrong plaintext is never returned."""

    def __init__(self, path: Path, rec_id: str, signed: dict, data_key: bytes, cache_chunks: int = 8):
        super().__init__()
        self.id = rec_id
        self._what = f"recordings/{rec_id}/{DATA}"
        try:
            self._fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            raise IntegrityError(f"{self._what}: missing") from None
        try:
            self._fhdr = b64d(signed["stream_header"])
            if os.pread(self._fd, st.FILE_HEADER_LEN, 0) != self._fhdr:
                raise IntegrityError(f"{self._what}: stream header differs from the signed header")
            if os.fstat(self._fd).st_size != signed["data_size"]:
                raise IntegrityError(f"{self._what}: size differs from the signed header (truncated or extended)")
            self._cipher = st.StreamCipher(data_key, self._fhdr)
            self._lens = _unpack_index(signed["index"])
            self._recovered = bool(signed["recovered"])
        except BaseException:
            os.close(self._fd)
            raise
        self._file_off: list[int] = []
        self._pt_off: list[int] = []
        f, p = st.FILE_HEADER_LEN, 0
        for n in self._lens:
            self._file_off.append(f)
            self._pt_off.append(p)
            f += st.PREFIX_LEN + n + st.HASH_LEN
            p += n - st.TAG_LEN
        self._size = p
        self._pos = 0
        self._cache: collections.OrderedDict[int, bytes] = collections.OrderedDict()
        self._cache_max = cache_chunks
        self._lock = threading.Lock()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def size(self) -> int:
        return self._size

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = self._size + offset
        else:
            raise ValueError("invalid whence")
        if pos < 0:
            raise ValueError("negative seek position")
        self._pos = pos
        return pos

    def _chunk(self, i: int) -> bytes:
        c = self._cache.get(i)
        if c is not None:
            self._cache.move_to_end(i)
            return c
        n = self._lens[i]
        raw = os.pread(self._fd, st.PREFIX_LEN + n, self._file_off[i])
        if len(raw) != st.PREFIX_LEN + n or raw[: st.PREFIX_LEN] != _U32.pack(n):
            raise IntegrityError(f"{self._what}: chunk {i} length prefix differs from the signed index")
        last = i == len(self._lens) - 1 and not self._recovered
        c = self._cipher.open_record(i, raw[st.PREFIX_LEN:], last, self._what)
        self._cache[i] = c
        if len(self._cache) > self._cache_max:
            self._cache.popitem(last=False)
        return c

    def readinto(self, b) -> int:
        if self.closed:
            raise ValueError("I/O operation on closed reader")
        with self._lock:
            mv = memoryview(b).cast("B")
            want = min(len(mv), max(0, self._size - self._pos))
            done = 0
            while done < want:
                i = bisect.bisect_right(self._pt_off, self._pos) - 1
                c = self._chunk(i)
                off = self._pos - self._pt_off[i]
                k = min(want - done, len(c) - off)
                if k <= 0:  # empty chunk (e.g. an empty final record)
                    break
                mv[done: done + k] = c[off: off + k]
                done += k
                self._pos += k
            return done

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = max(0, self._size - self._pos)
        buf = bytearray(min(n, max(0, self._size - self._pos)))
        k = self.readinto(buf)
        return bytes(buf[:k])

    def readall(self) -> bytes:
        return self.read(-1)

    def close(self) -> None:
        if not self.closed:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._cache.clear()
        super().close()


# ------------------------------------------------------------------------------------------------
# Vault
# ------------------------------------------------------------------------------------------------


class Vault:
    """A vault folder. Writing recordings needs the station key (unlocked by `open_or_init` or a
    `signer_passphrase`); reading needs an unlocked recipient identity; `verify()` needs no key."""

    def __init__(self, root: Path, cfg: dict, station: Identity | None = None):
        self.root = Path(root)
        self._cfg = cfg
        self.id: str = cfg["vault_id"]
        self._station = station
        self._audit = AuditLog(self.root, self.id)
        self._writers: dict[str, RecordingWriter] = {}
        #: the time used to enforce share expiry (tests inject a clock)
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    # -- construction ---------------------------------------------------------------------------
    @staticmethod
    def exists(root: Path) -> bool:
        return (Path(root) / VAULT_JSON).exists()

    @classmethod
    def init(cls, root: Path, passphrase: str, roles: Iterable[str] = DEFAULT_ROLES,
             kdf: KdfParams | None = None) -> Vault:
        """Create a vault with a `station` identity (signs headers) and the given roles, all protected by
        `passphrase` (change them with `change_passphrase`)."""
        root = Path(root)
        kdf = kdf or KdfParams.default()
        if cls.exists(root):
            raise VaultError(f"a vault already exists in {root}")
        if not passphrase:
            raise WrongPassphrase("an empty passphrase is not allowed")
        roles = [STATION] + [r for r in roles if r != STATION]
        with disk_errors("vault"):
            (root / IDENTITIES).mkdir(parents=True, exist_ok=True)
            (root / RECORDINGS).mkdir(exist_ok=True)
        vault_id = secrets.token_hex(16)
        pins: dict[str, dict] = {}
        files: dict[str, bytes] = {}
        idents: dict[str, Identity] = {}
        for role in roles:
            _check_role_name(role)
            obj, ident = new_identity_file(role, passphrase, kdf)
            files[role] = dump_canonical(obj)
            pins[role] = {"x25519": obj["x25519"], "ed25519": obj["ed25519"]}
            idents[role] = ident
        cfg = {"format": VAULT_FORMAT, "vault_id": vault_id, "created": now_iso(), "station": STATION,
               "roles": pins}
        vj = dump_canonical(cfg)
        with vault_lock(root):
            for role, data in files.items():
                atomic_write(root / IDENTITIES / f"{role}.json", data)
            atomic_write(root / VAULT_JSON, vj)
        v = cls(root, cfg, idents[STATION])
        v._audit.append(idents[STATION], v._keys(), "init", details={
            "vault_json": sha256_hex(vj), "identities": {r: sha256_hex(d) for r, d in files.items()},
            "kdf": {"memory_kib": kdf.memory_kib, "iterations": kdf.iterations, "lanes": kdf.lanes}},
            genesis=True)
        return v

    @classmethod
    def open(cls, root: Path) -> Vault:
        root = Path(root)
        try:
            data = (root / VAULT_JSON).read_bytes()
        except FileNotFoundError:
            raise VaultNotInitialised(f"no vault in {root} (vault.json missing)") from None
        cfg = load_canonical(data, VAULT_JSON)
        try:
            if cfg["format"] != VAULT_FORMAT:
                raise IntegrityError(f"{VAULT_JSON}: unknown format")
            for pin in cfg["roles"].values():
                b64d(pin["x25519"]), b64d(pin["ed25519"])
            v = cls(root, cfg)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise IntegrityError(f"{VAULT_JSON}: malformed (modified)") from None
        if _replay(v._audit.entries())[0] != sha256_hex(data):
            raise IntegrityError(f"{VAULT_JSON}: differs from the hash recorded in the audit trail (modified)")
        return v

    @classmethod
    def open_or_init(cls, root: Path, passphrase: str, kdf: KdfParams | None = None) -> Vault:
        """Open the vault in `root` (creating it with roles judge, clerk, defence and the station, all
        protected by `passphrase`, if there is none) and unlock the station signing key with
        `passphrase`, so recordings can be written and sealed. WrongPassphrase if it does not fit."""
        root = Path(root)
        if not cls.exists(root):
            return cls.init(root, passphrase, kdf=kdf)
        v = cls.open(root)
        v._station = v._load_identity(v._cfg.get("station", STATION), passphrase)
        with contextlib.suppress(VaultError):
            v._audit.repair(v._keys())
        return v

    # -- identities -----------------------------------------------------------------------------
    @property
    def can_sign(self) -> bool:
        """Whether the station signing key is unlocked (needed to write a new recording)."""
        return self._station is not None

    def roles(self) -> list[str]:
        return sorted(self._cfg["roles"])

    def _keys(self) -> dict[str, bytes]:
        return {r: b64d(p["ed25519"]) for r, p in self._cfg["roles"].items()}

    def _identity_obj(self, role: str) -> dict:
        if role not in self._cfg["roles"]:
            raise NotFound(f"no role '{role}' in this vault (roles: {', '.join(self.roles())})")
        path = self.root / IDENTITIES / f"{role}.json"
        try:
            obj = load_canonical(path.read_bytes(), f"{IDENTITIES}/{role}.json")
        except FileNotFoundError:
            raise IntegrityError(f"{IDENTITIES}/{role}.json: missing") from None
        x, ed = parse_public(obj, f"{IDENTITIES}/{role}.json")
        if _replay(self._audit.entries())[1].get(role) != sha256_hex(path.read_bytes()):
            raise IntegrityError(f"{IDENTITIES}/{role}.json: differs from the hash in the audit trail (modified)")
        pin = self._cfg["roles"][role]
        if b64e(x) != pin["x25519"] or b64e(ed) != pin["ed25519"] or obj.get("role") != role:
            raise IntegrityError(f"{IDENTITIES}/{role}.json: keys differ from those pinned in vault.json")
        return obj

    def _load_identity(self, role: str, passphrase: str) -> Identity:
        return unlock_identity(self._identity_obj(role), passphrase, f"{IDENTITIES}/{role}.json")

    def unlock(self, role: str, passphrase: str) -> Identity:
        """Unlock a role with its passphrase (WrongPassphrase otherwise); audited as 'unlock'."""
        try:
            ident = self._load_identity(role, passphrase)
        except WrongPassphrase:
            if self._station is not None:
                with contextlib.suppress(VaultError):
                    self._audit.append(self._station, self._keys(), "unlock-failed", details={"role": role})
            raise
        self._audit.append(ident, self._keys(), "unlock", details={"role": role})
        return ident

    def change_passphrase(self, role: str, old: str, new: str, kdf: KdfParams | None = None) -> None:
        if not new:
            raise WrongPassphrase("an empty passphrase is not allowed")
        ident = self._load_identity(role, old)
        obj = rewrap_identity(self._identity_obj(role), ident, new, kdf or KdfParams.default())
        data = dump_canonical(obj)
        with vault_lock(self.root):
            atomic_write(self.root / IDENTITIES / f"{role}.json", data)
        self._audit.append(ident, self._keys(), "passphrase", details={
            "role": role, "identities": {role: sha256_hex(data)}})
        if role == self._cfg.get("station", STATION):
            self._station = ident

    def _signer(self, signer_passphrase: str | None) -> Identity:
        if signer_passphrase is not None:
            return self._load_identity(self._cfg.get("station", STATION), signer_passphrase)
        if self._station is None:
            raise MissingKey("the station signing key is locked: open the vault with a passphrase "
                             "(Vault.open_or_init) or pass signer_passphrase")
        return self._station

    # -- writing --------------------------------------------------------------------------------
    def create_recording(self, meta: dict | None = None, recipients: Sequence[str] = ("judge",),
                         signer_passphrase: str | None = None, *,
                         chunk_size: int = st.DEFAULT_CHUNK) -> RecordingWriter:
        """Start an encrypted recording. `recipients` are role names; "judge+clerk" means a two-person
        rule (the data key is XOR-split between the two roles, both must be unlocked to read)."""
        signer = self._signer(signer_passphrase)
        meta = dict(meta or {})
        cjson(meta)
        if not recipients:
            raise VaultError("a recording needs at least one recipient")
        if not 1024 <= chunk_size <= 64 * 1024 * 1024:
            raise VaultError("chunk size out of range")
        rec_id = secrets.token_hex(8)
        data_key = os.urandom(32)
        salt = st.new_salt()
        fhdr = st.file_header(rec_id, salt)
        stanzas = []
        for r in recipients:
            group = r.split("+")
            for g in group:
                if g not in self._cfg["roles"] or g == self._cfg.get("station", STATION):
                    raise NotFound(f"no recipient role '{g}' in this vault")
            if len(group) == 1:
                stanzas.append(rcp.wrap(data_key, b64d(self._cfg["roles"][r]["x25519"]), r, rec_id))
            elif len(group) == 2:
                if group[0] == group[1]:  # "judge+judge" would let one person open it alone
                    raise VaultError(f"a two-person rule needs two different roles, not '{r}'")
                a, b = rcp.xor_split(data_key)
                for k, (g, share) in enumerate(zip(group, (a, b), strict=True), 1):
                    stanzas.append(rcp.wrap(share, b64d(self._cfg["roles"][g]["x25519"]), g, rec_id,
                                            share=f"xor:{r}:{k}/2"))
            else:
                raise VaultError("only 2-person groups are supported (e.g. 'judge+clerk')")
        open_obj = {"format": OPEN_FORMAT, "vault": self.id, "id": rec_id, "created": now_iso(),
                    "chunk_size": chunk_size, "stream_header": b64e(fhdr),
                    "commitment": st.key_commitment(data_key, salt, rec_id).hex(),
                    "recipients": list(recipients), "stanzas": stanzas, "meta": meta}
        folder = self.root / RECORDINGS / rec_id
        opened = dump_canonical(open_obj)
        with disk_errors(f"recordings/{rec_id}"):
            folder.mkdir(parents=True)
            fd = os.open(folder / DATA, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, fhdr)
                os.fsync(fd)
            finally:
                os.close(fd)
        atomic_write(folder / OPEN, opened)
        fsync_dir(folder.parent)
        self._audit.append(signer, self._keys(), "create", rec=rec_id, details={
            "open_json": sha256_hex(opened), "recipients": list(recipients)})
        w = RecordingWriter(self, rec_id, folder, data_key, fhdr, chunk_size, open_obj, signer)
        self._writers[rec_id] = w
        return w

    def _finish_seal(self, rec_id: str, folder: Path, open_obj: dict, fhdr: bytes, lens: list[int],
                     hashes: list[bytes], plain_size: int, meta: dict, signer: Identity,
                     recovered: bool, extra: dict | None = None) -> str:
        data_size = st.FILE_HEADER_LEN + sum(st.PREFIX_LEN + n + st.HASH_LEN for n in lens)
        signed = {"format": HEADER_FORMAT, "vault": self.id, "id": rec_id, "created": open_obj["created"],
                  "sealed": now_iso(), "recovered": recovered, "chunk_size": open_obj["chunk_size"],
                  "stream_header": b64e(fhdr), "commitment": open_obj["commitment"],
                  "records": len(lens), "index": _pack_index(lens), "plaintext_size": plain_size,
                  "data_size": data_size, "root": st.root_hash(fhdr, hashes),
                  "recipients": open_obj["recipients"],
                  "stanza_digests": [rcp.stanza_digest(s) for s in open_obj["stanzas"]],
                  "meta": meta, "signer": signer.role, "key": fingerprint(signer.ed25519_public)}
        header = {"signed": signed, "sig": b64e(signer.sign(header_message(signed))),
                  "stanzas": open_obj["stanzas"]}
        hb = dump_canonical(header)
        atomic_write(folder / HEADER, hb)
        details = {"header_json": sha256_hex(hb), "root": signed["root"], "records": len(lens),
                   "plaintext_size": plain_size}
        details.update(extra or {})
        self._audit.append(signer, self._keys(), "recover" if recovered else "seal", rec=rec_id,
                           details=details)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / OPEN)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / WRITER_LOCK)
        fsync_dir(folder)
        return rec_id

    def recover(self, signer_passphrase: str | None = None) -> list[str]:
        """Seal unsealed recordings left by a crash with every intact record (torn tail cut), audited as
        'recover'. Recordings with a live writer (any process) are skipped. Returns the ids sealed."""
        keys = self._keys()
        self._audit.repair(keys)
        done: list[str] = []
        entries = self._audit.entries()
        state = _replay(entries)[2]
        for sid, sh in _replay_extras(entries)[1].items():  # a crash after 'unshare' / 'shred'
            if sh["revoked"]:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.root / SHARES / f"{sid}.json")
        rec_dir = self.root / RECORDINGS
        if not rec_dir.is_dir():
            return done
        for folder in sorted(p for p in rec_dir.iterdir() if p.is_dir()):
            rec_id = folder.name
            if rec_id in self._writers:
                continue
            for tmp in folder.glob(f".*{TMP_SUFFIX}"):
                with contextlib.suppress(OSError):
                    tmp.unlink()
            if not (folder / OPEN).exists():
                continue
            lockfd = _acquire_writer_lock(folder, blocking=False)
            if lockfd is None:
                continue  # being written right now
            try:
                signer = self._signer(signer_passphrase)
                info = state.get(rec_id, {})
                if info.get("state") in ("sealed", "shredded"):
                    os.unlink(folder / OPEN)  # crash after the seal entry: just tidy up
                    continue
                opened = (folder / OPEN).read_bytes()
                open_obj = load_canonical(opened, f"recordings/{rec_id}/{OPEN}")
                if "open" not in info:  # crash before the create entry was written
                    self._audit.append(signer, keys, "create", rec=rec_id, details={
                        "open_json": sha256_hex(opened), "recipients": open_obj["recipients"],
                        "adopted": True})
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
                self._finish_seal(rec_id, folder, open_obj, fhdr, lens, hashes, plain, meta, signer,
                                  recovered=True, extra={"cut_bytes": size - end, "torn": problem})
                done.append(rec_id)
            finally:
                os.close(lockfd)
        return done

    # -- reading --------------------------------------------------------------------------------
    def _resolve(self, rec_id: str) -> str:
        d = self.root / RECORDINGS
        if (d / rec_id).is_dir():
            return rec_id
        matches = [p.name for p in d.iterdir() if p.is_dir() and p.name.startswith(rec_id)] if d.is_dir() else []
        if len(matches) == 1 and rec_id:
            return matches[0]
        if len(matches) > 1:
            raise NotFound(f"recording id '{rec_id}' is ambiguous")
        raise NotFound(f"no recording '{rec_id}' in this vault")

    def _load_header(self, rec_id: str, check_audit: bool = True) -> tuple[dict, bytes]:
        """Load and check a sealed header: exact bytes against the audit trail, station signature."""
        rec_id = self._resolve(rec_id)
        path = self.root / RECORDINGS / rec_id / HEADER
        what = f"recordings/{rec_id}/{HEADER}"
        try:
            hb = path.read_bytes()
        except FileNotFoundError:
            if (path.parent / OPEN).exists():
                raise VaultError(f"recording {rec_id} is not sealed yet (run recover)") from None
            raise IntegrityError(f"{what}: missing") from None
        if check_audit:
            state = _replay(self._audit.entries())[2].get(rec_id, {})
            if state.get("header") != sha256_hex(hb):
                raise IntegrityError(f"{what}: differs from the hash in the audit trail (modified)")
        header = load_canonical(hb, what)
        problems = _check_header_sig(header, self._keys(), self._cfg.get("station", STATION), what)
        if problems:
            raise IntegrityError(problems[0])
        return header, hb

    def _data_key(self, rec_id: str, header: dict, identity: Identity | Sequence[Identity]) -> bytes:
        idents = list(identity) if isinstance(identity, (list, tuple)) else [identity]
        signed = header["signed"]
        stanzas = [s for s in header["stanzas"] if "wrapped" in s]
        fhdr = b64d(signed["stream_header"])
        _, salt = st.parse_file_header(fhdr, f"recordings/{rec_id}/{HEADER}")
        commitment = bytes.fromhex(signed["commitment"])
        roles = {i.role for i in idents}
        for s in stanzas:  # a full key for one of our roles
            if s["share"] == "full" and s["role"] in roles:
                ident = next(i for i in idents if i.role == s["role"])
                key = rcp.unwrap(s, ident.x25519_private, rec_id)
                if not st.check_commitment(key, salt, rec_id, commitment):
                    raise IntegrityError(f"recordings/{rec_id}/{HEADER}: key for '{s['role']}' fails the key commitment")
                return key
        groups: dict[str, list[dict]] = {}
        for s in stanzas:
            if s["share"].startswith("xor:"):
                groups.setdefault(s["share"].split(":")[1], []).append(s)
        for group, ss in groups.items():
            need = set(group.split("+"))
            if need <= roles and len(need) == 2 and len(ss) == 2 and {s["role"] for s in ss} == need:
                parts = [rcp.unwrap(s, next(i for i in idents if i.role == s["role"]).x25519_private, rec_id)
                         for s in ss]
                key = rcp.xor_join(*parts)
                if not st.check_commitment(key, salt, rec_id, commitment):
                    raise IntegrityError(f"recordings/{rec_id}/{HEADER}: rebuilt two-person key fails the key commitment")
                return key
        key = self._share_key(rec_id, header, idents, salt, commitment)
        if key is not None:
            return key
        if any(g for g in groups if roles & set(g.split("+"))):
            raise MissingKey(f"recording {rec_id} needs two people: unlock both roles of "
                             f"{', '.join(sorted(groups))}")
        if any(s.get("shredded") for s in header["stanzas"] if s.get("role") in roles):
            raise AccessDenied(f"the key of role '{idents[0].role}' for recording {rec_id} was shredded")
        raise AccessDenied(f"role '{idents[0].role}' is not a recipient of recording {rec_id}")

    def _reader(self, rec_id: str, identity) -> tuple[RecordingReader, dict]:
        rec_id = self._resolve(rec_id)
        header, _ = self._load_header(rec_id)
        key = self._data_key(rec_id, header, identity)
        return RecordingReader(self.root / RECORDINGS / rec_id / DATA, rec_id, header["signed"], key), header

    def open_reader(self, rec_id: str, identity: Identity | Sequence[Identity],
                    purpose: str = "view") -> RecordingReader:
        """Decrypting, seekable reader (no plaintext on disk); audited as 'view' with the purpose."""
        reader, header = self._reader(rec_id, identity)
        ident = identity[0] if isinstance(identity, (list, tuple)) else identity
        try:
            self._audit.append(ident, self._keys(), "view", rec=reader.id, details={"purpose": purpose})
        except BaseException:
            reader.close()
            raise
        return reader

    def export_plain(self, rec_id: str, identity: Identity | Sequence[Identity], out_path: Path,
                     reason: str, writer: Callable[[RecordingReader, dict, Path], None] | None = None) -> Path:
        """Explicit plain export (the only way plaintext reaches a disk). Audited *before* writing.

        ``writer(reader, meta, out_path)``, when given, writes the output from the decrypting reader
        (the app remuxes the media with its chapters); by default the plaintext is copied as is."""
        if not reason or not reason.strip():
            raise VaultError("a plain export needs a reason")
        out_path = Path(out_path)
        reader, header = self._reader(rec_id, identity)
        ident = identity[0] if isinstance(identity, (list, tuple)) else identity
        with reader:
            self._audit.append(ident, self._keys(), "export", rec=reader.id, details={
                "reason": reason, "plain": True, "out": str(out_path.resolve()),
                "plaintext_size": header["signed"]["plaintext_size"]})
            if writer is not None:
                with disk_errors(str(out_path)):
                    writer(reader, dict(header["signed"]["meta"]), out_path)
                return out_path
            h = hashlib.sha256()
            try:
                with disk_errors(str(out_path)), open(out_path, "wb") as out:
                    while True:
                        b = reader.read(4 * 1024 * 1024)
                        if not b:
                            break
                        h.update(b)
                        out.write(b)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(out_path)
                raise
        return out_path

    def export_to(self, rec_id: str, identity: Identity | Sequence[Identity], role: str, reason: str,
                  signer_passphrase: str | None = None, meta_update: dict | None = None,
                  transform: Callable[[RecordingReader, dict, RecordingWriter], dict | None] | None = None) -> str:
        """Copy a recording into a new recording with a fresh key wrapped only to `role`. Raw
        recordings go only to the judge; masked copies to the roles the judge authorises.

        ``transform(reader, source_meta, writer) -> meta updates``, when given, writes the new
        recording's plaintext from the decrypting reader into the encrypting writer (the app burns a
        watermark into the video); by default the plaintext is copied as is. Nothing touches the disk
        unencrypted. The new recording's meta links to its source (id, signed root, header hash)."""
        if not reason or not reason.strip():
            raise VaultError("an export needs a reason")
        rec_id = self._resolve(rec_id)
        header, hb = self._load_header(rec_id)
        src_meta = header["signed"]["meta"]
        if src_meta.get("kind", "raw") == "raw" and role != "judge":
            raise AccessDenied(f"recording {rec_id} is raw (unmasked): it may only be exported to the judge")
        if "+" in role:
            raise VaultError("a copy goes to one role")
        _refuse_two_person(rec_id, header, "copied")
        reader, header = self._reader(rec_id, identity)
        ident = identity[0] if isinstance(identity, (list, tuple)) else identity
        meta = dict(src_meta)
        meta.update(meta_update or {})
        meta.update({"derived_from": rec_id, "source_root": header["signed"]["root"],
                     "source_header_json": sha256_hex(hb), "recipient": role, "exported_by": ident.role})
        with reader:
            w = self.create_recording(meta, [role], signer_passphrase)
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
                new_id = w.seal()
            except BaseException:
                w.abort()
                raise
        new_meta = self.info(new_id)["meta"]
        details = {"reason": reason, "plain": False, "to": role, "new": new_id}
        for k in ("derivation", "watermark"):
            if k in new_meta:
                details[k] = new_meta[k]
        self._audit.append(ident, self._keys(), "export", rec=rec_id, details=details)
        return new_id

    # -- private notes (format 1.1) ----------------------------------------------------------------
    def add_note(self, rec_id: str, identity: Identity, at_seconds: float, text: str) -> str:
        """A private, timestamped note on a recording, encrypted to the author's role only (the author
        must be able to open the recording). Audited as 'note' with the file's hash, never the text."""
        rec_id = self._resolve(rec_id)
        header, _ = self._load_header(rec_id)
        self._data_key(rec_id, header, identity)  # the author must have access
        if not 0 <= float(at_seconds) < 1e7:
            raise VaultError("the note's position is out of range")
        pub = b64d(self._cfg["roles"][identity.role]["x25519"])
        obj = ex.seal_note(self.id, rec_id, identity.role, pub, at_seconds, text, now_iso())
        data = dump_canonical(obj)
        folder = self.root / NOTES
        with disk_errors(NOTES):
            folder.mkdir(exist_ok=True)
        path = folder / f"{obj['id']}.json"
        atomic_write(path, data)
        try:
            self._audit.append(identity, self._keys(), "note", rec=rec_id, details={
                "note": obj["id"], "note_json": sha256_hex(data)})
        except BaseException:
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return obj["id"]

    def notes(self, rec_id: str, identity: Identity) -> list[Note]:
        """The identity's own notes on a recording, decrypted, in playback order. A note file that
        differs from its hash in the audit trail raises IntegrityError."""
        rec_id = self._resolve(rec_id)
        notes, _ = _replay_extras(self._audit.entries())
        out: list[Note] = []
        for note_id, info in notes.items():
            if info["rec"] != rec_id or info["author"] != identity.role:
                continue
            obj, what = self._load_pinned(NOTES, note_id, info["hash"])
            ex.check_note(obj, note_id, rec_id, self.id, what)
            body = ex.open_note(obj, identity.x25519_private, what)
            out.append(Note(note_id, rec_id, body["at"], body["text"], obj["created"], obj["author"]))
        out.sort(key=lambda n: (n.at, n.created))
        return out

    # -- expiring shares (format 1.1) --------------------------------------------------------------
    def share(self, rec_id: str, identity: Identity | Sequence[Identity], role: str,
              expires_at: datetime | str, reason: str) -> str:
        """Give `role` access to a (masked) recording until `expires_at`: the data key wrapped to the
        role in `shares/<id>.json`, refused on open once expired ("share expired"). Judge only;
        audited as 'share'. Raw recordings are never shared outside the judge."""
        ident = identity[0] if isinstance(identity, (list, tuple)) else identity
        if ident.role != "judge":
            raise AccessDenied("only the judge may share a recording")
        if not reason or not reason.strip():
            raise VaultError("a share needs a reason")
        if role not in self._cfg["roles"] or role == self._cfg.get("station", STATION):
            raise NotFound(f"no role '{role}' in this vault")
        expires = ex.parse_time(expires_at)
        if expires <= self.clock():
            raise VaultError("the expiry time is in the past")
        rec_id = self._resolve(rec_id)
        header, _ = self._load_header(rec_id)
        if header["signed"]["meta"].get("kind", "raw") == "raw" and role != "judge":
            raise AccessDenied(f"recording {rec_id} is raw (unmasked): it may not be shared outside the judge")
        _refuse_two_person(rec_id, header, "shared")
        key = self._data_key(rec_id, header, identity)
        share_id = ex.new_id()
        obj = ex.make_share(self.id, rec_id, share_id, key, role, b64d(self._cfg["roles"][role]["x25519"]),
                            ident.role, now_iso(), ex.iso(expires))
        data = dump_canonical(obj)
        with disk_errors(SHARES):
            (self.root / SHARES).mkdir(exist_ok=True)
        path = self.root / SHARES / f"{share_id}.json"
        atomic_write(path, data)
        try:
            self._audit.append(ident, self._keys(), "share", rec=rec_id, details={
                "share": share_id, "share_json": sha256_hex(data), "role": role, "expires": obj["expires"],
                "reason": reason})
        except BaseException:
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return share_id

    def shares(self, rec_id: str | None = None) -> list[ShareInfo]:
        """Live (not revoked) shares, from the audit trail; no key needed."""
        rid = self._resolve(rec_id) if rec_id else None
        now = self.clock()
        _, shares = _replay_extras(self._audit.entries())
        return [ShareInfo(sid, s["rec"], s["role"], s["expires"], s["created"], s["by"],
                          ex.parse_time(s["expires"]) <= now)
                for sid, s in shares.items() if not s["revoked"] and (rid is None or s["rec"] == rid)]

    def revoke_share(self, share_id: str, identity: Identity, reason: str) -> None:
        """Delete a share's wrapped key (audited 'unshare' first, then the file is removed)."""
        if identity.role != "judge":
            raise AccessDenied("only the judge may revoke a share")
        _, shares = _replay_extras(self._audit.entries())
        s = shares.get(share_id)
        if s is None or s["revoked"]:
            raise NotFound(f"no live share '{share_id}'")
        self._audit.append(identity, self._keys(), "unshare", rec=s["rec"], details={
            "shares": [share_id], "reason": reason})
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.root / SHARES / f"{share_id}.json")

    def expire_shares(self, identity: Identity) -> list[str]:
        """Revoke every share past its expiry (destroys their wrapped keys). Returns their ids."""
        gone = [s.id for s in self.shares() if s.expired]
        for sid in gone:
            self.revoke_share(sid, identity, "expired")
        return gone

    def _share_key(self, rec_id: str, header: dict, idents: list[Identity], salt: bytes,
                   commitment: bytes) -> bytes | None:
        roles = {i.role: i for i in idents}
        _, shares = _replay_extras(self._audit.entries())
        expired: list[str] = []
        for sid, s in shares.items():
            if s["rec"] != rec_id or s["revoked"] or s["role"] not in roles:
                continue
            obj, what = self._load_pinned(SHARES, sid, s["hash"])
            ex.check_share(obj, sid, rec_id, self.id, what)
            if ex.parse_time(obj["expires"]) <= self.clock():
                expired.append(obj["expires"])
                continue
            key = rcp.unwrap(obj["stanza"], roles[s["role"]].x25519_private, rec_id)
            if not st.check_commitment(key, salt, rec_id, commitment):
                raise IntegrityError(f"{what}: key fails the recording's key commitment")
            return key
        if expired:
            raise AccessDenied(f"share expired: the share of recording {rec_id} for role "
                               f"'{idents[0].role}' expired at {max(expired)}")
        return None

    def shred(self, rec_id: str, identity: Identity, reason: str, roles: Sequence[str] | None = None) -> None:
        """Crypto-shred: destroy the wrapped keys (all, or only those of `roles`). The ciphertext stays
        (unreadable) so that verify still accounts for the recording. Judge only; audited."""
        if identity.role != "judge":
            raise AccessDenied("only the judge may shred a recording")
        if not reason or not reason.strip():
            raise VaultError("shredding needs a reason")
        rec_id = self._resolve(rec_id)
        if rec_id in self._writers:
            raise VaultError(f"recording {rec_id} is being written")
        header, _ = self._load_header(rec_id)
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
        with vault_lock(self.root):
            atomic_write(self.root / RECORDINGS / rec_id / HEADER, hb)
        gone = [sid for sid, sh in _replay_extras(self._audit.entries())[1].items()
                if sh["rec"] == rec_id and not sh["revoked"] and (roles is None or sh["role"] in roles)]
        details = {"reason": reason, "header_json": sha256_hex(hb), "roles": list(roles) if roles else "all"}
        if gone:
            details["shares"] = gone
        self._audit.append(identity, self._keys(), "shred", rec=rec_id, details=details)
        for sid in gone:  # the shares' wrapped keys go too
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.root / SHARES / f"{sid}.json")

    # -- listing, audit, verify -----------------------------------------------------------------
    def _load_pinned(self, folder: str, name: str, expected_hash: str) -> tuple[Any, str]:
        """A notes/ or shares/ file whose exact bytes the audit trail pins by hash: (object, path)."""
        what = f"{folder}/{name}.json"
        try:
            data = (self.root / folder / f"{name}.json").read_bytes()
        except FileNotFoundError:
            raise IntegrityError(f"{what}: missing (deleted?)") from None
        if sha256_hex(data) != expected_hash:
            raise IntegrityError(f"{what}: differs from the hash in the audit trail (modified)")
        return load_canonical(data, what), what

    def list(self) -> list[RecordingInfo]:
        out: list[RecordingInfo] = []
        d = self.root / RECORDINGS
        if not d.is_dir():
            return out
        for folder in d.iterdir():
            if not folder.is_dir():
                continue
            try:
                if (folder / HEADER).exists():
                    h = load_canonical((folder / HEADER).read_bytes(), f"recordings/{folder.name}/{HEADER}")
                    s = h["signed"]
                    meta = dict(s["meta"])
                    meta.setdefault("recipients", s["recipients"])
                    shredded = not any("wrapped" in x for x in h["stanzas"])
                    out.append(RecordingInfo(s["id"], s["created"], True, meta, s["plaintext_size"], shredded))
                elif (folder / OPEN).exists():
                    o = load_canonical((folder / OPEN).read_bytes(), f"recordings/{folder.name}/{OPEN}")
                    meta = dict(o["meta"])
                    meta.setdefault("recipients", o["recipients"])
                    size = max(0, (folder / DATA).stat().st_size - st.FILE_HEADER_LEN) \
                        if (folder / DATA).exists() else 0
                    out.append(RecordingInfo(o["id"], o["created"], False, meta, size))
            except (IntegrityError, KeyError, TypeError, OSError):
                out.append(RecordingInfo(folder.name, "", False, {"error": "unreadable (run vault verify)"}, 0))
        # media recordings first (oldest first), then the non-media records (plans, session records)
        out.sort(key=lambda r: (r.meta.get("kind") in NON_MEDIA_KINDS, r.created, r.id))
        return out

    def info(self, rec_id: str) -> dict:
        rec_id = self._resolve(rec_id)
        folder = self.root / RECORDINGS / rec_id
        if (folder / HEADER).exists():
            h = load_canonical((folder / HEADER).read_bytes(), f"recordings/{rec_id}/{HEADER}")
            s = dict(h["signed"])
            s.pop("index", None)
            s["stanzas"] = [{"role": x["role"], "share": x.get("share"), "shredded": "shredded" in x}
                            for x in h["stanzas"]]
            return s
        o = load_canonical((folder / OPEN).read_bytes(), f"recordings/{rec_id}/{OPEN}")
        return {"id": rec_id, "created": o["created"], "sealed": None, "meta": o["meta"],
                "recipients": o["recipients"]}

    def audit_entries(self) -> list[AuditEntry]:
        return self._audit.entries()

    def verify(self) -> VerifyReport:
        return verify_vault(self.root)


# ------------------------------------------------------------------------------------------------
# Verification (no key needed)
# ------------------------------------------------------------------------------------------------


def _check_role_name(role: str) -> None:
    if not role or not all(c.isalnum() or c in "-_" for c in role) or len(role) > 32:
        raise VaultError(f"invalid role name {role!r}")


def _replay(entries: list[AuditEntry]) -> tuple[str | None, dict[str, str], dict[str, dict]]:
    """Expected state from the audit trail: (vault.json hash, identity file hashes, recordings)."""
    vj: str | None = None
    ids: dict[str, str] = {}
    recs: dict[str, dict] = {}
    for e in entries:
        d = e.details
        if e.event == "init":
            vj = d.get("vault_json")
            ids.update(d.get("identities", {}))
        elif e.event == "passphrase":
            ids.update(d.get("identities", {}))
        elif e.event == "create" and e.rec:
            recs.setdefault(e.rec, {})["open"] = d.get("open_json")
            recs[e.rec]["state"] = "open"
        elif e.event in ("seal", "recover") and e.rec:
            recs.setdefault(e.rec, {})["header"] = d.get("header_json")
            recs[e.rec]["state"] = "sealed"
        elif e.event == "shred" and e.rec:
            recs.setdefault(e.rec, {})["header"] = d.get("header_json")
            recs[e.rec]["state"] = "shredded"
    return vj, ids, recs


def _replay_extras(entries: list[AuditEntry]) -> tuple[dict[str, dict], dict[str, dict]]:
    """Notes and shares from the audit trail: ({note id: rec, author, hash}, {share id: rec, role,
    expires, created, by, hash, revoked})."""
    notes: dict[str, dict] = {}
    shares: dict[str, dict] = {}
    for e in entries:
        d = e.details
        if e.event == "note" and e.rec and isinstance(d.get("note"), str):
            notes[d["note"]] = {"rec": e.rec, "author": e.actor, "hash": d.get("note_json"), "created": e.time}
        elif e.event == "share" and e.rec and isinstance(d.get("share"), str):
            shares[d["share"]] = {"rec": e.rec, "role": d.get("role"), "expires": d.get("expires", ""),
                                  "created": e.time, "by": e.actor, "hash": d.get("share_json"),
                                  "revoked": False}
        elif e.event in ("unshare", "shred") and isinstance(d.get("shares"), list):
            for sid in d["shares"]:
                if isinstance(sid, str) and sid in shares:
                    shares[sid]["revoked"] = True
    return notes, shares


def _check_header_sig(header: dict, keys: dict[str, bytes], station: str, what: str) -> list[str]:
    try:
        signed = header["signed"]
        if signed["format"] != HEADER_FORMAT:
            return [f"{what}: unknown header format"]
        if signed["signer"] != station or station not in keys:
            return [f"{what}: signed by '{signed['signer']}', not by the station"]
        key = keys[station]
        if signed["key"] != fingerprint(key) or not verify_sig(key, b64d(header["sig"]), header_message(signed)):
            return [f"{what}: station signature does not verify (modified)"]
        digests = signed["stanza_digests"]
        stanzas = header["stanzas"]
        if len(digests) != len(stanzas):
            return [f"{what}: number of key stanzas differs from the signed header"]
        for i, (dg, s) in enumerate(zip(digests, stanzas, strict=True)):
            got = s["digest"] if "shredded" in s else rcp.stanza_digest(s)
            if got != dg:
                return [f"{what}: key stanza {i} ({s.get('role')}) differs from the signed header"]
    except (KeyError, TypeError, ValueError):
        return [f"{what}: malformed header"]
    return []


def _check_stream(path: Path, rec_id: str, fhdr: bytes, expected_lens: list[int] | None,
                  signed: dict | None, problems: list[str], warnings: list[str]) -> None:
    what = f"recordings/{rec_id}/{DATA}"
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        problems.append(f"{what}: missing")
        return
    try:
        size = os.fstat(fd).st_size
        if os.pread(fd, st.FILE_HEADER_LEN, 0) != fhdr:
            problems.append(f"{what}: stream header (id/salt) differs from the header")
            return
        lens, hashes, end, problem = st.scan_records(fd, size)
    finally:
        os.close(fd)
    if signed is None:  # unsealed: torn tail is expected after a crash
        if problem:
            warnings.append(f"{what}: unsealed, {problem} at byte {end} (recover will cut it)")
        return
    if problem:
        problems.append(f"{what}: chunk {len(lens)} is damaged ({problem}) at byte {end}")
    if size != signed["data_size"]:
        problems.append(f"{what}: size {size} differs from the signed size {signed['data_size']} "
                        "(truncated or extended)")
    if expected_lens is not None and lens != expected_lens[: len(lens)]:
        k = next(i for i, (a, b) in enumerate(zip(lens, expected_lens, strict=False)) if a != b)
        problems.append(f"{what}: chunk {k} length differs from the signed index")
    elif expected_lens is not None and len(lens) != len(expected_lens) and not problem:
        problems.append(f"{what}: has {len(lens)} chunks, the signed index has {len(expected_lens)}")
    if not problem and st.root_hash(fhdr, hashes) != signed["root"]:
        problems.append(f"{what}: ciphertext hash differs from the signed header")


def verify_vault(root: Path) -> VerifyReport:
    """Check every file of the vault without any key. Never raises for damaged content."""
    root = Path(root)
    rep = VerifyReport(ok=False)
    try:
        _verify(root, rep)
    except Exception as e:  # a verifier must report, not crash
        rep.problems.append(f"verification stopped: {e.__class__.__name__}: {e}")
    rep.ok = not rep.problems
    return rep


def _verify(root: Path, rep: VerifyReport) -> None:
    P = rep.problems
    if not root.is_dir():
        P.append(f"{root}: no such folder")
        return
    # vault.json ----------------------------------------------------------------------------
    cfg: dict | None = None
    vj_bytes: bytes | None = None
    try:
        vj_bytes = (root / VAULT_JSON).read_bytes()
        cfg = load_canonical(vj_bytes, VAULT_JSON)
        if not isinstance(cfg, dict) or cfg.get("format") != VAULT_FORMAT:
            P.append(f"{VAULT_JSON}: unknown format")
            cfg = None
    except FileNotFoundError:
        P.append(f"{VAULT_JSON}: missing")
    except IntegrityError as e:
        P.append(str(e))
    keys: dict[str, bytes] = {}
    station = STATION
    vault_id = ""
    if cfg is not None:
        try:
            keys = {r: b64d(p["ed25519"]) for r, p in cfg["roles"].items()}
            station = cfg.get("station", STATION)
            vault_id = cfg["vault_id"]
        except (KeyError, TypeError, ValueError):
            P.append(f"{VAULT_JSON}: malformed")
    if not keys:  # fall back on the identity files so the rest can still be reported
        for p in sorted((root / IDENTITIES).glob("*.json")) if (root / IDENTITIES).is_dir() else []:
            with contextlib.suppress(Exception):
                keys[p.stem] = parse_public(load_canonical(p.read_bytes(), p.name), p.name)[1]
    if not vault_id:
        with contextlib.suppress(Exception):
            vault_id = load_canonical((root / CHECKPOINT).read_bytes(), CHECKPOINT)["vault"]
    # audit ---------------------------------------------------------------------------------
    audit = AuditLog(root, vault_id)
    entries, problems, _ = audit.check(keys)
    P.extend(problems)
    rep.audit_entries = len(entries)
    rep.head = entries[-1].hash if entries else ""
    if entries and entries[0].event != "init":
        P.append(f"{LOG}: entry 0 is not the vault's init entry")
    vj_hash, id_hashes, recs = _replay(entries)
    if vj_bytes is not None and vj_hash != sha256_hex(vj_bytes):
        P.append(f"{VAULT_JSON}: differs from the hash recorded in the audit trail (modified)")
    # identities ----------------------------------------------------------------------------
    idir = root / IDENTITIES
    present = {p.name for p in idir.iterdir()} if idir.is_dir() else set()
    if not idir.is_dir():
        P.append(f"{IDENTITIES}/: missing")
    expected_roles = set(id_hashes) | (set(cfg["roles"]) if cfg else set())
    for role in sorted(expected_roles):
        name = f"{role}.json"
        what = f"{IDENTITIES}/{name}"
        if name not in present:
            P.append(f"{what}: missing")
            continue
        data = (idir / name).read_bytes()
        if id_hashes.get(role) != sha256_hex(data):
            P.append(f"{what}: differs from the hash recorded in the audit trail (modified)")
            continue
        try:
            obj = load_canonical(data, what)
            x, ed = parse_public(obj, what)
            pin = cfg["roles"][role] if cfg else None
            if pin is None or pin["x25519"] != b64e(x) or pin["ed25519"] != b64e(ed):
                P.append(f"{what}: public keys differ from those pinned in vault.json")
        except (IntegrityError, KeyError, TypeError) as e:
            P.append(f"{what}: {e}")
    for name in sorted(present - {f"{r}.json" for r in expected_roles}):
        _unexpected(f"{IDENTITIES}/{name}", rep)
    # recordings ----------------------------------------------------------------------------
    rdir = root / RECORDINGS
    folders = {p.name: p for p in rdir.iterdir()} if rdir.is_dir() else {}
    if not rdir.is_dir():
        P.append(f"{RECORDINGS}/: missing")
    for rec_id in sorted(set(recs) - set(folders)):
        P.append(f"recordings/{rec_id}: in the audit trail but missing (deleted?)")
    for rec_id, folder in sorted(folders.items()):
        if not folder.is_dir():
            _unexpected(f"recordings/{rec_id}", rep)
            continue
        if rec_id not in recs:
            P.append(f"recordings/{rec_id}: not in the audit trail")
            continue
        rep.recordings += 1
        _verify_recording(folder, rec_id, recs[rec_id], keys, station, vault_id, rep)
    # notes and shares (format 1.1) ---------------------------------------------------------
    notes, shares = _replay_extras(entries)
    _verify_extras(root, NOTES, notes, recs, vault_id, ex.check_note, rep)
    _verify_extras(root, SHARES, {k: s for k, s in shares.items() if not s["revoked"]}, recs, vault_id,
                   ex.check_share, rep, revoked={k for k, s in shares.items() if s["revoked"]})
    # anything else -------------------------------------------------------------------------
    known = {VAULT_JSON, LOG, CHECKPOINT, IDENTITIES, RECORDINGS, NOTES, SHARES}
    for p in sorted(root.iterdir()):
        if p.name not in known:
            _unexpected(p.name, rep)


def _verify_extras(root: Path, folder: str, expected: dict[str, dict], recs: dict[str, dict], vault_id: str,
                   check: Callable[..., None], rep: VerifyReport, revoked: set[str] | None = None) -> None:
    """Every note / share in the audit trail is present with exactly the recorded bytes; no others."""
    d = root / folder
    if d.exists() and not d.is_dir():
        _unexpected(folder, rep)
        return
    present = {p.name: p for p in d.iterdir()} if d.is_dir() else {}
    for item_id, info in sorted(expected.items()):
        name = f"{item_id}.json"
        what = f"{folder}/{name}"
        if info["rec"] not in recs:
            rep.problems.append(f"{what}: belongs to recording {info['rec']}, which is not in the audit trail")
        if name not in present:
            rep.problems.append(f"{what}: in the audit trail but missing (deleted?)")
            continue
        data = present[name].read_bytes()
        if sha256_hex(data) != info["hash"]:
            rep.problems.append(f"{what}: differs from the hash recorded in the audit trail (modified)")
            continue
        try:
            check(load_canonical(data, what), item_id, info["rec"], vault_id, what)
        except IntegrityError as e:
            rep.problems.append(str(e))
    for name in sorted(set(present) - {f"{i}.json" for i in expected}):
        if revoked and name.removesuffix(".json") in revoked:
            rep.problems.append(f"{folder}/{name}: revoked share still holds a key (run recover to delete it)")
        else:
            _unexpected(f"{folder}/{name}", rep)


def _unexpected(rel: str, rep: VerifyReport) -> None:
    if rel.endswith(".lock"):
        return
    if rel.endswith(TMP_SUFFIX):
        rep.warnings.append(f"{rel}: leftover temporary file of an interrupted write")
        return
    rep.problems.append(f"{rel}: unexpected file (not part of the vault)")


def _verify_recording(folder: Path, rec_id: str, info: dict, keys: dict[str, bytes], station: str,
                      vault_id: str, rep: VerifyReport) -> None:
    P = rep.problems
    names = {p.name for p in folder.iterdir()}
    sealed = info.get("state") in ("sealed", "shredded")
    expected = {DATA, HEADER} if sealed else {DATA, OPEN}
    for n in sorted(names - expected):
        if sealed and n == OPEN:
            rep.warnings.append(f"recordings/{rec_id}/{OPEN}: leftover after seal")
            continue
        _unexpected(f"recordings/{rec_id}/{n}", rep)
    for n in sorted(expected - names):
        P.append(f"recordings/{rec_id}/{n}: missing")
    if sealed:
        if HEADER not in names:
            return
        what = f"recordings/{rec_id}/{HEADER}"
        hb = (folder / HEADER).read_bytes()
        if sha256_hex(hb) != info.get("header"):
            P.append(f"{what}: differs from the hash recorded in the audit trail (modified)")
        try:
            header = load_canonical(hb, what)
        except IntegrityError as e:
            P.append(str(e))
            return
        sp = _check_header_sig(header, keys, station, what)
        P.extend(sp)
        if sp:
            return
        signed = header["signed"]
        if signed["id"] != rec_id or signed["vault"] != vault_id:
            P.append(f"{what}: belongs to another recording or vault")
        try:
            lens = _unpack_index(signed["index"])
        except ValueError:
            P.append(f"{what}: malformed chunk index")
            return
        if len(lens) != signed["records"]:
            P.append(f"{what}: chunk index length differs from the record count")
        if DATA in names:
            _check_stream(folder / DATA, rec_id, b64d(signed["stream_header"]), lens, signed, P, rep.warnings)
    else:
        what = f"recordings/{rec_id}/{OPEN}"
        rep.warnings.append(f"recordings/{rec_id}: not sealed (being written, or run recover)")
        if OPEN not in names:
            return
        ob = (folder / OPEN).read_bytes()
        if sha256_hex(ob) != info.get("open"):
            P.append(f"{what}: differs from the hash recorded in the audit trail (modified)")
            return
        o = load_canonical(ob, what)
        if DATA in names:
            _check_stream(folder / DATA, rec_id, b64d(o["stream_header"]), None, None, P, rep.warnings)
