from __future__ import annotations

import io
import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from tests.helpers.temp_vault import PASS, make_vault, write_recording
from vault.errors import (
    AccessDenied,
    MissingKey,
    NotFound,
    SealedError,
    VaultError,
    VaultNotInitialised,
    WrongPassphrase,
)
from vault.keys import KdfParams
from vault.store import Vault


def test_round_trip_and_list(vault, payload):
    rid = write_recording(vault, payload)
    info = {r.id: r for r in vault.list()}[rid]
    assert info.sealed and info.size == len(payload) and info.meta["recipients"] == ["judge"]
    judge = vault.unlock("judge", PASS)
    with vault.open_reader(rid, judge) as r:
        assert r.size() == len(payload)
        assert r.read() == payload
    assert vault.verify().ok
    events = [e.event for e in vault.audit_entries()]
    assert events == ["init", "create", "seal", "unlock", "view"]


def test_writer_file_protocol_and_meta(vault):
    w = vault.create_recording({"case": "C", "kind": "masked"}, ["judge"])
    assert not w.seekable() and w.writable()
    assert w.write(b"abc") == 3 and w.tell() == 3
    w.write(memoryview(b"defg"))
    w.set_meta("chapters", [{"start": 0, "end": 1.5, "title": "part 1"}])
    w.set_meta("duration", 1.5)
    rid = w.seal()
    with pytest.raises(SealedError):
        w.write(b"x")
    info = {r.id: r for r in vault.list()}[rid]
    assert info.meta["chapters"][0]["title"] == "part 1" and info.meta["duration"] == 1.5
    with vault.open_reader(rid, vault.unlock("judge", PASS)) as r:
        assert r.read() == b"abcdefg"


def test_empty_recording(vault):
    rid = vault.create_recording({}, ["judge"]).seal()
    with vault.open_reader(rid, vault.unlock("judge", PASS)) as r:
        assert r.read() == b"" and r.size() == 0
    assert vault.verify().ok


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=hs.lists(hs.tuples(hs.integers(0, 320_000), hs.integers(0, 70_000), hs.sampled_from([0, 1, 2])),
                    min_size=1, max_size=12))
def test_random_access_matches(sealed_big, ops):
    v, rid, data, judge = sealed_big
    with v.open_reader(rid, judge) as r:
        ref = io.BytesIO(data)
        for off, n, whence in ops:
            if whence == 1:
                off = off - 160_000
                if r.tell() + off < 0:
                    continue
            elif whence == 2:
                off = -off
                if len(data) + off < 0:
                    continue
            assert r.seek(off, whence) == ref.seek(off, whence)
            assert r.read(n) == ref.read(n)
            assert r.tell() == ref.tell()
        buf = bytearray(1000)
        r.seek(12345)
        ref.seek(12345)
        assert r.readinto(buf) == ref.readinto(buf2 := bytearray(1000)) and buf == buf2


@pytest.fixture(scope="module")
def sealed_big(tmp_path_factory):
    v = make_vault(tmp_path_factory.mktemp("big") / "vault")
    data = os.urandom(300_001)
    rid = write_recording(v, data, pieces=13, chunk_size=16 * 1024)
    return v, rid, data, v.unlock("judge", PASS)


def test_wrong_passphrase(vault):
    with pytest.raises(WrongPassphrase, match="wrong passphrase for role 'judge'"):
        vault.unlock("judge", "nope")
    assert vault.audit_entries()[-1].event == "unlock-failed"
    with pytest.raises(WrongPassphrase):
        Vault.open_or_init(vault.root, "nope")


def test_wrong_role_denied(vault, payload):
    rid = write_recording(vault, payload)
    defence = vault.unlock("defence", PASS)
    with pytest.raises(AccessDenied):
        vault.open_reader(rid, defence)
    with pytest.raises(AccessDenied):
        vault.export_plain(rid, defence, vault.root.parent / "x.mkv", "why")
    assert not (vault.root.parent / "x.mkv").exists()
    with pytest.raises(NotFound):
        vault.unlock("nobody", PASS)


