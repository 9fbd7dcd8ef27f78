"""Live voice masking: the streaming, fail-closed masker the pipeline and the file masker use.

``VoiceMasker`` wraps one masking engine per preset (``recording.masking.vocoder``: the LPC
re-synthesis vocoder with normalised pitch; ``recording.masking.knn``: the envelope replaced by a
target voice's, one of several drawn per session), switches presets with a crossfade, keeps a
constant delay and fails closed.

Latency: ``latency_samples`` is constant for any block length and the same for every preset, so that
switching presets never shifts the timeline.  Preset ``"off"`` passes the input through **delayed by
the same** ``latency_samples``.  ``set_preset`` is thread-safe (applied at the next block) and
crossfades over 20 ms between the old and the new output.

What this protects against and what it does not: see docs/voice-masking.md.
"""

from __future__ import annotations

import os
import threading
import time

import numpy as np

from recording.masking.knn import EnvelopeMatcher, MatchConfig, default_targets
from recording.masking.vocoder import _ANA, FIR_Q, HOP, INNER_RATE, Engine, draw_params

PRESETS = ("off", "standard", "strong")
_XFADE_S = 0.020

#: How each preset matches the witness's frames to the target voice's (see recording.masking.knn).
#: ``standard``: the current frame and the past 20 ms only (no look-ahead: live-grade delay); half of
#: the output envelope (log domain) is the target's, half the witness's own, warped and normalised.
#: ``strong``: +-80 ms of context, 80 ms of look-ahead (16 hops) added to the delay; the output
#: envelope is the target voice's alone.  Both: the output's voicing (breathiness) is the selected target
#: frames', and frames 30 dB below the witness's running speech peak are silenced (room noise, echo).
MATCH = {
    "standard": MatchConfig(offsets=(-4, 0), weights=(0.6, 1.0), k=8, smooth=0.5, keep=0.5,
                            target_voicing=1.0, gate_db=30.0),
    "strong": MatchConfig(offsets=(-16, -8, -4, 0, 4, 8, 16), weights=(0.3, 0.5, 0.8, 1.0, 0.8, 0.5, 0.3),
                          k=8, smooth=0.5, target_voicing=1.0, gate_db=30.0),
}

#: Range of the session's random formant scale applied to the target voice's envelopes.
TARGET_WARP = (0.92, 1.09)


def preset_latency(preset: str, sample_rate: int) -> int:
    """A preset's algorithmic delay in samples at ``sample_rate`` (``off`` has standard's)."""
    r = sample_rate // INNER_RATE
    cfg = MATCH["standard" if preset == "off" else preset]
    return 2 * r * (HOP + (FIR_Q if r > 1 else 0)) + r * HOP * cfg.lookahead


