"""The court relay (``testimony-shield relay``): the rendezvous both stations reach *outbound* over a
TLS WebSocket, so neither has to accept a connection and the court station's address is in no
invitation.

- A **court station** registers its hearing (``court`` → ``challenge`` → ``register``, signed with
  its vault's Ed25519 station key over the relay's nonce) and gets the hearing's TURN credentials.
- A **witness or interpreter station** says which session it joins (``hello``) and gets the
  hearing's TURN credentials (``welcome``); its next message (the court protocol's ``join`` or
  ``resume``) makes the relay tell the court (``incoming`` on its registration connection); the court
  opens a connection of its own (``accept``) and from then on the relay forwards every message
  between the two connections unchanged.  The court protocol (token, waiting room, offer/answer) is
  end to end between the stations: the relay never holds media keys — the media are DTLS-SRTP with
  the fingerprints the signed invitation pins, through TURN.
- **TURN credentials** are minted per hearing in coturn's ``use-auth-secret`` convention
  (:mod:`recording.transport.turn`) and are short-lived.

The relay keeps its TLS key and certificate in a 0600 file (created on first start) so invitations
pin the same certificate across restarts; stations and courts re-connect on their own after a
restart.  It never logs a station's network address.  Protocol: docs/link-protocol.md ("Court relay").
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import secrets
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from common import jsonio
from common.atomic import atomic_write
from common.canonical import canonical_json
from common.signing import key_fingerprint, verify_ed25519
from recording.transport.errors import LinkError
from recording.transport.invite import _DNS, RELAY_PATH
from recording.transport.signalling import (
    MAX_MESSAGE,
    PING_INTERVAL,
    PING_TIMEOUT,
    Channel,
    self_signed,
    server_context,
)
from recording.transport.turn import (
    DEFAULT_TTL,
    TurnConfig,
    parse_turn_url,
    rest_credentials,
    tcp_url,
    turn_endpoint,
)

log = logging.getLogger("testimony_shield.link.relay")

INFO_FORMAT = "testimony-shield/relay-info"
INFO_VERSION = 1
#: what a court signs to register hearings (with the relay's one-time nonce)
REGISTER_CONTEXT = b"testimony-shield relay register v1\n"
#: a station's hello waits this long for its hearing to be registered (a court re-registering after
#: a relay restart, or an invitation read before the court's registration arrived)
HELLO_WAIT = 10.0
#: the court must open its side of a station's connection within this long
ACCEPT_WAIT = 10.0
#: first message of any connection within this long
FIRST_MESSAGE = 15.0
MAX_SESSIONS_PER_COURT = 64


# -- the relay's info file ------------------------------------------------------------------------

@dataclass(frozen=True)
class RelayInfo:
    """What a court station needs to use a court relay (the relay's ``--info-out`` file)."""

    url: str  # wss://HOST:PORT/testimony-shield/relay/v1
    tls_fingerprint: str  # sha-256 of the relay's TLS certificate (SDP-style hex)
    turn_url: str = ""  # turn:HOST:PORT (for people; the credentials come from the relay)

    @property
    def host(self) -> str:
        return self.url.split("://", 1)[1].rsplit(":", 1)[0].strip("[]")

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1].split("/", 1)[0])

    def to_bytes(self) -> bytes:
        doc = {"format": INFO_FORMAT, "version": INFO_VERSION, "url": self.url,
               "tls_fingerprint": self.tls_fingerprint, "turn_url": self.turn_url}
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("ascii")

    def write(self, path: Path | str) -> None:
        atomic_write(path, self.to_bytes())

    @classmethod
    def parse(cls, data: bytes) -> RelayInfo:
        from recording.transport.invite import _FP_VALUE, _URL

        try:
            doc = jsonio.loads(data, max_bytes=16 * 1024, max_depth=4, what="relay info")
        except jsonio.JsonError:
            raise LinkError("the court relay's info file is not valid JSON") from None
        if not isinstance(doc, dict) or doc.get("format") != INFO_FORMAT:
            raise LinkError("this file is not a court relay's info file (testimony-shield relay --info-out)")
        if doc.get("version") != INFO_VERSION or set(doc) != {
            "format",
            "version",
            "url",
            "tls_fingerprint",
            "turn_url",
        }:
            raise LinkError(f"court relay info version {doc.get('version')!r} is not supported")
        url, fp, turn = doc["url"], doc["tls_fingerprint"], doc["turn_url"]
        m = _URL.match(url) if isinstance(url, str) else None
        if not m or m.group("path") != RELAY_PATH:
            raise LinkError("the court relay's info file has a malformed URL")
        if not isinstance(fp, str) or not _FP_VALUE.match(fp) or len(fp.split(":")) != 32:
            raise LinkError("the court relay's info file has a malformed certificate fingerprint")
        if not isinstance(turn, str):
            raise LinkError("the court relay's info file has a malformed TURN address")
        return cls(url, fp.upper(), turn)

    @classmethod
    def load(cls, path: Path | str) -> RelayInfo:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise LinkError(f"cannot read the court relay's info file {path}: {exc.strerror}") from None
        return cls.parse(data)


