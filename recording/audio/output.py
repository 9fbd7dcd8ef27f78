"""Playing a listener's mix on a sound device (sounddevice).  The pipeline pushes 20 ms blocks; the
device callback pulls them from a bounded buffer.  Underruns play silence (never stale audio);
a device that disappears raises :class:`SourceLost` on the next push."""

from __future__ import annotations

import collections
import logging
import threading
from typing import Any

import numpy as np

from recording.audio.resample import StreamResampler
from recording.errors import SourceLost
from recording.model import AUDIO_RATE
from recording.sources.devices import open_mono_stream

log = logging.getLogger("testimony_shield.recording.audio.output")


class SpeakerOutput:
    def __init__(self, device: str | int | None = None, rate: int = AUDIO_RATE, max_seconds: float = 0.5,
                 device_rate: int | None = None) -> None:
        """``rate`` is what is pushed; the device plays at ``device_rate`` (default: ``rate`` when it
        accepts it, else its own default rate), resampled when they differ."""
        self._device = int(device) if isinstance(device, str) and device.isdigit() else device
        self.rate = rate
        self.device_rate = device_rate
        self._resampler: StreamResampler | None = None
        self._max = int(rate * max_seconds)
        self._buf: collections.deque[np.ndarray] = collections.deque()
        self._queued = 0
        self._lock = threading.Lock()
        self._stream: Any = None  # sounddevice.OutputStream once open
        self._lost = False
        self.played_samples = 0
        self.underruns = 0

    def open(self) -> None:
        self._stream, dev_rate, self._resampler = open_mono_stream(
            "output", self._device, self.rate, self.device_rate, self._callback, self._finished)
        self.device_rate = dev_rate
        self._max = int(dev_rate * self._max / self.rate)

    def _finished(self) -> None:
        self._lost = True

    def _callback(self, outdata, frames, time, status) -> None:
        out = outdata[:, 0]
        filled = 0
        with self._lock:
            while filled < frames and self._buf:
                head = self._buf[0]
                take = min(len(head), frames - filled)
                out[filled:filled + take] = head[:take]
                filled += take
                if take == len(head):
                    self._buf.popleft()
                else:
                    self._buf[0] = head[take:]
            self._queued -= filled
        if filled < frames:
            out[filled:] = 0.0
            self.underruns += 1
        self.played_samples += filled

    def push(self, samples: np.ndarray, start_sample: int | None = None) -> None:
        if self._lost:
            raise SourceLost("the speaker or headphones went away (unplugged?)")
        samples = np.asarray(samples, np.float32)
        if self._resampler is not None:
            samples = self._resampler.process(samples)
        with self._lock:
            self._buf.append(samples)
            self._queued += len(samples)
            while self._queued > self._max and self._buf:  # keep latency bounded: drop the oldest
                self._queued -= len(self._buf.popleft())

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
        self._stream = None


def close_quietly(device: Any, what: str) -> None:
    """Close a sound device that may already be gone (unplugged, server restarted): a failure is
    logged (its type only) and never raised."""
    if device is None:
        return
    try:
        device.close()
    except Exception as exc:
        log.info("%s did not close cleanly (%s)", what, type(exc).__name__)
