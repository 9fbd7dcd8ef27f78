"""The court station's windows: waiting room (admit / refuse the joining witness station after
comparing the safety code), the public display (the masked witness as received; curtained when
frames stop or the link is reconnecting), the judge's monitor (the unmasked witness only when the
plan authorises the judge), the connection status, whether the courtroom speakers play the witness,
and the session's end: a break the witness takes at the witness station shows here as "The witness
is on a break" with the public display curtained; *End session* ends and seals both stations.
*Invite an interpreter…* writes a remote interpreter station's invitation file (its language chosen
here); the interpreter then comes to the same waiting room, with its own safety code."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any

import av
import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recording.transport.court import CourtStation, CourtStats
from recording.transport.errors import LinkError
from ui.link.loop import LoopThread
from ui.link.status import court_text
from ui.widgets.video_view import VideoView

log = logging.getLogger("testimony_shield.ui.link.court")

CURTAIN_TEXT = "Witness curtained (no live picture)"
BREAK_TEXT = "The witness is on a break"


class ViewConsumer:
    """A court consumer that shows received video in a :class:`VideoView` (any thread: it only
    stores the newest frame).  While ``curtained`` it shows nothing but the curtain text."""

    def __init__(self, view: VideoView) -> None:
        self.view = view
        self.curtained = True
        self.frames = 0  # shown
        self.received = 0  # shown or held back by the curtain

    def on_video(self, frame: av.VideoFrame, arrival: float) -> None:
        self.received += 1
        if not self.curtained:
            self.frames += 1
            self.view.set_frame(frame.to_ndarray(format="bgr24"))

    def on_audio(self, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        pass


class CourtLink(QObject):
    """Runs a :class:`CourtStation` on a :class:`LoopThread`; its events become Qt signals (queued to
    the GUI thread), the clerk's decisions go back with :meth:`decide`."""

    state_changed = Signal(str)
    join_requested = Signal(dict)
    curtain_changed = Signal(bool)
    finished = Signal(object)  # CourtStats

    def __init__(self, loop: LoopThread, judge_monitor: bool = False,
                 consumers: list[Any] | None = None, judge_consumers: list[Any] | None = None,
                 on_admitted: Callable[[dict[str, Any]], None] | None = None,
                 reconnect_window: float = 60.0, plan: Any = None, to_witness: list[Any] | None = None) -> None:
        super().__init__()
        self._loop = loop
        self._pending: asyncio.Future | None = None
        self._on_admitted = on_admitted
        self._lock = threading.Lock()
        self._curtain_listeners: list[Callable[[bool], None]] = []
        self.court = self._create(judge_monitor, consumers, judge_consumers, reconnect_window, plan, to_witness)
        self.request: dict[str, Any] | None = None
        self._decisions = asyncio.Lock()  # one waiting-room request shown at a time; the others wait
        self._key: tuple[bytes, Callable[[bytes], bytes], float] | None = None

    def _create(self, judge_monitor: bool, consumers: list[Any] | None, judge_consumers: list[Any] | None,
                reconnect_window: float, plan: Any, to_witness: list[Any] | None) -> CourtStation:
        async def make() -> CourtStation:  # asyncio objects belong to the link's loop
            return CourtStation(admit=self._admit, consumers=consumers, judge_consumers=judge_consumers,
                                judge_monitor=judge_monitor, on_state=self.state_changed.emit,
                                on_curtain=self._curtain, reconnect_window=reconnect_window, plan=plan,
                                to_witness=to_witness)
        return self._loop.submit(make()).result(30)

    def add_curtain_listener(self, fn: Callable[[bool], None]) -> None:
        """``fn(on)`` on the link's thread, at once (before the next frame is delivered)."""
        self._curtain_listeners.append(fn)

    def _curtain(self, on: bool) -> None:
        for fn in self._curtain_listeners:
            fn(on)
        self.curtain_changed.emit(on)

    def open(self, court_key: bytes, sign: Callable[[bytes], bytes], lifetime: float = 600.0,
             media: dict[str, Any] | None = None) -> bytes:
        """Open the waiting room; the signed invitation's bytes."""
        async def go() -> bytes:
            await self.court.open()
            return self.court.invitation(court_key, sign, lifetime, media)
        data = self._loop.submit(go()).result(30)
        self._key = (court_key, sign, lifetime)
        return data

    def invite_interpreter(self, language: str) -> bytes:
        """A signed invitation for a remote interpreter station for ``language`` (ISO 639-2), signed
        with the key :meth:`open` used (:class:`LinkError` for a bad code or a closed room)."""
        if self._key is None:
            raise LinkError("open the waiting room before inviting an interpreter")
        court_key, sign, lifetime = self._key

        async def go() -> bytes:
            return self.court.interpreter_invitation(court_key, sign, language, lifetime)
        return self._loop.submit(go()).result(30)

    def serve(self, duration: float, join_timeout: float = 3600.0) -> None:
        async def go() -> None:
            stats = await self.court.serve(duration, join_timeout=join_timeout)
            self.finished.emit(stats)
        self._loop.submit(go())

    async def _admit(self, request: dict[str, Any]) -> bool:
        async with self._decisions:
            fut = asyncio.get_running_loop().create_future()
            self._pending = fut
            self.request = request
            self.join_requested.emit(dict(request))
            ok = await fut
        if ok and self._on_admitted is not None:
            self._on_admitted(request)
        return ok

    def decide(self, admit: bool) -> None:
        """The clerk's decision on the station in the waiting room (GUI thread)."""
        fut, self._pending = self._pending, None
        if fut is not None:
            self._loop.call(lambda: fut.done() or fut.set_result(admit))

    def end(self) -> None:
        self.decide(False)
        self._loop.call(self.court.end)


