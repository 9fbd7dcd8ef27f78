"""Garbage cycles holding Qt windows are collected on the GUI thread, between events (ui/garbage.py).

The segfault this guards against: a window whose Python wrapper was held only by a reference cycle
(a test's clerk console, after the test returned) was destroyed by CPython's automatic collector in
the middle of its own timeline's paint event — the paint allocated a QColor, the allocation ran the
collector, the collector freed the window and with it the timeline being painted ("Internal C++ object
(Timeline) already deleted", then a segfault).  Which allocation triggers the collector depends on
everything that ran before, so it crashed only in some test orders; the two orders that crashed are
run here as they were.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
import threading
import weakref
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.garbage import GuiGarbageCollector

ROOT = Path(__file__).resolve().parents[2]


class Allocating(QWidget):
    """Allocates while it paints, as any Python paintEvent does (QColor, QRectF, lists)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painted = 0
        self.before_painting = lambda: None

    def paintEvent(self, event: QPaintEvent) -> None:
        self.before_painting()
        p = QPainter(self)
        junk = [[i] for i in range(200)]  # enough allocations to pass any generation-0 threshold
        p.fillRect(self.rect(), QColor(len(junk), 90, 120))
        self.width()  # the call that raised "already deleted" when the window went mid-paint
        p.end()
        self.painted += 1


def cyclic_window() -> tuple[weakref.ref, Allocating]:
    """A top-level window held only by a reference cycle (as a closure held the console), and its
    painting child; the caller keeps the child only."""
    top = QWidget()
    top.itself = top  # type: ignore[attr-defined]
    child = Allocating(top)
    QVBoxLayout(top).addWidget(child)
    top.resize(200, 100)
    top.show()
    assert QTest.qWaitForWindowExposed(top)
    return weakref.ref(top), child


@pytest.fixture
def eager_collector():
    """CPython's automatic collector as eager as it gets: any allocation would run it."""
    old = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    yield
    gc.set_threshold(*old)


def test_a_window_in_a_cycle_survives_its_own_paint_and_goes_on_the_gui_thread(
        qtbot, gui_thread_garbage_collector, eager_collector):
    collector = gui_thread_garbage_collector
    assert collector.active and not gc.isenabled()
    top_ref, child = cyclic_window()
    destroyed_on: list[int] = []
    top = top_ref()
    assert top is not None
    top.destroyed.connect(lambda *_: destroyed_on.append(threading.get_ident()))
    del top
    painted = child.painted
    child.repaint()  # paints now, allocating: the automatic collector would free the window here
    assert child.painted == painted + 1 and shiboken6.isValid(child) and top_ref() is not None
    del child
    qtbot.waitUntil(lambda: top_ref() is None, timeout=5000)  # the collector's next tick
    assert destroyed_on == [threading.get_ident()]


def test_garbage_qt_objects_are_never_destroyed_on_a_worker_thread(qtbot, gui_thread_garbage_collector,
                                                                   eager_collector):
    destroyed_on: list[int] = []

    class Holder:
        def __init__(self) -> None:
            self.me = self
            self.timer = QTimer()  # owned by Python: destroyed when the holder is freed
            self.timer.destroyed.connect(lambda *_: destroyed_on.append(threading.get_ident()))

    ref = weakref.ref(Holder())

    def allocate() -> None:  # a pipeline or codec thread doing its work
        for _ in range(10_000):
            _ = [{}, []]

    t = threading.Thread(target=allocate)
    t.start()
    t.join()
    assert ref() is not None and destroyed_on == []
    qtbot.waitUntil(lambda: ref() is None, timeout=5000)
    assert destroyed_on == [threading.get_ident()]


def test_stop_collects_and_gives_the_automatic_collector_back(qapp):
    assert not gc.isenabled()  # this test runs under the fixture's collector
    inner = GuiGarbageCollector(interval_ms=10_000)
    inner.start()
    inner.stop()
    assert not gc.isenabled()  # it was off before: stays off
    gc.enable()
    try:
        other = GuiGarbageCollector()
        other.start()
        assert not gc.isenabled()

        class Cycle(QObject):
            pass

        c = Cycle()
        c.me = c  # type: ignore[attr-defined]
        ref = weakref.ref(c)
        del c
        other.stop()
        assert gc.isenabled() and ref() is None and other.collected >= 1
    finally:
        gc.disable()


def test_without_the_policy_the_window_is_deleted_mid_paint():
    """The mechanism, without the policy (in a child process: it segfaults): the automatic collector
    runs at an allocation inside the child's paint event and frees the cyclic window around it."""
    script = textwrap.dedent(f"""
        import gc, os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from tests.ui.test_garbage import cyclic_window
        gc.disable()
        top_ref, child = cyclic_window()
        painting = []

        def automatic_collector_on():
            painting.append(True)
            gc.set_threshold(1, 1, 1)
            gc.enable()

        def gone(*_):
            os.write(1, b"destroyed while its child paints\\n" if painting else b"destroyed\\n")

        top_ref().destroyed.connect(gone)
        child.before_painting = automatic_collector_on
        child.repaint()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert "destroyed while its child paints" in out.stdout, (out.returncode, out.stdout, out.stderr)


@pytest.mark.slow
@pytest.mark.parametrize("files, select", [
    (["tests/ui/test_judge_review.py", "tests/ui/test_windows.py"], "clerk_form or wrong_pass"),
    (["tests/ui/test_settings_dialog.py", "tests/ui/test_windows.py"], None),
], ids=["judge-then-clerk-form", "settings-then-windows"])
def test_the_orders_that_crashed_pass(files, select):
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *files]
    if select:
        args += ["-k", select]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    text = out.stdout + out.stderr
    assert out.returncode == 0, text[-4000:]
    assert "already deleted" not in text and "Segmentation fault" not in text
