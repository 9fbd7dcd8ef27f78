"""TURN through coturn: short-lived, per-hearing credentials in coturn's shared-secret convention
("TURN REST API", ``use-auth-secret`` + ``static-auth-secret``), the ICE configuration the stations
use with them, and a probe that tells a refused credential from a TURN server that is down.

Credentials: ``username = "<unix expiry>:<label>"``, ``password = base64(HMAC-SHA1(secret, username))``.
The court relay mints them (it holds the secret; the stations never do); coturn recomputes the
password from its own copy of the secret and refuses a wrong one or one whose expiry has passed.

Transports: the relay hands out the TURN server's UDP URL (``turn:HOST:PORT``) and fallbacks on the
same server and credentials — by default TCP on the same port (``turn:HOST:PORT?transport=tcp``), and
TLS if court IT configured it (``turns:HOST:443``).  aiortc uses ONE TURN URL per peer connection (the
first it accepts), so a station first allocates for real on each URL in turn (:func:`choose`: UDP
first; the next one only when a URL gets no answer within a few seconds, as behind a firewall that
drops outbound UDP) and builds its peer connection with the URL that answered
(:meth:`TurnConfig.using`).

Stations that join through the relay use ICE transport policy **relay**: they gather only a relayed
candidate on the TURN server (no host or server-reflexive candidate, and aioice hides the relayed
candidate's related address), so their own network addresses never reach the other station.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import logging
import re
import ssl
import time
from dataclasses import dataclass
from typing import Any

from aioice import stun
from aioice.turn import UDP_TRANSPORT, TurnClientTcpProtocol, TurnClientUdpProtocol
from aiortc import RTCIceServer

from recording.transport.errors import TurnRefused, TurnUnreachable

#: default lifetime of minted credentials (a court day; a station re-joining gets fresh ones)
DEFAULT_TTL = 8 * 3600
log = logging.getLogger("testimony_shield.link.turn")

#: ``turn:HOST:PORT`` (UDP), ``turn:HOST:PORT?transport=udp|tcp`` or ``turns:HOST:PORT`` (TLS over
#: TCP, ``?transport=tcp`` allowed); HOST an IPv4/IPv6 literal or a DNS name
_TURN_URL = re.compile(r"^(?P<scheme>turns?):(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(?P<port>[0-9]{1,5})"
                       r"(\?transport=(?P<transport>udp|tcp))?$")
_LABEL = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
#: how long a URL gets to answer an allocation (connection included) before the next one is tried
CHOOSE_TIMEOUT = 4.0
#: UDP and at most this many fallbacks: the relay waits 15 s for a station's join after its welcome
#: (relay.FIRST_MESSAGE), and a station may spend CHOOSE_TIMEOUT on each URL before it sends it
MAX_FALLBACKS = 2


def turn_endpoint(url: str) -> tuple[str, str, int]:
    """A TURN URL → (transport "udp" | "tcp" | "tls", host, port); ``ValueError`` with a plain reason."""
    m = _TURN_URL.match(str(url))
    if (
        not m
        or not 0 < int(m.group("port")) < 65536
        or (m.group("scheme") == "turns" and m.group("transport") == "udp")
    ):
        raise ValueError(f"'{str(url)[:80]}' is not a TURN address of the form turn:HOST:PORT, "
                         "turn:HOST:PORT?transport=tcp or turns:HOST:PORT")
    transport = "tls" if m.group("scheme") == "turns" else (m.group("transport") or "udp")
    return transport, m.group("host").strip("[]"), int(m.group("port"))


def parse_turn_url(url: str) -> tuple[str, int]:
    """A TURN URL (see :func:`turn_endpoint`) → (host, port); ``ValueError`` otherwise."""
    return turn_endpoint(url)[1:]


def tcp_url(url: str) -> str:
    """The TCP URL on the TURN server (and port) of ``url`` (coturn listens on TCP on its UDP port)."""
    _, host, port = turn_endpoint(url)
    return f"turn:{f'[{host}]' if ':' in host else host}:{port}?transport=tcp"


def describe(url: str) -> str:
    """``url`` for people and logs: "UDP 10.0.0.5:3478" (never a credential)."""
    transport, host, port = turn_endpoint(url)
    return f"{transport.upper()} {host}:{port}"


@dataclass(frozen=True)
class TurnConfig:
    """What a station needs to use the TURN server for one hearing."""

    url: str  # turn:HOST:PORT (UDP), or a TCP/TLS URL once chosen
    username: str  # "<expiry>:<label>"
    credential: str  # base64(HMAC-SHA1(secret, username))
    #: other URLs of the same TURN server (same credentials), tried in order when ``url`` does not
    #: answer: TCP, TLS (the relay's message field ``turn_fallback``)
    fallback: tuple[str, ...] = ()

    @property
    def expires(self) -> int:
        return int(self.username.split(":", 1)[0])

    @property
    def server(self) -> tuple[str, int]:
        return parse_turn_url(self.url)

    @property
    def transport(self) -> str:
        """"udp", "tcp" or "tls": how a station reaches the TURN server with ``url``."""
        return turn_endpoint(self.url)[0]

    @property
    def urls(self) -> tuple[str, ...]:
        return (self.url, *self.fallback)

    def using(self, url: str) -> TurnConfig:
        """These credentials on ``url`` alone (what a peer connection is given)."""
        return TurnConfig(url, self.username, self.credential)

    def to_dict(self) -> dict[str, Any]:
        """The relay's ``turn`` field (the fallbacks travel beside it: :meth:`fallback_field`)."""
        return {"url": self.url, "username": self.username, "credential": self.credential}

    def fallback_field(self) -> list[str]:
        return list(self.fallback)

    @classmethod
    def from_message(cls, msg: dict[str, Any]) -> TurnConfig:
        """From the relay's ``welcome`` / ``registered`` message: ``turn`` and, from relays that
        offer them, ``turn_fallback`` (a relay of before it sends none: UDP only; the first
        :data:`MAX_FALLBACKS` are used)."""
        turn = cls.from_dict(msg.get("turn"))
        extra = msg.get("turn_fallback", [])
        if not isinstance(extra, list) or len(extra) > 8 \
                or not all(isinstance(u, str) and len(u) <= 256 for u in extra):
            raise ValueError("the relay sent malformed TURN addresses")
        try:
            for u in extra:
                turn_endpoint(u)
        except ValueError:
            raise ValueError("the relay sent malformed TURN addresses") from None
        return cls(turn.url, turn.username, turn.credential, tuple(extra[:MAX_FALLBACKS]))  # in time for the relay

    @classmethod
    def from_dict(cls, d: Any) -> TurnConfig:
        """From the relay's message; ``ValueError`` when malformed."""
        if not isinstance(d, dict) or set(d) != {"url", "username", "credential"} \
                or not all(isinstance(v, str) and len(v) <= 256 for v in d.values()):
            raise ValueError("the relay sent malformed TURN credentials")
        parse_turn_url(d["url"])
        expiry, _, label = d["username"].partition(":")
        if not expiry.isdigit() or not _LABEL.match(label):
            raise ValueError("the relay sent malformed TURN credentials")
        return cls(d["url"], d["username"], d["credential"])

    def ice_servers(self) -> list[RTCIceServer]:
        """``url`` only: aiortc takes the first TURN URL it accepts and ignores the others."""
        transport, _, _ = turn_endpoint(self.url)
        url = self.url if "?" in self.url or transport == "tls" else f"{self.url}?transport=udp"
        return [RTCIceServer(urls=[url], username=self.username, credential=self.credential)]


