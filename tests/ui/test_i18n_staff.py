"""Staff screens in the court's languages: the catalogues are complete and compiled, every string a
staff window shows goes through translation, and language names come from Qt's locale data.

The runtime check is a pseudo-translation: a catalogue where every string of the sources becomes
``⟦string⟧`` is installed, each staff window is opened and every text it shows (titles, labels,
buttons, list items, placeholders, tooltips, accessible names and descriptions) must be inside such
brackets — a string that bypasses ``tr`` shows without them and fails the test with its text."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from desktop import settings as settings_mod
from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402

pytestmark = pytest.mark.skipif(
    shutil.which("pyside6-lupdate") is None
    and not Path(sys.executable).with_name("pyside6-lupdate").exists(),
    reason="pyside6-lupdate is not installed",
)

OPEN, CLOSE = "⟦", "⟧"


# -- catalogues ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", sorted(translations.LANGS))
def test_staff_catalogue_is_complete_and_current(tmp_path, lang):
    """lupdate over today's sources finds no string without a finished translation, and the
    compiled catalogue is the one lrelease makes from the committed source catalogue."""
    committed = translations.OUT / f"staff_{lang}.ts"
    ts = tmp_path / committed.name
    shutil.copy(committed, ts)
    translations.lupdate(ts, lang)
    missing = translations.unfinished(ts)
    assert not missing, (
        f"{len(missing)} staff strings untranslated in {lang} (run scripts/translations.py "
        f"and translate them in {committed.name}): {missing[:20]}"
    )
    qm = tmp_path / "staff.qm"
    translations.lrelease(committed, qm)
    assert qm.read_bytes() == committed.with_suffix(".qm").read_bytes(), (
        f"{committed.with_suffix('.qm').name} is stale: run scripts/translations.py"
    )


@pytest.mark.parametrize("lang", sorted(translations.LANGS))
def test_witness_catalogue_is_complete(lang):
    done = translations.read_ts(translations.OUT / f"witness_{lang}.ts")
    missing = [text for text, _ in translations.extract() if text not in done]
    assert not missing, f"witness strings untranslated in {lang}: {missing[:20]}"


def test_an_unfinished_translation_is_caught(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="es_ES"><context>'
        "<name>A</name><message><source>One</source><translation>Uno</translation></message>"
        '<message><source>Two</source><translation type="unfinished">Dos</translation></message>'
        "<message><source>Three</source><translation></translation></message></context></TS>",
        encoding="utf-8",
    )
    assert translations.unfinished(ts) == [("A", "Two"), ("A", "Three")]


# -- language names --------------------------------------------------------------------------------


def test_language_names_come_from_qt_locale_data():
    assert i18n.native_name("spa") == "Español" and i18n.native_name("es") == "Español"
    assert i18n.native_name("fra") == i18n.native_name("fre") == "Français"
    assert i18n.native_name("pol") == "Polski" and i18n.native_name("deu") == "Deutsch"
    assert i18n.native_name("xyz") == "xyz" and not i18n.is_language("bsl1")
    assert i18n.english_name("spa") == "Spanish" and i18n.english_name("ukr") == "Ukrainian"
    assert i18n.screen_language_for("spa") == "es" and i18n.screen_language_for("fr_CA") == "fr"
    assert i18n.screen_language_for("deu") == "en" and i18n.screen_language_for("") == "en"
    assert list(i18n.screen_languages()) == ["en", "es", "fr"]


def test_staff_language_follows_the_setting(qapp):
    try:
        assert i18n.install_staff_language("es") == "es"
        assert i18n.language_name("spa", native=False) == "Español"
        assert QCoreApplication.translate("StartWindow", "Clerk console") == "Consola del secretario judicial"
        assert i18n.install_staff_language("fr") == "fr"
        assert QCoreApplication.translate("StartWindow", "Clerk console") == "Console du greffier"
    finally:
        i18n.install_staff_language("en")
    assert QCoreApplication.translate("StartWindow", "Clerk console") == "Clerk console"
    assert i18n.language_name("spa", native=False) == "Spanish"


def test_start_window_switches_language_when_the_setting_changes(qtbot):
    from ui.start import StartWindow

    w = StartWindow(note="/srv/vault")
    qtbot.addWidget(w)
    try:
        i18n.install_staff_language("es")
        QApplication.sendPostedEvents(w, QEvent.Type.LanguageChange)
        assert w.buttons["clerk"].accessibleName() == "Consola del secretario judicial"
        assert w.note.text() == "Depósito: /srv/vault"
    finally:
        i18n.install_staff_language("en")
        QApplication.sendPostedEvents(w, QEvent.Type.LanguageChange)
    assert w.buttons["clerk"].accessibleName() == "Clerk console"


# -- every string through translation (pseudo-translation) -----------------------------------------


def pseudo_catalogue(tmp_path: Path) -> bytes:
    ts = tmp_path / "pseudo.ts"
    shutil.copy(translations.OUT / "staff_es.ts", ts)
    translations.lupdate(ts, "es")
    tree = ET.parse(ts)
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        assert tr is not None
        src = msg.findtext("source") or ""
        tr.attrib.pop("type", None)
        forms = list(tr.iter("numerusform"))
        for f in forms:
            f.text = OPEN + src + CLOSE
        if not forms:
            tr.text = OPEN + src + CLOSE
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "pseudo.qm"
    translations.lrelease(ts, qm)
    return qm.read_bytes()


@pytest.fixture()
def pseudo(tmp_path, qapp) -> Iterator[None]:
    i18n.install_staff_language("es", extra=pseudo_catalogue(tmp_path))
    try:
        yield
    finally:
        i18n.install_staff_language("en")


#: texts that are data, not interface: product name, language names (Qt's own), Qt's own translated
#: standard buttons
def _allowed() -> set[str]:
    allowed = {"Testimony Shield"}
    for code in ("en", "es", "fr", "spa", "fra", "eng", "deu", "pol", "ara"):
        allowed |= {i18n.native_name(code), i18n.english_name(code)}
    for text in ("Save", "Cancel", "OK", "Close", "Open", "Yes", "No", "Apply", "Discard"):
        allowed.add(QCoreApplication.translate("QPlatformTheme", text).replace("&", ""))
    for text in ("Scroll Left", "Scroll Right"):  # a tab bar's own buttons (Qt's catalogue)
        allowed.add(QCoreApplication.translate("QTabBar", text))
    return allowed


WORD = re.compile(r"[^\W\d_]{2,}")


def untranslated(text: str, allowed: set[str]) -> bool:
    """A text with words outside ⟦…⟧ that are not data (rich-text tags are markup, not words)."""
    text = re.sub(r"<[^>]{0,40}>", " ", text)
    rest = text
    inner = re.compile(re.escape(OPEN) + "[^" + OPEN + CLOSE + "]*" + re.escape(CLOSE), re.S)
    while inner.search(rest):  # translated pieces, innermost first (a translation may embed another)
        rest = inner.sub(" ", rest)
    rest = re.sub(r"\([a-z]{3}\)|\b[a-z]{3}<?>[a-z]{3}\b", " ", rest)  # ISO 639-2 codes, language pairs
    for token in sorted(allowed, key=len, reverse=True):
        rest = rest.replace(token, " ")
    return bool(WORD.search(rest.replace("&", "")))


def shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything the window shows or gives a screen reader."""
    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        if w.property("i18n_data"):  # a display of data (a file path, a case number): not interface
            continue
        where = f"{type(w).__name__}#{w.objectName() or '?'}"
        if w.isWindow() and w.windowTitle():
            yield where + ".windowTitle", w.windowTitle()
        for kind in ("accessibleName", "accessibleDescription", "toolTip"):
            value = getattr(w, kind)()
            if value:
                yield f"{where}.{kind}", value
        if isinstance(w, QLabel | QAbstractButton) and w.text():
            yield where + ".text", w.text()
        if isinstance(w, QLineEdit) and w.placeholderText():
            yield where + ".placeholder", w.placeholderText()
        if isinstance(w, QGroupBox) and w.title():
            yield where + ".title", w.title()
        if isinstance(w, QComboBox) and not w.property("i18n_data_items"):
            for i in range(w.count()):
                yield f"{where}.item{i}", w.itemText(i)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{where}.tab{i}", w.tabText(i)
        if isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                if item is not None and item.text():
                    yield f"{where}.header{i}", item.text()


