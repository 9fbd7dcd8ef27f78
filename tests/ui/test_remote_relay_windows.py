"""The windowed remote hearing through the court relay (offscreen, real coturn and relay on loopback):
the station settings name the relay's info file (``court_relay``), the clerk console opens the waiting
room through the relay, the whole witness station joins from the invitation (which names the relay),
the clerk admits it, the masked picture reaches the console through TURN (both stations' ``ice_path``
"relay"), the clerk ends and seals.  Skipped without coturn's ``turnserver``."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop.remote_court import open_remote_hearing, remote_settings
from desktop.remote_witness import RemoteWitnessFlow
from desktop.settings import Settings
from recording.session import State, demo_plan
from recording.sources.demo import DemoVideoSource
from recording.transport.court_media import questioner_cameras
from tests.helpers.coturn import SECRET, Coturn, Relay, turnserver_binary
from tests.helpers.sources import ToneSource
from tests.helpers.temp_vault import PASS, make_vault
from ui.clerk.console import ClerkConsole
from ui.concurrency import OpRunner
from ui.session import SessionController
from ui.witness.station import WitnessStation

pytestmark = [pytest.mark.timeout(600),
              pytest.mark.skipif(turnserver_binary() is None,
                                 reason="no turnserver binary (Debian package coturn; scripts/setup.sh installs it)")]


@pytest.fixture
def relay_info(tmp_path):
    turn = Coturn(tmp_path / "coturn", SECRET)
    turn.start()
    relay = Relay(tmp_path / "relay", turn.url)
    try:
        relay.start()
        yield relay.info
    finally:
        relay.kill()
        turn.stop()


def test_a_remote_hearing_in_the_windows_through_the_court_relay(qtbot, tmp_path, relay_info):
    plan = demo_plan()
    plan.witness_location = "remote"
    vault = make_vault(tmp_path / "court")
    rs = remote_settings(Settings(court_relay=str(relay_info)))  # the station's settings name the relay
    assert rs.relay is not None and rs.relay.url == json.loads(relay_info.read_text())["url"]

    hearing = open_remote_hearing(plan, Settings(), vault, PASS, remote=rs, speakers=False,
                                  cameras=questioner_cameras(plan, (160, 90), 10))
    court_ops, witness_ops = OpRunner("court-ops"), OpRunner("witness-ops")
    console = ClerkConsole(None, court_ops, controller=SessionController(hearing, court_ops))
    qtbot.addWidget(console)
    console.show()
    station = WitnessStation(speaker_factory=None, join=lambda data: flow.join(data))
    qtbot.addWidget(station)
    flow = RemoteWitnessFlow(station, Settings(encoder_preset="ultrafast"), witness_ops,
                             open_vault=lambda: (make_vault(tmp_path / "witness"), PASS),
                             sources=lambda: (DemoVideoSource((320, 180), 15), ToneSource()))
    station.show()
    panel = console.live.remote_panel
    try:
        qtbot.mouseClick(console.live.start_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(hearing.invitation), timeout=30_000)
        body = json.loads(hearing.invitation)["body"]
        assert body["signalling"]["via"] == "relay" and "address" not in body
        station.join_with(hearing.invitation)
        qtbot.waitUntil(panel.admit_btn.isEnabled, timeout=60_000)
        assert panel.safety_code.text() == station.join_page.safety_code.text() != ""
        qtbot.mouseClick(panel.admit_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: console.live.c.state is State.LIVE, timeout=60_000)
        qtbot.waitUntil(lambda: console.live.preview.frames_shown > 2, timeout=120_000)
        assert hearing.court.stats.ice_path == "relay" and hearing.court.stats.route == "relay"
        console.grab().save(str(tmp_path / "console_relay.png"))
        console.live.c.end()
        qtbot.waitUntil(lambda: console.live.c.state is State.SEALED, timeout=60_000)
        qtbot.waitUntil(lambda: flow.summary is not None, timeout=60_000)
        assert flow.summary["ice_path"] == "relay" and flow.summary["frames_sent"] > 0
        assert hearing.results  # the court recorded what it received through the relay
    finally:
        flow.close()
        court_ops.shutdown(wait=True)
        witness_ops.shutdown(wait=True)
