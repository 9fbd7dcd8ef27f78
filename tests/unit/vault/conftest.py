"""Fixtures: vaults with a fast Argon2 setting (tests only)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.temp_vault import make_vault
from vault.store import Vault


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return make_vault(tmp_path / "vault")


@pytest.fixture
def payload() -> bytes:
    return os.urandom(300_000)
