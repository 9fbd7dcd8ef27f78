"""Options that the top-level command and its subcommands share.

``testimony-shield --vault X demo`` and ``testimony-shield demo --vault X`` mean the same.  A
subcommand's copy of a shared option has no default of its own (``argparse.SUPPRESS``): argparse
would otherwise set the subcommand's default over the value given before the command."""

from __future__ import annotations

import argparse
from typing import Any

from vault.storage import vault_location


def add_vault_option(parser: argparse.ArgumentParser, help_: str) -> None:
    """``--vault FOLDER`` on a subcommand; the top-level parser holds the default (None)."""
    from desktop.validate import vault_location as checked_location

    parser.add_argument("--vault", type=checked_location, default=argparse.SUPPRESS, help=help_)


def vault_or(args: argparse.Namespace, default: Any) -> Any:
    """The ``--vault`` given before or after the command, else ``default``."""
    value = getattr(args, "vault", None)
    return vault_location(value) if value is not None else default
