"""A shared option given before the command is kept: ``--vault X demo`` used to drop X (the
subcommand's own default overwrote it)."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import build_parser
from desktop.options import vault_or


def test_vault_before_or_after_the_command():
    p = build_parser()
    assert p.parse_args(["--vault", "/x", "demo", "--headless"]).vault == Path("/x")
    assert p.parse_args(["demo", "--vault", "/y"]).vault == Path("/y")
    assert p.parse_args(["--vault", "/x", "demo", "--vault", "/y"]).vault == Path("/y")  # the nearer one
    assert p.parse_args(["demo"]).vault is None  # then the settings' vault
    assert vault_or(p.parse_args(["--vault", "/x", "vault", "list"]), Path("default")) == Path("/x")
    assert vault_or(p.parse_args(["vault", "list"]), Path("default")) == Path("default")
    assert p.parse_args(["--vault", "/x", "witness", "--join", "i.json"]).vault == Path("/x")
