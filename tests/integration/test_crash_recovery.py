"""kill -9 in the middle of a recorded session: the next start recovers the recording up to the last
couple of seconds, logs the recovery in the audit trail, and the recovered recording verifies and
decodes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time

import av
import pytest

from vault.store import Vault

pytestmark = pytest.mark.slow

PASS = "crash-test-passphrase"


def test_sigkill_mid_session_recovers_a_verified_decodable_recording(tmp_path):
    vault_dir = tmp_path / "vault"
    env = {**os.environ, "TESTIMONY_SHIELD_PASSPHRASE": PASS, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    cfg = tmp_path / "config" / "testimony-shield"
    cfg.mkdir(parents=True)
    (cfg / "settings.json").write_text(json.dumps({"version": 1, "video_size": [320, 180]}))
    cmd = [sys.executable, "-m", "desktop", "demo", "--headless", "--duration", "60", "--vault", str(vault_dir)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # wait until the recording has data, then a few seconds more
        deadline = time.monotonic() + 60
        data = None
        while time.monotonic() < deadline:
            found = list(vault_dir.glob("recordings/*/data.tsv"))
            if found and all(p.stat().st_size > 50_000 for p in found):
                data = found
                break
            time.sleep(0.2)
        assert data, "the session never started recording"
        time.sleep(4.0)
    finally:  # never leave the station running (a failed wait used to leak it on a shared machine)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=10)  # reaps it and closes the pipes
    killed_at = time.monotonic()

    v = Vault.open_or_init(vault_dir, PASS)
    recovered = v.recover()
    assert len(recovered) == 2
    assert v.verify().ok
    assert any(e.event == "recover" for e in v.audit_entries())
    judge = v.unlock("judge", PASS)
    for rec in v.list():
        assert rec.sealed
        with v.open_reader(rec.id, judge) as r, av.open(io.BytesIO(r.read())) as c:
            frames = sum(1 for _ in c.decode(video=0))
        assert frames >= 4 * 30 - 2 * 30, f"{rec.meta.get('kind')}: only {frames} frames recovered"
    assert time.monotonic() - killed_at < 30
