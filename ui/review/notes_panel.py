"""The judge's private notes on the open recording: each at a playback position, encrypted in the
vault to the judge alone; clicking one jumps there.  Vault calls run on the op runner.

Signals:
    jump(float): go to this position (seconds).
    message(str): a plain message for the judge (a note added, or what went wrong).
    added(): a note was stored (the audit trail changed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.concurrency import OpRunner
from ui.errors import user_message
from ui.review.player import emit_jump
from ui.review.recordings_model import fmt_time
from ui.widgets.factory import button

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "JudgeReview")


class NotesPanel(QWidget):
    jump = Signal(float)
    message = Signal(str)
    added = Signal()

    def __init__(self, runner: OpRunner, position: Callable[[], float], parent: QWidget | None = None) -> None:
        """``position()`` is the player's position in seconds (where a new note goes)."""
        super().__init__(parent)
        self.runner = runner
        self._position = position
        self.vault: Any = None
        self.identity: Any = None
        self.rec_id = ""
        self.notes: list[Any] = []
        nl = QVBoxLayout(self)
        nl.setContentsMargins(0, 0, 0, 0)
        self.notes_list = QListWidget()
        self.notes_list.setAccessibleName(translate("JudgeReview", "My private notes (click to jump)"))
        self.notes_list.setAccessibleDescription(translate("JudgeReview", "Encrypted; only the judge reads them"))
        self.notes_list.itemClicked.connect(lambda item: emit_jump(self.jump, item))
        self.notes_list.itemActivated.connect(lambda item: emit_jump(self.jump, item))
        nl.addWidget(self.notes_list, 1)
        add_row = QHBoxLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            translate("JudgeReview", "A private note at the current position (encrypted, judge only)")
        )
        self.note_edit.setAccessibleName(translate("JudgeReview", "New note"))
        self.note_edit.setAccessibleDescription(translate("JudgeReview", "Enter adds it at the current position"))
        self.note_edit.returnPressed.connect(self.add_note)
        add_row.addWidget(self.note_edit, 1)
        self.add_note_btn = button(
            translate("JudgeReview", "Add note"),
            translate("JudgeReview", "Add the note at the current position"),
            self.add_note,
        )
        self.add_note_btn.setAccessibleDescription(translate("JudgeReview", "Encrypted; only the judge can read it"))
        add_row.addWidget(self.add_note_btn)
        nl.addLayout(add_row)

    def show_recording(self, vault: Any, identity: Any, rec_id: str) -> None:
        """The notes of ``rec_id``, as ``identity`` may read them."""
        self.vault, self.identity, self.rec_id = vault, identity, rec_id
        self.load()

    def load(self) -> None:
        if self.identity is None or not self.rec_id:
            return
        vault, ident, rec_id = self.vault, self.identity, self.rec_id
        self.runner.run(lambda: vault.notes(rec_id, ident), lambda notes: self._fill(rec_id, notes),
                        lambda e: self.message.emit(user_message(e)))

    def _fill(self, rec_id: str, notes: list[Any]) -> None:
        if rec_id != self.rec_id:
            return
        self.notes = notes
        self.notes_list.clear()
        for n in notes:
            item = QListWidgetItem(f"{fmt_time(n.at)}  {n.text}")
            item.setData(Qt.ItemDataRole.UserRole, n.at)
            item.setToolTip(
                translate("JudgeReview", "written {time} UTC").format(time=n.created[:16].replace("T", " "))
            )
            self.notes_list.addItem(item)

    def add_note(self) -> None:
        text = self.note_edit.text().strip()
        if not text or self.identity is None:
            return
        if not self.rec_id:
            self.message.emit(
                translate("JudgeReview", "Open a recording first: a note belongs to a moment of a recording.")
            )
            return
        at = self._position()
        vault, ident, rec_id = self.vault, self.identity, self.rec_id
        self.add_note_btn.setEnabled(False)

        def work() -> list[Any]:
            vault.add_note(rec_id, ident, at, text)
            return vault.notes(rec_id, ident)

        def ok(notes: list[Any]) -> None:
            self.add_note_btn.setEnabled(True)
            self.note_edit.clear()
            self._fill(rec_id, notes)
            self.message.emit(translate("JudgeReview", "Note added at {time} (encrypted; only the judge can read "
                                                       "it).").format(time=fmt_time(at)))
            self.added.emit()

        def bad(exc: BaseException) -> None:
            self.add_note_btn.setEnabled(True)
            self.message.emit(user_message(exc))

        self.runner.run(work, ok, bad)
