"""Translations of witness-facing text (Qt's translation system, one QTranslator per witness).

The witness station and the rehearsal mark their strings with ``tr("...")`` of a
:class:`WitnessTranslator`; the catalogues are ``resources/translations/witness_<lang>.ts`` (edit them
with Qt Linguist), compiled to ``.qm`` with ``pyside6-lrelease`` (``scripts/translations.py`` does
both).  Each station has its own translator (not installed application-wide), so a witness in Spanish
and a clerk in English can share one process.

ISO 639-2 codes (``spa``) name the interpretation channels; the screen language uses the two-letter
code (``es``) Qt's locales use.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QTranslator

log = logging.getLogger("testimony_shield.ui.i18n")

CONTEXT = "WitnessStation"

#: Screen languages with a translation, in their own names.
SCREEN_LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français"}

#: ISO 639-2 (bibliographic and terminological) to the screen language code, where translated.
ISO639_2_TO_SCREEN = {"eng": "en", "spa": "es", "fra": "fr", "fre": "fr"}

#: Names of common interpretation languages, in their own language (for the witness) and in English
#: (for the clerk).  Unknown codes are shown as the code itself.
LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "eng": ("English", "English"), "spa": ("Español", "Spanish"), "fra": ("Français", "French"),
    "deu": ("Deutsch", "German"), "ita": ("Italiano", "Italian"), "por": ("Português", "Portuguese"),
    "pol": ("Polski", "Polish"), "ron": ("Română", "Romanian"), "lit": ("Lietuvių", "Lithuanian"),
    "rus": ("Русский", "Russian"), "ukr": ("Українська", "Ukrainian"), "tur": ("Türkçe", "Turkish"),
    "ara": ("العربية", "Arabic"), "fas": ("فارسی", "Persian"), "urd": ("اردو", "Urdu"),
    "pan": ("ਪੰਜਾਬੀ", "Punjabi"), "ben": ("বাংলা", "Bengali"), "hin": ("हिन्दी", "Hindi"),
    "zho": ("中文", "Chinese"), "vie": ("Tiếng Việt", "Vietnamese"), "som": ("Soomaali", "Somali"),
    "tir": ("ትግርኛ", "Tigrinya"), "cym": ("Cymraeg", "Welsh"), "bsl": ("BSL", "British Sign Language"),
}


def language_name(code: str, native: bool = True) -> str:
    names = LANGUAGE_NAMES.get(code.lower())
    if names is None:
        return code
    return names[0] if native else names[1]


def screen_language_for(code: str | None) -> str:
    """The screen language for a setting or a channel: "es", "spa" → "es"; unknown → "en"."""
    if not code:
        return "en"
    code = code.strip().lower()
    if code in SCREEN_LANGUAGES:
        return code
    return ISO639_2_TO_SCREEN.get(code, "en")


def catalogue(lang: str) -> bytes | None:
    """The compiled ``.qm`` catalogue of ``lang``, or None (English is the source language)."""
    if lang == "en":
        return None
    try:
        return (resources.files("resources") / "translations" / f"witness_{lang}.qm").read_bytes()
    except (FileNotFoundError, OSError):
        log.warning("no translation catalogue for %s", lang)
        return None


class WitnessTranslator:
    """One witness's translator: ``tr(text)`` gives the text in the chosen screen language."""

    def __init__(self, lang: str = "en") -> None:
        self._qt: QTranslator | None = None
        self._data: bytes | None = None  # QTranslator reads from this buffer: keep it alive
        self.language = "en"
        self.set_language(lang)

    def set_language(self, lang: str) -> bool:
        """Switch to ``lang`` ("en", "es", "fr" or an ISO 639-2 code); False when not available."""
        lang = screen_language_for(lang)
        data = catalogue(lang)
        if data is None:
            self._qt, self._data, self.language = None, None, "en"
            return lang == "en"
        qt = QTranslator()
        if not qt.load(data):
            log.warning("translation catalogue for %s is unreadable", lang)
            self._qt, self._data, self.language = None, None, "en"
            return False
        self._qt, self._data, self.language = qt, data, lang
        return True

    def tr(self, text: str) -> str:
        if self._qt is None:
            return text
        return self._qt.translate(CONTEXT, text) or text
