"""A hearing across two networks that cannot reach each other (root only: network namespaces,
tests/helpers/netlab.py): coturn and the court relay on a public host, the court station in the court's
network, the witness station in the witness's; each network drops inbound connections it did not open.
The hearing goes through the relay and TURN on both sides (``ice_path`` "relay"), and the witness's
network address reaches the court nowhere: not its output, not its vault.  Run twice: with UDP open,
and with the witness's network dropping every outbound UDP datagram at its edge (no ICMP): the witness
reaches TURN over TCP (``turn_transport`` "tcp"), the court still over UDP, and the hearing runs.

Kept short (a few seconds of small frames): the lab holds the machine's network-lab lock
(/work/locks/netns.lock) while it is up, and other jobs wait for it.  Skipped unless root with
iproute2, nftables and coturn.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from recording.session import demo_plan
from tests.helpers import netlab
from tests.helpers.coturn import SECRET, Coturn, Relay, wait_file

WHY = netlab.missing()
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600), pytest.mark.skipif(bool(WHY), reason=WHY or "lab available")]
ROOT = Path(__file__).resolve().parents[2]


def _grep(root: Path, needle: bytes) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.mark.parametrize("witness_udp", ["open", "dropped"])
def test_a_hearing_across_two_closed_networks_never_discloses_the_witness_address(tmp_path, witness_udp):
    tmp_path.chmod(0o755)
    env = dict(os.environ, TESTIMONY_SHIELD_PASSPHRASE="lab-test-passphrase", QT_QPA_PLATFORM="offscreen")
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(demo_plan().to_dict()))
    inv, cv, wv = tmp_path / "invite.json", tmp_path / "cv", tmp_path / "wv"
    exe = [sys.executable, "-m", "desktop"]
    with netlab.NetLab() as lab:
        if witness_udp == "dropped":
            lab.drop_udp_from("wit")
        turn = Coturn(tmp_path / "coturn", SECRET, host=netlab.PUB_IP, wrap=lambda a: lab.cmd("pub", a))
        turn.start()
        relay = Relay(tmp_path / "relay", turn.url, host=netlab.PUB_IP, wrap=lambda a: lab.cmd("pub", a))
        court = None
        try:
            relay.start()
            court = subprocess.Popen(lab.cmd("court", [*exe, "court", "--headless", "--relay", str(relay.info),
                                                       "--plan-file", str(plan), "--vault", str(cv), "--invite-out",
                                                       str(inv), "--duration", "4", "--admit-all"]),
                                     cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            assert wait_file(inv, 90), "no invitation"
            w = subprocess.run(lab.cmd("wit", [*exe, "witness", "--headless", "--join", str(inv), "--vault", str(wv),
                                               "--duration", "4", "--size", "320x180", "--fps", "15"]),
                               cwd=ROOT, env=env, text=True, capture_output=True, timeout=240)
            cout, cerr = court.communicate(timeout=120)
            dropped = lab.udp_dropped() if witness_udp == "dropped" else 0
        finally:
            if court is not None and court.poll() is None:
                court.kill()
                court.communicate()
            relay.kill()
            turn.stop()
    assert w.returncode == 0, w.stderr[-1500:]
    assert court.returncode == 0, cerr[-1500:]
    cs = json.loads(cout.strip().splitlines()[-1])
    ws = json.loads(w.stdout.strip().splitlines()[-1])
    assert cs["ice_path"] == "relay" and ws["ice_path"] == "relay"
    assert cs["turn_transport"] == "udp"
    if witness_udp == "dropped":  # its firewall dropped UDP to TURN: TCP, said in its summary and log
        assert ws["turn_transport"] == "tcp" and dropped > 0, (ws["turn_transport"], dropped)
        assert f"gave no answer: trying TCP {netlab.PUB_IP}:3478" in w.stderr, w.stderr[-1500:]
    else:
        assert ws["turn_transport"] == "udp"
    assert cs["frames_received"] > 0 and cs["recording_id"]  # how fast: benchmarks/link_net_bench.py
    witness_ip = netlab.STATION_IP["wit"]
    assert witness_ip not in cout + cerr
    assert not _grep(cv, witness_ip.encode())
    # and the court's address never reached the witness either (both use relayed candidates only)
    assert netlab.STATION_IP["court"] not in w.stdout + w.stderr