def rest_credentials(secret: bytes, url: str, label: str, ttl: float = DEFAULT_TTL,
                     now: float | None = None, fallback: tuple[str, ...] = ()) -> TurnConfig:
    """Credentials for ``label`` (a hearing) valid ``ttl`` seconds, in coturn's ``use-auth-secret``
    convention."""
    if not _LABEL.match(label):
        raise ValueError("a TURN label is 1-64 letters, digits, '-' or '_'")
    for u in (url, *fallback):
        turn_endpoint(u)
    expiry = int((time.time() if now is None else now) + ttl)
    username = f"{expiry}:{label}"
    password = base64.b64encode(hmac.new(secret, username.encode(), hashlib.sha1).digest()).decode()
    return TurnConfig(url, username, password, tuple(fallback))


def read_secret(path: str) -> bytes:
    """The shared secret from its file (as coturn's ``static-auth-secret``: the text, whitespace
    around it ignored); ``ValueError`` when unreadable or empty."""
    try:
        with open(path, "rb") as f:
            data = f.read(4096).strip()
    except OSError as exc:
        raise ValueError(f"cannot read the TURN secret file {path}: {exc.strerror}") from None
    if not data:
        raise ValueError(f"the TURN secret file {path} is empty")
    if any(c < 0x21 or c > 0x7E for c in data):
        raise ValueError("the TURN secret must be printable ASCII without spaces (as in turnserver.conf)")
    return data


