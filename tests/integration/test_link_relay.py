"""A hearing through the court relay and a real coturn, on loopback, as court IT runs them: coturn from a
config file (``use-auth-secret``), ``testimony-shield relay`` with the shared secret, the court station
with ``--relay INFO_FILE`` (it only dials out), the witness station from the invitation (which names
the relay, not the court).  Both stations' media go through TURN (``ice_path`` "relay"), relayed
candidates only.  Then the failures a court IT meets, each with one line and its own exit code: the
relay unreachable (4), a relay certificate other than the pinned one (5), TURN refusing the relay's
credentials (6), coturn down (7); and the relay restarted in the middle of a hearing: both stations
re-connect through it when it is back and finish the hearing, the media going on through TURN meanwhile.

Skipped when there is no ``turnserver`` (Debian's coturn; scripts/setup.sh installs it).
"""

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
from tests.helpers.coturn import Relay, free_tcp_port, turnserver_binary, wait_file

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600),  # several station processes: a loaded machine is slow
              pytest.mark.skipif(turnserver_binary() is None,
                                 reason="no turnserver binary (Debian package coturn; scripts/setup.sh installs it)")]

ROOT = Path(__file__).resolve().parents[2]
EXE = [sys.executable, "-m", "desktop"]


def _env() -> dict[str, str]:
    return dict(os.environ, TESTIMONY_SHIELD_PASSPHRASE="relay-test-passphrase", QT_QPA_PLATFORM="offscreen")


