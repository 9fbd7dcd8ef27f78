"""Command line: ``testimony-shield [demo|mask|vault|devices] ...``.  With no command, the start window."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from desktop import logs, paths, validate
from desktop import settings as settings_mod
from desktop.options import add_vault_option
from vault.storage import vault_location


def build_parser() -> argparse.ArgumentParser:
    from desktop import mask_cli, vault_cli
    from desktop.link import cli as link_cli

    p = argparse.ArgumentParser(
        prog="testimony-shield",
        description="Remote, masked, recorded and sealed testimony for vulnerable witnesses. "
                    "With no command, opens the start window (Clerk console, Witness station, Judge review).")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging (never logs testimony)")
    p.add_argument("--vault", type=validate.vault_location, default=None,
                   help=f"vault folder or s3://bucket/prefix (default: {paths.default_vault_dir()})")
    p.set_defaults(func=run_start_window)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", help="a demo session with the built-in demo witness (all three stations)")
    d.add_argument("--headless", action="store_true", help="no windows: run, record, seal, print a JSON summary")
    d.add_argument("--duration", type=validate.seconds, default=10.0,
                   help="headless: seconds of session (default 10; more than 0, at most a day)")
    add_vault_option(d, "vault folder or s3://bucket/prefix")
    d.add_argument("--languages", type=validate.language_list, default=(),
                   help="interpretation channels, ISO 639-2 codes, e.g. spa,fra")
    d.add_argument("--break-at", type=validate.offset, default=None,
                   help="headless: the witness takes a break at second T (before the end)")
    d.add_argument("--break-length", type=validate.seconds, default=None,
                   help="headless: break length in seconds (default: the plan's, capped to the session)")
    d.add_argument("--passphrase-file", type=validate.path, default=None,
                   help="file holding the passphrase (else TESTIMONY_SHIELD_PASSPHRASE, else a prompt on a terminal)")
    d.set_defaults(func=run_demo, check=_check_demo)

    dev = sub.add_parser("devices", help="list cameras and microphones that can be used")
    dev.set_defaults(func=run_devices)

    mask_cli.register(sub)
    vault_cli.register(sub, paths.default_vault_dir())
    link_cli.register(sub)
    return p


def _vault_dir(args: argparse.Namespace, settings: settings_mod.Settings) -> Path | str:
    return vault_location(args.vault) if getattr(args, "vault", None) else settings.vault_path


def _check_demo(args: argparse.Namespace) -> str:
    """Checks across options (each option is checked by its own type): "" when fine."""
    if args.break_at is not None and args.break_at >= args.duration:
        return f"argument --break-at: {args.break_at:g} s is not before the end of the session ({args.duration:g} s)"
    return ""


def run_start_window(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    return run_gui(args, mode="start")


def run_demo(args: argparse.Namespace) -> int:
    if not args.headless:
        from desktop.app import run_gui

        return run_gui(args, mode="demo")
    from desktop.headless import run_headless_demo

    return run_headless_demo(args)


def run_devices(args: argparse.Namespace) -> int:
    from recording.sources.devices import list_cameras, list_microphones

    print(json.dumps({"cameras": [c.__dict__ for c in list_cameras()],
                      "microphones": [m.__dict__ for m in list_microphones()]}, indent=2))
    return 0


#: exit code when standard output was closed early (``testimony-shield vault list | head``): as a
#: Unix tool killed by SIGPIPE (128 + 13), with nothing printed
EXIT_BROKEN_PIPE = 141


def _quiet_broken_pipe() -> int:
    """The reader of our standard output went away: print nothing more (not even at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    return EXIT_BROKEN_PIPE


def main(argv: list[str] | None = None) -> int:
    # everything this process creates — vault files, exports, masked files, reports, invitations,
    # settings, and whatever a library (PyAV) opens for us — is private from its first byte: files
    # 0600, folders 0700.  The modules that write sensitive files also ask for 0600 themselves.
    os.umask(0o077)
    parser = build_parser()
    args = parser.parse_args(argv)
    check = getattr(args, "check", None)
    problem = check(args) if check is not None else ""
    if problem:
        print(f"{parser.prog} {args.command}: error: {problem}", file=sys.stderr)
        return 2
    logs.setup(args.verbose)
    logs.install_excepthooks()
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()
    except BrokenPipeError:
        return _quiet_broken_pipe()
    return code
