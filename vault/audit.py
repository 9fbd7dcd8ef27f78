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
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from .errors import IntegrityError
from .format.canonical import b64d, b64e, cjson, dump_canonical, load_canonical
from .fsutil import atomic_write, disk_errors

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
            obj = json.loads(line.decode("ascii"))
            if cjson(obj) != line:
                raise ValueError("not canonical")
            e = AuditEntry(int(obj["seq"]), str(obj["time"]), str(obj["event"]), str(obj["actor"]),
                           obj["rec"], dict(obj["details"]), leaf_hash(line))
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


class AuditLog:
    def __init__(self, root: Path, vault_id: str):
        self.root = Path(root)
        self.vault_id = vault_id

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
                if cp["format"] != CHECKPOINT_FORMAT or cp["vault"] != self.vault_id:
                    problems.append(f"{CHECKPOINT}: wrong format or vault id")
                key = keys.get(cp["signer"])
                if key is None:
                    problems.append(f"{CHECKPOINT}: signer role '{cp['signer']}' is not pinned in vault.json")
                else:
                    from .keys import fingerprint, verify_sig
                    if cp["key"] != fingerprint(key) or not verify_sig(key, b64d(cp["sig"]), checkpoint_message(cp)):
                        problems.append(f"{CHECKPOINT}: signature does not verify (modified)")
                size, head, last = int(cp["size"]), cp["head"], cp["last"].encode("ascii")
                if leaf_hash(last) != head:
                    problems.append(f"{CHECKPOINT}: head does not match its last entry (modified)")
                if len(entries) == size and data is not None and not p:
                    if lines[-1] != last or entries[-1].hash != head or len(data) != cp["bytes"]:
                        problems.append(f"{LOG}: last entry {size - 1} differs from the signed checkpoint")
                elif len(entries) == size - 1 and data is not None and not p and (
                        (entries[-1].hash if entries else ZERO) == json.loads(last)["prev"]):
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
        with vault_lock(self.root):
            if genesis:
                entries: list[AuditEntry] = []
                size = 0
            else:
                self._cut_torn_tail()
                entries, problems, repairable = self.check(keys)
                if repairable:
                    self._repair_locked()
                    entries, problems, _ = self.check(keys)
                if problems:
                    raise IntegrityError("audit trail does not verify, refusing to append: " + problems[0])
                size = len(entries)
            prev = entries[-1].hash if entries else ZERO
            obj = {"seq": size, "time": now_iso(), "event": event, "actor": signer.role, "rec": rec,
                   "details": details or {}, "prev": prev}
            line = cjson(obj)
            old_bytes = self.log_path.stat().st_size if self.log_path.exists() else 0
            from .keys import fingerprint
            cp = {"format": CHECKPOINT_FORMAT, "vault": self.vault_id, "size": size + 1,
                  "bytes": old_bytes + len(line) + 1, "head": leaf_hash(line), "last": line.decode("ascii"),
                  "time": obj["time"], "signer": signer.role, "key": fingerprint(signer.ed25519_public)}
            cp["sig"] = b64e(signer.sign(checkpoint_message(cp)))
            atomic_write(self.checkpoint_path, dump_canonical(cp))
            self._append_line(line)
            return AuditEntry(size, obj["time"], event, signer.role, rec, details or {}, leaf_hash(line))

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
            data = self.log_path.read_bytes()
            cp = self.read_checkpoint()
        except (FileNotFoundError, IntegrityError):
            return
        if not data or data.endswith(b"\n") or cp is None:
            return
        cut = data.rfind(b"\n") + 1
        if cp.get("last", "").encode("ascii").startswith(data[cut:]):
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