def _last_json(text: str) -> dict:
    lines = [ln for ln in text.strip().splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


@pytest.fixture
def relay(tmp_path, turn):
    r = Relay(tmp_path / "relay", turn.url)
    r.start()
    yield r
    r.kill()


def _plan_file(tmp_path: Path) -> Path:
    p = tmp_path / "plan.json"
    p.write_text(json.dumps(demo_plan().to_dict()))
    return p


def _court(tmp_path: Path, info: Path, tag: str, duration: float = 4, extra: tuple[str, ...] = (),
           stderr=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen(
        [
            *EXE,
            "court",
            "--headless",
            "--relay",
            str(info),
            "--plan-file",
            str(_plan_file(tmp_path)),
            "--vault",
            str(tmp_path / f"cv-{tag}"),
            "--invite-out",
            str(tmp_path / f"invite-{tag}"),
            "--duration",
            str(duration),
            "--admit-all",
            *extra,
        ],
        cwd=ROOT,
        env=_env(),
        text=True,
        stdout=subprocess.PIPE,
        stderr=stderr,
    )


def _witness(tmp_path: Path, tag: str, duration: float = 4) -> subprocess.Popen:
    return subprocess.Popen([*EXE, "witness", "--headless", "--join", str(tmp_path / f"invite-{tag}"),
                             "--vault", str(tmp_path / f"wv-{tag}"), "--duration", str(duration),
                             "--size", "320x180", "--fps", "15"],
                            cwd=ROOT, env=_env(), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _finish(*procs: subprocess.Popen, timeout: float = 180) -> list[tuple[int, str, str]]:
    out = []
    for p in procs:
        try:
            o, e = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            o, e = p.communicate()
        out.append((p.returncode, o, e))
    return out


def test_a_hearing_through_the_relay_and_turn(tmp_path, relay):
    court = _court(tmp_path, relay.info, "a")
    assert wait_file(tmp_path / "invite-a", 90), court.stderr.read() if court.poll() is not None else "no invitation"
    doc = json.loads((tmp_path / "invite-a").read_text())
    # the invitation names the relay and its pinned certificate, never the court station's address
    assert doc["version"] == 3 and doc["body"]["signalling"]["via"] == "relay"
    info = json.loads(relay.info.read_text())
    assert doc["body"]["signalling"]["url"] == info["url"] and doc["body"]["tls_fingerprint"] == info["tls_fingerprint"]
    assert "address" not in doc["body"]
    witness = _witness(tmp_path, "a")
    (wc, wout, werr), (cc, cout, cerr) = _finish(witness, court)
    assert wc == 0, werr[-1500:]
    assert cc == 0, cerr[-1500:]
    cs, ws = _last_json(cout), _last_json(wout)
    assert cs["ice_path"] == "relay" and ws["ice_path"] == "relay", (cs["ice_path"], ws["ice_path"])
    assert cs["route"] == "relay" and ws["route"] == "relay"
    # media flowed and were recorded (how fast: benchmarks/link_net_bench.py)
    assert cs["frames_received"] > 0 and cs["audio_blocks_received"] > 0 and cs["recording_id"]
    assert ws["safety_code"] == cs["safety_code"]
    code, out, err = relay.stop()
    assert code == 0, err[-500:]
    rs = _last_json(out)
    assert rs["hearings_served"] == 1 and rs["peak_concurrent"] == 1 and rs["bytes_forwarded"] > 2000
    # the relay never logs a station's address (here all 127.0.0.1: the words it would use)
    assert "peer" not in err.lower()


def _court_fails(tmp_path: Path, info: Path, tag: str) -> tuple[int, str]:
    (code, _, err), = _finish(_court(tmp_path, info, tag), timeout=120)
    assert not (tmp_path / f"invite-{tag}").exists()  # nothing is handed out before the route works
    return code, err.strip().splitlines()[-1] if err.strip() else ""


def test_failures_have_their_own_exit_codes(tmp_path, turn, relay):
    info = json.loads(relay.info.read_text())
    # the relay unreachable: nothing listens where the info file says
    gone = tmp_path / "gone.json"
    gone.write_text(json.dumps({**info, "url": info["url"].replace(f":{relay.port}/", f":{free_tcp_port()}/")}))
    code, line = _court_fails(tmp_path, gone, "unreachable")
    assert code == 4 and "cannot reach the court relay" in line, line
    # a relay presenting another certificate than the pinned one
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({**info, "tls_fingerprint": ":".join(["AB"] * 32)}))
    code, line = _court_fails(tmp_path, wrong, "cert")
    assert code == 5 and "not the pinned one" in line, line
    # TURN refuses the credentials: the relay's secret is not coturn's
    bad = Relay(tmp_path / "bad", turn.url, secret="not-the-turn-secret")
    bad.start()
    try:
        code, line = _court_fails(tmp_path, bad.info, "refused")
        assert code == 6 and "refused this hearing's credentials" in line, line
    finally:
        bad.kill()
    # coturn down
    turn.stop()
    code, line = _court_fails(tmp_path, relay.info, "turndown")
    assert code == 7 and "is coturn running" in line, line


def test_the_relay_restarts_in_the_middle_of_a_hearing(tmp_path, relay):
    log = tmp_path / "court-r.err"
    with open(log, "w") as err:
        court = _court(tmp_path, relay.info, "r", duration=14, stderr=err)
    assert wait_file(tmp_path / "invite-r", 90)
    witness = _witness(tmp_path, "r", duration=14)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and "court: Live" not in log.read_text():
        time.sleep(0.2)
    assert "court: Live" in log.read_text(), log.read_text()[-1000:]
    time.sleep(3)  # media flowing for a while (a relay lost before the first frames: a plain re-join)
    relay.stop(signal.SIGKILL)
    time.sleep(1.5)
    relay.start()  # the same port and TLS key: invitations still pin it
    (wc, wout, werr), (cc, cout, _) = _finish(witness, court)
    cerr = log.read_text()
    assert wc == 0, werr[-1500:]
    assert cc == 0, cerr[-1500:]
    cs, ws = _last_json(cout), _last_json(wout)
    assert cs["relay_losses"] >= 1 and "court relay went away" in cerr and "court relay is back" in cerr
    assert ws["reconnects"] >= 1 and cs["reconnects"] >= 1, (ws["reconnects"], cs["reconnects"])
    assert cs["ice_path"] == "relay" == ws["ice_path"]
    assert cs["ended_by"] in ("witness", "duration"), cs["ended_by"]
    # the media went on through TURN while the relay was away: the court kept its media connection
    # (re-joined with "media": "keep"), so it never went "reconnecting" (no recovery period) — unless a
    # loaded machine paused the witness's frames for longer than MEDIA_GONE_AFTER, then it re-joined anew
    if cs["stalled_seconds"] < 2.0:
        assert cs["recoveries_ms"] == [] and cs["reconnecting_seconds"] == 0, cs["recoveries_ms"]
