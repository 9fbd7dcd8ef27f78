"""What a station keeps about vaults *outside* them (docs/security.md, docs/vault-format.md §15):

- ``station.key`` — 32 random bytes, this station's own secret.  It authenticates the ``open.json`` of
  every recording this station starts (an HMAC inside it), so that crash recovery completes only
  recordings this station started: a folder planted by someone with write access to the vault, or a
  recording another station is writing into a shared store, is never sealed here.
- ``heads.json`` — for each vault id, the longest audit trail this station has seen (its size and the
  hash of its last entry, when and where).  A trail that no longer contains that entry went backwards
  (an older ``audit.log`` + ``audit.checkpoint`` restored over it): ``vault verify`` reports it, and
  the vault refuses to write on top of it.

Both live in the station's data folder (``$TESTIMONY_SHIELD_STATE_DIR``, else
``<user data dir>/testimony-shield/station``), 0700, files 0600 from their first byte, written
atomically under a lock; a damaged ``heads.json`` is reported, never silently reset.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import jsonio
from common.atomic import make_private_dirs

from .audit import now_iso
from .errors import IntegrityError, VaultError
from .format.canonical import cjson

try:
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

ENV = "TESTIMONY_SHIELD_STATE_DIR"
KEY_FILE = "station.key"
HEADS_FILE = "heads.json"
HEADS_FORMAT = "testimony-shield-heads/1"
OPEN_MAC_CONTEXT = b"testimony-shield/v1 open.json station mac\n"


def default_dir() -> Path:
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("testimony-shield", appauthor=False)) / "station"


@dataclass(frozen=True)
class Seen:
    """The longest trail of a vault this station has seen."""
    size: int
    head: str
    time: str
    location: str


class LocalState:
    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_dir()

    # -- files ----------------------------------------------------------------------------------
    def _ensure_dir(self) -> None:
        make_private_dirs(self.folder, tighten=True)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self._ensure_dir()
        fd = os.open(self.folder / "state.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def _write(self, name: str, data: bytes) -> None:
        tmp = self.folder / f".{name}.{secrets.token_hex(4)}.partial"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, self.folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    # -- the station key ------------------------------------------------------------------------
    def station_key(self) -> bytes:
        """This station's secret (made on first use)."""
        path = self.folder / KEY_FILE
        try:
            with self._locked():
                try:
                    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                except FileNotFoundError:
                    self._write(KEY_FILE, secrets.token_bytes(32))
                    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                try:
                    key = os.read(fd, 64)
                finally:
                    os.close(fd)
        except OSError as exc:
            raise VaultError(f"cannot read this station's key in {self.folder}: {exc.strerror or exc}") from None
        if len(key) != 32:
            raise IntegrityError(f"{path}: damaged (this station's key is not 32 bytes)")
        return key

    def station_id(self) -> str:
        """A public name of this station's key (not the key)."""
        return hashlib.sha256(b"testimony-shield/v1 station id\n" + self.station_key()).hexdigest()[:16]

    def open_mac(self, open_obj: dict[str, Any]) -> str:
        body = {k: v for k, v in open_obj.items() if k != "station"}
        return hmac.new(self.station_key(), OPEN_MAC_CONTEXT + cjson(body), hashlib.sha256).hexdigest()

    def stamp_open(self, open_obj: dict[str, Any]) -> dict[str, Any]:
        """``open_obj`` with ``"station": {"id", "mac"}`` (the MAC covers every other field)."""
        out = dict(open_obj)
        out["station"] = {"id": self.station_id(), "mac": self.open_mac(open_obj)}
        return out

    def started_here(self, open_obj: dict[str, Any]) -> str:
        """"mine" when this station started the recording; "other" (another station's, or a legacy
        open.json with no station stamp); "forged" (it claims this station but the MAC is wrong)."""
        st = open_obj.get("station")
        if not isinstance(st, dict) or not isinstance(st.get("id"), str) or not isinstance(st.get("mac"), str):
            return "other"
        if st["id"] != self.station_id():
            return "other"
        return "mine" if hmac.compare_digest(st["mac"], self.open_mac(open_obj)) else "forged"

    # -- heads ----------------------------------------------------------------------------------
    def _read_heads(self) -> dict[str, Any]:
        path = self.folder / HEADS_FILE
        try:
            doc = jsonio.load_file(path, max_bytes=4 << 20, max_depth=4, what=str(path))
        except FileNotFoundError:
            return {"format": HEADS_FORMAT, "vaults": {}}
        except (jsonio.JsonError, OSError) as exc:
            raise IntegrityError(f"this station's record of audit heads is unreadable ({exc}): move it "
                                 "aside only after checking the vaults") from None
        if not isinstance(doc, dict) or doc.get("format") != HEADS_FORMAT or not isinstance(doc.get("vaults"), dict):
            raise IntegrityError(f"{path}: not this station's record of audit heads")
        return doc

    def seen(self, vault_id: str) -> Seen | None:
        """The longest trail of ``vault_id`` this station has seen, or None."""
        e = self._read_heads()["vaults"].get(vault_id)
        if not isinstance(e, dict):
            return None
        try:
            return Seen(int(e["size"]), str(e["head"]), str(e.get("time", "")), str(e.get("location", "")))
        except (KeyError, TypeError, ValueError):
            return None

    def remember(self, vault_id: str, size: int, head: str, location: str) -> None:
        """Remember a trail of ``size`` entries ending in ``head`` if it is longer than the one seen
        (the caller checked that it extends it)."""
        with self._locked():
            doc = self._read_heads()
            old = doc["vaults"].get(vault_id)
            if isinstance(old, dict) and isinstance(old.get("size"), int) and old["size"] >= size:
                return
            doc["vaults"][vault_id] = {"size": size, "head": head, "time": now_iso(), "location": location}
            self._write(HEADS_FILE, cjson(doc) + b"\n")

    def forget(self, vault_id: str) -> None:
        """Forget a vault's head (after court IT confirmed that an older trail was restored on purpose)."""
        with self._locked():
            doc = self._read_heads()
            if doc["vaults"].pop(vault_id, None) is not None:
                self._write(HEADS_FILE, cjson(doc) + b"\n")


def went_backwards(seen: Seen | None, hashes: list[str], size: int | None = None,
                   hash_at: Callable[[int], str | None] | None = None) -> str:
    """A plain explanation when a trail (its entries' hashes in order; or its ``size`` and ``hash_at``
    giving the hash of one entry, for a trail that is not read whole) does not contain the head this
    station saw; "" when it does (the trail is the one seen, or extends it)."""
    if seen is None or seen.size <= 0:
        return ""
    if size is None or hash_at is None:
        size, hash_at = len(hashes), hashes.__getitem__
    if size < seen.size:
        return (f"the audit trail went backwards: this station saw {seen.size} entries (head "
                f"{seen.head[:16]}) on {seen.time[:19]}, now it has {size} (an older trail was put back?)")
    if hash_at(seen.size - 1) != seen.head:
        return (f"the audit trail was rewritten: entry {seen.size - 1} is not the one this station saw on "
                f"{seen.time[:19]} (head {seen.head[:16]})")
    return ""
