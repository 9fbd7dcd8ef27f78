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
import logging
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
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
from . import s3state
from .retry import retry
from .s3state import state_fields as _state_fields
from .s3state import state_from_json as _state_from_json
from .s3state import state_to_json as _state_to_json

if TYPE_CHECKING:
    from .s3 import S3Storage

log = logging.getLogger("testimony_shield.vault.store")

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
    cp: int = -1  # size of the newest state checkpoint known to be in the store (-1: not known)


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
        #: the role whose pinned key signs state checkpoints (set by the vault from vault.json)
        self.station = "station"
        #: what the last cold open found wrong with state checkpoints (each also logged as a warning)
        self.checkpoint_notes: list[str] = []
        self._view: _View | None = None
        self._lock = threading.RLock()

    # -- one entry -------------------------------------------------------------------------------
    def _parse(self, seq: int, data: bytes, prev: str | None, nbytes: int | None, keys: dict[str, bytes]
               ) -> tuple[AuditEntry, dict]:
        """Check entry object ``seq`` (signature, position; chain and byte count unless None)."""
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
            if prev is not None and obj["prev"] != prev:
                raise IntegrityError(f"{AUDIT}: entry {seq} does not chain to entry {seq - 1} (modified or reordered)")
            if nbytes is not None and int(cp["bytes"]) != nbytes + len(line) + 1:
                raise IntegrityError(f"{what}: byte count differs from the trail before it (modified)")
            e = AuditEntry.parsed(seq, obj, line)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise IntegrityError(f"{what}: malformed (modified)") from None
        return e, cp

    def _fetch(self, seq: int, prev: str | None, nbytes: int | None, keys: dict[str, bytes]
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
            view = _View(st, int(obj["size"]), str(obj["head"]), int(obj["bytes"]), str(obj["last_hash"]),
                         int(obj.get("cp", -1)))
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
               "cp": view.cp, "fields": _state_fields(), "state": _state_to_json(view.state)}
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

    def _after(self, size: int) -> list[int]:
        """Sequence numbers of the entry objects listed after the first ``size`` (latest versions)."""
        prefix = self.store.key(AUDIT + "/")
        kw: dict[str, Any] = {"Prefix": prefix}
        if size:
            kw["StartAfter"] = self.store.key(entry_rel(size - 1))
        out = []
        for page in self.store._paginate("list_objects_v2", **kw):
            for o in page.get("Contents", []):
                m = _NAME.match(o["Key"][len(prefix):])
                if m is not None and int(m.group(1)) >= size:
                    out.append(int(m.group(1)))
        return sorted(out)

    def _bulk(self, view: _View, keys: dict[str, bytes]) -> None:
        """A view far behind (no cache: a new machine): list the entries after it and fetch them in
        parallel."""
        todo = self._after(view.size)
        if len(todo) > 2 * s3state.INTERVAL and view.cp == view.size > 0:
            self._note(f"{s3state.STATE}/: the newest usable checkpoint is {len(todo)} entries behind the head "
                       "(one missing, or no station appended since); those entries are read one by one")
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

    # -- state checkpoints (s3state) ------------------------------------------------------------
    def _note(self, text: str) -> None:
        self.checkpoint_notes.append(text)
        log.warning("audit trail: %s", text)

    def _from_checkpoint(self, keys: dict[str, bytes]) -> _View | None:
        """The view at the newest state checkpoint that checks (an empty one when none does: the trail
        is read from its start; None without a pinned station key)."""
        key = keys.get(self.station)
        if key is None:
            return None
        found, hidden, odd = s3state.listing(self.store)
        for o in odd:
            self._note(f"{o}: unexpected object among the checkpoints (ignored)")
        for size in sorted(found, reverse=True):
            vs, what = found[size], s3state.state_rel(size)
            try:
                cp = s3state.parse(self.store.get(what, version=vs[0]["VersionId"]), size, self.vault_id,
                                   self.station, key)
                got = self._fetch(size - 1, None, None, keys)
                if got is None or got[0].hash != cp["head"] or int(json.loads(got[1])["bytes"]) != cp["bytes"]:
                    raise IntegrityError(f"{what}: does not match entry {size - 1} of the trail (forged, or "
                                         "the trail was rolled back)")
            except s3state.Unusable:
                continue
            except IntegrityError as e:
                self._note(f"{e}: not used, the trail is read from an earlier checkpoint or its start")
                continue
            if size in hidden:
                self._note(f"{what}: hidden behind a delete marker (the locked version is used)")
            if len(vs) > 1:
                self._note(f"{what}: {len(vs) - 1} other version(s) written over it (the first is used)")
            if cp["prev"] and cp["prev"] not in found:
                self._note(f"{what}: the checkpoint before it ({s3state.state_rel(cp['prev'])}) is missing")
            return _View(_state_from_json(cp["state"]), size, cp["head"], int(cp["bytes"]),
                         hashlib.sha256(got[1]).hexdigest(), size)
        return _View(VaultState(), cp=0)

    def _checkpoint(self, signer: Signer, view: _View) -> None:
        """After a station's append: a new state checkpoint when the newest is INTERVAL entries behind.
        Never fails the append (the next station append tries again)."""
        try:
            if view.cp < 0:
                view.cp = max(s3state.listing(self.store)[0], default=0)
            if view.size - view.cp < s3state.INTERVAL:
                return
            data = s3state.make(self.vault_id, signer, view.state, view.bytes, view.last_hash, view.cp)
            self.store.create(s3state.state_rel(view.size), data)
            view.cp = view.size
        except VaultError as e:
            log.warning("audit trail: no state checkpoint written at %d entries (%s)", view.size, type(e).__name__)

    def _current(self, keys: dict[str, bytes]) -> _View:
        with self._lock:
            view = self._view
            if view is None:
                view = self._load_cache() or self._from_checkpoint(keys) or _View(VaultState())
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

    def size_and_hash_at(self, seq: int) -> tuple[int, str | None]:
        """(entries in the trail, leaf hash of entry ``seq`` or None if it has none), without reading
        the whole trail (the rollback check of a station opening the vault)."""
        view = retry(lambda: self._current(self.keys), deadline_s=30)
        if seq < 0 or seq >= view.size:
            return view.size, None
        if seq == view.size - 1:
            return view.size, view.head
        got = retry(lambda: self._fetch(seq, None, None, self.keys), deadline_s=30)
        return view.size, got[0].hash if got else None

    def check(self, keys: dict[str, bytes]) -> tuple[list[AuditEntry], list[str], bool]:
        entries, problems, warnings = self._read_all(keys)
        if not entries and not problems:
            problems.append(f"{AUDIT}/: missing (no entries)")
        if not problems:  # every state checkpoint against the projection replayed from the whole trail
            sizes = set(s3state.listing(self.store)[0])
            st, at = VaultState(), {}
            for e in entries:
                st.apply(e)
                if st.size in sizes:
                    at[st.size] = _state_to_json(st)
            p, w = s3state.check_all(self.store, self.vault_id, self.station, keys.get(self.station), at, len(entries))
            problems += p
            warnings += w
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
                    view = _View(VaultState(), cp=0) if genesis else self._current(keys)
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
                        if signer.role == self.station:
                            self._checkpoint(signer, view)
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