class _Probe(TurnClientUdpProtocol):
    """aioice's TURN client, told at once when the server's port is closed (ICMP unreachable)."""

    def __init__(self, server: tuple[str, int], username: str, password: str) -> None:
        super().__init__(server, username=username, password=password, lifetime=60, channel_refresh_time=60)
        self.unreachable: asyncio.Future[Exception] = asyncio.get_running_loop().create_future()

    def error_received(self, exc: Exception) -> None:
        if not self.unreachable.done():
            self.unreachable.set_result(exc)


class _StreamProbe(TurnClientTcpProtocol):
    """aioice's TURN client over TCP (or TLS), told when the server closes the connection."""

    def __init__(self, server: tuple[str, int], username: str, password: str) -> None:
        super().__init__(server, username=username, password=password, lifetime=60, channel_refresh_time=60)
        self.unreachable: asyncio.Future[Exception] = asyncio.get_running_loop().create_future()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.unreachable.done():
            self.unreachable.set_result(exc or ConnectionResetError("closed by the TURN server"))


async def _open(transport: str, host: str, port: int, config: TurnConfig, timeout: float) -> tuple[Any, Any]:
    loop = asyncio.get_running_loop()
    if transport == "udp":
        return await loop.create_datagram_endpoint(
            lambda: _Probe((host, port), config.username, config.credential), remote_addr=(host, port))
    # TLS: the certificate must be trusted by this station's system (a court's IT uses its usual
    # certificate authority), as aioice checks it when the peer connection uses the same URL
    ctx = ssl.create_default_context() if transport == "tls" else None
    return await asyncio.wait_for(loop.create_connection(
        lambda: _StreamProbe((host, port), config.username, config.credential), host, port, ssl=ctx), timeout)


