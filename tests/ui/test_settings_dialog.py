"""The settings dialog loads, edits and saves the settings through the callables it is given."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPushButton

from desktop import settings as settings_mod
from recording.sources.devices import DeviceInfo
from ui.settings_dialog import SettingsDialog
from ui.start import StartWindow


def _dialog(qtbot, path, cameras=(), mics=()):
    d = SettingsDialog(partial(settings_mod.load, path), lambda s: settings_mod.save(s, path),
                       list_cameras=lambda: list(cameras), list_microphones=lambda: list(mics))
    qtbot.addWidget(d)
    d.show()
    return d


def test_settings_round_trip(qtbot, tmp_path):
    path = tmp_path / "settings.json"
    cams = [DeviceInfo("0", "Camera 0", "camera"), DeviceInfo("2", "Camera 2", "camera")]
    mics = [DeviceInfo("5", "USB Headset", "microphone")]
    d = _dialog(qtbot, path, cams, mics)
    assert [d.camera.itemData(i) for i in range(d.camera.count())] == ["auto", "demo", "0", "2"]
    assert [d.microphone.itemData(i) for i in range(d.microphone.count())] == ["auto", "demo", "5"]
    d.camera.setCurrentIndex(d.camera.findData("2"))
    d.microphone.setCurrentIndex(d.microphone.findData("5"))
    d.face_style.setCurrentIndex(d.face_style.findData("blur"))
    d.voice_preset.setCurrentIndex(d.voice_preset.findData("strong"))
    d.vault_dir.setText(str(tmp_path / "vault"))
    d.witness_language.setCurrentIndex(d.witness_language.findData("es"))
    d.text_scale.setValue(1.3)
    d.high_contrast.setChecked(True)
    for child in d.findChildren(QPushButton) + d.findChildren(QComboBox):
        assert child.accessibleName(), child
    saved = []
    d.saved.connect(saved.append)
    qtbot.mouseClick(d.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert saved and path.exists()
    s = settings_mod.load(path)
    assert (s.camera, s.microphone, s.face_style, s.voice_preset) == ("2", "5", "blur", "strong")
    assert s.vault_path == tmp_path / "vault" and s.witness_language == "es"
    assert s.text_scale == 1.3 and s.high_contrast
    # reopened: the saved choices are selected; a device that is gone now is still shown, marked
    d2 = _dialog(qtbot, path, cams[:1], [])
    assert d2.camera.currentData() == "2" and "not found now" in d2.camera.currentText()
    assert d2.microphone.currentData() == "5" and d2.face_style.currentData() == "blur"
    assert d2.edited() == s


def test_settings_cancel_and_device_errors(qtbot, tmp_path):
    path = tmp_path / "settings.json"

    def broken():
        raise RuntimeError("PortAudio missing")

    d = SettingsDialog(partial(settings_mod.load, path), lambda s: settings_mod.save(s, path),
                       list_cameras=broken, list_microphones=broken)
    qtbot.addWidget(d)
    assert d.camera.count() == 2 and d.microphone.count() == 2  # auto and demo remain
    d.camera.setCurrentIndex(1)
    d.reject()
    assert not path.exists()


def test_save_failure_is_shown(qtbot, tmp_path):
    def fail(_s):
        raise PermissionError("read-only")

    d = SettingsDialog(settings_mod.Settings, fail, list_cameras=list, list_microphones=list)
    qtbot.addWidget(d)
    d.accept()
    assert "could not be saved" in d.note.text() and d.result() == 0


def test_start_window_offers_settings(qtbot):
    w = StartWindow()
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.settings_requested, timeout=1000):
        qtbot.mouseClick(w.settings_button, Qt.MouseButton.LeftButton)
    assert w.settings_button.accessibleName() == "Settings"
