"""The media tracks the stations send (aiortc ``MediaStreamTrack`` subclasses).

- :class:`PipelineVideoTrack` / :class:`PipelineAudioTrack` — the witness pipeline's labelled output,
  read from a bounded drop-oldest queue (:class:`recording.transport.queues.DropOldest`); a fresh
  track per peer connection reads the same queue and counts into the same :class:`TrackCounter`;
- :class:`SourceAudioTrack` — an audio source (``read(n)``) paced in real time (the interpreter), on
  :class:`PacedTrack` like the court's cameras;
- :class:`RelayAudioTrack` — the court re-sending received audio to another station.

Timestamps: video on a 90 kHz clock, audio in samples at 48 kHz.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction
from typing import Any

import av
import cv2
import numpy as np
from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError

from recording.encode.frames import yuv420p_frame
from recording.model import AUDIO_RATE, Decision
from recording.transport.adapt import FrameGate, SendController
from recording.transport.queues import DropOldest

VIDEO_CLOCK = 90_000
BLOCK = 960  # 20 ms at 48 kHz


def pcm_frame(samples: np.ndarray, pts: int) -> av.AudioFrame:
    """A mono s16 audio frame at 48 kHz from float samples in [-1, 1]."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype(np.int16).reshape(1, -1)
    frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
    frame.sample_rate = AUDIO_RATE
    frame.pts = int(pts)
    frame.time_base = Fraction(1, AUDIO_RATE)
    return frame


class TrackCounter:
    """What one labelled track sent, across reconnections."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.frames_sent = 0
        self.curtained_sent = 0
        self.blocks_sent = 0
        self.samples_sent = 0
        self.first_sent_at: float | None = None
        self.first_pts: float | None = None  # pipeline media time of the first frame sent


class QueueTrack(MediaStreamTrack):
    """A track fed from a bounded drop-oldest queue of pipeline items; ``None`` ends it."""

    def __init__(self, queue: DropOldest, counter: TrackCounter) -> None:
        super().__init__()
        self._queue = queue
        self.counter = counter

    async def _next(self) -> Any:
        if self.readyState != "live":
            raise MediaStreamError
        item = await self._queue.get()
        if item is None:
            self.stop()
            raise MediaStreamError
        return item


class PipelineVideoTrack(QueueTrack):
    """The witness's video.  With a ``controller`` (:class:`recording.transport.adapt.SendController`)
    frames are thinned to its frame rate and scaled to its size.  Timestamps are the capture time
    (the wall clock at the pipeline's media time 0 plus the frame's media time, 90 kHz):
    ``capture_stamps`` tells :mod:`recording.transport.rtp_hooks` to send them as the RTP timestamps,
    from which the court measures its latency.

    Encoding ahead: once the link has negotiated VP8, :mod:`recording.transport.rtp_hooks` gives the
    track an ``encoder`` (:class:`recording.transport.vp8_encoder.BoundedKeyframeVp8Encoder`).  The
    track then hands aiortc's sender finished packets and encodes the next frame on a thread of its
    own while the sender paces the current one out.  aiortc's sender takes a frame, encodes it and
    paces its packets one frame after the other: on a busy 2-core station that chain, not the CPU,
    held the video to 13-18 of the pipeline's 30 fps.  ``stop()`` (the peer connection closed)
    cancels the frame being encoded ahead, so a closed link's track never takes a frame from the
    next one's."""

    kind = "video"
    capture_stamps = True

    def __init__(self, queue: DropOldest, counter: TrackCounter, controller: SendController | None = None) -> None:
        super().__init__(queue, counter)
        self.controller = controller
        self._gate = FrameGate()
        self.first_stamp: int | None = None  # the first frame's timestamp (90 kHz)
        self._last_stamp: int | None = None
        self.frames_thinned = 0
        self.encoder: Any = None
        self._keyframe = False
        self._pool: ThreadPoolExecutor | None = None
        self._ahead: asyncio.Future[Any] | None = None

    def request_keyframe(self) -> None:
        """The receiver lost the picture (PLI/FIR): the next frame encoded is a keyframe."""
        self._keyframe = True

    async def recv(self) -> Any:
        if self.encoder is None:
            image, stamp, decision, pts = await self._take()
            size = self._size(image)
            if (image.shape[1], image.shape[0]) != size:
                image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
            frame = yuv420p_frame(image)
            frame.pts = stamp
            frame.time_base = Fraction(1, VIDEO_CLOCK)
            self._sent(decision, pts)
            return frame
        ahead = self._ahead if self._ahead is not None else self._encode_next()
        self._ahead = None
        try:
            packet, decision, pts = await ahead
        except asyncio.CancelledError:
            ahead.cancel()
            raise
        if self.readyState == "live":
            self._ahead = self._encode_next()
        self._sent(decision, pts)
        return packet

    def stop(self) -> None:
        super().stop()
        if self._ahead is not None:
            self._ahead.cancel()
            self._ahead = None
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _encode_next(self) -> asyncio.Future[Any]:
        task = asyncio.ensure_future(self._encoded())
        task.add_done_callback(lambda t: t.cancelled() or t.exception())  # retrieved here or by recv
        return task

    async def _encoded(self) -> tuple[av.Packet, Decision, float]:
        image, stamp, decision, pts = await self._take()
        enc, size = self.encoder, self._size(image)
        if self.controller is not None:
            enc.target_bitrate = self.controller.bitrate()
        key, self._keyframe = self._keyframe, False
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="video-encode")
        loop = asyncio.get_running_loop()
        packet = await loop.run_in_executor(self._pool, encode_ahead, enc, image, size, stamp, key)
        return packet, decision, pts

    def _size(self, image: np.ndarray) -> tuple[int, int]:
        return self.controller.size() if self.controller is not None else (image.shape[1], image.shape[0])

    async def _take(self) -> tuple[np.ndarray, int, Decision, float]:
        """The next frame the rate lets through, with its capture stamp."""
        ctl = self.controller
        while True:
            item = await self._next()
            image, pts, decision = item[:3]
            anchor = item[3] if len(item) > 3 else time.time() - pts
            if ctl is None or self._gate.admit(pts, ctl.fps()):
                break
            self.frames_thinned += 1
        # the capture stamp: the wall clock at media time 0 plus the frame's media time (exact deltas)
        stamp = int(round(anchor * VIDEO_CLOCK)) + int(round(pts * VIDEO_CLOCK))
        if self._last_stamp is not None and stamp <= self._last_stamp:
            stamp = self._last_stamp + 1  # strictly increasing, whatever the clock did
        self._last_stamp = stamp
        if self.first_stamp is None:
            self.first_stamp = stamp & 0xFFFFFFFF
        return image, stamp, decision, pts

    def _sent(self, decision: Decision, pts: float) -> None:
        c = self.counter
        c.frames_sent += 1
        if decision is Decision.CURTAINED:
            c.curtained_sent += 1
        if c.first_sent_at is None:
            c.first_sent_at, c.first_pts = time.monotonic(), pts


