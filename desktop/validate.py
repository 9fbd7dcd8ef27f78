"""Command-line input, checked by argparse before anything is created or opened.

Each function is an argparse ``type=``: it returns the parsed value or raises
``argparse.ArgumentTypeError`` with a plain message, so a bad value exits 2 with
``testimony-shield ...: error: argument --duration: ...`` and nothing is created.  The vault checks
ids and times again (defence in depth: ids never become paths outside ``recordings/``).
"""

from __future__ import annotations

import argparse
import math
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from recording import languages

#: a recording, note or share id: 16 lower-case hex characters (``vault list`` prints them)
ID_RE = re.compile(r"^[0-9a-f]{16}$")
ROLE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
#: the longest session, break, wait or invitation lifetime the command line accepts
MAX_SECONDS = 24 * 3600.0
#: a share lasts at most this long (a court renews it rather than granting years)
MAX_SHARE_DAYS = 366


def _show(text: str) -> str:
    """A user's value, quoted and cut (control characters escaped)."""
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def _hex_id(text: str, what: str, listed_by: str) -> str:
    t = text.strip().lower()
    if not ID_RE.match(t):
        raise argparse.ArgumentTypeError(f"{_show(text)} is not {what} (16 hex characters, as "
                                         f"`{listed_by}` shows them)")
    return t


def record_id(text: str) -> str:
    return _hex_id(text, "a recording id", "vault list")


def share_id(text: str) -> str:
    return _hex_id(text, "a share id", "vault shares")


def role(text: str) -> str:
    if not ROLE_RE.match(text):
        raise argparse.ArgumentTypeError(f"{_show(text)} is not a role name (e.g. judge, clerk, defence)")
    return text


def _number(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_show(text)} is not a number of seconds") from None
    if not math.isfinite(x):
        raise argparse.ArgumentTypeError(f"{_show(text)} is not a finite number of seconds")
    return x


def seconds(text: str) -> float:
    """A duration: finite, more than 0, at most a day."""
    x = _number(text)
    if not 0 < x <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"{_show(text)}: a duration must be more than 0 and at most "
                                         f"{MAX_SECONDS:.0f} seconds")
    return x


def offset(text: str) -> float:
    """A point in a session or recording (seconds from its start): finite, 0 or more, at most a day."""
    x = _number(text)
    if not 0 <= x <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"{_show(text)}: must be from 0 to {MAX_SECONDS:.0f} seconds")
    return x


def _whole(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_show(text)} is not {what}") from None


def port(text: str) -> int:
    n = _whole(text, "a port number")
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{_show(text)} is not a port number (0 to 65535; 0: any free port)")
    return n


def host_port(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (an IPv4 address, ``[IPv6]``, or a host name; port 0: any free port)."""
    import ipaddress

    host, sep, p = text.rpartition(":")
    host = host.strip("[]")
    if not sep or not host:
        raise argparse.ArgumentTypeError(f"{_show(text)} is not HOST:PORT (e.g. 127.0.0.1:8443)")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if not re.match(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$", host):
            raise argparse.ArgumentTypeError(f"{_show(text)} is not HOST:PORT (e.g. 127.0.0.1:8443)") from None
    return host, port(p)


def turn_url(text: str) -> str:
    """``turn:HOST:PORT`` (the court's TURN server, coturn)."""
    from recording.transport.turn import parse_turn_url

    try:
        parse_turn_url(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def fps(text: str) -> int:
    n = _whole(text, "a frame rate")
    if not 1 <= n <= 60:
        raise argparse.ArgumentTypeError(f"{_show(text)}: the frame rate must be from 1 to 60")
    return n


def language(text: str) -> str:
    """One ISO 639-2 language code (``spa``; ``fre`` becomes ``fra``)."""
    try:
        return languages.channel_language(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def language_list(text: str) -> tuple[str, ...]:
    """Comma-separated ISO 639-2 codes (``spa,fra``); empty for none."""
    try:
        return languages.parse_channels(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def expiry(text: str, now: datetime | None = None) -> str:
    """An ISO 8601 time with a zone, in the future and at most :data:`MAX_SHARE_DAYS` days ahead."""
    try:
        t = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_show(text)} is not an ISO 8601 time (e.g. 2026-07-01T17:00Z)") from None
    if t.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{_show(text)} has no time zone (add Z for UTC, e.g. {text}Z)")
    now = now or datetime.now(UTC)
    if t <= now:
        raise argparse.ArgumentTypeError(f"{_show(text)} is in the past")
    if t - now > timedelta(days=MAX_SHARE_DAYS):
        raise argparse.ArgumentTypeError(f"{_show(text)} is more than {MAX_SHARE_DAYS} days ahead: a share "
                                         "is renewed, not granted for years")
    return t.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def path(text: str) -> Path:
    """A file or folder name: not empty, no NUL."""
    if not text or "\0" in text:
        raise argparse.ArgumentTypeError(f"{_show(text)} is not a file name")
    return Path(text)


def within(child: Path, folder: Path) -> bool:
    """Whether ``child`` is ``folder`` or inside it (symbolic links resolved, the file need not exist)."""
    try:
        c = Path(child).expanduser().resolve()
        f = Path(folder).expanduser().resolve()
    except (OSError, RuntimeError):
        return True  # a loop of links: treat as inside (refuse)
    return c == f or f in c.parents


def vault_location(text: str) -> str | Path:
    """A vault: a folder, or ``s3://bucket/prefix`` (vault.storage.vault_location); not empty, no NUL."""
    if not text or "\0" in text:
        raise argparse.ArgumentTypeError(f"{_show(text)} is not a vault folder or s3:// URL")
    from vault.storage import vault_location as location

    return location(text)
