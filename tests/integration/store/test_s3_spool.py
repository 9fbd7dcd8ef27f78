"""The uploader moves only what this station recorded: a folder planted in its spool (another
station's sealed recording, or one without open.json) is quarantined and audited, never uploaded as
evidence (the vault's quarantine, vault/recover.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers.temp_vault import PASS
from vault import local_state
from vault.keys import KdfParams
from vault.layout import OPEN, RECORDINGS
from vault.recover import QUARANTINE
from vault.store import Vault
from vault.uploader import Uploader

pytestmark = pytest.mark.slow


def home(tmp_path: Path, name: str) -> None:
    """A station of its own: spool, cache, and its station key (local_state)."""
    for k in ("XDG_DATA_HOME", "XDG_CACHE_HOME", local_state.ENV):
        os.environ[k] = str(tmp_path / name / k.lower())


def record(v: Vault, data: bytes) -> str:
    w = v.create_recording({"case_number": "T-13", "kind": "masked"}, ["judge"], chunk_size=64 * 1024)
    w.write(data)
    return w.seal()


def test_a_folder_planted_in_the_spool_is_quarantined_never_uploaded(s3env, vault_url, tmp_path, monkeypatch):
    monkeypatch.setenv(local_state.ENV, "")  # restored after the test
    home(tmp_path, "a")
    a = Vault.init(vault_url, PASS, kdf=KdfParams.fast(), retention_days=0)
    mine = record(a, os.urandom(100_000))
    assert a.uploader.drain(60)
    a.uploader.stop()  # the passes below are `vault sync`'s
    # another station seals a recording it never uploads (its uploader does not run) ...
    home(tmp_path, "b")
    monkeypatch.setattr(Uploader, "start", lambda self: None)
    b = Vault.open_or_init(vault_url, PASS)
    planted = record(b, os.urandom(50_000))
    # ... and its folder turns up in station A's spool, with a sealed header and no open.json beside it
    src = b.spool.path(RECORDINGS) / planted
    shutil.copytree(src, a.spool.path(RECORDINGS) / planted)
    bare = "ab" * 8
    shutil.copytree(src, a.spool.path(RECORDINGS) / bare)
    os.unlink(a.spool.path(RECORDINGS) / bare / OPEN)
    mine2 = record(a, os.urandom(100_000))  # station A's own recording still goes up
    rep = a.sync(deadline_s=120)
    assert sorted(rep.quarantined) == sorted([planted, bare])
    assert mine2 in rep.uploaded
    assert any("not a recording this station started" in p for p in rep.problems), rep.problems
    recs = a.state().recs
    assert mine in recs and mine2 in recs and planted not in recs and bare not in recs
    assert not a.storage.exists(f"{RECORDINGS}/{planted}/{OPEN}")
    q = sorted(p.name for p in a.spool.path(QUARANTINE).iterdir())
    assert len(q) == 2 and any(n.startswith(planted) for n in q) and any(n.startswith(bare) for n in q)
    events = [(e.event, e.details.get("folder")) for e in a.audit_entries() if e.event == "quarantine"]
    assert sorted(events) == sorted([("quarantine", f"{RECORDINGS}/{planted}"), ("quarantine", f"{RECORDINGS}/{bare}")])
    assert not any(a.spool.path(RECORDINGS).iterdir())
    assert a.verify().ok
