"""Themes: QSS templates under ``resources/styles`` with ``$variables`` filled from a palette.

``court`` (clerk console, judge review) and ``witness`` (calm, large text) each have a normal and a
high-contrast palette.  Loaded with importlib.resources, so they work from a wheel too."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from string import Template

from PySide6.QtWidgets import QWidget

COURT = "court"
WITNESS = "witness"

#: one high-contrast palette for every window (white and yellow on black, cyan focus)
HIGH_CONTRAST: dict[str, str] = {
    "bg": "#000000", "card": "#000000", "field": "#000000", "text": "#ffffff", "muted": "#ffff00",
    "border": "#ffffff", "button": "#000000", "button_hover": "#333333", "button_text": "#ffffff",
    "accent": "#ffff00", "accent_text": "#000000", "focus": "#00ffff", "ring": "#00ffff", "danger": "#ff6060",
    "ok": "#00ff80", "warn_bg": "#ffff00", "warn_text": "#000000", "break_bg": "#000000",
}

_PALETTES: dict[tuple[str, bool], dict[str, str]] = {
    (COURT, False): {
        "bg": "#f4f5f7", "card": "#ffffff", "field": "#ffffff", "text": "#1f2933", "muted": "#5f6b7a",
        "border": "#d5dae1", "button": "#e9edf2", "button_hover": "#dde3ea", "button_text": "#1f2933",
        "accent": "#2f5d8a", "accent_text": "#ffffff", "focus": "#2f5d8a", "ring": "#111820", "danger": "#b3412f",
        "ok": "#2e7d5b", "warn_bg": "#fdf0d5", "warn_text": "#6b4a00", "break_bg": "#eef2f6",
    },
    (COURT, True): HIGH_CONTRAST,
    (WITNESS, False): {
        "bg": "#f3f1ec", "card": "#fbfaf7", "field": "#ffffff", "text": "#2b3a3a", "muted": "#5d6b68",
        "border": "#dcd8cf", "button": "#e7ece9", "button_hover": "#dde5e1", "button_text": "#2b3a3a",
        "accent": "#4f7c78", "accent_text": "#ffffff", "focus": "#2f5d5a", "ring": "#14211f", "danger": "#a65a4a",
        "ok": "#4f7f5a", "warn_bg": "#e6efe9", "warn_text": "#2b3a3a", "break_bg": "#e8eee9",
    },
    (WITNESS, True): HIGH_CONTRAST,
}


def palette(name: str, high_contrast: bool = False) -> dict[str, str]:
    return dict(_PALETTES[(name, high_contrast)])


@lru_cache(maxsize=8)
def _template(file: str) -> str:
    return (resources.files("resources") / "styles" / file).read_text(encoding="utf-8")


def stylesheet(name: str, high_contrast: bool = False, text_scale: float = 1.0) -> str:
    """The full stylesheet for theme ``name`` (``court`` or ``witness``)."""
    values = palette(name, high_contrast)
    base = 14 * text_scale
    values.update(font_px=f"{round(base)}px", title_px=f"{round(base * 1.5)}px",
                  big_px=f"{round(base * 1.35)}px", huge_px=f"{round(base * 2.0)}px",
                  timer_px=f"{round(base * 3.2)}px")
    text = _template("base.qss") + "\n" + _template(f"{name}.qss")
    return Template(text).substitute(values)


def apply_theme(widget: QWidget, name: str, high_contrast: bool = False, text_scale: float = 1.0) -> None:
    widget.setStyleSheet(stylesheet(name, high_contrast, text_scale))
    widget.setProperty("theme", name)
