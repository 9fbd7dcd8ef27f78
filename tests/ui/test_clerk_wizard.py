"""The clerk's set-up wizard builds a valid plan, and shows each problem in its own step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QSpinBox, QWidget

from recording.model import Audience
from recording.session import Role
from ui.clerk.wizard import CASE, LANGUAGES, MEASURES, PEOPLE, REVIEW, RULES, SessionWizard


def _unnamed(w: QWidget) -> list[str]:
    kinds = (QPushButton, QComboBox, QLineEdit, QCheckBox, QSpinBox)
    return [c.objectName() or type(c).__name__ for k in kinds for c in w.findChildren(k)
            if not c.accessibleName() and not c.objectName().startswith("qt_")]


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _wizard(qtbot):
    """The wizard, shown; the plans it submits are collected in the list returned with it."""
    w = SessionWizard()
    qtbot.addWidget(w)
    w.show()
    plans: list = []
    w.submitted.connect(plans.append)
    return w, plans


def test_wizard_builds_a_full_plan(qtbot):
    w, plans = _wizard(qtbot)
    assert w.step == CASE and not w.back.isEnabled()
    w.case_number.setText("T2026-0142")
    w.pseudonym.setText("Witness B")
    _click(qtbot, w.next)
    assert w.step == PEOPLE
    for r, name in enumerate(("HHJ Example", "Clerk Example", "Sam Support")):
        w.table.item(r, 0).setText(name)
    w.add_participant("Ana Intérprete", Role.INTERPRETER, "eng>spa")
    w.add_participant("Luc Interprète", Role.INTERPRETER, "eng<>fra")
    w.add_participant("Ivy Intermediary", Role.INTERMEDIARY)
    w.add_participant("The accused", Role.ACCUSED)
    _click(qtbot, w.next)
    assert w.step == MEASURES
    w.face_style.setCurrentIndex(w.face_style.findData("pixelate"))
    w.voice_preset.setCurrentIndex(w.voice_preset.findData("strong"))
    w.unmasked[Audience.SUPPORT].setChecked(True)
    w.evidence_private.setChecked(True)
    w.pause_in_breaks.setChecked(True)
    _click(qtbot, w.next)
    assert w.step == RULES
    w.longest.setValue(15)
    w.interval.setValue(25)
    w.length.setValue(5)
    _click(qtbot, w.next)
    assert w.step == LANGUAGES
    w.languages.setText("spa, fra")
    assert "Spanish" in w.language_note.text() and "interpreter listed" in w.language_note.text()
    _click(qtbot, w.next)
    assert w.step == REVIEW and not w.next.isEnabled()
    assert "T2026-0142" in w.summary.text() and "every 25 min for 5 min" in w.summary.text()
    _click(qtbot, w.create)
    assert w.error.text() == ""
    plan = plans[0]
    plan.validate()
    assert plan.languages == ("spa", "fra")
    assert plan.rules.longest_questioning_minutes == 15 and plan.rules.break_interval_minutes == 25
    m = plan.measures
    assert m.face_style == "pixelate" and m.voice_preset == "strong"
    assert m.evidence_in_private and m.pause_recording_in_breaks and m.accused_screened
    assert plan.unmasked(Audience.JUDGE) and plan.unmasked(Audience.SUPPORT) and not plan.unmasked(Audience.COURT)
    roles = {p.role for p in plan.participants}
    assert roles >= {Role.JUDGE, Role.INTERPRETER, Role.INTERMEDIARY, Role.ACCUSED, Role.WITNESS, Role.SUPPORT}
    assert [p.languages for p in plan.participants if p.role is Role.INTERPRETER] == ["eng>spa", "eng<>fra"]
    assert not _unnamed(w)


def test_wizard_shows_errors_in_their_step(qtbot):
    w, plans = _wizard(qtbot)
    w.go_to(REVIEW)
    assert "Not ready yet" in w.summary.text()
    _click(qtbot, w.create)
    assert w.step == CASE and "case number" in w.error.text()
    assert w.page_errors[CASE].isVisible() and w.case_number.property("invalid")
    w.fill_demo()
    w.add_participant("Ana", Role.INTERPRETER, "spanish")
    _click(qtbot, w.create)
    assert w.step == PEOPLE and "language pair of Ana" in w.page_errors[PEOPLE].text()
    assert not w.page_errors[CASE].isVisible() and not w.case_number.property("invalid")
    w.table.item(3, 2).setText("eng>spa")
    w.table.removeRow(2)  # the support person
    _click(qtbot, w.create)
    assert w.step == MEASURES and "support person" in w.error.text()
    w.support_present.setChecked(False)
    w.voice_preset.setCurrentIndex(w.voice_preset.findData("off"))  # "masked" with the natural voice
    _click(qtbot, w.create)
    assert w.step == MEASURES and "voice mask is on" in w.error.text()
    w.voice_preset.setCurrentIndex(w.voice_preset.findData("standard"))
    w.languages.setText("spa, es")
    _click(qtbot, w.create)
    assert w.step == LANGUAGES and "ISO 639-2" in w.page_errors[LANGUAGES].text()
    w.languages.setText("spa, eng")
    _click(qtbot, w.create)
    assert "floor language" in w.error.text()
    w.languages.setText("spa")
    _click(qtbot, w.create)
    assert w.error.text() == "" and len(plans) == 1 and not plans[0].measures.support_person_present


def test_a_fixed_problem_is_no_longer_shown(qtbot):
    """Typing the missing case number clears "the case number is empty" at once — it used to stay on
    every step (and next to the finished plan on Review) until the next "Create session"."""
    w = SessionWizard()
    qtbot.addWidget(w)
    w.show()
    _click(qtbot, w.create)
    assert "case number" in w.error.text() and w.case_number.property("invalid")
    w.case_number.setText("T2026-0142")
    assert w.error.text() == "" and not w.page_errors[CASE].isVisible()
    assert not w.case_number.property("invalid")
    _click(qtbot, w.create)  # the next problem: the pseudonym; another edit elsewhere keeps it
    assert "pseudonym" in w.error.text()
    w.languages.setText("spa")
    assert "pseudonym" in w.error.text()
    w.pseudonym.setText("Witness B")
    assert w.error.text() == ""
    _click(qtbot, w.create)
    assert w.step == PEOPLE and "no name" in w.error.text()
    w.table.item(0, 0).setText("HHJ Example")  # participant 1 fixed; participant 2 still has no name
    assert w.error.text() == ""
    _click(qtbot, w.create)
    assert "participant 2" in w.error.text()


def test_wizard_keyboard_navigation(qtbot):
    w = SessionWizard()
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitActive(w):
        w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert w.step == RULES
    w.steps.setCurrentRow(LANGUAGES)
    assert w.step == LANGUAGES


def test_console_uses_the_wizard(qtbot, clerk_console):
    w, made = clerk_console
    w.form.fill_demo(("spa", "fra"))
    with qtbot.waitSignal(w.session_created, timeout=5000):
        _click(qtbot, w.form.create)
    assert made[0].languages == ("spa", "fra")
    assert set(w.live.channels.meters) == {"floor", "spa", "fra"}
    w.close()


def test_wizard_plan_follows_the_model_rules(qtbot):
    """The wizard holds no rules of its own: a both-ways interpreter it calls "listed" is found by
    the plan, and a bad floor language is shown at the floor language field."""
    w = SessionWizard()
    qtbot.addWidget(w)
    w.show()
    w.fill_demo()
    w.add_participant("Ana", Role.INTERPRETER, "spa<>eng")
    w.languages.setText("spa")
    w.go_to(LANGUAGES)
    assert "spa: Spanish (interpreter listed)" in w.language_note.text()
    assert w.plan().interpreters_for("spa") == ["Ana"]
    w.floor_language.setText("en")
    _click(qtbot, w.create)
    assert w.step == LANGUAGES and "ISO 639-2" in w.page_errors[LANGUAGES].text()
    assert w.floor_language.property("invalid") and not w.languages.property("invalid")
