"""Format 1.1: private encrypted notes, expiring shares, watermarked derivative copies."""

from __future__ import annotations

import io
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from tests.helpers.temp_vault import PASS, make_vault, write_recording
from vault.errors import AccessDenied, IntegrityError, VaultError
from vault.store import verify_vault

NOTE_TEXT = "Witness hesitated at the name of the street — ask the interpreter"


def _files(root: Path, folder: str) -> list[Path]:
    return sorted(p for p in (root / folder).iterdir() if p.is_file())


# -- notes -------------------------------------------------------------------------------------


def test_note_round_trip_private_and_no_plaintext_on_disk(vault):
    rid = write_recording(vault, os.urandom(50_000), recipients=["judge", "clerk"], meta={"kind": "masked"})
    judge = vault.unlock("judge", PASS)
    n2 = vault.add_note(rid, judge, 75.25, "second")
    n1 = vault.add_note(rid, judge, 12.5, NOTE_TEXT)
    notes = vault.notes(rid, judge)
    assert [(n.id, n.at, n.text) for n in notes] == [(n1, 12.5, NOTE_TEXT), (n2, 75.25, "second")]
    # private: the clerk can open the recording but sees none of the judge's notes
    clerk = vault.unlock("clerk", PASS)
    assert vault.notes(rid, clerk) == []
    # a role without access to the recording cannot annotate it
    with pytest.raises(AccessDenied):
        vault.add_note(rid, vault.unlock("defence", PASS), 1.0, "x")
    # the text is nowhere on disk (nor in the audit trail), in any encoding JSON might use
    needles = [NOTE_TEXT.encode(), NOTE_TEXT.encode("unicode_escape"), b"hesitated", b"interpreter", b"second"]
    for p in vault.root.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            assert not any(n in data for n in needles), p
    ev = [e for e in vault.audit_entries() if e.event == "note"]
    assert len(ev) == 2 and set(ev[0].details) == {"note", "note_json"}
    assert vault.verify().ok


def test_note_lengths_are_padded(vault):
    rid = write_recording(vault, os.urandom(10_000), meta={"kind": "masked"})
    judge = vault.unlock("judge", PASS)
    vault.add_note(rid, judge, 1, "a")
    vault.add_note(rid, judge, 2, "a" * 150)
    sizes = {p.stat().st_size for p in _files(vault.root, "notes")}
    assert len(sizes) == 1


def test_deleted_or_swapped_note_is_detected(vault):
    rid = write_recording(vault, os.urandom(10_000), meta={"kind": "masked"})
    judge = vault.unlock("judge", PASS)
    vault.add_note(rid, judge, 1, "one")
    vault.add_note(rid, judge, 2, "two")
    a, b = _files(vault.root, "notes")
    da, db = a.read_bytes(), b.read_bytes()
    a.write_bytes(db)
    b.write_bytes(da)
    rep = verify_vault(vault.root)
    assert not rep.ok and any("notes/" in p for p in rep.problems)
    with pytest.raises(IntegrityError):
        vault.notes(rid, judge)
    a.unlink()
    assert any("missing" in p for p in verify_vault(vault.root).problems)


# -- shares ------------------------------------------------------------------------------------


def test_share_expires_with_injected_clock(vault):
    payload = os.urandom(80_000)
    rid = write_recording(vault, payload, meta={"kind": "masked", "case_number": "T-9"})
    judge, defence = vault.unlock("judge", PASS), vault.unlock("defence", PASS)
    with pytest.raises(AccessDenied):
        vault.open_reader(rid, defence)
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    vault.clock = lambda: now
    sid = vault.share(rid, judge, "defence", "2026-06-02T12:00:00Z", "disclosure for the hearing")
    with vault.open_reader(rid, defence) as r:
        assert r.read() == payload
    (s,) = vault.shares(rid)
    assert (s.id, s.role, s.expired) == (sid, "defence", False)
    e = [x for x in vault.audit_entries() if x.event == "share"][-1]
    assert e.details["expires"] == "2026-06-02T12:00:00.000Z" and e.details["reason"]
    assert vault.verify().ok
    vault.clock = lambda: now + timedelta(days=1, seconds=1)
    with pytest.raises(AccessDenied, match="share expired"):
        vault.open_reader(rid, defence)
    assert vault.expire_shares(judge) == [sid]
    assert vault.shares() == [] and not any((vault.root / "shares").iterdir())
    assert vault.verify().ok
    with pytest.raises(AccessDenied, match="not a recipient"):
        vault.open_reader(rid, defence)


def test_share_rules(vault):
    raw = write_recording(vault, os.urandom(10_000), meta={"kind": "raw"})
    masked = write_recording(vault, os.urandom(10_000), meta={"kind": "masked"})
    judge, clerk = vault.unlock("judge", PASS), vault.unlock("clerk", PASS)
    future = datetime.now(UTC) + timedelta(days=1)
    with pytest.raises(AccessDenied):
        vault.share(raw, judge, "defence", future, "no")  # raw never leaves the judge
    with pytest.raises(AccessDenied):
        vault.share(masked, clerk, "defence", future, "no")  # only the judge shares
    with pytest.raises(VaultError):
        vault.share(masked, judge, "defence", datetime.now(UTC) - timedelta(seconds=1), "past")
    with pytest.raises(VaultError):
        vault.share(masked, judge, "defence", "2030-01-01T00:00:00", "no zone")
    with pytest.raises(VaultError):
        vault.share(masked, judge, "defence", future, " ")
    sid = vault.share(masked, judge, "defence", future, "ok")
    vault.shred(masked, judge, "retention")  # shredding destroys the shares' keys too
    assert not (vault.root / "shares" / f"{sid}.json").exists() and vault.verify().ok


