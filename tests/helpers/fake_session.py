"""A live session for the window tests: LiveSession's interface (``recording.service.LiveSessionService``,
checked by mypy through :data:`_CHECK`) on a real pipeline (the demo witness at 320x180, instant fake
maskers), with no vault: recording is simulated."""

from __future__ import annotations

import threading
import time

from recording.audio.mixer import InterpreterDesks
from recording.pipeline import SessionPipeline
from recording.schedule import BreakSchedule
from recording.service import LiveSessionService, SessionSummary
from recording.session import EventKind, SessionLifecycle, SessionPlan, State
from recording.sources.demo import DemoVideoSource
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.helpers.sources import ToneSource

SMALL = (320, 180)


class FakeLiveSession:
    def __init__(self, plan: SessionPlan) -> None:
        plan.validate()
        self.plan = plan
        self.lifecycle = SessionLifecycle(plan)
        self.schedule: BreakSchedule | None = None
        self.desks: InterpreterDesks | None = None
        self.video = DemoVideoSource(SMALL, 30)
        self.pipeline = SessionPipeline(plan, self.video, ToneSource(), BoxMasker((100, 40, 220, 160)),
                                        GainVoice, realtime=True)
        self.recording = False
        self.ended = threading.Event()

    @property
    def is_recording(self) -> bool:
        return self.recording

    def go_live(self) -> None:
        if self.lifecycle.state is State.DRAFT:
            self.lifecycle.transition(State.WAITING)
        self.pipeline.start()
        self.lifecycle.transition(State.LIVE)

    def start_recording(self) -> None:
        time.sleep(0.05)
        self.recording = True
        self.lifecycle.log(EventKind.RECORDING, "started")

    def stop_recording(self) -> list[object]:
        self.recording = False
        self.lifecycle.log(EventKind.RECORDING, "stopped and sealed")
        return []

    def request_break(self, by: str = "witness") -> None:
        if self.lifecycle.state is not State.LIVE:
            return
        t = self.pipeline.set_break(True)
        self.lifecycle.start_break(by, t)

    def end_break(self) -> None:
        if self.lifecycle.state is not State.BREAK:
            return
        t = self.pipeline.set_break(False)
        self.lifecycle.end_break(t)

    def end(self) -> SessionSummary:
        if self.lifecycle.state is State.BREAK:
            self.end_break()
        self.stop_recording()
        self.pipeline.stop()
        if self.lifecycle.state in (State.LIVE, State.WAITING):
            self.lifecycle.transition(State.ENDED)
        if self.lifecycle.state is State.ENDED:
            self.lifecycle.transition(State.SEALED, "recordings sealed in the vault")
        self.ended.set()
        return SessionSummary(recordings=[{"id": "0123456789abcdef", "kind": "masked"}])


def _check(plan: SessionPlan) -> LiveSessionService:
    return FakeLiveSession(plan)  # mypy: the fake has every member of the real interface
