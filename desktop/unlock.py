"""The station's vault in the windowed app: the passphrase from the command line or the environment,
else asked in a dialog (again while it is wrong); a new vault gets one passphrase per role, each typed
twice.  Opening the vault recovers what a crash left and starts the upload of a store's spool."""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.app import Services

log = logging.getLogger("testimony_shield.desktop.app")


def passphrase_from_args(args: argparse.Namespace) -> str | None:
    """From --passphrase-file or the environment; None when neither is set (no terminal prompt here)."""
    from desktop.passphrase import ENV, read_passphrase, role_env

    pfile = getattr(args, "passphrase_file", None)
    if pfile is None and not os.environ.get(ENV) and not os.environ.get(role_env("station")):
        return None
    return read_passphrase(pfile, role="station")


def ask_passphrase(parent: Any, vault_dir: Path, problem: str = "") -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        parent,
        "Station passphrase",
        (f"{problem}\n\n" if problem else "")
        + f"Passphrase of the vault at {vault_dir}\n(a new vault is created if none is there):",
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def unlock_station(parent: Any, services: Services, ask: Any = None) -> bool:
    """Open (or create) the station's vault with the passphrase, asking for it when there is none and
    again while it is wrong: a wrong one used to be kept for the whole run, so every save and session
    failed with "That passphrase is not right" and there was no way to enter it again.  ``ask(parent,
    vault_dir, problem)`` asks (default: a password dialog); False when the clerk cancels or the vault
    cannot be opened (the reason is shown)."""
    from ui.errors import user_message
    from vault.errors import VaultError, WrongPassphrase
    from vault.store import Vault

    ask = ask or ask_passphrase
    problem = ""
    while services.vault is None:
        if services.passphrase is None or (not Vault.exists(services.vault_dir) and not services.demo
                                           and services.new_vault_passphrases is None):
            if not Vault.exists(services.vault_dir) and not services.demo:
                # a new vault: each role gets its own passphrase, typed twice (never one for all), or
                # TESTIMONY_SHIELD_PASSPHRASE_<ROLE> when every role's is set
                from desktop.passphrase import implicit_passphrases

                per_role = implicit_passphrases([r for r, _ in NEW_VAULT_ROLES]) \
                    or ask_new_vault_passphrases(parent, services.vault_dir, ask)
                if per_role is None:
                    services.passphrase = None
                    return False
                services.new_vault_passphrases = per_role
                services.passphrase = per_role["station"]
            else:
                services.passphrase = ask(parent, services.vault_dir, problem)
                if services.passphrase is None:
                    return False
        try:
            open_station_vault(services)
        except WrongPassphrase as exc:
            services.passphrase = None
            problem = user_message(exc)
        except (VaultError, OSError) as exc:
            log.error("cannot open the station vault: %s", type(exc).__name__)
            services.passphrase = None
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(parent, "Testimony Shield", user_message(exc))
            return False
    return True


#: the roles of a new vault, in the order their passphrases are asked, with how they are named
NEW_VAULT_ROLES = (("station", "this station (it records and seals)"), ("judge", "the judge"),
                   ("clerk", "the clerk"), ("defence", "the defence"))


def ask_new_vault_passphrases(parent: Any, vault_dir: Path, ask: Any) -> dict[str, str] | None:
    """One passphrase per role for a new vault, each typed twice, all different, at least 8 characters
    (desktop.passphrase.MIN_LENGTH); None when the clerk cancels."""
    from desktop.passphrase import MIN_LENGTH

    out: dict[str, str] = {}
    for role, label in NEW_VAULT_ROLES:
        problem = ""
        while role not in out:
            first = ask(parent, vault_dir, f"{problem}A new vault will be created. Each role has its own "
                                           f"passphrase. Passphrase for {label}:".strip())
            if first is None:
                return None
            if len(first) < MIN_LENGTH:
                problem = f"That passphrase is shorter than {MIN_LENGTH} characters. "
                continue
            if first in out.values():
                other = next(r for r, v in out.items() if v == first)
                problem = f"That passphrase is already the {other}'s: each role needs its own. "
                continue
            again = ask(parent, vault_dir, f"Type the passphrase for {label} again to confirm it.")
            if again is None:
                return None
            if again != first:
                problem = "The two passphrases were not the same. Please try again. "
                continue
            out[role] = first
    return out


def open_station_vault(services: Services) -> Any:
    from vault.store import Vault

    if services.vault is None:
        new = services.new_vault_passphrases
        vault = Vault.open_or_init(services.vault_dir, services.passphrase,
                                   passphrases={r: p for r, p in new.items() if r != "station"} if new else None)
        services.new_vault_passphrases = None  # the other roles' passphrases are not kept
        vault.recover()
        services.recovery_messages = vault.recovery.messages()
        for message in services.recovery_messages:
            log.warning("%s", message)
        services.vault = vault
        if vault.remote:  # what an earlier run left in this station's spool goes to the store now
            vault.uploader.kick()
    return services.vault
