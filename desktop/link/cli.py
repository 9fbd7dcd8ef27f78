"""The command-line options of the remote-link commands (``court``, ``interpreter``, ``witness``);
each command's code is in its own module of :mod:`desktop.link`."""

from __future__ import annotations

import argparse
from typing import Any

from desktop import validate
from desktop.options import add_vault_option


def register(subparsers: Any) -> None:
    from desktop.link.court import run_court
    from desktop.link.interpreter import run_interpreter
    from desktop.link.relay import register as register_relay
    from desktop.link.witness import run_witness

    c = subparsers.add_parser("court", help="the court station of a remote session (hosts the link)")
    c.add_argument("--headless", action="store_true", help="no windows: run, record, seal, print a JSON summary")
    add_vault_option(c, "the court's vault folder")
    c.add_argument("--invite-out", type=validate.path, required=True, metavar="FILE",
                   help="where to write the signed invitation for the witness station")
    c.add_argument("--plan", default=None, metavar="ID",
                   help="the hearing's plan, saved in the court's vault (the clerk console's \"Save plan\")")
    c.add_argument("--plan-file", type=validate.path, default=None, metavar="FILE",
                   help="the hearing's plan from a session-plan file (docs/session-format.md); "
                        "one of --plan / --plan-file is required")
    c.add_argument("--delivery-inbox", default=None, metavar="s3://BUCKET/PREFIX",
                   help="the court store's inbox the witness station puts its own recording into "
                        "(default: the settings' delivery_inbox; none: the court collects a bundle file)")
    c.add_argument("--duration", type=validate.seconds, default=60.0,
                   help="seconds of session after admission (default 60)")
    c.add_argument("--admit-all", action="store_true", help="admit the witness from the waiting room at once")
    c.add_argument("--invite-ttl", type=validate.seconds, default=600.0,
                   help="invitation lifetime in seconds (default 600, at most a day)")
    c.add_argument("--join-timeout", type=validate.seconds, default=300.0,
                   help="seconds to wait for the witness (default 300)")
    where = c.add_mutually_exclusive_group()
    where.add_argument("--relay", type=validate.path, default=None, metavar="INFO_FILE",
                       help="through the court relay whose info file this is (testimony-shield relay --info-out): "
                            "the station only dials out and media go through the court's TURN server "
                            "(default: the settings' court_relay)")
    where.add_argument("--listen", type=validate.host_port, default=None, metavar="HOST:PORT",
                       help="direct mode, one network: the signalling listens here (default 127.0.0.1, any port)")
    where.add_argument("--port", type=validate.port, default=None,
                       help="direct mode: signalling port on 127.0.0.1 (the same as --listen 127.0.0.1:PORT)")
    c.add_argument("--passphrase-file", type=validate.path, default=None,
                   help="file holding the station passphrase (else TESTIMONY_SHIELD_PASSPHRASE_STATION, else "
                        "TESTIMONY_SHIELD_PASSPHRASE, else a prompt)")
    c.add_argument("--interpreter-invite-out", type=validate.path, default=None, metavar="FILE",
                   help="also invite a remote interpreter station: write its own invitation here")
    c.add_argument("--interpreter-language", type=validate.language, default="spa", metavar="LANG",
                   help="the remote interpreter's channel, ISO 639-2 (default spa)")
    c.set_defaults(func=run_court)

    i = subparsers.add_parser(
        "interpreter", help="a remote interpreter station (joins a court, sends a language channel)"
    )
    i.add_argument("--headless", action="store_true", help="no window: run, print a JSON summary")
    i.add_argument("--join", type=validate.path, required=True, metavar="FILE",
                   help="the court's interpreter invitation")
    i.add_argument("--language", type=validate.language, default=None, metavar="LANG",
                   help="the channel interpreted into, ISO 639-2 (default: the invitation's)")
    i.add_argument("--duration", type=validate.seconds, default=None,
                   help="seconds of session (default 60 headless; the window stays until the hearing ends)")
    i.add_argument("--close-at-end", action="store_true", help="the window closes itself when the hearing ends")
    i.add_argument("--court-key", default=None, metavar="HEX", help="pin the court station's Ed25519 public key (hex)")
    i.add_argument("--admit-timeout", type=validate.seconds, default=300.0, help="seconds to wait in the waiting room")
    i.set_defaults(func=run_interpreter)

    w = subparsers.add_parser("witness", help="the witness station of a remote session (joins a court)")
    w.add_argument("--headless", action="store_true", help="no windows: run, record, seal, print a JSON summary")
    w.add_argument("--join", type=validate.path, required=True, metavar="FILE", help="the court's invitation file")
    add_vault_option(w, "the witness station's vault folder")
    w.add_argument("--duration", type=validate.seconds, default=60.0, help="seconds of session (default 60)")
    w.add_argument("--size", default=None, metavar="WxH", help="demo video size (default: the settings')")
    w.add_argument("--fps", type=validate.fps, default=None, help="demo frame rate (default: the settings')")
    w.add_argument("--court-key", default=None, metavar="HEX",
                   help="pin the court station's Ed25519 public key (hex): refuse invitations signed by any other")
    w.add_argument("--admit-timeout", type=validate.seconds, default=300.0, help="seconds to wait in the waiting room")
    w.add_argument("--break-at", type=validate.offset, default=None, metavar="T",
                   help="scripted runs: the witness takes a break at T seconds of the session's media time "
                        "(T seconds into the recording)")
    w.add_argument("--break-length", type=validate.seconds, default=2.0, metavar="L",
                   help="length of the scripted break in seconds of media time (default 2)")
    w.add_argument("--passphrase-file", type=validate.path, default=None,
                   help="file holding the station passphrase (else TESTIMONY_SHIELD_PASSPHRASE_STATION, else "
                        "TESTIMONY_SHIELD_PASSPHRASE, else a prompt)")
    w.add_argument("--bundle-out", type=validate.path, default=None, metavar="FILE",
                   help="after the hearing, write the station's own recording for the court as a delivery "
                        "bundle (the clerk imports it with `vault import`; docs/delivery.md)")
    w.set_defaults(func=run_witness)
    register_relay(subparsers)


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size '{text}' is not WIDTHxHEIGHT (e.g. 640x360)") from None
    if not (16 <= w <= 3840 and 16 <= h <= 2160) or w % 2 or h % 2:
        raise ValueError(f"--size '{text}' is out of range (even sizes from 16x16 to 3840x2160)")
    return w, h


def court_key_pin(args: argparse.Namespace) -> bytes | None:
    """``--court-key`` as bytes (``ValueError`` when it is not hex)."""
    return bytes.fromhex(args.court_key) if args.court_key else None


def joined_invite(args: argparse.Namespace) -> Any:
    """The invitation ``--join`` names, checked (format, signature, expiry, the ``--court-key`` pin),
    or the exit code of the refusal, already reported (an ``int``)."""
    from desktop.link.summary import EXIT_BAD_INPUT, fail
    from recording.transport.errors import InviteError
    from recording.transport.invite import load_invite

    try:
        pin = court_key_pin(args)
    except ValueError:
        return fail("--court-key is not a hex Ed25519 public key", EXIT_BAD_INPUT)
    try:
        return load_invite(args.join, court_key=pin)
    except InviteError as exc:
        return fail(f"invitation refused: {exc}", EXIT_BAD_INPUT)


def window_first(args: argparse.Namespace) -> None:
    """A station with a window (no ``--headless``): the Qt application, before anything imports cv2."""
    if not args.headless:
        from desktop.app import create_application, import_cv2

        create_application()
        import_cv2()
