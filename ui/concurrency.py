"""Run work off the GUI thread and come back to it (after Anki's ``taskman`` and ``QueryOp``).

* :func:`on_main` / :class:`MainThreadBridge` post a callable to the GUI thread through a queued signal:
  the only way code running on the pipeline or a worker thread may touch widgets.
* :class:`OpRunner` runs operations on ONE worker thread (all vault work is serialised there, as the
  vault's writer expects) and calls ``on_success(result)`` or ``on_failure(exc)`` on the GUI thread.

Signals:
    MainThreadBridge._posted(object): internal, carries the callable across threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

log = logging.getLogger("testimony_shield.ui.concurrency")


class MainThreadBridge(QObject):
    """Posts callables to the thread this object lives in (the GUI thread)."""

    _posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        """Call ``fn(*args)`` on the GUI thread, soon (never synchronously, even from the GUI thread)."""
        self._posted.emit((fn, args))

    @Slot(object)
    def _run(self, item: tuple[Callable[..., Any], tuple[Any, ...]]) -> None:
        fn, args = item
        try:
            fn(*args)
        except Exception:
            log.exception("callback on the GUI thread failed")


_bridge: MainThreadBridge | None = None
_bridge_lock = threading.Lock()


def bridge() -> MainThreadBridge:
    """The application's bridge; created on (and moved to) the GUI thread."""
    global _bridge
    with _bridge_lock:
        if _bridge is None:
            app = QCoreApplication.instance()
            b = MainThreadBridge()
            if app is not None and b.thread() is not app.thread():
                b.moveToThread(app.thread())
            _bridge = b
        return _bridge


def on_main(fn: Callable[..., Any], *args: Any) -> None:
    """Run ``fn(*args)`` on the GUI thread (posted; safe from any thread)."""
    bridge().post(fn, *args)


def is_main_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


class OpRunner:
    """One worker thread for UI-triggered jobs (vault unlock/list/verify, session start/stop/seal).

    ``run(fn, on_success, on_failure)`` returns the Future; callbacks run on the GUI thread.  A failure
    without ``on_failure`` is logged by type only (messages could carry case details)."""

    def __init__(self, name: str = "ui-ops") -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending = 0
        self._lock = threading.Lock()

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None) -> Future:
        b = bridge()
        with self._lock:
            self._pending += 1
        fut = self._pool.submit(fn)

        def done(f: Future) -> None:
            with self._lock:
                self._pending -= 1
            exc = f.exception()
            if exc is not None:
                if on_failure is not None:
                    b.post(on_failure, exc)
                else:
                    log.error("background operation failed: %s", type(exc).__name__)
            elif on_success is not None:
                b.post(on_success, f.result())

        fut.add_done_callback(done)
        return fut

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._pending > 0

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=False)
