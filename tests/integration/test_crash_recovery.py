"""kill -9 in the middle of a recorded session: the next start recovers every record the station had
written when it was killed (the recorder flushes about once a second, so at most the last second or so
is lost), logs the recovery in the audit trail, and the recovered recording verifies and decodes.

No wall-clock sleeps: the test reads what the station had written (data.tsv's intact records, found
without a key) right before the kill and checks the recovered recordings hold all of it.  How fast
recovery is, is a benchmark's business, not this test's."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import av
import pytest

from vault.format import stream as st
from vault.store import Vault

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

PASS = "crash-test-passphrase"
#: flushes (records) each recording must have on disk before the kill: a couple of seconds of media
RECORDS_BEFORE_KILL = 3
#: for a start-up and encoding on a loaded, shared machine (they take seconds on an idle one)
DEADLINE = 600.0


def written(data_file: Path) -> tuple[int, int]:
    """(intact records, their plaintext bytes) in a recording's data.tsv as it is now (key-less scan:
    each record carries its length and hash; a record being appended is not counted)."""
    data = data_file.read_bytes()
    lens, _, _, _ = st.scan_stream(lambda n, off: data[off:off + n], len(data))
    return len(lens), sum(n - st.TAG_LEN for n in lens)


def decoded_frames(mkv: bytes) -> int:
    with av.open(io.BytesIO(mkv)) as c:
        return sum(1 for _ in c.decode(video=0))


def test_sigkill_mid_session_recovers_a_verified_decodable_recording(tmp_path):
    vault_dir = tmp_path / "vault"
    env = {**os.environ, "TESTIMONY_SHIELD_PASSPHRASE": PASS, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    cfg = tmp_path / "config" / "testimony-shield"
    cfg.mkdir(parents=True)
    (cfg / "settings.json").write_text(json.dumps({"version": 1, "video_size": [320, 180]}))
    # long enough that the (non-realtime) demo is still recording when it is killed, however fast it runs
    cmd = [sys.executable, "-m", "desktop", "demo", "--headless", "--duration", "600", "--vault", str(vault_dir)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    before_kill: dict[str, int] = {}
    try:
        # wait until both recordings (masked, raw) have a few flushes on disk; note what they hold
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline and proc.poll() is None:
            found = list(vault_dir.glob("recordings/*/data.tsv"))
            seen = {p.parent.name: written(p) for p in found}
            if len(seen) == 2 and all(n >= RECORDS_BEFORE_KILL for n, _ in seen.values()):
                before_kill = {rec_id: plain for rec_id, (_, plain) in seen.items()}
                break
            time.sleep(0.2)
        assert proc.poll() is None, "the station exited before it was killed"
        assert before_kill, f"the recordings never reached {RECORDS_BEFORE_KILL} flushes in {DEADLINE:.0f} s"
    finally:  # never leave the station running (a failed wait used to leak it on a shared machine)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)  # reaps it and closes the pipes

    v = Vault.open_or_init(vault_dir, PASS)
    recovered = v.recover()
    assert sorted(recovered) == sorted(before_kill)
    assert v.verify().ok
    assert any(e.event == "recover" for e in v.audit_entries())
    judge = v.unlock("judge", PASS)
    for rec in v.list():
        assert rec.sealed and rec.meta.get("recovered")
        with v.open_reader(rec.id, judge) as r:
            plain = r.read()
        kind = rec.meta.get("kind")
        # everything the station had written before the kill is there, and decodes
        assert len(plain) >= before_kill[rec.id], f"{kind}: lost data written before the kill"
        flushed = decoded_frames(plain[:before_kill[rec.id]])
        assert flushed > 0, f"{kind}: {RECORDS_BEFORE_KILL} flushes held no decodable frame"
        assert decoded_frames(plain) >= flushed
