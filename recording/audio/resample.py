"""Streaming sample-rate conversion for sound devices that do not run at the pipeline's 48 kHz
(e.g. a 44.1 kHz headset).  Windowed-sinc interpolation over a short history, block by block, with
the phase carried between blocks, so a stream of any block sizes resamples without clicks."""

from __future__ import annotations

import numpy as np

TAPS = 16  # per side; ~0.33 ms at 48 kHz of added delay


class StreamResampler:
    def __init__(self, rate_in: int, rate_out: int) -> None:
        if rate_in <= 0 or rate_out <= 0:
            raise ValueError("sample rates must be positive")
        self.rate_in, self.rate_out = rate_in, rate_out
        self._step = rate_in / rate_out  # input samples per output sample
        self._cutoff = min(1.0, rate_out / rate_in)  # low-pass when down-sampling
        self._hist = np.zeros(2 * TAPS, np.float32)  # the last input samples, for the kernel's left side
        self._t = float(TAPS)  # position of the next output sample in (history + block) coordinates

    @property
    def passthrough(self) -> bool:
        return self.rate_in == self.rate_out

    def process(self, block: np.ndarray) -> np.ndarray:
        block = np.asarray(block, np.float32)
        if self.passthrough:
            return block.copy()
        buf = np.concatenate([self._hist, block])
        last = len(buf) - TAPS  # an output needs TAPS samples to its right
        if self._t >= last:
            self._carry(buf)
            return np.zeros(0, np.float32)
        pos = np.arange(self._t, last, self._step)
        base = np.floor(pos).astype(np.int64)
        frac = pos - base
        k = np.arange(-TAPS + 1, TAPS + 1)
        idx = base[:, None] + k[None, :]
        x = (k[None, :] - frac[:, None])
        kernel = self._cutoff * np.sinc(self._cutoff * x) * (0.5 + 0.5 * np.cos(np.pi * x / TAPS))
        out = (buf[idx] * kernel).sum(axis=1).astype(np.float32)
        self._t = float(pos[-1] + self._step)
        self._carry(buf)
        return out

    def _carry(self, buf: np.ndarray) -> None:
        keep = 2 * TAPS
        self._t -= len(buf) - keep
        self._hist = buf[-keep:].copy()
