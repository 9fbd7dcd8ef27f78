"""File sources (PyAV): a recorded video or audio file played as if it were a device."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np

from recording.errors import MediaFormatError, SourceUnavailable
from recording.model import AUDIO_RATE


def decode_audio_file(path: Path, rate: int = AUDIO_RATE) -> np.ndarray:
    """Decode the first audio stream of ``path`` to mono float32 at ``rate`` Hz (in memory)."""
    if not Path(path).exists():
        raise SourceUnavailable(f"audio file not found: {Path(path).name}")
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise MediaFormatError(f"{Path(path).name} has no audio track")
            resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
            parts = []
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    parts.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                parts.append(out.to_ndarray().reshape(-1))
    except av.error.FFmpegError as exc:
        raise MediaFormatError(f"cannot decode {Path(path).name}: {exc}") from exc
    if not parts:
        return np.zeros(0, np.float32)
    return np.concatenate(parts).astype(np.float32)


class FileVideoSource:
    """Frames of a video file in order; ``read`` returns ``None`` at the end (or loops)."""

    live = False

    def __init__(self, path: Path, loop: bool = False) -> None:
        self.name = f"File: {Path(path).name}"
        self._path = Path(path)
        self._loop = loop
        self._container: av.container.InputContainer | None = None
        self._frames: Iterator[av.VideoFrame] | None = None
        self.fps = 30.0
        self.size = (0, 0)

    def open(self) -> None:
        if not self._path.exists():
            raise SourceUnavailable(f"video file not found: {self._path.name}")
        try:
            self._container = av.open(str(self._path))
            stream = self._container.streams.video[0]
        except (av.error.FFmpegError, IndexError) as exc:
            raise MediaFormatError(f"cannot read video from {self._path.name}") from exc
        stream.thread_type = "AUTO"
        self.fps = float(stream.average_rate or 30)
        self.size = (stream.codec_context.width, stream.codec_context.height)
        self._frames = self._container.decode(stream)

    def read(self) -> np.ndarray | None:
        if self._frames is None:
            raise SourceUnavailable("file source is not open")
        try:
            frame = next(self._frames)
        except StopIteration:
            if not self._loop:
                return None
            self.close()
            self.open()
            return self.read()
        except av.error.FFmpegError as exc:
            raise MediaFormatError(f"corrupt video data in {self._path.name}") from exc
        return frame.to_ndarray(format="bgr24")

    def close(self) -> None:
        if self._container is not None:
            self._container.close()
        self._container = None
        self._frames = None
