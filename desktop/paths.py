"""Where Testimony Shield keeps its data (platformdirs): the vault and the settings file."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "testimony-shield"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def default_vault_dir() -> Path:
    return data_dir() / "vault"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def settings_file() -> Path:
    return config_dir() / "settings.json"
