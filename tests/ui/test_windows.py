"""Each window constructs and shows; the clerk form validates; the clerk console runs a session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from recording.model import Audience
from recording.session import Role, State
from ui.clerk.console import ClerkConsole
from ui.review.judge import JudgeReview
from ui.session import SessionController, SessionHub
from ui.start import StartWindow
from ui.theme import COURT, WITNESS, stylesheet
from ui.witness.station import WitnessStation, who_can_see_me


def _all_controls_named(w: QWidget) -> list[str]:
    missing = []
    for child in w.findChildren(QPushButton) + w.findChildren(QComboBox):
        if not child.accessibleName() and child.isVisibleTo(w):
            missing.append(child.text() if isinstance(child, QPushButton) else child.objectName())
    return missing


def test_themes_render_all_variables():
    for name in (COURT, WITNESS):
        for hc in (False, True):
            css = stylesheet(name, hc)
            assert "$" not in css and "QPushButton" in css


def test_start_window_buttons(qtbot):
    w = StartWindow()
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.witness_requested, timeout=1000):
        qtbot.mouseClick(w.buttons["witness"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(w.remote_witness_requested, timeout=1000):
        qtbot.mouseClick(w.buttons["remote_witness"], Qt.MouseButton.LeftButton)
    assert [b.accessibleName() for b in w.buttons.values()] == ["Clerk console", "Witness station",
                                                                "Remote witness station", "Judge review",
                                                                "Interpreter station"]
    for b in w.buttons.values():  # each description fits its button (they were cut off on both sides)
        widest = max(b.fontMetrics().horizontalAdvance(line) for line in b.text().split("\n"))
        assert b.width() > widest and b.height() >= 110


def test_clerk_form_validation(qtbot, clerk_console):
    w, created = clerk_console
    form = w.form
    qtbot.mouseClick(form.create, Qt.MouseButton.LeftButton)
    assert "case number" in form.error.text()
    form.case_number.setText("T2026-0142")
    qtbot.mouseClick(form.create, Qt.MouseButton.LeftButton)
    assert "pseudonym" in form.error.text()
    form.pseudonym.setText("Witness B")
    qtbot.mouseClick(form.create, Qt.MouseButton.LeftButton)
    assert "no name" in form.error.text()
    form.fill_demo()
    form.case_number.setText("T2026-0142")
    form.languages.setText("spanish")
    qtbot.mouseClick(form.create, Qt.MouseButton.LeftButton)
    assert "ISO 639-2" in form.error.text()
    form.languages.setText("spa, fra")
    combo = form.table.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData(Role.DEFENCE))
    qtbot.mouseClick(form.create, Qt.MouseButton.LeftButton)
    assert "judge" in form.error.text()
    combo.setCurrentIndex(combo.findData(Role.JUDGE))
    form.add_participant("Ana Interpreter", Role.INTERPRETER, "eng>spa")
    qtbot.mouseClick(form.create, Qt.MouseButton.LeftButton)
    assert form.error.text() == ""
    qtbot.waitUntil(lambda: bool(created), timeout=3000)
    plan = created[0]
    assert plan.case_number == "T2026-0142" and plan.languages == ("spa", "fra")
    assert {p.role for p in plan.participants} >= {Role.JUDGE, Role.INTERPRETER, Role.WITNESS, Role.SUPPORT}
    assert plan.unmasked(Audience.JUDGE) and not plan.unmasked(Audience.COURT)
    assert not _all_controls_named(w)


def test_clerk_console_runs_a_session(qtbot, runner, fake_session):
    hub = SessionHub()
    w = ClerkConsole(fake_session, runner, hub)
    qtbot.addWidget(w)
    w.show()
    w.form.fill_demo()
    with qtbot.waitSignal(w.session_created, timeout=5000):
        qtbot.mouseClick(w.form.create, Qt.MouseButton.LeftButton)
    live = w.live
    assert hub.controller is w.controller
    qtbot.mouseClick(live.start_btn, Qt.MouseButton.LeftButton)
    assert w.controller.state is State.LIVE
    qtbot.waitUntil(lambda: live.preview.frames_shown > 3, timeout=5000)
    qtbot.waitUntil(lambda: live.meter.level_db > -30, timeout=3000)
    qtbot.waitUntil(lambda: "face covered" in live.mask_labels[Audience.COURT].text(), timeout=3000)
    assert "unmasked" in live.mask_labels[Audience.JUDGE].text()
    # a voice mask that missed its deadline is a visible notice for the masked audiences only
    w.controller.pipeline.status.voice_failed_blocks = 3
    qtbot.waitUntil(lambda: "3 blocks silenced" in live.mask_labels[Audience.COURT].text(), timeout=3000)
    assert "silenced" not in live.mask_labels[Audience.JUDGE].text()
    w.controller.pipeline.status.voice_failed_blocks = 0
    qtbot.mouseClick(live.rec_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: live.rec_btn.text() == "Stop recording", timeout=3000)
    qtbot.mouseClick(live.break_btn, Qt.MouseButton.LeftButton)
    assert w.controller.state is State.BREAK
    assert live.banner.isVisible() and "planned break" in live.banner.text().lower()
    # the clerk cannot end a break: the witness says when they are ready
    assert not live.break_btn.isEnabled() and "witness resumes" in live.break_btn.text()
    qtbot.mouseClick(live.break_btn, Qt.MouseButton.LeftButton)
    assert w.controller.state is State.BREAK
    w.controller.end_break()  # what the witness station's "I'm ready to continue" does
    qtbot.waitUntil(lambda: not live.banner.isVisible(), timeout=2000)
    assert live.break_btn.isEnabled()
    qtbot.waitUntil(lambda: live.events.count() >= 5, timeout=2000)
    # sealing cannot be undone: the clerk confirms; "Keep going" changes nothing
    qtbot.mouseClick(live.end_btn, Qt.MouseButton.LeftButton)
    box = live.end_box
    assert box is not None and box.isVisible()
    keep = next(b for b in box.buttons() if b.text() == "Keep going")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: live.end_box is None, timeout=2000)
    assert w.controller.state is State.LIVE
    qtbot.mouseClick(live.end_btn, Qt.MouseButton.LeftButton)
    end = next(b for b in live.end_box.buttons() if b.text() == "End and seal")
    with qtbot.waitSignal(w.controller.ended, timeout=10000):
        qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    assert "0123456789abcdef" in live.result.text()
    assert w.controller.state is State.SEALED
    # the clerk can plan the next session without restarting the app
    assert live.new_btn.isVisible()
    qtbot.mouseClick(live.new_btn, Qt.MouseButton.LeftButton)
    assert w.live is None and w.stack.currentIndex() == 0 and w.form.isVisible()
    w.form.fill_demo()
    with qtbot.waitSignal(w.session_created, timeout=5000):
        qtbot.mouseClick(w.form.create, Qt.MouseButton.LeftButton)
    assert w.live is not None and w.controller.state is State.DRAFT
    assert not _all_controls_named(w)
    w.close()


def test_witness_station_without_session(qtbot):
    w = WitnessStation(SessionHub())
    qtbot.addWidget(w)
    w.show()
    assert not w.break_button.isEnabled()
    assert "not started" in w.who.text()
    assert not _all_controls_named(w)


def test_judge_review_without_vault(qtbot, runner):
    w = JudgeReview(None, runner)
    qtbot.addWidget(w)
    w.show()
    assert "No vault" in w.message.text()
    assert not _all_controls_named(w)


def test_who_can_see_me_never_mentions_the_accused(fake_session):
    s = fake_session()
    plan = s.plan
    for state in State:
        text = " ".join(who_can_see_me(plan, state, True)).lower()
        assert "accused can" not in text.replace("cannot", "")
    live = who_can_see_me(plan, State.LIVE, True)
    assert any("HHJ Demo" in line and "your face" in line for line in live)
    assert any("face covered" in line for line in live)
    brk = who_can_see_me(plan, State.BREAK, True)
    assert len(brk) == 1 and "Support worker" in brk[0]


def test_controller_signals_break(qtbot, runner, fake_session):
    s = fake_session()
    c = SessionController(s, runner)
    c.go_live()
    with qtbot.waitSignal(c.break_started, timeout=1000) as blocker:
        s.request_break("clerk")  # from outside the UI: the poll notices
    assert blocker.args == ["clerk"]
    c.stop_polling()
