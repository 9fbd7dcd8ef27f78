"""The witness station's join flow: the safety code to compare with the court (by phone, before the
clerk admits), the connection status ("in the waiting room", "live", "reconnecting…"), the
"Speaking to you" panel (the court's camera of the judge or questioner — never the accused: the
link drops any other track), the witness's own masked self-view, and — when the caller hands in the
live session — "I need a break" / "I'm ready to continue" (the break is signalled to the court).
The local recording is started by the caller on admission and keeps running through reconnections;
when the clerk ends the session from the court, the runner finishes and the caller seals."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from recording.model import Audience
from recording.pipeline import SessionPipeline
from recording.session import ROLE_LABELS, Role
from recording.transport import tracks as labels
from recording.transport.errors import LinkError
from recording.transport.invite import Invite
from recording.transport.witness import LinkFeed, WitnessLink
from ui.link.loop import LoopThread
from ui.link.status import witness_text
from ui.widgets.video_view import PipelineFeed, VideoView

log = logging.getLogger("testimony_shield.ui.link.witness")

SPEAKING_PLACEHOLDER = "The person speaking to you appears here"


class SpeakingConsumer(QObject):
    """The court's camera for the "Speaking to you" panel (link thread: stores the newest frame;
    the caption follows the track's role, queued to the GUI thread)."""

    speaker_changed = Signal(str)

    def __init__(self, view: VideoView) -> None:
        super().__init__()
        self.view = view
        self.frames = 0
        self.label = ""

    def on_court_video(self, label: str, frame: Any, arrival: float) -> None:
        if not labels.is_to_witness(label):  # never shown: the link already refused it
            return
        self.frames += 1
        self.view.set_frame(frame.to_ndarray(format="bgr24"))
        if label != self.label:
            self.label = label
            role = labels.role_of(label)
            self.speaker_changed.emit(ROLE_LABELS.get(Role(role), role) if role else "")


class WitnessLinkRunner(QObject):
    """Joins the court with a :class:`WitnessLink` on a :class:`LoopThread`; signals are queued to
    the GUI thread.  ``on_admitted`` runs on the link's thread when the clerk admits (start the
    local recording there); ``done()`` ends the session when true (e.g. the pipeline finished)."""

    state_changed = Signal(str)
    failed = Signal(str)
    finished = Signal(object)  # the link's stats dict

    def __init__(self, loop: LoopThread, invite: Invite, pipeline: SessionPipeline,
                 media: dict[str, Any] | None = None, on_admitted: Callable[[], None] | None = None,
                 done: Callable[[], bool] | None = None, remote_channels: dict[str, Any] | None = None,
                 on_court_break: Callable[[], None] | None = None) -> None:
        """``remote_channels``: the pipeline's language sources that play a remote interpreter's channel
        (:class:`recording.transport.witness.RemoteInterpretation`) when the court forwards one.
        ``on_court_break()``: the clerk started a planned break (on the link's thread): take it here."""
        super().__init__()
        self._loop = loop
        self.invite = invite
        self.pipeline = pipeline
        self.media = dict(media or {})
        self._on_admitted = on_admitted
        self._done = done or pipeline.finished.is_set
        self._leave = False
        self.link: WitnessLink | None = None
        self.safety_code = ""

        async def make() -> WitnessLink:
            feed = LinkFeed(asyncio.get_running_loop())
            feed.attach(pipeline, judge=invite.media.get("judge_monitor") is True)
            link = WitnessLink(invite, feed, media=self.media, on_state=self.state_changed.emit,
                               remote_channels=remote_channels)
            link.on_court_break = on_court_break
            return link

        self.link = loop.submit(make()).result(30)
        self.safety_code = self.link.safety_code

    def add_speaking(self, consumer: Any) -> None:
        """A consumer of the court's camera (``on_court_video``): the "Speaking to you" panel."""
        assert self.link is not None
        self.link.speaking.append(consumer)

    def start(self) -> None:
        self._loop.submit(self._run())

    async def _run(self) -> None:
        link = self.link
        assert link is not None
        try:
            await link.join()
            if self._on_admitted is not None:
                self._on_admitted()
            await link.start_media()
            reason = await link.run_until(lambda: self._leave or self._done())
            await link.close("the witness left" if self._leave else
                             "the witness session ended" if reason == "done" else reason)
        except LinkError as exc:
            await link.close("could not start")
            self.failed.emit(str(exc))
        except Exception as exc:  # a clear message, never a silent hang
            log.exception("the witness link failed")
            await link.close("error")
            self.failed.emit(f"the link failed ({exc.__class__.__name__})")
        self.finished.emit(link.stats())

    def leave(self) -> None:
        self._leave = True


