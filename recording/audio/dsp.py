"""Streaming DSP blocks used by the voice masker (numpy only, Qt-free).

* ``Decimator`` / ``Interpolator``: streaming polyphase FIR rate change by an integer factor, with a
  constant, known delay (the masker's fixed latency depends on it; scipy's resamplers are not
  streaming).
* ``levinson``: batched Levinson-Durbin recursion (autocorrelation -> LPC polynomial).
* ``yin``: batched YIN pitch estimator (period and aperiodicity per frame).
"""

from __future__ import annotations

import numpy as np


def kaiser_lowpass(r: int, half_taps: int) -> np.ndarray:
    """Linear-phase anti-alias / anti-image filter for a 1:r rate change.

    ``2 * r * half_taps + 1`` taps, cutoff 0.445 of the low rate's Nyquist band edge (7.12 kHz when the
    low rate is 16 kHz), Kaiser beta 7, unit DC gain.
    """
    n = 2 * r * half_taps + 1
    m = np.arange(n) - (n - 1) / 2
    fc = 0.445 / r  # cycles per sample at the high rate
    h = 2 * fc * np.sinc(2 * fc * m) * np.kaiser(n, 7.0)
    return h / h.sum()


class Decimator:
    """Streaming FIR low-pass + keep every r-th sample.  Delay: ``r * half_taps`` input samples."""

    def __init__(self, r: int, half_taps: int):
        self.r = r
        self.h = kaiser_lowpass(r, half_taps)[::-1].copy()
        self.buf = np.zeros(len(self.h) - 1)
        self.skip = 0  # input samples to skip before the next output (phase)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        buf = np.concatenate([self.buf, x])
        k = len(self.h)
        ends = np.arange(k - 1 + self.skip, len(buf), self.r)  # index of the newest sample per output
        if len(ends):
            win = np.lib.stride_tricks.sliding_window_view(buf, k)
            y = win[ends - (k - 1)] @ self.h
            self.skip = int(ends[-1] + self.r - len(buf))
        else:
            y = np.zeros(0)
            self.skip -= len(x)
        self.buf = buf[len(buf) - (k - 1):]
        return y


class Interpolator:
    """Streaming zero-stuff by r + FIR low-pass, polyphase.  Delay: ``r * half_taps`` output samples."""

    def __init__(self, r: int, half_taps: int):
        self.r = r
        h = kaiser_lowpass(r, half_taps) * r
        taps = -(-len(h) // r)
        hp = np.zeros(taps * r)
        hp[: len(h)] = h
        self.phases = hp.reshape(taps, r)[::-1].copy()  # (taps, r): row j reversed
        self.buf = np.zeros(taps - 1)

    def __call__(self, s: np.ndarray) -> np.ndarray:
        if not len(s):
            return np.zeros(0)
        buf = np.concatenate([self.buf, s])
        win = np.lib.stride_tricks.sliding_window_view(buf, self.phases.shape[0])
        y = (win @ self.phases).reshape(-1)
        self.buf = buf[len(buf) - (self.phases.shape[0] - 1):]
        return y


def levinson(r: np.ndarray, order: int) -> np.ndarray:
    """Batched Levinson-Durbin: r (F, order+1) autocorrelations -> a (F, order+1), a[:, 0] = 1."""
    f = r.shape[0]
    a = np.zeros((f, order + 1))
    a[:, 0] = 1.0
    err = r[:, 0].copy()
    for i in range(1, order + 1):
        acc = r[:, i] + np.einsum("fj,fj->f", a[:, 1:i], r[:, i - 1:0:-1])
        k = -acc / np.maximum(err, 1e-12)
        k = np.clip(k, -0.9999, 0.9999)
        a[:, 1:i] = a[:, 1:i] + k[:, None] * a[:, i - 1:0:-1]
        a[:, i] = k
        err = err * (1 - k * k)
    return a


def yin(seg: np.ndarray, win: int, max_lag: int, tau_min: int, tau_max: int,
        nfft: int) -> tuple[np.ndarray, np.ndarray]:
    """Batched YIN on (F, win + max_lag) segments: (period in samples, cmndf value at that period).

    The first ``tau`` below 0.15 (else the global minimum) in ``tau_min..tau_max``, refined to the
    local minimum within 24 lags and by parabolic interpolation.
    """
    f = seg.shape[0]
    xs = np.fft.rfft(seg, nfft)
    ys = np.fft.rfft(seg[:, :win], nfft)
    r = np.fft.irfft(xs * np.conj(ys), nfft)[:, : max_lag + 1]
    c = np.concatenate([np.zeros((f, 1)), np.cumsum(seg * seg, axis=1)], axis=1)
    tau = np.arange(max_lag + 1)
    e0 = c[:, win]
    et = c[:, tau + win] - c[:, tau]
    d = np.maximum(e0[:, None] + et - 2 * r, 0.0)
    cs = np.cumsum(d[:, 1:], axis=1)
    cm = np.ones_like(d)
    cm[:, 1:] = d[:, 1:] * tau[1:] / np.maximum(cs, 1e-12)
    rng = cm[:, tau_min:tau_max + 1]
    below = rng < 0.15
    first = np.where(below.any(axis=1), np.argmax(below, axis=1), np.argmin(rng, axis=1)) + tau_min
    idx = np.minimum(first[:, None] + np.arange(24), tau_max)
    vals = np.take_along_axis(cm, idx, axis=1)
    t = np.take_along_axis(idx, np.argmin(vals, axis=1)[:, None], axis=1)[:, 0]
    rows = np.arange(f)
    a, b, cc = cm[rows, t - 1], cm[rows, t], cm[rows, np.minimum(t + 1, max_lag)]
    den = a - 2 * b + cc
    shift = np.where(np.abs(den) > 1e-9, 0.5 * (a - cc) / np.where(np.abs(den) > 1e-9, den, 1), 0.0)
    return t + np.clip(shift, -1, 1), b
