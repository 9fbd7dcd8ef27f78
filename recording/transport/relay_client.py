"""The stations' side of the court relay (:mod:`recording.transport.relay`).

- :class:`RelayLink` — the court station's registration: it dials the relay (TLS certificate pinned
  by the relay's info file), signs its hearing's session ids over the relay's nonce with the court
  vault's station key, gets the hearing's TURN credentials, and opens a connection of its own for
  each station the relay announces (``incoming`` → ``accept``); each such connection is handed to
  the court station as if the station had connected to it directly.  After a loss (the relay
  restarted) it re-connects and re-registers by itself.  It stands in for the court's
  :class:`recording.transport.signalling.SignallingServer` (``open``, ``is_open``, ``close``,
  ``tls_fingerprint``).
- :func:`dial` — how a witness or interpreter station reaches the court named by its invitation:
  straight to the court station (one network), or through the relay (``hello`` → ``welcome`` with
  the hearing's TURN credentials).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any

from common.canonical import canonical_json
from common.retry import Backoff
from recording.transport.errors import LinkError, Refused, RelayUnreachable
from recording.transport.invite import Invite
from recording.transport.relay import REGISTER_CONTEXT, RelayInfo
from recording.transport.signalling import Channel
from recording.transport.turn import TurnConfig, choose

log = logging.getLogger("testimony_shield.link.relay_client")

RETRY = Backoff(base=0.3, cap=2.0)


async def dial(invite: Invite, timeout: float = 10.0) -> tuple[Channel, TurnConfig | None]:
    """A signalling channel to the court named by ``invite`` (certificate pinned), and — through the
    court relay — the hearing's TURN credentials.  Raises :class:`LinkError` (its subclasses
    :class:`RelayUnreachable`, :class:`RelayCertMismatch`, :class:`Refused` say why)."""
    if invite.via != "relay":
        return await Channel.connect(invite.host, invite.port, invite.tls_fingerprint, timeout=timeout), None
    ch = await Channel.dial(invite.url, invite.tls_fingerprint, timeout=timeout, relay=True)
    try:
        await ch.send({"type": "hello", "session_id": invite.session_id})
        msg = await ch.expect("welcome", timeout=15.0)
        try:
            turn = TurnConfig.from_message(msg)
        except ValueError as exc:
            raise LinkError(str(exc)) from None
    except Refused as exc:
        await ch.close()
        raise Refused(str(exc).replace("the court station refused", "the court relay refused")) from None
    except BaseException:
        await ch.close()
        raise
    return ch, turn


class RelayLink:
    """The court station's registration at a court relay (see the module docstring)."""

    def __init__(self, info: RelayInfo, handler: Callable[[Channel], Awaitable[None]]) -> None:
        self.info = info
        self.tls_fingerprint = info.tls_fingerprint
        self._handler = handler
        self.hearing = secrets.token_hex(16)  # this court station's hearing, as the relay knows it
        self.sessions: list[str] = []
        self._offered: TurnConfig | None = None  # the relay's latest credentials and URLs
        self._chosen = ""  # the URL the TURN server answered on (ready())
        self.court_key = b""
        self._sign: Callable[[bytes], bytes] | None = None
        self._ch: Channel | None = None
        self._nonce = ""
        self._task: asyncio.Task | None = None
        self._conns: set[asyncio.Task] = set()
        self._registered = asyncio.Event()
        self.down_since: float | None = None  # the relay is unreachable since (monotonic)
        self.relay_losses = 0
        self.last_error: LinkError | None = None
        self.on_state: Callable[[str], None] | None = None  # "relay lost", "relay back"
        self._closed = False

    @property
    def is_open(self) -> bool:
        return self._ch is not None and not self._closed

    async def open(self) -> tuple[str, int]:
        """Dial the relay (raises :class:`RelayUnreachable` / :class:`RelayCertMismatch`)."""
        await self._connect()
        return self.info.host, self.info.port

    async def _connect(self) -> None:
        ch = await Channel.dial(self.info.url, self.info.tls_fingerprint, timeout=10.0, relay=True)
        try:
            await ch.send({"type": "court"})
            msg = await ch.expect("challenge", timeout=10.0)
        except BaseException:
            await ch.close()
            raise
        nonce = msg.get("nonce")
        if not isinstance(nonce, str) or len(nonce) != 64:
            await ch.close()
            raise LinkError("the court relay sent a malformed challenge")
        self._ch, self._nonce = ch, nonce
        self._registered.clear()

    def register(self, session_id: str, court_key: bytes, sign: Callable[[bytes], bytes]) -> None:
        """Add a session (the witness's or an interpreter's invitation) to this court's hearing at the
        relay; sent at once (on the loop) and again after every re-connection."""
        self.court_key, self._sign = bytes(court_key), sign
        if session_id not in self.sessions:
            self.sessions.append(session_id)
        if self._task is None:
            self._task = asyncio.ensure_future(self._run())
        elif self._ch is not None and not self._ch.closed:
            self._conns.add(asyncio.ensure_future(self._send_register(self._ch)))

    async def ready(self, timeout: float = 15.0) -> TurnConfig:
        """Wait until the relay confirmed the registration, then check the TURN server with the
        hearing's credentials (:class:`TurnRefused`, :class:`TurnUnreachable`)."""
        try:
            await asyncio.wait_for(self._registered.wait(), timeout)
        except TimeoutError:
            raise self.last_error or RelayUnreachable("the court relay did not confirm the registration") from None
        assert self._offered is not None
        self._chosen = (await choose(self._offered)).url
        assert self.turn is not None
        return self.turn

    @property
    def turn(self) -> TurnConfig | None:
        """The hearing's latest credentials on the URL :meth:`ready` chose (UDP, else TCP/TLS)."""
        t = self._offered
        return t.using(self._chosen) if t is not None and self._chosen in t.urls else t

    def _register_msg(self) -> dict[str, Any]:
        assert self._sign is not None
        body = {"court_key": self.court_key.hex(), "hearing": self.hearing, "sessions": list(self.sessions)}
        sig = self._sign(REGISTER_CONTEXT + self._nonce.encode() + b"\n" + canonical_json(body))
        return {"type": "register", **body, "signature": sig.hex()}

    async def _send_register(self, ch: Channel) -> None:
        with contextlib.suppress(LinkError):
            await ch.send(self._register_msg())

    async def _run(self) -> None:
        """Register, listen for stations; after a loss re-connect and re-register until closed."""
        attempt = 0
        while not self._closed:
            ch = self._ch
            if ch is None or ch.closed:
                try:
                    await self._connect()
                except LinkError as exc:
                    self.last_error = exc
                    attempt += 1
                    await asyncio.sleep(RETRY.delay(attempt))
                    continue
                ch = self._ch
                assert ch is not None
            attempt = 0
            try:
                await ch.send(self._register_msg())
                while True:
                    msg = await ch.recv()
                    if msg["type"] == "registered":
                        try:
                            self._offered = TurnConfig.from_message(msg)
                        except ValueError as exc:
                            raise LinkError(str(exc)) from None
                        if self.down_since is not None:
                            log.info("court relay back after %.1f s", time.monotonic() - self.down_since)
                            self.down_since = None
                            self._notify("relay back")
                        self._registered.set()
                    elif msg["type"] == "incoming":
                        conn = msg.get("conn")
                        if isinstance(conn, str) and len(conn) == 32:
                            t = asyncio.ensure_future(self._accept(conn))
                            self._conns.add(t)
                            t.add_done_callback(self._conns.discard)
                    elif msg["type"] == "error":
                        self.last_error = Refused(f"the court relay refused this court station: {msg.get('reason')}")
                        log.warning("%s", self.last_error)
                        return
            except LinkError as exc:
                if self._closed:
                    return
                self.last_error = exc if not isinstance(exc, Refused) else self.last_error
                if self.down_since is None:
                    self.down_since = time.monotonic()
                    self.relay_losses += 1
                    log.info("court relay connection lost (%s): re-connecting", exc)
                    self._notify("relay lost")
                await ch.close()

    def _notify(self, what: str) -> None:
        if self.on_state is not None:
            try:
                self.on_state(what)
            except Exception:
                log.exception("relay state listener failed")

    async def _accept(self, conn: str) -> None:
        """The court's side of one station's connection through the relay."""
        try:
            ch = await Channel.dial(self.info.url, self.info.tls_fingerprint, timeout=10.0, relay=True)
        except LinkError as exc:
            log.info("could not open a station's connection through the relay: %s", exc)
            return
        try:
            await ch.send({"type": "accept", "conn": conn})
            await self._handler(ch)
        except LinkError:
            pass
        finally:
            await ch.close()

    def close(self) -> None:
        """Stop registering (the stations' connections end with the court station's own close)."""
        self._closed = True
        if self._task is not None:
            self._task.cancel()
        if self._ch is not None:
            self._ch.abort()