class WitnessStationWindow(QMainWindow):
    def __init__(self, runner: WitnessLinkRunner, case_number: str = "", session: Any = None) -> None:
        """``session``: the live session (``request_break()`` / ``end_break()``, e.g.
        :class:`desktop.live.LiveSession`); without it the window has no break buttons."""
        super().__init__()
        self.runner = runner
        self.session = session
        self.setWindowTitle(f"Witness station {case_number} — Testimony Shield".replace("  ", " "))
        central = QWidget()
        self.setCentralWidget(central)
        lay = QVBoxLayout(central)
        lay.addWidget(QLabel("Safety code — the court reads theirs to you; it must be the same:"))
        self.safety_code = QLabel(runner.safety_code)
        self.safety_code.setObjectName("safetyCode")
        self.safety_code.setAccessibleName("Safety code")
        font = self.safety_code.font()
        font.setPointSizeF(font.pointSizeF() * 2.5)
        font.setBold(True)
        self.safety_code.setFont(font)
        self.safety_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.safety_code)
        self.status = QLabel(witness_text("idle"))
        self.status.setObjectName("linkStatus")
        self.status.setAccessibleName("Connection status")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        views = QHBoxLayout()
        speaking = QVBoxLayout()
        self.speaking_caption = QLabel("Speaking to you")
        self.speaking_caption.setObjectName("speakingCaption")
        speaking.addWidget(self.speaking_caption)
        self.speaking_view = VideoView(SPEAKING_PLACEHOLDER)
        self.speaking_view.setAccessibleName("Person speaking to you")
        speaking.addWidget(self.speaking_view, 1)
        views.addLayout(speaking, 3)
        mine = QVBoxLayout()
        mine.addWidget(QLabel("You (as the court sees you)"))
        self.self_view = VideoView("Your picture (masked) appears here")
        self.self_view.setAccessibleName("Self-view (masked)")
        mine.addWidget(self.self_view, 1)
        views.addLayout(mine, 2)
        lay.addLayout(views, 1)
        self.speaking = SpeakingConsumer(self.speaking_view)
        self.speaking.speaker_changed.connect(self._on_speaker)
        runner.add_speaking(self.speaking)
        self._feed = PipelineFeed(self.self_view, Audience.WITNESS_SELF)
        runner.pipeline.subscribe({Audience.WITNESS_SELF}, self._feed)
        row = QHBoxLayout()
        self.break_button = QPushButton("I need a &break")
        self.break_button.setObjectName("breakButton")
        self.continue_button = QPushButton("I'm ready to &continue")
        self.break_button.setVisible(session is not None)
        self.continue_button.setVisible(False)
        self.break_button.setEnabled(False)  # from "live" on
        row.addWidget(self.break_button)
        row.addWidget(self.continue_button)
        row.addStretch(1)
        self.leave_button = QPushButton("&Leave the session")
        row.addWidget(self.leave_button)
        lay.addLayout(row)
        self.on_break = False
        self.break_button.clicked.connect(self.take_break)
        self.continue_button.clicked.connect(self.end_break)
        self.leave_button.clicked.connect(runner.leave)
        runner.state_changed.connect(self._on_state)
        runner.failed.connect(self._on_failed)
        runner.finished.connect(self._on_finished)
        self.stats: dict[str, Any] | None = None

    def _on_speaker(self, role: str) -> None:
        self.speaking_caption.setText(f"Speaking to you: {role}" if role else "Speaking to you")

    def take_break(self) -> None:
        """The witness's break: at once, no confirmation, no reason asked (the court is told)."""
        if self.session is None or self.on_break or self.stats is not None:
            return
        self.session.request_break("witness")
        self.on_break = True
        self.break_button.setVisible(False)
        self.continue_button.setVisible(True)
        self.status.setText("On a break: nobody in court can see or hear you. Take as long as you need.")

    def end_break(self) -> None:
        if self.session is None or not self.on_break:
            return
        self.session.end_break()
        self.on_break = False
        self.continue_button.setVisible(False)
        self.break_button.setVisible(True)
        self.status.setText(witness_text(self.runner.link.state if self.runner.link else "live"))

    def _on_state(self, state: str) -> None:
        if self.stats is None and not self.on_break:
            self.status.setText(witness_text(state))
            self.status.setProperty("state", state)
        self.break_button.setEnabled(state in ("live", "reconnecting"))

    def _on_failed(self, message: str) -> None:
        self.status.setText(f"Could not join the court: {message}")

    def _on_finished(self, stats: dict[str, Any]) -> None:
        self.stats = stats
        self.leave_button.setEnabled(False)
        self.break_button.setEnabled(False)
        self.continue_button.setEnabled(False)
        self.speaking_view.clear("The hearing has finished. Thank you.")
        if not self.status.text().startswith("Could not"):
            by = " by the court" if stats.get("ended_by") == "court" else ""
            self.status.setText(f"{witness_text('ended')}{by}; reconnects {stats.get('reconnects', 0)}")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.leave()
        self.runner.pipeline.unsubscribe(self._feed)
        super().closeEvent(event)
