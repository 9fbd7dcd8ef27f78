"""The one typed settings object.  Persisted as versioned JSON in the user config dir; older
versions are upgraded step by step.  No secrets are ever stored here (passphrases never are)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from desktop import paths

log = logging.getLogger("testimony_shield.desktop.settings")

SETTINGS_VERSION = 1


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
        data = upgrade(dict(data))
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "video_size" in values:
            values["video_size"] = tuple(values["video_size"])
        return cls(**values)


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Upgrade older settings dicts to SETTINGS_VERSION (one step per version)."""
    version = int(data.get("version", 1))
    if version > SETTINGS_VERSION:
        log.warning("settings file is from a newer version; using defaults for unknown keys")
    data["version"] = SETTINGS_VERSION
    return data


def load(path: Path | None = None) -> Settings:
    path = path or paths.settings_file()
    try:
        return Settings.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return Settings()
    except (ValueError, TypeError, OSError) as exc:
        log.warning("settings file unreadable (%s); using defaults", type(exc).__name__)
        return Settings()


def save(settings: Settings, path: Path | None = None) -> None:
    path = path or paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.partial")
    tmp.write_text(json.dumps(settings.to_dict(), indent=2), encoding="utf-8")
    os.replace(tmp, path)
