"""The witness station's side of the link: media tracks fed from the witness pipeline, and the join
(waiting room → offer/answer with the court's fingerprint checked against the invitation).

What is sent: ONE audience's output — :attr:`Audience.COURT` (masked video, masked floor voice, or
the privacy curtain and silence when masking cannot be confirmed or during a break).  The feed
refuses to attach to an audience the plan leaves unmasked, so raw frames can never reach the link
by a wiring mistake.  The judge's unmasked feed (separate tracks, only when the plan authorises it)
and interpreter channels are not sent yet (docs/link-protocol.md).

Queues are bounded and drop the oldest item under pressure: the court gets the newest masked frame,
never a growing backlog.  Timestamps are the pipeline's (video at 90 kHz, audio in samples at 48 kHz).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import deque
from fractions import Fraction
from typing import Any

import av
import numpy as np
from aiortc import MediaStreamTrack, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError

from recording.model import AUDIO_RATE, Audience, Decision
from recording.pipeline import FLOOR, SessionPipeline
from recording.transport.errors import LinkError
from recording.transport.invite import Invite, check_sdp_fingerprint, safety_code, sdp_fingerprints
from recording.transport.rtc import peer_connection
from recording.transport.signalling import Channel

log = logging.getLogger("testimony_shield.recording.transport.witness")

VIDEO_CLOCK = 90_000


class _DropOldest:
    """A bounded queue written from any thread and read from the event loop; full → drop oldest."""

    def __init__(self, loop: asyncio.AbstractEventLoop, maxlen: int) -> None:
        self._loop = loop
        self._items: deque[Any] = deque()
        self._maxlen = maxlen
        self._lock = threading.Lock()
        self._event = asyncio.Event()
        self.dropped = 0
        self.closed = False

    def put(self, item: Any) -> None:
        with self._lock:
            if self.closed:
                return
            if len(self._items) >= self._maxlen:
                self._items.popleft()
                self.dropped += 1
            self._items.append(item)
        self._wake()

    def close(self) -> None:
        with self._lock:
            self.closed = True
        self._wake()

    def _wake(self) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is reading any more
            self._loop.call_soon_threadsafe(self._event.set)

    async def get(self) -> Any:
        """The oldest item, or ``None`` once closed."""
        while True:
            with self._lock:
                if self._items:
                    return self._items.popleft()
                if self.closed:
                    return None
                self._event.clear()
            await self._event.wait()


class PipelineVideoTrack(MediaStreamTrack):
    kind = "video"

    def __init__(self, queue: _DropOldest) -> None:
        super().__init__()
        self._queue = queue
        self.frames_sent = 0
        self.curtained_sent = 0
        self.first_sent_at: float | None = None
        self.first_pts: float | None = None  # pipeline media time of the first frame sent

    async def recv(self) -> av.VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        item = await self._queue.get()
        if item is None:
            self.stop()
            raise MediaStreamError
        image, pts, decision = item
        frame = av.VideoFrame.from_ndarray(image, format="bgr24")
        frame.pts = int(round(pts * VIDEO_CLOCK))
        frame.time_base = Fraction(1, VIDEO_CLOCK)
        self.frames_sent += 1
        if decision is Decision.CURTAINED:
            self.curtained_sent += 1
        if self.first_sent_at is None:
            self.first_sent_at, self.first_pts = time.monotonic(), pts
        return frame


class PipelineAudioTrack(MediaStreamTrack):
    kind = "audio"

    def __init__(self, queue: _DropOldest) -> None:
        super().__init__()
        self._queue = queue
        self.blocks_sent = 0
        self.samples_sent = 0

    async def recv(self) -> av.AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        item = await self._queue.get()
        if item is None:
            self.stop()
            raise MediaStreamError
        samples, start = item
        pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = AUDIO_RATE
        frame.pts = int(start)
        frame.time_base = Fraction(1, AUDIO_RATE)
        self.blocks_sent += 1
        self.samples_sent += pcm.shape[1]
        return frame


class LinkFeed:
    """A pipeline consumer for one masked audience that feeds the link's two tracks."""

    def __init__(self, loop: asyncio.AbstractEventLoop, audience: Audience = Audience.COURT,
                 video_queue: int = 3, audio_queue: int = 10) -> None:
        self.audience = audience
        self._vq = _DropOldest(loop, video_queue)
        self._aq = _DropOldest(loop, audio_queue)
        self.video = PipelineVideoTrack(self._vq)
        self.audio = PipelineAudioTrack(self._aq)
        self._pipeline: SessionPipeline | None = None

    def attach(self, pipeline: SessionPipeline) -> None:
        if pipeline.plan.unmasked(self.audience):
            raise LinkError(f"the plan lets the '{self.audience.value}' audience see the witness unmasked; "
                            "the link sends masked media only")
        self._pipeline = pipeline
        pipeline.subscribe({self.audience}, self)

    def detach(self) -> None:
        if self._pipeline is not None:
            self._pipeline.unsubscribe(self)
            self._pipeline = None
        self._vq.close()
        self._aq.close()

    @property
    def dropped_frames(self) -> int:
        return self._vq.dropped

    @property
    def dropped_audio_blocks(self) -> int:
        return self._aq.dropped

    # Consumer protocol (pipeline thread) ----------------------------------------------------
    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float,
                 decision: Decision) -> None:
        if audience is self.audience:
            self._vq.put((image, pts, decision))

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        if audience is self.audience and channel == FLOOR:
            self._aq.put((samples, start_sample))


