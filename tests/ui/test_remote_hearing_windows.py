"""A remote hearing in the windows (offscreen), one process, real link on loopback, real vaults: the
clerk plans a remote hearing in the console's wizard, opens the waiting room and saves the
invitation; the witness station (the whole witness station) opens it, shows the safety code and
waits; the clerk admits it from the waiting room (same safety code); the masked picture reaches the
console; the witness takes a break (the console's timeline shows it); the clerk ends and seals; the
witness's screen says the hearing has finished, camera and microphone off."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.remote_court import RemoteSettings, open_remote_hearing
from desktop.remote_witness import RemoteWitnessFlow
from desktop.settings import Settings
from recording.model import Audience
from recording.session import Role, State
from recording.sources.demo import DemoVideoSource
from recording.transport.court_media import questioner_cameras
from tests.helpers.sources import ToneSource
from tests.helpers.temp_vault import PASS, make_vault
from ui.clerk.console import ClerkConsole
from ui.concurrency import OpRunner
from ui.witness.station import WitnessStation


def _court_factory(vault):
    def factory(plan):
        assert plan.remote
        return open_remote_hearing(plan, Settings(), vault, PASS, remote=RemoteSettings(), speakers=False,
                                   cameras=questioner_cameras(plan, (160, 90), 10))
    return factory


def _plan_in_wizard(console: ClerkConsole) -> None:
    w = console.form
    w.fill_demo(("pol",))
    w.case_number.setText("R-2026-0917")
    w.remote.setChecked(True)
    w.floor_language.setText("deu")
    w.measures_page.unmasked[Audience.SUPPORT].setChecked(True)
    w.measures_page.face_style.setCurrentIndex(w.measures_page.face_style.findData("blur"))


def test_remote_hearing_in_the_console_and_the_witness_station(qtbot, tmp_path: Path):
    court_vault, witness_vault = make_vault(tmp_path / "court"), make_vault(tmp_path / "witness")
    court_ops, witness_ops = OpRunner("court-ops"), OpRunner("witness-ops")
    console = ClerkConsole(_court_factory(court_vault), court_ops)
    qtbot.addWidget(console)
    console.show()
    _plan_in_wizard(console)
    plan = console.form.plan()
    assert plan.remote and plan.case_number == "R-2026-0917"
    assert "remote" in plan_summary(console)
    qtbot.mouseClick(console.form.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: console.live is not None, timeout=30_000)
    live = console.live
    assert live.remote and live.remote_panel is not None
    assert live.start_btn.text() == "Open the waiting room"
    qtbot.mouseClick(live.start_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: live.remote_panel.save_btn.isEnabled(), timeout=30_000)
    assert live.c.state is State.WAITING
    invite_file = tmp_path / "invitation.json"
    live.remote_panel.write_invitation("witness", str(invite_file))
    assert invite_file.stat().st_mode & 0o777 == 0o600 and "saved" in live.remote_panel.invite_note.text()

    station = WitnessStation(speaker_factory=None, join=lambda data: flow.join(data))
    qtbot.addWidget(station)
    flow = RemoteWitnessFlow(station, Settings(encoder_preset="ultrafast"), witness_ops,
                             open_vault=lambda: (witness_vault, PASS),
                             sources=lambda: (DemoVideoSource((320, 180), 15), ToneSource()))
    station.show()
    try:
        assert station.stack.currentWidget() is station.join_page
        # a damaged invitation is refused calmly, the page stays
        station.join_page.invitation_given.emit(invite_file.read_bytes()[:-40])
        assert "cannot be used" in station.join_page.error.text() and flow.link is None
        station.join_page.open_file(str(invite_file))
        qtbot.waitUntil(lambda: live.remote_panel.admit_btn.isEnabled(), timeout=60_000)
        code = live.remote_panel.safety_code.text()
        assert code and station.join_page.safety_code.text() == code
        qtbot.waitUntil(lambda: "waiting room" in station.join_page.status.text(), timeout=5_000)
        assert station.stack.currentWidget() is station.join_page
        qtbot.mouseClick(live.remote_panel.admit_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: live.c.state is State.LIVE, timeout=60_000)
        qtbot.waitUntil(lambda: station.stack.currentIndex() == 0, timeout=60_000)
        qtbot.waitUntil(lambda: live.preview.frames_shown > 5, timeout=60_000)
        # the court's picture is masked (on a loaded machine a stall may curtain it for a moment first)
        qtbot.waitUntil(lambda: "face covered" in live.mask_labels[Audience.COURT].text(), timeout=60_000)
        qtbot.waitUntil(lambda: station.speaking_view.frames_shown > 2, timeout=60_000)
        # the panel names the plan's judge; the support person (unmasked in this plan) is with the witness
        assert "HHJ Demo" in station.who.text()
        # the witness takes a break: the console shows it, the timeline has it
        qtbot.waitUntil(station.break_button.isEnabled, timeout=30_000)
        qtbot.mouseClick(station.break_button, Qt.MouseButton.LeftButton)
        assert station.stack.currentWidget() is station.break_page
        qtbot.waitUntil(lambda: live.c.state is State.BREAK, timeout=30_000)
        qtbot.waitUntil(lambda: live.banner.isVisible() and "witness asked" in live.banner.text(), timeout=5_000)
        live.tick_schedule()
        assert live.timeline.actual and live.timeline.actual[-1].label == "witness"
        qtbot.mouseClick(station.ready_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: live.c.state is State.LIVE, timeout=30_000)
        # the clerk's planned break is taken at the witness station; only the witness ends it
        qtbot.waitUntil(live.break_btn.isEnabled, timeout=30_000)
        qtbot.mouseClick(live.break_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: station.stack.currentWidget() is station.break_page, timeout=30_000)
        qtbot.waitUntil(lambda: live.c.state is State.BREAK, timeout=30_000)
        # (the banner follows the session's event on the GUI thread, a moment after the state)
        qtbot.waitUntil(lambda: "planned break" in live.banner.text(), timeout=10_000)
        qtbot.mouseClick(station.ready_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: live.c.state is State.LIVE, timeout=30_000)
        assert [b["by"] for b in live.c.session.lifecycle.breaks] == ["witness", "clerk"]
        assert [b["by"] for b in flow.session.lifecycle.breaks] == ["witness", "clerk"]
        # the clerk ends and seals
        box = live.confirm_end()
        end = next(b for b in box.buttons() if b.text() == "End and seal")
        qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: live.c.state is State.SEALED, timeout=60_000)
        qtbot.waitUntil(lambda: flow.summary is not None, timeout=60_000)
        assert (
            "finished" in station.link_status.text() and "camera and microphone are off" in station.link_status.text()
        )
        assert flow.session.pipeline.finished.is_set()
        assert "reconnects" not in station.link_status.text()
        kinds = {r.meta.get("kind") for r in court_vault.list()}
        assert {"received-masked", "session"} <= kinds
        received = next(r for r in court_vault.list() if r.meta.get("kind") == "received-masked")
        assert received.meta["case_number"] == "R-2026-0917"
        assert [t["language"] for t in received.meta["tracks"]] == ["deu", "pol"]
        audiences = {a["audience"]: a["sees"] for a in flow.summary["panel_audiences"]}
        assert audiences["judge"] == "face" and audiences["court"] == "covered face"
        assert flow.summary["ended_by"] == "court"
        assert any(p.role is Role.JUDGE and p.name == "HHJ Demo" for p in flow.session.plan.participants)
    finally:
        if console.session_running():  # a step failed: end the hearing, no link thread outlives the test
            console.live.c.session.end()
        flow.close()
        court_ops.shutdown(wait=True)
        witness_ops.shutdown(wait=True)


def plan_summary(console: ClerkConsole) -> str:
    console.form._fill_summary()
    return console.form.summary_text()