async def probe(config: TurnConfig, timeout: float = 4.0, now: float | None = None) -> None:
    """Allocate on the TURN server with ``config`` (its ``url`` only: UDP, TCP or TLS) and release the
    allocation at once.  Raises :class:`TurnRefused` (the server answered and refused the credentials:
    wrong secret, or expired) or :class:`TurnUnreachable` (no answer: the TURN server is down or
    blocked)."""
    transport, host, port = turn_endpoint(config.url)
    where = f"{host}:{port}"
    over = "" if transport == "udp" else f" over {transport.upper()}"
    if (time.time() if now is None else now) > config.expires:
        raise TurnRefused(f"the TURN credentials for this hearing expired (TURN server {where}); "
                          "re-join to get fresh ones from the court relay")
    deadline = time.monotonic() + timeout  # connection and allocation together
    try:
        sock, proto = await _open(transport, host, port, config, timeout)
    except ssl.SSLCertVerificationError as exc:
        raise TurnUnreachable(f"the TURN server at {where} over TLS presented a certificate this station does not "
                              f"trust ({exc.verify_message}); court IT: use one from a known authority") from None
    except (OSError, TimeoutError, ssl.SSLError) as exc:
        why = "no answer" if isinstance(exc, TimeoutError) else (getattr(exc, "strerror", None) or str(exc))
        raise TurnUnreachable(f"cannot reach the TURN server at {where}{over} ({why}); "
                              "is coturn running?") from None
    try:
        request = stun.Message(message_method=stun.Method.ALLOCATE, message_class=stun.Class.REQUEST)
        request.attributes["LIFETIME"] = 60
        request.attributes["REQUESTED-TRANSPORT"] = UDP_TRANSPORT
        alloc: asyncio.Future[Any] = asyncio.ensure_future(proto.request_with_retry(request))
        waits: list[asyncio.Future[Any]] = [alloc, proto.unreachable]
        done, _ = await asyncio.wait(waits, timeout=max(0.5, deadline - time.monotonic()),
                                     return_when=asyncio.FIRST_COMPLETED)
        if alloc not in done:
            alloc.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await alloc
            raise TurnUnreachable(f"the TURN server at {where}{over} does not answer; is coturn running "
                                  f"(and {transport.upper() if transport == 'udp' else 'TCP'} port {port} open)?")
        try:
            alloc.result()
        except stun.TransactionFailed as exc:
            code = exc.response.attributes.get("ERROR-CODE", (0, ""))[0]
            if code in (401, 403, 437, 438):
                raise TurnRefused(f"the TURN server at {where} refused this hearing's credentials (error {code}): "
                                  "the relay's TURN secret is not the TURN server's") from None
            raise TurnUnreachable(f"the TURN server at {where} cannot allocate a relay (error {code})") from None
        except stun.TransactionTimeout:
            raise TurnUnreachable(f"the TURN server at {where}{over} does not answer; is coturn running?") from None
        except ConnectionError as exc:
            raise TurnUnreachable(f"the TURN server at {where} gave a malformed answer ({exc})") from None
        # release the allocation at once (LIFETIME 0)
        release = stun.Message(message_method=stun.Method.REFRESH, message_class=stun.Class.REQUEST)
        release.attributes["LIFETIME"] = 0
        with contextlib.suppress(Exception):
            await asyncio.wait_for(proto.request_with_retry(release), 1.0)
    finally:
        if proto.refresh_task is not None:
            proto.refresh_task.cancel()
        sock.close()


async def choose(config: TurnConfig, prefer: str = "", timeout: float = CHOOSE_TIMEOUT) -> TurnConfig:
    """The first of ``config``'s URLs on which the TURN server allocates with its credentials (UDP
    first, or the transport ``prefer`` — the one that worked before — first), as a config with that
    URL alone.  :class:`TurnRefused` at once (every URL shares the credentials); when no URL answers,
    :class:`TurnUnreachable` with one line naming each transport tried."""
    urls = sorted(config.urls, key=lambda u: turn_endpoint(u)[0] != prefer) if prefer else list(config.urls)
    failures: list[TurnUnreachable] = []
    for i, url in enumerate(urls):
        try:
            await probe(config.using(url), timeout=timeout)
        except TurnUnreachable as exc:
            failures.append(exc)
            if i + 1 < len(urls):
                log.warning("TURN over %s gave no answer: trying %s", describe(url), describe(urls[i + 1]))
            continue
        # said once per choice (court IT reads which way the media go; URLs only, never a credential)
        (log.warning if failures else log.info)("TURN over %s answers: the media go that way", describe(url))
        return config.using(url)
    if len(failures) == 1:
        raise failures[0]
    _, host, _ = turn_endpoint(urls[0])
    raise TurnUnreachable(f"the TURN server at {host} does not answer over "
                          f"{' nor '.join(describe(u).replace(f'{host}:', 'port ') for u in urls)}; "
                          "is coturn running, and may this network reach it?")
