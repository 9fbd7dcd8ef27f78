"""``testimony-shield relay``: the court relay (recording/transport/relay.py) as a service.

    testimony-shield relay --listen HOST:PORT --turn-url turn:HOST:PORT --turn-secret-file FILE \\
                           --info-out FILE [--tls-key FILE] [--public-host NAME] [--turn-ttl S] \\
                           [--turn-fallback-url URL ... | --turn-fallback-url none] [--allow-court-key HEX ...]

Stations reach TURN over UDP (``--turn-url``) and, where UDP gets no answer (a firewall that drops
outbound UDP), over the fallback URLs the relay hands out with the credentials: by default TCP on the
same port (``turn:HOST:PORT?transport=tcp``); ``--turn-fallback-url turns:NAME:443`` adds TLS.

Runs until SIGTERM/SIGINT/SIGHUP, then exits 0 and prints a JSON summary (hearings served, peak
concurrent hearings, bytes forwarded).  The info file (0600, JSON) is what a court station needs to
use this relay (``court --relay FILE``, or the settings' ``court_relay``).  Deployment:
docs/deploy-relay.md.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path
from typing import Any

from desktop import validate
from desktop.link.summary import EXIT_BAD_INPUT, EXIT_LINK, emit, fail, note
from desktop.signals import StopRequest


def register(subparsers: Any) -> None:
    r = subparsers.add_parser("relay", help="the court relay: rendezvous and TURN credentials for remote hearings")
    r.add_argument("--listen", type=validate.host_port, required=True, metavar="HOST:PORT",
                   help="address the relay's TLS WebSocket listens on (stations and court stations dial it)")
    r.add_argument("--turn-url", type=validate.turn_url, required=True, metavar="turn:HOST:PORT",
                   help="the court's TURN server (coturn with use-auth-secret), as the stations reach it")
    r.add_argument("--turn-fallback-url", action="append", default=None, metavar="URL",
                   help="TURN URL stations try when --turn-url (UDP) gets no answer, in order (repeatable: "
                        "turn:HOST:PORT?transport=tcp, turns:HOST:443; default: TCP on --turn-url's port; "
                        "'none': UDP only)")
    r.add_argument("--turn-secret-file", type=validate.path, required=True, metavar="FILE",
                   help="file holding coturn's static-auth-secret (mode 0600)")
    r.add_argument("--info-out", type=validate.path, required=True, metavar="FILE",
                   help="where to write the relay's info file for court stations")
    r.add_argument("--tls-key", type=validate.path, default=None, metavar="FILE",
                   help="the relay's TLS key and certificate (created on first start, 0600; kept so "
                        "invitations stay valid across restarts; default: beside --info-out)")
    r.add_argument("--public-host", default="", metavar="NAME",
                   help="host name or address stations dial (default: the --listen host)")
    r.add_argument("--turn-ttl", type=validate.seconds, default=None, metavar="S",
                   help="lifetime of the TURN credentials minted per hearing (default 8 h)")
    r.add_argument("--allow-court-key", action="append", default=None, metavar="HEX",
                   help="only court stations with this Ed25519 station key may register (repeatable; "
                        "default: any, each hearing bound to the court that registered it)")
    r.set_defaults(func=run_relay)


def run_relay(args: argparse.Namespace) -> int:
    stop = StopRequest().install()
    try:
        return asyncio.run(_relay(args, stop))
    finally:
        stop.restore()


async def _relay(args: argparse.Namespace, stop: StopRequest) -> int:
    from recording.transport.errors import LinkError
    from recording.transport.relay import RelayServer, check_public_host, private_file_ok
    from recording.transport.turn import DEFAULT_TTL, describe, probe, read_secret

    try:
        secret = read_secret(str(args.turn_secret_file))
    except ValueError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    if not private_file_ok(args.turn_secret_file):
        note(f"relay: warning: {args.turn_secret_file} is readable by other users; chmod 600 it")
    allowed = None
    if args.allow_court_key:
        try:
            allowed = {bytes.fromhex(k) for k in args.allow_court_key}
        except ValueError:
            return fail("--allow-court-key is not a hex Ed25519 public key", EXIT_BAD_INPUT)
        if any(len(k) != 32 for k in allowed):
            return fail("--allow-court-key is not a hex Ed25519 public key (64 hex digits)", EXIT_BAD_INPUT)
    fallback = _fallback_urls(args.turn_fallback_url)
    if isinstance(fallback, str):
        return fail(fallback, EXIT_BAD_INPUT)
    host, port = args.listen
    tls_key = args.tls_key or Path(args.info_out).with_name(Path(args.info_out).name + ".tls-key.pem")
    try:
        public = check_public_host(args.public_host) if args.public_host else ""
        server = RelayServer(host, port, args.turn_url, secret, tls_key, turn_ttl=args.turn_ttl or DEFAULT_TTL,
                             public_host=public, allowed_keys=allowed, turn_fallback=fallback)
        info = await server.open()
    except LinkError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    except OSError as exc:
        return fail(f"the relay cannot listen on {host}:{port}: {exc.strerror or exc}", EXIT_LINK)
    t0 = time.monotonic()
    try:
        info.write(args.info_out)
        check = server.turn_for("relay-start-check")
        note(f"relay: listening on {info.url} (certificate {info.tls_fingerprint[:23]}…); TURN "
             f"{' then '.join(describe(u) for u in check.urls)}; info for court stations written to {args.info_out}")
        for url in check.urls:  # tell court IT at once when coturn is down or its secret differs (it keeps running)
            try:
                await probe(check.using(url))
                note(f"relay: the TURN server accepts the relay's credentials over {describe(url)}")
            except LinkError as exc:
                note(f"relay: warning: {exc}")
        done = asyncio.Event()
        stop.on_stop_in_loop(asyncio.get_running_loop(), done.set)
        await done.wait()
    finally:
        await server.close()
    out: dict[str, Any] = server.summary()
    out.update(url=info.url, stopped_by=stop.name or None, wall_seconds=round(time.monotonic() - t0, 2))
    emit(out)
    return 0


def _fallback_urls(given: list[str] | None) -> tuple[str, ...] | None | str:
    """``--turn-fallback-url``: None (the default: TCP on the UDP port), the URLs, or a reason (str)."""
    if not given:
        return None
    if given == ["none"]:
        return ()
    from recording.transport.turn import MAX_FALLBACKS, turn_endpoint

    if len(given) > MAX_FALLBACKS:
        return f"at most {MAX_FALLBACKS} --turn-fallback-url"
    try:
        for u in given:
            turn_endpoint(u)
    except ValueError as exc:
        return f"--turn-fallback-url: {exc}"
    return tuple(given)
