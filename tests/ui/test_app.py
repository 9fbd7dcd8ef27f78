"""desktop.app: Qt comes up with its own plugins even though OpenCV is imported; Qt messages go to
logging."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> subprocess.CompletedProcess:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_qapplication_before_cv2_and_env_scrubbed():
    r = _run("""
        import os, sys
        import desktop.app as app
        import ui.clerk.console, ui.witness.station, ui.review.judge, ui.start  # noqa
        assert "cv2" not in sys.modules, "importing the UI must not import OpenCV"
        qapp = app.create_application()
        cv2 = app.import_cv2()
        assert "QT_QPA_PLATFORM_PLUGIN_PATH" not in os.environ
        assert "QT_QPA_FONTDIR" not in os.environ
        from PySide6.QtGui import QGuiApplication
        import PySide6
        assert QGuiApplication.platformName() == "offscreen"
        paths = qapp.libraryPaths()
        assert not any("cv2" in p for p in paths), paths
        from PySide6.QtWidgets import QLabel
        w = QLabel("ok"); w.show(); assert not w.grab().isNull()
        print("OK")
    """)
    assert r.returncode == 0, r.stderr
    assert "OK" in r.stdout


def test_cv2_imported_first_is_repaired():
    r = _run("""
        import os, cv2
        assert "cv2" in os.environ["QT_QPA_PLATFORM_PLUGIN_PATH"]
        import desktop.app as app
        qapp = app.create_application()
        assert "QT_QPA_PLATFORM_PLUGIN_PATH" not in os.environ
        from PySide6.QtGui import QGuiApplication
        assert QGuiApplication.platformName() == "offscreen"
        print("OK")
    """)
    assert r.returncode == 0, r.stderr


def test_qt_messages_go_to_logging(qapp, caplog):
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    from desktop import app

    previous = qInstallMessageHandler(app._qt_message)
    try:
        with caplog.at_level(logging.INFO, logger="testimony_shield.qt"):
            qWarning("hello from Qt")
    finally:
        qInstallMessageHandler(previous)
    assert any("hello from Qt" in rec.getMessage() and rec.levelno == logging.WARNING for rec in caplog.records)
