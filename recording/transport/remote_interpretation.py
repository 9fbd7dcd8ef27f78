"""A remote interpreter's channel as a source of the witness pipeline.

With ``remote_channels`` the witness's offer asks for one audio slot per language
(``"receive": {mid: "witness/audio/<lang>"}``); the court relays the remote interpreter's channel on it
while one is connected.  :class:`RemoteInterpretation` is the pipeline's source for that language
channel: the forwarded channel while it flows, the local source (e.g. the demo interpreter)
otherwise — so the witness's listening channel (their language over the floor at −14 dB,
:class:`recording.audio.mixer.ListenerMix`) plays the remote interpreter.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np

from recording.model import AUDIO_RATE


class RemoteInterpretation:
    """An audio source (``read(n)`` → float32 mono at 48 kHz) for one language channel of the witness
    pipeline: the remote interpreter's channel as the court forwards it while it flows (``push`` from
    the link, a small jitter buffer), else ``fallback`` (the local interpreter source, read all the
    time so it never lags).  ``remote`` says which one is heard now."""

    def __init__(self, language: str, fallback: Any, hold: float = 0.5, prebuffer: float = 0.04,
                 max_buffer: float = 0.3) -> None:
        self.language = language
        self.fallback = fallback
        self.name = f"{language} interpreter (remote when connected)"
        self.rate = AUDIO_RATE
        self.live = bool(getattr(fallback, "live", False))
        self._hold = hold
        self._prebuffer = int(prebuffer * AUDIO_RATE)
        self._max = int(max_buffer * AUDIO_RATE)
        self._buf = np.zeros(0, np.float32)
        self._lock = threading.Lock()
        self._last_push: float | None = None
        self._primed = False
        self.blocks_received = 0
        self.remote_samples_read = 0
        self.underruns = 0

    def open(self) -> None:
        self.fallback.open()

    def close(self) -> None:
        self.fallback.close()

    def push(self, samples: np.ndarray) -> None:  # the link's loop
        with self._lock:
            self._buf = np.concatenate([self._buf, np.asarray(samples, np.float32).reshape(-1)])[-self._max:]
            self._last_push = time.monotonic()
            self.blocks_received += 1
            if len(self._buf) >= self._prebuffer:
                self._primed = True

    @property
    def remote(self) -> bool:
        with self._lock:
            return self._active(time.monotonic())

    def _active(self, now: float) -> bool:
        if self._last_push is None or now - self._last_push > self._hold:
            self._primed = False
            self._buf = self._buf[:0]
            return False
        return self._primed

    def read(self, n: int) -> np.ndarray:  # the pipeline's thread
        local = np.asarray(self.fallback.read(n), np.float32)
        with self._lock:
            if not self._active(time.monotonic()):
                return local
            out = np.zeros(n, np.float32)
            k = min(n, len(self._buf))
            out[:k] = self._buf[:k]
            self._buf = self._buf[k:]
            if k < n:
                self.underruns += 1
            self.remote_samples_read += n
            return out