def assert_all_translated(window: QWidget, data: tuple[str, ...] = ()) -> None:
    """``data``: texts shown that are data (people's names, device names), not interface."""
    allowed = _allowed() | set(data)
    bad = [(where, text) for where, text in shown_texts(window) if untranslated(text, allowed)]
    assert not bad, f"{type(window).__name__}: {len(bad)} texts not through translation: {bad[:25]}"


def test_start_window_strings_all_translated(qtbot, pseudo):
    from ui.start import StartWindow

    w = StartWindow(note="/srv/vault")
    qtbot.addWidget(w)
    w.show()
    assert_all_translated(w)


def test_settings_dialog_strings_all_translated(qtbot, pseudo, tmp_path):
    from recording.sources.devices import DeviceInfo
    from ui.settings_dialog import SettingsDialog

    d = SettingsDialog(
        settings_mod.Settings,
        lambda s: None,
        list_cameras=lambda: [DeviceInfo("0", "Camera 0", "camera")],
        list_microphones=list,
    )
    d.camera.setProperty("i18n_data_items", True)  # device names come from the system
    qtbot.addWidget(d)
    d.show()
    assert_all_translated(d)


def test_the_pseudo_check_catches_a_string_that_bypasses_translation(qtbot, pseudo):
    w = QWidget()
    qtbot.addWidget(w)
    QLabel(QCoreApplication.translate("StartWindow", "Clerk console"), w)
    assert_all_translated(w)
    QLabel("Not translated", w)
    with pytest.raises(AssertionError, match="Not translated"):
        assert_all_translated(w)


