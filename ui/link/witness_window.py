"""The witness station's link to the court under Qt: :class:`WitnessLinkRunner` joins with a
:class:`~recording.transport.witness.WitnessLink` on a :class:`~ui.link.loop.LoopThread` and turns its
events into queued signals; :class:`SpeakingConsumer` puts the court's camera of the judge or
questioner (never the accused: the link drops any other track) into the witness station's "Speaking
to you" panel.  The window is the whole witness station (:mod:`ui.witness.station`, remote mode).
The local recording is started by the caller on admission and keeps running through reconnections;
when the clerk ends the session from the court, the runner finishes and the caller seals."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from recording.pipeline import SessionPipeline
from recording.session import ROLE_LABELS, Role
from recording.transport import tracks as labels
from recording.transport.invite import Invite
from recording.transport.witness import LinkFeed, WitnessLink
from ui.link.loop import LoopThread, run_link
from ui.widgets.video_view import VideoView

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

        async def body() -> str:
            await link.join()
            if self._on_admitted is not None:
                self._on_admitted()
            await link.start_media()
            reason = await link.run_until(lambda: self._leave or self._done())
            return "the witness left" if self._leave else "the witness session ended" if reason == "done" else reason

        await run_link(link, body, self.failed.emit, log, "the witness link")
        self.finished.emit(link.stats())

    def leave(self) -> None:
        self._leave = True

    @property
    def left(self) -> bool:
        """The witness left the hearing (rather than the court ending it)."""
        return self._leave
