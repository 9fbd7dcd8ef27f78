"""TURN through coturn: short-lived, per-hearing credentials in coturn's shared-secret convention
("TURN REST API", ``use-auth-secret`` + ``static-auth-secret``), the ICE configuration the stations
use with them, and a probe that tells a refused credential from a TURN server that is down.

Credentials: ``username = "<unix expiry>:<label>"``, ``password = base64(HMAC-SHA1(secret, username))``.
The court relay mints them (it holds the secret; the stations never do); coturn recomputes the
password from its own copy of the secret and refuses a wrong one or one whose expiry has passed.

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
import re
import time
from dataclasses import dataclass
from typing import Any

from aioice import stun
from aioice.turn import UDP_TRANSPORT, TurnClientUdpProtocol
from aiortc import RTCIceServer

from recording.transport.errors import TurnRefused, TurnUnreachable

#: default lifetime of minted credentials (a court day; a station re-joining gets fresh ones)
DEFAULT_TTL = 8 * 3600
#: ``turn:HOST:PORT`` (UDP, the only transport used here), HOST an IPv4/IPv6 literal or a DNS name
_TURN_URL = re.compile(r"^turn:(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(?P<port>[0-9]{1,5})$")
_LABEL = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def parse_turn_url(url: str) -> tuple[str, int]:
    """``turn:HOST:PORT`` → (host, port); ``ValueError`` with a plain reason otherwise."""
    m = _TURN_URL.match(str(url))
    if not m or not 0 < int(m.group("port")) < 65536:
        raise ValueError(f"'{str(url)[:80]}' is not a TURN address of the form turn:HOST:PORT")
    return m.group("host").strip("[]"), int(m.group("port"))


@dataclass(frozen=True)
class TurnConfig:
    """What a station needs to use the TURN server for one hearing."""

    url: str  # turn:HOST:PORT
    username: str  # "<expiry>:<label>"
    credential: str  # base64(HMAC-SHA1(secret, username))

    @property
    def expires(self) -> int:
        return int(self.username.split(":", 1)[0])

    @property
    def server(self) -> tuple[str, int]:
        return parse_turn_url(self.url)

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "username": self.username, "credential": self.credential}

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
        return [RTCIceServer(urls=[f"{self.url}?transport=udp"], username=self.username, credential=self.credential)]


def rest_credentials(secret: bytes, url: str, label: str, ttl: float = DEFAULT_TTL,
                     now: float | None = None) -> TurnConfig:
    """Credentials for ``label`` (a hearing) valid ``ttl`` seconds, in coturn's ``use-auth-secret``
    convention."""
    if not _LABEL.match(label):
        raise ValueError("a TURN label is 1-64 letters, digits, '-' or '_'")
    parse_turn_url(url)
    expiry = int((time.time() if now is None else now) + ttl)
    username = f"{expiry}:{label}"
    password = base64.b64encode(hmac.new(secret, username.encode(), hashlib.sha1).digest()).decode()
    return TurnConfig(url, username, password)


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


async def probe(config: TurnConfig, timeout: float = 4.0, now: float | None = None) -> None:
    """Allocate on the TURN server with ``config`` and release the allocation at once.  Raises
    :class:`TurnRefused` (the server answered and refused the credentials: wrong secret, or expired)
    or :class:`TurnUnreachable` (no answer: the TURN server is down or blocked)."""
    host, port = config.server
    where = f"{host}:{port}"
    if (time.time() if now is None else now) > config.expires:
        raise TurnRefused(f"the TURN credentials for this hearing expired (TURN server {where}); "
                          "re-join to get fresh ones from the court relay")
    loop = asyncio.get_running_loop()
    try:
        transport, proto = await loop.create_datagram_endpoint(
            lambda: _Probe((host, port), config.username, config.credential), remote_addr=(host, port))
    except OSError as exc:
        raise TurnUnreachable(f"cannot reach the TURN server at {where} ({exc.strerror or exc}); "
                              "is coturn running?") from None
    try:
        request = stun.Message(message_method=stun.Method.ALLOCATE, message_class=stun.Class.REQUEST)
        request.attributes["LIFETIME"] = 60
        request.attributes["REQUESTED-TRANSPORT"] = UDP_TRANSPORT
        alloc: asyncio.Future[Any] = asyncio.ensure_future(proto.request_with_retry(request))
        waits: list[asyncio.Future[Any]] = [alloc, proto.unreachable]
        done, _ = await asyncio.wait(waits, timeout=timeout,
                                     return_when=asyncio.FIRST_COMPLETED)
        if alloc not in done:
            alloc.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await alloc
            raise TurnUnreachable(f"the TURN server at {where} does not answer; is coturn running "
                                  "(and UDP port open)?")
        try:
            alloc.result()
        except stun.TransactionFailed as exc:
            code = exc.response.attributes.get("ERROR-CODE", (0, ""))[0]
            if code in (401, 403, 437, 438):
                raise TurnRefused(f"the TURN server at {where} refused this hearing's credentials (error {code}): "
                                  "the relay's TURN secret is not the TURN server's") from None
            raise TurnUnreachable(f"the TURN server at {where} cannot allocate a relay (error {code})") from None
        except stun.TransactionTimeout:
            raise TurnUnreachable(f"the TURN server at {where} does not answer; is coturn running?") from None
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
        transport.close()
