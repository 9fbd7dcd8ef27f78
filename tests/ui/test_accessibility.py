"""Keyboard and screen readers across every station window: each control a keyboard can reach has an
accessible name and description (as Qt's accessibility interface gives them to a screen reader),
Tab reaches every control, focus is drawn in both themes, and the witness's break is one key from
anywhere in the witness station (its rehearsal included)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QRadioButton, QTabBar, QWidget

from recording.session import State
from tests.ui import stations
from ui.theme import apply_theme


@pytest.fixture()
def windows(qtbot, runner) -> Iterator[dict[str, QWidget]]:
    sessions: list = []
    built = stations.build(runner, sessions)
    for w in built.values():
        qtbot.addWidget(w)
        w.show()
    qtbot.waitUntil(
        lambda: built["witness"].c is not None and built["witness"].c.state is State.LIVE, timeout=5000
    )
    yield built
    for w in built.values():
        w.close()
    for s in sessions:
        s.pipeline.stop()


def controls(window: QWidget) -> list[QWidget]:
    """The widgets a keyboard user can reach in ``window`` as it is shown now."""
    out = []
    for w in window.findChildren(QWidget):
        if not (w.isVisibleTo(window) and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox):  # their editor: the box speaks for it
            continue
        if w.focusProxy() is not None:  # e.g. a tab widget: its tab bar takes the focus and speaks
            continue
        if w.window() is not window:
            continue
        out.append(w)
    return out


def spoken(w: QWidget) -> tuple[str, str]:
    """(name, description) a screen reader gets.  A combo box's name on Linux is its current value;
    its label comes from the "labelled by" relation (its buddy label) or its accessible name."""
    iface = QAccessible.queryAccessibleInterface(w)
    assert iface is not None and iface.isValid(), w
    name = iface.text(QAccessible.Text.Name).strip()
    if isinstance(w, QTabBar) and 0 <= w.currentIndex() < iface.childCount():
        # a screen reader is taken to the current tab: its name is the tab's text, its description
        # the tab's tooltip
        tab = iface.child(w.currentIndex())
        return tab.text(QAccessible.Text.Name).strip(), tab.text(QAccessible.Text.Description).strip()
    if isinstance(w, QComboBox):
        labels = [
            rel[0].text(QAccessible.Text.Name) for rel in iface.relations(QAccessible.RelationFlag.Label)
        ]
        name = w.accessibleName().strip() or next((t for t in labels if t.strip()), "")
    return name, iface.text(QAccessible.Text.Description).strip()


def describe(w: QWidget) -> str:
    text = getattr(w, "text", lambda: "")()
    return f"{type(w).__name__}#{w.objectName() or '?'} {text!r}"


#: windows whose controls need names but not yet descriptions (none left)
DESCRIPTIONS_PENDING: set[str] = set()


def test_every_control_has_an_accessible_name_and_description(windows):
    problems = []
    for name, window in windows.items():
        found = controls(window)
        assert found, name
        for w in found:
            said, desc = spoken(w)
            if not said:
                problems.append(f"{name}: {describe(w)} has no accessible name")
            elif not desc and name not in DESCRIPTIONS_PENDING:
                problems.append(f"{name}: {describe(w)} ({said}) has no accessible description")
    assert not problems, "\n".join(problems)


def test_the_rehearsal_dialog_too(windows, qtbot):
    dlg = stations.rehearsal(windows["witness"])
    qtbot.waitUntil(dlg.isVisible, timeout=3000)
    missing = [describe(w) for w in controls(dlg) if not all(spoken(w))]
    dlg.reject()
    assert not missing, missing


def test_tab_reaches_every_control(windows, qtbot):
    for name, window in windows.items():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        wanted = [w for w in controls(window) if w.isEnabled()]
        wanted[0].setFocus(Qt.FocusReason.TabFocusReason)
        seen: list[QWidget] = []
        for _ in range(len(wanted) * 3):
            f = QApplication.focusWidget()
            if f is not None and f not in seen:
                seen.append(f)
            window.focusNextPrevChild(True)
        # radio buttons of one group: Tab stops at one, the arrow keys move between them
        groups = {id(w.group() or w.parentWidget()) for w in seen if isinstance(w, QRadioButton)}
        missed = [
            describe(w)
            for w in wanted
            if w not in seen
            and w.focusProxy() not in seen
            and not (isinstance(w, QRadioButton) and id(w.group() or w.parentWidget()) in groups)
        ]
        assert not missed, f"{name}: Tab never reaches {missed}"


@pytest.mark.parametrize("high_contrast", [False, True])
def test_focus_is_drawn_in_both_themes(windows, qtbot, high_contrast):
    problems = []
    for name, window in windows.items():
        theme = window.property("theme")
        if theme:
            apply_theme(window, theme, high_contrast)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        for w in controls(window):
            if not w.isEnabled() or w.width() < 4:
                continue
            away = next((o for o in controls(window) if o is not w and o.isEnabled()), None)
            if away is None:
                continue
            away.setFocus()
            QApplication.processEvents()
            before = w.grab().toImage()
            w.setFocus(Qt.FocusReason.TabFocusReason)
            QApplication.processEvents()
            if not w.hasFocus():
                continue
            after = w.grab().toImage()
            if before == after:
                problems.append(f"{name}: {describe(w)}")
        if theme:
            apply_theme(window, theme, False)
    assert not problems, f"focus not drawn (high contrast {high_contrast}):\n" + "\n".join(problems)


def test_witness_break_is_one_key_from_anywhere(windows, qtbot):
    witness = windows["witness"]
    c = witness.c
    witness.activateWindow()
    qtbot.waitUntil(witness.isActiveWindow, timeout=2000)
    for w in controls(witness):
        if not w.isEnabled():
            continue
        w.setFocus()
        QTest.keyClick(QApplication.focusWidget() or witness, Qt.Key.Key_B)
        qtbot.waitUntil(lambda: c.state is State.BREAK, timeout=2000)
        assert witness.stack.currentWidget() is witness.break_page, describe(w)
        c.end_break()
        qtbot.waitUntil(lambda: c.state is State.LIVE, timeout=2000)
        witness.resume()
    # in the rehearsal the same key tries the break there (nothing reaches the court)
    dlg = stations.rehearsal(witness)
    qtbot.waitUntil(dlg.isVisible, timeout=3000)
    QTest.keyClick(QApplication.focusWidget() or dlg, Qt.Key.Key_B)
    assert c.state is State.LIVE
    dlg.reject()
