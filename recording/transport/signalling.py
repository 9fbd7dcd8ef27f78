"""Signalling between the stations: JSON messages over a TLS WebSocket (``wss://``) hosted by the
court station.

The court generates a self-signed TLS certificate in memory at start-up (:func:`tls_identity`); its
SHA-256 fingerprint goes into the signed invitation, and the witness checks the certificate the
server presents against it right after the TLS handshake (:class:`FingerprintMismatch` otherwise).
There is no certificate authority: the signed invitation is the trust anchor.

witness → court   {"type": "join", "session_id", "token", "station": "witness", "dtls_fingerprint", "media"}
court → witness   {"type": "waiting", "safety_code"}                (in the waiting room)
court → witness   {"type": "admitted", "resume"} | {"type": "refused", "reason"}
witness → court   {"type": "resume", "session_id", "resume"}        (after a loss: re-join)
court → witness   {"type": "resumed", "resume"}                     (the next resumption token)
witness → court   {"type": "offer", "sdp", "tracks": {mid: label}, "receive": {mid: kind}}
court → witness   {"type": "answer", "sdp", "tracks": {mid: label}}   (what the court sends back)
witness → court   {"type": "break", "on": bool, "by": "witness", "at": media seconds}
court → witness   {"type": "end", "reason"}                          (the clerk ended the session)
either            {"type": "bye", "reason"}                         (end of session; then close)
court → witness   {"type": "error", "reason"}                       (bad/used token, protocol)

Optional fields are read with :func:`text_field` / :func:`table_field` (a missing or mistyped one
counts as empty); a required one that is missing or mistyped is a :class:`LinkError`.

A message is at most :data:`MAX_MESSAGE` bytes.  WebSocket pings every second (3 s timeout) detect
a dead network on both sides even when no TCP reset arrives.  No media flows over this channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as _dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import ssl
import tempfile
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from common import jsonio
from recording.transport.errors import (
    FingerprintMismatch,
    LinkError,
    Refused,
    RelayCertMismatch,
    RelayUnreachable,
)

log = logging.getLogger("testimony_shield.link.signalling")

MAX_MESSAGE = 256 * 1024
TYPES = {"join", "waiting", "admitted", "refused", "resume", "resumed", "offer", "answer", "break", "end", "bye",
         "error", "booth", "handover", "handover_cancel", "listen",  # booth…listen: recording/booth.py
         "hello", "welcome", "court", "challenge", "register", "registered", "incoming", "accept"}  # relay.py
PATH = "/testimony-shield/link/v1"
#: the protocol's messages nest at most 3 deep (an offer's track maps)
MAX_DEPTH = 8
#: malformed messages dropped in a row before a connection is given up
MAX_DROPPED = 16
PING_INTERVAL = 1.0
PING_TIMEOUT = 3.0


def cert_fingerprint(der: bytes) -> str:
    """SHA-256 of a DER certificate in SDP style: upper-case hex pairs separated by colons."""
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


def load_chain(ctx: ssl.SSLContext, cert_pem: bytes, key_pem: bytes, password: bytes) -> None:
    """``SSLContext.load_cert_chain`` reads files only.  The key never touches a disk: on Linux both
    go through an anonymous in-memory file (memfd); elsewhere the key file is encrypted with a random
    password that lives only in this process, and removed at once."""
    if hasattr(os, "memfd_create"):
        fds = [os.memfd_create("ts-link-cert"), os.memfd_create("ts-link-key")]
        try:
            for fd, data in zip(fds, (cert_pem, key_pem), strict=True):
                os.write(fd, data)
            ctx.load_cert_chain(f"/proc/self/fd/{fds[0]}", f"/proc/self/fd/{fds[1]}", password=password)
        finally:
            for fd in fds:
                os.close(fd)
        return
    with tempfile.TemporaryDirectory() as d:  # pragma: no cover (non-Linux)
        cp, kp = os.path.join(d, "c.pem"), os.path.join(d, "k.pem")
        for p, data in ((cp, cert_pem), (kp, key_pem)):
            fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
        ctx.load_cert_chain(cp, kp, password=password)


def self_signed(common_name: str, lifetime_days: int) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A fresh P-256 key and a self-signed certificate for it (no CA: the fingerprint is pinned)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = _dt.datetime.now(_dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - _dt.timedelta(minutes=5)).not_valid_after(now + _dt.timedelta(days=lifetime_days))
            .sign(key, hashes.SHA256()))
    return key, cert


def server_context(key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> tuple[ssl.SSLContext, str]:
    """A TLS server context presenting ``cert`` (the key passes through memory only, encrypted with
    a random password) and the certificate's SHA-256 fingerprint."""
    password = secrets.token_bytes(32)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.BestAvailableEncryption(password))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    load_chain(ctx, cert.public_bytes(serialization.Encoding.PEM), key_pem, password)
    return ctx, cert_fingerprint(cert.public_bytes(serialization.Encoding.DER))


