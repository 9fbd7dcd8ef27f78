"""The judge keeps evidence longer than the vault's policy: audited, Object Lock extended in a real
S3 store (SeaweedFS), shredding refused until the new date; nobody else may do it."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest

from tests.helpers.temp_vault import PASS
from vault.errors import AccessDenied, VaultError
from vault.keys import KdfParams
from vault.layout import HEADER, rec_path
from vault.store import Vault

pytestmark = pytest.mark.slow


def record(v: Vault) -> str:
    w = v.create_recording({"case_number": "T-13", "kind": "masked"}, ["judge"], chunk_size=64 * 1024)
    w.write(os.urandom(100_000))
    return w.seal()


def lock_until(v: Vault, rel: str) -> datetime:
    s = v.storage
    ver = s.versions(rel)[0]["VersionId"]
    return s.client.get_object_retention(Bucket=s.bucket, Key=s.key(rel), VersionId=ver)["Retention"]["RetainUntilDate"]


def test_the_judge_keeps_a_recording_longer_audited_locked_and_not_shreddable(s3env, vault_url):
    v = Vault.init(vault_url, PASS, kdf=KdfParams.fast(), retention_days=1)
    rid, other = record(v), record(v)
    assert v.uploader.drain(60)
    clerk = v.unlock("clerk", PASS)
    with pytest.raises(AccessDenied):
        v.retain(clerk, 30, "not mine to decide", [rid])
    judge = v.unlock("judge", PASS)
    with pytest.raises(VaultError):
        v.retain(judge, 30, "  ", [rid])
    before = lock_until(v, rec_path(rid, HEADER))
    rep = v.retain(judge, 30, "appeal lodged", [rid])
    assert rep.extended > 0 and not rep.problems
    now = datetime.now(UTC)
    assert before < now + timedelta(days=2) and lock_until(v, rec_path(rid, HEADER)) > now + timedelta(days=29)
    assert lock_until(v, rec_path(other, HEADER)) < now + timedelta(days=2)  # only the recording named
    e = v.audit_entries()[-1]
    assert (e.event, e.actor, e.rec, e.details["recordings"], e.details["reason"]) == \
        ("retain", "judge", rid, [rid], "appeal lodged")
    # past the policy's date, before the judge's: refused, saying why
    v.clock = lambda: now + timedelta(days=3)
    with pytest.raises(AccessDenied, match="kept longer by the judge"):
        v.shred(rid, judge, "retention over")
    # again with a shorter time: nothing is shortened
    rep = v.retain(judge, 10, "re-run", [rid])
    assert rep.extended == 0 and rep.already > 0
    assert v.state().retained[rid] == e.details["until"]
    assert v.verify().ok


def test_a_folder_vault_keeps_the_hold_in_its_trail(tmp_path):
    v = Vault.init(tmp_path / "v", PASS, kdf=KdfParams.fast())
    w = v.create_recording({"case_number": "T-13", "kind": "masked"}, ["judge"], signer_passphrase=PASS)
    w.write(b"x" * 1000)
    rid = w.seal()
    judge = v.unlock("judge", PASS)
    v.retain(judge, 5, "court order")
    with pytest.raises(AccessDenied, match="until"):
        v.shred(rid, judge, "too early")
    v.clock = lambda: datetime.now(UTC) + timedelta(days=6)
    v.shred(rid, judge, "hold over")
    assert v.verify().ok
