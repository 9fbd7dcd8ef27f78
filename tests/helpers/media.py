"""Media the tests feed the vault and the windows: a small recording as the recorder writes it."""

from __future__ import annotations

import io

import numpy as np

from recording.encode.writer import AudioTrack, MkvWriter
from recording.model import AUDIO_RATE
from recording.sources.demo import DemoVideoSource
from tests.helpers.fake_session import SMALL
from tests.helpers.sources import ToneSource


class NonSeekableSink(io.RawIOBase):
    """An in-memory output that cannot seek, like the vault's recording writer (``data``: what was written)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, b) -> int:
        self.data += bytes(b)
        return len(b)


def make_mkv(seconds: float = 3.0, size: tuple[int, int] = SMALL, fps: int = 30) -> bytes:
    """A small MKV as the recorder writes it into the vault: to a non-seekable sink (live-mode Matroska,
    no Duration, no Cues), H.264 + floor (eng) and Spanish interpretation tracks."""
    buf = NonSeekableSink()
    w = MkvWriter(buf, size[0], size[1], fps,
                  (AudioTrack("eng", "Floor"), AudioTrack("spa", "Spanish interpretation")))
    src = DemoVideoSource(size, fps)
    src.open()
    n = int(seconds * fps)
    per = AUDIO_RATE // fps
    tone = ToneSource()
    for i in range(n):
        image = src.read()
        if image is None:
            raise RuntimeError("the demo video source gave no frame")
        w.write_video(image, i)
        block = tone.read(per)
        w.write_audio(0, block, i * per)
        w.write_audio(1, block * 0.5, i * per)
    w.close()
    src.close()
    return bytes(buf.data)


def live_mkv(seconds: int = 2) -> bytes:
    """A small live-mode MKV (grey ramp video, two silent tracks) as the writer makes it to a non-seekable sink."""
    sink = NonSeekableSink()
    w = MkvWriter(sink, 160, 96, 30, (AudioTrack("eng", "Floor"), AudioTrack("spa", "Spanish")))
    for i in range(30 * seconds):
        w.write_video(np.full((96, 160, 3), i % 255, np.uint8), i)
        for t in range(2):
            w.write_audio(t, np.zeros(1600, np.float32))
    w.close()
    return bytes(sink.data)