def tls_identity(common_name: str = "testimony-shield court station",
                 lifetime_days: int = 2) -> tuple[ssl.SSLContext, str]:
    """A fresh P-256 key and self-signed certificate, held in memory: the server's TLS context and
    the certificate's SHA-256 fingerprint (for the invitation)."""
    return server_context(*self_signed(common_name, lifetime_days))


def _client_context() -> ssl.SSLContext:
    # No CA and no host name: the certificate is checked by its pinned fingerprint after the handshake.
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def _uri(host: str, port: int) -> str:
    return f"wss://[{host}]:{port}{PATH}" if ":" in host else f"wss://{host}:{port}{PATH}"


class Channel:
    """One signalling connection (either side) over a WebSocket."""

    def __init__(self, ws: ClientConnection | ServerConnection, peer: str = "") -> None:
        self._ws = ws
        self._peer = peer  # how the other end is named (e.g. "the court relay"), else its address
        self.closed = False
        #: malformed messages dropped on this connection (logged without content)
        self.dropped = 0

    @classmethod
    async def connect(cls, host: str, port: int, tls_fingerprint: str, timeout: float = 10.0) -> Channel:
        """Connect to the court at ``host:port`` over TLS and check its certificate's SHA-256
        fingerprint against ``tls_fingerprint`` (from the invitation) before anything is sent."""
        return await cls.dial(_uri(host, port), tls_fingerprint, timeout)

    @classmethod
    async def dial(cls, uri: str, tls_fingerprint: str, timeout: float = 10.0, relay: bool = False) -> Channel:
        """Connect to ``uri`` (``wss://``) and check the server certificate's SHA-256 fingerprint
        against the pinned ``tls_fingerprint`` before anything is sent.  ``relay``: the server is the
        court relay (:class:`RelayUnreachable`, :class:`RelayCertMismatch` instead of the court's
        :class:`LinkError`, :class:`FingerprintMismatch`)."""
        where = uri.split("/")[2] if uri.count("/") >= 2 else uri
        try:
            ws = await asyncio.wait_for(
                connect(uri, ssl=_client_context(), max_size=MAX_MESSAGE, proxy=None,
                        compression=None, ping_interval=PING_INTERVAL, ping_timeout=PING_TIMEOUT,
                        open_timeout=timeout, close_timeout=2.0), timeout)
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI, ssl.SSLError) as exc:
            if relay:
                raise RelayUnreachable(f"cannot reach the court relay at {where} ({exc.__class__.__name__}); "
                                       "is it running, and is its port open?") from None
            raise LinkError(f"cannot reach the court station at {where} ({exc.__class__.__name__}); "
                            "is the court's session open?") from None
        ssl_object = ws.transport.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        if not der or not hmac.compare_digest(cert_fingerprint(der), tls_fingerprint.upper()):
            await ws.close()
            if relay:
                raise RelayCertMismatch(
                    f"the court relay at {where} presented a TLS certificate that is not the pinned one "
                    "(wrong fingerprint): this is not the court's relay")
            raise FingerprintMismatch(
                "the station at the invitation's address presented a signalling certificate that does not "
                "match the invitation (wrong fingerprint): this is not the court that invited you")
        return cls(ws, peer="the court relay" if relay else "")

    @classmethod
    async def resume(cls, invite: Any, token: str) -> tuple[Channel, str]:
        """One re-join after a network loss: connect to the invitation's court (TLS fingerprint
        pinned), present the resumption token, and return the channel with the next token.  Raises
        ``Refused`` or ``LinkError``; the channel is closed if the exchange fails."""
        ch = await cls.connect(invite.host, invite.port, invite.tls_fingerprint, timeout=2.0)
        try:
            await ch.send({"type": "resume", "session_id": invite.session_id, "resume": token})
            msg = await ch.expect("resumed", timeout=5.0)
        except BaseException:
            await ch.close()
            raise
        return ch, text_field(msg, "resume")

    @property
    def ws(self) -> ClientConnection | ServerConnection:
        """The WebSocket underneath (the court relay forwards its messages unchanged)."""
        return self._ws

    @property
    def peer(self) -> str:
        if self._peer:
            return self._peer
        p = self._ws.remote_address
        return f"{p[0]}:{p[1]}" if p else "?"

    async def send(self, msg: dict[str, Any]) -> None:
        if self.closed:
            raise LinkError("the signalling connection is closed")
        try:
            await self._ws.send(json.dumps(msg, separators=(",", ":")))
        except (ConnectionClosed, OSError, RuntimeError) as exc:
            self.closed = True
            raise LinkError(f"the signalling connection was lost ({exc.__class__.__name__})") from None

    async def recv(self, timeout: float | None = None) -> dict[str, Any]:
        """The next well-formed message; :class:`LinkError` on close or timeout.  A malformed or
        hostile message (not JSON, too deep, repeated keys, NaN, not an object, unknown type) is
        dropped and logged without its content, and the next one is awaited (within ``timeout``);
        after :data:`MAX_DROPPED` in a row the connection is given up."""
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        dropped = 0
        while True:
            left = None if deadline is None else max(0.0, deadline - loop.time())
            try:
                data = await asyncio.wait_for(self._ws.recv(), left)
            except TimeoutError:
                raise LinkError("the other station did not answer in time") from None
            except (ConnectionClosed, OSError, RuntimeError) as exc:
                self.closed = True
                raise LinkError(f"the other station closed the connection ({exc.__class__.__name__})") from None
            try:
                msg = jsonio.loads(data, max_bytes=MAX_MESSAGE, max_depth=MAX_DEPTH, what="message")
                if not isinstance(msg, dict) or msg.get("type") not in TYPES:
                    raise jsonio.JsonError("message: not a known message type")
            except jsonio.JsonError as exc:
                dropped += 1
                self.dropped += 1
                log.warning("dropped a malformed signalling message from %s (%s)", self.peer, exc)
                if dropped >= MAX_DROPPED:
                    raise LinkError("the other station sent only malformed messages") from None
                continue
            return msg

    async def expect(self, *types: str, timeout: float | None = None) -> dict[str, Any]:
        msg = await self.recv(timeout)
        if msg["type"] in ("bye", "end") and msg["type"] not in types:
            raise LinkError(f"the other station ended the session ({msg.get('reason', 'no reason given')})")
        if msg["type"] in ("error", "refused") and msg["type"] not in types:
            raise Refused(f"the court station refused: {msg.get('reason', 'no reason given')}")
        if msg["type"] not in types:
            raise LinkError(f"unexpected '{msg['type']}' message (expected {' or '.join(types)})")
        return msg

    def abort(self) -> None:
        """Drop the connection at once, without a closing handshake (tests: a network loss)."""
        self.closed = True
        self._ws.transport.abort()

    async def close(self) -> None:
        if self.closed:
            with contextlib.suppress(OSError, RuntimeError, AttributeError):
                self._ws.transport.abort()
            return
        self.closed = True
        try:
            await asyncio.wait_for(self._ws.close(), 2.0)
        except (OSError, TimeoutError, RuntimeError, ConnectionClosed):
            self._ws.transport.abort()


