"""The interpreter station's widgets and their places (the job of a Qt Designer ``setupUi``):
:class:`StationLayout` builds them as attributes of the station; the station sets their texts
(``retranslate``), connects their signals and drives them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recording.booth import HANDOVER_DEFAULT, HANDOVER_MAX, HANDOVER_MIN
from ui.widgets.factory import label
from ui.widgets.level_meter import LevelMeter


class StationLayout:
    """Mixed into :class:`ui.interpreter.station.InterpreterStation`: the banner and countdown on top,
    the joining box (safety code, practice) and the booth (who speaks, cough, hand-over, what is
    heard) on the left, headphones and microphone on the right; the tab order follows them."""

    def build_layout(self, station: QWidget) -> None:
        lay = QVBoxLayout(station)
        lay.setContentsMargins(22, 18, 22, 18)
        lay.setSpacing(12)
        self.title = label(object_name="title")
        lay.addWidget(self.title)
        self.status = label(object_name="subtitle", wrap=True)
        lay.addWidget(self.status)

        self.banner = label(object_name="offAir", wrap=True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMinimumHeight(92)
        lay.addWidget(self.banner)
        self.countdown = label(object_name="handoverCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setVisible(False)
        lay.addWidget(self.countdown)

        body = QHBoxLayout()
        body.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self._build_join_box())
        left.addWidget(self._build_booth(), 1)
        body.addLayout(left, 3)
        body.addWidget(self._build_devices(), 2)
        lay.addLayout(body, 1)

        station.setTabOrder(self.practise, self.cough)
        for a, b in (
            (self.cough, self.handover),
            (self.handover, self.handover_seconds),
            (self.handover_seconds, self.cancel),
            (self.cancel, self.source),
            (self.source, self.volume),
            (self.volume, self.return_on),
            (self.return_on, self.return_level),
            (self.return_level, self.headphones_box),
            (self.headphones_box, self.mic_box),
            (self.mic_box, self.test),
            (self.test, self.leave_button),
        ):
            station.setTabOrder(a, b)

    def _build_join_box(self) -> QGroupBox:
        """Joining: the safety code, practice."""
        self.join_box = QGroupBox()
        jl = QVBoxLayout(self.join_box)
        self.code = label("— — —", object_name="safetyCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        jl.addWidget(self.code)
        self.code_hint = label(object_name="hint", wrap=True)
        jl.addWidget(self.code_hint)
        self.practise = QPushButton()
        self.practise.setCheckable(True)
        jl.addWidget(self.practise)
        return self.join_box

    def _build_booth(self) -> QFrame:
        """The booth: who speaks, the floor, the controls."""
        self.booth_box = QFrame()
        self.booth_box.setObjectName("card")
        bl = QVBoxLayout(self.booth_box)
        self.speaking = label(object_name="speaking", wrap=True)
        bl.addWidget(self.speaking)
        self.on_air_line = label(wrap=True)
        bl.addWidget(self.on_air_line)
        self.partner_line = label(object_name="hint", wrap=True)
        bl.addWidget(self.partner_line)
        bl.addStretch(1)
        row = QHBoxLayout()
        self.cough = QPushButton()
        self.cough.setObjectName("cough")
        self.cough.setMinimumHeight(64)
        row.addWidget(self.cough, 2)
        self.handover = QPushButton()
        self.handover.setObjectName("primary")
        self.handover.setMinimumHeight(64)
        row.addWidget(self.handover, 2)
        self.handover_seconds = QSpinBox()
        self.handover_seconds.setRange(int(HANDOVER_MIN), int(HANDOVER_MAX))
        self.handover_seconds.setValue(int(HANDOVER_DEFAULT))
        row.addWidget(self.handover_seconds)
        self.cancel = QPushButton()
        row.addWidget(self.cancel, 1)
        bl.addLayout(row)
        form = QFormLayout()
        self.source = QComboBox()
        self.source_label = QLabel()
        self.source_label.setBuddy(self.source)
        form.addRow(self.source_label, self.source)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume_label = QLabel()
        self.volume_label.setBuddy(self.volume)
        form.addRow(self.volume_label, self.volume)
        ret = QHBoxLayout()
        self.return_on = QCheckBox()
        self.return_on.setChecked(True)
        self.return_level = QSlider(Qt.Orientation.Horizontal)
        self.return_level.setRange(-30, 0)
        self.return_level.setValue(-12)
        self.return_value = QLabel()
        ret.addWidget(self.return_on)
        ret.addWidget(self.return_level, 1)
        ret.addWidget(self.return_value)
        self.return_label = QLabel()
        self.return_label.setBuddy(self.return_level)
        form.addRow(self.return_label, ret)
        bl.addLayout(form)
        return self.booth_box

    def _build_devices(self) -> QGroupBox:
        """Headphones and microphone, the level, the test, leaving."""
        self.devices = QGroupBox()
        dl = QFormLayout(self.devices)
        self.headphones_box = QComboBox()
        self.headphones_label = QLabel()
        self.headphones_label.setBuddy(self.headphones_box)
        dl.addRow(self.headphones_label, self.headphones_box)
        self.mic_box = QComboBox()
        self.mic_label = QLabel()
        self.mic_label.setBuddy(self.mic_box)
        dl.addRow(self.mic_label, self.mic_box)
        self.meter = LevelMeter()
        self.meter_label = QLabel()
        dl.addRow(self.meter_label, self.meter)
        self.test = QPushButton()
        self.test.setCheckable(True)
        dl.addRow(self.test)
        self.device_note = label(object_name="hint", wrap=True)
        dl.addRow(self.device_note)
        self.leave_button = QPushButton()
        dl.addRow(self.leave_button)
        return self.devices
