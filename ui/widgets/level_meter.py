"""A horizontal audio level meter (dBFS), after the level meter of Qt's multimedia examples."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class LevelMeter(QWidget):
    """Shows a level in dBFS between ``floor_db`` and 0, with a slowly falling peak mark.  Call
    :meth:`set_level` on the GUI thread (the console polls the pipeline status)."""

    def __init__(self, floor_db: float = -60.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._floor = floor_db
        self._level = floor_db
        self._peak = floor_db
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(16)
        self.setAccessibleName(self.tr("Microphone level"))

    @property
    def level_db(self) -> float:
        return self._level

    def set_level(self, db: float) -> None:
        db = max(self._floor, min(0.0, float(db)))
        self._level = db
        self._peak = db if db > self._peak else max(db, self._peak - 1.5)
        self.setAccessibleDescription(self.tr("{db} dB").format(db=f"{db:.0f}"))
        self.update()

    def _fraction(self, db: float) -> float:
        return (db - self._floor) / -self._floor

    def sizeHint(self) -> QSize:
        return QSize(200, 18)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        r = self.rect().adjusted(0, 0, -1, -1)
        p.fillRect(r, QColor("#d9dee4"))
        w = int(r.width() * self._fraction(self._level))
        colour = (
            QColor("#3f8f6b") if self._level < -12 else QColor("#d1a23a") if self._level < -3 else QColor("#c0503a")
        )
        p.fillRect(r.x(), r.y(), w, r.height(), colour)
        px = int(r.width() * self._fraction(self._peak))
        p.fillRect(max(0, px - 2), r.y(), 2, r.height(), QColor("#1f2933"))