def relay_url(host: str, port: int) -> str:
    h = f"[{host}]" if ":" in host else host
    return f"wss://{h}:{port}{RELAY_PATH}"


# -- the relay's TLS identity (kept across restarts) ---------------------------------------------

def tls_identity_file(path: Path | str, common_name: str = "testimony-shield court relay",
                      lifetime_days: int = 3650) -> tuple[ssl.SSLContext, str]:
    """The relay's TLS context and certificate fingerprint from ``path`` (PEM certificate + PKCS#8
    key, 0600), created on first use.  Invitations pin this certificate: deleting the file rotates
    it (outstanding invitations then fail with "not the pinned certificate")."""
    path = Path(path)
    if path.exists():
        data = path.read_bytes()
        if path.stat().st_mode & 0o077:
            raise LinkError(f"the relay's TLS key file {path} is readable by others: chmod 600 it")
        try:
            cert = x509.load_pem_x509_certificate(data)
            key = serialization.load_pem_private_key(data, password=None)
        except ValueError:
            raise LinkError(f"the relay's TLS key file {path} is damaged; remove it to make a new one") from None
    else:
        key, cert = self_signed(common_name, lifetime_days)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        pem = cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        atomic_write(path, pem)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise LinkError(f"the relay's TLS key file {path} does not hold a P-256 key; remove it to make a new one")
    return server_context(key, cert)


# -- the relay server ------------------------------------------------------------------------------

@dataclass
class _Hearing:
    label: str  # the TURN credentials' label (random, per hearing)
    court: _Court
    active: int = 0  # spliced station connections now


@dataclass
class _Court:
    ch: Channel
    key: bytes
    sessions: set[str] = field(default_factory=set)


@dataclass
class RelayStats:
    hearings_served: int = 0  # hearings at least one station was connected through
    peak_concurrent: int = 0  # hearings with a station connected, at once
    bytes_forwarded: int = 0
    connections_forwarded: int = 0
    courts_registered: int = 0
    refused: int = 0  # connections refused (unknown hearing, bad signature, protocol)


