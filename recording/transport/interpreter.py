"""A remote interpreter as a third station.

The court writes the interpreter its own invitation (:meth:`CourtStation.interpreter_invitation`: its
own session id and one-time token, ``media.station = "interpreter"``, ``media.language``).  The
interpreter station joins over the same pinned TLS signalling, waits to be admitted, then offers:

- its language channel as an audio track labelled ``court/audio/<lang>`` (ISO 639-2), which the
  court delivers as that interpretation channel (recorded as its own tagged track);
- one audio slot to receive (``"receive": {mid: "audio"}``), on which the court sends the masked
  floor it receives from the witness (``interpreter/audio/floor``) — the interpreter hears the
  witness masked, like everyone in the courtroom.

It sends no video and receives no video.  Re-joining after a network loss is not implemented for
this station (the witness's is): a lost interpreter joins again with a new invitation.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from fractions import Fraction
from typing import Any

import av
import numpy as np
from aiortc import MediaStreamTrack, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError

from recording.model import AUDIO_RATE
from recording.transport import tracks as labels
from recording.transport.errors import LinkError
from recording.transport.invite import Invite, check_sdp_fingerprint, safety_code
from recording.transport.rtc import (
    certificate_fingerprints,
    new_certificate,
    peer_connection,
    sha256_fingerprint,
)
from recording.transport.signalling import Channel

log = logging.getLogger("testimony_shield.recording.transport.interpreter")

BLOCK = 960  # 20 ms at 48 kHz


def pcm_frame(samples: np.ndarray, pts: int) -> av.AudioFrame:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype(np.int16).reshape(1, -1)
    frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
    frame.sample_rate = AUDIO_RATE
    frame.pts = int(pts)
    frame.time_base = Fraction(1, AUDIO_RATE)
    return frame


class SourceAudioTrack(MediaStreamTrack):
    """Sends an audio source (``read(n)`` → float32 mono at 48 kHz) in real time, 20 ms a block."""

    kind = "audio"

    def __init__(self, source: Any) -> None:
        super().__init__()
        self.source = source
        self.blocks_sent = 0
        self._t0: float | None = None

    async def recv(self) -> av.AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        now = time.monotonic()
        if self._t0 is None:
            self._t0 = now
        due = self._t0 + self.blocks_sent * BLOCK / AUDIO_RATE
        if due > now:
            await asyncio.sleep(due - now)
        frame = pcm_frame(np.asarray(self.source.read(BLOCK), np.float32), self.blocks_sent * BLOCK)
        self.blocks_sent += 1
        return frame


class RelayAudioTrack(MediaStreamTrack):
    """Court side: re-sends received audio blocks (the masked floor) to another station; a bounded
    queue that drops the oldest block, so latency does not grow."""

    kind = "audio"

    def __init__(self, maxlen: int = 10) -> None:
        super().__init__()
        self._queue: asyncio.Queue[np.ndarray] = asyncio.Queue(maxlen)
        self._pts = 0
        self.blocks_sent = 0

    def push(self, samples: np.ndarray) -> None:  # event loop
        if self._queue.full():
            with contextlib.suppress(asyncio.QueueEmpty):
                self._queue.get_nowait()
        self._queue.put_nowait(samples)

    async def recv(self) -> av.AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        samples = await self._queue.get()
        frame = pcm_frame(samples, self._pts)
        self._pts += len(samples)
        self.blocks_sent += 1
        return frame


class InterpreterLink:
    """The interpreter station: join with its invitation, send ``source`` as the ``language``
    channel, receive the masked floor (``on_floor(samples)`` consumers)."""

    def __init__(self, invite: Invite, language: str, source: Any, on_floor: list[Any] | None = None) -> None:
        if invite.media.get("station") != "interpreter":
            raise LinkError("this invitation is not for an interpreter station")
        wanted = invite.media.get("language")
        if wanted and wanted != language:
            raise LinkError(f"this invitation is for the '{wanted}' channel, not '{language}'")
        label = labels.interpretation(language)
        if not labels.valid(label) or len(language) != 3 or not language.isalpha():
            raise LinkError(f"'{language}' is not an ISO 639-2 language code (e.g. spa)")
        self.invite, self.language, self.label = invite, language, label
        self.track = SourceAudioTrack(source)
        self.on_floor = list(on_floor or [])
        self.certificate = new_certificate()
        self.dtls_fingerprint = sha256_fingerprint(certificate_fingerprints(self.certificate))
        court = next((f.value for f in invite.fingerprints if f.algorithm == "sha-256"), "")
        self.safety_code = safety_code(court, self.dtls_fingerprint)
        self.channel: Channel | None = None
        self.pc = None
        self.floor_blocks_received = 0
        self.floor_samples_received = 0
        self.ended_by = ""
        self.end_reason = ""
        self._tasks: list[asyncio.Task] = []
        self.admitted_at: float | None = None
        self.first_floor_ms: float | None = None

    async def join(self, admit_timeout: float = 300.0) -> None:
        inv = self.invite
        self.channel = await Channel.connect(inv.host, inv.port, inv.tls_fingerprint)
        await self.channel.send({"type": "join", "session_id": inv.session_id, "token": inv.token,
                                 "station": "interpreter", "dtls_fingerprint": self.dtls_fingerprint,
                                 "media": {"language": self.language, "tracks": [self.label]}})
        msg = await self.channel.expect("waiting", "admitted", timeout=15.0)
        if msg["type"] == "waiting":
            await self.channel.expect("admitted", timeout=admit_timeout)
        self.admitted_at = time.monotonic()

    async def start_media(self, timeout: float = 20.0) -> None:
        assert self.channel is not None, "join() first"
        pc = self.pc = peer_connection(self.certificate)
        sender = pc.addTrack(self.track)
        slot = pc.addTransceiver("audio", direction="recvonly")
        answer_tracks: dict[str, str] = {}

        @pc.on("track")
        def _track(track) -> None:  # noqa: ANN001
            mid = next((t.mid for t in pc.getTransceivers() if t.receiver.track is track), None)
            if answer_tracks.get(str(mid)) == labels.INTERPRETER_FLOOR and track.kind == "audio":
                self._tasks.append(asyncio.ensure_future(self._floor(track)))

        await pc.setLocalDescription(await pc.createOffer())
        mids = {t.mid: self.label for t in pc.getTransceivers() if t.sender is sender and t.mid is not None}
        receive = {str(slot.mid): "audio"} if slot.mid is not None else {}
        await self.channel.send({"type": "offer", "sdp": pc.localDescription.sdp, "tracks": mids, "receive": receive})
        answer = await self.channel.expect("answer", timeout=timeout)
        sdp = answer.get("sdp")
        if not isinstance(sdp, str):
            raise LinkError("the court station sent a malformed answer")
        check_sdp_fingerprint(sdp, self.invite)
        got = answer.get("tracks") if isinstance(answer.get("tracks"), dict) else {}
        answer_tracks.update({str(k): v for k, v in got.items() if str(k) in receive})
        await pc.setRemoteDescription(RTCSessionDescription(sdp, "answer"))

    async def _floor(self, track) -> None:  # noqa: ANN001
        resampler = av.AudioResampler(format="flt", layout="mono", rate=AUDIO_RATE)
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            for out in resampler.resample(frame):
                samples = out.to_ndarray().reshape(-1).astype(np.float32)
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
        """Until ``duration`` seconds passed or the court ended the session."""
        assert self.channel is not None
        deadline = time.monotonic() + duration
        while time.monotonic() < deadline:
            try:
                msg = await self.channel.recv(timeout=max(0.05, min(0.5, deadline - time.monotonic())))
            except LinkError as exc:
                if "in time" in str(exc):
                    continue
                self.ended_by = self.ended_by or "connection lost"
                return self.ended_by
            if msg["type"] == "end":
                self.end_reason = str(msg.get("reason", ""))
                self.ended_by = "court"
            if msg["type"] == "bye":
                self.ended_by = "court"
                return "court"
        self.ended_by = self.ended_by or "duration"
        return self.ended_by

    async def close(self, reason: str = "the interpreter left") -> None:
        if self.channel is not None and not self.channel.closed:
            with contextlib.suppress(LinkError):
                await self.channel.send({"type": "bye", "reason": reason})
        for t in self._tasks:
            t.cancel()
        pc, self.pc = self.pc, None
        if pc is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(pc.close(), 3.0)
        if self.channel is not None:
            await self.channel.close()

    def stats(self) -> dict[str, Any]:
        return {"station": "interpreter", "language": self.language, "label": self.label,
                "blocks_sent": self.track.blocks_sent, "floor_blocks_received": self.floor_blocks_received,
                "floor_samples_received": self.floor_samples_received, "first_floor_ms": self.first_floor_ms,
                "safety_code": self.safety_code, "ended_by": self.ended_by, "end_reason": self.end_reason,
                "session_id": self.invite.session_id}