def test_two_person_rule(vault, payload):
    rid = write_recording(vault, payload, recipients=["judge+clerk"])
    judge, clerk = vault.unlock("judge", PASS), vault.unlock("clerk", PASS)
    with pytest.raises(MissingKey):
        vault.open_reader(rid, judge)
    with vault.open_reader(rid, [judge, clerk]) as r:
        assert r.read() == payload
    # not even the two together can turn it into a recording one role opens alone
    with pytest.raises(AccessDenied, match="two-person rule"):
        vault.export_to(rid, [judge, clerk], "judge", "copy for me")
    with pytest.raises(AccessDenied, match="two-person rule"):
        vault.share(rid, [judge, clerk], "judge", vault.clock() + timedelta(days=30), "share for me")


def test_two_person_rule_needs_two_different_roles(vault):
    with pytest.raises(VaultError, match="two different roles"):
        vault.create_recording({"kind": "raw"}, ["judge+judge"])


def test_masked_copy_for_defence_and_raw_refused(vault, payload):
    raw = write_recording(vault, payload, meta={"kind": "raw"})
    masked = write_recording(vault, payload, meta={"kind": "masked", "case": "K"})
    judge = vault.unlock("judge", PASS)
    with pytest.raises(AccessDenied):
        vault.export_to(raw, judge, "defence", "disclosure")
    new = vault.export_to(masked, judge, "defence", "disclosure")
    with vault.open_reader(new, vault.unlock("defence", PASS)) as r:
        assert r.read() == payload
    assert vault.verify().ok


def test_export_plain_audited(vault, payload, tmp_path):
    rid = write_recording(vault, payload)
    judge = vault.unlock("judge", PASS)
    out = vault.export_plain(rid, judge, tmp_path / "out.mkv", "appeal bundle")
    assert out.read_bytes() == payload
    e = vault.audit_entries()[-1]
    assert e.event == "export" and e.details["reason"] == "appeal bundle"


def test_shred(vault, payload):
    rid = write_recording(vault, payload)
    judge = vault.unlock("judge", PASS)
    with pytest.raises(AccessDenied):
        vault.shred(rid, vault.unlock("clerk", PASS), "no")
    vault.shred(rid, judge, "retention period over")
    with pytest.raises(AccessDenied, match="shredded"):
        vault.open_reader(rid, judge)
    rep = vault.verify()
    assert rep.ok, rep.problems
    assert {r.id: r for r in vault.list()}[rid].shredded


def test_open_missing_vault(tmp_path):
    with pytest.raises(VaultNotInitialised):
        Vault.open(tmp_path / "none")


def test_change_passphrase(vault):
    vault.change_passphrase("judge", PASS, "new one", kdf=KdfParams.fast())
    with pytest.raises(WrongPassphrase):
        vault.unlock("judge", PASS)
    assert vault.unlock("judge", "new one").role == "judge"
    assert vault.verify().ok


def test_no_plaintext_on_disk(tmp_path):
    marker = b"WITNESS-SAYS-" + os.urandom(8).hex().encode()
    data = (marker + b"\x1a\x45\xdf\xa3" * 10) * 5000
    v = make_vault(tmp_path / "vault")
    w = v.create_recording({"case": "P"}, ["judge"], chunk_size=4096)
    for i in range(0, len(data), 1000):
        w.write(data[i:i + 1000])
        if i % 20_000 == 0:
            w.flush()
            _assert_absent(tmp_path, marker)
    w.seal()
    _assert_absent(tmp_path, marker)


def _assert_absent(root, marker):
    for d, _, files in os.walk(root):
        for f in files:
            with open(os.path.join(d, f), "rb") as fh:
                assert marker[:16] not in fh.read(), f
