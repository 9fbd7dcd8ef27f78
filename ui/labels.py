"""Names of the masks' styles and presets on staff screens, translated where they are shown (one
table for the wizard and the settings dialog)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Masks"

#: recording.masking.face.STYLES (not imported: that module imports OpenCV, which must load after Qt)
STYLES = ("opaque", "silhouette", "pixelate", "blur")
#: recording.masking.voice.PRESETS
PRESETS = ("off", "standard", "strong")
STYLE_LABELS = {"opaque": QT_TRANSLATE_NOOP("Masks", "Solid cover"),
                "silhouette": QT_TRANSLATE_NOOP("Masks", "Silhouette"),
                "pixelate": QT_TRANSLATE_NOOP("Masks", "Pixelated"),
                "blur": QT_TRANSLATE_NOOP("Masks", "Blurred")}
PRESET_LABELS = {"off": QT_TRANSLATE_NOOP("Masks", "Off (natural voice)"),
                 "standard": QT_TRANSLATE_NOOP("Masks", "Standard"),
                 "strong": QT_TRANSLATE_NOOP("Masks", "Strong")}


def style_label(style: str) -> str:
    text = STYLE_LABELS.get(style)
    return QCoreApplication.translate(CONTEXT, text) if text else style


def preset_label(preset: str) -> str:
    text = PRESET_LABELS.get(preset)
    return QCoreApplication.translate(CONTEXT, text) if text else preset
