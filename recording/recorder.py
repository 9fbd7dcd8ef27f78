"""Records pipeline outputs: one Matroska recording per kind ("masked", "raw"), each written by its
own encoder thread into a sink the caller provides (in the app: the vault's encrypting writer).

The recorder knows nothing of the vault: ``sink_factory(kind, meta)`` returns an object with
``write``/``flush``/``set_meta``/``seal``/``abort``.  The sink is flushed about once a second so a
crash loses at most the last couple of seconds.  If the sink fails (disk full, device error) that
recording stops cleanly, everything written before is kept and sealed, and ``error`` says why.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from common.bounded_queue import BoundedQueue, Overflow, consume
from recording.encode.writer import AudioTrack, MkvWriter, OutputSink
from recording.model import AUDIO_RATE, Audience, Decision
from recording.pipeline import FLOOR, SessionPipeline

log = logging.getLogger("testimony_shield.recording.recorder")



class RecordingSink(OutputSink, Protocol):
    """Where a recording goes (in the app: an encrypting vault recording), sealed at the end."""

    def set_meta(self, key: str, value: Any) -> None: ...
    def seal(self) -> str: ...
    def abort(self) -> None: ...


SinkFactory = Callable[[str, dict[str, Any]], RecordingSink]

KIND_AUDIENCE = {"masked": Audience.RECORD_MASKED, "raw": Audience.RECORD_RAW}


@dataclass
class TrackResult:
    kind: str
    recording_id: str = ""
    frames: int = 0
    curtained_frames: int = 0
    error: str = ""
    chapters: list[dict[str, Any]] = field(default_factory=list)
    #: frames / audio blocks dropped because the writer fell behind (a stalled disk): never silently
    dropped_frames: int = 0
    dropped_audio_blocks: int = 0


class _Track:
    def __init__(self, kind: str, sink: RecordingSink, writer: MkvWriter, channels: list[str],
                 realtime: bool = False) -> None:
        self.kind = kind
        self.sink = sink
        self.writer = writer
        self.channels = channels
        # about 3 s of video.  Live (realtime): a stalled disk or store never blocks the pipeline thread
        # (the masked feed to every audience goes on): what does not fit is dropped, counted and kept in
        # the recording's meta.  A batch run (demo, tests) waits for the writer instead: nothing is lost.
        self.queue: BoundedQueue[tuple | None] = BoundedQueue(
            90, Overflow.DROP_NEWEST if realtime else Overflow.BLOCK)
        self.result = TrackResult(kind)
        self.failed = False
        self.thread = threading.Thread(target=self._run, name=f"recorder-{kind}", daemon=True)
        self._last_flush = 0

    def offer(self, item: tuple) -> bool:
        """Queue an item for the writer (called on the pipeline thread); False when it was dropped."""
        if self.queue.put(item):
            return True
        if item[0] == "v":
            self.result.dropped_frames += 1
        else:
            self.result.dropped_audio_blocks += 1
        if self.result.dropped_frames + self.result.dropped_audio_blocks == 1:
            log.error("%s recording falls behind (disk stalled?): dropping media until it catches up", self.kind)
        return False

    def _run(self) -> None:
        consume(self.queue, self._write, lambda: self.failed, self._stopped)

    def _write(self, item: tuple) -> None:
        if item[0] == "v":
            _, image, index = item
            self.writer.write_video(image, index)
            if index - self._last_flush >= self.writer.fps:  # about once a second
                self.sink.flush()
                self._last_flush = index
        else:
            _, track, samples, start = item
            self.writer.write_audio(track, samples, start)

    def _stopped(self, exc: Exception) -> None:
        """Disk full, sink refused: stop this recording, keep the rest."""
        self.failed = True
        self.result.error = f"recording stopped: {exc}"
        log.error("%s recording stopped: %s", self.kind, type(exc).__name__)


class Recorder:
    """Subscribe to ``pipeline`` for the recorded audiences and write each kind to its sink."""

    def __init__(self, pipeline: SessionPipeline, sink_factory: SinkFactory, meta: dict[str, Any],
                 kinds: tuple[str, ...] = ("masked", "raw"), preset: str = "ultrafast") -> None:
        self._pipeline = pipeline
        self._factory = sink_factory
        self._meta = meta
        self._kinds = kinds
        self._preset = preset
        self._tracks: dict[Audience, _Track] = {}
        self._chapters: list[dict[str, Any]] = []
        self.recording = False
        # recordings start at 0: the session's media time when recording started is subtracted
        self._first_index: int | None = None
        self._first_sample: dict[str, int] = {}

    def start(self) -> None:
        w, h = self._pipeline.size
        fps = round(self._pipeline.fps)
        channels = self._pipeline.channels
        floor = self._pipeline.plan.floor_language
        tracks = tuple(AudioTrack(floor if c == FLOOR else c,
                                  # titles name the code only: screens name languages from Qt's locale data
                                  f"Floor ({floor})" if c == FLOOR else f"Interpretation ({c})")
                       for c in channels)
        for kind in self._kinds:
            meta = {**self._meta, "kind": kind, "fps": fps, "size": [w, h],
                    "tracks": [{"language": t.language, "title": t.title} for t in tracks]}
            sink = self._factory(kind, meta)
            writer = MkvWriter(sink, w, h, fps, tracks, preset=self._preset,
                               title=f"{self._meta.get('case_number', '')} ({kind})")
            track = _Track(kind, sink, writer, channels, realtime=bool(getattr(self._pipeline, "realtime", True)))
            track.thread.start()
            self._tracks[KIND_AUDIENCE[kind]] = track
        self._pipeline.add_break_listener(self._on_break)
        self._pipeline.subscribe(set(self._tracks), self)
        self.recording = True

    @property
    def _t0(self) -> float:
        return (self._first_index or 0) / self._pipeline.fps

    def _on_break(self, on: bool, t: float) -> None:
        t = max(0.0, t - self._t0)
        if on:
            paused = self._pipeline.plan.measures.pause_recording_in_breaks
            self._chapters.append({"title": "Break (recording paused)" if paused else "Break",
                                   "start": round(t, 3), "end": None})
        elif self._chapters and self._chapters[-1]["end"] is None:
            self._chapters[-1]["end"] = round(t, 3)

    def _paused(self) -> bool:
        """The plan may pause the recording during breaks: the media then has a gap (timestamps go
        on), and the break's chapter marks it."""
        return self._pipeline.plan.measures.pause_recording_in_breaks and self._pipeline.on_break

    # Consumer protocol (pipeline thread) -------------------------------------------------------
    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float,
                 decision: Decision) -> None:
        track = self._tracks.get(audience)
        if track is None:
            return
        if self._first_index is None:
            self._first_index = index
        index -= self._first_index
        if self._paused():
            return
        if not track.offer(("v", image, index)):
            return  # dropped (counted): `frames` counts what the recording holds
        track.result.frames += 1
        if decision is Decision.CURTAINED:
            track.result.curtained_frames += 1

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        track = self._tracks.get(audience)
        if track is None:
            return
        first = self._first_sample.setdefault(channel, start_sample)
        if self._paused():
            return
        track.offer(("a", track.channels.index(channel), samples, start_sample - first))

    @property
    def errors(self) -> list[str]:
        return [t.result.error for t in self._tracks.values() if t.result.error]

    def stop(self) -> list[TrackResult]:
        """Finish every recording: flush encoders, seal the sinks.  Returns one result per kind."""
        self._pipeline.unsubscribe(self)
        self.recording = False
        results = []
        end = round(max(0.0, self._pipeline.status.pts - self._t0), 3)
        chapters = [dict(c, end=c["end"] if c["end"] is not None else end) for c in self._chapters]
        for track in self._tracks.values():
            track.queue.put_final(None)
            track.thread.join()
            try:
                track.writer.close()
            except Exception as exc:
                track.result.error = track.result.error or f"recording stopped: {exc}"
            track.result.chapters = chapters
            try:
                track.sink.set_meta("chapters", chapters)
                track.sink.set_meta("frames", track.result.frames)
                track.sink.set_meta("duration", round((track.result.frames + track.result.dropped_frames)
                                                      / max(1, track.writer.fps), 3))
                track.sink.set_meta("audio_rate", AUDIO_RATE)
                if track.result.dropped_frames or track.result.dropped_audio_blocks:
                    track.sink.set_meta("dropped", {"video_frames": track.result.dropped_frames,
                                                    "audio_blocks": track.result.dropped_audio_blocks})
                track.result.recording_id = track.sink.seal()
            except Exception as exc:
                track.result.error = f"could not seal the {track.kind} recording: {exc}"
                log.error("seal failed for %s: %s", track.kind, type(exc).__name__)
                try:
                    track.sink.abort()
                except Exception:
                    log.error("abort failed for %s", track.kind)
            results.append(track.result)
        self._tracks.clear()
        return results
