"""ISO 639-2 language codes: the interpretation channels and the floor language of a session.

The code list is the ISO 639-2 list as Debian's ``iso-codes`` ships it (``resources/languages``),
the standard source that pycountry, GNOME and KDE use.  A *channel language* is a real language:
not one of the special codes (``mis`` uncoded, ``mul`` multiple, ``und`` undetermined, ``zxx`` no
linguistic content) nor the range reserved for local use (``qaa``-``qtz``).  Bibliographic codes
(``fre``, ``ger``) are accepted and normalised to the terminological code (``fra``, ``deu``), the
one the recordings are tagged with.
"""

from __future__ import annotations

import functools
from importlib import resources

from common import jsonio

SPECIAL = frozenset({"mis", "mul", "und", "zxx"})


@functools.cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """({terminological code: English name}, {bibliographic code: terminological code})."""
    data = (resources.files("resources") / "languages" / "iso_639-2.json").read_bytes()
    doc = jsonio.loads(data, what="ISO 639-2 list")
    names: dict[str, str] = {}
    biblio: dict[str, str] = {}
    for e in doc["639-2"]:
        code = e["alpha_3"]
        if len(code) != 3:  # the "qaa-qtz" range entry
            continue
        names[code] = e["name"]
        if "bibliographic" in e:
            biblio[e["bibliographic"]] = code
    return names, biblio


def canonical(code: str) -> str | None:
    """The terminological ISO 639-2 code for ``code`` (a T or B code, any case), or None."""
    if not isinstance(code, str) or len(code) != 3 or not code.isascii() or not code.isalpha():
        return None
    c = code.lower()
    names, biblio = _table()
    c = biblio.get(c, c)
    return c if c in names else None


def is_channel_language(code: str) -> bool:
    """A real language's ISO 639-2 code, in its canonical (terminological, lower-case) form."""
    return canonical(code) == code and code not in SPECIAL


def name(code: str) -> str:
    """The English name of an ISO 639-2 code ("" when it is not one)."""
    c = canonical(code)
    return _table()[0].get(c, "") if c else ""


def channel_language(code: str) -> str:
    """``code`` as a channel language (canonical); ``ValueError`` with a plain message otherwise."""
    c = canonical(code.strip()) if isinstance(code, str) else None
    if c is None or c in SPECIAL:
        shown = code[:16] if isinstance(code, str) else type(code).__name__
        raise ValueError(f"{shown!r} is not an ISO 639-2 language code (e.g. spa, fra, pol, ara)")
    return c


def parse_channels(text: str) -> tuple[str, ...]:
    """A comma-separated list of channel languages (``"spa,fra"``), canonical and without repeats."""
    out = [channel_language(x) for x in text.split(",") if x.strip()]
    return tuple(dict.fromkeys(out))
