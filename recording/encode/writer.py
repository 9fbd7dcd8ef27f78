"""Matroska writer (PyAV): H.264 video plus one Opus track per language, into any writable binary
file object — in the app, the vault's encrypting recording writer, so no plaintext reaches the disk.

After Pupil's ``av_writer``: explicit time bases, strictly increasing timestamps (a non-monotonic
frame is refused, not silently reordered), encoders flushed on close.  The sink is used as a
non-seekable stream, so Matroska is written in live mode (no cues); exports are remuxed with cues.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol

import av
import numpy as np

from recording.encode.frames import yuv420p_frame
from recording.errors import EncoderError
from recording.model import AUDIO_RATE


@dataclass(frozen=True)
class AudioTrack:
    language: str  # ISO 639-2 (e.g. "eng", "spa"); "und" for the floor when unknown
    title: str  # e.g. "Floor", "Spanish interpretation"


class OutputSink(Protocol):
    """What the writer needs of its output (a file, or an encrypting vault recording)."""

    def write(self, b: bytes) -> int: ...
    def flush(self) -> None: ...
    def seekable(self) -> bool: ...
    def writable(self) -> bool: ...
    def tell(self) -> int: ...


class MkvWriter:
    """Encode frames and audio into ``sink``.  Thread-safe: video and audio may come from different
    threads.  ``video_index`` counts frames at ``fps``; audio pts count samples at 48 kHz."""

    def __init__(self, sink: OutputSink, width: int, height: int, fps: int = 30,
                 audio_tracks: tuple[AudioTrack, ...] = (AudioTrack("und", "Floor"),),
                 preset: str = "ultrafast", crf: int = 23, title: str = "") -> None:
        self._lock = threading.Lock()
        try:
            self._container = av.open(sink, "w", format="matroska")
            if title:
                self._container.metadata["title"] = title
            v = self._container.add_stream("libx264", rate=fps)
            v.width, v.height, v.pix_fmt = width, height, "yuv420p"
            v.time_base = Fraction(1, fps)
            v.codec_context.time_base = Fraction(1, fps)
            v.options = {"preset": preset, "crf": str(crf), "tune": "zerolatency"}
            self._video = v
            self._audio = []
            for t in audio_tracks:
                a = self._container.add_stream("libopus", rate=AUDIO_RATE, layout="mono")
                a.bit_rate = 48_000
                a.metadata["language"] = t.language
                a.metadata["title"] = t.title
                self._audio.append(a)
        except (av.error.FFmpegError, ValueError) as exc:
            raise EncoderError(f"cannot start the encoder: {exc}") from exc
        self.audio_tracks = audio_tracks
        self.fps = fps
        self._frame_tb = Fraction(1, fps)
        self.size = (width, height)
        self._last_video = -1
        self._next_audio = [0] * len(audio_tracks)
        self._closed = False
        self.frames_written = 0

    def write_video(self, image: np.ndarray, index: int) -> None:
        with self._lock:
            if self._closed:
                raise EncoderError("writer is closed")
            if index <= self._last_video:
                raise EncoderError(f"non-monotonic video frame {index} after {self._last_video}")
            frame = yuv420p_frame(image)
            frame.pts = index
            # the muxer rewrites the stream's time base (Matroska: 1/1000), so use the frame rate's
            frame.time_base = self._frame_tb
            self._mux(self._video.encode(frame))
            self._last_video = index
            self.frames_written += 1

    def write_audio(self, track: int, samples: np.ndarray, start_sample: int | None = None) -> None:
        """Append mono float32 samples to ``track``; ``start_sample`` (if given) must not go back."""
        with self._lock:
            if self._closed:
                raise EncoderError("writer is closed")
            pts = self._next_audio[track] if start_sample is None else start_sample
            if pts < self._next_audio[track]:
                raise EncoderError(f"non-monotonic audio on track {track}")
            pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype(np.int16).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
            frame.rate = AUDIO_RATE
            frame.pts = pts
            frame.time_base = Fraction(1, AUDIO_RATE)
            self._mux(self._audio[track].encode(frame))
            self._next_audio[track] = pts + pcm.shape[1]

    def _mux(self, packets) -> None:
        try:
            for p in packets:
                self._container.mux(p)
        except (av.error.FFmpegError, OSError) as exc:
            raise EncoderError(f"cannot write the recording: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._mux(self._video.encode(None))
                for a in self._audio:
                    self._mux(a.encode(None))
            finally:
                self._container.close()
