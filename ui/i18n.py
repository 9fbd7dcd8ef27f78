"""Translations: the staff screens' language (one application-wide set of Qt translators) and each
witness's own language (one :class:`WitnessTranslator` per witness station).

Staff screens (start window, settings, clerk console and wizard, judge review, interpreter station)
mark their strings with ``self.tr("...")`` in their classes, or ``QCoreApplication.translate(CONTEXT,
"...")`` / ``QT_TRANSLATE_NOOP(CONTEXT, "...")`` outside one; ``pyside6-lupdate`` extracts them into
``resources/translations/staff_<lang>.ts`` and ``pyside6-lrelease`` compiles the ``.qm`` files
(``scripts/translations.py`` does both).  :func:`install_staff_language` installs that catalogue and
Qt's own (``qtbase_<lang>``: standard buttons, file dialogs) on the application; Qt then sends every
widget a ``LanguageChange`` event, and windows that re-read their texts in ``changeEvent`` switch at
once.  The language is the settings' ``language`` ("" = the system's when translated, else English).

The witness station has its own translator (not installed application-wide), so a witness in Spanish
and a clerk in English can share one process; its catalogues are ``witness_<lang>.ts``.

Language names come from Qt's locale data (CLDR through :class:`QLocale`), never from tables kept by
hand: the name of a language in its own language (for the witness, and for a language picker), and
its name for staff — in English on English screens, in its own language otherwise (Qt has no names of
languages in a third language).  ISO 639-2 codes (``spa``) name the interpretation channels; the screen
language uses the two-letter code (``es``) Qt's locales use.
"""

from __future__ import annotations

import collections
import logging
from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("testimony_shield.ui.i18n")

CONTEXT = "WitnessStation"

#: Screen languages with a translation (two-letter codes); English is the source language.
TRANSLATED = ("en", "es", "fr")

_ISO2 = QLocale.LanguageCodeType.ISO639Part2
_ISO1 = QLocale.LanguageCodeType.ISO639Part1
_NONE = (QLocale.Language.AnyLanguage, QLocale.Language.C)


def _qt_language(code: str) -> QLocale.Language | None:
    """The Qt language of an ISO 639-1 ("es") or 639-2 ("spa", "fre") code, None when unknown."""
    code = (code or "").strip().lower()
    if not code.isalpha() or len(code) not in (2, 3):
        return None
    lang = QLocale.codeToLanguage(code, _ISO2 if len(code) == 3 else _ISO1)
    return None if lang in _NONE else lang


@lru_cache(maxsize=256)
def native_name(code: str) -> str:
    """The language's name in its own language ("Español", "Polski", "العربية"); the code when Qt has
    no such language.  Of the names CLDR gives its regional variants (español de España, de México…)
    the most common one is taken — the plain name of the language."""
    lang = _qt_language(code)
    if lang is None:
        return code
    names = collections.Counter(
        loc.nativeLanguageName()
        for loc in QLocale.matchingLocales(lang, QLocale.Script.AnyScript, QLocale.Country.AnyTerritory)
    )
    default = QLocale(lang).nativeLanguageName()
    best = max(names, key=lambda n: (names[n], n == default), default=default) or default
    return best[:1].upper() + best[1:] if best else code


def english_name(code: str) -> str:
    lang = _qt_language(code)
    return code if lang is None else QLocale.languageToString(lang)


def language_name(code: str, native: bool = True) -> str:
    """``native``: the name in the language itself (witness-facing); otherwise the name for staff
    screens in the staff's language (English names on English screens)."""
    if native:
        return native_name(code)
    return english_name(code) if staff_language() == "en" else native_name(code)


def is_language(code: str) -> bool:
    """A language Qt knows (an ISO 639-1 or 639-2 code)."""
    return _qt_language(code) is not None


def screen_language_for(code: str | None) -> str:
    """The translated screen language for a setting, a locale name or a channel: "es", "spa",
    "es_MX" → "es"; untranslated or unknown → "en"."""
    code = (code or "").strip().replace("-", "_").split("_")[0].lower()
    lang = _qt_language(code)
    if lang is None:
        return "en"
    two = QLocale.languageToCode(lang, _ISO1)
    return two if two in TRANSLATED else "en"


def screen_languages() -> dict[str, str]:
    """The translated screen languages, each named in its own language (a language picker)."""
    return {code: native_name(code) for code in TRANSLATED}


# -- catalogues ----------------------------------------------------------------------------------


def catalogue(lang: str, kind: str = "witness") -> bytes | None:
    """The compiled ``.qm`` catalogue ``<kind>_<lang>.qm`` or None (English is the source language)."""
    if lang == "en":
        return None
    try:
        return (resources.files("resources") / "translations" / f"{kind}_{lang}.qm").read_bytes()
    except (FileNotFoundError, OSError):
        log.warning("no %s translation catalogue for %s", kind, lang)
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


# -- the staff screens' language -----------------------------------------------------------------

_staff: dict[str, object] = {"language": "en", "translators": [], "buffers": []}


def staff_language() -> str:
    """The staff screens' language now installed ("en", "es", "fr")."""
    return str(_staff["language"])


def staff_language_for(setting: str | None) -> str:
    """The staff language for the settings' value: "" → the system locale's when translated."""
    return screen_language_for(setting or QLocale.system().name())


def install_staff_language(
    setting: str | None, app: QCoreApplication | None = None, extra: bytes | None = None
) -> str:
    """Install the staff screens' catalogue for ``setting`` ("", "en", "es", "fr") and Qt's own
    translations of its standard dialogs; returns the language installed.  Open windows get a
    ``LanguageChange`` event.  ``extra`` (tests): a compiled catalogue to install instead of ours."""
    app = app or QCoreApplication.instance()
    lang = staff_language_for(setting)
    if app is None:
        return lang
    for t in list(_staff["translators"]):  # type: ignore[union-attr]
        app.removeTranslator(t)
    translators: list[QTranslator] = []
    buffers: list[bytes] = []
    data = extra if extra is not None else catalogue(lang, "staff")
    if lang != "en" or extra is not None:
        qt = QTranslator()
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
        if data is not None:
            ours = QTranslator()
            if ours.load(data):
                translators.append(ours)
                buffers.append(data)
            else:
                log.warning("the staff catalogue for %s is unreadable", lang)
    for t in translators:
        app.installTranslator(t)
    _staff.update(language=lang, translators=translators, buffers=buffers)
    QLocale.setDefault(QLocale(lang))
    return lang
