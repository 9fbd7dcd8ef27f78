"""One confirmation dialog for actions that cannot be undone (ending and sealing a session).

Not modal: the window behind it keeps running (a live session's preview and timers go on), Escape and
the default button keep things as they are, and the action runs only when its own button is clicked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, text: str, do: str, keep: str, on_do: Callable[[], None],
            on_close: Callable[[], None] | None = None,
            icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> QMessageBox:
    """Open (not exec) a dialog with a destructive ``do`` button and a default ``keep`` button.

    ``on_do`` runs when ``do`` is clicked; ``on_close`` runs first whenever the dialog closes (so the
    caller can forget it)."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setAccessibleName(title)
    do_btn = box.addButton(do, QMessageBox.ButtonRole.DestructiveRole)
    keep_btn = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    for b in (do_btn, keep_btn):
        b.setAccessibleName(b.text())
        b.setAccessibleDescription(text.split("\n")[0])
    box.setDefaultButton(keep_btn)
    box.setEscapeButton(keep_btn)

    def finished(_result: int) -> None:
        if on_close is not None:
            on_close()
        if box.clickedButton() is do_btn:
            on_do()

    box.finished.connect(finished)
    box.open()
    return box
