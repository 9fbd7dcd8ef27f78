"""Station settings: camera, microphone, face style, voice preset, vault folder, the witness's screen
language, text size and contrast.

``ui`` must not import ``desktop`` (import-linter contract), so the dialog is given ``load()`` and
``save(settings)`` callables (``desktop.settings.load``/``save``) and edits the settings object it
loads with :func:`dataclasses.replace`.  Device lists come from ``list_cameras`` /
``list_microphones`` callables (``recording.sources.devices`` by default; tests inject their own).

Signals:
    saved(object): the settings were saved.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.clerk.plan_summary import PRESET_LABELS, STYLE_LABELS, STYLES
from ui.i18n import SCREEN_LANGUAGES
from ui.theme import COURT, apply_theme

log = logging.getLogger("testimony_shield.ui.settings")

PRESETS = ("off", "standard", "strong")  # recording.masking.voice.PRESETS


def _default_cameras() -> list[Any]:
    from recording.sources.devices import list_cameras

    return list_cameras()


def _default_microphones() -> list[Any]:
    from recording.sources.devices import list_microphones

    return list_microphones()


class SettingsDialog(QDialog):
    saved = Signal(object)

    def __init__(self, load: Callable[[], Any], save: Callable[[Any], None],
                 list_cameras: Callable[[], list[Any]] = _default_cameras,
                 list_microphones: Callable[[], list[Any]] = _default_microphones,
                 high_contrast: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Testimony Shield — Settings")
        self.setAccessibleName("Settings")
        apply_theme(self, COURT, high_contrast)
        self._save = save
        self.settings = load()
        s = self.settings
        lay = QVBoxLayout(self)
        title = QLabel("Settings")
        title.setObjectName("title")
        lay.addWidget(title)
        hint = QLabel("For this computer. Passphrases are never stored.")
        hint.setObjectName("hint")
        lay.addWidget(hint)
        form = QFormLayout()

        self.camera = QComboBox()
        self.camera.setAccessibleName("Camera")
        self.camera.addItem("Automatic (a camera if there is one, else the demo witness)", "auto")
        self.camera.addItem("Demo witness (built-in)", "demo")
        for dev in self._safe(list_cameras):
            self.camera.addItem(dev.name, dev.id)
        self._select(self.camera, s.camera, f"Camera {s.camera} (not found now)")

        self.microphone = QComboBox()
        self.microphone.setAccessibleName("Microphone")
        self.microphone.addItem("Automatic (a microphone if there is one, else the demo voice)", "auto")
        self.microphone.addItem("Demo voice (built-in)", "demo")
        for dev in self._safe(list_microphones):
            self.microphone.addItem(f"{dev.name} (#{dev.id})", dev.id)
        self._select(self.microphone, s.microphone, f"Device #{s.microphone} (not found now)")

        self.face_style = QComboBox()
        self.face_style.setAccessibleName("Face mask style")
        for style in STYLES:
            self.face_style.addItem(STYLE_LABELS.get(style, style), style)
        self._select(self.face_style, s.face_style, s.face_style)

        self.voice_preset = QComboBox()
        self.voice_preset.setAccessibleName("Voice preset")
        for preset in PRESETS:
            self.voice_preset.addItem(PRESET_LABELS.get(preset, preset), preset)
        self._select(self.voice_preset, s.voice_preset, s.voice_preset)

        vault_row = QHBoxLayout()
        self.vault_dir = QLineEdit(s.vault_dir)
        self.vault_dir.setPlaceholderText(f"Default: {s.vault_path}" if not s.vault_dir else "")
        self.vault_dir.setAccessibleName("Vault folder")
        browse = QPushButton("Browse…")
        browse.setAccessibleName("Choose the vault folder")
        browse.clicked.connect(self._browse)
        vault_row.addWidget(self.vault_dir, 1)
        vault_row.addWidget(browse)

        self.witness_language = QComboBox()
        self.witness_language.setAccessibleName("Witness screen language")
        for code, name in SCREEN_LANGUAGES.items():
            self.witness_language.addItem(name, code)
        self._select(self.witness_language, s.witness_language, s.witness_language)
        self.text_scale = QDoubleSpinBox()
        self.text_scale.setAccessibleName("Witness text size")
        self.text_scale.setRange(0.8, 2.0)
        self.text_scale.setSingleStep(0.15)
        self.text_scale.setSuffix(" ×")
        self.text_scale.setValue(float(s.text_scale))
        self.high_contrast = QCheckBox("High contrast")
        self.high_contrast.setAccessibleName("High contrast")
        self.high_contrast.setChecked(bool(s.high_contrast))

        for label, w in (("&Camera", self.camera), ("&Microphone", self.microphone),
                         ("&Face mask style", self.face_style), ("&Voice preset", self.voice_preset)):
            form.addRow(label, w)
        vault_label = QLabel("Vault &folder")
        vault_label.setBuddy(self.vault_dir)
        form.addRow(vault_label, vault_row)
        form.addRow("&Witness screen language", self.witness_language)
        form.addRow("Witness &text size", self.text_scale)
        form.addRow("", self.high_contrast)
        for w in (self.camera, self.microphone, self.face_style, self.voice_preset, self.witness_language,
                  self.text_scale):
            label = form.labelForField(w)
            if isinstance(label, QLabel):
                label.setBuddy(w)
        lay.addLayout(form)
        self.note = QLabel("Device changes apply to the next session.")
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Settings note")
        lay.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        for b in buttons.buttons():
            b.setAccessibleName(b.text().replace("&", ""))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay.addWidget(buttons)
        self.resize(640, 420)

    @staticmethod
    def _safe(fn: Callable[[], list[Any]]) -> list[Any]:
        try:
            return list(fn())
        except Exception as exc:
            log.info("device listing failed: %s", type(exc).__name__)
            return []

    @staticmethod
    def _select(combo: QComboBox, value: str, missing_label: str) -> None:
        i = combo.findData(value)
        if i < 0:
            combo.addItem(missing_label, value)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Vault folder", self.vault_dir.text() or "")
        if folder:
            self.vault_dir.setText(folder)

    def edited(self) -> Any:
        """The settings as edited (not saved)."""
        return dataclasses.replace(
            self.settings, camera=self.camera.currentData(), microphone=self.microphone.currentData(),
            face_style=self.face_style.currentData(), voice_preset=self.voice_preset.currentData(),
            vault_dir=self.vault_dir.text().strip(), witness_language=self.witness_language.currentData(),
            text_scale=round(self.text_scale.value(), 2), high_contrast=self.high_contrast.isChecked())

    def accept(self) -> None:
        new = self.edited()
        try:
            self._save(new)
        except OSError as exc:
            self.note.setText(f"The settings could not be saved ({type(exc).__name__}). Check the folder's "
                              "permissions and try again.")
            self.note.setObjectName("error")
            self.note.setStyleSheet("")
            return
        self.settings = new
        self.saved.emit(new)
        super().accept()
