"""The court's recording of what it receives: one Matroska file (H.264 + Opus) written by its own
thread into a sink (in the app: an encrypting vault recording)."""

from __future__ import annotations

import logging
import threading
from typing import Any

import av
import cv2
import numpy as np

from common.bounded_queue import BoundedQueue, Overflow, consume
from recording.encode.writer import AudioTrack, MkvWriter
from recording.model import AUDIO_RATE
from recording.recorder import RecordingSink, SinkFactory
from recording.transport import tracks as labels

log = logging.getLogger("testimony_shield.recording.transport.court")


class ReceivedRecorder:
    """Records what the court receives into one Matroska recording (H.264 + Opus) written by its own
    thread into a sink from ``sink_factory`` (in the app: an encrypting vault recording): the masked
    video, the masked floor (track 0, tagged with the floor language) and every interpretation
    channel in ``channels`` as its own audio track tagged with its ISO 639-2 code.

    Received RTP timestamps have random offsets per track, so the recording's timeline is the court's
    arrival clock: the first media to arrive is t=0; within a track the sender's timestamps are kept.
    """

    def __init__(self, sink_factory: SinkFactory, meta: dict[str, Any], fps: int = 30,
                 preset: str = "ultrafast", language: str = "und", channels: tuple[str, ...] = ()) -> None:
        self._factory = sink_factory
        self.channels = tuple(c for c in dict.fromkeys(channels) if labels.valid(labels.interpretation(c))
                              and c != "floor")
        self._track_of = {"floor": 0, **{c: i + 1 for i, c in enumerate(self.channels)}}
        self._meta = meta
        self.fps = fps
        self._preset = preset
        self._language = language
        self._queue: BoundedQueue[tuple | None] = BoundedQueue(120, Overflow.DROP_NEWEST)
        self._thread = threading.Thread(target=self._run, name="court-recorder", daemon=True)
        self._t0: float | None = None
        self._v0: tuple[float, float] | None = None  # (first pts s, first arrival rel)
        self._a0: dict[str, tuple[int, int]] = {}  # channel → (first pts samples, start sample)
        self.sink: RecordingSink | None = None
        self.writer: MkvWriter | None = None
        self.frames = 0
        self.dropped = 0
        self.rescaled = 0  # frames scaled to the recording's size (the link adapts its resolution)
        self.recording_id = ""
        self.error = ""
        self._last_index = -1
        self._next_audio: dict[int, int] = {}
        self._pending_audio: list[tuple[int, np.ndarray, int]] = []
        self.audio_blocks: dict[str, int] = {}
        self.extra_meta: dict[str, Any] = {}  # written at seal time (e.g. the witness's breaks)

    def start(self) -> None:
        self._thread.start()

    def _put(self, item: tuple) -> None:
        if not self._queue.put(item):
            self.dropped += 1

    def on_video(self, frame: av.VideoFrame, arrival: float) -> None:
        if self._t0 is None:
            self._t0 = arrival
        pts = float(frame.pts * frame.time_base) if frame.pts is not None and frame.time_base else arrival
        if self._v0 is None:
            self._v0 = (pts, arrival - self._t0)
        index = int(round((pts - self._v0[0] + self._v0[1]) * self.fps))
        self._put(("v", frame, index))

    def on_reconnect(self) -> None:
        """A new media connection: its RTP timestamps have new random offsets, so re-anchor both
        tracks on the arrival clock (the recording shows the gap as it was at the court)."""
        self._v0 = None
        self._a0 = {}

    def on_audio(self, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        self._on_channel("floor", samples, pts_samples, arrival)

    def on_interpretation(self, channel: str, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        if channel in self._track_of:
            self._on_channel(channel, samples, pts_samples, arrival)

    def _on_channel(self, channel: str, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        if self._t0 is None:
            self._t0 = arrival
        a0 = self._a0.get(channel)
        if a0 is None:
            a0 = self._a0[channel] = (pts_samples, int(round((arrival - self._t0) * AUDIO_RATE)))
        self.audio_blocks[channel] = self.audio_blocks.get(channel, 0) + 1
        self._put(("a", self._track_of[channel], samples, pts_samples - a0[0] + a0[1]))

    def audio_tracks(self) -> tuple[AudioTrack, ...]:
        return (AudioTrack(self._language, "Floor (masked, as received)"),
                *(AudioTrack(c, f"Interpretation {c} (as received)") for c in self.channels))

    def _output(self, width: int, height: int) -> tuple[MkvWriter, RecordingSink]:
        """The recording's writer and sink, opened at the first frame's size."""
        if self.writer is not None and self.sink is not None:
            return self.writer, self.sink
        tracks = self.audio_tracks()
        meta = {**self._meta, "kind": "received-masked", "fps": self.fps, "size": [width, height],
                "tracks": [{"language": t.language, "title": t.title} for t in tracks]}
        sink = self.sink = self._factory("received-masked", meta)
        writer = self.writer = MkvWriter(sink, width, height, self.fps, tracks, preset=self._preset,
                                         title=f"{self._meta.get('case_number', '')} (received)")
        return writer, sink

    def _run(self) -> None:
        consume(self._queue, self._write, lambda: bool(self.error), self._stopped)

    def _write(self, item: tuple) -> None:
        if item[0] == "v":
            _, frame, index = item
            if index <= self._last_index:
                return  # a late duplicate of a slot already written
            image = frame.to_ndarray(format="bgr24")
            writer, sink = self._output(image.shape[1], image.shape[0])
            if writer.size != (image.shape[1], image.shape[0]):
                # the sender adapted its resolution to the network: keep the recording's size
                image = cv2.resize(image, writer.size, interpolation=cv2.INTER_AREA)
                self.rescaled += 1
            writer.write_video(image, index)
            self._last_index = index
            self.frames += 1
            if self.frames % self.fps == 0:
                sink.flush()
            for track, samples, start in self._pending_audio:
                self._write_audio(track, samples, start)
            self._pending_audio.clear()
        else:
            _, track, samples, start = item
            if self.writer is None:
                if len(self._pending_audio) < 250 * len(self._track_of):
                    self._pending_audio.append((track, samples, start))
            else:
                self._write_audio(track, samples, start)

    def _stopped(self, exc: Exception) -> None:
        """Disk full, sink refused: stop recording, keep what was written."""
        self.error = f"recording stopped: {exc}"
        log.error("received recording stopped: %s", type(exc).__name__)

    def _write_audio(self, track: int, samples: np.ndarray, start: int) -> None:
        assert self.writer is not None
        nxt = self._next_audio.get(track, 0)
        if start < nxt:  # overlap after jitter: drop the samples already covered
            cut = nxt - start
            if cut >= len(samples):
                return
            samples, start = samples[cut:], nxt
        self.writer.write_audio(track, samples, start)
        self._next_audio[track] = start + len(samples)

    def stop(self) -> str:
        """Finish and seal; returns the recording id ("" when nothing was received)."""
        if self._thread.is_alive():
            self._queue.put_final(None)
            self._thread.join()
        if self.writer is None or self.sink is None:
            return ""
        try:
            self.writer.close()
        except Exception as exc:
            self.error = self.error or f"recording stopped: {exc}"
        try:
            self.sink.set_meta("frames", self.frames)
            self.sink.set_meta("duration", round((self._last_index + 1) / self.fps, 3))
            self.sink.set_meta("audio_rate", AUDIO_RATE)
            self.sink.set_meta("chapters", [])
            for k, v in self.extra_meta.items():
                self.sink.set_meta(k, v)
            self.recording_id = self.sink.seal()
        except Exception as exc:
            self.error = f"could not seal the received recording: {exc}"
            try:
                self.sink.abort()
            except Exception:
                log.error("abort of the received recording failed")
        return self.recording_id