class RelayServer:
    """The court relay on ``host:port``; TURN credentials for ``turn_url`` from ``secret``."""

    def __init__(self, host: str, port: int, turn_url: str, secret: bytes, tls_file: Path | str,
                 turn_ttl: float = DEFAULT_TTL, public_host: str = "", allowed_keys: set[bytes] | None = None,
                 turn_fallback: tuple[str, ...] | None = None) -> None:
        parse_turn_url(turn_url)
        self._host, self._port = host, port
        self.turn_url, self._secret, self.turn_ttl = turn_url, secret, turn_ttl
        #: tried by the stations when ``turn_url`` does not answer (default: TCP on the same port)
        self.turn_fallback = tuple(turn_fallback) if turn_fallback is not None else (
            (tcp_url(turn_url),) if turn_endpoint(turn_url)[0] == "udp" else ())
        self._public_host = public_host or host
        if self._public_host in ("0.0.0.0", "::"):
            raise LinkError("a relay listening on every interface needs --public-host (the name stations dial)")
        self.ssl_context, self.tls_fingerprint = tls_identity_file(tls_file)
        self.allowed_keys = allowed_keys
        self.stats = RelayStats()
        self._server: Server | None = None
        self._hearings: dict[str, _Hearing] = {}  # session id → hearing
        self._labels: dict[tuple[bytes, str], str] = {}  # (court key, court's hearing id) → TURN label
        self._served: set[str] = set()
        self._pending: dict[str, asyncio.Future] = {}  # conn id → the court's side of a station connection
        self._registered = asyncio.Event()  # pulsed on every registration (hello waits on it)
        self.hello_wait = HELLO_WAIT

    @property
    def info(self) -> RelayInfo:
        return RelayInfo(relay_url(self._public_host, self._port), self.tls_fingerprint, self.turn_url)

    async def open(self) -> RelayInfo:
        self._server = await serve(self._on_ws, self._host, self._port, ssl=self.ssl_context, max_size=MAX_MESSAGE,
                                   compression=None, ping_interval=PING_INTERVAL, ping_timeout=PING_TIMEOUT,
                                   close_timeout=2.0, server_header=None)
        self._port = next(iter(self._server.sockets)).getsockname()[1]
        return self.info

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5.0)
            self._server = None

    def turn_for(self, label: str) -> TurnConfig:
        return rest_credentials(self._secret, self.turn_url, label, self.turn_ttl, fallback=self.turn_fallback)

    def _turn_fields(self, label: str) -> dict[str, Any]:
        turn = self.turn_for(label)
        return {"turn": turn.to_dict(), "turn_fallback": turn.fallback_field()}

    # -- connections -----------------------------------------------------------------------------
    async def _on_ws(self, ws: ServerConnection) -> None:
        if ws.request is not None and ws.request.path != RELAY_PATH:
            await ws.close(1008, "unknown path")
            return
        ch = Channel(ws, peer="a station")  # never the address: it would locate a safe room
        try:
            first = await ch.recv(timeout=FIRST_MESSAGE)
            if first["type"] == "court":
                await self._court(ch)
            elif first["type"] == "hello":
                await self._station(ch, first)
            elif first["type"] == "accept":
                await self._accept(ch, first)
            else:
                await self._refuse(ch, "expected hello, court or accept")
        except LinkError as exc:
            log.debug("relay connection ended: %s", exc)
        except Exception as exc:  # one bad peer never takes the relay down
            log.warning("a relay connection failed (%s)", exc.__class__.__name__)
        finally:
            await ch.close()

    async def _refuse(self, ch: Channel, reason: str) -> None:
        self.stats.refused += 1
        with contextlib.suppress(LinkError):
            await ch.send({"type": "error", "reason": reason})

    # -- a court station's registration ----------------------------------------------------------
    async def _court(self, ch: Channel) -> None:
        nonce = secrets.token_hex(32)
        await ch.send({"type": "challenge", "nonce": nonce})
        court: _Court | None = None
        try:
            while True:
                msg = await ch.recv()
                if msg["type"] != "register":
                    continue
                key, reason = self._check_register(msg, nonce, court)
                if reason:
                    await self._refuse(ch, reason)
                    return
                if court is None:
                    court = _Court(ch, key)
                    self.stats.courts_registered += 1
                    log.info("court station %s registered", key_fingerprint(key))
                hid = str(msg["hearing"])
                label = self._labels.setdefault((key, hid), secrets.token_hex(12))
                for sid in msg["sessions"]:
                    if sid in self._hearings and self._hearings[sid].court is not court:
                        self._hearings[sid].court.sessions.discard(sid)  # the same court, re-registered
                    self._hearings[sid] = _Hearing(label, court)
                    court.sessions.add(sid)
                self._registered.set()
                self._registered = asyncio.Event()
                await ch.send({"type": "registered", "hearing": hid, **self._turn_fields(label)})
        finally:
            if court is not None:
                for sid in court.sessions:
                    if (h := self._hearings.get(sid)) is not None and h.court is court:
                        del self._hearings[sid]

    def _check_register(self, msg: dict[str, Any], nonce: str, court: _Court | None) -> tuple[bytes, str]:
        key_hex, hid, sessions, sig = (
            msg.get("court_key"),
            msg.get("hearing"),
            msg.get("sessions"),
            msg.get("signature"),
        )
        try:
            key = bytes.fromhex(key_hex) if isinstance(key_hex, str) and len(key_hex) == 64 else b""
            signature = bytes.fromhex(sig) if isinstance(sig, str) and len(sig) == 128 else b""
        except ValueError:
            return b"", "malformed registration"
        if not key or not signature or not isinstance(hid, str) or not 1 <= len(hid) <= 64 \
                or not isinstance(sessions, list) or not all(isinstance(s, str) and len(s) == 32 for s in sessions) \
                or len(sessions) > MAX_SESSIONS_PER_COURT:
            return b"", "malformed registration"
        body = canonical_json({"court_key": key_hex, "hearing": hid, "sessions": sessions})
        if not verify_ed25519(key, signature, REGISTER_CONTEXT + nonce.encode() + b"\n" + body):
            return b"", "the registration's signature does not verify"
        if court is not None and key != court.key:
            return b"", "one court station per registration connection"
        if self.allowed_keys is not None and key not in self.allowed_keys:
            return b"", f"court key {key_fingerprint(key)} is not allowed on this relay"
        for sid in sessions:
            h = self._hearings.get(sid)
            if h is not None and h.court.key != key:
                return b"", "a session of this registration belongs to another court station"
        return key, ""

    # -- a witness or interpreter station ----------------------------------------------------------
    async def _station(self, ch: Channel, hello: dict[str, Any]) -> None:
        sid = hello.get("session_id")
        if not isinstance(sid, str) or len(sid) != 32:
            return await self._refuse(ch, "malformed hello")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.hello_wait
        while sid not in self._hearings:
            left = deadline - loop.time()
            if left <= 0:
                return await self._refuse(ch, "this hearing is not open at the court relay (the court station "
                                              "is not connected to it)")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._registered.wait(), left)
        await ch.send({"type": "welcome", **self._turn_fields(self._hearings[sid].label)})
        first = await ch.recv(timeout=FIRST_MESSAGE)  # the court protocol's join / resume
        hearing = self._hearings.get(sid)
        if hearing is None:
            return await self._refuse(ch, "the court station left the court relay")
        court = hearing.court
        conn = secrets.token_hex(16)
        fut: asyncio.Future = loop.create_future()
        self._pending[conn] = fut
        try:
            await court.ch.send({"type": "incoming", "conn": conn, "session_id": sid})
            other: Channel = await asyncio.wait_for(fut, ACCEPT_WAIT)
        except (TimeoutError, asyncio.CancelledError, LinkError):
            return await self._refuse(ch, "the court station did not answer through the court relay")
        finally:
            self._pending.pop(conn, None)
        try:
            await other.send(first)
            self.stats.bytes_forwarded += len(json.dumps(first, separators=(",", ":")))
            await self._splice(ch, other, hearing)
        finally:
            await other.close()

    async def _accept(self, ch: Channel, msg: dict[str, Any]) -> None:
        conn = msg.get("conn")
        fut = self._pending.get(conn) if isinstance(conn, str) else None
        if fut is None or fut.done():
            return await self._refuse(ch, "no such connection waiting")
        done = asyncio.get_running_loop().create_future()
        ch.on_closed = done  # type: ignore[attr-defined]
        fut.set_result(ch)
        await done  # the station's side forwards; this connection lives until it is over

    async def _splice(self, station: Channel, court: Channel, hearing: _Hearing) -> None:
        """Forward every message both ways, unchanged, until either side closes."""
        st = self.stats
        st.connections_forwarded += 1
        hearing.active += 1
        if hearing.label not in self._served:
            self._served.add(hearing.label)
            st.hearings_served += 1
        st.peak_concurrent = max(st.peak_concurrent, len({h.label for h in self._hearings.values() if h.active}))

        async def pump(a: Channel, b: Channel) -> None:
            with contextlib.suppress(ConnectionClosed, OSError, RuntimeError, LinkError):
                async for data in a.ws:
                    await b.ws.send(data)
                    st.bytes_forwarded += len(data)

        tasks = [asyncio.ensure_future(pump(station, court)), asyncio.ensure_future(pump(court, station))]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for t in tasks:
                t.cancel()
            hearing.active -= 1
            closed = getattr(court, "on_closed", None)
            if closed is not None and not closed.done():
                closed.set_result(None)

    def summary(self) -> dict[str, Any]:
        s = self.stats
        return {"hearings_served": s.hearings_served, "peak_concurrent": s.peak_concurrent,
                "bytes_forwarded": s.bytes_forwarded, "connections_forwarded": s.connections_forwarded,
                "courts_registered": s.courts_registered, "refused": s.refused}


def check_public_host(host: str) -> str:
    """A host name or IP literal for the info file's URL."""
    import ipaddress

    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        if not _DNS.match(host):
            raise LinkError(f"'{host[:80]}' is not a host name or IP address") from None
        return host


def private_file_ok(path: Path | str) -> bool:
    """True when ``path`` is readable by its owner only (the TURN secret file)."""
    try:
        return not (os.stat(path).st_mode & 0o077)
    except OSError:
        return False