def text_field(msg: dict[str, Any], key: str) -> str:
    """``msg[key]`` when the peer sent a string there, else ""."""
    value = msg.get(key)
    return value if isinstance(value, str) else ""


def table_field(msg: dict[str, Any], key: str) -> dict[str, Any]:
    """``msg[key]`` when the peer sent an object there, else an empty one."""
    value = msg.get(key)
    return value if isinstance(value, dict) else {}


class SignallingServer:
    """The court's ``wss://`` endpoint: each accepted connection is handed to ``handler(channel)``."""

    def __init__(self, handler, host: str = "127.0.0.1", port: int = 0) -> None:
        self._handler = handler
        self._host, self._port = host, port
        self.ssl_context, self.tls_fingerprint = tls_identity()
        self._server: Server | None = None

    async def open(self) -> tuple[str, int]:
        async def on_ws(ws: ServerConnection) -> None:
            if ws.request is not None and ws.request.path != PATH:
                await ws.close(1008, "unknown path")
                return
            await self._handler(Channel(ws))

        self._server = await serve(on_ws, self._host, self._port, ssl=self.ssl_context, max_size=MAX_MESSAGE,
                                   compression=None, ping_interval=PING_INTERVAL, ping_timeout=PING_TIMEOUT,
                                   close_timeout=2.0, server_header=None)
        self._port = next(iter(self._server.sockets)).getsockname()[1]
        return self._host, self._port

    @property
    def is_open(self) -> bool:
        return self._server is not None

    def close(self) -> None:
        if self._server is not None:
            self._server.close(close_connections=False)
            self._server = None
