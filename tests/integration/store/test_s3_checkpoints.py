"""State checkpoints of the audit trail in a real S3 store (SeaweedFS): a machine without a cache reads
only the entries after the newest checkpoint that checks; a modified, moved, forged or missing one is
reported and never trusted blindly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers.temp_vault import PASS
from vault.format.canonical import dump_canonical
from vault.keys import KdfParams
from vault.storage import s3state
from vault.storage.s3 import S3Storage
from vault.storage.s3audit import AUDIT
from vault.store import Vault

pytestmark = pytest.mark.slow

EVERY = 8  # checkpoint interval for these tests (256 in the app)


@pytest.fixture(autouse=True)
def _small_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(s3state, "INTERVAL", EVERY)


def filled(url: str, n: int, days: float = 0) -> Vault:
    v = Vault.init(url, PASS, kdf=KdfParams.fast(), retention_days=days)
    while v.state().size < n:
        v._append(v._station, "view", details={"purpose": "fill"})
    return v


def new_machine(tmp_path: Path, name: str) -> None:
    """An empty home: no cache of the trail, no record of heads."""
    for k in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[k] = str(tmp_path / name / k.lower())


def cold_open(url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Vault, set[str]]:
    """Vault.open on a machine without a cache; the audit entry objects it read."""
    read: set[str] = set()
    real = S3Storage.get

    def counting(self, rel, version=None, rng=None):
        if rel.startswith(AUDIT + "/"):
            read.add(rel)
        return real(self, rel, version=version, rng=rng)

    monkeypatch.setattr(S3Storage, "get", counting)
    v = Vault.open(url)
    monkeypatch.setattr(S3Storage, "get", real)
    return v, read


def sizes(v: Vault) -> list[int]:
    return sorted(s3state.listing(v.storage)[0])


def test_a_cold_open_reads_only_the_entries_after_the_newest_checkpoint(s3env, vault_url, tmp_path, monkeypatch):
    v = filled(vault_url, 5 * EVERY + 3, days=1)  # under Object Lock, like the app's vaults
    assert sizes(v) == [EVERY, 2 * EVERY, 3 * EVERY, 4 * EVERY, 5 * EVERY]
    want = v.state()
    new_machine(tmp_path, "judge")
    j, read = cold_open(v.location, monkeypatch)
    got = j.state()
    assert (got.size, got.head, got.identities, got.vault_json) == (want.size, want.head, want.identities,
                                                                     want.vault_json)
    # the checkpoint's own entry, the 3 after it and a look for a next one; never the trail from its start
    assert read == {f"{AUDIT}/{s:012d}.json" for s in range(5 * EVERY - 1, 5 * EVERY + 4)}
    assert j._audit.checkpoint_notes == []
    j.unlock("judge", PASS)  # appends on top of the checkpoint's view, chained to the head
    rep = j.verify()
    assert rep.ok, rep.problems
    assert rep.audit_entries == 5 * EVERY + 4


def test_a_judges_appends_write_no_checkpoint_the_next_station_append_does(s3env, vault_url):
    v = filled(vault_url, EVERY - 2)
    judge = v.unlock("judge", PASS)
    for _ in range(EVERY):
        v._append(judge, "view", details={"purpose": "review"})
    assert sizes(v) == []  # signed by the station only
    v._append(v._station, "view", details={"purpose": "fill"})
    assert sizes(v) == [2 * EVERY]  # init, fill, unlock, 8 views, this one
    assert v.verify().ok


def _put_over(v: Vault, size: int, data: bytes) -> None:
    """Replace checkpoint ``size`` (a vault without Object Lock lets whoever has write access do it)."""
    c, key = v.storage.client, v.storage.key(s3state.state_rel(size))
    for ver in v.storage.versions(s3state.state_rel(size)):
        c.delete_object(Bucket=v.storage.bucket, Key=key, VersionId=ver["VersionId"])
    c.put_object(Bucket=v.storage.bucket, Key=key, Body=data)


def _load(v: Vault, size: int) -> dict:
    return json.loads(v.storage.get(s3state.state_rel(size)))


def test_a_modified_checkpoint_is_reported_and_the_trail_is_read_instead(s3env, vault_url, tmp_path, monkeypatch):
    v = filled(vault_url, 3 * EVERY + 1)
    rid = "ab" * 8
    cp = _load(v, 3 * EVERY)
    cp["state"]["recs"][rid] = {"header": "00" * 32, "state": "sealed"}  # a planted recording
    _put_over(v, 3 * EVERY, dump_canonical(cp))
    new_machine(tmp_path, "judge")
    j, read = cold_open(v.location, monkeypatch)
    assert rid not in j.state().recs and j.state().size == 3 * EVERY + 1
    assert any("audit-state/000000000024.json: signature does not verify" in n for n in j._audit.checkpoint_notes)
    assert f"{AUDIT}/{2 * EVERY:012d}.json" in read  # read from the checkpoint before it
    rep = j.verify()
    assert not rep.ok and any("signature does not verify" in p for p in rep.problems)


def test_a_checkpoint_moved_to_a_newer_name_is_refused(s3env, vault_url, tmp_path, monkeypatch):
    v = filled(vault_url, 3 * EVERY + 1)
    _put_over(v, 3 * EVERY, v.storage.get(s3state.state_rel(EVERY)))  # roll the newest back to the first
    new_machine(tmp_path, "judge")
    j, _ = cold_open(v.location, monkeypatch)
    assert j.state().size == 3 * EVERY + 1
    assert any("holds the checkpoint of entry 8, not 24" in n for n in j._audit.checkpoint_notes)
    assert any("holds the checkpoint" in p for p in j.verify().problems)


def test_a_checkpoint_that_disagrees_with_the_trail_is_refused_and_a_forged_one_is_found_by_verify(
        s3env, vault_url, tmp_path, monkeypatch):
    v = filled(vault_url, 2 * EVERY + 1)
    # signed with the station key, but its head is not the trail's entry: refused at a cold open
    st = s3state.state_from_json(_load(v, 2 * EVERY)["state"])
    st.head = "11" * 32
    _put_over(v, 2 * EVERY, s3state.make(v.id, v._station, st, 1, "", EVERY))
    new_machine(tmp_path, "a")
    j, _ = cold_open(v.location, monkeypatch)
    assert any("does not match entry 15 of the trail" in n for n in j._audit.checkpoint_notes)
    assert j.state().head == v.state().head
    # signed and chained to the head, but with a false projection: only a full read can tell
    st = s3state.state_from_json(_load(v, EVERY)["state"])
    st.recs["cd" * 8] = {"open": "00" * 32, "state": "open"}
    good = json.loads(v.storage.get(f"{AUDIT}/{EVERY - 1:012d}.json"))
    _put_over(v, EVERY, s3state.make(v.id, v._station, st, good["bytes"], "", 0))
    rep = j.verify()
    assert any("000000000008.json: its projection differs from the audit trail's (forged)" in p
               for p in rep.problems), rep.problems


def test_a_missing_checkpoint_is_reported_and_the_next_station_append_writes_one(
        s3env, vault_url, tmp_path, monkeypatch):
    v = filled(vault_url, 6 * EVERY + 1)
    c = v.storage.client
    for n in (2 * EVERY, 3 * EVERY, 4 * EVERY, 5 * EVERY, 6 * EVERY):  # every one after the first is gone
        for ver in v.storage.versions(s3state.state_rel(n)):
            c.delete_object(
                Bucket=v.storage.bucket, Key=v.storage.key(s3state.state_rel(n)), VersionId=ver["VersionId"]
            )
    new_machine(tmp_path, "b")
    j, _ = cold_open(v.location, monkeypatch)
    assert j.state().size == 6 * EVERY + 1
    assert any("the newest usable checkpoint is 41 entries behind the head" in n for n in j._audit.checkpoint_notes)
    j.unlock_station(PASS)
    j._append(j._station, "view", details={"purpose": "fill"})
    assert sizes(j) == [EVERY, 6 * EVERY + 2]
    rep = j.verify()
    assert rep.ok, rep.problems