def encode_ahead(encoder: Any, image: np.ndarray, size: tuple[int, int], stamp: int, keyframe: bool) -> av.Packet:
    """On the track's encoding thread: scale, convert and encode."""
    w, h = size[0] // 2 * 2, size[1] // 2 * 2
    if (image.shape[1], image.shape[0]) != (w, h):
        image = cv2.resize(image, (w, h), interpolation=cv2.INTER_AREA)
    frame = yuv420p_frame(image)
    frame.pts = stamp
    frame.time_base = Fraction(1, VIDEO_CLOCK)
    return encoder.encode_packet(frame, keyframe)


class PipelineAudioTrack(QueueTrack):
    kind = "audio"

    async def recv(self) -> av.AudioFrame:
        samples, start = await self._next()
        frame = pcm_frame(samples, start)
        self.counter.blocks_sent += 1
        self.counter.samples_sent += frame.samples
        return frame


class PacedTrack(MediaStreamTrack):
    """A track sent in real time: what is due ``at`` seconds after its first ``recv`` waits till then."""

    def __init__(self) -> None:
        super().__init__()
        self._t0: float | None = None

    async def _pace(self, at: float) -> None:
        """Wait until ``at`` seconds after the first call; :class:`MediaStreamError` once stopped."""
        if self.readyState != "live":
            raise MediaStreamError
        now = time.monotonic()
        if self._t0 is None:
            self._t0 = now
        due = self._t0 + at
        if due > now:
            await asyncio.sleep(due - now)


class SourceAudioTrack(PacedTrack):
    """Sends an audio source (``read(n)`` → float32 mono at 48 kHz) in real time, 20 ms a block."""

    kind = "audio"

    def __init__(self, source: Any) -> None:
        super().__init__()
        self.source = source
        self.blocks_sent = 0

    async def recv(self) -> av.AudioFrame:
        await self._pace(self.blocks_sent * BLOCK / AUDIO_RATE)
        frame = pcm_frame(np.asarray(self.source.read(BLOCK), np.float32), self.blocks_sent * BLOCK)
        self.blocks_sent += 1
        return frame


class RelayAudioTrack(MediaStreamTrack):
    """Court side: re-sends received audio blocks (the masked floor) to another station; a bounded
    queue that drops the oldest block, so latency does not grow.  To an interpreter station (the
    booth's routing, recording/booth.py): ``station`` is its session id, ``role`` "audio" (what it
    listens to) or ``INTERPRETER_RETURN`` (its own language while the partner is on air)."""

    kind = "audio"

    def __init__(self, maxlen: int = 10, station: str = "", role: str = "audio") -> None:
        super().__init__()
        self.station = station
        self.role = role
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
