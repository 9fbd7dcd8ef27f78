"""The crash reports name the exception type and code location, never the exception's message."""

from __future__ import annotations

import logging
import threading

from desktop import logs


def test_a_crashing_thread_is_reported_without_its_message(caplog, capsys, monkeypatch):
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr("sys.excepthook", logs.safe_excepthook)
    logs.install_excepthooks()
    secret = "passphrase correct horse battery staple"

    def boom() -> None:
        raise ValueError(secret)

    with caplog.at_level(logging.CRITICAL, logger="testimony_shield.crash"):
        t = threading.Thread(target=boom)
        t.start()
        t.join()
    out = capsys.readouterr()
    assert "unhandled ValueError at test_logs.py" in caplog.text
    assert secret not in caplog.text + out.err + out.out
