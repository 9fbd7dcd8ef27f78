"""The vault in a real S3 store (SeaweedFS): recordings go through the station's spool and the
uploader, the trail is one signed object per entry, Object Lock keeps the evidence, a judge reads it
from another home with range requests."""

from __future__ import annotations

import os
import threading
import time
from datetime import timedelta

import pytest

from tests.helpers.temp_vault import PASS
from vault.errors import AccessDenied, StoreUnavailable
from vault.keys import KdfParams
from vault.storage.s3 import PART_SIZE
from vault.store import Vault

pytestmark = pytest.mark.slow


def new_vault(url: str, days: float = 1.0) -> Vault:
    return Vault.init(url, PASS, kdf=KdfParams.fast(), retention_days=days)


def record(v: Vault, data: bytes, kind: str = "masked", pieces: int = 5) -> str:
    w = v.create_recording({"case_number": "T-13", "kind": kind}, ["judge", "clerk"], chunk_size=64 * 1024)
    step = max(1, len(data) // pieces)
    for i in range(0, len(data), step):
        w.write(data[i:i + step])
        w.flush()
    return w.seal()


def split(url: str) -> tuple[str, str]:
    bucket, _, prefix = url[5:].partition("/")
    return bucket, prefix + "/"


def all_objects(store, url: str) -> list[tuple[str, bytes]]:
    c = store.client()
    out = []
    bucket, prefix = split(url)
    for page in c.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=prefix):
        for v in page.get("Versions", []):
            out.append((v["Key"], c.get_object(Bucket=bucket, Key=v["Key"], VersionId=v["VersionId"])["Body"].read()))
    return out


def test_a_recording_goes_through_the_spool_into_the_store_and_reads_back_with_seeks(s3env, vault_url, tmp_path):
    v = new_vault(vault_url)
    data = os.urandom(PART_SIZE * 2 + 12345)  # three parts: a record spans two of them
    rid = record(v, data, pieces=40)
    assert v.uploader.drain(60), v.upload_status()
    assert not any(v.spool.path("recordings").iterdir())  # moved, not copied
    assert [r.id for r in v.list()] == [rid] and v.verify().ok
    events = [e.event for e in v.audit_entries() if e.rec == rid]
    assert events == ["create", "seal"]
    # the store holds ciphertext only, and no key in clear
    assert not any(data[:4096] in body or data[-4096:] in body for _, body in all_objects(s3env, vault_url))
    # another machine: an empty home, only the URL, the keys and the judge's passphrase
    os.environ["XDG_DATA_HOME"] = str(tmp_path / "judge" / "data")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path / "judge" / "cache")
    j = Vault.open(v.location)
    judge = j.unlock("judge", PASS)
    with j.open_reader(rid, judge, purpose="review in chambers") as r:
        for pos in (0, PART_SIZE - 10, len(data) - 100, 5 * 64 * 1024 + 7):
            r.seek(pos)
            assert r.read(1000) == data[pos:pos + 1000]
    assert [e.details.get("purpose") for e in j.audit_entries() if e.event == "view"] == ["review in chambers"]
    assert not (tmp_path / "judge" / "data" / "testimony-shield" / "spool" / v.id / "recordings").exists()


def test_two_stations_appending_at_once_never_fork_the_trail(s3env, vault_url):
    v = new_vault(vault_url)
    stations = [Vault.open_or_init(v.location, PASS) for _ in range(4)]
    barrier = threading.Barrier(len(stations))
    errors: list[BaseException] = []

    def go(s: Vault, i: int) -> None:
        try:
            ident = s.unlock("clerk", PASS)
            barrier.wait()
            for k in range(5):
                s._append(ident, "view", details={"purpose": f"station {i} #{k}"})
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=go, args=(s, i)) for i, s in enumerate(stations)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    entries = v.audit_entries()
    assert [e.seq for e in entries] == list(range(len(entries)))
    purposes = {e.details.get("purpose") for e in entries if e.event == "view"}
    assert purposes == {f"station {i} #{k}" for i in range(4) for k in range(5)}
    assert v.verify().ok