class WitnessLink:
    """Join the court named by ``invite`` and send ``feed``'s tracks once admitted."""

    def __init__(self, invite: Invite, feed: LinkFeed, media: dict[str, Any] | None = None) -> None:
        self.invite = invite
        self.feed = feed
        self.media = dict(media or {})
        self.channel: Channel | None = None
        self.pc = None
        self.safety_code = ""
        self.admitted_at: float | None = None
        self.connected_at: float | None = None
        self.ended_by = ""
        self._listener: asyncio.Task | None = None

    async def join(self, admit_timeout: float = 300.0) -> None:
        """Connect, present the token, wait in the waiting room until admitted (:class:`Refused`
        otherwise)."""
        inv = self.invite
        self.channel = await Channel.connect(inv.host, inv.port)
        await self.channel.send({"type": "join", "session_id": inv.session_id, "token": inv.token,
                                 "station": "witness", "media": self.media})
        msg = await self.channel.expect("waiting", "admitted", timeout=15.0)
        if msg["type"] == "waiting":
            await self.channel.expect("admitted", timeout=admit_timeout)
        self.admitted_at = time.monotonic()

    async def start_media(self, timeout: float = 20.0) -> None:
        """Offer the tracks; accept the answer only if its certificate is the invitation's."""
        assert self.channel is not None, "join() first"
        pc = self.pc = peer_connection()
        pc.addTrack(self.feed.video)
        pc.addTrack(self.feed.audio)

        @pc.on("connectionstatechange")
        def _state() -> None:
            if pc.connectionState == "connected" and self.connected_at is None:
                self.connected_at = time.monotonic()

        await pc.setLocalDescription(await pc.createOffer())
        await self.channel.send({"type": "offer", "sdp": pc.localDescription.sdp})
        answer = await self.channel.expect("answer", timeout=timeout)
        sdp = answer.get("sdp")
        if not isinstance(sdp, str):
            raise LinkError("the court station sent a malformed answer")
        check_sdp_fingerprint(sdp, self.invite)  # FingerprintMismatch: not our court
        await pc.setRemoteDescription(RTCSessionDescription(sdp, "answer"))
        mine = next((f.value for f in sdp_fingerprints(pc.localDescription.sdp) if f.algorithm == "sha-256"), "")
        court = next((f.value for f in self.invite.fingerprints if f.algorithm == "sha-256"), "")
        self.safety_code = safety_code(court, mine)
        self._listener = asyncio.ensure_future(self._listen())

    async def _listen(self) -> None:
        assert self.channel is not None
        try:
            while True:
                msg = await self.channel.recv()
                if msg["type"] == "bye":
                    self.ended_by = self.ended_by or "court"
                    return
        except LinkError:
            self.ended_by = self.ended_by or "signalling lost"

    async def run_until(self, done, poll: float = 0.05) -> str:  # noqa: ANN001 (callable -> bool)
        """Wait until ``done()`` (e.g. the pipeline finished), the court says bye, or the media
        connection fails.  Returns why it stopped: "done", "court", "connection lost"."""
        while True:
            if done():
                self.ended_by = self.ended_by or "done"
                return "done"
            if self._listener is not None and self._listener.done():
                return self.ended_by
            if self.pc is not None and self.pc.connectionState in ("failed", "closed"):
                self.ended_by = self.ended_by or "connection lost"
                return self.ended_by
            await asyncio.sleep(poll)

    async def close(self, reason: str = "session ended") -> None:
        if self.channel is not None and not self.channel.closed:
            with contextlib.suppress(LinkError):
                await self.channel.send({"type": "bye", "reason": reason})
        self.feed.detach()
        if self.pc is not None:
            await self.pc.close()
        if self._listener is not None:
            self._listener.cancel()
        if self.channel is not None:
            await self.channel.close()

    def stats(self) -> dict[str, Any]:
        v, a = self.feed.video, self.feed.audio
        first = (round((v.first_sent_at - self.admitted_at) * 1000, 1)
                 if v.first_sent_at is not None and self.admitted_at is not None else None)
        return {"frames_sent": v.frames_sent, "curtained_frames_sent": v.curtained_sent,
                "audio_blocks_sent": a.blocks_sent, "samples_sent": a.samples_sent,
                "frames_dropped": self.feed.dropped_frames, "audio_blocks_dropped": self.feed.dropped_audio_blocks,
                "audience_sent": self.feed.audience.value, "safety_code": self.safety_code,
                "first_frame_sent_ms": first, "ended_by": self.ended_by}
