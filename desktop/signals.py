"""A station told to stop ends its hearing cleanly.

SIGTERM (shutdown, logout, ``systemctl stop``, ``kill``), SIGHUP (the terminal or session closed) and
SIGINT (Ctrl-C) used to kill a station mid-session, leaving its recordings unsealed until the next
start recovered them.  Now the first of them is a *stop request*: the station ends the session as
the clerk's "End" would — the recorders finish and seal, the session record is written, the link
says goodbye — prints its summary (with ``"stopped_by": "SIGTERM"``) and exits with the shell's
code for that signal: 143 (SIGTERM), 129 (SIGHUP), 130 (SIGINT).  A further signal while it is
sealing is noted and ignored: sealing is short, and cutting it would undo the point.  (SIGKILL
cannot be caught; the recordings are then recovered at the next start.)

One :class:`StopRequest` per process.  Callbacks run in the main thread, from the signal handler
(Python runs handlers between bytecodes, also while ``epoll``/``Event.wait`` block); they must only
set flags or schedule work: ``loop.call_soon_threadsafe(...)``, ``app.quit()``.  A Qt event loop
runs no Python while idle, so :meth:`StopRequest.keep_qt_responsive` adds a 200 ms no-op timer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

log = logging.getLogger("testimony_shield.desktop.signals")

STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None), signal.SIGINT) if s is not None)

T = TypeVar("T")


class Stopped(Exception):
    """Raised by :meth:`StopRequest.race` when the stop request came first."""


class StopRequest:
    def __init__(self) -> None:
        self.event = threading.Event()
        self.signum: int | None = None
        self._callbacks: list[Callable[[], None]] = []
        self._previous: dict[int, Any] = {}

    # -- installing -----------------------------------------------------------------------------
    def install(self, signals: tuple[signal.Signals, ...] = STOP_SIGNALS) -> StopRequest:
        """Handle ``signals`` in this process (main thread only; elsewhere a no-op)."""
        if threading.current_thread() is not threading.main_thread():
            return self
        for s in signals:
            with contextlib.suppress(OSError, ValueError):
                self._previous[s] = signal.signal(s, self._handle)
        return self

    def restore(self) -> None:
        for s, prev in self._previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(s, prev if prev is not None else signal.SIG_DFL)
        self._previous.clear()

    def __enter__(self) -> StopRequest:
        return self.install()

    def __exit__(self, *exc: object) -> None:
        self.restore()

    # -- the request ----------------------------------------------------------------------------
    def _handle(self, signum: int, frame: Any = None) -> None:
        if self.signum is not None:
            log.warning("%s received while ending the session: finishing the sealing first", self.name)
            return
        self.signum = signum
        self.event.set()
        log.warning("%s received: ending the session and sealing the recordings", self.name)
        for cb in list(self._callbacks):
            try:
                cb()
            except Exception as exc:
                log.error("a stop callback failed (%s)", type(exc).__name__)

    def request(self, signum: int = signal.SIGTERM) -> None:
        """As if ``signum`` had arrived (tests; a window's own quit)."""
        self._handle(signum)

    def on_stop(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` when the stop is requested (at once if it already was)."""
        self._callbacks.append(callback)
        if self.requested:
            callback()

    def on_stop_in_loop(self, loop: asyncio.AbstractEventLoop, callback: Callable[[], None]) -> None:
        """Run ``callback`` in ``loop`` when the stop is requested."""
        def schedule() -> None:
            with contextlib.suppress(RuntimeError):  # the loop has closed: nothing left to stop
                loop.call_soon_threadsafe(callback)
        self.on_stop(schedule)

    @property
    def requested(self) -> bool:
        return self.event.is_set()

    @property
    def name(self) -> str:
        if self.signum is None:
            return ""
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"

    @property
    def exit_code(self) -> int:
        """The shell's code for the signal: 128 + its number (143 SIGTERM, 129 SIGHUP, 130 SIGINT)."""
        return 128 + int(self.signum or 0)

    # -- helpers --------------------------------------------------------------------------------
    async def race(self, awaitable: Awaitable[T]) -> T:
        """Await ``awaitable`` unless the stop is requested first: then cancel it, raise :class:`Stopped`."""
        loop = asyncio.get_running_loop()
        task = asyncio.ensure_future(awaitable)
        stop = loop.create_future()
        self.on_stop_in_loop(loop, lambda: stop.done() or stop.set_result(None))
        try:
            await asyncio.wait([task, stop], return_when=asyncio.FIRST_COMPLETED)
        finally:
            if not stop.done():
                stop.cancel()
        if task.done():
            return task.result()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
        raise Stopped(self.name)

    def keep_qt_responsive(self, app: Any, interval_ms: int = 200) -> Any:
        """A Qt timer that lets Python run its signal handlers while Qt's event loop is idle."""
        from PySide6.QtCore import QTimer

        timer = QTimer(app)
        timer.setInterval(interval_ms)
        timer.timeout.connect(lambda: None)
        timer.start()
        return timer
