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

Resilience, as the witness's: on a lost signalling or media connection the station re-joins with the
one-time resumption token the court gave it on admission (rotated on every resume), and makes a new
offer/answer with a fresh track reading the same source.
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
from recording.transport.errors import LinkError, Refused
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
#: the interpreter gives up re-joining after this long without the court
RECONNECT_WINDOW = 60.0


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

    def __init__(self, invite: Invite, language: str, source: Any, on_floor: list[Any] | None = None,
                 reconnect_window: float = RECONNECT_WINDOW) -> None:
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
        self._resume = ""
        self._reconnect_window = reconnect_window
        self._sent_before = 0  # blocks sent by the tracks of earlier connections
        self._closing: set[asyncio.Future] = set()  # old peer connections closing in the background
        self.reconnects = 0
        self.recoveries_ms: list[float] = []
        self.state = "idle"

    @property
    def blocks_sent(self) -> int:
        return self._sent_before + self.track.blocks_sent

    async def join(self, admit_timeout: float = 300.0) -> None:
        inv = self.invite
        self.channel = await Channel.connect(inv.host, inv.port, inv.tls_fingerprint)
        await self.channel.send({"type": "join", "session_id": inv.session_id, "token": inv.token,
                                 "station": "interpreter", "dtls_fingerprint": self.dtls_fingerprint,
                                 "media": {"language": self.language, "tracks": [self.label]}})
        msg = await self.channel.expect("waiting", "admitted", timeout=15.0)
        if msg["type"] == "waiting":
            self.state = "waiting"
            msg = await self.channel.expect("admitted", timeout=admit_timeout)
        resume = msg.get("resume")
        self._resume = resume if isinstance(resume, str) else ""
        self.admitted_at = time.monotonic()

    async def start_media(self, timeout: float = 20.0) -> None:
        assert self.channel is not None, "join() first"
        pc = self.pc = peer_connection(self.certificate)
        if self.track.blocks_sent or self.track.readyState != "live":  # a re-join: a fresh track, same source
            self._sent_before += self.track.blocks_sent
            self.track = SourceAudioTrack(self.source)
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
        self.state = "live"

    @property
    def source(self) -> Any:
        return self.track.source

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
            lost = self.pc is None or self.pc.connectionState in ("failed", "closed")
            if not lost:
                try:
                    msg = await self.channel.recv(timeout=max(0.05, min(0.5, deadline - time.monotonic())))
                except LinkError as exc:
                    if "in time" in str(exc):
                        continue
                    lost = True
            if lost:
                if self.ended_by == "court" or not await self._reconnect(deadline):
                    self.ended_by = self.ended_by or "connection lost"
                    return self.ended_by
                continue
            if msg["type"] == "end":
                self.end_reason = str(msg.get("reason", ""))
                self.ended_by = "court"
            if msg["type"] == "bye":
                self.ended_by = "court"
                return "court"
        self.ended_by = self.ended_by or "duration"
        return self.ended_by

    def simulate_loss(self) -> None:
        """Drop the signalling and media connections at once, as a network loss does (tests, drills)."""
        if self.channel is not None:
            self.channel.abort()
        if self.pc is not None:
            self._tasks.append(asyncio.ensure_future(self.pc.close()))

    async def _teardown(self) -> None:
        """Drop the current connections.  The old peer connection closes in the background: after a
        loss its close can take seconds (DTLS/SCTP shutdown towards a peer that is gone), and the
        re-join must not wait for it."""
        for t in self._tasks:
            t.cancel()
        self._tasks.clear()
        pc, self.pc = self.pc, None
        if pc is not None:
            self._closing.add(asyncio.ensure_future(asyncio.wait_for(pc.close(), 5.0)))
            self._closing = {t for t in self._closing if not t.done()}
        if self.channel is not None:
            await self.channel.close()

    async def _reconnect(self, deadline: float) -> bool:
        """Re-join with the resumption token until media flows again, the court refuses, the session's
        end or the reconnect window passes."""
        if not self._resume:
            return False
        lost_at = time.monotonic()
        self.state = "reconnecting"
        log.info("interpreter link lost: reconnecting")
        await self._teardown()
        inv = self.invite
        while time.monotonic() - lost_at < self._reconnect_window and time.monotonic() < deadline:
            ch = None
            try:
                ch, self._resume = await Channel.resume(inv, self._resume)
                self.channel = ch
                await self.start_media()
            except Refused as exc:
                self.ended_by = f"court refused the resume ({exc})"
                if ch is not None:
                    await ch.close()
                return False
            except LinkError as exc:
                log.info("interpreter re-join failed: %s", exc)
                if ch is not None:
                    await ch.close()
                await self._teardown()
                await asyncio.sleep(0.3)
                continue
            self.reconnects += 1
            self.recoveries_ms.append(round((time.monotonic() - lost_at) * 1000, 1))
            return True
        return False

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
        if self._closing:  # connections lost earlier: give them a moment, then stop waiting
            await asyncio.wait(self._closing, timeout=0.5)
            for t in self._closing:
                if not t.done():
                    t.cancel()
                elif not t.cancelled():
                    t.exception()  # retrieved: a failed close of a dead connection is not an error
            self._closing.clear()

    def stats(self) -> dict[str, Any]:
        return {"station": "interpreter", "language": self.language, "label": self.label,
                "blocks_sent": self.blocks_sent, "floor_blocks_received": self.floor_blocks_received,
                "floor_samples_received": self.floor_samples_received, "first_floor_ms": self.first_floor_ms,
                "safety_code": self.safety_code, "ended_by": self.ended_by, "end_reason": self.end_reason,
                "session_id": self.invite.session_id, "reconnects": self.reconnects,
                "recoveries_ms": self.recoveries_ms}
