"""The witness station's side of the link: media tracks fed from the witness pipeline, and the join
(waiting room → offer/answer with the court's fingerprint checked against the invitation).

What is sent (labels in :mod:`recording.transport.tracks`):

- :attr:`Audience.COURT` — masked video and masked floor voice (or the privacy curtain and silence
  when masking cannot be confirmed or during a break); the feed refuses to attach to a COURT
  audience the plan leaves unmasked, so raw frames never reach these tracks by a wiring mistake;
- each interpretation channel of the pipeline as its own audio track (``court/audio/<lang>``);
- :attr:`Audience.JUDGE` — the unmasked witness on separate ``judge/…`` tracks, only when the plan
  authorises the judge (``plan.unmasked(Audience.JUDGE)``) AND the court's signed invitation says it
  has a judge's monitor.

Court → witness: the offer asks for one video slot (``"receive": {mid: "video"}``); the court puts
the camera of the person speaking to the witness on it and names it in its answer
(``witness/video/judge``…).  A track whose label is not a valid witness-bound label — any label
naming the accused is invalid — is drained and never shown (``to_witness_tracks_refused``).

A remote interpreter's channel: with ``remote_channels`` the offer also asks for one audio slot per
language (``"receive": {mid: "witness/audio/<lang>"}``); the court relays the remote interpreter's
channel on it while one is connected.  :class:`RemoteInterpretation` is the pipeline's source for that
language channel: the forwarded channel while it flows, the local source (e.g. the demo interpreter)
otherwise — so the witness's listening channel (their language over the floor at −14 dB,
:class:`recording.audio.mixer.ListenerMix`) plays the remote interpreter.

Control: a break taken at the witness station (the pipeline's break listener) is sent to the court
as ``{"type": "break", "on", "at"}`` (re-sent after a reconnection while it lasts); the court's
``end`` message ends the session here (the caller then ends and seals its local session).

Resilience: on a lost signalling connection or a failed media connection the link goes
"reconnecting" and re-joins with the one-time resumption token the court gave it (bound to the
session, rotated on every resume), then makes a new offer/answer.  The pipeline and the local
recording never stop: the send queues just drop the oldest items meanwhile.

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
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import av
import numpy as np
from aiortc import MediaStreamTrack, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError

from recording.model import AUDIO_RATE, Audience, Decision
from recording.pipeline import FLOOR, SessionPipeline
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

log = logging.getLogger("testimony_shield.recording.transport.witness")

VIDEO_CLOCK = 90_000
#: the witness gives up re-joining after this long without the court
RECONNECT_WINDOW = 60.0


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


class RemoteInterpretation:
    """An audio source (``read(n)`` → float32 mono at 48 kHz) for one language channel of the witness
    pipeline: the remote interpreter's channel as the court forwards it while it flows (``push`` from
    the link, a small jitter buffer), else ``fallback`` (the local interpreter source, read all the
    time so it never lags).  ``remote`` says which one is heard now."""

    def __init__(self, language: str, fallback: Any, hold: float = 0.5, prebuffer: float = 0.04,
                 max_buffer: float = 0.3) -> None:
        self.language = language
        self.fallback = fallback
        self.name = f"{language} interpreter (remote when connected)"
        self.rate = AUDIO_RATE
        self.live = bool(getattr(fallback, "live", False))
        self._hold = hold
        self._prebuffer = int(prebuffer * AUDIO_RATE)
        self._max = int(max_buffer * AUDIO_RATE)
        self._buf = np.zeros(0, np.float32)
        self._lock = threading.Lock()
        self._last_push: float | None = None
        self._primed = False
        self.blocks_received = 0
        self.remote_samples_read = 0
        self.underruns = 0

    def open(self) -> None:
        self.fallback.open()

    def close(self) -> None:
        self.fallback.close()

    def push(self, samples: np.ndarray) -> None:  # the link's loop
        with self._lock:
            self._buf = np.concatenate([self._buf, np.asarray(samples, np.float32).reshape(-1)])[-self._max:]
            self._last_push = time.monotonic()
            self.blocks_received += 1
            if len(self._buf) >= self._prebuffer:
                self._primed = True

    @property
    def remote(self) -> bool:
        with self._lock:
            return self._active(time.monotonic())

    def _active(self, now: float) -> bool:
        if self._last_push is None or now - self._last_push > self._hold:
            self._primed = False
            self._buf = self._buf[:0]
            return False
        return self._primed

    def read(self, n: int) -> np.ndarray:  # the pipeline's thread
        local = np.asarray(self.fallback.read(n), np.float32)
        with self._lock:
            if not self._active(time.monotonic()):
                return local
            out = np.zeros(n, np.float32)
            k = min(n, len(self._buf))
            out[:k] = self._buf[:k]
            self._buf = self._buf[k:]
            if k < n:
                self.underruns += 1
            self.remote_samples_read += n
            return out


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


class _QueueTrack(MediaStreamTrack):
    """A track fed from a bounded drop-oldest queue of pipeline items; ``None`` ends it."""

    def __init__(self, queue: _DropOldest, counter: TrackCounter) -> None:
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


class PipelineVideoTrack(_QueueTrack):
    kind = "video"

    async def recv(self) -> av.VideoFrame:
        image, pts, decision = await self._next()
        frame = av.VideoFrame.from_ndarray(image, format="bgr24")
        frame.pts = int(round(pts * VIDEO_CLOCK))
        frame.time_base = Fraction(1, VIDEO_CLOCK)
        c = self.counter
        c.frames_sent += 1
        if decision is Decision.CURTAINED:
            c.curtained_sent += 1
        if c.first_sent_at is None:
            c.first_sent_at, c.first_pts = time.monotonic(), pts
        return frame


class PipelineAudioTrack(_QueueTrack):
    kind = "audio"

    async def recv(self) -> av.AudioFrame:
        samples, start = await self._next()
        pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = AUDIO_RATE
        frame.pts = int(start)
        frame.time_base = Fraction(1, AUDIO_RATE)
        self.counter.blocks_sent += 1
        self.counter.samples_sent += pcm.shape[1]
        return frame


class LinkFeed:
    """A pipeline consumer that feeds the link's labelled tracks: the masked COURT audience (video,
    floor, interpretation channels) and, when authorised, the JUDGE's unmasked video and floor."""

    def __init__(self, loop: asyncio.AbstractEventLoop, audience: Audience = Audience.COURT,
                 video_queue: int = 3, audio_queue: int = 10) -> None:
        self.audience = audience
        self._loop = loop
        self._vlen, self._alen = video_queue, audio_queue
        self._queues: dict[str, _DropOldest] = {}
        self.counters: dict[str, TrackCounter] = {}
        self._add(labels.COURT_VIDEO, video_queue)
        self._add(labels.COURT_FLOOR, audio_queue)
        self._pipeline: SessionPipeline | None = None
        self.judge = False  # sending the judge's unmasked tracks
        self.channels: list[str] = []  # interpretation channels sent

    def _add(self, label: str, maxlen: int) -> None:
        self._queues[label] = _DropOldest(self._loop, maxlen)
        self.counters[label] = TrackCounter(label)

    @property
    def video(self) -> TrackCounter:
        return self.counters[labels.COURT_VIDEO]

    @property
    def audio(self) -> TrackCounter:
        return self.counters[labels.COURT_FLOOR]

    @property
    def labels(self) -> list[str]:
        return list(self._queues)

    def attach(self, pipeline: SessionPipeline, judge: bool = False) -> None:
        """Subscribe to ``pipeline``.  ``judge``: also send the judge's unmasked tracks — only if the
        plan authorises the judge (otherwise they are silently not sent)."""
        if pipeline.plan.unmasked(self.audience):
            raise LinkError(f"the plan lets the '{self.audience.value}' audience see the witness unmasked; "
                            "the link sends masked media only")
        self.channels = [c for c in pipeline.channels if c != FLOOR and labels.valid(labels.interpretation(c))]
        for c in self.channels:
            self._add(labels.interpretation(c), self._alen)
        audiences = {self.audience}
        if judge and pipeline.plan.unmasked(Audience.JUDGE):
            self.judge = True
            self._add(labels.JUDGE_VIDEO, self._vlen)
            self._add(labels.JUDGE_FLOOR, self._alen)
            audiences.add(Audience.JUDGE)
        self._pipeline = pipeline
        pipeline.subscribe(audiences, self)

    def new_tracks(self) -> list[tuple[str, MediaStreamTrack]]:
        """Fresh tracks for a new peer connection, reading the same queues and counting into the
        same counters."""
        out: list[tuple[str, MediaStreamTrack]] = []
        for label, q in self._queues.items():
            cls = PipelineVideoTrack if labels.channel(label) is None else PipelineAudioTrack
            out.append((label, cls(q, self.counters[label])))
        return out

    def detach(self) -> None:
        if self._pipeline is not None:
            self._pipeline.unsubscribe(self)
            self._pipeline = None
        for q in self._queues.values():
            q.close()

    @property
    def dropped_frames(self) -> int:
        return self._queues[labels.COURT_VIDEO].dropped

    @property
    def dropped_audio_blocks(self) -> int:
        return self._queues[labels.COURT_FLOOR].dropped

    # Consumer protocol (pipeline thread) ----------------------------------------------------
    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float,
                 decision: Decision) -> None:
        if audience is self.audience:
            self._queues[labels.COURT_VIDEO].put((image, pts, decision))
        elif audience is Audience.JUDGE and self.judge:
            self._queues[labels.JUDGE_VIDEO].put((image, pts, decision))

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        if audience is self.audience:
            q = self._queues.get(labels.COURT_FLOOR if channel == FLOOR else labels.interpretation(channel))
        elif audience is Audience.JUDGE and self.judge and channel == FLOOR:
            q = self._queues[labels.JUDGE_FLOOR]
        else:
            q = None
        if q is not None:
            q.put((samples, start_sample))


