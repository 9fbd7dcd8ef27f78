"""Start window: choose the station this computer is — Clerk console, Witness station, Remote witness
station, Judge review, Interpreter station.

Signals:
    clerk_requested(), witness_requested(), remote_witness_requested(), judge_requested(),
    interpreter_requested(), settings_requested()
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.theme import COURT, apply_theme


class StartWindow(QWidget):
    clerk_requested = Signal()
    witness_requested = Signal()
    remote_witness_requested = Signal()
    judge_requested = Signal()
    interpreter_requested = Signal()
    settings_requested = Signal()

    def __init__(self, note: str = "", high_contrast: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_theme(self, COURT, high_contrast)
        self._note_text = note
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 28)
        self.title = QLabel("Testimony Shield")
        self.title.setObjectName("title")
        lay.addWidget(self.title)
        self.sub = QLabel()
        self.sub.setObjectName("subtitle")
        self.sub.setWordWrap(True)
        lay.addWidget(self.sub)
        row = QGridLayout()  # two a row: room for the longer words of Spanish and French
        row.setSpacing(18)
        row.setColumnStretch(0, 1)
        row.setColumnStretch(1, 1)
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, signal) in enumerate(
            (
                ("clerk", self.clerk_requested),
                ("witness", self.witness_requested),
                ("remote_witness", self.remote_witness_requested),
                ("judge", self.judge_requested),
                ("interpreter", self.interpreter_requested),
            )
        ):
            b = QPushButton()
            b.setObjectName("primary" if key == "clerk" else "")
            # a minimum height only: a fixed minimum width let the layout squeeze the buttons below their
            # text, cutting the descriptions off on both sides
            b.setMinimumHeight(110)
            b.clicked.connect(signal.emit)
            self.buttons[key] = b
            row.addWidget(b, i // 2, i % 2)
        lay.addLayout(row, 1)
        foot = QHBoxLayout()
        self.note = QLabel(note)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignLeft)
        foot.addWidget(self.note, 1)
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.settings_requested.emit)
        foot.addWidget(self.settings_button)
        lay.addLayout(foot)
        self.retranslate()
        self.resize(max(820, self.sizeHint().width()), 420)

    def set_vault_note(self, folder: str) -> None:
        """The vault folder this station uses (said under the buttons)."""
        self._note_text = folder
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle("Testimony Shield")
        self.setAccessibleName(self.tr("Testimony Shield start"))
        self.setAccessibleDescription(self.tr("Choose the station this computer is"))
        self.sub.setText(
            self.tr("Remote, masked, recorded and sealed testimony. Which station is this computer?")
        )
        for key, label, desc in (
            ("clerk", self.tr("Clerk console"), self.tr("Plan and run a session, record and seal it")),
            ("witness", self.tr("Witness station"), self.tr("The calm screen for the witness's room")),
            (
                "remote_witness",
                self.tr("Remote witness station"),
                self.tr("Join from elsewhere with the court's invitation"),
            ),
            ("judge", self.tr("Judge review"), self.tr("Unseal and review sealed recordings")),
            (
                "interpreter",
                self.tr("Interpreter station"),
                self.tr("Interpret a hearing from elsewhere, with the court's invitation"),
            ),
        ):
            b = self.buttons[key]
            b.setText(f"{label}\n\n{desc}")
            b.ensurePolished()  # the theme's font (the stylesheet's size), not the default one
            bold = QFont(b.font())
            bold.setBold(True)  # the primary button's text is bold: room for the widest line in bold
            widest = max(QFontMetrics(bold).horizontalAdvance(line) for line in (label, desc))
            b.setMinimumWidth(widest + 56)
            b.setAccessibleName(label)
            b.setAccessibleDescription(desc)
        self.note.setText(
            self.tr("Vault: {folder}").format(folder=self._note_text) if self._note_text else ""
        )
        self.note.setAccessibleName(self.tr("Vault folder"))
        self.settings_button.setText(self.tr("&Settings…"))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.setAccessibleDescription(
            self.tr("Screen language, camera, microphone, masks, vault folder, the witness's language")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
