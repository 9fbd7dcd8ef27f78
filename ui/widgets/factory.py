"""Small factories for the widget boilerplate every screen repeats: a styled label, a named button
wired to its slot, a form whose labels are buddies of their fields (Alt+letter focuses the field).

Each sets the accessible name, so a screen reader names every control (tests check none is unnamed)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


def label(text: str = "", object_name: str = "", accessible: str = "", wrap: bool = False) -> QLabel:
    """A label styled by ``object_name`` (``title``, ``subtitle``, ``hint``, ``error``...)."""
    w = QLabel(text)
    if object_name:
        w.setObjectName(object_name)
    if wrap:
        w.setWordWrap(True)
    if accessible:
        w.setAccessibleName(accessible)
    return w


def card(margins: tuple[int, int, int, int] = (16, 12, 16, 12)) -> tuple[QFrame, QVBoxLayout]:
    """A framed panel (styled by the theme's ``card``) and its vertical layout."""
    f = QFrame()
    f.setObjectName("card")
    lay = QVBoxLayout(f)
    lay.setContentsMargins(*margins)
    return f, lay


def page(object_name: str, margins: tuple[int, int, int, int], spacing: int) -> tuple[QWidget, QVBoxLayout]:
    """A page of a stacked window (styled by ``object_name``) and its vertical layout."""
    w = QWidget()
    w.setObjectName(object_name)
    lay = QVBoxLayout(w)
    lay.setContentsMargins(*margins)
    lay.setSpacing(spacing)
    return w, lay


def stacked(window: QWidget) -> QStackedWidget:
    """The pages of ``window``, filling it edge to edge."""
    stack = QStackedWidget()
    lay = QVBoxLayout(window)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(stack)
    return stack


def button(text: str, accessible: str, slot: Callable[[], object] | None = None,
           object_name: str = "", description: str = "") -> QPushButton:
    """A push button named (and described) for screen readers; ``slot`` is called on click."""
    b = QPushButton(text)
    b.setAccessibleName(accessible)
    if description:
        b.setAccessibleDescription(description)
    if object_name:
        b.setObjectName(object_name)
    if slot is not None:
        # connected as given (PySide drops the checked flag for a slot without arguments): a bound
        # method lets PySide disconnect when its object is deleted, a lambda around it would not
        b.clicked.connect(slot)
    return b


def describe(widget: QWidget, name: str, description: str | None = None, text: str | None = None) -> None:
    """What a screen reader says of ``widget``: its accessible name and (given) description; ``text``,
    when given, is also what it shows (a button's or a label's text)."""
    if text is not None:
        widget.setText(text)  # type: ignore[attr-defined]
    widget.setAccessibleName(name)
    if description is not None:
        widget.setAccessibleDescription(description)


def buddy_form(rows: Iterable[tuple[str, QWidget]]) -> QFormLayout:
    """A form of ``(label with &mnemonic, field)`` rows; each label is the buddy of its field."""
    form = QFormLayout()
    for text, field in rows:
        form.addRow(text, field)
        lab = form.labelForField(field)
        if isinstance(lab, QLabel):
            lab.setBuddy(field)
    return form


def combo(accessible: str, items: Iterable[tuple[str, object]] = ()) -> QComboBox:
    """A drop-down of ``(text, data)`` items, named for screen readers."""
    c = QComboBox()
    c.setAccessibleName(accessible)
    for text, data in items:
        c.addItem(text, data)
    return c


def ok_cancel(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's OK (labelled ``ok_text``) and Cancel buttons, wired to accept and reject."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok
