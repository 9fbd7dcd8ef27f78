"""A remote interpreter as a third station.

The court writes the interpreter its own invitation (:meth:`CourtStation.interpreter_invitation`: its
own session id and one-time token, ``media.station = "interpreter"``, ``media.language``).  The
interpreter station joins over the same pinned TLS signalling, waits to be admitted, then offers:

- its language channel as an audio track labelled ``court/audio/<lang>`` (ISO 639-2), which the
  court delivers as that interpretation channel (recorded as its own tagged track);
- one audio slot to receive (``"receive": {mid: "audio"}``), on which the court sends the masked
  floor it receives from the witness (``interpreter/audio/floor``) — the interpreter hears the
  witness masked, like everyone in the courtroom.

The court forwards the channel to the witness station too (``witness/audio/<lang>``), for the
witness's listening channel.  It sends no video and receives no video.

Join, resilience (re-join with the rotating resumption token, a fresh track reading the same source)
and teardown are the station base's (:mod:`recording.transport.station`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from aiortc import RTCPeerConnection, RTCRtpSender, RTCRtpTransceiver

from recording import languages
from recording.transport import tracks as labels
from recording.transport.errors import LinkError
from recording.transport.invite import Invite
from recording.transport.media_tracks import BLOCK, RelayAudioTrack, SourceAudioTrack, pcm_frame
from recording.transport.rtc import mono_blocks
from recording.transport.station import RECONNECT_WINDOW, Station

# RelayAudioTrack and pcm_frame are imported from here by callers written before the split
__all__ = ["BLOCK", "RECONNECT_WINDOW", "InterpreterLink", "RelayAudioTrack", "SourceAudioTrack", "pcm_frame"]

log = logging.getLogger("testimony_shield.recording.transport.interpreter")


class InterpreterLink(Station):
    """The interpreter station: join with its invitation, send ``source`` as the ``language``
    channel, receive the masked floor (``on_floor(samples)`` consumers)."""

    kind = "interpreter"

    def __init__(self, invite: Invite, language: str, source: Any, on_floor: list[Any] | None = None,
                 reconnect_window: float = RECONNECT_WINDOW, on_state: Callable[[str], None] | None = None,
                 on_return: list[Any] | None = None, on_booth: list[Any] | None = None) -> None:
        """``on_floor``: consumers of what the interpreter listens to (the floor, or a relay language);
        ``on_return``: of its language's channel as the court delivers it while the partner is on
        air; ``on_booth``: of the court's ``booth`` messages (recording/booth.py)."""
        if invite.media.get("station") != "interpreter":
            raise LinkError("this invitation is not for an interpreter station")
        wanted = invite.media.get("language")
        if wanted and wanted != language:
            raise LinkError(f"this invitation is for the '{wanted}' channel, not '{language}'")
        label = labels.interpretation(language)
        if not labels.valid(label) or not languages.is_channel_language(language):
            raise LinkError(f"'{language}' is not an ISO 639-2 language code (e.g. spa)")
        super().__init__(invite, on_state=on_state, reconnect_window=reconnect_window)
        self.language, self.label = language, label
        self.track = SourceAudioTrack(source)
        self.on_floor = list(on_floor or [])
        self.on_return = list(on_return or [])
        self.on_booth = list(on_booth or [])
        self.booth: dict[str, Any] | None = None  # the court's last booth message
        self.court_errors: list[str] = []  # requests the court refused (e.g. a hand-over with no partner)
        self.return_blocks_received = 0
        self.floor_blocks_received = 0
        self.floor_samples_received = 0
        self.first_floor_ms: float | None = None
        self._sent_before = 0  # blocks sent by the tracks of earlier connections

    @property
    def blocks_sent(self) -> int:
        return self._sent_before + self.track.blocks_sent

    @property
    def source(self) -> Any:
        return self.track.source

    def _join_media(self) -> dict[str, Any]:
        return {"language": self.language, "tracks": [self.label]}

    def _add_media(self, pc: RTCPeerConnection) -> tuple[dict[str, RTCRtpSender], dict[RTCRtpTransceiver, str]]:
        if self.track.blocks_sent or self.track.readyState != "live":  # a re-join: a fresh track, same source
            self._sent_before += self.track.blocks_sent
            self.track = SourceAudioTrack(self.source)
        sender = pc.addTrack(self.track)
        return {self.label: sender}, {pc.addTransceiver("audio", direction="recvonly"): "audio",
                                      pc.addTransceiver("audio", direction="recvonly"): labels.INTERPRETER_RETURN}

    def _on_track(self, pc: RTCPeerConnection, track: Any, label: str) -> None:
        if label == labels.INTERPRETER_FLOOR and track.kind == "audio":
            self._tasks.append(asyncio.ensure_future(self._floor(track)))
        elif label == labels.INTERPRETER_RETURN and track.kind == "audio":
            self._tasks.append(asyncio.ensure_future(self._floor(track, back=True)))

    def _on_message(self, msg: dict[str, Any]) -> None:
        if msg["type"] == "booth":  # who is on air, hand-over countdowns, the witness's state
            self.booth = msg
            for c in self.on_booth:
                try:
                    c(msg)
                except Exception:
                    log.exception("a booth consumer failed")
        elif msg["type"] == "error":  # a booth request refused; the station stays connected
            self.court_errors.append(str(msg.get("reason", ""))[:200])

    async def control(self, msg: dict[str, Any]) -> bool:
        """Send a booth request (``handover``, ``handover_cancel``, ``listen``); False when the
        signalling is down (the request is not queued: the station is reconnecting)."""
        if self.channel is None or self.channel.closed:
            return False
        try:
            await self.channel.send(msg)
        except LinkError:
            return False
        return True

    async def _floor(self, track: Any, back: bool = False) -> None:
        """The floor (or relay language) track; ``back``: the channel's return track."""
        async for _, blocks in mono_blocks(track):
            for samples in blocks:
                if back:
                    self.return_blocks_received += 1
                    for c in self.on_return:
                        try:
                            c(samples)
                        except Exception:
                            log.exception("a return consumer failed")
                    continue
                self.floor_blocks_received += 1
                self.floor_samples_received += len(samples)
                if self.first_floor_ms is None and self.admitted_at is not None:
                    self.first_floor_ms = round((time.monotonic() - self.admitted_at) * 1000, 1)
                for c in self.on_floor:
                    try:
                        c(samples)
                    except Exception:
                        log.exception("a floor consumer failed")

    async def run(self, duration: float) -> str:
        """Until ``duration`` seconds passed or the court ended the session (re-joining after a loss)."""
        deadline = time.monotonic() + duration
        return await self.run_until(lambda: time.monotonic() >= deadline, done_reason="duration")

    async def close(self, reason: str = "the interpreter left") -> None:
        await super().close(reason)

    def stats(self) -> dict[str, Any]:
        return {"station": "interpreter", "language": self.language, "label": self.label,
                "blocks_sent": self.blocks_sent, "floor_blocks_received": self.floor_blocks_received,
                "floor_samples_received": self.floor_samples_received, "first_floor_ms": self.first_floor_ms,
                "safety_code": self.safety_code, "ended_by": self.ended_by, "end_reason": self.end_reason,
                "session_id": self.invite.session_id, "reconnects": self.reconnects, "media_kept": self.media_kept,
                "recoveries_ms": self.recoveries_ms, "return_blocks_received": self.return_blocks_received,
                "on_air": bool(self.booth and self.booth.get("on_air") == self.invite.session_id),
                "court_errors": self.court_errors,
                **self.path_stats()}
