"""The channel matrix: the floor and each interpretation language, with a level meter per channel.

:class:`ChannelLevels` is a pipeline consumer (pipeline thread) that keeps the newest level of each
channel as one audience hears it (default: the court); :class:`ChannelMatrix` polls it from a QTimer
on the GUI thread, so no widget is ever touched from the pipeline.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from recording.model import Audience, Decision
from ui.widgets.level_meter import LevelMeter

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "Widgets")

FLOOR = "floor"


def level_db(samples: np.ndarray) -> float:
    """RMS level in dBFS (floored at -90), as ``recording.pipeline.level_db`` — not imported from
    there: that module loads OpenCV, which must come after the QApplication."""
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0
    return max(-90.0, 20.0 * float(np.log10(rms + 1e-9)))


class ChannelLevels:
    """Latest level (dBFS) per channel for ``audience``."""

    def __init__(self, audience: Audience = Audience.COURT) -> None:
        self.audience = audience
        self._levels: dict[str, float] = {}
        self._lock = threading.Lock()

    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float, decision: Decision) -> None:
        pass

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        if audience is not self.audience:
            return
        db = level_db(samples)
        with self._lock:
            self._levels[channel] = db

    def levels(self) -> dict[str, float]:
        with self._lock:
            return dict(self._levels)

    def reset(self) -> None:
        with self._lock:
            self._levels.clear()


class ChannelMatrix(QGroupBox):
    """One row per channel: name, what feeds it, level meter, level in dB."""

    def __init__(self, channels: list[tuple[str, str, str]], levels: ChannelLevels | None = None,
                 poll_ms: int = 100, parent: QWidget | None = None) -> None:
        """``channels``: (channel id, display name, source description), the floor first."""
        super().__init__(translate("Widgets", "Channels (what the court hears)"), parent)
        self.setAccessibleName(translate("Widgets", "Channel matrix"))
        self.levels = levels
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        self.grid = grid
        self.rows: dict[str, int] = {}
        self.meters: dict[str, LevelMeter] = {}
        self.values: dict[str, QLabel] = {}
        # two grid rows per channel: the channel itself, then (if any) its desk controls underneath,
        # so a long control row never widens the console beyond the screen
        for i, (cid, name, source) in enumerate(channels):
            row = 2 * i
            lab = QLabel(name)
            lab.setObjectName("channelName")
            grid.addWidget(lab, row, 0)
            src = QLabel(source)
            src.setObjectName("hint")
            src.setProperty("i18n_data", True)  # who interprets (names from the plan)
            grid.addWidget(src, row, 1)
            meter = LevelMeter()
            meter.setAccessibleName(translate("Widgets", "Level of the {channel} channel").format(channel=name))
            grid.addWidget(meter, row, 2)
            val = QLabel("—")
            val.setMinimumWidth(62)
            val.setAccessibleName(translate("Widgets", "{channel} level in dB").format(channel=name))
            grid.addWidget(val, row, 3)
            self.meters[cid] = meter
            self.values[cid] = val
            self.rows[cid] = row
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.refresh)
        if levels is not None:
            self._timer.start()

    def add_controls(self, cid: str, widget: QWidget) -> None:
        """Put ``widget`` (e.g. an interpreter desk's hand-over and relay controls) under the ``cid``
        channel's row."""
        self.grid.addWidget(widget, self.rows[cid] + 1, 1, 1, 3)

    def set_levels(self, levels: dict[str, float]) -> None:
        for cid, meter in self.meters.items():
            db = levels.get(cid, -90.0)
            meter.set_level(db)
            self.values[cid].setText(translate("Widgets", "silent") if db <= -60 else
                                     translate("Widgets", "{db} dB").format(db=f"{db:.0f}"))

    def refresh(self) -> None:
        if self.levels is not None:
            self.set_levels(self.levels.levels())

    def stop(self) -> None:
        self._timer.stop()
