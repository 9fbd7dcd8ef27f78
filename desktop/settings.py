"""The one typed settings object.  Persisted as versioned JSON in the user config dir; older
versions are upgraded step by step.  No secrets are ever stored here (passphrases never are).

Reading is fail-safe: the file goes through the bounded JSON loader (``common.jsonio``); a file that
is not usable at all (too large, too deep, not JSON, not an object) gives the defaults, and a field
of the wrong type or out of range gives that field's default.  Either way :func:`load_checked` says
what was wrong (never the file's content) and :func:`load` logs it, so the station starts and the
user is told.  An unusable file is kept aside as ``settings.json.invalid`` rather than silently
overwritten by the next save.  The file is written 0600 (its folder 0700) from the first byte.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from common import jsonio
from common.atomic import atomic_write, make_private_dirs
from desktop import paths

log = logging.getLogger("testimony_shield.desktop.settings")

SETTINGS_VERSION = 1
#: a settings file is a few hundred bytes; anything near this is not one
MAX_BYTES = 64 * 1024
MAX_DEPTH = 4
INVALID_SUFFIX = ".invalid"

FACE_STYLES = ("opaque", "silhouette", "pixelate", "blur")  # recording.masking.face styles
ENCODER_PRESETS = ("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower",
                   "veryslow")
_DEVICE = re.compile(r"^(auto|demo|[0-9]{1,4}|[A-Za-z0-9 _.:@()\[\],/+-]{1,200})$")
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


@dataclass
class Settings:
    vault_dir: str = ""  # empty: the default under the user data dir
    camera: str = "auto"  # "auto" (camera if present, else demo), "demo", or an OpenCV index "0"
    microphone: str = "auto"  # "auto", "demo", or a PortAudio device index
    video_size: tuple[int, int] = (1280, 720)
    fps: int = 30
    face_style: str = "opaque"
    voice_preset: str = "standard"
    encoder_preset: str = "ultrafast"
    witness_language: str = "en"
    language: str = ""  # the staff screens' language ("en", "es", "fr"); empty: the system's
    text_scale: float = 1.0
    high_contrast: bool = False
    #: a court station's remote hearings: the court relay's info file (when the court runs one) or the
    #: HOST:PORT its signalling listens on (one network only; default 127.0.0.1, any port)
    court_relay: str = ""
    court_listen: str = ""
    #: the court store's delivery inbox (s3://bucket/prefix) remote witness stations put their own
    #: recordings into (docs/delivery.md); "" when the court collects bundles as files
    delivery_inbox: str = ""

    @property
    def vault_path(self) -> Path | str:
        """The vault folder, or an object store's ``s3://bucket/prefix`` (docs/storage.md)."""
        if self.vault_dir.startswith("s3://"):
            return self.vault_dir
        return Path(self.vault_dir) if self.vault_dir else paths.default_vault_dir()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["video_size"] = list(self.video_size)
        return {"version": SETTINGS_VERSION, **d}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from a parsed file; a field that is not valid takes its default (see
        :func:`check_fields` for the reasons)."""
        return cls(**check_fields(upgrade(dict(data)))[0])


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return (isinstance(v, (int, float)) and not isinstance(v, bool)) and math.isfinite(v)


def _valid(name: str, v: Any) -> bool:
    if name == "vault_dir":
        return isinstance(v, str) and len(v) <= 4096 and "\0" not in v and (v == "" or os.path.isabs(v))
    if name in ("camera", "microphone"):
        return isinstance(v, str) and bool(_DEVICE.match(v))
    if name == "video_size":
        return (isinstance(v, (list, tuple)) and len(v) == 2 and all(_is_int(x) for x in v)
                and 16 <= v[0] <= 7680 and 16 <= v[1] <= 4320 and v[0] % 2 == 0 and v[1] % 2 == 0)
    if name == "fps":
        return _is_int(v) and 1 <= v <= 120
    if name == "face_style":
        return v in FACE_STYLES
    if name == "voice_preset":
        return isinstance(v, str) and bool(_NAME.match(v))
    if name == "encoder_preset":
        return v in ENCODER_PRESETS
    if name == "witness_language":
        return isinstance(v, str) and 2 <= len(v) <= 3 and v.isascii() and v.isalpha() and v.islower()
    if name == "language":  # the staff screens' language; "" is the system's
        return isinstance(v, str) and (v == "" or (2 <= len(v) <= 3 and v.isascii() and v.isalpha() and v.islower()))
    if name == "text_scale":
        return _is_number(v) and 0.5 <= v <= 4.0
    if name == "high_contrast":
        return isinstance(v, bool)
    # a field added later: of its default's type (a string bounded, a finite number)
    default = next((f.default for f in fields(Settings) if f.name == name), None)
    if isinstance(default, bool):
        return isinstance(v, bool)
    if isinstance(default, int):
        return _is_int(v) and abs(v) < 1 << 31
    if isinstance(default, float):
        return _is_number(v)
    if isinstance(default, str):
        return isinstance(v, str) and len(v) <= 4096 and "\0" not in v
    return False


def check_fields(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The known fields of ``data`` that are valid, and the names of those that are not (they take
    their default).  Unknown keys (a newer version's) are ignored."""
    values: dict[str, Any] = {}
    bad: list[str] = []
    for f in fields(Settings):
        if f.name not in data:
            continue
        v = data[f.name]
        if _valid(f.name, v):
            values[f.name] = tuple(v) if f.name == "video_size" else (float(v) if f.name == "text_scale" else v)
        else:
            bad.append(f.name)
    return values, bad


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Upgrade older settings dicts to SETTINGS_VERSION (one step per version)."""
    version = data.get("version", 1)
    if _is_int(version) and version > SETTINGS_VERSION:
        log.warning("settings file is from a newer version; using defaults for unknown keys")
    data["version"] = SETTINGS_VERSION
    return data


def load_checked(path: Path | None = None) -> tuple[Settings, str]:
    """The settings and a one-line problem ("" when the file was fine or absent).  Never raises for
    the file's content: an unusable file gives the defaults and is kept aside as ``*.invalid``."""
    path = path or paths.settings_file()
    try:
        data = jsonio.load_file(path, max_bytes=MAX_BYTES, max_depth=MAX_DEPTH, what="settings file")
    except FileNotFoundError:
        return Settings(), ""
    except jsonio.JsonError as exc:
        return Settings(), _set_aside(path, str(exc))
    except OSError as exc:
        return Settings(), f"the settings file {path} cannot be read ({exc.strerror or type(exc).__name__}); " \
                           "using the defaults"
    if not isinstance(data, dict):
        return Settings(), _set_aside(path, "settings file: not a JSON object")
    values, bad = check_fields(upgrade(dict(data)))
    settings = Settings(**values)
    if bad:
        return settings, (f"the settings file {path} has invalid values for {', '.join(bad)}; "
                          "using the defaults for those")
    return settings, ""


def _set_aside(path: Path, reason: str) -> str:
    aside = path.with_name(path.name + INVALID_SUFFIX)
    try:
        os.replace(path, aside)
        kept = f"; it was kept as {aside}"
    except OSError:
        kept = ""
    return f"the settings file {path} is not usable ({reason}); using the defaults{kept}"


def load(path: Path | None = None) -> Settings:
    """The settings (see :func:`load_checked`); a problem is logged as a warning (stderr)."""
    settings, problem = load_checked(path)
    if problem:
        log.warning("%s", problem)
    return settings


def save(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (:func:`common.atomic.atomic_write`: a private temporary file,
    0600 from its first byte, in a 0700 folder; fsync; rename)."""
    path = path or paths.settings_file()
    make_private_dir(path.parent)
    atomic_write(path, json.dumps(settings.to_dict(), indent=2).encode("utf-8"))


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) as 0700; an existing folder of ours is tightened to 0700."""
    make_private_dirs(folder, tighten=True)
