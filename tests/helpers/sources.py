"""Test sources: a steady tone "microphone" (the AudioSource protocol of recording.sources)."""

from __future__ import annotations

import numpy as np

from recording.model import AUDIO_RATE


class ToneSource:
    """A steady sine "microphone" (440 Hz at -12 dBFS by default)."""

    name = "tone"
    rate = AUDIO_RATE
    live = False

    def __init__(self, freq: float = 440.0, amplitude: float = 0.25) -> None:
        self.freq = freq
        self.amplitude = amplitude
        self._pos = 0

    def open(self) -> None:
        self._pos = 0

    def read(self, n: int) -> np.ndarray:
        t = (self._pos + np.arange(n)) / self.rate
        self._pos += n
        return (self.amplitude * np.sin(2 * np.pi * self.freq * t)).astype(np.float32)

    def close(self) -> None:
        pass
