"""The sealed store: a vault holding role identities, encrypted recordings and the audit trail.

See docs/vault-format.md for the exact format. Nothing here writes plaintext to disk, except
`export_plain`, the explicit, audited plain export.

``Vault`` is the facade; the work is done in the modules beside it:
  layout (names, paths) · storage (where the files live: a folder, an object store) · state (the
  trail's projection) · new_vault (init) · new_recording (a recording's key, stanzas and folder) ·
  writer (the live encrypting writer, the signed header) · reader (decrypting, seekable) · pinned
  (files the trail pins by hash: identities, headers, notes, shares) · access (data keys for the
  unlocked roles) · listing · notes · shares · recover · verify.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import new_recording, new_vault, pinned
from . import pending as pending_mod
from .access import data_key, first_identity
from .audit import AuditEntry
from .errors import (
    IntegrityError,
    MissingKey,
    NotFound,
    VaultError,
    VaultNotInitialised,
    WrongPassphrase,
)
from .format import stream as st
from .format.canonical import b64d, dump_canonical, load_canonical, sha256_hex
from .fsutil import fsync_dir
from .keys import Identity, KdfParams, rewrap_identity, unlock_identity
from .layout import (
    DATA,
    DEFAULT_ROLES,
    HEADER,
    NON_MEDIA_KINDS,
    OPEN,
    STATION,
    VAULT_FORMAT,
    VAULT_JSON,
    WRITER_LOCK,
    RecordingInfo,
    identity_path,
    is_id,
    rec_path,
)
from .local_state import LocalState, went_backwards
from .notes import Note
from .reader import RecordingReader
from .shares import ShareInfo
from .shred import ShredReport
from .state import VaultState
from .storage import LocalStorage, Storage, open_storage
from .storage.s3 import Retention, S3Storage
from .verify import VerifyReport, verify_vault
from .writer import RecordingWriter, SealInput, seal_header

log = logging.getLogger("testimony_shield.vault")


def spool_root() -> Path:
    """Where a station keeps the recordings of remote vaults until they are in the store."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "testimony-shield" / "spool"


__all__ = ["DEFAULT_ROLES", "NON_MEDIA_KINDS", "STATION", "Note", "RecordingInfo", "RecordingReader",
           "RecordingWriter", "ShareInfo", "Vault", "VerifyReport", "verify_vault"]


