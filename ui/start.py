"""Start window: choose the station this computer is — Clerk console, Witness station, Judge review.

Signals:
    clerk_requested(), witness_requested(), remote_witness_requested(), judge_requested(), settings_requested()
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.theme import COURT, apply_theme


class StartWindow(QWidget):
    clerk_requested = Signal()
    witness_requested = Signal()
    remote_witness_requested = Signal()
    judge_requested = Signal()
    settings_requested = Signal()

    def __init__(self, note: str = "", high_contrast: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Testimony Shield")
        self.setAccessibleName("Testimony Shield start")
        apply_theme(self, COURT, high_contrast)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 28)
        title = QLabel("Testimony Shield")
        title.setObjectName("title")
        lay.addWidget(title)
        sub = QLabel("Remote, masked, recorded and sealed testimony. Which station is this computer?")
        sub.setObjectName("subtitle")
        sub.setWordWrap(True)
        lay.addWidget(sub)
        row = QHBoxLayout()
        row.setSpacing(18)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, desc, signal in (
            ("clerk", "Clerk console", "Plan and run a session, record and seal it", self.clerk_requested),
            ("witness", "Witness station", "The calm screen for the witness's room", self.witness_requested),
            ("remote_witness", "Remote witness station", "Join from elsewhere with the court's invitation", self.remote_witness_requested),
            ("judge", "Judge review", "Unseal and review sealed recordings", self.judge_requested),
        ):
            b = QPushButton(f"{label}\n\n{desc}")
            b.setObjectName("primary" if key == "clerk" else "")
            # a minimum height only: a fixed minimum width let the layout squeeze the buttons below their
            # text, cutting the descriptions off on both sides
            b.setMinimumHeight(150)
            b.setAccessibleName(label)
            b.setAccessibleDescription(desc)
            b.clicked.connect(signal.emit)
            self.buttons[key] = b
            row.addWidget(b)
        lay.addLayout(row, 1)
        foot = QHBoxLayout()
        self.note = QLabel(note)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignLeft)
        foot.addWidget(self.note, 1)
        self.settings_button = QPushButton("&Settings…")
        self.settings_button.setAccessibleName("Settings")
        self.settings_button.setAccessibleDescription("Camera, microphone, masks, vault folder, witness language")
        self.settings_button.clicked.connect(self.settings_requested.emit)
        foot.addWidget(self.settings_button)
        lay.addLayout(foot)
        self.resize(max(780, self.sizeHint().width()), 340)