def test_tampered_share_is_refused_on_open(vault):
    rid = write_recording(vault, os.urandom(10_000), meta={"kind": "masked"})
    judge, defence = vault.unlock("judge", PASS), vault.unlock("defence", PASS)
    vault.share(rid, judge, "defence", datetime.now(UTC) + timedelta(days=1), "ok")
    (p,) = _files(vault.root, "shares")
    # push the expiry out by ten years: the hash in the audit trail no longer matches
    p.write_bytes(p.read_bytes().replace(b'"expires":"20', b'"expires":"30'))
    with pytest.raises(IntegrityError):
        vault.open_reader(rid, defence)
    assert not verify_vault(vault.root).ok


# -- property test: any mutation of notes / shares is rejected ---------------------------------


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    root = tmp_path_factory.mktemp("annotated") / "vault"
    v = make_vault(root)
    rid = write_recording(v, os.urandom(40_000), recipients=["judge", "clerk"], meta={"kind": "masked"})
    judge = v.unlock("judge", PASS)
    for i in range(3):
        v.add_note(rid, judge, i * 10.0, f"note {i}")
    v.share(rid, judge, "defence", datetime.now(UTC) + timedelta(days=30), "review")
    v.share(rid, judge, "clerk", datetime.now(UTC) + timedelta(days=30), "review")
    assert v.verify().ok
    files = sorted(str(p.relative_to(root)) for d in ("notes", "shares") for p in (root / d).iterdir())
    return root, files


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=hs.integers(0, 10_000), kind=hs.sampled_from(["flip", "flip", "truncate", "delete", "append", "swap"]),
       pos=hs.integers(0, 1 << 20), bit=hs.integers(0, 7))
def test_any_mutation_of_notes_or_shares_fails_verify(annotated, tmp_path, which, kind, pos, bit):
    root, files = annotated
    work = tmp_path / f"m{which}-{kind}-{pos}-{bit}"
    shutil.copytree(root, work)
    rel = files[which % len(files)]
    p = work / rel
    data = bytearray(p.read_bytes())
    if kind == "flip":
        data[pos % len(data)] ^= 1 << bit
        p.write_bytes(bytes(data))
    elif kind == "truncate":
        p.write_bytes(bytes(data[: pos % len(data)]))
    elif kind == "delete":
        p.unlink()
    elif kind == "append":
        p.write_bytes(bytes(data) + b"\n")
    else:  # replace with a sibling file of the same kind
        sib = [f for f in files if f != rel and f.split("/")[0] == rel.split("/")[0]][0]
        p.write_bytes((work / sib).read_bytes())
    rep = verify_vault(work)
    assert not rep.ok, f"{kind} of {rel} accepted"
    assert any(rel.split("/")[0] in m for m in rep.problems)
    shutil.rmtree(work)


# -- watermarked derivative --------------------------------------------------------------------


def _make_mkv() -> bytes:
    from tests.helpers.media import make_mkv

    return make_mkv(2.0)


def test_watermarked_copy_for_the_defence(vault):
    import av

    from desktop.vault_cli import masked_copy_transform
    from recording.encode.derive import band_rows

    src = _make_mkv()
    rid = write_recording(vault, src, pieces=3, recipients=["judge", "clerk"],
                          meta={"kind": "masked", "case_number": "T2026-0142", "duration": 2.0, "fps": 30})
    judge = vault.unlock("judge", PASS)
    new = vault.export_to(rid, judge, "defence", "disclosure", transform=masked_copy_transform(vault, rid, "defence",
                                                                                               "2026-06-01"))
    info = vault.info(new)
    m = info["meta"]
    assert m["derived_from"] == rid and m["recipient"] == "defence" and m["source_root"] == vault.info(rid)["root"]
    assert m["watermark"] == "CASE T2026-0142 | DEFENCE COPY | 2026-06-01 | DO NOT DISTRIBUTE"
    assert info["recipients"] == ["defence"]
    e = [x for x in vault.audit_entries() if x.event == "export"][-1]
    assert (e.rec, e.details["new"], e.details["to"]) == (rid, new, "defence") and e.details["watermark"]
    # only the recipient role can read it
    for role in ("judge", "clerk"):
        with pytest.raises(AccessDenied):
            vault.open_reader(new, vault.unlock(role, PASS))
    with vault.open_reader(new, vault.unlock("defence", PASS)) as r:
        copy = r.read()
    with av.open(io.BytesIO(copy)) as c:
        tracks = [(s.metadata.get("language"), s.metadata.get("title")) for s in c.streams.audio]
        frames = [f.to_ndarray(format="bgr24") for f in c.decode(video=0)]
    assert tracks == [("eng", "Floor"), ("spa", "Spanish interpretation")]
    with av.open(io.BytesIO(src)) as c:
        orig = [f.to_ndarray(format="bgr24") for f in c.decode(video=0)]
    assert len(frames) == len(orig) == 60
    top, bottom = band_rows(frames[0].shape[0])
    for f, g in zip(frames[::10], orig[::10], strict=True):
        band = np.abs(f[top:bottom].astype(int) - g[top:bottom]).mean()
        above = np.abs(f[:top].astype(int) - g[:top]).mean()
        assert band > 25 and above < 8, (band, above)
    assert vault.verify().ok
    # no plaintext media in the vault
    for p in vault.root.rglob("*"):
        if p.is_file():
            assert not p.read_bytes().startswith(b"\x1a\x45\xdf\xa3"), p


def test_raw_is_never_copied_to_the_defence(vault):
    rid = write_recording(vault, os.urandom(5_000), meta={"kind": "raw"})
    with pytest.raises(AccessDenied):
        vault.export_to(rid, vault.unlock("judge", PASS), "defence", "no")
