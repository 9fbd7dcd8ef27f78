"""Key-less verification of a whole vault (docs/vault-format.md §8): every file is checked against the
hash or signature chain rooted in the signed audit trail, and anything outside the layout is reported.

It never raises for damaged content: problems name the file (and the chunk) and make the vault fail;
warnings (an unsealed recording, a leftover temporary file) do not.  ``check_header_sig`` is the one
header check the readers use too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import pending as pending_mod
from .audit import CHECKPOINT, LOCK, LOG, AuditEntry
from .errors import IntegrityError
from .format import extras as ex
from .format import recipients as rcp
from .format import stream as st
from .format.canonical import b64d, b64e, load_canonical, sha256_hex
from .fsutil import TMP_SUFFIX
from .keys import fingerprint, parse_public, verify_sig
from .layout import (
    DATA,
    HEADER,
    HEADER_FORMAT,
    IDENTITIES,
    NOTES,
    OPEN,
    RECORDINGS,
    SHARES,
    STATION,
    VAULT_FORMAT,
    VAULT_JSON,
    header_message,
    rec_path,
    unpack_index,
)
from .local_state import LocalState, went_backwards
from .state import VaultState
from .storage import Storage, open_storage

QUARANTINE = "quarantine"


@dataclass
class VerifyReport:
    ok: bool
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    recordings: int = 0
    audit_entries: int = 0
    head: str = ""
    #: roles still under one shared passphrase (a scripted/demo vault)
    shared_passphrase: list[str] = field(default_factory=list)
    #: unsigned reports waiting to be signed into the trail (failed unlocks, quarantines)
    pending: int = 0


def shared_passphrase_roles(entries: list[AuditEntry]) -> list[str]:
    """Roles still under the one passphrase the vault was created with (see VaultState)."""
    return sorted(VaultState.replay(entries).shared_passphrase)


def parse_expected_head(text: str) -> tuple[int | None, str]:
    """``H`` or ``N:H`` (H: at least 16 hex characters of an entry's hash) -> (N or None, h)."""
    n: int | None = None
    h = text.strip().lower()
    if ":" in h:
        a, h = h.split(":", 1)
        if not a.isdigit():
            raise ValueError(f"{text[:80]!r} is not a head (HASH or ENTRIES:HASH)")
        n = int(a)
    if not 16 <= len(h) <= 64 or any(c not in "0123456789abcdef" for c in h):
        raise ValueError(f"{text[:80]!r} is not a head (at least 16 hex characters of an entry's hash)")
    return n, h


def check_header_sig(header: dict, keys: dict[str, bytes], station: str, what: str) -> list[str]:
    """Problems with a sealed header's station signature and its stanza digests (none: it is intact)."""
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


def _check_stream(store: Storage, rec_id: str, fhdr: bytes, expected_lens: list[int] | None,
                  signed: dict | None, problems: list[str], warnings: list[str]) -> None:
    what = rec_path(rec_id, DATA)
    try:
        blob = store.open_blob(what)
    except FileNotFoundError:
        problems.append(f"{what}: missing")
        return
    except IntegrityError as e:
        problems.append(str(e))
        return
    try:
        size = blob.size()
        if blob.pread(st.FILE_HEADER_LEN, 0) != fhdr:
            problems.append(f"{what}: stream header (id/salt) differs from the header")
            return
        lens, hashes, end, problem = st.scan_stream(blob.pread, size)
    finally:
        blob.close()
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


def verify_vault(location: Path | str | Storage, expect_head: str | None = None,
                 local: LocalState | None = None) -> VerifyReport:
    """Check every file of the vault without any key. Never raises for damaged content.

    Also (docs/security.md "Rollback"): the trail must contain the longest trail this station has seen
    of this vault (``local``, the station's own record; ``LocalState()`` by default), and, when given,
    ``expect_head`` (``HASH`` or ``ENTRIES:HASH``, a head kept elsewhere).  A trail that verifies and
    extends what this station saw is remembered."""
    rep = VerifyReport(ok=False)
    trail: list[str] = []
    vault_id = ""
    try:
        vault_id, trail = _verify(open_storage(location), rep)
    except Exception as e:  # a verifier must report, not crash
        rep.problems.append(f"verification stopped: {e.__class__.__name__}: {e}")
    if expect_head:
        try:
            n, h = parse_expected_head(expect_head)
            hits = [i for i, x in enumerate(trail) if x.startswith(h)]
            if not hits or (n is not None and (n - 1) not in hits):
                rep.problems.append(f"the audit trail does not contain the expected head {expect_head[:80]} "
                                    "(it went backwards, or was replaced)")
            elif hits[-1] < len(trail) - 1:
                rep.warnings.append(f"{len(trail) - 1 - hits[-1]} audit entries were added after the expected head")
        except ValueError as e:
            rep.problems.append(str(e))
    if vault_id and trail:
        try:
            local = local or LocalState()
            back = went_backwards(local.seen(vault_id), trail)
            if back:
                rep.problems.append(back)
            elif not rep.problems:
                local.remember(vault_id, len(trail), trail[-1], str(getattr(location, "location", location)))
        except (IntegrityError, OSError) as e:
            rep.problems.append(f"this station's record of audit heads: {e}")
    rep.ok = not rep.problems
    return rep


def _links(store: Storage, rel: str, rep: VerifyReport) -> bool:
    """Report ``rel`` if it is a symbolic link (it could point anywhere); True when it is one."""
    is_link = getattr(store, "is_link", None)
    if is_link is not None and is_link(rel):
        rep.problems.append(f"{rel}: a symbolic link inside the vault (never part of it; it may point outside)")
        return True
    mode = getattr(store, "mode", None)
    m = mode(rel) if mode is not None else None
    if m is not None and m & 0o077:
        rep.warnings.append(f"{rel}: readable or writable by other accounts (mode {m:o}; the app makes 0600/0700)")
    return False


def _verify(store: Storage, rep: VerifyReport) -> tuple[str, list[str]]:
    """Check the vault; returns its id and the hashes of its trail's entries ("", [] when unusable)."""
    P = rep.problems
    if not store.is_dir(""):
        P.append(f"{store.location}: no such folder")
        return "", []
    m = getattr(store, "mode", lambda r: None)("")  # the vault folder itself may be reached by a link
    if m is not None and m & 0o077:
        rep.warnings.append(f"{store.location}: the vault folder is open to other accounts (mode {m:o}; "
                            "the app makes it 0700)")
    for name in sorted(store.listdir("")):
        _links(store, name, rep)
    # vault.json ----------------------------------------------------------------------------
    cfg: dict | None = None
    vj_bytes: bytes | None = None
    try:
        vj_bytes = store.read_original(VAULT_JSON)
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
        names = sorted(n for n in store.listdir(IDENTITIES) if n.endswith(".json")) \
            if store.is_dir(IDENTITIES) else []
        for name in names:
            with contextlib.suppress(Exception):
                keys[name[:-5]] = parse_public(load_canonical(store.read(f"{IDENTITIES}/{name}"), name), name)[1]
    if not vault_id:
        with contextlib.suppress(Exception):
            vault_id = load_canonical(store.read(CHECKPOINT), CHECKPOINT)["vault"]
    # audit ---------------------------------------------------------------------------------
    audit = store.audit_log(vault_id)
    audit.station = station  # type: ignore[attr-defined]  # the signer of state checkpoints (object store)
    entries, problems, _ = audit.check(keys)
    P.extend(problems)
    rep.warnings.extend(getattr(audit, "warnings", []))
    rep.audit_entries = len(entries)
    rep.head = entries[-1].hash if entries else ""
    trail = [e.hash for e in entries] if not problems else []
    if entries and entries[0].event != "init":
        P.append(f"{LOG}: entry 0 is not the vault's init entry")
    state = VaultState.replay(entries)
    recs = state.recs
    rep.shared_passphrase = sorted(state.shared_passphrase)
    if len(rep.shared_passphrase) > 1:
        rep.warnings.append(f"roles {', '.join(rep.shared_passphrase)} share one passphrase (a scripted or demo "
                            "vault): give each its own with `vault identity --role ROLE --change-passphrase`")
    if vj_bytes is not None and state.vault_json != sha256_hex(vj_bytes):
        P.append(f"{VAULT_JSON}: differs from the hash recorded in the audit trail (modified)")
    # identities ----------------------------------------------------------------------------
    folders = getattr(store, "has_folders", True)  # an object store has no empty folders
    has_idir = store.is_dir(IDENTITIES)
    present = set(store.listdir(IDENTITIES)) if has_idir else set()
    if not has_idir and folders:
        P.append(f"{IDENTITIES}/: missing")
    expected_roles = set(state.identities) | (set(cfg["roles"]) if cfg else set())
    for name in sorted(present):
        _links(store, f"{IDENTITIES}/{name}", rep)
    for role in sorted(expected_roles):
        name = f"{role}.json"
        what = f"{IDENTITIES}/{name}"
        if name not in present:
            P.append(f"{what}: missing")
            continue
        if getattr(store, "is_link", lambda r: False)(what):
            continue
        data = store.read(what, pin=state.identities.get(role))
        if state.identities.get(role) != sha256_hex(data):
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
    has_rdir = store.is_dir(RECORDINGS)
    rec_names = set(store.listdir(RECORDINGS)) if has_rdir else set()
    if not has_rdir and folders:
        P.append(f"{RECORDINGS}/: missing")
    for rec_id in sorted(set(recs) - rec_names):
        P.append(f"recordings/{rec_id}: in the audit trail but missing (deleted?)")
    for rec_id in sorted(rec_names):
        if _links(store, rec_path(rec_id), rep):
            continue
        if not store.is_dir(rec_path(rec_id)):
            _unexpected(f"recordings/{rec_id}", rep)
            continue
        if rec_id not in recs:
            P.append(f"recordings/{rec_id}: not in the audit trail")
            continue
        rep.recordings += 1
        _verify_recording(store, rec_id, recs[rec_id], keys, station, vault_id, rep)
    # notes and shares (format 1.1) ---------------------------------------------------------
    _verify_extras(store, NOTES, state.notes, recs, vault_id, ex.check_note, rep, revoked=state.removed_notes)
    _verify_extras(store, SHARES, state.live_shares(), recs, vault_id, ex.check_share, rep,
                   revoked=state.revoked_shares())
    # pending reports and quarantined folders -----------------------------------------------
    reports = _verify_pending(store, rep)
    _verify_quarantine(store, state, reports, rep)
    # anything else -------------------------------------------------------------------------
    known = {VAULT_JSON, LOG, CHECKPOINT, IDENTITIES, RECORDINGS, NOTES, SHARES, pending_mod.PENDING, QUARANTINE}
    known |= set(getattr(store, "layout_names", ()))
    for name in sorted(store.listdir("")):
        if name not in known and name != LOCK:
            _unexpected(name, rep)
    return vault_id, trail


def _verify_pending(store: Storage, rep: VerifyReport) -> list[pending_mod.PendingReport]:
    """Unsigned reports waiting for the next signed append: warnings; anything else there: problems."""
    if not store.is_dir(pending_mod.PENDING):
        if store.exists(pending_mod.PENDING):
            _unexpected(pending_mod.PENDING, rep)
        return []
    reports = pending_mod.pending(store)
    ok = {r.name for r in reports}
    for name in sorted(store.listdir(pending_mod.PENDING)):
        rel = f"{pending_mod.PENDING}/{name}"
        if _links(store, rel, rep):
            continue
        if name not in ok:
            _unexpected(rel, rep)
    rep.pending = len(reports)
    failed = sum(1 for r in reports if r.event == "unlock-failed")
    if failed:
        rep.warnings.append(f"{failed} failed unlock(s) reported without a key (not yet signed into the trail: "
                            "the next action signs them in)")
    return reports


def _verify_quarantine(store: Storage, state: VaultState, reports: list[pending_mod.PendingReport],
                       rep: VerifyReport) -> None:
    if not store.is_dir(QUARANTINE):
        if store.exists(QUARANTINE):
            _unexpected(QUARANTINE, rep)
        return
    known = set(state.quarantined) | {r.details.get("to", "") for r in reports if r.event == "quarantine"}
    for name in sorted(store.listdir(QUARANTINE)):
        rel = f"{QUARANTINE}/{name}"
        if rel in known:
            src = state.quarantined.get(rel, "a recordings folder")
            rep.warnings.append(f"{rel}: quarantined ({src} was not in the audit trail); never evidence — court IT "
                                "may examine and delete it")
        elif not _links(store, rel, rep):
            _unexpected(rel, rep)


def _verify_extras(store: Storage, folder: str, expected: dict[str, dict], recs: dict[str, dict], vault_id: str,
                   check: Callable[..., None], rep: VerifyReport, revoked: set[str] | None = None) -> None:
    """Every note / share in the audit trail is present with exactly the recorded bytes; no others."""
    if store.exists(folder) and not store.is_dir(folder):
        _unexpected(folder, rep)
        return
    present = set(store.listdir(folder)) if store.is_dir(folder) else set()
    for item_id, info in sorted(expected.items()):
        name = f"{item_id}.json"
        what = f"{folder}/{name}"
        if info["rec"] not in recs:
            rep.problems.append(f"{what}: belongs to recording {info['rec']}, which is not in the audit trail")
        if name not in present:
            rep.problems.append(f"{what}: in the audit trail but missing (deleted?)")
            continue
        data = store.read(what, pin=info["hash"])
        if sha256_hex(data) != info["hash"]:
            rep.problems.append(f"{what}: differs from the hash recorded in the audit trail (modified)")
            continue
        try:
            check(load_canonical(data, what), item_id, info["rec"], vault_id, what)
        except IntegrityError as e:
            rep.problems.append(str(e))
    for name in sorted(present):
        _links(store, f"{folder}/{name}", rep)
    for name in sorted(present - {f"{i}.json" for i in expected}):
        if revoked and name.removesuffix(".json") in revoked:
            what = "revoked share still holds a key" if folder == SHARES else "destroyed note is still there"
            rep.problems.append(f"{folder}/{name}: {what} (run recover to delete it)")
        else:
            _unexpected(f"{folder}/{name}", rep)


def _unexpected(rel: str, rep: VerifyReport) -> None:
    if rel.endswith(".lock"):
        return
    if rel.endswith(TMP_SUFFIX):
        rep.warnings.append(f"{rel}: leftover temporary file of an interrupted write")
        return
    rep.problems.append(f"{rel}: unexpected file (not part of the vault)")


def _verify_recording(store: Storage, rec_id: str, info: dict, keys: dict[str, bytes], station: str,
                      vault_id: str, rep: VerifyReport) -> None:
    P = rep.problems
    names = set(store.listdir(rec_path(rec_id)))
    for n in sorted(names):
        if _links(store, rec_path(rec_id, n), rep):
            P.append(f"recordings/{rec_id}/{n}: not checked (a link is never followed)")
            return
    sealed = info.get("state") in ("sealed", "shredded")
    expected = {DATA, HEADER} if sealed else {DATA, OPEN}
    keeps_open = getattr(store, "keeps_open_json", False)  # an object store keeps it (under Object Lock)
    for n in sorted(names - expected):
        if sealed and n == OPEN:
            if not keeps_open:
                rep.warnings.append(f"recordings/{rec_id}/{OPEN}: leftover after seal")
            elif info.get("state") == "sealed" and \
                    sha256_hex(store.read(rec_path(rec_id, OPEN), pin=info.get("open"))) != info.get("open"):
                P.append(f"recordings/{rec_id}/{OPEN}: differs from the hash recorded in the audit trail (modified)")
            continue
        _unexpected(f"recordings/{rec_id}/{n}", rep)
    for n in sorted(expected - names):
        P.append(f"recordings/{rec_id}/{n}: missing")
    if sealed:
        if HEADER not in names:
            return
        what = rec_path(rec_id, HEADER)
        hb = store.read(what, pin=info.get("header"))
        if sha256_hex(hb) != info.get("header"):
            P.append(f"{what}: differs from the hash recorded in the audit trail (modified)")
        try:
            header = load_canonical(hb, what)
        except IntegrityError as e:
            P.append(str(e))
            return
        sp = check_header_sig(header, keys, station, what)
        P.extend(sp)
        if sp:
            return
        signed = header["signed"]
        if signed["id"] != rec_id or signed["vault"] != vault_id:
            P.append(f"{what}: belongs to another recording or vault")
        try:
            lens = unpack_index(signed["index"])
        except ValueError:
            P.append(f"{what}: malformed chunk index")
            return
        if len(lens) != signed["records"]:
            P.append(f"{what}: chunk index length differs from the record count")
        if DATA in names:
            _check_stream(store, rec_id, b64d(signed["stream_header"]), lens, signed, P, rep.warnings)
    else:
        what = rec_path(rec_id, OPEN)
        rep.warnings.append(f"recordings/{rec_id}: not sealed (being written, or run recover)")
        if OPEN not in names:
            return
        ob = store.read(what, pin=info.get("open"))
        if sha256_hex(ob) != info.get("open"):
            P.append(f"{what}: differs from the hash recorded in the audit trail (modified)")
            return
        o = load_canonical(ob, what)
        if DATA in names:
            _check_stream(store, rec_id, b64d(o["stream_header"]), None, None, P, rep.warnings)
