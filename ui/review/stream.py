"""A QIODevice over a vault ``RecordingReader``: QMediaPlayer reads the sealed recording through it and
the reader decrypts chunk by chunk in memory.  No temporary file, no plaintext on disk.

Random access (``isSequential`` is False, ``size`` is the plaintext size) lets the player seek.  The
media backend reads from its own thread, so every reader call is under a lock.
"""

from __future__ import annotations

import io
import logging
import threading
from typing import Any

from PySide6.QtCore import QIODevice, QObject

from ui.review.mkvhead import with_duration

log = logging.getLogger("testimony_shield.ui.review.stream")


class VaultStreamDevice(QIODevice):
    def __init__(self, reader: Any, parent: QObject | None = None, duration: float | None = None) -> None:
        """``duration`` (seconds, from the sealed metadata) is given to a live-mode Matroska stream
        that lacks one, in memory (see :mod:`ui.review.mkvhead`), so the player can show and seek."""
        super().__init__(parent)
        self._reader = reader
        self._lock = threading.Lock()
        self._size = int(reader.size())
        self.bytes_read = 0
        self.failed = False
        self._head = b""
        if duration:
            head = reader.read(min(self._size, 4096))
            reader.seek(0, io.SEEK_SET)
            self._head = with_duration(bytes(head), float(duration)) or b""

    def open_read(self) -> bool:
        return self.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    def isSequential(self) -> bool:
        return False

    def size(self) -> int:
        return self._size

    def bytesAvailable(self) -> int:
        return max(0, self._size - self.pos())  # unbuffered: nothing held in QIODevice's buffer

    def atEnd(self) -> bool:
        return self.pos() >= self._size

    def seek(self, pos: int) -> bool:
        if pos < 0 or pos > self._size:
            return False
        with self._lock:
            if self._reader is None:
                return False
            self._reader.seek(pos, io.SEEK_SET)
        return super().seek(pos)

    def readData(self, maxlen: int) -> bytes:
        with self._lock:
            if self._reader is None:
                return b""
            try:
                if self._reader.tell() != self.pos():
                    self._reader.seek(self.pos(), io.SEEK_SET)
                pos = self.pos()
                data = self._reader.read(min(maxlen, 1 << 20))
                if pos < len(self._head) and data:
                    n = min(len(data), len(self._head) - pos)
                    data = self._head[pos:pos + n] + bytes(data[n:])
            except Exception as exc:  # an integrity error mid-stream: stop, never play unverified bytes
                self.failed = True
                log.error("decrypting the recording failed: %s", type(exc).__name__)
                self.setErrorString("the recording could not be decrypted (damaged or changed)")
                return b""
        self.bytes_read += len(data)
        return bytes(data)

    def writeData(self, data: bytes, maxlen: int = -1) -> int:
        return -1

    def close(self) -> None:
        with self._lock:
            if self._reader is not None:
                try:
                    self._reader.close()
                finally:
                    self._reader = None
        super().close()
