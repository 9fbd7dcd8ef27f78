"""The remote link in the windows (offscreen, one process, real link on loopback): the clerk console's
remote mode sends a witness station back from the waiting room and the witness station says so,
calmly; the judge's monitor shows the unmasked witness only when the plan authorises the judge; a
remote interpreter named in the plan gets its own invitation, waits in the same waiting room with its
own safety code, and is admitted by the clerk."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from desktop.remote_court import RemoteSettings, open_remote_hearing
from desktop.remote_witness import RemoteWitnessFlow
from desktop.settings import Settings
from recording.session import Participant, Role, State, demo_plan
from recording.sources.demo import DemoVideoSource
from recording.transport.court_media import questioner_cameras
from recording.transport.interpreter import InterpreterLink
from recording.transport.invite import parse_invite
from tests.helpers.sources import ToneSource
from tests.helpers.temp_vault import PASS, make_vault
from ui.clerk.console import ClerkConsole
from ui.concurrency import OpRunner
from ui.session import SessionController
from ui.witness.station import WitnessStation


def _console(qtbot, tmp_path, plan):
    vault = make_vault(tmp_path / "court")
    hearing = open_remote_hearing(plan, Settings(), vault, PASS, remote=RemoteSettings(), speakers=False,
                                  cameras=questioner_cameras(plan, (160, 90), 10))
    ops = OpRunner("court-ops")
    c = SessionController(hearing, ops)
    console = ClerkConsole(None, ops, controller=c)
    qtbot.addWidget(console)
    console.show()
    qtbot.mouseClick(console.live.start_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(hearing.invitation), timeout=20_000)
    return hearing, console, ops


def _witness(qtbot, tmp_path):
    ops = OpRunner("witness-ops")
    station = WitnessStation(speaker_factory=None, join=lambda data: flow.join(data))
    qtbot.addWidget(station)
    flow = RemoteWitnessFlow(station, Settings(), ops, open_vault=lambda: (make_vault(tmp_path / "witness"), PASS),
                             sources=lambda: (DemoVideoSource((320, 180), 15), ToneSource()))
    station.show()
    return station, flow, ops


def _remote_plan(**kw):
    plan = demo_plan(**kw)
    plan.witness_location = "remote"
    return plan


def test_the_clerk_sends_the_witness_station_back(qtbot, tmp_path):
    hearing, console, court_ops = _console(qtbot, tmp_path, _remote_plan())
    station, flow, witness_ops = _witness(qtbot, tmp_path)
    panel = console.live.remote_panel
    try:
        station.join_with(hearing.invitation)
        qtbot.waitUntil(panel.back_btn.isEnabled, timeout=60_000)
        assert "witness station asks to join" in panel.request_label.text()
        assert panel.safety_code.text() == station.join_page.safety_code.text() != ""
        assert hearing.court.stats.frames_received == 0  # nothing before admission
        qtbot.mouseClick(panel.back_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: flow.summary is not None, timeout=60_000)
        assert station.stack.currentWidget() is station.join_page
        assert "did not let this station in" in station.join_page.status.text()
        assert flow.summary["frames_sent"] == 0 and not flow.session.recorder
        assert "sent back" in panel.request_label.text()
        console.live.confirm_end()
        qtbot.waitUntil(lambda: console.live.end_box is not None, timeout=5_000)
        end = next(b for b in console.live.end_box.buttons() if b.text() == "End and seal")
        qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: console.live.c.state is State.SEALED, timeout=60_000)
        assert not hearing.results  # nothing was received, so nothing recorded
    finally:
        flow.close()
        court_ops.shutdown(wait=True)
        witness_ops.shutdown(wait=True)


def test_judge_monitor_and_a_remote_interpreter_from_the_plan(qtbot, tmp_path):
    plan = _remote_plan(languages=("spa",))
    plan.participants = [p for p in plan.participants if p.role is not Role.INTERPRETER]
    plan.participants.append(Participant("Interpreter R (spa)", Role.INTERPRETER, "eng>spa", remote=True))
    hearing, console, court_ops = _console(qtbot, tmp_path, plan)
    panel = console.live.remote_panel
    station, flow, witness_ops = _witness(qtbot, tmp_path)
    interp = None
    try:
        assert list(hearing.interpreter_invitations) == ["spa"]
        qtbot.waitUntil(lambda: "spa" in panel.interpreter_rows, timeout=5_000)
        station.join_with(hearing.invitation)
        qtbot.waitUntil(panel.admit_btn.isEnabled, timeout=60_000)
        qtbot.mouseClick(panel.admit_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: console.live.c.state is State.LIVE, timeout=60_000)
        monitor = panel.open_judge_monitor()
        assert monitor.authorised  # the demo plan unmasks the judge
        qtbot.waitUntil(lambda: monitor.view.frames_shown > 3 and console.live.preview.frames_shown > 3,
                        timeout=60_000)
        # the remote interpreter: its own invitation, the same waiting room, its own safety code
        invite = parse_invite(hearing.interpreter_invitations["spa"])
        assert invite.media["station"] == "interpreter" and invite.media["language"] == "spa"
        interp = InterpreterLink(invite, "spa", ToneSource())

        async def join() -> None:
            await interp.join(admit_timeout=30)
            await interp.start_media()

        joined = hearing.loop.submit(join())
        qtbot.waitUntil(lambda: panel.admit_btn.isEnabled() and "interpreter station (spa)" in
                        panel.request_label.text(), timeout=60_000)
        assert panel.safety_code.text() == interp.safety_code
        qtbot.mouseClick(panel.admit_btn, Qt.MouseButton.LeftButton)
        joined.result(30)
        qtbot.waitUntil(lambda: hearing.court.stats.interpreters.get("spa", {}).get("blocks_received", 0) > 5,
                        timeout=30_000)
        hearing.loop.submit(asyncio.wait_for(interp.close(), 5)).result(10)
        interp = None
        console.live.c.end()
        qtbot.waitUntil(lambda: console.live.c.state is State.SEALED, timeout=60_000)
        qtbot.waitUntil(lambda: flow.summary is not None, timeout=60_000)
        monitor.close()
    finally:
        if interp is not None:
            hearing.loop.submit(asyncio.wait_for(interp.close(), 5)).result(10)
        flow.close()
        court_ops.shutdown(wait=True)
        witness_ops.shutdown(wait=True)