def test_clerk_wizard_strings_all_translated(qtbot, pseudo, runner, fake_session):
    from ui.clerk.console import ClerkConsole

    w = ClerkConsole(fake_session, runner)
    qtbot.addWidget(w)
    w.show()
    w.form.fill_demo(("spa", "fra"))
    names = ("HHJ Demo", "Clerk Demo", "Support worker", "Witness A", "DEMO-2026-001")
    for step in range(len(w.form.page_list)):
        w.form.go_to(step)
        assert_all_translated(w, names)
    w.form.case_number.setText("")
    w.form.create.click()  # a problem is shown in the step it belongs to
    assert w.form.error.text().startswith(OPEN)


def test_clerk_live_console_strings_all_translated(qtbot, pseudo, runner, fake_session):
    from recording.session import State, demo_plan
    from ui.clerk.console import ClerkConsole
    from ui.session import SessionController

    c = SessionController(fake_session(demo_plan(("spa",))), runner)
    w = ClerkConsole(fake_session, runner, controller=c)
    qtbot.addWidget(w)
    w.show()
    assert_all_translated(w)
    c.go_live()
    qtbot.waitUntil(lambda: c.state is State.LIVE, timeout=5000)
    w.live.tick_schedule()
    assert_all_translated(w)
    c.request_break("clerk")
    qtbot.waitUntil(lambda: c.state is State.BREAK, timeout=5000)
    w.live.tick_schedule()
    assert_all_translated(w)


def test_interpreter_station_strings_all_translated(qtbot, pseudo):
    from tests.ui.stations import interpreter_on_air

    w = interpreter_on_air()
    qtbot.addWidget(w)
    w.show()
    assert_all_translated(w, ("Headset", "Ana", "Bruno", "T2026-0142"))


def test_judge_review_strings_all_translated(qtbot, pseudo, runner, sealed_vault):
    from ui.review.judge import JudgeReview

    vault, rec_id = sealed_vault
    w = JudgeReview(vault, runner)
    qtbot.addWidget(w)
    w.show()
    assert_all_translated(w)
    w.passphrase.setText(vault.passphrase)
    w.unlock()
    qtbot.waitUntil(lambda: w.identity is not None and w.table.model().rowCount() > 0, timeout=20000)
    # the table's cells are read from the model: the kind column is translated, the case number is data
    cells = [w.table.model().index(0, c).data() for c in range(w.table.model().columnCount())]
    assert cells[1].startswith(OPEN) and w.table.model().headerData(0, Qt.Orientation.Horizontal).startswith(OPEN)
    assert_all_translated(w, ("T2026-0142",))
