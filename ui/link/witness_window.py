"""The witness station's join flow: the safety code to compare with the court (by phone, before the
clerk admits), the connection status ("in the waiting room", "live", "reconnecting…") and the
witness's own masked self-view.  The local recording is started by the caller on admission and
keeps running through reconnections."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from recording.model import Audience
from recording.pipeline import SessionPipeline
from recording.transport.errors import LinkError
from recording.transport.invite import Invite
from recording.transport.witness import LinkFeed, WitnessLink
from ui.link.loop import LoopThread
from ui.link.status import witness_text
from ui.widgets.video_view import PipelineFeed, VideoView

log = logging.getLogger("testimony_shield.ui.link.witness")


class WitnessLinkRunner(QObject):
    """Joins the court with a :class:`WitnessLink` on a :class:`LoopThread`; signals are queued to
    the GUI thread.  ``on_admitted`` runs on the link's thread when the clerk admits (start the
    local recording there); ``done()`` ends the session when true (e.g. the pipeline finished)."""

    state_changed = Signal(str)
    failed = Signal(str)
    finished = Signal(object)  # the link's stats dict

    def __init__(self, loop: LoopThread, invite: Invite, pipeline: SessionPipeline,
                 media: dict[str, Any] | None = None, on_admitted: Callable[[], None] | None = None,
                 done: Callable[[], bool] | None = None) -> None:
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
            return WitnessLink(invite, feed, media=self.media, on_state=self.state_changed.emit)

        self.link = loop.submit(make()).result(30)
        self.safety_code = self.link.safety_code

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
    def __init__(self, runner: WitnessLinkRunner, case_number: str = "") -> None:
        super().__init__()
        self.runner = runner
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
        self.self_view = VideoView("Your picture (masked) appears here")
        self.self_view.setAccessibleName("Self-view (masked)")
        lay.addWidget(self.self_view, 1)
        self._feed = PipelineFeed(self.self_view, Audience.WITNESS_SELF)
        runner.pipeline.subscribe({Audience.WITNESS_SELF}, self._feed)
        self.leave_button = QPushButton("&Leave the session")
        lay.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignRight)
        self.leave_button.clicked.connect(runner.leave)
        runner.state_changed.connect(self._on_state)
        runner.failed.connect(self._on_failed)
        runner.finished.connect(self._on_finished)
        self.stats: dict[str, Any] | None = None

    def _on_state(self, state: str) -> None:
        if self.stats is None:
            self.status.setText(witness_text(state))
            self.status.setProperty("state", state)

    def _on_failed(self, message: str) -> None:
        self.status.setText(f"Could not join the court: {message}")

    def _on_finished(self, stats: dict[str, Any]) -> None:
        self.stats = stats
        self.leave_button.setEnabled(False)
        if not self.status.text().startswith("Could not"):
            self.status.setText(f"{witness_text('ended')}; reconnects {stats.get('reconnects', 0)}")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        self.runner.leave()
        self.runner.pipeline.unsubscribe(self._feed)
        super().closeEvent(event)
