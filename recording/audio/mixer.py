"""Interpretation channels and listener mixes (after Zoom/Webex interpretation).

Channels are the floor (the court room, the witness's voice as that audience may hear it) and one
channel per interpretation language.  Each listener picks a channel: ``None``/"floor" gives the floor
alone; a language gives that interpretation with the floor underneath at ``floor_db`` (default −14 dB),
so the tone of the original voice is still there.  Interpreters can hand over without a gap
(:class:`InterpreterDesk`), and relay (take another language channel as their source).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from recording.model import AUDIO_RATE, Audience, Decision

FLOOR = "floor"
DEFAULT_FLOOR_DB = -14.0


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def mix(floor: np.ndarray, interpretation: np.ndarray | None, floor_db: float = DEFAULT_FLOOR_DB) -> np.ndarray:
    """The listener's signal: the interpretation over the floor at ``floor_db``, soft-limited."""
    if interpretation is None:
        return floor.astype(np.float32, copy=True)
    out = interpretation + db_to_gain(floor_db) * floor
    peak = float(np.max(np.abs(out))) if len(out) else 0.0
    if peak > 1.0:
        out = out / peak
    return out.astype(np.float32)


class ListenerMix:
    """A pipeline consumer producing one listener's mix for ``audience``.

    The pipeline emits each 20 ms block channel by channel (the floor first, then each language) with
    the same ``start_sample``; this collects a block's channels and calls ``sink(mix, start_sample)``
    once all of them arrived.  ``choose`` switches channel at the next block (thread-safe)."""

    def __init__(self, audience: Audience, channels: list[str], sink: Callable[[np.ndarray, int], None],
                 channel: str | None = None, floor_db: float = DEFAULT_FLOOR_DB) -> None:
        self.audience = audience
        self.channels = list(channels)
        self._sink = sink
        self._choice = channel if channel in self.channels else FLOOR
        self.floor_db = floor_db
        self._pending: dict[int, dict[str, np.ndarray]] = {}
        self._lock = threading.Lock()

    @property
    def channel(self) -> str:
        return self._choice

    def choose(self, channel: str | None) -> None:
        with self._lock:
            self._choice = channel if channel in self.channels else FLOOR

    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float, decision: Decision) -> None:
        pass

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        if audience is not self.audience or channel not in self.channels:
            return
        with self._lock:
            block = self._pending.setdefault(start_sample, {})
            block[channel] = samples
            if len(block) < len(self.channels):
                return
            del self._pending[start_sample]
            for stale in [k for k in self._pending if k < start_sample]:
                del self._pending[stale]  # a channel that never came: drop, never stall
            choice, floor_db = self._choice, self.floor_db
        interp = None if choice == FLOOR else block[choice]
        self._sink(mix(block[FLOOR], interp, floor_db), start_sample)


class InterpreterDesk:
    """One language channel fed by one of several interpreters' microphones.

    ``hand_over(to)`` switches the live interpreter with a short equal-power crossfade, so the channel
    never has a gap.  ``relay_from`` names the channel the interpreter listens to (the floor, or another
    language for relay interpreting), for the interpreter's own headphones."""

    def __init__(self, language: str, interpreters: dict[str, Callable[[int], np.ndarray]],
                 active: str | None = None, relay_from: str = FLOOR, crossfade_ms: float = 60.0) -> None:
        if not interpreters:
            raise ValueError("an interpreter desk needs at least one interpreter")
        self.language = language
        self._inputs = dict(interpreters)
        self.active = active or next(iter(self._inputs))
        self.relay_from = relay_from
        self._fade_len = int(AUDIO_RATE * crossfade_ms / 1000)
        self._fading_from: str | None = None
        self._fade_pos = 0

    def hand_over(self, to: str) -> None:
        if to not in self._inputs:
            raise KeyError(f"no interpreter '{to}' at the {self.language} desk")
        if to != self.active:
            self._fading_from, self.active, self._fade_pos = self.active, to, 0

    def read(self, n: int) -> np.ndarray:
        """The channel's next ``n`` samples (every interpreter's microphone is read, so none lags)."""
        blocks = {name: read(n) for name, read in self._inputs.items()}
        out = blocks[self.active].astype(np.float32)
        if self._fading_from is not None:
            pos = self._fade_pos + np.arange(n)
            t = np.clip(pos / max(1, self._fade_len), 0.0, 1.0)
            out = np.sqrt(t) * out + np.sqrt(1.0 - t) * blocks[self._fading_from]
            self._fade_pos += n
            if self._fade_pos >= self._fade_len:
                self._fading_from = None
        return out.astype(np.float32)
