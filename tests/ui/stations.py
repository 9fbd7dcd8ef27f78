"""Every station window of the app, built as a user meets it (fake sessions on the demo source, no
devices), for the accessibility and translation tests and for the AT-SPI probe
(``tests/ui/atspi_app.py``), which opens the same windows under Xvfb with the screen-reader bridge."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from recording.booth import BoothView
from recording.pipeline import SessionPipeline
from recording.session import SessionPlan, demo_plan
from recording.sources.demo import DemoVideoSource
from recording.sources.devices import DeviceInfo
from tests.helpers.fake_session import SMALL, FakeLiveSession
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.helpers.sources import ToneSource
from ui.concurrency import OpRunner


def rehearsal_factory(plan: SessionPlan | None) -> SessionPipeline:
    languages = plan.languages if plan is not None else ()
    return SessionPipeline(
        plan or demo_plan(),
        DemoVideoSource(SMALL, 30),
        ToneSource(),
        BoxMasker((100, 40, 220, 160)),
        GainVoice,
        interpreters={lang: ToneSource() for lang in languages},
        realtime=True,
    )


def interpreter_on_air() -> QWidget:
    """The interpreter station in the booth, on air, with a partner (as after admission)."""
    from ui.interpreter.station import InterpreterStation

    w = InterpreterStation(
        "spa",
        "T2026-0142",
        list_microphones=lambda: [DeviceInfo("3", "Headset", "microphone")],
        list_headphones=lambda: [DeviceInfo("4", "Headset", "speaker")],
    )
    w._state("live")
    w._booth(
        BoothView(
            language="spa",
            you="a",
            on_air="a",
            witness="live",
            sources=["floor", "fra"],
            stations=[
                {"id": "a", "name": "Ana", "connected": True},
                {"id": "b", "name": "Bruno", "connected": True},
            ],
        )
    )
    return w


def build(runner: OpRunner, sessions: list[FakeLiveSession], vault: Any = None) -> dict[str, QWidget]:
    """name → window (not shown).  ``sessions`` collects the fake sessions (stop their pipelines)."""
    from desktop.settings import Settings
    from ui.clerk.console import ClerkConsole
    from ui.review.judge import JudgeReview
    from ui.session import SessionController, SessionHub
    from ui.settings_dialog import SettingsDialog
    from ui.start import StartWindow
    from ui.witness.station import WitnessStation

    def session(plan: SessionPlan | None = None) -> FakeLiveSession:
        s = FakeLiveSession(plan or demo_plan(("spa",)))
        sessions.append(s)
        return s

    windows: dict[str, QWidget] = {
        "start": StartWindow(note="/srv/vault"),
        "settings": SettingsDialog(Settings, lambda s: None, list_cameras=list, list_microphones=list),
        "clerk": ClerkConsole(session, runner),
        "interpreter": interpreter_on_air(),
        "judge": JudgeReview(vault, runner),
    }
    hub = SessionHub()
    live = SessionController(session(), runner)
    windows["clerk_live"] = ClerkConsole(session, runner, hub=hub, controller=live)
    hub.set_controller(live)
    witness = WitnessStation(hub, speaker_factory=None, rehearsal_factory=rehearsal_factory)
    windows["witness"] = witness
    live.go_live()
    return windows


def rehearsal(witness: Any) -> QWidget:
    """The witness's rehearsal dialog, opened from the station."""
    return witness.open_rehearsal()


Builder = Callable[[OpRunner, list[FakeLiveSession]], dict[str, QWidget]]
