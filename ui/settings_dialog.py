"""Station settings: the staff screens' language, camera, microphone, face style, voice preset, vault
folder, the witness's screen language, text size and contrast.

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

from PySide6.QtCore import QEvent, Signal
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

from recording.sources.base import listed
from ui.i18n import native_name, screen_languages, staff_language_for
from ui.labels import PRESETS, STYLES, preset_label, style_label
from ui.theme import COURT, apply_theme

log = logging.getLogger("testimony_shield.ui.settings")


def _default_cameras() -> list[Any]:
    from recording.sources.devices import list_cameras

    return list_cameras()


def _default_microphones() -> list[Any]:
    from recording.sources.devices import list_microphones

    return list_microphones()


class SettingsDialog(QDialog):
    saved = Signal(object)

    def __init__(
        self,
        load: Callable[[], Any],
        save: Callable[[Any], None],
        list_cameras: Callable[[], list[Any]] = _default_cameras,
        list_microphones: Callable[[], list[Any]] = _default_microphones,
        high_contrast: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        apply_theme(self, COURT, high_contrast)
        self._save = save
        self.settings = load()
        s = self.settings
        self._cameras = listed(list_cameras)
        self._microphones = listed(list_microphones)
        self._error = ""
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("title")
        lay.addWidget(self.title)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        lay.addWidget(self.hint)
        form = QFormLayout()
        self.form = form

        self.language = QComboBox()  # the staff screens' language
        self.camera = QComboBox()
        self.microphone = QComboBox()
        self.face_style = QComboBox()
        self.voice_preset = QComboBox()
        self.vault_dir = QLineEdit(s.vault_dir)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        vault_row = QHBoxLayout()
        vault_row.addWidget(self.vault_dir, 1)
        vault_row.addWidget(self.browse)
        self.witness_language = QComboBox()
        self.text_scale = QDoubleSpinBox()
        self.text_scale.setRange(0.8, 2.0)
        self.text_scale.setSingleStep(0.15)
        self.text_scale.setSuffix(" ×")
        self.text_scale.setValue(float(s.text_scale))
        self.high_contrast = QCheckBox()
        self.high_contrast.setChecked(bool(s.high_contrast))
        self._labels: dict[str, QLabel] = {}
        for key, field in (
            ("language", self.language),
            ("camera", self.camera),
            ("microphone", self.microphone),
            ("face_style", self.face_style),
            ("voice_preset", self.voice_preset),
            ("vault_dir", vault_row),
            ("witness_language", self.witness_language),
            ("text_scale", self.text_scale),
        ):
            label = self._labels[key] = QLabel()
            label.setBuddy(self.vault_dir if key == "vault_dir" else field)  # type: ignore[arg-type]
            form.addRow(label, field)
        form.addRow("", self.high_contrast)
        lay.addLayout(form)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay.addWidget(buttons)
        self._fill()
        self.retranslate()
        self.resize(680, 460)

    def _fill(self) -> None:
        """The choices of every list, in the screen language, keeping what is selected."""
        s = self.settings
        keep = {
            c: (c.currentData() if c.count() else None)
            for c in (
                self.language,
                self.camera,
                self.microphone,
                self.face_style,
                self.voice_preset,
                self.witness_language,
            )
        }
        for combo in keep:
            combo.blockSignals(True)
            combo.clear()
        system = staff_language_for("")
        self.language.addItem(self.tr("As the system ({language})").format(language=native_name(system)), "")
        for code, name in screen_languages().items():
            self.language.addItem(name, code)
        self.camera.addItem(self.tr("Automatic (a camera if there is one, else the demo witness)"), "auto")
        self.camera.addItem(self.tr("Demo witness (built-in)"), "demo")
        for dev in self._cameras:
            self.camera.addItem(dev.name, dev.id)
        self.microphone.addItem(
            self.tr("Automatic (a microphone if there is one, else the demo voice)"), "auto"
        )
        self.microphone.addItem(self.tr("Demo voice (built-in)"), "demo")
        for dev in self._microphones:
            self.microphone.addItem(f"{dev.name} (#{dev.id})", dev.id)
        for style in STYLES:
            self.face_style.addItem(style_label(style), style)
        for preset in PRESETS:
            self.voice_preset.addItem(preset_label(preset), preset)
        for code, name in screen_languages().items():
            self.witness_language.addItem(name, code)
        self._select(
            self.language, keep[self.language] if keep[self.language] is not None else s.language, s.language
        )
        self._select(
            self.camera,
            keep[self.camera] or s.camera,
            self.tr("Camera {id} (not found now)").format(id=s.camera),
        )
        self._select(
            self.microphone,
            keep[self.microphone] or s.microphone,
            self.tr("Device #{id} (not found now)").format(id=s.microphone),
        )
        self._select(self.face_style, keep[self.face_style] or s.face_style, s.face_style)
        self._select(self.voice_preset, keep[self.voice_preset] or s.voice_preset, s.voice_preset)
        self._select(
            self.witness_language, keep[self.witness_language] or s.witness_language, s.witness_language
        )
        for combo in keep:
            combo.blockSignals(False)

    def retranslate(self) -> None:
        s = self.settings
        self.setWindowTitle(self.tr("Testimony Shield — Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.title.setText(self.tr("Settings"))
        self.hint.setText(self.tr("For this computer. Passphrases are never stored."))
        texts = {
            "language": (
                self.tr("Screen &language"),
                self.tr("Language of these screens"),
                self.tr("The language of the clerk's, judge's and interpreter's screens"),
            ),
            "camera": (self.tr("&Camera"), self.tr("Camera"), self.tr("The camera that films the witness")),
            "microphone": (
                self.tr("&Microphone"),
                self.tr("Microphone"),
                self.tr("The microphone of the witness's room"),
            ),
            "face_style": (
                self.tr("&Face mask style"),
                self.tr("Face mask style"),
                self.tr("How the witness's face is covered for everyone not allowed to see it"),
            ),
            "voice_preset": (
                self.tr("&Voice preset"),
                self.tr("Voice preset"),
                self.tr("How strongly the witness's voice is changed"),
            ),
            "vault_dir": (
                self.tr("Vault &folder"),
                self.tr("Vault folder"),
                self.tr("Where the encrypted evidence vault is kept"),
            ),
            "witness_language": (
                self.tr("&Witness screen language"),
                self.tr("Witness screen language"),
                self.tr("The language the witness station starts in"),
            ),
            "text_scale": (
                self.tr("Witness &text size"),
                self.tr("Witness text size"),
                self.tr("How large the text of the witness station is"),
            ),
        }
        fields = {
            "language": self.language,
            "camera": self.camera,
            "microphone": self.microphone,
            "face_style": self.face_style,
            "voice_preset": self.voice_preset,
            "vault_dir": self.vault_dir,
            "witness_language": self.witness_language,
            "text_scale": self.text_scale,
        }
        for key, (label, name, desc) in texts.items():
            self._labels[key].setText(label)
            fields[key].setAccessibleName(name)
            fields[key].setAccessibleDescription(desc)
        self.vault_dir.setPlaceholderText(
            self.tr("Default: {folder}").format(folder=s.vault_path) if not s.vault_dir else ""
        )
        self.browse.setText(self.tr("Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the vault folder"))
        self.browse.setAccessibleDescription(self.tr("Opens a folder chooser"))
        self.high_contrast.setText(self.tr("High contrast"))
        self.high_contrast.setAccessibleName(self.tr("High contrast"))
        self.high_contrast.setAccessibleDescription(self.tr("White and yellow on black on every screen"))
        self.note.setText(self._error or self.tr("Device changes apply to the next session."))
        self.note.setAccessibleName(self.tr("Settings note"))
        for b in self.buttons.buttons():
            b.setAccessibleName(b.text().replace("&", ""))
            role = self.buttons.buttonRole(b)
            b.setAccessibleDescription(
                self.tr("Save the settings and close")
                if role == QDialogButtonBox.ButtonRole.AcceptRole
                else self.tr("Close without saving")
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "note"):
            self._fill()
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _select(combo: QComboBox, value: str, missing_label: str) -> None:
        i = combo.findData(value)
        if i < 0:
            combo.addItem(missing_label, value)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Vault folder"), self.vault_dir.text() or "")
        if folder:
            self.vault_dir.setText(folder)

    def edited(self) -> Any:
        """The settings as edited (not saved)."""
        return dataclasses.replace(
            self.settings,
            camera=self.camera.currentData(),
            microphone=self.microphone.currentData(),
            face_style=self.face_style.currentData(),
            voice_preset=self.voice_preset.currentData(),
            vault_dir=self.vault_dir.text().strip(),
            witness_language=self.witness_language.currentData(),
            text_scale=round(self.text_scale.value(), 2),
            high_contrast=self.high_contrast.isChecked(),
            language=self.language.currentData() or "",
        )

    def accept(self) -> None:
        new = self.edited()
        try:
            self._save(new)
        except OSError as exc:
            self._error = self.tr(
                "The settings could not be saved ({error}). Check the folder's permissions and try again."
            ).format(error=type(exc).__name__)
            self.note.setText(self._error)
            self.note.setObjectName("error")
            self.note.setStyleSheet("")
            return
        self.settings = new
        self.saved.emit(new)
        super().accept()
