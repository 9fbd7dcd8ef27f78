"""The witness pipeline: capture → face and voice masking → per-audience fan-out, fail-closed.

One worker thread reads the witness's camera and microphone (and each interpreter's microphone),
masks once, and hands every audience exactly what the plan allows it:

- an audience authorised by the plan (e.g. the judge) gets the raw frame and natural voice;
- every other audience gets the masked frame and masked voice — or, when masking cannot be confirmed
  (no face lock, detector error, late frame, masker exception), a privacy curtain and silence;
- during a break every audience except the support person gets the curtain and silence;
- when the plan hides the room (``measures.backdrop``), the masked frame (and with ``"all"`` every
  live unmasked view, never the raw recording) shows only the tracked people's head and shoulders on
  a neutral backdrop; when the masker cannot say where they are, those audiences get the curtain.

Consumers are called on the worker thread and must return quickly (queue the work).  The raw frame is
never handed to a consumer subscribed for a masked audience: the masked image is a separate array.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from recording.errors import RecordingError, SourceLost
from recording.masking.backdrop import Backdrop
from recording.masking.face import curtain
from recording.model import AUDIO_BLOCK, AUDIO_RATE, Audience, Decision, Frame, MaskStats
from recording.session import SessionPlan
from recording.sources.base import AudioSource, VideoSource
from recording.subscriptions import Subscriptions

log = logging.getLogger("testimony_shield.recording.pipeline")

FLOOR = "floor"


class FaceMaskerLike(Protocol):
    def process(self, frame: Frame, late: bool = False) -> tuple[np.ndarray, Decision]: ...


class VoiceMaskerLike(Protocol):
    def process(self, block: np.ndarray) -> np.ndarray: ...


class Consumer(Protocol):
    """Receives one audience's output.  ``channel`` is ``"floor"`` or an ISO 639-2 language code."""

    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float,
                 decision: Decision) -> None: ...

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None: ...


@dataclass
class PipelineStatus:
    """A snapshot for status displays (mask state, levels); cheap to copy across threads."""

    frame_index: int = 0
    pts: float = 0.0
    decision: Decision = Decision.CURTAINED
    on_break: bool = False
    floor_level_db: float = -90.0
    voice_failed_blocks: int = 0
    mask_ms: float = 0.0
    capture_to_output_ms: float = 0.0
    #: when the frame being delivered to the consumers was captured (the pipeline's clock)
    captured_at: float = 0.0
    error: str = ""
    stats: MaskStats = field(default_factory=MaskStats)


def curtain_like(image: np.ndarray) -> np.ndarray:
    """A privacy curtain the size of ``image`` (never derived from its pixels)."""
    return curtain(image.shape)


