"""Regression tests for the security review's "Broken" items that live in the vault (see
../shared/research/security-review.md and docs/security.md).  Each test failed on the code reviewed."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers.temp_vault import PASS, make_vault, write_recording
from vault.errors import AccessDenied, IntegrityError, NotFound, VaultError, WrongPassphrase
from vault.format import recipients as rcp
from vault.format import stream as st
from vault.format.canonical import b64d, b64e, dump_canonical
from vault.keys import KdfParams
from vault.local_state import LocalState
from vault.store import Vault, verify_vault


@pytest.fixture(autouse=True)
def _own_station(tmp_path, monkeypatch):
    """Each test is its own station (its own key and record of audit heads)."""
    monkeypatch.setenv("TESTIMONY_SHIELD_STATE_DIR", str(tmp_path / "station-state"))


def plant(v: Vault, kind: str = "masked", sealed: bool = False, name: str | None = None) -> str:
    """What someone with write access to the folder and no key can make: an open.json built from the
    public keys in vault.json, a data.tsv encrypted under a key of their choosing (a backdated date)."""
    rec_id = name or os.urandom(8).hex()
    cfg = json.loads((v.root / "vault.json").read_text())
    key = os.urandom(32)
    salt = st.new_salt()
    fhdr = st.file_header(rec_id, salt)
    stanzas = [rcp.wrap(key, b64d(cfg["roles"][r]["x25519"]), r, rec_id) for r in ("judge", "clerk")]
    open_obj = {"format": "testimony-shield-recording-open/1", "vault": v.id, "id": rec_id,
                "created": "2020-01-01T09:00:00.000Z", "chunk_size": 65536, "stream_header": b64e(fhdr),
                "commitment": st.key_commitment(key, salt, rec_id).hex(), "recipients": ["judge", "clerk"],
                "stanzas": stanzas, "meta": {"kind": kind, "case_number": "PLANTED"}}
    folder = v.root / "recordings" / rec_id
    folder.mkdir()
    cipher = st.StreamCipher(key, fhdr)
    ct = cipher.encrypt(0, b"forged testimony", True)
    prefix = len(ct).to_bytes(4, "big")
    (folder / "data.tsv").write_bytes(fhdr + prefix + ct + st.record_hash(prefix, ct))
    (folder / ("header.json" if sealed else "open.json")).write_bytes(dump_canonical(
        {"signed": open_obj, "sig": "AAAA", "stanzas": stanzas} if sealed else open_obj))
    old = 1_600_000_000  # planted long ago (recovery leaves very young unknown folders for a moment)
    for p in (*folder.iterdir(), folder):
        os.utime(p, (old, old))
    return rec_id


# -- Broken 1: planted recordings --------------------------------------------------------------------


@pytest.mark.parametrize("kind, sealed", [("masked", False), ("plan", False), ("raw", True)])
def test_a_planted_recording_is_quarantined_never_adopted(tmp_path, kind, sealed):
    v = make_vault(tmp_path / "vault")
    good = write_recording(v, b"real" * 100, meta={"kind": "masked"})
    rid = plant(v, kind, sealed)
    assert rid in [r.id for r in v.list()] and "not in the audit trail" in \
        next(r for r in v.list() if r.id == rid).meta["error"]  # never shown as evidence
    assert not verify_vault(v.root).ok
    v2 = Vault.open_or_init(v.root, PASS, kdf=KdfParams.fast())  # the next normal start
    assert v2.recover() == []
    assert [q[0] for q in v2.recovery.quarantined] == [f"recordings/{rid}"]
    assert not (v.root / "recordings" / rid).exists()
    (entry,) = [e for e in v2.audit_entries() if e.event == "quarantine"]
    assert entry.details["folder"] == f"recordings/{rid}" and "data.tsv" in entry.details["files"]
    assert not any(e.event in ("create", "seal", "recover") and e.rec == rid for e in v2.audit_entries())
    rep = verify_vault(v.root)
    assert rep.ok, rep.problems
    assert any("quarantined" in w for w in rep.warnings)
    judge = v2.unlock("judge", PASS)
    with pytest.raises(NotFound):
        v2.open_reader(rid, judge)
    assert [r.id for r in v2.list()] == [good]


def test_recovery_completes_only_this_stations_own_recordings(tmp_path, monkeypatch):
    v = make_vault(tmp_path / "vault")
    mine = v.create_recording({"kind": "masked"}, ["judge"])
    mine.write(b"mine" * 1000)
    mine.flush()
    mine.abort()  # a crash: unsealed
    # another station (another key) writes into the same vault, and crashes too
    monkeypatch.setenv("TESTIMONY_SHIELD_STATE_DIR", str(tmp_path / "other-station"))
    other_station = Vault.open_or_init(v.root, PASS)
    theirs = other_station.create_recording({"kind": "masked"}, ["judge"])
    theirs.write(b"theirs" * 1000)
    theirs.flush()
    theirs.abort()
    monkeypatch.setenv("TESTIMONY_SHIELD_STATE_DIR", str(tmp_path / "station-state"))
    here = Vault.open_or_init(v.root, PASS)
    assert here.recover() == [mine.id]
    assert here.recovery.others == [theirs.id]
    assert not next(r for r in here.list() if r.id == theirs.id).sealed
    # an open.json that claims this station with a MAC that does not verify is not completed either
    forged = json.loads((v.root / "recordings" / theirs.id / "open.json").read_text())
    forged["station"]["id"] = here.local.station_id()
    assert LocalState(tmp_path / "station-state").started_here(forged) == "forged"


# -- Broken 2 and 3: exports ---------------------------------------------------------------------------


def test_a_failed_export_leaves_nothing_behind_and_is_audited(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, os.urandom(400_000), meta={"kind": "masked"}, chunk_size=64 * 1024)
    data = v.root / "recordings" / rid / "data.tsv"
    raw = bytearray(data.read_bytes())
    raw[len(raw) // 2] ^= 1  # a chunk in the middle fails authentication
    data.write_bytes(bytes(raw))
    judge = v.unlock("judge", PASS)
    out = tmp_path / "out" / "export.bin"
    out.parent.mkdir()
    with pytest.raises(IntegrityError, match="fails authentication"):
        v.export_plain(rid, judge, out, "review")
    assert list(out.parent.iterdir()) == []  # no partial file, no plaintext
    assert [e.event for e in v.audit_entries()][-2:] == ["export", "export-failed"]


def test_exports_are_private_from_the_first_byte_whatever_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        v = make_vault(tmp_path / "vault")
        rid = write_recording(v, b"x" * 5000, meta={"kind": "masked"})
        judge = v.unlock("judge", PASS)
        seen = []

        def writer(reader, meta, out):
            seen.append(stat.S_IMODE(os.fstat(out.fileno()).st_mode))  # before the first byte
            out.write(reader.read())

        out = v.export_plain(rid, judge, tmp_path / "e.bin", "r", writer=writer)
        assert seen == [0o600] and stat.S_IMODE(out.stat().st_mode) == 0o600
        for d, _dirs, files in os.walk(v.root):
            assert stat.S_IMODE(os.stat(d).st_mode) == 0o700, d
            for f in files:
                assert stat.S_IMODE(os.stat(os.path.join(d, f)).st_mode) == 0o600, f
    finally:
        os.umask(old)


def test_an_export_never_follows_a_link_planted_at_its_partial_name(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"secret" * 100, meta={"kind": "masked"})
    judge = v.unlock("judge", PASS)
    target = tmp_path / "elsewhere"
    v.export_plain(rid, judge, tmp_path / "e.bin", "r")
    assert not target.exists() and (tmp_path / "e.bin").read_bytes() == b"secret" * 100


# -- Broken 4: copies for another role, shares, role passphrases ------------------------------------


def test_copies_for_another_role_are_the_judges_decision_alone(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"masked" * 100, recipients=("judge", "clerk"), meta={"kind": "masked"})
    clerk = v.unlock("clerk", PASS)
    with pytest.raises(AccessDenied, match="only the judge"):
        v.export_to(rid, clerk, "defence", "disclosure", signer_passphrase=PASS)
    assert not any(e.event == "export" for e in v.audit_entries())
    judge = v.unlock("judge", PASS)
    new = v.export_to(rid, judge, "defence", "disclosure", signer_passphrase=PASS)
    (e,) = [e for e in v.audit_entries() if e.event == "export"]
    assert e.actor == "judge" and e.details["to"] == "defence" and e.details["new"] == new


@pytest.mark.parametrize("kind", ["session", "plan"])
def test_the_session_record_is_never_copied_or_shared_to_the_defence(tmp_path, kind):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b'{"witness_pseudonym": "Witness A"}', recipients=("judge", "clerk"),
                          meta={"kind": kind})
    judge = v.unlock("judge", PASS)
    with pytest.raises(AccessDenied, match="never goes to the defence"):
        v.export_to(rid, judge, "defence", "disclosure", signer_passphrase=PASS)
    with pytest.raises(AccessDenied, match="never goes to the defence"):
        v.share(rid, judge, "defence", v.clock() + timedelta(days=3), "disclosure")
    assert len(v.list()) == 1


def test_a_share_holder_views_during_the_share_and_nothing_they_make_outlives_it(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"masked" * 100, recipients=("judge", "clerk"), meta={"kind": "masked"})
    judge = v.unlock("judge", PASS)
    sid = v.share(rid, judge, "defence", v.clock() + timedelta(days=3), "disclosure")
    defence = v.unlock("defence", PASS)
    with v.open_reader(rid, defence) as r:  # viewing during the share
        assert r.read() == b"masked" * 100
    # no permanent copy in the vault, no unwatermarked plain file
    with pytest.raises(AccessDenied, match="only the judge"):
        v.export_to(rid, defence, "defence", "keep it", signer_passphrase=PASS)
    with pytest.raises(AccessDenied, match="watermark"):
        v.export_plain(rid, defence, tmp_path / "plain.bin", "keep it")
    assert not (tmp_path / "plain.bin").exists()
    marks = []

    def watermark(text):
        marks.append(text)
        return lambda reader, meta, out: out.write(b"[" + text.encode() + b"]" + reader.read())

    out = v.export_plain(rid, defence, tmp_path / "marked.bin", "prepare cross-examination", watermark=watermark)
    assert marks == [marks[0]] and "DEFENCE COPY" in marks[0] and out.read_bytes().startswith(b"[")
    (e,) = [e for e in v.audit_entries() if e.event == "export"]
    assert e.actor == "defence" and e.details["share"] == sid and e.details["watermark"] == marks[0]
    # the defence's notes under the share go with it
    nid = v.add_note(rid, defence, 12.0, "ask about the door")
    assert [n.text for n in v.notes(rid, defence)] == ["ask about the door"]
    v.revoke_share(sid, judge, "hearing over")
    assert not (v.root / "notes" / f"{nid}.json").exists()
    with pytest.raises(AccessDenied):
        v.open_reader(rid, defence)
    assert v.notes(rid, defence) == []
    assert verify_vault(v.root).ok


def test_a_vault_init_gives_each_role_its_own_passphrase(tmp_path):
    roles = {"station": "station-pass-1", "judge": "judge-pass-1", "clerk": "clerk-pass-1",
             "defence": "defence-pass-1"}
    v = Vault.init(tmp_path / "vault", roles, kdf=KdfParams.fast())
    for role, pw in roles.items():
        v.unlock(role, pw)
        for other, opw in roles.items():
            if other != role:
                with pytest.raises(WrongPassphrase):
                    v.unlock(role, opw)
    assert v.shared_passphrase_roles() == [] and not any("share one passphrase" in w
                                                         for w in verify_vault(v.root).warnings)
    with pytest.raises(VaultError, match="same passphrase"):
        Vault.init(tmp_path / "v2", {**roles, "clerk": roles["judge"]}, kdf=KdfParams.fast())
    # a scripted vault (one passphrase) is marked and reported until each role has its own
    s = make_vault(tmp_path / "scripted")
    assert s.shared_passphrase_roles() == ["clerk", "defence", "judge", "station"]
    assert any("share one passphrase" in w for w in verify_vault(s.root).warnings)
    for role in ("judge", "clerk", "defence"):
        s.change_passphrase(role, PASS, f"{role}-own-passphrase", kdf=KdfParams.fast())
    assert s.shared_passphrase_roles() == ["station"]
    assert not any("share one passphrase" in w for w in verify_vault(s.root).warnings)


# -- Broken 5: rollback ---------------------------------------------------------------------------


def test_a_trail_that_went_backwards_is_reported_and_never_written_on(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"raw" * 100, meta={"kind": "raw"})
    kept = {n: (v.root / n).read_bytes() for n in ("audit.log", "audit.checkpoint")}
    n, head = v.head()
    judge = v.unlock("judge", PASS)
    v.export_plain(rid, judge, tmp_path / "raw.bin", "look")
    assert verify_vault(v.root).ok
    later_n, later_head = v.head()
    for name, data in kept.items():  # the export is erased from the record
        (v.root / name).write_bytes(data)
    rep = verify_vault(v.root)
    assert not rep.ok and any("went backwards" in p for p in rep.problems)
    # checked against a head kept elsewhere, by another station too
    fresh = LocalState(tmp_path / "another-station")
    assert not verify_vault(v.root, expect_head=f"{later_n}:{later_head}", local=fresh).ok
    assert verify_vault(v.root, expect_head=f"{n}:{head}", local=fresh).ok
    assert verify_vault(v.root, expect_head=head[:16], local=fresh).ok
    again = Vault.open(v.root)
    assert "went backwards" in again.rolled_back
    with pytest.raises(IntegrityError, match="went backwards"):
        again.unlock("judge", PASS)
    with pytest.raises(IntegrityError, match="went backwards"):
        Vault.open_or_init(v.root, PASS)


def test_a_rewritten_trail_of_the_same_length_is_reported(tmp_path, monkeypatch):
    v = make_vault(tmp_path / "vault")
    write_recording(v, b"x" * 100)
    copy = tmp_path / "copy"
    shutil.copytree(v.root, copy)
    v.unlock("judge", PASS)  # one more entry here …
    monkeypatch.setenv("TESTIMONY_SHIELD_STATE_DIR", str(tmp_path / "someone-else"))
    c = Vault.open_or_init(copy, PASS)
    c.unlock("clerk", PASS)  # … and a different one in a copy elsewhere, put back in its place
    monkeypatch.setenv("TESTIMONY_SHIELD_STATE_DIR", str(tmp_path / "station-state"))
    for name in ("audit.log", "audit.checkpoint"):
        (v.root / name).write_bytes((copy / name).read_bytes())
    rep = verify_vault(v.root)
    assert not rep.ok and any("rewritten" in p or "went backwards" in p for p in rep.problems)


# -- Broken 6: shredding --------------------------------------------------------------------------


def test_shredding_lists_copies_and_notes_and_can_shred_them_together(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"masked" * 100, recipients=("judge", "clerk"), meta={"kind": "masked"})
    judge = v.unlock("judge", PASS)
    copy = v.export_to(rid, judge, "judge", "a working copy", signer_passphrase=PASS)
    copy2 = v.export_to(copy, judge, "defence", "disclosure", signer_passphrase=PASS)
    nid = v.add_note(rid, judge, 3.0, "the witness hesitated")
    cnote = v.add_note(copy, judge, 1.0, "on the copy")
    v.export_plain(rid, judge, tmp_path / "plain.bin", "for the file")
    assert v.derived(rid) == [copy, copy2]
    rep = v.shred(rid, judge, "order of the court")
    assert rep.shredded == [rid]
    assert {c for c, _ in rep.derived_left} == {copy, copy2}
    assert {n for n, _, _ in rep.notes_left} == {nid, cnote}
    assert any("plain.bin" in w for w in rep.warnings())
    defence = v.unlock("defence", PASS)
    with v.open_reader(copy2, defence) as r:  # still readable: the judge was told
        assert r.read() == b"masked" * 100
    rep = v.shred(rid, judge, "order of the court, and its copies", with_derived=True)
    assert set(rep.shredded) >= {copy, copy2} and set(rep.notes_destroyed) == {nid, cnote}
    assert rep.derived_left == [] and rep.notes_left == []
    with pytest.raises(AccessDenied):
        v.open_reader(copy2, defence)
    assert not (v.root / "notes" / f"{nid}.json").exists()
    assert verify_vault(v.root).ok


# -- Broken 7: hostile JSON inside the vault ------------------------------------------------------


@pytest.mark.parametrize("target", ["header", "audit", "vault.json", "checkpoint"])
def test_hostile_json_in_the_vault_is_reported_never_a_crash(tmp_path, target):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"x" * 100)
    bomb = b"[" * 60_000 + b"]" * 60_000 + b"\n"
    path = {"header": v.root / "recordings" / rid / "header.json", "audit": v.root / "audit.log",
            "vault.json": v.root / "vault.json", "checkpoint": v.root / "audit.checkpoint"}[target]
    if target == "audit":
        path.write_bytes(path.read_bytes() + bomb)
    else:
        path.write_bytes(bomb)
    rep = verify_vault(v.root)
    assert not rep.ok and not any("RecursionError" in p or "stopped" in p for p in rep.problems), rep.problems
    with contextlib.suppress(VaultError):  # reading it is refused or works; it never crashes
        Vault.open(v.root).info(rid)


# -- Broken 9: failed unlocks are audited wherever they happen ------------------------------------


def test_a_failed_unlock_without_any_key_is_audited(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"x" * 100)
    reader_side = Vault.open(v.root)  # the command line, the judge's review: no key unlocked
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            reader_side.unlock("judge", "guess")
    with pytest.raises(WrongPassphrase):
        Vault.open_or_init(v.root, "another guess")  # a station started with a wrong passphrase
    rep = verify_vault(v.root)
    assert rep.ok and rep.pending == 3 and any("3 failed unlock" in w for w in rep.warnings)
    judge = reader_side.unlock("judge", PASS)  # the next signed append signs them in
    failed = [e for e in reader_side.audit_entries() if e.event == "unlock-failed"]
    assert [e.details["role"] for e in failed] == ["judge", "judge", "station"]
    assert all(e.details["unsigned_report"] and e.details["reported"] for e in failed)
    assert verify_vault(v.root).pending == 0 and not (v.root / "pending").exists() or \
        list((v.root / "pending").iterdir()) == []
    # with the station key unlocked, a failure is signed at once
    station = Vault.open_or_init(v.root, PASS)
    with pytest.raises(WrongPassphrase):
        station.unlock("defence", "guess")
    assert station.audit_entries()[-1].event == "unlock-failed"
    assert station.audit_entries()[-1].actor == "station"
    with station.open_reader(rid, judge):
        pass


# -- Broken 10: symbolic links and unexpected files ------------------------------------------------


@pytest.mark.parametrize("where", ["recording-folder", "data", "identity", "root", "notes"])
def test_verify_reports_symbolic_links_inside_the_vault(tmp_path, where):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"x" * 100)
    outside = tmp_path / "outside"
    if where == "recording-folder":  # the folder moved out and a link left in its place
        shutil.move(str(v.root / "recordings" / rid), outside)
        os.symlink(outside, v.root / "recordings" / rid)
    elif where == "data":
        p = v.root / "recordings" / rid / "data.tsv"
        shutil.move(str(p), outside)
        os.symlink(outside, p)
    elif where == "identity":
        p = v.root / "identities" / "judge.json"
        shutil.move(str(p), outside)
        os.symlink(outside, p)
    elif where == "root":
        outside.write_text("anything")
        os.symlink(outside, v.root / "extra")
    else:
        (v.root / "notes").mkdir()
        outside.write_text("{}")
        os.symlink(outside, v.root / "notes" / f"{rid}.json")
    rep = verify_vault(v.root)
    assert not rep.ok
    assert any("symbolic link" in p for p in rep.problems), rep.problems


def test_verify_reports_unexpected_files_and_open_modes(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"x" * 100)
    (v.root / "recordings" / rid / "copy.mkv").write_bytes(b"\x1a\x45\xdf\xa3 plaintext")
    rep = verify_vault(v.root)
    assert any("copy.mkv: unexpected file" in p for p in rep.problems)
    (v.root / "recordings" / rid / "copy.mkv").unlink()
    os.chmod(v.root / "recordings", 0o755)
    rep = verify_vault(v.root)
    assert rep.ok and any("recordings: readable or writable by other accounts" in w for w in rep.warnings)


def test_ids_never_leave_the_vault(tmp_path):
    v = make_vault(tmp_path / "vault")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "header.json").write_text("{}\n")
    for bad in ("", "..", "../..", "../../x", "/etc", "0123456789abcdef/..", rid_like := "ABCDEF0123456789",
                write_recording(v, b"x")[:6]):
        with pytest.raises(NotFound):
            v.info(bad)
    assert rid_like


def test_a_note_is_read_back_through_the_bounded_loader(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"x" * 100)
    judge = v.unlock("judge", PASS)
    v.add_note(rid, judge, 1.0, "[" * 1000)
    assert v.notes(rid, judge)[0].text == "[" * 1000
    assert io  # (imported for symmetry with the other vault tests)
    assert Path
