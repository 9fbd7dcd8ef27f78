"""Names of the masks' styles and presets on staff screens, translated where they are shown (one
table for the wizard and the settings dialog)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Masks"

#: recording.masking.face.STYLES (not imported: that module imports OpenCV, which must load after Qt)
STYLES = ("opaque", "silhouette", "pixelate", "blur")
#: recording.masking.voice.PRESETS
PRESETS = ("off", "standard", "strong")
STYLE_LABELS = {
    "opaque": QT_TRANSLATE_NOOP("Masks", "Solid cover"),
    "silhouette": QT_TRANSLATE_NOOP("Masks", "Silhouette"),
    "pixelate": QT_TRANSLATE_NOOP("Masks", "Pixelated"),
    "blur": QT_TRANSLATE_NOOP("Masks", "Blurred"),
}
PRESET_LABELS = {
    "off": QT_TRANSLATE_NOOP("Masks", "Off (natural voice)"),
    "standard": QT_TRANSLATE_NOOP("Masks", "Standard"),
    "strong": QT_TRANSLATE_NOOP("Masks", "Strong"),
}


def _translated(context: str, table: dict[str, str], value: str, default: str) -> str:
    """``table[value]`` in the staff's language; ``default`` for a value the table does not name."""
    text = table.get(value)
    return QCoreApplication.translate(context, text) if text else default


def style_label(style: str) -> str:
    return _translated(CONTEXT, STYLE_LABELS, style, style)


def preset_label(preset: str) -> str:
    return _translated(CONTEXT, PRESET_LABELS, preset, preset)


#: recording.session.ROLE_LABELS, for staff screens
ROLE_LABELS = {
    "judge": QT_TRANSLATE_NOOP("Roles", "Judge"),
    "clerk": QT_TRANSLATE_NOOP("Roles", "Clerk"),
    "prosecution": QT_TRANSLATE_NOOP("Roles", "Prosecution"),
    "defence": QT_TRANSLATE_NOOP("Roles", "Defence"),
    "interpreter": QT_TRANSLATE_NOOP("Roles", "Interpreter"),
    "support": QT_TRANSLATE_NOOP("Roles", "Support person"),
    "intermediary": QT_TRANSLATE_NOOP("Roles", "Intermediary"),
    "witness": QT_TRANSLATE_NOOP("Roles", "Witness"),
    "accused": QT_TRANSLATE_NOOP("Roles", "Accused"),
}


def role_label(role: object) -> str:
    """A participant's role (a ``recording.session.Role`` or its value) in the staff's language."""
    value = str(getattr(role, "value", role))
    return _translated("Roles", ROLE_LABELS, value, value)


#: recording.session.State values, for staff screens
STATE_LABELS = {
    "draft": QT_TRANSLATE_NOOP("States", "Draft"),
    "waiting room": QT_TRANSLATE_NOOP("States", "Waiting room"),
    "live": QT_TRANSLATE_NOOP("States", "Live"),
    "break": QT_TRANSLATE_NOOP("States", "Break"),
    "ended": QT_TRANSLATE_NOOP("States", "Ended"),
    "sealed": QT_TRANSLATE_NOOP("States", "Sealed"),
}


def state_label(state: object) -> str:
    value = str(getattr(state, "value", state))
    return _translated("States", STATE_LABELS, value, value.capitalize())