def test_object_lock_keeps_the_vault_when_every_version_is_deleted(s3env, vault_url):
    v = new_vault(vault_url)
    rid = record(v, os.urandom(300_000))
    assert v.uploader.drain(60)
    c = s3env.client()
    refused = 0
    bucket, prefix = split(vault_url)
    for page in c.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=prefix):
        for ver in page.get("Versions", []):
            try:
                c.delete_object(Bucket=bucket, Key=ver["Key"], VersionId=ver["VersionId"])
            except Exception:
                refused += 1
    assert refused > 0
    fresh = Vault.open(v.location)
    assert fresh.verify().ok
    with pytest.raises(AccessDenied, match="under retention until"):
        fresh.shred(rid, fresh.unlock("judge", PASS), "end of retention?")


def test_overwrites_and_delete_markers_do_not_replace_the_evidence(s3env, vault_url):
    v = new_vault(vault_url)
    data = os.urandom(200_000)
    rid = record(v, data)
    assert v.uploader.drain(60)
    c = s3env.client()
    bucket, pre = split(vault_url)
    c.put_object(Bucket=bucket, Key=f"{pre}recordings/{rid}/header.json", Body=b"{}\n")  # a newer version
    c.put_object(Bucket=bucket, Key=f"{pre}audit/000000000001.json", Body=b"forged\n")
    c.delete_object(Bucket=bucket, Key=f"{pre}vault.json")  # a delete marker
    fresh = Vault.open(v.location)
    with fresh.open_reader(rid, fresh.unlock("judge", PASS)) as r:
        assert r.read() == data
    rep = fresh.verify()
    assert rep.ok, rep.problems
    assert any("written over" in w for w in rep.warnings)


def test_shredding_is_allowed_once_the_retention_ends_and_destroys_every_key(s3env, vault_url):
    v = new_vault(vault_url, days=4 / 86400)  # four seconds
    rid = record(v, os.urandom(100_000))
    assert v.uploader.drain(60)
    judge = v.unlock("judge", PASS)
    time.sleep(5)
    v.shred(rid, judge, "retention over, court order")
    c = s3env.client()
    keys = [(k, b) for k, b in all_objects(s3env, vault_url)
            if f"recordings/{rid}/" in k and k.split("/")[-2] != "data.tsv"]
    assert keys and all(b'"wrapped"' not in b for _, b in keys)
    with pytest.raises(AccessDenied, match="shredded"):
        v.open_reader(rid, judge)
    assert v.verify().ok
    assert c  # the store client stays usable


def test_recording_goes_on_while_the_store_is_down_and_sync_completes_it(s3env, vault_url):
    v = new_vault(vault_url)
    ident = v.unlock("clerk", PASS)
    w = v.create_recording({"case_number": "T-13", "kind": "masked"}, ["judge", "clerk"])
    chunk = os.urandom(1 << 20)
    for _ in range(10):
        w.write(chunk)
        w.flush()
    s3env.stop(hard=True)
    t0 = time.monotonic()
    for _ in range(10):  # nothing here waits for the store
        w.write(chunk)
        w.flush()
    rid = w.seal()
    # a new recording while the store is down (the session record at the end of a session): the station
    # signs with the identity it already checked, nothing waits for the store
    w2 = v.create_recording({"case_number": "T-13", "kind": "session"}, ["judge", "clerk"], signer_passphrase=PASS)
    w2.write(b"{}")
    rid2 = w2.seal()
    assert time.monotonic() - t0 < 30  # no wait for the store's retries (minutes)
    st = v.upload_status()
    assert st.pending >= 1
    with pytest.raises(StoreUnavailable):
        v._append(ident, "view", details={"purpose": "store down"})
    s3env.start()
    rep = v.sync(deadline_s=120)
    assert rid in rep.uploaded or rid not in [p.name for p in v.spool.path("recordings").iterdir()]
    assert sorted(r.id for r in v.list()) == sorted([rid, rid2]) and v.verify().ok
    with v.open_reader(rid, v.unlock("judge", PASS)) as r:
        assert r.read(len(chunk)) == chunk and r.size() == 20 * len(chunk)


def test_a_retention_policy_is_recorded_in_vault_json(s3env, vault_url):
    v = new_vault(vault_url, days=30)
    assert v.retention.days == 30 and v.retention.mode == "COMPLIANCE"
    until = v.retention.until()
    assert until is not None and timedelta(days=29) < until - until.replace(microsecond=0) + timedelta(days=30)
