"""A widget showing the latest video frame.

Frames arrive on any thread (the witness pipeline's, a QVideoSink's) through :meth:`VideoView.set_frame`
/ :meth:`VideoView.set_image`, which only store a reference under a lock.  A QTimer on the GUI thread
(~30 fps) turns the newest one into a QImage and repaints: nothing is painted from another thread and
slow painting never backs up the pipeline (older frames are simply dropped).
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from recording.model import Audience, Decision


def bgr_to_qimage(image: np.ndarray) -> QImage:
    """A QImage that owns a copy of the BGR uint8 (h, w, 3) array."""
    arr = np.ascontiguousarray(image)
    h, w = arr.shape[:2]
    return QImage(arr.data, w, h, arr.strides[0], QImage.Format.Format_BGR888).copy()


class VideoView(QWidget):
    """Shows the newest frame scaled to fit (aspect kept), or a calm placeholder text."""

    def __init__(self, placeholder: str = "No picture yet", parent: QWidget | None = None,
                 fps: int = 30) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: np.ndarray | QImage | None = None
        self._image: QImage | None = None
        self._placeholder = placeholder
        self._background = QColor("#2b2f33")
        self.frames_shown = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self.setAccessibleName(self.tr("Video"))
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, 1000 // fps))
        self._timer.timeout.connect(self._refresh)
        self._timer.start()

    # any thread ------------------------------------------------------------------------------
    def set_frame(self, image: np.ndarray) -> None:
        with self._lock:
            self._pending = image

    def set_image(self, image: QImage) -> None:
        with self._lock:
            self._pending = image

    # GUI thread ---------------------------------------------------------------------------
    def clear(self, placeholder: str | None = None) -> None:
        with self._lock:
            self._pending = None
        self._image = None
        if placeholder is not None:
            self._placeholder = placeholder
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def current_image(self) -> QImage | None:
        self._refresh()
        return self._image

    def _refresh(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return
        self._image = pending if isinstance(pending, QImage) else bgr_to_qimage(pending)
        self.frames_shown += 1
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self._background)
        if self._image is None or self._image.isNull():
            p.setPen(QColor("#c9ced3"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            return
        img = self._image
        scaled = img.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - scaled.width()) / 2
        y = (self.height() - scaled.height()) / 2
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(QRectF(x, y, scaled.width(), scaled.height()), img)


class PipelineFeed:
    """A pipeline consumer that feeds one audience's video to a :class:`VideoView` and remembers the
    last decision per audience (read by status displays).  Runs on the pipeline thread: it only
    stores references."""

    def __init__(self, view: VideoView | None, audience: Audience) -> None:
        self.view = view
        self.audience = audience
        self.last_decision: Decision | None = None
        self.curtained = 0
        self.frames = 0

    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float,
                 decision: Decision) -> None:
        if audience is not self.audience:
            return
        self.frames += 1
        self.last_decision = decision
        if decision is Decision.CURTAINED:
            self.curtained += 1
        if self.view is not None:
            self.view.set_frame(image)

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        pass
