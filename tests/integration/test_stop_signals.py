"""A station told to stop (SIGTERM or SIGHUP at logout or shutdown) ends the hearing cleanly: the
recordings are sealed, the session record written, the summary printed, and the exit code is the
shell's for that signal (143 SIGTERM, 129 SIGHUP).  Before, SIGTERM during a live session left both
recordings unsealed until the next start.  The real command, in subprocesses, on the demo witness."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from recording.session import demo_plan
from tests.helpers.temp_vault import PASS
from vault.store import Vault, verify_vault

BIN = [sys.executable, "-m", "desktop"]


def _env(tmp_path: Path) -> dict[str, str]:
    """A station of its own (config, data), on small demo video so that the test is light."""
    config = tmp_path / "config" / "testimony-shield"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"version": 1, "video_size": [320, 180], "fps": 15,
                                                      "camera": "demo", "microphone": "demo"}))
    return dict(os.environ, TESTIMONY_SHIELD_PASSPHRASE=PASS, QT_QPA_PLATFORM="offscreen",
                XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))


_started: list[subprocess.Popen] = []


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    p = subprocess.Popen([*BIN, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    _started.append(p)
    return p


@pytest.fixture(autouse=True)
def _no_station_left_behind():
    """A failed test never leaves a station running on the shared machine."""
    yield
    while _started:
        p = _started.pop()
        if p.poll() is None:
            p.kill()
            p.communicate()


def _wait_recording(vault: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Until a recording is being written (its open.json exists) and has some data."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        assert proc.poll() is None, proc.communicate()[1][-600:]
        opened = list((vault / "recordings").glob("*/open.json")) if (vault / "recordings").is_dir() else []
        if len(opened) >= 2 and all((p.parent / "data.tsv").stat().st_size > 4096 for p in opened):
            return
        time.sleep(0.2)
    proc.kill()
    raise AssertionError("no recording started in time")


def _assert_sealed(vault: Path, kinds: set[str]) -> None:
    v = Vault.open(vault)
    recs = v.list()
    assert recs and all(r.sealed for r in recs), [(r.id, r.sealed) for r in recs]
    assert {r.meta.get("kind") for r in recs} >= kinds
    assert not any(r.meta.get("recovered") for r in recs)  # sealed by the station, not recovered later
    rep = verify_vault(vault)
    assert rep.ok, rep.problems


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_ends_the_headless_demo_cleanly(tmp_path, sig):
    vault = tmp_path / "vault"
    p = _start(["demo", "--headless", "--duration", "600", "--vault", str(vault)], _env(tmp_path))
    _wait_recording(vault, p)
    p.send_signal(sig)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 128 + sig, (p.returncode, err[-600:])
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["stopped_by"] == sig.name and summary["errors"] == []
    assert summary["session_record"] and {r["kind"] for r in summary["recordings"]} == {"masked", "raw"}
    assert "Traceback" not in err
    _assert_sealed(vault, {"masked", "raw", "session"})


@pytest.mark.slow
def test_sigterm_ends_the_windowed_demo_cleanly(tmp_path):
    vault = tmp_path / "vault"
    p = _start(["demo", "--vault", str(vault)], _env(tmp_path))
    _wait_recording(vault, p)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 143, (p.returncode, err[-600:])
    _assert_sealed(vault, {"masked", "raw", "session"})


@pytest.mark.slow
def test_sigterm_at_the_witness_station_seals_both_sides(tmp_path):
    env = _env(tmp_path)
    cv, wv, inv = tmp_path / "court", tmp_path / "witness", tmp_path / "invite"
    plan = tmp_path / "plan.json"  # the court runs a plan (the demo's)
    plan.write_text(json.dumps(demo_plan().to_dict()))
    court = _start(["court", "--headless", "--plan-file", str(plan), "--vault", str(cv), "--invite-out", str(inv),
                    "--duration", "600", "--admit-all"], env)
    t0 = time.monotonic()
    while not (inv.exists() and inv.stat().st_size > 0):
        assert court.poll() is None and time.monotonic() - t0 < 120, court.communicate()[1][-600:]
        time.sleep(0.2)
    witness = _start(["witness", "--headless", "--join", str(inv), "--vault", str(wv), "--duration", "600"], env)
    _wait_recording(wv, witness)
    time.sleep(2)
    witness.send_signal(signal.SIGTERM)
    wout, werr = witness.communicate(timeout=120)
    cout, cerr = court.communicate(timeout=120)
    assert witness.returncode == 143, (witness.returncode, werr[-600:])
    assert json.loads(wout.strip().splitlines()[-1])["stopped_by"] == "SIGTERM"
    _assert_sealed(wv, {"masked", "raw", "session"})
    # the witness said goodbye: the court ended its side as usual and sealed what it received
    assert court.returncode == 0, (court.returncode, cerr[-600:])
    _assert_sealed(cv, {"received-masked"})


@pytest.mark.slow
def test_sigterm_at_the_interpreter_window_leaves_the_hearing(tmp_path):
    """The remote interpreter's window, told to stop at logout, leaves the hearing as its close does
    (the court hears the channel end) and exits 143 — not killed mid-hearing by the default handler."""
    env = _env(tmp_path)
    cv, inv, iinv = tmp_path / "court", tmp_path / "invite", tmp_path / "interpreter-invite"
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(demo_plan(languages=("spa",)).to_dict()))
    court = _start(["court", "--headless", "--plan-file", str(plan), "--vault", str(cv), "--invite-out", str(inv),
                    "--interpreter-invite-out", str(iinv), "--duration", "600", "--admit-all"], env)
    t0 = time.monotonic()
    while not (iinv.exists() and iinv.stat().st_size > 0):
        assert court.poll() is None and time.monotonic() - t0 < 120, court.communicate()[1][-600:]
        time.sleep(0.2)
    interp = _start(["interpreter", "--join", str(iinv), "--language", "spa"], env)
    time.sleep(6)  # the window is up and in the court's waiting room
    assert interp.poll() is None, interp.communicate()[1][-600:]
    interp.send_signal(signal.SIGTERM)
    out, err = interp.communicate(timeout=60)
    assert interp.returncode == 143, (interp.returncode, err[-600:])
    if out.strip():  # the summary, when the leave completed within its grace period
        assert json.loads(out.strip().splitlines()[-1])["stopped_by"] == "SIGTERM"
    assert court.poll() is None  # the court's hearing goes on without the interpreter
