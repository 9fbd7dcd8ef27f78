"""Tamper-evident audit trail: `audit.log` (hash-chained JSON lines) + `audit.checkpoint` (signed head).

Each line of audit.log is canonical JSON:
  {"seq": n, "time": ISO-8601 UTC, "event": E, "actor": role, "rec": id|null, "details": {...}, "prev": hex}
leaf hash  L_n = SHA-256(0x00 || line bytes without the newline)   (RFC 6962 leaf prefix)
prev of entry 0 = 64 zeros; prev of entry n = L_{n-1}.

audit.checkpoint (canonical JSON) signs the head after every append:
  {"format": "testimony-shield-checkpoint/1", "vault": vault id, "size": n entries, "bytes": log length,
   "head": L_{n-1}, "last": exact text of the last line, "time": ..., "signer": role, "key": fingerprint,
   "sig": b64 Ed25519("testimony-shield/v1 checkpoint\n" || cjson(object without "sig"))}
The signer is the role performing the action (station for create/seal/recover, the unlocked role for
unlock/view/export/shred). The checkpoint is written *before* the line is appended, so a crash in
between leaves a log that lacks exactly the signed "last" line, which `repair()` re-appends.
Entries beyond the checkpoint are never accepted (nobody can append without a signing key).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from common import jsonio

from .errors import IntegrityError
from .format.canonical import b64d, b64e, cjson, dump_canonical, load_canonical
from .fsutil import atomic_write, disk_errors
from .state import VaultState

try:
    import fcntl
except ImportError:  # pragma: no cover - non-POSIX
    fcntl = None  # type: ignore[assignment]

LOG = "audit.log"
CHECKPOINT = "audit.checkpoint"
LOCK = "vault.lock"
CHECKPOINT_FORMAT = "testimony-shield-checkpoint/1"
ZERO = "0" * 64


class Signer(Protocol):
    role: str
    ed25519_public: bytes

    def sign(self, msg: bytes) -> bytes: ...


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


#: an audit entry is a few hundred bytes; the bounded loader refuses anything far beyond
MAX_LINE = 1 << 20
MAX_DEPTH = 16


def _prev_of(line: bytes) -> str:
    obj = jsonio.loads(line, max_bytes=MAX_LINE, max_depth=MAX_DEPTH, what=CHECKPOINT)
    if not isinstance(obj, dict):
        raise ValueError("not an entry")
    return str(obj["prev"])


def leaf_hash(line: bytes) -> str:
    return hashlib.sha256(b"\x00" + line).hexdigest()


def checkpoint_message(obj: dict) -> bytes:
    return b"testimony-shield/v1 checkpoint\n" + cjson({k: v for k, v in obj.items() if k != "sig"})


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    time: str
    event: str
    actor: str
    rec: str | None
    details: dict[str, Any] = field(default_factory=dict)
    hash: str = ""

    @classmethod
    def parsed(cls, seq: int, obj: dict[str, Any], line: bytes) -> AuditEntry:
        """The entry a trail ``line`` holds (``obj``: its parsed JSON), numbered ``seq``; ``KeyError``,
        ``TypeError`` or ``ValueError`` when a field is missing or of the wrong kind."""
        return cls(seq, str(obj["time"]), str(obj["event"]), str(obj["actor"]), obj["rec"], dict(obj["details"]),
                   leaf_hash(line))


@contextlib.contextmanager
def vault_lock(root: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def parse_log(data: bytes) -> tuple[list[AuditEntry], list[bytes], list[str]]:
    """Parse and chain-check audit.log bytes. Returns (entries, raw lines, problems)."""
    problems: list[str] = []
    entries: list[AuditEntry] = []
    lines: list[bytes] = []
    if not data:
        return entries, lines, problems
    body = data
    if not data.endswith(b"\n"):
        problems.append(f"{LOG}: does not end with a newline (truncated or torn last entry)")
        body = data + b"\n"
    prev = ZERO
    for i, line in enumerate(body[:-1].split(b"\n")):
        lines.append(line)
        try:
            obj = jsonio.loads(line, max_bytes=MAX_LINE, max_depth=MAX_DEPTH, what=f"{LOG} entry {i}")
            if not isinstance(obj, dict) or cjson(obj) != line:
                raise ValueError("not canonical")
            e = AuditEntry.parsed(int(obj["seq"]), obj, line)
            if obj["prev"] != prev:
                problems.append(f"{LOG}: entry {i} does not chain to entry {i - 1} (modified or reordered)")
            if e.seq != i:
                problems.append(f"{LOG}: entry {i} has sequence number {e.seq}")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            problems.append(f"{LOG}: entry {i} is malformed (modified)")
            e = AuditEntry(i, "", "?", "?", None, {}, leaf_hash(line))
        entries.append(e)
        prev = e.hash
    return entries, lines, problems


@dataclass
class AuditView:
    """What this process knows of the trail: the projection of the first ``state.size`` entries,
    which end at byte ``end`` of audit.log with the line ``last``.  ``verified``: those entries passed
    a full check against a signed checkpoint (once per process), and every later one was chained on."""
    state: VaultState
    end: int = 0
    last: bytes = b""
    verified: bool = False


def checkpoint_problems(cp: dict, keys: dict[str, bytes], vault_id: str) -> list[str]:
    """Problems with a checkpoint on its own: format, vault, pinned signer, signature, head."""
    from .keys import fingerprint, verify_sig

    problems = []
    if cp["format"] != CHECKPOINT_FORMAT or cp["vault"] != vault_id:
        problems.append(f"{CHECKPOINT}: wrong format or vault id")
    key = keys.get(cp["signer"])
    if key is None:
        problems.append(f"{CHECKPOINT}: signer role '{cp['signer']}' is not pinned in vault.json")
    elif cp["key"] != fingerprint(key) or not verify_sig(key, b64d(cp["sig"]), checkpoint_message(cp)):
        problems.append(f"{CHECKPOINT}: signature does not verify (modified)")
    if leaf_hash(cp["last"].encode("ascii")) != cp["head"]:
        problems.append(f"{CHECKPOINT}: head does not match its last entry (modified)")
    return problems


class AuditLog:
    """audit.log + audit.checkpoint in a vault folder, with this process's cached view of them: a
    read or an append costs what the entries added since the last one cost, not the whole trail."""

    def __init__(self, root: Path, vault_id: str):
        self.root = Path(root)
        self.vault_id = vault_id
        self._view: AuditView | None = None

    @property
    def log_path(self) -> Path:
        return self.root / LOG

    @property
    def checkpoint_path(self) -> Path:
        return self.root / CHECKPOINT

    # -- reading -------------------------------------------------------------------------------
    def read_checkpoint(self) -> dict | None:
        try:
            data = self.checkpoint_path.read_bytes()
        except FileNotFoundError:
            return None
        return load_canonical(data, CHECKPOINT)

    def check(self, keys: dict[str, bytes]) -> tuple[list[AuditEntry], list[str], bool]:
        """Full key-less check against the signed checkpoint. `keys`: role -> Ed25519 public key.
        Returns (entries, problems, repairable) where repairable means: the only problem is that the
        signed last entry is missing from the log (interrupted append)."""
        problems: list[str] = []
        try:
            data = self.log_path.read_bytes()
        except FileNotFoundError:
            data = None
            problems.append(f"{LOG}: missing")
        try:
            cp = self.read_checkpoint()
            if cp is None:
                problems.append(f"{CHECKPOINT}: missing")
        except IntegrityError as e:
            cp = None
            problems.append(str(e))
        entries, lines, p = parse_log(data or b"")
        problems += p
        repairable = False
        if cp is not None:
            try:
                problems += checkpoint_problems(cp, keys, self.vault_id)
                size, head, last = int(cp["size"]), cp["head"], cp["last"].encode("ascii")
                if len(entries) == size and data is not None and not p:
                    if lines[-1] != last or entries[-1].hash != head or len(data) != cp["bytes"]:
                        problems.append(f"{LOG}: last entry {size - 1} differs from the signed checkpoint")
                elif len(entries) == size - 1 and data is not None and not p and (
                        (entries[-1].hash if entries else ZERO) == _prev_of(last)):
                    problems.append(f"{LOG}: signed entry {size - 1} is missing (interrupted write or "
                                    "deleted; run recover)")
                    repairable = len(problems) == 1
                elif len(entries) < size:
                    problems.append(f"{LOG}: has {len(entries)} entries, the signed checkpoint says {size} "
                                    "(truncated or entries deleted)")
                elif len(entries) > size:
                    problems.append(f"{LOG}: has {len(entries) - size} entries beyond the signed checkpoint")
            except (KeyError, ValueError, TypeError):
                problems.append(f"{CHECKPOINT}: malformed (modified)")
        return entries, problems, repairable

    # -- writing -------------------------------------------------------------------------------
    def append(self, signer: Signer, keys: dict[str, bytes], event: str, rec: str | None = None,
               details: dict[str, Any] | None = None, genesis: bool = False) -> AuditEntry:
        """Append one entry: sign the new head into the checkpoint first, then append the line.
        Refuses (IntegrityError) when the trail does not verify.  Only the entries added since this
        process last looked are read and chained; the whole trail is checked once per process."""
        with vault_lock(self.root):
            view = AuditView(VaultState(), verified=True) if genesis else self._checked_view(keys)
            size = view.state.size
            prev = view.state.head
            obj: dict[str, Any] = {"seq": size, "time": now_iso(), "event": event, "actor": signer.role, "rec": rec,
                   "details": details or {}, "prev": prev}
            line = cjson(obj)
            from .keys import fingerprint
            cp = {"format": CHECKPOINT_FORMAT, "vault": self.vault_id, "size": size + 1,
                  "bytes": view.end + len(line) + 1, "head": leaf_hash(line), "last": line.decode("ascii"),
                  "time": obj["time"], "signer": signer.role, "key": fingerprint(signer.ed25519_public)}
            cp["sig"] = b64e(signer.sign(checkpoint_message(cp)))
            atomic_write(self.checkpoint_path, dump_canonical(cp))
            self._append_line(line)
            entry = AuditEntry(size, obj["time"], event, signer.role, rec, details or {}, leaf_hash(line))
            view.state.apply(entry)
            view.end += len(line) + 1
            view.last = line
            self._view = view
            return entry

    def _checked_view(self, keys: dict[str, bytes]) -> AuditView:
        """The view of a trail that verifies up to its signed checkpoint, with an interrupted append
        finished (lock held).  Fast path: the view is verified and the log only grew by entries that
        chain on it, up to a checkpoint that signs them.  Anything else: the full check, whose first
        problem is the refusal."""
        self._cut_torn_tail()
        view = self._view
        if view is not None and view.verified:
            try:
                cp = self.read_checkpoint()
                grown = self._read_new(view, whole=True)
                if cp is not None and grown is not None and not checkpoint_problems(cp, keys, self.vault_id):
                    end, lines, entries = grown
                    last = cp["last"].encode("ascii")
                    n = view.state.size + len(entries)
                    tip = lines[-1] if lines else view.last
                    head = entries[-1].hash if entries else view.state.head
                    if int(cp["size"]) == n and tip == last and head == cp["head"] and end == cp["bytes"]:
                        self._advance(view, end, lines, entries)
                        return view
                    if int(cp["size"]) == n + 1 and _prev_of(last) == head:
                        self._advance(view, end, lines, entries)
                        self._repair_locked()  # the signed last line is missing: an interrupted append
                        repaired = self._read_new(view, whole=True)
                        if repaired is not None:
                            self._advance(view, *repaired)
                            if view.state.size == n + 1 and view.last == last:
                                return view
            except (KeyError, TypeError, ValueError, IntegrityError):
                pass
        entries, problems, repairable = self.check(keys)
        if repairable:
            self._repair_locked()
            entries, problems, _ = self.check(keys)
        if problems:
            self._view = None
            raise IntegrityError("audit trail does not verify, refusing to append: " + problems[0])
        data = self._read_log()
        view = AuditView(VaultState.replay(entries), end=len(data),
                         last=data[:-1].rsplit(b"\n", 1)[-1] if data else b"", verified=True)
        self._view = view
        return view

    def _read_log(self) -> bytes:
        try:
            return self.log_path.read_bytes()
        except FileNotFoundError:
            return b""

    def _read_new(self, view: AuditView, whole: bool = False
                  ) -> tuple[int, list[bytes], list[AuditEntry]] | None:
        """Complete lines appended after the view's end, parsed and chained on its head: (new end,
        lines, entries); None when the bytes the view ended with changed (rewritten or truncated) or a
        new line does not parse or chain, or (``whole``) the log ends with an incomplete line."""
        try:
            fd = os.open(self.log_path, os.O_RDONLY)
        except FileNotFoundError:
            return None if view.end else (0, [], [])
        try:
            size = os.fstat(fd).st_size
            start = view.end - len(view.last) - 1 if view.end else 0
            if size < view.end or start < 0:
                return None
            chunks = []
            off = start
            while off < size:
                b = os.pread(fd, min(size - off, 1 << 24), off)
                if not b:
                    break
                chunks.append(b)
                off += len(b)
            data = b"".join(chunks)
        finally:
            os.close(fd)
        if view.end:
            if data[: len(view.last) + 1] != view.last + b"\n":
                return None
            data = data[len(view.last) + 1:]
        cut = data.rfind(b"\n") + 1  # a torn (incomplete) last line is not an entry yet
        if whole and cut != len(data):
            return None
        lines = data[:cut].split(b"\n")[:-1] if cut else []
        entries: list[AuditEntry] = []
        prev, seq = view.state.head, view.state.size
        for line in lines:
            try:
                obj = jsonio.loads(line, max_bytes=MAX_LINE, max_depth=MAX_DEPTH, what=LOG)
                if not isinstance(obj, dict) or cjson(obj) != line or obj["prev"] != prev or int(obj["seq"]) != seq:
                    return None
                e = AuditEntry.parsed(seq, obj, line)
            except (ValueError, KeyError, TypeError, UnicodeDecodeError):
                return None
            entries.append(e)
            prev, seq = e.hash, seq + 1
        return view.end + cut, lines, entries

    @staticmethod
    def _advance(view: AuditView, end: int, lines: list[bytes], entries: list[AuditEntry]) -> None:
        for e in entries:
            view.state.apply(e)
        if lines:
            view.last = lines[-1]
        view.end = end

    def state(self) -> VaultState:
        """The trail's projection, brought up to date with the entries appended since the last call
        (by this process or another).  Like ``entries()``, this reads; it does not verify signatures."""
        view = self._view
        if view is not None:
            grown = self._read_new(view)
            if grown is not None:
                self._advance(view, *grown)
                return view.state
        data = self._read_log()
        cut = data.rfind(b"\n") + 1
        entries, lines, problems = parse_log(data[:cut])
        if problems or cut != len(data):
            # a damaged trail, or an append under way: answer from every parsable entry, keep no view
            return VaultState.replay(parse_log(data)[0])
        self._view = AuditView(VaultState.replay(entries), end=cut, last=lines[-1] if lines else b"")
        return self._view.state

    def _append_line(self, line: bytes) -> None:
        with disk_errors(LOG):
            fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line + b"\n")
                os.fsync(fd)
            finally:
                os.close(fd)

    def repair(self, keys: dict[str, bytes]) -> bool:
        """Re-append the signed last entry if an append was interrupted. Returns True if repaired."""
        with vault_lock(self.root):
            self._cut_torn_tail()
            _, _, repairable = self.check(keys)
            if repairable:
                self._repair_locked()
            return repairable

    def _cut_torn_tail(self) -> None:
        """A crash while appending can leave a partial last line; it is a prefix of the signed "last"
        line in the checkpoint (written first), so cutting it loses nothing that was signed."""
        try:
            cp = self.read_checkpoint()
            fd = os.open(self.log_path, os.O_RDONLY)
        except (FileNotFoundError, IntegrityError):
            return
        try:
            size = os.fstat(fd).st_size
            if not size or cp is None or os.pread(fd, 1, size - 1) == b"\n":
                return
            last = cp.get("last", "").encode("ascii")
            start = max(0, size - len(last) - 1)  # the torn piece is shorter than the signed line
            tail = os.pread(fd, size - start, start)
        finally:
            os.close(fd)
        nl = tail.rfind(b"\n")
        if nl < 0 and start > 0:
            return  # the partial line is longer than the signed one: not a torn append of it
        cut = start + nl + 1
        if last.startswith(tail[nl + 1:]):
            with disk_errors(LOG):
                os.truncate(self.log_path, cut)

    def _repair_locked(self) -> None:
        cp = self.read_checkpoint()
        assert cp is not None
        self._append_line(cp["last"].encode("ascii"))

    def entries(self) -> list[AuditEntry]:
        try:
            data = self.log_path.read_bytes()
        except FileNotFoundError:
            return []
        return parse_log(data)[0]