class JudgeMonitorWindow(QWidget):
    """The judge's monitor: the unmasked witness when the plan authorises the judge, else a notice."""

    def __init__(self, authorised: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Judge's monitor — Testimony Shield")
        self.authorised = authorised
        lay = QVBoxLayout(self)
        self.note = QLabel("Unmasked witness: for the judge only. Do not turn this screen to the courtroom."
                           if authorised else
                           "The session plan does not authorise the judge to see the witness unmasked: "
                           "this monitor shows nothing.")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.view = VideoView("Waiting for the witness" if authorised else "Not authorised by the plan")
        self.view.setAccessibleName("Judge's monitor (unmasked)")
        lay.addWidget(self.view, 1)
        self.consumer = ViewConsumer(self.view)
        self.consumer.curtained = not authorised


#: languages offered for a remote interpreter (ISO 639-2); the clerk can type another code
INTERPRETER_LANGUAGES = ("spa", "fra", "pol", "ara", "urd", "por", "ron", "deu")

#: writes an interpreter invitation: ``(language, data) -> where`` (a path shown to the clerk)
WriteInvite = Callable[[str, bytes], str]


class CourtStationWindow(QMainWindow):
    def __init__(self, link: CourtLink, case_number: str = "", public: ViewConsumer | None = None,
                 judge: JudgeMonitorWindow | None = None, speakers_message: str = "",
                 write_interpreter_invite: WriteInvite | None = None) -> None:
        super().__init__()
        self.link = link
        self.setWindowTitle(f"Court station {case_number} — Testimony Shield".replace("  ", " "))
        central = QWidget()
        self.setCentralWidget(central)
        lay = QVBoxLayout(central)

        self.status = QLabel(court_text(link.court.state))
        self.status.setObjectName("linkStatus")
        self.status.setAccessibleName("Connection status")
        lay.addWidget(self.status)

        room = QGroupBox("Waiting room")
        rl = QVBoxLayout(room)
        self.request_label = QLabel("No station has joined yet.")
        self.request_label.setWordWrap(True)
        rl.addWidget(self.request_label)
        self.safety_code = QLabel("")
        self.safety_code.setObjectName("safetyCode")
        self.safety_code.setAccessibleName("Safety code")
        self.safety_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.safety_code.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.safety_code.setFont(font)
        rl.addWidget(self.safety_code)
        buttons = QHBoxLayout()
        self.admit_button = QPushButton("&Admit")
        self.refuse_button = QPushButton("&Refuse")
        for b in (self.admit_button, self.refuse_button):
            b.setEnabled(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        invite_row = QHBoxLayout()
        self.interpreter_language = QComboBox()
        self.interpreter_language.setEditable(True)
        self.interpreter_language.addItems(INTERPRETER_LANGUAGES)
        self.interpreter_language.setAccessibleName("Interpreter's language (ISO 639-2 code)")
        self.invite_interpreter_button = QPushButton("&Invite an interpreter…")
        self.invite_interpreter_button.setToolTip("Write an invitation file for a remote interpreter station "
                                                  "(its own one-time token); it joins this waiting room")
        self.invite_interpreter_button.setEnabled(write_interpreter_invite is not None)
        invite_row.addWidget(QLabel("Remote interpreter:"))
        invite_row.addWidget(self.interpreter_language)
        invite_row.addWidget(self.invite_interpreter_button)
        invite_row.addStretch(1)
        rl.addLayout(invite_row)
        self.interpreter_note = QLabel("")
        self.interpreter_note.setObjectName("interpreterInvite")
        self.interpreter_note.setWordWrap(True)
        self.interpreter_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.interpreter_note)
        self._write_interpreter_invite = write_interpreter_invite
        self.interpreter_invites: list[str] = []
        lay.addWidget(room)

        self.public_view = public.view if public is not None else VideoView(CURTAIN_TEXT)
        self.public_view.setAccessibleName("Public display (masked witness)")
        lay.addWidget(QLabel("Public display (masked)"))
        lay.addWidget(self.public_view, 1)
        self.public = public or ViewConsumer(self.public_view)
        self.speakers = QLabel(speakers_message)
        self.speakers.setObjectName("speakers")
        self.speakers.setAccessibleName("Courtroom speakers")
        self.speakers.setWordWrap(True)
        self.speakers.setVisible(bool(speakers_message))
        lay.addWidget(self.speakers)

        self.end_button = QPushButton("&End session")
        lay.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignRight)
        self.judge = judge

        self.admit_button.clicked.connect(lambda: self._decide(True))
        self.refuse_button.clicked.connect(lambda: self._decide(False))
        self.end_button.clicked.connect(self.link.end)
        self.invite_interpreter_button.clicked.connect(self.invite_interpreter)
        link.state_changed.connect(self._on_state)
        link.join_requested.connect(self._on_request)
        link.curtain_changed.connect(self._on_curtain)
        link.finished.connect(self._on_finished)
        link.add_curtain_listener(self._curtain_now)
        self.stats: CourtStats | None = None

    def _curtain_now(self, on: bool) -> None:  # link thread: stop showing frames at once
        self.public.curtained = on
        if self.judge is not None and self.judge.authorised:
            self.judge.consumer.curtained = on

    def invite_interpreter(self) -> None:
        """Write an invitation for a remote interpreter station in the chosen language."""
        if self._write_interpreter_invite is None:
            return
        language = self.interpreter_language.currentText().strip().lower()
        try:
            where = self._write_interpreter_invite(language, self.link.invite_interpreter(language))
        except (LinkError, OSError) as exc:
            self.interpreter_note.setText(f"No interpreter invitation written: {exc}")
            return
        self.interpreter_invites.append(where)
        self.interpreter_note.setText(
            f"Interpreter invitation ({language}) written to {where}. Send it by a route the court trusts; "
            "the interpreter station will appear in the waiting room with its safety code.")

    def _on_request(self, request: dict[str, Any]) -> None:
        media = request.get("media", {})
        judge = " It offers the judge's unmasked tracks." if "judge/video" in media.get("tracks", []) else ""
        station = request.get("station", "unknown")
        if station == "interpreter":
            who = f"interpreter station ({media.get('language', '?')})"
            operator = "the interpreter"
        else:
            who, operator = f"{station} station", "the witness station's operator"
        self.request_label.setText(
            f"The {who} from {request.get('peer', '?')} asks to join.{judge} "
            f"Read the safety code to {operator} by phone; admit only if theirs is the same.")
        self.safety_code.setText(f"Safety code: {request.get('safety_code', '')}")
        self.admit_button.setEnabled(True)
        self.refuse_button.setEnabled(True)
        self.admit_button.setFocus()

    def _decide(self, admit: bool) -> None:
        self.admit_button.setEnabled(False)
        self.refuse_button.setEnabled(False)
        self.request_label.setText("Admitted." if admit else "Refused: the station was told the clerk did not admit it.")
        self.link.decide(admit)

    def _on_state(self, state: str) -> None:
        self.status.setText(court_text(state))
        self.status.setProperty("state", state)
        if state == "break":
            self.public_view.clear(BREAK_TEXT)
            if self.judge is not None and self.judge.authorised:
                self.judge.view.clear(BREAK_TEXT)

    def _on_curtain(self, on: bool) -> None:
        if on:
            self.public_view.clear(BREAK_TEXT if self.link.court.stats.on_break else CURTAIN_TEXT)
            if self.judge is not None and self.judge.authorised:
                self.judge.view.clear(CURTAIN_TEXT)

    def _on_finished(self, stats: CourtStats) -> None:
        self.stats = stats
        self.end_button.setEnabled(False)
        self.admit_button.setEnabled(False)
        self.refuse_button.setEnabled(False)
        self.public_view.clear("Session ended")
        breaks = f", breaks {len(stats.breaks)}" if stats.breaks else ""
        self.status.setText(f"{court_text('ended')} ({stats.ended_by}); frames received {stats.frames_received}, "
                            f"reconnects {stats.reconnects}{breaks}")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.stats is None:
            self.link.end()
        if self.judge is not None:
            self.judge.close()
        super().closeEvent(event)