class Vault:
    """A vault. Writing recordings needs the station key (unlocked by `open_or_init` or a
    `signer_passphrase`); reading needs an unlocked recipient identity; `verify()` needs no key."""

    def __init__(self, storage: Storage | Path | str, cfg: dict, station: Identity | None = None):
        self.storage: Storage = open_storage(storage)
        self._cfg = cfg
        self.id: str = cfg["vault_id"]
        #: whether the vault lives in an object store (its recordings go through the station's spool)
        self.remote = isinstance(self.storage, S3Storage)
        #: the local folder live recordings are written into (the vault itself for a local vault)
        self.spool: LocalStorage
        if isinstance(self.storage, S3Storage):
            self.storage.retention = self.retention
            self.spool = LocalStorage(spool_root() / self.id)  # made when the station first records
        else:
            self.spool = self.storage  # type: ignore[assignment]
        self._station = station
        self._audit = self.storage.audit_log(self.id)
        self._audit.keys = self._keys()  # type: ignore[attr-defined]
        self._audit.station = self.station_role  # type: ignore[attr-defined]
        self._uploader: Any = None
        #: identity files this process checked against the trail (used while a store is unreachable)
        self._checked_identities: dict[str, dict] = {}
        self._writers: dict[str, RecordingWriter] = {}
        #: the time used to enforce share expiry (tests inject a clock)
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        #: what this station keeps outside the vault: its key (recovery), the audit heads it saw
        self.local = LocalState()
        #: "" or why the audit trail is not the one this station saw (it went backwards): then the
        #: vault refuses to write (docs/security.md "Rollback")
        self.rolled_back = ""
        #: what the last recover() did (sealed, quarantined, left for another station)
        from .recover import RecoveryReport

        self.recovery = RecoveryReport()

    @property
    def root(self) -> Path:
        """The vault folder (local vaults)."""
        return self.spool.root

    @property
    def location(self) -> str:
        """How a person names this vault: a folder or ``s3://bucket/prefix``."""
        return self.storage.location

    @property
    def retention(self) -> Retention:
        """The vault's retention policy (vault.json "retention"; none: 0 days)."""
        r = self._cfg.get("retention") or {}
        return Retention(str(r.get("mode", "COMPLIANCE")), float(r.get("days", 0)))

    def retained_until(self, header: dict) -> datetime | None:
        """When the retention of a sealed recording ends (sealed + the policy's days); None: no policy."""
        from .format.extras import parse_time

        return self.retention.until(parse_time(header["signed"]["sealed"]))

    @property
    def station_role(self) -> str:
        return self._cfg.get("station", STATION)

    # -- construction ---------------------------------------------------------------------------
    @staticmethod
    def exists(root: Path | str) -> bool:
        try:  # in a versioned store, a delete marker in front of vault.json does not unmake the vault
            open_storage(root).read_original(VAULT_JSON)
            return True
        except (FileNotFoundError, IsADirectoryError):
            return False

    @classmethod
    def init(cls, root: Path | str, passphrase: str | Mapping[str, str], roles: Iterable[str] = DEFAULT_ROLES,
             kdf: KdfParams | None = None, retention_days: float | None = None,
             retention_mode: str = "COMPLIANCE") -> Vault:
        """Create a vault with a `station` identity (signs headers) and the given roles.

        ``passphrase`` is a mapping {role: passphrase} with one for the station and each role, all
        different (``vault init``, a real court); or one string for every role — a scripted or demo
        vault, marked as such in the `init` entry (``shared_passphrase``) and reported by ``verify``
        until each role has its own (`change_passphrase`).  `retention_days` (default: none for a
        folder, DEFAULT_REMOTE_RETENTION_DAYS for an object store) locks what the store holds under
        Object Lock for that long and refuses crypto-shredding a recording before its retention ends."""
        return new_vault.init_vault(cls, root, passphrase, roles, kdf, retention_days, retention_mode)

    @classmethod
    def open(cls, root: Path | str) -> Vault:
        storage = open_storage(root)
        try:
            data = storage.read_original(VAULT_JSON)
        except FileNotFoundError:
            raise VaultNotInitialised(f"no vault in {storage.location} (vault.json missing)") from None
        cfg = load_canonical(data, VAULT_JSON)
        try:
            if cfg["format"] != VAULT_FORMAT:
                raise IntegrityError(f"{VAULT_JSON}: unknown format")
            for pin in cfg["roles"].values():
                b64d(pin["x25519"]), b64d(pin["ed25519"])
            v = cls(storage, cfg)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise IntegrityError(f"{VAULT_JSON}: malformed (modified)") from None
        if v.state().vault_json != sha256_hex(data):
            raise IntegrityError(f"{VAULT_JSON}: differs from the hash recorded in the audit trail (modified)")
        v._check_heads()
        return v

    @classmethod
    def open_or_init(cls, root: Path | str, passphrase: str, kdf: KdfParams | None = None,
                     passphrases: Mapping[str, str] | None = None) -> Vault:
        """Open the vault in `root` and unlock the station signing key with `passphrase`, so recordings
        can be written and sealed (WrongPassphrase if it does not fit).  If there is no vault, create
        one with roles judge, clerk, defence and the station: with ``passphrases`` (one per role, the
        station's being `passphrase`), else all under `passphrase` (a scripted/demo vault, marked)."""
        if not cls.exists(root):
            if passphrases:
                return cls.init(root, {**passphrases, STATION: passphrase}, kdf=kdf)
            return cls.init(root, passphrase, kdf=kdf)
        v = cls.open(root)
        if v.rolled_back:  # a station never records on top of a trail that went backwards
            raise IntegrityError(v.rolled_back)
        v._station = v._load_identity(v.station_role, passphrase)
        with contextlib.suppress(VaultError):
            v._repair_audit()
        return v

    # -- the audit trail and its projection ----------------------------------------------------
    def _keys(self) -> dict[str, bytes]:
        return {r: b64d(p["ed25519"]) for r, p in self._cfg["roles"].items()}

    def state(self) -> VaultState:
        """What the audit trail says the vault holds (expected hashes of every file), brought up to
        date with the entries appended since the last call.  A live object: the next append changes it."""
        return self._audit.state()

    def _append(self, signer: Identity, event: str, rec: str | None = None,
                details: dict[str, Any] | None = None) -> AuditEntry:
        """Append a signed entry (after folding in the pending unsigned reports); never on top of a
        trail that went backwards."""
        if self.rolled_back:
            raise IntegrityError(f"{self.rolled_back}; refusing to add to it (run `testimony-shield vault verify`)")
        self._fold_pending(signer)
        e = self._audit.append(signer, self._keys(), event, rec=rec, details=details)
        self._remember(e)
        return e

    def _fold_pending(self, signer: Identity) -> None:
        """Sign the queued reports of failed unlocks into the trail (docs/vault-format.md §14)."""
        reports = pending_mod.pending(self.storage)
        if not reports:
            return
        for event, details in pending_mod.fold(reports):
            self._audit.append(signer, self._keys(), event, details=details)
        for r in reports:
            self.storage.delete(f"{pending_mod.PENDING}/{r.name}")

    def _remember(self, e: AuditEntry) -> None:
        """This station saw the trail up to ``e``."""
        try:
            seen = self.local.seen(self.id)
            if seen is not None and e.seq + 1 <= seen.size and not self._holds(seen.size, seen.head):
                self.rolled_back = (f"the audit trail went backwards: this station saw {seen.size} entries "
                                    f"(head {seen.head[:16]}) on {seen.time[:19]}, the new entry is number {e.seq}")
                raise IntegrityError(self.rolled_back)
            self.local.remember(self.id, e.seq + 1, e.hash, self.location)
        except VaultError:
            raise
        except OSError as exc:  # the station's own folder: never lose the vault's work for it
            log.warning("could not record the audit head (%s)", type(exc).__name__)

    def _holds(self, size: int, head: str) -> bool:
        """Whether entry ``size - 1`` of the trail is ``head`` (another append of this station, in another
        thread or process, may have gone past this one's before it was remembered)."""
        at = getattr(self._audit, "size_and_hash_at", None)
        if at is not None:
            return bool(at(size - 1)[1] == head)
        entries = self._audit.entries()
        return len(entries) >= size and entries[size - 1].hash == head

    def _check_heads(self) -> None:
        """Compare the (checked) trail with the longest one this station saw: remember it if it is the
        same or longer, else note that it went backwards (``rolled_back``)."""
        at = getattr(self._audit, "size_and_hash_at", None)
        if at is not None:  # an object store: its trail is checked entry by entry as it is read, and
            # the entry the station saw last is read alone (not the whole trail again)
            size, head = at(-1)[0], self.state().head
            self.rolled_back = went_backwards(self.local.seen(self.id), [], size, lambda i: at(i)[1])
            if not self.rolled_back and size:
                try:
                    self.local.remember(self.id, size, head, self.location)
                except OSError as exc:
                    log.warning("could not record the audit head (%s)", type(exc).__name__)
            return
        entries, problems, _ = self._audit.check(self._keys())
        if problems:  # not a trail to remember (verify reports why); readers refuse what differs
            return
        self.rolled_back = went_backwards(self.local.seen(self.id), [e.hash for e in entries])
        if not self.rolled_back and entries:
            try:
                self.local.remember(self.id, len(entries), entries[-1].hash, self.location)
            except OSError as exc:
                log.warning("could not record the audit head (%s)", type(exc).__name__)

    def head(self) -> tuple[int, str]:
        """(number of entries, hash of the last one) of the trail as it is now (for `vault head`)."""
        st = self.state()
        return st.size, st.head if st.size else ""

    def _repair_audit(self) -> bool:
        return self._audit.repair(self._keys())

    # -- identities -----------------------------------------------------------------------------
    @property
    def can_sign(self) -> bool:
        """Whether the station signing key is unlocked (needed to write a new recording)."""
        return self._station is not None

    def roles(self) -> list[str]:
        return sorted(self._cfg["roles"])

    def role_public_keys(self) -> dict[str, dict[str, str]]:
        """The public keys pinned for each role (``{"x25519": b64, "ed25519": b64}``): e.g. a remote
        witness station encrypts its recordings to this vault's judge and clerk (docs/delivery.md)."""
        return {r: dict(p) for r, p in self._cfg["roles"].items()}

    def _identity_obj(self, role: str) -> dict:
        return pinned.identity_obj(self, role)

    def _load_identity(self, role: str, passphrase: str) -> Identity:
        """The one place a passphrase is tried: every failure is audited (docs/vault-format.md §14)."""
        obj = self._identity_obj(role)
        try:
            return unlock_identity(obj, passphrase, identity_path(role))
        except WrongPassphrase:
            self._audit_failed_unlock(role)
            raise

    def _audit_failed_unlock(self, role: str) -> None:
        """Signed by the station at once when its key is unlocked here; otherwise a pending report
        that the next signed append folds into the trail.  Never raises (the refusal must stand)."""
        try:
            if self._station is not None and not self.rolled_back:
                self._append(self._station, "unlock-failed", details={"role": role})
            else:
                pending_mod.report(self.storage, "unlock-failed", {"role": role, "where": "no key unlocked"})
        except (VaultError, OSError) as exc:
            log.warning("could not audit a failed unlock (%s)", type(exc).__name__)

    def unlock(self, role: str, passphrase: str) -> Identity:
        """Unlock a role with its passphrase (WrongPassphrase otherwise, audited); audited as 'unlock'."""
        ident = self._load_identity(role, passphrase)
        self._append(ident, "unlock", details={"role": role})
        return ident

    def shared_passphrase_roles(self) -> list[str]:
        """Roles still under the one passphrase a scripted/demo vault was created with ([] for a vault
        whose roles each have their own)."""
        return sorted(self.state().shared_passphrase)

    def change_passphrase(self, role: str, old: str, new: str, kdf: KdfParams | None = None) -> None:
        if not new:
            raise WrongPassphrase("an empty passphrase is not allowed")
        ident = self._load_identity(role, old)
        obj = rewrap_identity(self._identity_obj(role), ident, new, kdf or KdfParams.default())
        data = dump_canonical(obj)
        with self.storage.lock():
            self.storage.write(identity_path(role), data)
        self._append(ident, "passphrase", details={"role": role, "identities": {role: sha256_hex(data)}})
        if role == self.station_role:
            self._station = ident

    def unlock_station(self, passphrase: str) -> None:
        """Unlock the station signing key (to write recordings, or to upload a spool)."""
        self._station = self._load_identity(self.station_role, passphrase)

    def _signer(self, signer_passphrase: str | None) -> Identity:
        if signer_passphrase is not None:
            return self._load_identity(self.station_role, signer_passphrase)
        if self._station is None:
            raise MissingKey("the station signing key is locked: open the vault with a passphrase "
                             "(Vault.open_or_init) or pass signer_passphrase")
        return self._station

    # -- writing --------------------------------------------------------------------------------
    def create_recording(self, meta: dict | None = None, recipients: Sequence[str] = ("judge",),
                         signer_passphrase: str | None = None, *,
                         chunk_size: int = st.DEFAULT_CHUNK,
                         recipient_keys: dict[str, bytes] | None = None) -> RecordingWriter:
        """Start an encrypted recording. `recipients` are role names; "judge+clerk" means a two-person
        rule (the data key is XOR-split between the two roles, both must be unlocked to read).
        `recipient_keys` (X25519 public keys by role) encrypts to ANOTHER vault's roles instead of this
        one's: this vault cannot read the recording back (a remote witness station's, delivered to the
        court: docs/delivery.md)."""
        return new_recording.create_recording(self, self._signer(signer_passphrase), meta, recipients,
                                              chunk_size, recipient_keys)

    def _finish_seal(self, s: SealInput) -> str:
        """Store the signed header of a complete stream and write its 'seal' / 'recover' entry."""
        header = seal_header(self.id, s)
        hb = dump_canonical(header)
        self.spool.write(rec_path(s.rec_id, HEADER), hb)
        details = {"header_json": sha256_hex(hb), "root": header["signed"]["root"], "records": len(s.lens),
                   "plaintext_size": s.plain_size}
        details.update(s.extra or {})
        event = "recover" if s.recovered else "seal"
        if self.remote:  # recorded locally: the uploader writes the entry once the store holds it all
            from .uploader import SEAL_DETAILS

            self.spool.write(rec_path(s.rec_id, SEAL_DETAILS), dump_canonical({"event": event, **details}))
            self.spool.delete(rec_path(s.rec_id, WRITER_LOCK))
            fsync_dir(s.folder)
            self.uploader.kick()
            return s.rec_id
        self._append(s.signer, event, rec=s.rec_id, details=details)
        self.spool.delete(rec_path(s.rec_id, OPEN))
        self.spool.delete(rec_path(s.rec_id, WRITER_LOCK))
        fsync_dir(s.folder)
        return s.rec_id

    # -- the spool and the store (vaults in an object store) ----------------------------------------
    @property
    def uploader(self) -> Any:
        """The background uploader of this station's spool (vaults in an object store); started on
        first use."""
        if self._uploader is None:
            from .uploader import Uploader

            self._uploader = Uploader(self)
            self._uploader.start()
        return self._uploader

    def upload_status(self) -> Any:
        """``uploader.UploadState``: what is still only on this station (None for a local vault)."""
        return self.uploader.status() if self.remote else None

    def sync(self, deadline_s: float = 300.0) -> Any:
        """Upload everything the spool holds (recovering recordings a crash left first), retrying
        while the store is unreachable, up to ``deadline_s``.  Returns ``uploader.SyncReport``."""
        from .storage.retry import retry
        from .uploader import SyncReport, Uploader

        if not self.remote:
            return SyncReport()
        self.recover()
        up = self._uploader or Uploader(self)
        total = SyncReport()
        end = time.monotonic() + deadline_s
        while True:
            rep = retry(up.sync_once, deadline_s=max(1.0, end - time.monotonic()))
            total.uploaded += rep.uploaded
            total.bytes += rep.bytes
            total.quarantined += rep.quarantined
            if not rep.remaining or rep.problems or not (rep.uploaded or rep.bytes) \
                    or time.monotonic() > end:
                total.remaining, total.live, total.problems = rep.remaining, rep.live, rep.problems
                return total

    def recover(self, signer_passphrase: str | None = None) -> list[str]:
        """Seal the recordings *this station* started that a crash left unsealed, with every intact record
        (torn tail cut), audited as 'recover'; quarantine (never adopt) a recording folder the audit
        trail does not know.  Recordings with a live writer (any process) and recordings of other
        stations are left.  Returns the ids sealed; ``self.recovery`` tells the rest."""
        from .recover import recover

        return recover(self, signer_passphrase)

    # -- reading --------------------------------------------------------------------------------
    def _resolve(self, rec_id: str) -> str:
        """``rec_id`` when it names a recording of this vault.  An id is exactly 16 lower-case hex
        characters: anything else (a prefix, "..", a path) is refused before it becomes a path."""
        if not is_id(rec_id):
            shown = str(rec_id)[:24].encode("unicode_escape").decode("ascii")
            raise NotFound(f"'{shown}' is not a recording id (16 hex characters, as `vault list` shows them)")
        if self.storage.is_dir(rec_path(rec_id)):
            return rec_id
        raise NotFound(f"no recording '{rec_id}' in this vault")

    def _load_header(self, rec_id: str, check_audit: bool = True) -> tuple[dict, bytes]:
        return pinned.load_header(self, rec_id, check_audit)

    def _data_key(self, rec_id: str, header: dict, identity: Identity | Sequence[Identity]) -> bytes:
        return data_key(self, rec_id, header, identity)

    def _reader(self, rec_id: str, identity: Identity | Sequence[Identity]) -> tuple[RecordingReader, dict]:
        rec_id = self._resolve(rec_id)
        header, _ = self._load_header(rec_id)
        key = data_key(self, rec_id, header, identity)
        blob = self.storage.open_blob(rec_path(rec_id, DATA))
        return RecordingReader(blob, rec_id, header["signed"], key), header

    def open_reader(self, rec_id: str, identity: Identity | Sequence[Identity],
                    purpose: str = "view") -> RecordingReader:
        """Decrypting, seekable reader (no plaintext on disk); audited as 'view' with the purpose."""
        reader, header = self._reader(rec_id, identity)
        try:
            self._append(first_identity(identity), "view", rec=reader.id, details={"purpose": purpose})
        except BaseException:
            reader.close()
            raise
        return reader

    def export_plain(self, rec_id: str, identity: Identity | Sequence[Identity], out_path: Path | str,
                     reason: str, writer: Callable[[Any, dict, Any], Any] | None = None,
                     watermark: Callable[[str], Any] | None = None) -> Path:
        """Explicit plain export (the only way plaintext reaches a disk). Audited *before* writing;
        written into a new private file renamed into place when complete, removed on any failure.

        ``writer(reader, meta, out)``, when given, writes the output from the decrypting reader into
        ``out`` (a new 0600 binary file; the app remuxes the media with its chapters); by default the
        plaintext is copied as is.  A share-holder's export needs ``watermark(text) -> writer``
        (see vault/exports.py)."""
        from .exports import export_plain

        return export_plain(self, rec_id, identity, out_path, reason, writer=writer, watermark=watermark)

    def export_to(self, rec_id: str, identity: Identity | Sequence[Identity], role: str, reason: str,
                  signer_passphrase: str | None = None, meta_update: dict | None = None,
                  transform: Callable[[RecordingReader, dict, RecordingWriter], dict | None] | None = None) -> str:
        """Copy a recording into a new recording with a fresh key wrapped only to `role`: the judge's
        decision alone, audited.  Raw recordings go only to the judge; session records and plans only
        to the judge or the clerk; two-person recordings never to one role.

        ``transform(reader, source_meta, writer) -> meta updates``, when given, writes the new
        recording's plaintext from the decrypting reader into the encrypting writer (the app burns a
        watermark into the video); by default the plaintext is copied as is. Nothing touches the disk
        unencrypted. The new recording's meta links to its source (id, signed root, header hash).  A
        copy that fails half-way is shredded at once."""
        from .exports import export_to

        return export_to(self, rec_id, identity, role, reason, signer_passphrase, meta_update, transform)

    # -- private notes and expiring shares (format 1.1) ----------------------------------------------
    def add_note(self, rec_id: str, identity: Identity, at_seconds: float, text: str) -> str:
        """A private, timestamped note on a recording, encrypted to the author's role only (the author
        must be able to open the recording). Audited as 'note' with the file's hash, never the text."""
        from .notes import add_note

        return add_note(self, rec_id, identity, at_seconds, text)

    def notes(self, rec_id: str, identity: Identity) -> list[Note]:
        """The identity's own notes on a recording, decrypted, in playback order. A note file that
        differs from its hash in the audit trail raises IntegrityError."""
        from .notes import notes

        return notes(self, rec_id, identity)

    def share(self, rec_id: str, identity: Identity | Sequence[Identity], role: str,
              expires_at: datetime | str, reason: str) -> str:
        """Give `role` access to a (masked) recording until `expires_at`: the data key wrapped to the
        role in `shares/<id>.json`, refused on open once expired ("share expired"). Judge only;
        audited as 'share'. Raw recordings are never shared outside the judge."""
        from .shares import share

        return share(self, rec_id, identity, role, expires_at, reason)

    def shares(self, rec_id: str | None = None) -> list[ShareInfo]:
        """Live (not revoked) shares, from the audit trail; no key needed."""
        from .shares import shares

        return shares(self, rec_id)

    def revoke_share(self, share_id: str, identity: Identity, reason: str) -> None:
        """Delete a share's wrapped key (audited 'unshare' first, then the file is removed)."""
        from .shares import revoke_share

        revoke_share(self, share_id, identity, reason)

    def expire_shares(self, identity: Identity) -> list[str]:
        """Revoke every share past its expiry (destroys their wrapped keys). Returns their ids."""
        from .shares import expire_shares

        return expire_shares(self, identity)

    def shred(self, rec_id: str, identity: Identity, reason: str, roles: Sequence[str] | None = None,
              with_derived: bool = False) -> ShredReport:
        """Crypto-shred: destroy the wrapped keys (all, or only those of `roles`). The ciphertext stays
        (unreadable) so that verify still accounts for the recording. Judge only; audited.  The report
        lists the copies made from it, the notes on them and the plain exports that stay readable;
        ``with_derived`` shreds the copies and destroys the notes too (vault/shred.py)."""
        from .shred import shred

        return shred(self, rec_id, identity, reason, roles, with_derived)

    def retain(self, judge: Identity, days: float, reason: str, recordings: Sequence[str] = ()) -> Any:
        """Keep the whole vault (or ``recordings``) at least ``days`` more days from now: audited, Object
        Lock extended in a store, shredding refused until then.  Judge only (vault/retain.py)."""
        from .retain import retain

        return retain(self, judge, days, reason, recordings)

    def derived(self, rec_id: str) -> list[str]:
        """The recordings copied from ``rec_id`` (and from those copies)."""
        from .shred import derived

        return derived(self, self._resolve(rec_id))

    # -- listing, audit, verify -----------------------------------------------------------------
    def _load_pinned(self, folder: str, name: str, expected_hash: str) -> tuple[Any, str]:
        return pinned.load_pinned(self, folder, name, expected_hash)

    def list(self) -> builtins.list[RecordingInfo]:
        """Every recording, without a key (vault/listing.py)."""
        from .listing import list_recordings

        return list_recordings(self)

    def info(self, rec_id: str) -> dict:
        """A recording's signed header, or what open.json says while it is written (vault/listing.py)."""
        from .listing import recording_info

        return recording_info(self, rec_id)

    def audit_entries(self) -> builtins.list[AuditEntry]:  # `list` is the method above
        return self._audit.entries()

    def verify(self) -> VerifyReport:
        return verify_vault(self.storage)
