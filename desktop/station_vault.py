"""A station's vault: opened (or, the first time, created) and recovered, in one place for the
headless demo, the court and witness stations and the windowed app.

Created implicitly, a vault gets one passphrase per role when ``TESTIMONY_SHIELD_PASSPHRASE_<ROLE>``
are all set (and differ), otherwise the station's one passphrase for every role — a scripted or demo
vault, marked in its audit trail and reported by ``vault verify`` (docs/security.md).  Recovery
completes only this station's own unsealed recordings and quarantines folders the trail does not
know; what it did is told on stderr (and logged), never silently.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.passphrase import implicit_passphrases
from vault.store import DEFAULT_ROLES, Vault

log = logging.getLogger("testimony_shield.desktop.station_vault")


def _stderr(message: str) -> None:
    print(f"testimony-shield: warning: {message}", file=sys.stderr, flush=True)


def open_station_vault(location: Path | str, passphrase: str,
                       report: Callable[[str], None] = _stderr) -> Vault:
    """Open or create the vault, unlock the station key, recover; VaultError as the vault raises it."""
    vault = Vault.open_or_init(location, passphrase, passphrases=implicit_passphrases(DEFAULT_ROLES))
    vault.recover()
    for message in vault.recovery.messages():
        log.warning("%s", message)
        report(message)
    return vault
