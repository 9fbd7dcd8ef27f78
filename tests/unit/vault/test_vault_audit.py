from __future__ import annotations

import json

import pytest

from tests.helpers.temp_vault import PASS, make_vault, write_recording
from vault.audit import leaf_hash
from vault.errors import IntegrityError
from vault.store import Vault


def test_chain_and_checkpoint(vault):
    write_recording(vault, b"abc" * 1000)
    entries = vault.audit_entries()
    lines = (vault.root / "audit.log").read_bytes().splitlines()
    assert json.loads(lines[0])["prev"] == "0" * 64
    for a, b in zip(lines, lines[1:], strict=False):
        assert json.loads(b)["prev"] == leaf_hash(a)
    cp = json.loads((vault.root / "audit.checkpoint").read_bytes())
    assert cp["size"] == len(entries) and cp["head"] == entries[-1].hash and cp["signer"] == "station"


def test_interrupted_append_is_repaired(vault):
    write_recording(vault, b"abc" * 1000)
    log = vault.root / "audit.log"
    data = log.read_bytes()
    last = data[:-1].rfind(b"\n") + 1
    log.write_bytes(data[:last] + data[last:last + 20])  # torn: part of the signed last line
    assert not vault.verify().ok
    vault.recover()
    assert log.read_bytes() == data and vault.verify().ok


def test_forged_append_rejected(vault):
    log = vault.root / "audit.log"
    entries = vault.audit_entries()
    forged = json.dumps({"actor": "judge", "details": {}, "event": "view", "prev": entries[-1].hash,
                         "rec": None, "seq": len(entries), "time": "2020-01-01T00:00:00.000Z"},
                        sort_keys=True, separators=(",", ":"))
    with open(log, "ab") as fh:
        fh.write(forged.encode() + b"\n")
    rep = vault.verify()
    assert any("beyond the signed checkpoint" in p for p in rep.problems)
    with pytest.raises(IntegrityError):  # nothing is appended on top of a broken trail
        vault.unlock("judge", PASS)


def test_reopen_and_recover_nothing(tmp_path):
    v = make_vault(tmp_path / "v")
    rid = write_recording(v, b"x" * 10)
    v2 = Vault.open_or_init(tmp_path / "v", PASS)
    assert v2.recover() == [] and [r.id for r in v2.list()] == [rid]


# -- the cached view: appends read only what was added since -------------------------------------

def test_two_processes_appending_see_each_others_entries(tmp_path):
    a = make_vault(tmp_path / "v")
    b = Vault.open_or_init(tmp_path / "v", PASS)
    ra = write_recording(a, b"a" * 5000)
    rb = write_recording(b, b"b" * 5000)  # b's cached view is behind: it reads a's entries first
    ja = a.unlock("judge", PASS)
    assert a.state().recs[rb]["state"] == "sealed" and b.state().recs[ra]["state"] == "sealed"
    with a.open_reader(rb, ja) as r:
        assert r.read() == b"b" * 5000
    assert a.verify().ok and [e.seq for e in a.audit_entries()] == list(range(len(a.audit_entries())))


def test_tail_rewritten_behind_the_cache_is_refused(vault):
    write_recording(vault, b"abc" * 1000)
    vault.unlock("judge", PASS)  # the view is verified and current
    log = vault.root / "audit.log"
    data = log.read_bytes()
    last = data[:-1].rfind(b"\n") + 1
    log.write_bytes(data[:last] + data[last:].replace(b'"judge"', b'"clerk"'))  # same length, other role
    with pytest.raises(IntegrityError, match="does not verify"):
        vault.unlock("judge", PASS)


def test_entry_slipped_in_behind_the_cache_is_refused(vault):
    rid = write_recording(vault, b"x" * 100)
    judge = vault.unlock("judge", PASS)
    entries = vault.audit_entries()
    forged = json.dumps({"actor": "judge", "details": {}, "event": "view", "prev": entries[-1].hash,
                         "rec": None, "seq": len(entries), "time": "2020-01-01T00:00:00.000Z"},
                        sort_keys=True, separators=(",", ":"))
    with open(vault.root / "audit.log", "ab") as fh:
        fh.write(forged.encode() + b"\n")
    with pytest.raises(IntegrityError, match="beyond the signed checkpoint"):
        vault.add_note(rid, judge, 1, "n")


def test_interrupted_append_is_finished_by_the_next_append_of_the_same_process(vault):
    vault.unlock("judge", PASS)
    log = vault.root / "audit.log"
    data = log.read_bytes()
    last = data[:-1].rfind(b"\n") + 1
    log.write_bytes(data[:last] + data[last:last + 9])  # the signed last line, torn
    vault.unlock("clerk", PASS)
    assert log.read_bytes().startswith(data) and vault.verify().ok
    assert [e.event for e in vault.audit_entries()][-2:] == ["unlock", "unlock"]
