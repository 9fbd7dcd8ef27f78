"""The witness's break button curtains the court's picture at once, with no confirmation."""

from __future__ import annotations

import threading
import time

import numpy as np
from PySide6.QtCore import Qt

from recording.model import Audience, Decision
from recording.session import State
from ui.session import SessionController, SessionHub
from ui.witness.station import WitnessStation


class CourtWatch:
    """What the court (COURT audience) received last, and when the first curtain after ``armed`` came."""

    def __init__(self) -> None:
        self.last: Decision | None = None
        self.armed_at: float | None = None
        self.curtained_at: float | None = None
        self.curtain_image: np.ndarray | None = None
        self.lock = threading.Lock()

    def on_video(self, audience, image, index, pts, decision) -> None:
        with self.lock:
            self.last = decision
            if self.armed_at is not None and self.curtained_at is None and decision is Decision.CURTAINED:
                self.curtained_at = time.monotonic()
                self.curtain_image = image

    def on_audio(self, audience, channel, samples, start_sample) -> None:
        pass


def _station(qtbot, runner, session):
    hub = SessionHub()
    w = WitnessStation(hub)
    qtbot.addWidget(w)
    w.show()
    c = SessionController(session, runner)
    hub.set_controller(c)
    c.go_live()
    return w, c


def test_break_button_curtains_the_court_at_once(qtbot, runner, fake_session):
    session = fake_session()
    watch = CourtWatch()
    session.pipeline.subscribe({Audience.COURT}, watch)
    w, c = _station(qtbot, runner, session)
    qtbot.waitUntil(lambda: w.self_view.frames_shown > 2, timeout=5000)
    qtbot.waitUntil(lambda: watch.last is Decision.DETECTED, timeout=3000)
    assert w.break_button.isEnabled()
    assert "HHJ Demo" in w.questioner.text()

    watch.armed_at = time.monotonic()
    qtbot.mouseClick(w.break_button, Qt.MouseButton.LeftButton)
    # no dialog, no reason: the state changed synchronously and the break screen is up
    assert c.state is State.BREAK
    assert w.stack.currentWidget() is w.break_page
    assert session.lifecycle.breaks[-1]["by"] == "witness"
    qtbot.waitUntil(lambda: watch.curtained_at is not None, timeout=1000)
    assert watch.curtained_at - watch.armed_at < 0.2  # the brief's 200 ms target
    assert "Support worker" in w.who.text() and "Nobody except" in w.who.text()

    qtbot.waitUntil(lambda: w.timer_label.text() != "", timeout=1000)
    qtbot.mouseClick(w.ready_button, Qt.MouseButton.LeftButton)
    assert c.state is State.LIVE
    assert w.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: watch.last is Decision.DETECTED, timeout=2000)
    c.stop_polling()
    w.close()


def test_break_shortcut_keys(qtbot, runner, fake_session):
    session = fake_session()
    w, c = _station(qtbot, runner, session)
    with qtbot.waitActive(w):
        w.activateWindow()
    qtbot.keyClick(w.break_button, Qt.Key.Key_B)
    assert c.state is State.BREAK
    qtbot.keyClick(w.ready_button, Qt.Key.Key_Space)  # Space on the break screen never ends or restarts a break
    assert c.state is State.BREAK
    w.resume()
    qtbot.keyClick(w.break_button, Qt.Key.Key_Space)
    assert c.state is State.BREAK
    assert len(session.lifecycle.breaks) == 2
    c.stop_polling()


def test_break_started_elsewhere_shows_break_screen(qtbot, runner, fake_session):
    session = fake_session()
    w, c = _station(qtbot, runner, session)
    session.request_break("clerk")
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.break_page, timeout=1000)
    session.end_break()
    qtbot.waitUntil(lambda: w.stack.currentIndex() == 0, timeout=1000)
    c.stop_polling()


def test_self_view_is_masked(qtbot, runner, fake_session):
    """The witness's self-view is the masked picture (BoxMasker blacks out its box)."""
    session = fake_session()
    w, c = _station(qtbot, runner, session)
    qtbot.waitUntil(lambda: w.self_view.current_image() is not None, timeout=5000)
    img = w.self_view.current_image()
    # the fake masker's box (100,40)-(220,160) is black in the self-view
    assert img.pixelColor(160, 100).value() == 0
    c.stop_polling()


def test_speaking_card_follows_the_hearing(qtbot, runner, fake_session):
    """"Judge — … (speaking)" only while the hearing runs: it used to stay after the end."""
    hub = SessionHub()
    w = WitnessStation(hub, language="es")
    qtbot.addWidget(w)
    w.show()
    c = SessionController(fake_session(), runner)
    hub.set_controller(c)
    assert "HHJ Demo" not in w.questioner.text() and w.questioner.text()
    c.go_live()
    qtbot.waitUntil(lambda: "HHJ Demo" in w.questioner.text(), timeout=2000)
    with qtbot.waitSignal(c.ended, timeout=10000):
        c.end()
    qtbot.waitUntil(lambda: "HHJ Demo" not in w.questioner.text(), timeout=2000)
    assert w.questioner.text() == w.tr("The hearing has finished. Thank you.")
    assert w.questioner.text() != "The hearing has finished. Thank you."  # in the witness's language
