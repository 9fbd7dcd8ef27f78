"""What drives the interpreter station's sound: the link to the court (:class:`InterpreterRunner`, on
a background asyncio loop) or, before admission, the rehearsal (:class:`RehearsalEngine`: the demo
floor and the station's own microphone on a local clock, nothing sent, nothing recorded).

Both feed the same :class:`recording.booth.HeadphoneMix` (what the interpreter hears) and read the
same :class:`recording.booth.BoothMicrophone` (open on air, closed by the cough key).  Signals reach
the window queued on the GUI thread."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal

from recording.booth import BoothMicrophone, BoothView, HeadphoneMix
from recording.transport.interpreter import BLOCK, InterpreterLink
from recording.transport.invite import Invite
from ui.link.loop import LoopThread, run_link

log = logging.getLogger("testimony_shield.ui.interpreter")


class InterpreterRunner(QObject):
    """Joins the court with an :class:`InterpreterLink`; ``state_changed`` follows the link's state
    ("idle", "waiting", "live", "reconnecting", "ended"), ``booth_changed`` every booth message."""

    state_changed = Signal(str)
    booth_changed = Signal(object)  # BoothView
    refused = Signal(str)  # a booth request the court refused (plain words)
    failed = Signal(str)
    finished = Signal(object)  # the link's stats dict

    def __init__(
        self, loop: LoopThread, invite: Invite, language: str, microphone: BoothMicrophone, mix: HeadphoneMix
    ) -> None:
        super().__init__()
        self._loop = loop
        self.invite = invite
        self.microphone = microphone
        self.mix = mix
        self.view = BoothView()
        self._leave = False
        self._state = "idle"
        self._errors = 0
        if mix.on_own not in microphone.taps:
            microphone.taps.append(mix.on_own)
        self.link = InterpreterLink(
            invite,
            language,
            microphone,
            on_floor=[mix.on_floor],
            on_return=[mix.on_return],
            on_booth=[self._booth],
        )
        self.safety_code = self.link.safety_code

    def _booth(self, msg: dict[str, Any]) -> None:  # link thread
        view = BoothView.parse(msg)
        self.view = view
        self.microphone.set_open(view.microphone_open)
        self.mix.own_on_air = view.you_on_air
        self.booth_changed.emit(view)

    def _watch(self) -> None:  # link thread: the link's state, and refusals, as signals
        state = "ended" if self.link.ended_by else self.link.state
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)
        if len(self.link.court_errors) > self._errors:
            self._errors = len(self.link.court_errors)
            self.refused.emit(self.link.court_errors[-1])

    def start(self, duration: float = 24 * 3600.0, admit_timeout: float = 3600.0) -> None:
        self._loop.submit(self._run(duration, admit_timeout))

    async def _run(self, duration: float, admit_timeout: float) -> None:
        link = self.link

        async def body() -> str:
            self.state_changed.emit("joining")
            await link.join(admit_timeout=admit_timeout)
            await link.start_media()
            await link.run(duration) if not self._leave else None
            return "the interpreter left" if self._leave else "the session ended"

        watcher = asyncio.ensure_future(self._watching())
        try:
            await run_link(link, body, self.failed.emit, log, "the interpreter link")
        finally:
            watcher.cancel()
        self.microphone.set_open(False)
        self._state = "ended"
        self.state_changed.emit("ended")
        self.finished.emit(link.stats())

    async def _watching(self) -> None:
        while True:
            self._watch()
            if self._leave and self.link.state in ("live", "waiting"):
                self.link.ended_by = self.link.ended_by or "the interpreter left"
            await asyncio.sleep(0.1)

    def hand_over(self, seconds: float) -> None:
        self._loop.submit(self.link.control({"type": "handover", "seconds": float(seconds)}))

    def cancel_handover(self) -> None:
        self._loop.submit(self.link.control({"type": "handover_cancel"}))

    def listen(self, channel: str) -> None:
        self._loop.submit(self.link.control({"type": "listen", "channel": channel}))

    def leave(self) -> None:
        """Leave the hearing (the court is told; the microphone closes)."""
        self._leave = True
        self.microphone.set_open(False)

        async def bye() -> None:
            await self.link.close("the interpreter left")
            self.link.ended_by = self.link.ended_by or "the interpreter left"

        self._loop.submit(bye())


class RehearsalEngine:
    """Practice before admission: the demo floor in the headphones, the interpreter's own voice as the
    return, the microphone on air (so the meter and cough work), a hand-over countdown to try.  A
    thread on a 20 ms clock; nothing is sent or recorded."""

    def __init__(self, floor: Any, microphone: BoothMicrophone, mix: HeadphoneMix) -> None:
        self.floor = floor
        self.microphone = microphone
        self.mix = mix
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.blocks = 0
        self.error = ""

    def start(self) -> None:
        self.floor.open()
        self.microphone.set_open(True)
        self.mix.own_on_air = True
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="interpreter-rehearsal", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        t0 = time.monotonic()
        while not self._stop.is_set():
            try:
                floor = np.asarray(self.floor.read(BLOCK), np.float32)
                self.microphone.read(BLOCK)  # the tap gives the mix the interpreter's own voice
                self.mix.on_floor(floor)
            except Exception as exc:  # a device went away: say so, stop the practice
                self.error = type(exc).__name__
                log.info("rehearsal stopped: %s", self.error)
                return
            self.blocks += 1
            due = t0 + self.blocks * BLOCK / 48_000
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
        self._thread = None
        self.microphone.set_open(False)
        self.mix.own_on_air = False
        try:
            self.floor.close()
        except Exception:
            log.debug("closing the rehearsal floor failed")

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


class ChimeSource:
    """The headphones' test: a soft two-note chime every ``period`` seconds, silence between."""

    rate, live, name = 48_000, False, "test chime"

    def __init__(self, period: float = 3.0) -> None:
        self.period = period
        self._pos = 0

    def open(self) -> None:
        self._pos = 0

    def close(self) -> None:
        pass

    def read(self, n: int) -> np.ndarray:
        t = (self._pos + np.arange(n)) / self.rate
        self._pos += n
        phase = np.mod(t, self.period)
        freq = np.where(phase < 0.25, 660.0, 880.0)
        tone = 0.12 * np.sin(2 * np.pi * freq * t) * (phase < 0.5)
        return tone.astype(np.float32)