def level_db(samples: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0
    return max(-90.0, 20.0 * np.log10(rms + 1e-9))


class SessionPipeline(Subscriptions[Consumer]):
    def __init__(
        self,
        plan: SessionPlan,
        video: VideoSource,
        audio: AudioSource,
        face_masker: FaceMaskerLike,
        voice_masker_factory: Callable[[str], VoiceMaskerLike],
        interpreters: Mapping[str, AudioSource] | None = None,
        realtime: bool = True,
        latency_budget: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.plan = plan
        self._video = video
        self._audio = audio
        self._face = face_masker
        self._voice_factory = voice_masker_factory
        self._voices: dict[str, VoiceMaskerLike] = {}
        self._interpreters = dict(interpreters or {})
        self._realtime = realtime
        self._budget = latency_budget
        self._clock = clock
        super().__init__()  # the consumers by audience, their lock, the break listeners
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_break = False
        self._audio_pending: dict[str, np.ndarray] = {}
        self._audio_written: dict[str, int] = {}
        self._fade = 1.0  # gain for resuming after a break: sound fades back in
        self.status = PipelineStatus()
        self.max_frames: int | None = None
        #: a voice block not masked within this time is silenced (fail closed); 80 ms leaves room for
        #: the GIL and the encoders on a loaded 2-core machine (the masker itself takes ~1 ms a block)
        self.voice_deadline = 0.080
        self.finished = threading.Event()
        self._backdrop = Backdrop()

    # -- wiring -------------------------------------------------------------------------------

    @property
    def realtime(self) -> bool:
        """Paced like a live session (a consumer must never hold the pipeline back), or as fast as
        the consumers take it (batch, demo): then a slow consumer slows the source instead."""
        return self._realtime

    @property
    def channels(self) -> list[str]:
        return [FLOOR, *self._interpreters]

    @property
    def fps(self) -> float:
        return self._video.fps

    @property
    def size(self) -> tuple[int, int]:
        return self._video.size

    # -- control (any thread) -----------------------------------------------------------------
    def set_break(self, on: bool) -> float:
        """Curtain and mute the witness for every audience but the support person (``on``), or lift
        it.  Takes effect from the next frame and audio block; returns the media time."""
        self._on_break = on
        if not on:
            self._fade = 0.0
        t = self.status.pts
        for fn in self._break_listeners:
            fn(on, t)
        return t

    @property
    def on_break(self) -> bool:
        return self._on_break

    def _sources(self) -> list[VideoSource | AudioSource]:
        return [self._video, self._audio, *self._interpreters.values()]

    def start(self) -> None:
        for src in self._sources():
            src.open()
        self._thread = threading.Thread(target=self._run, name="witness-pipeline", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        for src in self._sources():
            try:
                src.close()
            except Exception:  # closing a lost device must not mask the real error
                log.debug("closing %s failed", src.name)

    # -- worker --------------------------------------------------------------------------------
    def _masked_for(self, audience: Audience) -> bool:
        return not self.plan.unmasked(audience)

    def _voice(self, preset: str) -> VoiceMaskerLike:
        if preset not in self._voices:
            self._voices[preset] = self._voice_factory(preset)
        return self._voices[preset]

    def _run(self) -> None:
        fps = self._video.fps
        samples_per_frame = AUDIO_RATE / fps
        t_start = self._clock()
        index = 0
        audio_due = 0.0
        try:
            while not self._stop.is_set():
                if self.max_frames is not None and index >= self.max_frames:
                    break
                if self._realtime and not self._video.live:
                    due = t_start + index / fps
                    delay = due - self._clock()
                    if delay > 0:
                        time.sleep(delay)
                    elif -delay > self._budget:
                        # behind real time: skip frames as a camera would
                        skip = int(-delay * fps)
                        for _ in range(skip):
                            self._video.read()
                        index += skip
                        audio_due += skip * samples_per_frame
                captured = self._clock()
                image = self._video.read()
                if image is None:
                    break
                pts = index / fps
                late = self._realtime and self._video.live is False and (captured - (t_start + pts)) > self._budget
                self._process_video(Frame(image, pts, index), late, captured)
                audio_due += samples_per_frame
                n = int(audio_due)
                self._pull_audio(n)
                audio_due -= n
                index += 1
        # logs carry the exception's type only (never a message that could hold data); the clerk's
        # console shows our own errors' plain messages
        except SourceLost as exc:
            self.status.error = str(exc)
            log.warning("source lost (%s)", type(exc).__name__)
        except RecordingError as exc:
            self.status.error = str(exc)
            log.error("pipeline stopped (%s)", type(exc).__name__)
        except Exception as exc:
            self.status.error = "internal error in the witness pipeline"
            log.error("pipeline crashed (%s)", type(exc).__name__)
        finally:
            self.finished.set()

    def _process_video(self, frame: Frame, late: bool, captured: float) -> None:
        t0 = time.perf_counter()
        measures = self.plan.measures
        if not measures.face_mask:
            masked, decision = frame.image, Decision.DETECTED
        else:
            try:
                masked, decision = self._face.process(frame, late=late)
            except Exception as exc:
                log.error("face masker failed (%s); curtaining", type(exc).__name__)
                masked, decision = curtain_like(frame.image), Decision.CURTAINED
        hide_room = getattr(measures, "backdrop", "off")
        room_hidden: np.ndarray | None = None  # the unmasked frame without the room ("all")
        if hide_room != "off" and decision is not Decision.CURTAINED:
            try:
                heads = self._face.heads  # type: ignore[attr-defined]
                masked = self._backdrop.apply(masked, heads)
                if hide_room == "all":
                    room_hidden = self._backdrop.apply(frame.image, heads)
            except Exception as exc:  # no head regions, or the backdrop failed: the room must not show
                log.error("backdrop failed (%s); curtaining", type(exc).__name__)
                masked, decision = curtain_like(frame.image), Decision.CURTAINED
        mask_ms = (time.perf_counter() - t0) * 1000
        self.status.stats.count(Decision.CURTAINED if self._on_break else decision)
        # the media time is this frame's before any consumer sees it: a break a consumer asks for while
        # this frame is handed out is logged at this frame's time, not at the last frame processed
        # (which, on a loaded machine that skips frames, can be several frames earlier)
        self.status.frame_index, self.status.pts = frame.index, frame.pts
        curtain = None
        self.status.captured_at = captured
        with self._lock:
            consumers = list(self._consumers)
        for audiences, consumer in consumers:
            for audience in audiences:
                if self._on_break and audience is not Audience.SUPPORT:
                    if curtain is None:
                        curtain = masked if decision is Decision.CURTAINED else curtain_like(frame.image)
                    out, dec = curtain, Decision.CURTAINED
                elif self._masked_for(audience):
                    out, dec = masked, decision
                elif hide_room == "all" and audience is not Audience.RECORD_RAW:
                    if room_hidden is None:  # the room cannot be separated from the witness: curtain
                        if curtain is None:
                            curtain = masked if decision is Decision.CURTAINED else curtain_like(frame.image)
                        out, dec = curtain, Decision.CURTAINED
                    else:
                        out, dec = room_hidden, decision
                else:
                    out, dec = frame.image, decision
                consumer.on_video(audience, out, frame.index, frame.pts, dec)
        st = self.status
        st.decision, st.on_break = decision, self._on_break
        st.mask_ms = mask_ms
        st.capture_to_output_ms = (self._clock() - captured) * 1000

    def _pull_audio(self, n: int) -> None:
        if n <= 0:
            return
        sources = {FLOOR: self._audio, **self._interpreters}
        for channel, src in sources.items():
            buf = self._audio_pending.get(channel, np.zeros(0, np.float32))
            buf = np.concatenate([buf, src.read(n).astype(np.float32)])
            while len(buf) >= AUDIO_BLOCK:
                block, buf = buf[:AUDIO_BLOCK], buf[AUDIO_BLOCK:]
                self._emit_audio(channel, block)
            self._audio_pending[channel] = buf

    def _mask_voice(self, voice: VoiceMaskerLike, block: np.ndarray) -> np.ndarray:
        """The masked block, or silence when the masker errs or misses its deadline (fail closed)."""
        safe = getattr(voice, "process_safe", None)
        if safe is not None:
            out = safe(block, self.voice_deadline)
            if getattr(voice, "failed", False) and not np.any(out):
                self.status.voice_failed_blocks += 1
            return out
        try:
            return voice.process(block)
        except Exception as exc:
            log.error("voice masker failed (%s); silencing the block", type(exc).__name__)
            self.status.voice_failed_blocks += 1
            return np.zeros_like(block)

    def _emit_audio(self, channel: str, block: np.ndarray) -> None:
        start = self._audio_written.get(channel, 0)
        self._audio_written[channel] = start + len(block)
        measures = self.plan.measures
        masked: np.ndarray | None = None
        if channel == FLOOR:
            self.status.floor_level_db = level_db(block)
            if self._fade < 1.0 and not self._on_break:
                ramp = np.minimum(1.0, self._fade + np.arange(len(block)) / (AUDIO_RATE * 1.5))
                block = block * ramp.astype(np.float32)
                self._fade = float(ramp[-1])
            masked = self._mask_voice(self._voice(measures.voice_preset), block) if measures.voice_mask else block
        silence = np.zeros_like(block)
        with self._lock:
            consumers = list(self._consumers)
        for audiences, consumer in consumers:
            for audience in audiences:
                if self._on_break and audience is not Audience.SUPPORT:
                    out = silence
                elif masked is not None:  # the floor: masked unless this audience may hear the witness
                    out = masked if self._masked_for(audience) else block
                else:
                    out = block
                consumer.on_audio(audience, channel, out, start)
