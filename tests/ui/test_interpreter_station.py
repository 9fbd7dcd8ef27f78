"""The interpreter station's window against a real court station (signalling, WebRTC) in this
process: safety code in the waiting room, ON AIR / OFF AIR, the hand-over countdown on both
windows, the cough key, relay, the witness's break, practice before admission and the device test."""

from __future__ import annotations

import asyncio
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from recording.model import AUDIO_RATE
from recording.session import demo_plan
from recording.sources.devices import DeviceInfo
from recording.transport.court import CourtStation
from recording.transport.invite import parse_invite
from tests.integration.test_link import court_key
from ui.interpreter.engine import ChimeSource, InterpreterRunner
from ui.interpreter.station import InterpreterStation
from ui.link.loop import LoopThread


class Tone:
    rate, live, name = AUDIO_RATE, False, "tone"

    def __init__(self, freq: float) -> None:
        self.freq, self._pos = freq, 0

    def open(self) -> None:
        self._pos = 0

    def close(self) -> None:
        pass

    def read(self, n: int) -> np.ndarray:
        t = (self._pos + np.arange(n)) / AUDIO_RATE
        self._pos += n
        return (0.25 * np.sin(2 * np.pi * self.freq * t)).astype(np.float32)


class Headphones:
    def __init__(self) -> None:
        self.blocks: list[np.ndarray] = []
        self.lock = threading.Lock()
        self.closed = False

    def push(self, samples: np.ndarray, start: int | None = None) -> None:
        with self.lock:
            self.blocks.append(np.asarray(samples).copy())
            del self.blocks[:-50]

    def close(self) -> None:
        self.closed = True

    def level(self, freq: float, blocks: int = 25) -> float:
        with self.lock:
            x = np.concatenate(self.blocks[-blocks:]) if self.blocks else np.zeros(960, np.float32)
        t = np.arange(len(x)) / AUDIO_RATE
        return float(2 * abs(np.mean(x * np.exp(-2j * np.pi * freq * t))))


def station(loop: LoopThread, invite, freq: float, phones: Headphones) -> InterpreterStation:
    return InterpreterStation(
        "spa",
        "T2026-0142",
        runner_factory=lambda mic, mix: InterpreterRunner(loop, invite, "spa", mic, mix),
        list_microphones=lambda: [DeviceInfo("3", "USB headset", "microphone")],
        list_headphones=lambda: [DeviceInfo("4", "USB headset", "speaker")],
        open_microphone=lambda device: Tone(freq),
        open_headphones=lambda device: phones,
        practice_floor=lambda: Tone(300.0),
        test_tone=ChimeSource,
    )


def key(w, k: Qt.Key, release: bool = False) -> None:
    kind = QEvent.Type.KeyRelease if release else QEvent.Type.KeyPress
    QApplication.sendEvent(w.focusWidget() or w, QKeyEvent(kind, k, Qt.KeyboardModifier.NoModifier))


@pytest.fixture()
def court_loop():
    loop = LoopThread("test-court")
    court = CourtStation(plan=demo_plan(languages=("spa", "fra")))
    loop.submit(court.open()).result(10)
    serving = loop.submit(court.serve(duration=60, join_timeout=60))
    yield loop, court
    court.end()
    serving.result(15)
    loop.stop()


