"""Delivery bundles (docs/delivery.md): a remote witness station's recordings, encrypted to the court
vault's roles, exported as a signed bundle and adopted by the court's vault under the same ids — and
every damaged or hostile bundle refused before anything is written."""

from __future__ import annotations

import os
import secrets
import struct
from pathlib import Path

import pytest

from tests.helpers.temp_vault import PASS, make_vault
from vault.bundle import BundleRefused, deliverable, export_bundle, import_bundle
from vault.errors import VaultError
from vault.format.canonical import b64d
from vault.store import STATION, Vault


def _court_keys(court: Vault) -> dict[str, bytes]:
    return {r: b64d(court.role_public_keys()[r]["x25519"]) for r in ("judge", "clerk")}


def _hearing(tmp_path: Path, payload: bytes = b"") -> tuple[Vault, Vault, str, list[str]]:
    """A court vault that ran hearing ``session`` with the witness station of ``witness``; the
    witness's masked and raw recordings of it, encrypted to the court."""
    court, witness = make_vault(tmp_path / "court"), make_vault(tmp_path / "witness")
    session = secrets.token_hex(16)
    key = b64d(witness.role_public_keys()["station"]["ed25519"]).hex()
    w = court.create_recording({"kind": "received-masked", "case_number": "B-1", "link_session": session,
                                "witness_station_key": key}, ["judge", "clerk"], chunk_size=1024)
    w.write(b"received" * 100)
    w.seal()
    ids = []
    for kind, recipients in (("masked", ["judge", "clerk"]), ("raw", ["judge"])):
        w = witness.create_recording({"kind": kind, "case_number": "B-1", "origin": "witness-station",
                                      "link_session": session, "deliver_to": court.id}, recipients,
                                     chunk_size=1024, recipient_keys=_court_keys(court))
        data = payload or os.urandom(3000) + kind.encode()
        for i in range(0, len(data), 700):
            w.write(data[i:i + 700])
        ids.append(w.seal())
    return court, witness, session, ids


def test_export_and_import_keep_the_ciphertext_and_the_witness_cannot_read_it(tmp_path):
    payload = os.urandom(5000)
    court, witness, session, ids = _hearing(tmp_path, payload)
    for rid in ids:  # the witness station's own roles cannot open what it recorded
        for role in ("judge", "clerk"):
            with pytest.raises(VaultError):
                witness.open_reader(rid, witness.unlock(role, PASS), purpose="test").read(1)
    assert sorted(deliverable(witness, session)) == sorted(ids)
    out = tmp_path / "b.tsbundle"
    body = export_bundle(witness, ids, out, witness.unlock(STATION, PASS))
    assert body["to"]["vault"] == court.id and out.stat().st_mode & 0o777 == 0o600
    assert payload not in out.read_bytes()
    res = import_bundle(court, out)
    assert sorted(res.imported) == sorted(ids) and len(res.received) == 1
    assert court.verify().ok and witness.verify().ok
    judge, clerk = court.unlock("judge", PASS), court.unlock("clerk", PASS)
    by_kind = {r.meta["kind"]: r for r in court.list() if r.meta.get("origin") == "witness-station"}
    with court.open_reader(by_kind["masked"].id, clerk, purpose="test") as r:
        assert r.read() == payload
    with court.open_reader(by_kind["raw"].id, judge, purpose="test") as r:
        assert r.read() == payload
    with pytest.raises(VaultError):  # the raw stays the judge's alone
        court.open_reader(by_kind["raw"].id, clerk, purpose="test")
    meta = by_kind["masked"].meta
    assert meta["received_recording"] == res.received[0] and meta["imported"]["station_key"]
    assert import_bundle(court, out).already == res.imported
    events = [e.event for e in court.audit_entries()]
    assert events.count("create") == 3 and events.count("seal") == 3


def _refused(court: Vault, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    before = sorted(os.listdir(court.root / "recordings"))
    with pytest.raises(BundleRefused):
        import_bundle(court, path)
    assert sorted(os.listdir(court.root / "recordings")) == before


def test_every_changed_byte_is_refused(tmp_path):
    court, witness, session, ids = _hearing(tmp_path)
    out = tmp_path / "b.tsbundle"
    export_bundle(witness, ids, out, witness.unlock(STATION, PASS))
    good = out.read_bytes()
    (n,) = struct.unpack(">I", good[10:14])
    bad = tmp_path / "bad.tsbundle"
    # every byte of the magic, manifest and first header; every 13th byte of the rest
    positions = list(range(0, 14 + n + 1200)) + list(range(14 + n + 1200, len(good), 13))
    for i in positions:
        b = bytearray(good)
        b[i] ^= 0x01
        _refused(court, bad, bytes(b))
    assert court.verify().ok and not [r for r in court.list() if r.meta.get("origin")]


def test_hostile_bundles_are_refused(tmp_path):
    court, witness, session, ids = _hearing(tmp_path)
    out = tmp_path / "b.tsbundle"
    export_bundle(witness, ids, out, witness.unlock(STATION, PASS))
    good = out.read_bytes()
    bad = tmp_path / "bad.tsbundle"
    _refused(court, bad, good[:-1])  # truncated
    _refused(court, bad, good + b"\0")  # padded
    _refused(court, bad, b"")
    _refused(court, bad, b"TSBUNDLE\x01\n" + struct.pack(">I", 1 << 30))
    _refused(court, bad, b"not a bundle at all")
    # another court's vault
    other = make_vault(tmp_path / "other")
    with pytest.raises(BundleRefused, match="another court"):
        import_bundle(other, out)
    # a station other than the one the court admitted (a second witness vault, same hearing and court)
    impostor = make_vault(tmp_path / "impostor")
    w = impostor.create_recording({"kind": "masked", "link_session": session, "deliver_to": court.id},
                                  ["judge", "clerk"], chunk_size=1024, recipient_keys=_court_keys(court))
    w.write(b"x" * 2000)
    fake = tmp_path / "fake.tsbundle"
    export_bundle(impostor, [w.seal()], fake, impostor.unlock(STATION, PASS))
    with pytest.raises(BundleRefused, match="other than the witness station"):
        import_bundle(court, fake)
    # a hearing this vault never ran
    court2, witness2, _s2, ids2 = _hearing(tmp_path / "second")
    out2 = tmp_path / "b2.tsbundle"
    export_bundle(witness2, ids2, out2, witness2.unlock(STATION, PASS))
    with pytest.raises(BundleRefused):
        import_bundle(court, out2)
    assert court.verify().ok