class VoiceMasker:
    """Streaming voice masker: float32 mono blocks in, same-length float32 blocks out.

    ``latency_samples`` is the constant algorithmic delay at ``sample_rate``.  ``process`` accepts any
    block length.  ``set_preset`` may be called from another thread; it takes effect at the next
    block with a 20 ms crossfade.  ``process_safe`` is the fail-closed entry point for live use.
    """

    def __init__(self, preset: str = "standard", sample_rate: int = 48000, seed: int | None = None):
        if preset not in PRESETS:
            raise ValueError(f"unknown voice preset {preset!r}; expected one of {PRESETS}")
        if sample_rate <= 0 or sample_rate % INNER_RATE:
            raise ValueError(f"sample_rate must be a multiple of {INNER_RATE} Hz, got {sample_rate}")
        self.sample_rate = int(sample_rate)
        self._r = self.sample_rate // INNER_RATE
        self.latency_samples = preset_latency(preset, self.sample_rate)
        if seed is None:
            seed = int.from_bytes(os.urandom(16), "little")
        ss = np.random.SeedSequence(seed)
        prm_seed, self._noise_seed = ss.spawn(2)
        prm_rng = np.random.default_rng(prm_seed)
        self._params = {name: draw_params(name, prm_rng) for name in PRESETS if name != "off"}
        # the session's target voice (one of the shipped voices) and its formant scale, per preset
        self._target = {name: (float(prm_rng.random()), float(np.exp(prm_rng.uniform(*np.log(TARGET_WARP)))))
                        for name in PRESETS if name != "off"}
        self._noise_rng = np.random.default_rng(self._noise_seed)
        self._hist_len = (_ANA + 2 * HOP) * self._r + self.latency_samples
        self._hist = np.zeros(self._hist_len, dtype=np.float32)
        self._delay = np.zeros(self.latency_samples, dtype=np.float32)  # the "off" path
        self._xfade = int(round(_XFADE_S * self.sample_rate))
        self._lock = threading.Lock()
        self._pending: str | None = None
        self.preset = preset
        # fail-closed state
        self.failed = False
        self.overruns = 0
        self.last_error: str | None = None
        self._latched = False
        self._broken: str | None = None  # set when the target voice cannot be loaded: never unmasked
        self._engine: Engine | None = None
        try:
            self._engine = self._new_engine(preset) if preset != "off" else None
        except (OSError, ValueError) as exc:
            self._broken = f"voice target unavailable ({type(exc).__name__}: {exc})"
            self.failed, self._latched, self.last_error = True, True, self._broken
        self._last_engine: Engine | None = self._engine
        self._fade_from: Engine | str | None = None
        self._fade_pos = 0

    # -- configuration ---------------------------------------------------------------------------
    @property
    def target_f0(self) -> float | None:
        """The session's output mean pitch for the current preset (None when off).  Secret: log only
        in tests, never in reports."""
        return None if self.preset == "off" else self._params[self.preset].target_f0

    def set_preset(self, preset: str) -> None:
        if preset not in PRESETS:
            raise ValueError(f"unknown voice preset {preset!r}; expected one of {PRESETS}")
        with self._lock:
            self._pending = preset

    def _new_engine(self, preset: str) -> Engine:
        """The preset's engine, padded to this masker's latency when its own is shorter (a switch to a
        preset with a longer delay moves the timeline later by the difference)."""
        pad = max(0, self.latency_samples - preset_latency(preset, self.sample_rate))
        u, warp = self._target[preset]
        voice = min(int(u * len(default_targets())), len(default_targets()) - 1)
        return Engine(self._params[preset], self._r, self._noise_rng,
                      EnvelopeMatcher(MATCH[preset], voice=voice, warp=warp), pad)

    def _apply_pending(self) -> None:
        with self._lock:
            preset, self._pending = self._pending, None
        if preset is None or preset == self.preset:
            return
        old: Engine | str = self._engine if self._engine is not None else "off"
        if preset == "off":
            new_engine = None
        else:
            new_engine = self._new_engine(preset)
            if self._last_engine is not None:
                new_engine.adopt(self._last_engine)
            new_engine.process(self._hist)  # prime: aligned with the live stream from now on
            self._last_engine = new_engine
        self._engine = new_engine
        self.preset = preset
        self._fade_from = old
        self._fade_pos = 0

    # -- processing ------------------------------------------------------------------------------
    def _source(self, src: Engine | str | None, x: np.ndarray, delayed: np.ndarray) -> np.ndarray:
        if src is None or isinstance(src, str):
            return delayed
        return src.process(x)

    def process(self, block: np.ndarray) -> np.ndarray:
        if self._broken is not None:
            raise RuntimeError(self._broken)
        x = np.asarray(block, dtype=np.float32).reshape(-1)
        n = len(x)
        if self._pending is not None:
            self._apply_pending()
        if n == 0:
            return np.zeros(0, dtype=np.float32)
        # the delayed raw stream (the "off" output, and the crossfade partner)
        d = np.concatenate([self._delay, x])
        delayed, self._delay = d[:n], d[n:]
        h = np.concatenate([self._hist, x])
        self._hist = h[len(h) - self._hist_len:]
        y = self._source(self._engine, x, delayed)
        if self._fade_from is not None:
            z = self._source(self._fade_from, x, delayed)
            g = np.clip((self._fade_pos + np.arange(n) + 1) / self._xfade, 0.0, 1.0)
            y = g * y + (1 - g) * z
            self._fade_pos += n
            if self._fade_pos >= self._xfade:
                self._fade_from = None
        return np.clip(y, -1.0, 1.0).astype(np.float32)

    def process_safe(self, block: np.ndarray, deadline_s: float = 0.020) -> np.ndarray:
        """Fail closed: silence (zeros), never the raw block, if processing raised or overran.

        An exception latches the masker silent (its state is suspect) until ``reset()``; a deadline
        overrun silences that block only and counts in ``overruns``.  ``failed`` stays True until
        ``reset()`` so the caller can report it.
        """
        n = len(block)
        if self._latched:
            return np.zeros(n, dtype=np.float32)
        t0 = time.perf_counter()
        try:
            y = self.process(block)
            if len(y) != n or not np.all(np.isfinite(y)):
                raise RuntimeError("voice masker produced an invalid block")
        except Exception as exc:
            self.failed = True
            self._latched = True
            self.last_error = f"{type(exc).__name__}: {exc}"
            return np.zeros(n, dtype=np.float32)
        if time.perf_counter() - t0 > deadline_s:
            self.failed = True
            self.overruns += 1
            self.last_error = f"deadline {deadline_s * 1000:.1f} ms exceeded"
            return np.zeros(n, dtype=np.float32)
        return y

    def reset(self) -> None:
        """Clear the fail-closed state and restart the streams (speaker statistics are kept).  A masker
        whose target voice could not be loaded stays failed."""
        if self._broken is not None:
            return
        self.failed = False
        self._latched = False
        self.last_error = None
        self._delay[:] = 0
        self._hist[:] = 0
        self._fade_from = None
        if self.preset != "off":
            eng = self._new_engine(self.preset)
            if self._last_engine is not None:
                eng.adopt(self._last_engine)
            self._engine = self._last_engine = eng


