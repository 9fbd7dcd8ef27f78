"""Where passphrases come from.  Never logged, never stored.

Each role has its own passphrase (docs/security.md "Roles and passphrases").  To unlock a role, in
this order: ``--passphrase-file``; ``TESTIMONY_SHIELD_PASSPHRASE_<ROLE>`` (``_JUDGE``, ``_CLERK``,
``_DEFENCE``, ``_STATION``); ``TESTIMONY_SHIELD_PASSPHRASE`` (the common one, for scripted runs and
vaults made with one passphrase); a prompt, only when standard input is a terminal.

A new vault (``vault init``) gets one passphrase per role — from the per-role variables, or typed
twice on a terminal — all different, never the common variable.  A station that finds no vault
creates one implicitly (scripted runs, demos): per role when the per-role variables are all set,
otherwise under the one passphrase it was given; such a vault is marked in its audit trail and
``vault verify`` says so until each role has its own.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ENV = "TESTIMONY_SHIELD_PASSPHRASE"
#: the shortest passphrase ``vault init`` accepts
MIN_LENGTH = 8


class NoPassphrase(Exception):
    """No passphrase given and no terminal to ask on (or the ones given are not acceptable)."""


def role_env(role: str) -> str:
    """``TESTIMONY_SHIELD_PASSPHRASE_JUDGE`` for role ``judge``."""
    return f"{ENV}_{role.upper().replace('-', '_')}"


def _tty() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_passphrase(passphrase_file: Path | None = None, prompt: str = "Passphrase: ",
                    role: str | None = None) -> str:
    if passphrase_file is not None:
        try:
            text = Path(passphrase_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise NoPassphrase(f"cannot read the passphrase file {passphrase_file}: {reason}") from None
        value = text.rstrip("\r\n")
        if not value:
            raise NoPassphrase(f"the passphrase file {passphrase_file} is empty")
        return value
    if role:
        value = os.environ.get(role_env(role))
        if value:
            return value
    value = os.environ.get(ENV)
    if value:
        return value
    if _tty():
        return getpass.getpass(prompt)
    names = f"{role_env(role)} or {ENV}" if role else ENV
    raise NoPassphrase(f"no passphrase: set {names} or use --passphrase-file (no terminal to ask on)")


def new_passphrases(roles: Iterable[str], ask: Callable[[str], str] = getpass.getpass) -> dict[str, str]:
    """One passphrase per role for a new vault: ``TESTIMONY_SHIELD_PASSPHRASE_<ROLE>``, else typed
    twice on a terminal.  Refused (:class:`NoPassphrase`): a missing one, one shorter than
    :data:`MIN_LENGTH`, two roles with the same one."""
    out: dict[str, str] = {}
    for role in roles:
        value = os.environ.get(role_env(role), "")
        if not value:
            if not _tty():
                raise NoPassphrase(f"a new vault needs its own passphrase for each role: set {role_env(role)} "
                                   f"(and the other roles' variables), or run `vault init` on a terminal; the "
                                   f"common {ENV} is never used for all roles of a new vault")
            value = ask(f"New passphrase for role '{role}': ")
            if value != ask(f"Type the passphrase for role '{role}' again: "):
                raise NoPassphrase(f"the two passphrases for role '{role}' differ")
        if len(value) < MIN_LENGTH:
            raise NoPassphrase(f"the passphrase for role '{role}' is shorter than {MIN_LENGTH} characters")
        if value in out.values():
            other = next(r for r, v in out.items() if v == value)
            raise NoPassphrase(f"roles '{other}' and '{role}' were given the same passphrase: each role needs its own")
        out[role] = value
    return out


def implicit_passphrases(roles: Iterable[str]) -> dict[str, str] | None:
    """For a vault a station creates on its own: the per-role passphrases when every role's variable
    is set (and they differ), else None (the vault is made under the station's one passphrase, marked)."""
    got = {r: os.environ.get(role_env(r), "") for r in roles}
    if all(got.values()) and len(set(got.values())) == len(got):
        return got
    return None