def test_two_interpreters_hand_over_in_windows(qtbot, court_loop):
    loop, court = court_loop
    pub, sk = court_key()

    async def invites():
        return [
            parse_invite(court.interpreter_invitation(pub, sk.sign, "spa", name=n)) for n in ("Ana", "Bruno")
        ]

    ia, ib = loop.submit(invites()).result(10)
    pa, pb = Headphones(), Headphones()
    a, b = station(loop, ia, 660.0, pa), station(loop, ib, 880.0, pb)
    for w in (a, b):
        qtbot.addWidget(w)
        w.show()
    assert a.code.text().replace(" ", "").isdigit() and len(a.code.text().replace(" ", "")) == 6
    assert "NOT ON AIR" in a.banner.text()
    # practice before admission: the practice floor in the headphones, own voice as the return
    qtbot.mouseClick(a.practise, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pa.level(300.0) > 0.1 and pa.level(660.0) > 0.02, timeout=5000)
    assert a.banner.objectName() == "practice" and a.microphone.sending
    a.practise.setChecked(False)
    assert not a.microphone.sending
    a.runner.start(duration=60)
    qtbot.waitUntil(lambda: a.state == "live" and a.view.you_on_air, timeout=15000)
    b.runner.start(duration=60)
    qtbot.waitUntil(
        lambda: b.state == "live" and bool(b.view.stations) and a.view.partner is not None, timeout=15000
    )
    assert a.banner.objectName() == "onAir" and "ON AIR" in a.banner.text() and a.banner.accessibleName()
    assert b.banner.objectName() == "offAir" and "Ana" in b.banner.text()
    assert not a.join_box.isVisible() and a.handover.isEnabled() and not b.handover.isEnabled()
    # Bruno hears the floor... there is no witness here: he hears Ana as the return while off air
    qtbot.waitUntil(lambda: pb.level(660.0) > 0.02, timeout=5000)
    # Ana presses H: both windows count down; Bruno's microphone opens
    b.handover_seconds.setValue(3)
    a.handover_seconds.setValue(3)
    a.activateWindow()
    qtbot.waitUntil(a.isActiveWindow, timeout=2000)
    key(a, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: a.countdown.isVisible() and b.countdown.isVisible(), timeout=3000)
    assert "Bruno" in a.countdown.text() and "Ana" in b.countdown.text() and b.microphone.sending
    t0 = time.monotonic()
    qtbot.waitUntil(lambda: b.view.you_on_air and b.banner.objectName() == "onAir", timeout=30_000)
    assert time.monotonic() - t0 > 2.5  # never before the countdown ends
    qtbot.waitUntil(lambda: a.banner.objectName() == "offAir" and not a.countdown.isVisible(), timeout=2000)
    # the cough key on the station on air: held, the microphone is closed and the banner says so
    b.activateWindow()
    qtbot.waitUntil(b.isActiveWindow, timeout=2000)
    key(b, Qt.Key.Key_C)
    assert b.microphone.cough and not b.microphone.sending and b.banner.objectName() == "cough"
    key(b, Qt.Key.Key_C, release=True)
    assert b.microphone.sending and b.banner.objectName() == "onAir"
    # Ana (off air) cannot hand over; the window says why
    a.hand_over()
    assert "Only the interpreter on air" in a.on_air_line.text() + a.partner_line.text()
    # relay: Ana listens to the French channel
    assert a.source.findData("fra") >= 0
    a.source.setCurrentIndex(a.source.findData("fra"))
    qtbot.waitUntil(lambda: a.view.listening == "fra", timeout=5000)
    # the witness goes on a break: both windows say so
    loop.call(court.booths.set_witness, "break")
    qtbot.waitUntil(lambda: "break" in a.speaking.text() and "break" in b.speaking.text(), timeout=3000)
    b.leave()
    qtbot.waitUntil(lambda: a.view.you_on_air, timeout=5000)  # the partner left: Ana is on air again


def test_device_test_plays_a_chime_then_your_voice(qtbot):
    phones = Headphones()
    w = InterpreterStation(
        "spa",
        open_microphone=lambda d: Tone(500.0),
        open_headphones=lambda d: phones,
        test_tone=ChimeSource,
        practice_floor=lambda: Tone(300.0),
    )
    qtbot.addWidget(w)
    w.show()
    w.test.setChecked(True)
    qtbot.waitUntil(lambda: phones.level(500.0) > 0.15 and w.meter.level_db > -20, timeout=5000)
    w.test.setChecked(False)
    assert not w.microphone.sending and w.rehearsal is None


def test_no_devices_is_said_plainly(qtbot):
    def broken(device: str):
        raise OSError("no PortAudio device")

    w = InterpreterStation("spa", open_microphone=broken, open_headphones=broken)
    qtbot.addWidget(w)
    assert "No headphones found" in w.device_note.text() and "could not be opened" in w.device_note.text()
    asyncio.set_event_loop_policy(None)
