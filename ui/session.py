"""The GUI side of one live session: a QObject that wraps a
:class:`~recording.service.LiveSessionService` (a ``desktop.live.LiveSession``, given by the caller;
``ui`` never builds one) and turns its state into signals for every window that shows it.  The
lifecycle notifies each event (bridged to the GUI thread); a slow timer re-reads it as a safety net.

The session's own methods are thread-safe; the slow ones (start/stop recording, end and seal) run on
the :class:`~ui.concurrency.OpRunner`.  A break is requested synchronously on the GUI thread: it only
flips a flag, so the curtain is up from the pipeline's next frame.

Signals:
    state_changed(str): the lifecycle state's value ("live", "break", ...).
    break_started(str): who took it ("witness" or "clerk").
    break_ended():
    events_changed(): new lifecycle events were logged.
    recording_changed(bool): recording started (True) or stopped (False).
    ended(object): the session ended and was sealed; carries the SessionSummary.
    failed(str): an operation failed; a plain message for the user.
    busy_changed(bool):
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from recording.service import LiveSessionService, PipelineView, SessionSummary
from recording.session import SessionEvent, SessionPlan, State
from ui.concurrency import OpRunner, on_main
from ui.errors import user_message

log = logging.getLogger("testimony_shield.ui.session")


class SessionController(QObject):
    state_changed = Signal(str)
    break_started = Signal(str)
    break_ended = Signal()
    events_changed = Signal()
    recording_changed = Signal(bool)
    ended = Signal(object)
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, session: LiveSessionService, runner: OpRunner, parent: QObject | None = None,
                 poll_ms: int = 1000) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self._state = session.lifecycle.state
        self._events = len(session.lifecycle.events)
        self._busy = False
        self.summary: SessionSummary | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self._listener: Callable[[SessionEvent], None] = lambda _ev: on_main(self.poll)
        session.lifecycle.add_listener(self._listener)

    # read-only views ---------------------------------------------------------------------------
    @property
    def plan(self) -> SessionPlan:
        return self.session.plan

    @property
    def pipeline(self) -> PipelineView:
        return self.session.pipeline

    @property
    def state(self) -> State:
        return self.session.lifecycle.state

    @property
    def recording(self) -> bool:
        return self.session.is_recording

    @property
    def busy(self) -> bool:
        return self._busy

    def break_started_at(self) -> float | None:
        """Session time (s) at which the current break began, from the lifecycle log."""
        if self.state is not State.BREAK:
            return None
        return next((ev.at for ev in reversed(self.session.lifecycle.state_changes()) if ev.new is State.BREAK),
                    None)

    def now(self) -> float:
        return self.session.lifecycle.now()

    # actions -----------------------------------------------------------------------------------
    def go_live(self) -> None:
        try:
            self.session.go_live()
        except Exception as exc:
            self.failed.emit(user_message(exc))
        self.poll()

    def request_break(self, by: str = "witness") -> None:
        """At once, on this thread: no confirmation, no reason."""
        self.session.request_break(by)
        self.poll()

    def end_break(self) -> None:
        self.session.end_break()
        self.poll()

    def start_recording(self) -> None:
        self._run(self.session.start_recording)

    def stop_recording(self) -> None:
        self._run(self.session.stop_recording)

    def end(self) -> None:
        def done(summary: SessionSummary) -> None:
            self.summary = summary
            self.ended.emit(summary)

        self._run(self.session.end, done)

    def _run(self, fn: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        if self._busy:
            return
        self._set_busy(True)

        def ok(result: Any) -> None:
            self._set_busy(False)
            self.poll()
            if then is not None:
                then(result)

        def bad(exc: BaseException) -> None:
            self._set_busy(False)
            self.poll()
            self.failed.emit(user_message(exc))

        self.runner.run(fn, ok, bad)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    # polling (GUI thread) ------------------------------------------------------------------------
    def poll(self) -> None:
        state = self.session.lifecycle.state
        if state is not self._state:
            old, self._state = self._state, state
            if state is State.BREAK:
                by = self.session.lifecycle.breaks[-1]["by"] if self.session.lifecycle.breaks else "witness"
                self.break_started.emit(by)
            elif old is State.BREAK:
                self.break_ended.emit()
            self.state_changed.emit(state.value)
        n = len(self.session.lifecycle.events)
        if n != self._events:
            before = any(e.kind == "recording" for e in self.session.lifecycle.events[self._events:n])
            self._events = n
            self.events_changed.emit()
            if before:
                self.recording_changed.emit(self.recording)

    def stop_polling(self) -> None:
        self._timer.stop()
        self.session.lifecycle.remove_listener(self._listener)


class SessionHub(QObject):
    """Holds the station's current session so the clerk console, the witness station (and later the
    remote stations) show the same one.

    Signals:
        session_changed(object): a SessionController, or None.
    """

    session_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller: SessionController | None = None

    def set_controller(self, controller: SessionController | None) -> None:
        self.controller = controller
        self.session_changed.emit(controller)
