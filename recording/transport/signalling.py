"""Signalling between the stations: JSON lines over asyncio TCP, hosted by the court station.

witness → court   {"type": "join", "session_id", "token", "station": "witness", "media": {...}}
court → witness   {"type": "waiting"}                        (in the waiting room)
court → witness   {"type": "admitted"} | {"type": "refused", "reason"}
witness → court   {"type": "offer", "sdp"}
court → witness   {"type": "answer", "sdp"}
either            {"type": "bye", "reason"}                  (end of session; then the socket closes)
court → witness   {"type": "error", "reason"}                (bad/used token, wrong session, protocol)

A line is at most :data:`MAX_LINE` bytes; anything else closes the connection.  No media flows over
this channel; the SDP's certificate fingerprint is pinned by the signed invitation (see invite.py).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from recording.transport.errors import LinkError, Refused

MAX_LINE = 256 * 1024
TYPES = {"join", "waiting", "admitted", "refused", "offer", "answer", "bye", "error"}


class Channel:
    """One signalling connection (either side)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self.closed = False

    @classmethod
    async def connect(cls, host: str, port: int, timeout: float = 10.0) -> Channel:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port, limit=MAX_LINE), timeout)
        except (OSError, TimeoutError) as exc:
            raise LinkError(f"cannot reach the court station at {host}:{port} ({exc.__class__.__name__}); "
                            "is the court's session open?") from None
        return cls(reader, writer)

    @property
    def peer(self) -> str:
        p = self._writer.get_extra_info("peername")
        return f"{p[0]}:{p[1]}" if p else "?"

    async def send(self, msg: dict[str, Any]) -> None:
        if self.closed:
            raise LinkError("the signalling connection is closed")
        try:
            self._writer.write(json.dumps(msg, separators=(",", ":")).encode() + b"\n")
            await self._writer.drain()
        except (OSError, RuntimeError) as exc:
            self.closed = True
            raise LinkError(f"the signalling connection was lost ({exc.__class__.__name__})") from None

    async def recv(self, timeout: float | None = None) -> dict[str, Any]:
        """The next message; :class:`LinkError` on close, timeout or a malformed line."""
        try:
            line = await asyncio.wait_for(self._reader.readline(), timeout)
        except TimeoutError:
            raise LinkError("the other station did not answer in time") from None
        except (OSError, asyncio.LimitOverrunError, ValueError) as exc:
            self.closed = True
            raise LinkError(f"the signalling connection failed ({exc.__class__.__name__})") from None
        if not line:
            self.closed = True
            raise LinkError("the other station closed the connection")
        try:
            msg = json.loads(line)
        except ValueError:
            raise LinkError("the other station sent a malformed message") from None
        if not isinstance(msg, dict) or msg.get("type") not in TYPES:
            raise LinkError("the other station sent an unknown message")
        return msg

    async def expect(self, *types: str, timeout: float | None = None) -> dict[str, Any]:
        msg = await self.recv(timeout)
        if msg["type"] == "bye":
            raise LinkError(f"the other station ended the session ({msg.get('reason', 'no reason given')})")
        if msg["type"] in ("error", "refused") and msg["type"] not in types:
            raise Refused(f"the court station refused: {msg.get('reason', 'no reason given')}")
        if msg["type"] not in types:
            raise LinkError(f"unexpected '{msg['type']}' message (expected {' or '.join(types)})")
        return msg

    async def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self._writer.close()
            await asyncio.wait_for(self._writer.wait_closed(), 2.0)
        except (OSError, TimeoutError, RuntimeError):
            pass
