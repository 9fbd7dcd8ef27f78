"""Streaming sample-rate conversion for sound devices that do not run at the pipeline's 48 kHz
(e.g. a 44.1 kHz headset), with FFmpeg's resampler (``av.AudioResampler``, libswresample): it keeps
its filter state between blocks, so a stream of any block sizes resamples without clicks, with about
1 ms of delay.  It never runs inside a PortAudio callback: the microphone resamples when the pipeline
reads (:class:`recording.sources.devices.MicrophoneSource`), the speaker when the pipeline pushes."""

from __future__ import annotations

import av
import numpy as np


class StreamResampler:
    def __init__(self, rate_in: int, rate_out: int) -> None:
        if rate_in <= 0 or rate_out <= 0:
            raise ValueError("sample rates must be positive")
        self.rate_in, self.rate_out = rate_in, rate_out
        self._av = None if self.passthrough else av.AudioResampler(format="flt", layout="mono", rate=rate_out)

    @property
    def passthrough(self) -> bool:
        return self.rate_in == self.rate_out

    def process(self, block: np.ndarray) -> np.ndarray:
        """The resampled samples of mono float32 ``block`` (a few may come out with the next block)."""
        block = np.ascontiguousarray(block, np.float32)
        if self._av is None:
            return block.copy()
        if not len(block):
            return np.zeros(0, np.float32)
        frame = av.AudioFrame.from_ndarray(block[None, :], format="flt", layout="mono")
        frame.sample_rate = self.rate_in
        out = [f.to_ndarray()[0] for f in self._av.resample(frame)]
        return np.concatenate(out).astype(np.float32, copy=False) if out else np.zeros(0, np.float32)
