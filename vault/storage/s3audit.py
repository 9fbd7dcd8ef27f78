"""The audit trail of a vault in an object store: one object per entry, ``audit/<seq:012d>.json``.

Each object is a checkpoint (docs/vault-format.md §7, same fields and signature) whose ``last`` is
the entry's line, so every entry is signed by the role that wrote it and chains to the one before
(``prev``).  Appending is a conditional create of the next sequence number (If-None-Match): when two
stations append at the same moment one create wins, the other reads the winner's entry and tries the
next number, so the trail never forks.  Entries are never rewritten; with Object Lock they cannot be
deleted either.

Every process keeps a view of the trail (the projection, the head, the byte count) and reads only the
entries added since; a copy of the view is cached in the user's cache folder, so a station (or a
judge's laptop) opening the vault again reads only what is new.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common import jsonio

from ..audit import (
    CHECKPOINT_FORMAT,
    AuditEntry,
    Signer,
    checkpoint_message,
    checkpoint_problems,
    leaf_hash,
    now_iso,
)
from ..errors import IntegrityError, StoreUnavailable, VaultError
from ..format.canonical import b64e, cjson, dump_canonical, load_canonical
from ..state import ZERO, VaultState
from .retry import retry

if TYPE_CHECKING:
    from .s3 import S3Storage

AUDIT = "audit"
CACHE_FORMAT = "testimony-shield-audit-cache/1"
_NAME = re.compile(r"^(\d{12})\.json$")


def entry_rel(seq: int) -> str:
    return f"{AUDIT}/{seq:012d}.json"


@dataclass
class _View:
    state: VaultState
    size: int = 0
    head: str = ZERO
    bytes: int = 0
    last_hash: str = ""  # SHA-256 of the last entry object's bytes


def _state_fields() -> list[str]:
    return sorted(f.name for f in fields(VaultState))


def _state_to_json(state: VaultState) -> dict[str, Any]:
    """The projection as JSON (sets as sorted lists)."""
    out = asdict(state)
    return {k: sorted(v) if isinstance(v, set) else v for k, v in out.items()}


def _state_from_json(obj: dict[str, Any]) -> VaultState:
    st = VaultState()
    for f in fields(VaultState):
        if f.name in obj:
            value = obj[f.name]
            setattr(st, f.name, set(value) if isinstance(getattr(st, f.name), set) else value)
    return st


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "testimony-shield" / "store"


class S3AuditTrail:
    def __init__(self, store: S3Storage, vault_id: str):
        self.store = store
        self.vault_id = vault_id
        #: the pinned Ed25519 keys of the roles (set by the vault): every entry read is checked with them
        self.keys: dict[str, bytes] = {}
        #: notes from the last ``check`` that do not make the trail fail (e.g. versions written over ours)
        self.warnings: list[str] = []
        self._view: _View | None = None
        self._lock = threading.RLock()

    # -- one entry -------------------------------------------------------------------------------
    def _parse(self, seq: int, data: bytes, prev: str, nbytes: int, keys: dict[str, bytes]
               ) -> tuple[AuditEntry, dict]:
        what = entry_rel(seq)
        cp = load_canonical(data, what)
        try:
            problems = checkpoint_problems(cp, keys, self.vault_id) if keys else []
            if problems:
                raise IntegrityError(problems[0].replace("audit.checkpoint", what))
            line = cp["last"].encode("ascii")
            obj = json.loads(line)
            if cjson(obj) != line or int(obj["seq"]) != seq or int(cp["size"]) != seq + 1:
                raise IntegrityError(f"{what}: holds entry {obj.get('seq')}, not {seq} (moved or modified)")
            if obj["prev"] != prev:
                raise IntegrityError(f"{AUDIT}: entry {seq} does not chain to entry {seq - 1} (modified or reordered)")
            if int(cp["bytes"]) != nbytes + len(line) + 1:
                raise IntegrityError(f"{what}: byte count differs from the trail before it (modified)")
            e = AuditEntry(seq, str(obj["time"]), str(obj["event"]), str(obj["actor"]), obj["rec"],
                           dict(obj["details"]), leaf_hash(line))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise IntegrityError(f"{what}: malformed (modified)") from None
        return e, cp

    def _fetch(self, seq: int, prev: str, nbytes: int, keys: dict[str, bytes]
               ) -> tuple[AuditEntry, bytes] | None:
        """Entry ``seq`` (None when there is none yet): the latest version if it checks, else the
        oldest version that does (someone wrote over it); IntegrityError when none does."""
        rel = entry_rel(seq)
        try:
            data = self.store.get(rel)
        except FileNotFoundError:
            data = None
        if data is not None:
            try:
                return self._parse(seq, data, prev, nbytes, keys)[0], data
            except IntegrityError as first:
                err: IntegrityError | None = first
        else:
            err = None
        for v in self.store.versions(rel):
            b = self.store.get(rel, version=v["VersionId"])
            with contextlib.suppress(IntegrityError):
                return self._parse(seq, b, prev, nbytes, keys)[0], b
        if err is not None:
            raise err
        return None

    # -- the view ----------------------------------------------------------------------------------
    def _cache_path(self) -> Path:
        tag = hashlib.sha256(self.store.location.encode()).hexdigest()[:16]
        return cache_dir() / f"{tag}-{self.vault_id}.json"

    def _load_cache(self) -> _View | None:
        try:
            raw = self._cache_path().read_bytes()
            obj = jsonio.loads(raw, max_bytes=256 << 20, what="audit cache")
            if obj.get("format") != CACHE_FORMAT or obj.get("vault") != self.vault_id \
                    or obj.get("location") != self.store.location:
                return None
            if obj.get("fields") != _state_fields():
                return None  # written by another version of the projection: rebuild it
            st = _state_from_json(obj["state"])
            view = _View(st, int(obj["size"]), str(obj["head"]), int(obj["bytes"]), str(obj["last_hash"]))
        except (OSError, ValueError, TypeError, KeyError):
            return None
        if view.size != st.size or view.head != st.head or view.size <= 0:
            return None
        try:  # the entry the cache ends with must still be the store's
            data = self.store.get(entry_rel(view.size - 1))
        except FileNotFoundError:
            return None
        if hashlib.sha256(data).hexdigest() != view.last_hash:
            return None
        return view

    def _save_cache(self, view: _View) -> None:
        path = self._cache_path()
        obj = {"format": CACHE_FORMAT, "vault": self.vault_id, "location": self.store.location,
               "size": view.size, "head": view.head, "bytes": view.bytes, "last_hash": view.last_hash,
               "fields": _state_fields(), "state": _state_to_json(view.state)}
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(json.dumps(obj, sort_keys=True).encode())
            os.replace(tmp, path)

    def _catch_up(self, view: _View, keys: dict[str, bytes]) -> int:
        n = 0
        while True:
            got = self._fetch(view.size, view.head, view.bytes, keys)
            if got is None:
                return n
            e, data = got
            view.state.apply(e)
            view.size, view.head = e.seq + 1, e.hash
            view.bytes += len(json.loads(data)["last"]) + 1
            view.last_hash = hashlib.sha256(data).hexdigest()
            n += 1

    def _bulk(self, view: _View, keys: dict[str, bytes]) -> None:
        """A view far behind (no cache: a new machine): list the entries and fetch them in parallel."""
        found, _ = self._all()
        todo = [s for s in sorted(found) if s >= view.size]
        if len(todo) < 50:
            return
        with ThreadPoolExecutor(16) as pool:
            bodies = list(pool.map(lambda s: self.store.get(entry_rel(s)), todo))
        for seq, data in zip(todo, bodies, strict=True):
            if seq != view.size:
                return  # a gap: the entry-by-entry path reports it
            try:
                e, _ = self._parse(seq, data, view.head, view.bytes, keys)
            except IntegrityError:
                return  # a version written over it: the entry-by-entry path finds the authentic one
            view.state.apply(e)
            view.size, view.head = seq + 1, e.hash
            view.bytes += len(json.loads(data)["last"]) + 1
            view.last_hash = hashlib.sha256(data).hexdigest()

    def _current(self, keys: dict[str, bytes]) -> _View:
        with self._lock:
            view = self._view
            if view is None:
                view = self._load_cache() or _View(VaultState())
                self._bulk(view, keys)
            if self._catch_up(view, keys) or self._view is None:
                self._save_cache(view)
            self._view = view
            return view

    # -- AuditTrail --------------------------------------------------------------------------------
    def state(self) -> VaultState:
        return retry(lambda: self._current(self.keys), deadline_s=30).state

    def _all(self) -> tuple[dict[int, list[dict[str, Any]]], list[str]]:
        """Versions of every entry object (oldest first) by sequence number, and unexpected keys."""
        found: dict[int, list[dict[str, Any]]] = {}
        odd: list[str] = []
        prefix = self.store.key(AUDIT + "/")
        for page in self.store._paginate("list_object_versions", Prefix=prefix):
            for v in page.get("Versions", []):
                name = v["Key"][len(prefix):]
                m = _NAME.match(name)
                if m is None:
                    odd.append(f"{AUDIT}/{name}")
                    continue
                found.setdefault(int(m.group(1)), []).append(v)
        for vs in found.values():
            vs.reverse()  # listed newest first
        return found, odd

    def _read_all(self, keys: dict[str, bytes]) -> tuple[list[AuditEntry], list[str], list[str]]:
        found, odd = self._all()
        problems = [f"{o}: unexpected object in the audit trail" for o in odd]
        warnings: list[str] = []
        n = max(found) + 1 if found else 0
        with ThreadPoolExecutor(8) as pool:
            bodies = list(pool.map(lambda s: [self.store.get(entry_rel(s), version=v["VersionId"])
                                              for v in found.get(s, [])], range(n)))
        entries: list[AuditEntry] = []
        prev, nbytes = ZERO, 0
        for seq in range(n):
            if not bodies[seq]:
                problems.append(f"{entry_rel(seq)}: missing (deleted?)")
                break
            last_err: IntegrityError | None = None
            for i, data in enumerate(bodies[seq]):
                try:
                    e, cp = self._parse(seq, data, prev, nbytes, keys)
                except IntegrityError as err:
                    last_err = err
                    continue
                if len(bodies[seq]) > 1:
                    warnings.append(f"{entry_rel(seq)}: {len(bodies[seq]) - 1} other version(s) written over the "
                                    "entry (the first, authentic one is used)" if i == 0 else
                                    f"{entry_rel(seq)}: versions written over the entry; the authentic one is "
                                    f"version {i + 1}")
                break
            else:
                problems.append(str(last_err))
                break
            entries.append(e)
            prev, nbytes = e.hash, int(cp["bytes"])
        return entries, problems, warnings

    def entries(self) -> list[AuditEntry]:
        return retry(lambda: self._read_all(self.keys), deadline_s=30)[0]

    def check(self, keys: dict[str, bytes]) -> tuple[list[AuditEntry], list[str], bool]:
        entries, problems, warnings = self._read_all(keys)
        if not entries and not problems:
            problems.append(f"{AUDIT}/: missing (no entries)")
        self.warnings = warnings
        return entries, problems, False

    def repair(self, keys: dict[str, bytes]) -> bool:
        return False  # an entry is one object, created whole or not at all

    def append(self, signer: Signer, keys: dict[str, bytes], event: str, rec: str | None = None,
               details: dict[str, Any] | None = None, genesis: bool = False) -> AuditEntry:
        from ..keys import fingerprint

        def attempt() -> AuditEntry:
            while True:
                with self._lock:
                    view = _View(VaultState()) if genesis else self._current(keys)
                    seq = view.size
                    when = now_iso()
                    obj: dict[str, Any] = {"seq": seq, "time": when, "event": event, "actor": signer.role, "rec": rec,
                           "details": details or {}, "prev": view.head}
                    line = cjson(obj)
                    nbytes = view.bytes + len(line) + 1
                    cp: dict[str, Any] = {"format": CHECKPOINT_FORMAT, "vault": self.vault_id, "size": seq + 1,
                          "bytes": nbytes, "head": leaf_hash(line),
                          "last": line.decode("ascii"), "time": when, "signer": signer.role,
                          "key": fingerprint(signer.ed25519_public)}
                    cp["sig"] = b64e(signer.sign(checkpoint_message(cp)))
                    data = dump_canonical(cp)
                    if self.store.create(entry_rel(seq), data):
                        e = AuditEntry(seq, when, event, signer.role, rec, details or {}, leaf_hash(line))
                        view.state.apply(e)
                        view.size, view.head, view.bytes = seq + 1, e.hash, nbytes
                        view.last_hash = hashlib.sha256(data).hexdigest()
                        self._view = view
                        self._save_cache(view)
                        return e
                    if genesis:
                        raise VaultError(f"a vault already exists in {self.store.location}")
                    # another station took this number first: read its entry, then take the next one

        try:
            return retry(attempt, deadline_s=30)
        except StoreUnavailable:
            raise
        except IntegrityError as e:
            raise IntegrityError(f"audit trail does not verify, refusing to append: {e}") from None