class WitnessLink:
    """Join the court named by ``invite`` and send ``feed``'s tracks once admitted; re-join by itself
    after a loss.  ``on_state`` gets "joining", "waiting", "connecting", "live", "reconnecting",
    "ended" (on the event loop)."""

    def __init__(self, invite: Invite, feed: LinkFeed, media: dict[str, Any] | None = None,
                 on_state: Callable[[str], None] | None = None,
                 reconnect_window: float = RECONNECT_WINDOW, speaking: list[Any] | None = None,
                 receive_video: bool = True, remote_channels: dict[str, RemoteInterpretation] | None = None) -> None:
        """``speaking``: consumers of the court's camera (``on_court_video(label, frame, arrival)``,
        on the event loop) — the witness window's "speaking to you" panel.  ``remote_channels``: the
        pipeline's language sources that play a remote interpreter's channel when the court forwards
        one (an audio slot is offered for each)."""
        self.invite = invite
        self.feed = feed
        self.media = dict(media or {})
        self.channel: Channel | None = None
        self.pc = None
        # the witness's DTLS certificate lives as long as the session: the safety code stays the same
        # across reconnections, and the court checks every offer against the one it admitted
        self.certificate = new_certificate()
        self.dtls_fingerprint = sha256_fingerprint(certificate_fingerprints(self.certificate))
        court = next((f.value for f in invite.fingerprints if f.algorithm == "sha-256"), "")
        self.safety_code = safety_code(court, self.dtls_fingerprint)
        self.admitted_at: float | None = None
        self.connected_at: float | None = None
        self.ended_by = ""
        self.state = "idle"
        self.reconnects = 0
        self.reconnecting_seconds = 0.0
        self.recoveries_ms: list[float] = []
        self._on_state = on_state
        self._reconnect_window = reconnect_window
        self._resume = ""
        self._listener: asyncio.Task | None = None
        self.speaking = list(speaking or [])
        self.receive_video = receive_video
        self.court_video_frames = 0
        self.court_video_labels: list[str] = []
        self.remote_channels = {lang: src for lang, src in (remote_channels or {}).items()
                                if labels.is_to_witness_audio(f"witness/audio/{lang}")}
        self.remote_blocks_received: dict[str, int] = {}
        self.to_witness_tracks_refused = 0
        self.end_reason = ""
        self.breaks_signalled = 0
        self._on_break: tuple[bool, float] | None = None
        self._tasks: list[asyncio.Task] = []
        self._loop = feed._loop
        if feed._pipeline is not None:
            feed._pipeline.add_break_listener(self._pipeline_break)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            log.info("link %s", state)
            if self._on_state is not None:
                try:
                    self._on_state(state)
                except Exception:
                    log.exception("link state listener failed")

    async def join(self, admit_timeout: float = 300.0) -> None:
        """Connect (TLS, pinned certificate), present the token, wait in the waiting room until
        admitted (:class:`Refused` otherwise)."""
        inv = self.invite
        self._set_state("joining")
        self.channel = await Channel.connect(inv.host, inv.port, inv.tls_fingerprint)
        await self.channel.send({"type": "join", "session_id": inv.session_id, "token": inv.token,
                                 "station": "witness", "dtls_fingerprint": self.dtls_fingerprint,
                                 "media": {**self.media, "tracks": self.feed.labels}})
        msg = await self.channel.expect("waiting", "admitted", timeout=15.0)
        if msg["type"] == "waiting":
            self._set_state("waiting")
            msg = await self.channel.expect("admitted", timeout=admit_timeout)
        resume = msg.get("resume")
        self._resume = resume if isinstance(resume, str) else ""
        self.admitted_at = time.monotonic()

    async def start_media(self, timeout: float = 20.0) -> None:
        """Offer the tracks; accept the answer only if its certificate is the invitation's."""
        assert self.channel is not None, "join() first"
        self._set_state("connecting")
        pc = self.pc = peer_connection(self.certificate)
        senders = {}
        for label, track in self.feed.new_tracks():
            senders[label] = pc.addTrack(track)
        slot = pc.addTransceiver("video", direction="recvonly") if self.receive_video else None
        audio_slots = {lang: pc.addTransceiver("audio", direction="recvonly") for lang in self.remote_channels}
        answer_tracks: dict[str, str] = {}
        pc.on("track", lambda track: self._on_track(pc, track, answer_tracks))

        @pc.on("connectionstatechange")
        def _state() -> None:
            if pc is not self.pc:
                return
            if pc.connectionState == "connected":
                if self.connected_at is None:
                    self.connected_at = time.monotonic()
                self._set_state("live")

        await pc.setLocalDescription(await pc.createOffer())
        mids = {}
        for t in pc.getTransceivers():
            for label, sender in senders.items():
                if t.sender is sender and t.mid is not None:
                    mids[t.mid] = label
        receive = {str(slot.mid): "video"} if slot is not None and slot.mid is not None else {}
        receive.update({str(t.mid): labels.to_witness_channel(lang) for lang, t in audio_slots.items()
                        if t.mid is not None})
        await self.channel.send({"type": "offer", "sdp": pc.localDescription.sdp, "tracks": mids, "receive": receive})
        answer = await self.channel.expect("answer", timeout=timeout)
        sdp = answer.get("sdp")
        if not isinstance(sdp, str):
            raise LinkError("the court station sent a malformed answer")
        check_sdp_fingerprint(sdp, self.invite)  # FingerprintMismatch: not our court
        got = answer.get("tracks") if isinstance(answer.get("tracks"), dict) else {}
        # only what this station asked for, on the slot it asked for it (a video slot gets a camera
        # label, an audio slot exactly the channel it named)
        answer_tracks.update({str(k): v for k, v in got.items() if str(k) in receive and isinstance(v, str)
                              and (receive[str(k)] == "video" or receive[str(k)] == v)})
        await pc.setRemoteDescription(RTCSessionDescription(sdp, "answer"))
        self._listener = asyncio.ensure_future(self._listen(self.channel))
        if self._on_break is not None and self._on_break[0]:  # a break that started while reconnecting
            await self._send_break(*self._on_break)

    # -- court → witness video ---------------------------------------------------------------
    def _on_track(self, pc, track, answer_tracks: dict[str, str]) -> None:  # noqa: ANN001
        mid = next((t.mid for t in pc.getTransceivers() if t.receiver.track is track), None)
        label = answer_tracks.get(str(mid), "")
        if track.kind == "video" and labels.is_to_witness(label):
            if label not in self.court_video_labels:
                self.court_video_labels.append(label)
            self._tasks.append(asyncio.ensure_future(self._court_video(track, label)))
        elif track.kind == "audio" and labels.is_to_witness_audio(label) and labels.channel(label) in self.remote_channels:
            self._tasks.append(asyncio.ensure_future(self._court_audio(track, str(labels.channel(label)))))
        elif track.kind == "audio" and not label:
            self._tasks.append(asyncio.ensure_future(self._drain(track)))  # a slot the court left empty
        else:  # unlabelled, or a label no witness may see (the accused has none): drain, never show
            self.to_witness_tracks_refused += 1
            log.warning("a court track labelled %r was refused", label[:40])
            self._tasks.append(asyncio.ensure_future(self._drain(track)))

    async def _drain(self, track) -> None:  # noqa: ANN001
        with contextlib.suppress(MediaStreamError):
            while True:
                await track.recv()

    async def _court_video(self, track, label: str) -> None:  # noqa: ANN001
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            self.court_video_frames += 1
            now = time.monotonic()
            for c in self.speaking:
                try:
                    c.on_court_video(label, frame, now)
                except Exception:
                    log.exception("a speaking-to-you consumer failed")

    async def _court_audio(self, track, lang: str) -> None:  # noqa: ANN001
        """A remote interpreter's channel, forwarded by the court: into the pipeline's source."""
        resampler = av.AudioResampler(format="flt", layout="mono", rate=AUDIO_RATE)
        target = self.remote_channels[lang]
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            for out in resampler.resample(frame):
                target.push(out.to_ndarray().reshape(-1).astype(np.float32))
                self.remote_blocks_received[lang] = self.remote_blocks_received.get(lang, 0) + 1

    # -- control ------------------------------------------------------------------------------
    def _pipeline_break(self, on: bool, t: float) -> None:  # pipeline or caller thread
        self._on_break = (on, t)
        with contextlib.suppress(RuntimeError):  # the loop is closed: the session is over
            self._loop.call_soon_threadsafe(lambda: self._tasks.append(
                asyncio.ensure_future(self._send_break(on, t))))

    async def _send_break(self, on: bool, t: float) -> None:
        ch = self.channel
        if ch is None or ch.closed or self._listener is None:
            return  # not live on this channel yet: start_media() sends the break state
        with contextlib.suppress(LinkError):
            await ch.send({"type": "break", "on": on, "by": "witness", "at": round(float(t), 3)})
            self.breaks_signalled += 1

    async def _listen(self, channel: Channel) -> None:
        try:
            while True:
                msg = await channel.recv()
                if msg["type"] == "end":
                    reason = msg.get("reason")
                    self.end_reason = reason if isinstance(reason, str) else "the court ended the session"
                    self.ended_by = self.ended_by or "court"
                if msg["type"] == "bye":
                    self.ended_by = self.ended_by or "court"
                    return
        except LinkError:
            pass

    def simulate_loss(self) -> None:
        """Drop the signalling connection and the media connection at once, as a network loss does
        (tests and drills)."""
        if self.channel is not None:
            self.channel.abort()
        if self.pc is not None:
            asyncio.ensure_future(self.pc.close())

    async def _teardown(self) -> None:
        for t in self._tasks:
            t.cancel()
        self._tasks.clear()
        if self._listener is not None:
            self._listener.cancel()
            self._listener = None
        pc, self.pc = self.pc, None
        if pc is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(pc.close(), 3.0)
        if self.channel is not None:
            await self.channel.close()

    async def _reconnect(self, done: Callable[[], bool]) -> bool:
        """Re-join with the resumption token until the court answers, the session is refused or over,
        or the reconnect window passes.  True when media flows again (or is being set up)."""
        lost_at = time.monotonic()
        self._set_state("reconnecting")
        await self._teardown()
        inv = self.invite
        attempt = 0
        while time.monotonic() - lost_at < self._reconnect_window and not done():
            attempt += 1
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
            except LinkError as exc:  # FingerprintMismatch included: keep trying only the real court
                log.info("re-join attempt %d failed: %s", attempt, exc)
                if ch is not None:
                    await ch.close()
                await self._teardown()
                await asyncio.sleep(0.3)
                continue
            self.reconnects += 1
            self.reconnecting_seconds = round(self.reconnecting_seconds + time.monotonic() - lost_at, 3)
            self.recoveries_ms.append(round((time.monotonic() - lost_at) * 1000, 1))
            return True
        self.ended_by = self.ended_by or "connection lost"
        return False

    async def run_until(self, done, poll: float = 0.05) -> str:  # noqa: ANN001 (callable -> bool)
        """Wait until ``done()`` (e.g. the pipeline finished), the court says bye, or the link is
        lost and cannot be re-joined; re-join after a loss.  Returns why it stopped: "done",
        "court", "connection lost" (or the court's refusal)."""
        while True:
            if done():
                self.ended_by = self.ended_by or "done"
                return "done"
            lost = False
            if self._listener is not None and self._listener.done():
                if self.ended_by == "court":
                    return "court"
                lost = True
            if self.pc is not None and self.pc.connectionState in ("failed", "closed"):
                lost = True
            if lost and not await self._reconnect(done):
                if done():
                    self.ended_by = "done"
                    return "done"
                return self.ended_by
            await asyncio.sleep(poll)

    async def close(self, reason: str = "session ended") -> None:
        if self.channel is not None and not self.channel.closed:
            with contextlib.suppress(LinkError):
                await self.channel.send({"type": "bye", "reason": reason})
        self.feed.detach()
        await self._teardown()
        self._set_state("ended")

    def stats(self) -> dict[str, Any]:
        v, a = self.feed.video, self.feed.audio
        first = (round((v.first_sent_at - self.admitted_at) * 1000, 1)
                 if v.first_sent_at is not None and self.admitted_at is not None else None)
        return {"frames_sent": v.frames_sent, "curtained_frames_sent": v.curtained_sent,
                "audio_blocks_sent": a.blocks_sent, "samples_sent": a.samples_sent,
                "frames_dropped": self.feed.dropped_frames, "audio_blocks_dropped": self.feed.dropped_audio_blocks,
                "audience_sent": self.feed.audience.value, "judge_tracks_sent": self.feed.judge,
                "judge_frames_sent": self.feed.counters[labels.JUDGE_VIDEO].frames_sent if self.feed.judge else 0,
                "interpretation_tracks_sent": self.feed.channels,
                "tracks_sent": {k: c.frames_sent or c.blocks_sent for k, c in self.feed.counters.items()},
                "safety_code": self.safety_code, "first_frame_sent_ms": first, "ended_by": self.ended_by,
                "reconnects": self.reconnects, "reconnecting_seconds": self.reconnecting_seconds,
                "recoveries_ms": self.recoveries_ms, "end_reason": self.end_reason,
                "court_video_frames_received": self.court_video_frames, "court_video_tracks": self.court_video_labels,
                "to_witness_tracks_refused": self.to_witness_tracks_refused,
                "breaks_signalled": self.breaks_signalled,
                "remote_interpretation_blocks_received": dict(self.remote_blocks_received)}
