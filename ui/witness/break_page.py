"""The break screen the witness sees (the station's, and the rehearsal's practice break): a heading,
calm guidance, a gentle timer (the station's only) and "I'm ready to continue".  Its owner sets the
texts in the witness's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.widgets.factory import label


class BreakPage(QWidget):
    def __init__(self, with_timer: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breakPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # a subclass paints the theme's background
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 40, 40, 40)
        lay.addStretch(1)
        self.head = label(object_name="title")
        self.guidance = label(object_name="grounding", wrap=True)
        self.timer = label("00:00", object_name="breakTimer")
        self.timer.setVisible(with_timer)
        for w in (self.head, self.guidance, self.timer):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(w)
        self.ready = QPushButton()
        self.ready.setObjectName("readyButton")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ready)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
