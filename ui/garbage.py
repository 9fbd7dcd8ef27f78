"""Python's cyclic garbage collector, run only on the GUI thread, between events (after pyqtgraph's
and Anki's ``GarbageCollector``).

Why: a Qt object whose Python wrapper owns it (a window, a timer, a dialog made without a parent) is
destroyed when that wrapper is freed.  If the wrapper is only held by a reference cycle, it is freed
by the cyclic collector, and CPython runs that collector at *any* allocation, on *any* thread: on a
pipeline, codec or vault worker thread (Qt objects destroyed off their thread), or in the middle of
one of the window's own event handlers — a timeline allocating a QColor in its paint event had its
whole window deleted under it (``QPaintDevice: Cannot destroy paint device that is being painted``,
then a segfault).  So the automatic collector is switched off while the GUI runs and a timer on the
GUI thread collects, generation by generation, with CPython's own thresholds.  A timer's slot runs
from the event loop, never inside a paint or another event handler of a live window.

The desktop installs one for the application's life (:func:`install`); the GUI tests run each test
under one (``tests/ui/conftest.py``).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

__all__ = ["GuiGarbageCollector", "install"]


class GuiGarbageCollector(QObject):
    """Collects garbage cycles on the thread it lives in (the GUI thread), every ``interval_ms``,
    when CPython's generation thresholds say so; :meth:`start` disables the automatic collector,
    :meth:`stop` collects everything and gives it back."""

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.collected = 0  # unreachable objects found so far (for tests and diagnostics)
        self._reenable = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if self.active:
            return
        self._reenable = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer, collect every generation now (on this thread) and re-enable the automatic
        collector if it was on before :meth:`start`."""
        if not self.active:
            return
        self._timer.stop()
        self.collected += gc.collect()
        if self._reenable:
            gc.enable()

    def check(self) -> None:
        """Collect the generations whose thresholds (``gc.get_threshold()``) are reached: what CPython
        would have done at an allocation, done here."""
        count0, count1, count2 = gc.get_count()
        threshold0, threshold1, threshold2 = gc.get_threshold()
        if count0 <= threshold0:
            return
        generation = 0
        if count1 > threshold1:
            generation = 2 if count2 > threshold2 else 1
        self.collected += gc.collect(generation)


_installed: GuiGarbageCollector | None = None


def install(app: QCoreApplication) -> GuiGarbageCollector:
    """The application's collector, started (once; a child of ``app``, so it lives as long)."""
    global _installed
    if _installed is None:
        _installed = GuiGarbageCollector(parent=app)
    _installed.start()
    return _installed
