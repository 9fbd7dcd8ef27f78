"""Where passphrases come from: ``--passphrase-file``, then ``TESTIMONY_SHIELD_PASSPHRASE``, then a
prompt — only when standard input is a terminal.  Never logged, never stored."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

ENV = "TESTIMONY_SHIELD_PASSPHRASE"


class NoPassphrase(Exception):
    """No passphrase given and no terminal to ask on."""


def read_passphrase(passphrase_file: Path | None = None, prompt: str = "Passphrase: ") -> str:
    if passphrase_file is not None:
        try:
            text = Path(passphrase_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise NoPassphrase(f"cannot read the passphrase file {passphrase_file}: {exc.strerror}") from exc
        value = text.rstrip("\r\n")
        if not value:
            raise NoPassphrase(f"the passphrase file {passphrase_file} is empty")
        return value
    value = os.environ.get(ENV)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise NoPassphrase(f"no passphrase: set {ENV} or use --passphrase-file (no terminal to ask on)")
