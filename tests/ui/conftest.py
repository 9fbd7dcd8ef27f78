"""GUI test set-up: offscreen Qt, OpenCV's Qt variables dropped, fake sessions on the demo source,
temporary vaults with a sealed recording."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWidget

from desktop.app import import_cv2

import_cv2()  # other tests may import cv2 first: never let Qt load OpenCV's Qt5 plugins

from recording.session import SessionPlan, demo_plan  # noqa: E402
from tests.helpers.fake_session import FakeLiveSession  # noqa: E402
from tests.helpers.media import make_mkv  # noqa: E402
from ui.concurrency import OpRunner  # noqa: E402
from ui.garbage import GuiGarbageCollector  # noqa: E402


@pytest.fixture(autouse=True)
def gui_thread_garbage_collector(qapp):
    """Each test runs under the application's garbage policy (:mod:`ui.garbage`): no automatic cyclic
    collection (it ran on whatever thread allocated — a codec or pipeline thread, destroying Qt objects
    there — or inside a paint event, deleting the painted window); a GUI-thread timer collects between
    events, and everything the test left is collected here, on the GUI thread, when it ends."""
    collector = GuiGarbageCollector()
    collector.start()
    yield collector
    collector.stop()
    collector.deleteLater()


def close_and_delete(windows: list[QWidget]) -> None:
    """Close each window and delete it now (its C++ object and its children), on the GUI thread, then
    drop the references; a window a test already deleted (or deleted with its parent) is skipped."""
    for w in windows:
        if shiboken6.isValid(w):
            w.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater()s of the test
    for w in windows:
        if shiboken6.isValid(w):
            shiboken6.delete(w)
    windows.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def qtbot(qtbot):
    """pytest-qt's ``qtbot`` whose ``addWidget`` also keeps the window alive until the test's teardown,
    where it is closed and deleted deterministically (:func:`close_and_delete`).  pytest-qt keeps only
    a weak reference: a window the test no longer named was garbage the moment the test returned, and
    was destroyed whenever the cyclic collector next ran — once inside its own timeline's paint event
    while pytest-qt processed the test's last events (a segfault that depended on test order)."""
    windows: list[QWidget] = []
    add = qtbot.addWidget

    def add_and_keep(widget: QWidget, *, before_close_func=None) -> None:
        windows.append(widget)
        add(widget, before_close_func=before_close_func)

    qtbot.addWidget = add_and_keep
    yield qtbot
    close_and_delete(windows)


@pytest.fixture
def runner():
    r = OpRunner("test-ops")
    yield r
    r.shutdown(wait=True)


@pytest.fixture
def fake_session():
    sessions: list[FakeLiveSession] = []

    def make(plan: SessionPlan | None = None) -> FakeLiveSession:
        s = FakeLiveSession(plan or demo_plan())
        sessions.append(s)
        return s

    yield make
    for s in sessions:
        s.pipeline.stop()


@pytest.fixture
def clerk_console(qtbot, runner, fake_session):
    """The clerk console, shown, starting fake sessions; ``made`` lists the plans it started them for."""
    from ui.clerk.console import ClerkConsole

    made: list[SessionPlan] = []

    def factory(plan: SessionPlan) -> FakeLiveSession:
        made.append(plan)
        return fake_session(plan)

    w = ClerkConsole(factory, runner)
    qtbot.addWidget(w)
    w.show()
    return w, made


@pytest.fixture
def unlocked_judge(qtbot, runner):
    """Open the judge's review window on a test vault (its ``passphrase`` attribute) and unlock it."""
    from desktop.export_policy import EXPORT_POLICY
    from ui.review.judge import JudgeReview

    def open_(v):
        w = JudgeReview(v, runner, export_policy=EXPORT_POLICY)
        qtbot.addWidget(w)
        w.show()
        w.passphrase.setText(v.passphrase)
        with qtbot.waitSignal(w.unlocked, timeout=10000):
            qtbot.mouseClick(w.unlock_btn, Qt.MouseButton.LeftButton)
        return w

    return open_


@pytest.fixture(scope="session")
def mkv_bytes() -> bytes:
    return make_mkv()


@pytest.fixture
def sealed_vault(tmp_path: Path, mkv_bytes: bytes):
    """A vault (fast KDF, passphrase PASS) with one sealed masked recording; returns (vault, rec_id)."""
    from tests.helpers.temp_vault import PASS, make_vault

    v = make_vault(tmp_path / "vault")
    meta = {"case_number": "T2026-0142", "kind": "masked", "languages": ["spa"]}
    w = v.create_recording(meta, ["judge", "clerk"])
    for i in range(0, len(mkv_bytes), 50_000):
        w.write(mkv_bytes[i:i + 50_000])
    w.set_meta("duration", 3.0)
    w.set_meta("chapters", [{"title": "Break", "start": 1.0, "end": 2.0}])
    rec_id = w.seal()
    v.passphrase = PASS  # for the tests' convenience
    return v, rec_id


#: Harmless messages of a machine without a screen or sound server: the offscreen platform plugin (no
#: window manager to propagate size hints to), QtMultimedia finding no PulseAudio server and no GPU.
OFFSCREEN_NOISE = (r"This plugin does not support propagateSizeHints\(\)",
                   r"PulseAudioService: pa_context_connect\(\) failed",
                   r"No RHI backend\. Using CPU conversion",
                   r"Couldn't (load|resolve) pipewire")  # QtMultimedia on a machine without PipeWire


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))
