"""Live voice masking: a streaming, many-to-one LPC re-synthesis vocoder (numpy only, Qt-free).

What it does, per 5 ms hop at 16 kHz internally (the 48 kHz pipeline is resampled by streaming
polyphase FIR filters on the way in and out):

1. **Analysis** of the recent input: LPC spectral envelope (order 14-16, lag-windowed), frame
   power, pitch and voicing (YIN on the last 40 ms).  Only the envelope, the power, the pitch and the
   voicing degree are kept; the waveform itself (the LPC residual: glottal pulse shape, jitter,
   shimmer, breathiness, phase) is *discarded*.
2. **Pitch normalisation (many-to-one)**: the speaker's running log-f0 mean and spread are tracked
   and the output pitch is ``target_f0 * exp(target_sigma * z)`` where ``z`` is the speaker's
   standardised pitch (clipped to +-2.5).  Every speaker's average pitch and range map onto the same
   session target; the intonation contour (``z``) is kept so speech stays natural.
3. **Vocal-tract normalisation**: the envelope's frequency axis is warped by ``alpha`` =
   (session random factor) x (partial correction of the speaker's long-term spectral centroid toward
   a canonical value), and the speaker's long-term spectral colouring (LTAS) is partly replaced by a
   canonical one.
4. **Re-synthesis**: a new excitation (band-limited pulses at the new pitch, mixed with noise by the
   voicing degree; continuous across hops) is shaped by the warped envelope (minimum-phase filter
   from the cepstrum) at the input's frame power, and overlap-added (hann, 50 %).

Per-session secret parameters (target pitch, pitch spread, warp factor, excitation noise) are drawn
from ``seed`` (``os.urandom`` when None) within a range around each preset's target, so two sessions
with the same preset sound different and the preset name does not give the inverse transform.

Latency: ``latency_samples`` = 2 * R * (hop + FIR half length) at ``sample_rate = 16000 * R``;
600 samples (12.5 ms) at 48 kHz, 160 (10 ms) at 16 kHz.  It is constant for any block length.
Preset ``"off"`` passes the input through **delayed by the same** ``latency_samples``, so switching
presets never shifts the timeline.  ``set_preset`` is thread-safe (applied at the next block) and
crossfades over 20 ms between the old and the new output.

What this protects against and what it does not: see docs/voice-masking.md.
"""

from __future__ import annotations

import math
import os
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PRESETS = ("off", "standard", "strong")

#: Internal analysis / synthesis rate.
INNER_RATE = 16_000
_HOP = 80  # 5 ms at 16 kHz
_WIN = 2 * _HOP  # synthesis window (periodic hann, 50 % overlap: sums to exactly 1)
_NFFT = 1024
_NB = _NFFT // 2 + 1
_LPC_WIN = 320  # 20 ms analysis window, weighted toward the newest samples
_YIN_W = 320  # 20 ms integration window
_YIN_MAXLAG = 320
_ANA = _YIN_W + _YIN_MAXLAG  # 40 ms of history needed per frame
_TAU_MIN = INNER_RATE // 450  # f0 <= 450 Hz
_TAU_MAX = INNER_RATE // 60  # f0 >= 60 Hz
_FIR_Q = 20  # polyphase FIR half-length per phase (taps = 2 * R * Q + 1)
_XFADE_S = 0.020

_FREQS = np.arange(_NB) * (INNER_RATE / _NFFT)
_SYN_WIN = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(_WIN) / _WIN)


def _lpc_window() -> np.ndarray:
    rise, fall = 240, _LPC_WIN - 240
    w = np.empty(_LPC_WIN)
    w[:rise] = 0.5 - 0.5 * np.cos(np.pi * np.arange(rise) / rise)
    w[rise:] = np.cos(0.5 * np.pi * np.arange(fall) / fall)
    return w


_LPC_W = _lpc_window()
_PRE = 0.9  # pre-emphasis for the LPC fit; removed again (floored below 100 Hz) from the envelope
_DEEMPH = -np.log(np.maximum(np.abs(1 - _PRE * np.exp(-2j * np.pi * _FREQS / INNER_RATE)) ** 2,
                             np.abs(1 - _PRE * np.exp(-2j * np.pi * 100 / INNER_RATE)) ** 2))
_BAND = (_FREQS >= 300) & (_FREQS <= 5000)
_LOGF_BAND = np.log(_FREQS[_BAND])
#: Canonical long-term log-frequency centroid of the envelope (sqrt-power weighted, 300-5000 Hz),
#: roughly midway between typical adult male and female voices (calibrated on espeak-ng voices and
#: the alsa-utils recordings).
_CENTROID_TARGET = math.log(1000.0)
#: Canonical long-term spectral shape (natural-log power): flat to 500 Hz, then -8 dB/octave.
_LTAS_TARGET = -np.log(10) * 0.8 * np.log2(np.maximum(_FREQS, 500) / 500)
#: Voicing: how much of the excitation above ~4 kHz stays harmonic in a fully voiced frame.
_VOICED_HIGH = np.clip(1.0 - (_FREQS - 3500) / 2500, 0.35, 1.0)


@dataclass(frozen=True, slots=True)
class _Params:
    target_f0: float  # Hz, the session's output mean pitch
    f0_sigma: float  # output log-f0 spread (natural log units)
    alpha_session: float  # random formant-scale factor
    beta: float  # strength of the centroid normalisation (0 none, 1 full)
    ltas_lambda: float  # strength of the long-term spectrum normalisation
    lpc_order: int
    lifter: int  # cepstral lifter length (envelope smoothing), in samples at 16 kHz


def _draw_params(preset: str, rng: np.random.Generator) -> _Params:
    if preset == "standard":
        return _Params(target_f0=float(np.exp(rng.uniform(np.log(125), np.log(175)))),
                       f0_sigma=float(rng.uniform(0.08, 0.12)),
                       alpha_session=float(np.exp(rng.uniform(np.log(0.90), np.log(1.12)))),
                       beta=0.6, ltas_lambda=0.5, lpc_order=16, lifter=60)
    if preset == "strong":
        return _Params(target_f0=float(np.exp(rng.uniform(np.log(115), np.log(185)))),
                       f0_sigma=float(rng.uniform(0.04, 0.07)),
                       alpha_session=float(np.exp(rng.uniform(np.log(0.86), np.log(1.17)))),
                       beta=0.9, ltas_lambda=0.8, lpc_order=14, lifter=36)
    raise ValueError(f"unknown voice preset {preset!r}; expected one of {PRESETS}")


def _kaiser_lowpass(r: int) -> np.ndarray:
    """Linear-phase anti-alias / anti-image filter for a 1:r rate change (cutoff ~7.1 kHz at 16 kHz)."""
    n = 2 * r * _FIR_Q + 1
    m = np.arange(n) - (n - 1) / 2
    fc = 0.445 / r  # cycles per sample at the high rate (7.12 kHz when r = 3)
    h = 2 * fc * np.sinc(2 * fc * m) * np.kaiser(n, 7.0)
    return h / h.sum()


class _Decimator:
    """Streaming FIR low-pass + keep every r-th sample."""

    def __init__(self, r: int):
        self.r = r
        self.h = _kaiser_lowpass(r)[::-1].copy()
        self.buf = np.zeros(len(self.h) - 1)
        self.skip = 0  # input samples to skip before the next output (phase)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        buf = np.concatenate([self.buf, x])
        k = len(self.h)
        ends = np.arange(k - 1 + self.skip, len(buf), self.r)  # index of the newest sample per output
        if len(ends):
            win = np.lib.stride_tricks.sliding_window_view(buf, k)
            y = win[ends - (k - 1)] @ self.h
            self.skip = ends[-1] + self.r - len(buf)
        else:
            y = np.zeros(0)
            self.skip -= len(x)
        self.buf = buf[len(buf) - (k - 1):]
        return y


class _Interpolator:
    """Streaming zero-stuff by r + FIR low-pass, polyphase."""

    def __init__(self, r: int):
        self.r = r
        h = _kaiser_lowpass(r) * r
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


def _levinson(r: np.ndarray, order: int) -> np.ndarray:
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


def _yin(seg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Batched YIN on (F, 640) segments: (period in samples, cmndf value at that period)."""
    f = seg.shape[0]
    xs = np.fft.rfft(seg, _NFFT)
    ys = np.fft.rfft(seg[:, :_YIN_W], _NFFT)
    r = np.fft.irfft(xs * np.conj(ys), _NFFT)[:, : _YIN_MAXLAG + 1]
    c = np.concatenate([np.zeros((f, 1)), np.cumsum(seg * seg, axis=1)], axis=1)
    tau = np.arange(_YIN_MAXLAG + 1)
    e0 = c[:, _YIN_W]
    et = c[:, tau + _YIN_W] - c[:, tau]
    d = np.maximum(e0[:, None] + et - 2 * r, 0.0)
    cs = np.cumsum(d[:, 1:], axis=1)
    cm = np.ones_like(d)
    cm[:, 1:] = d[:, 1:] * tau[1:] / np.maximum(cs, 1e-12)
    rng = cm[:, _TAU_MIN:_TAU_MAX + 1]
    below = rng < 0.15
    first = np.where(below.any(axis=1), np.argmax(below, axis=1), np.argmin(rng, axis=1)) + _TAU_MIN
    idx = np.minimum(first[:, None] + np.arange(24), _TAU_MAX)
    vals = np.take_along_axis(cm, idx, axis=1)
    t = np.take_along_axis(idx, np.argmin(vals, axis=1)[:, None], axis=1)[:, 0]
    rows = np.arange(f)
    a, b, cc = cm[rows, t - 1], cm[rows, t], cm[rows, np.minimum(t + 1, _YIN_MAXLAG)]
    den = a - 2 * b + cc
    shift = np.where(np.abs(den) > 1e-9, 0.5 * (a - cc) / np.where(np.abs(den) > 1e-9, den, 1), 0.0)
    return t + np.clip(shift, -1, 1), b


class _Engine:
    """The masking vocoder for one parameter set, at 16 kHz * r, with a constant output delay."""

    def __init__(self, params: _Params, r: int, rng: np.random.Generator):
        self.p = params
        self.r = r
        self.rng = rng
        self.dec = _Decimator(r) if r > 1 else None
        self.itp = _Interpolator(r) if r > 1 else None
        self.hist = np.zeros(_ANA + 1)  # 16 kHz input history (+1 for pre-emphasis)
        self.pending = np.zeros(0)  # 16 kHz input not yet consumed by a hop
        self.acc = np.zeros(_NFFT + _WIN)  # overlap-add accumulator; acc[0] = first unfinished sample
        self.out_q = [np.zeros(2 * _HOP * r)]  # constant fill so output never underruns
        self.out_len = 2 * _HOP * r
        # excitation stream (continuous across hops)
        self.phase = 0.0
        self.prev_pulses = np.zeros((0, 2))  # (time within previous hop, amplitude)
        self.prev_noise = np.zeros(_HOP)
        # speaker trackers (carried over on preset switch)
        self.mu = math.log(150.0)
        self.var = 0.15**2
        self.n_voiced = 0.0
        self.centroid = _CENTROID_TARGET
        self.ltas = _LTAS_TARGET.copy()
        self.n_ltas = 0.0
        self.out_logf0 = math.log(params.target_f0)
        self.drop = _HOP  # the first frame's window starts one hop before the stream: align to it

    def adopt(self, other: _Engine) -> None:
        """Take over the speaker statistics of another engine (preset switch)."""
        self.mu, self.var, self.n_voiced = other.mu, other.var, other.n_voiced
        self.centroid, self.ltas, self.n_ltas = other.centroid, other.ltas.copy(), other.n_ltas

    # -- streaming ---------------------------------------------------------------------------
    def process(self, x: np.ndarray) -> np.ndarray:
        n = len(x)
        y16 = self.dec(x) if self.dec is not None else x.astype(np.float64)
        s16 = self._inner(y16)
        out = self.itp(s16) if self.itp is not None else s16
        if len(out):
            self.out_q.append(out)
            self.out_len += len(out)
        q = np.concatenate(self.out_q) if len(self.out_q) > 1 else self.out_q[0]
        if len(q) < n:  # cannot happen with the fill above; fail loudly in tests rather than drift
            raise RuntimeError("voice masker output underrun")
        self.out_q = [q[n:]]
        self.out_len = len(q) - n
        return q[:n]

    def _inner(self, y: np.ndarray) -> np.ndarray:
        buf = np.concatenate([self.pending, y])
        nf = len(buf) // _HOP
        if nf == 0:
            self.pending = buf
            return np.zeros(0)
        used = nf * _HOP
        self.pending = buf[used:]
        full = np.concatenate([self.hist, buf[:used]])
        self.hist = full[len(full) - (_ANA + 1):]
        out = self._frames(full, nf)
        if self.drop:
            k = min(self.drop, len(out))
            out, self.drop = out[k:], self.drop - k
        return out

    def _frames(self, full: np.ndarray, nf: int) -> np.ndarray:
        p = self.p
        # full[-1] is the newest sample; frame j ends at len(full) - (nf - 1 - j) * HOP
        ends = len(full) - (nf - 1 - np.arange(nf)) * _HOP
        win = np.lib.stride_tricks.sliding_window_view(full, _ANA + 1)
        segs = win[ends - (_ANA + 1)]  # (nf, ANA + 1)
        seg = segs[:, 1:]
        # power of the input under this frame's synthesis window
        last = seg[:, -_WIN:]
        p_in = (last * last) @ _SYN_WIN / _SYN_WIN.sum()
        # LPC envelope
        pre = (segs[:, 1:] - _PRE * segs[:, :-1])[:, -_LPC_WIN:] * _LPC_W
        ps = np.abs(np.fft.rfft(pre, 2 * _LPC_WIN)) ** 2
        rr = np.fft.irfft(ps, 2 * _LPC_WIN)[:, : p.lpc_order + 1]
        lag = np.arange(p.lpc_order + 1)
        rr = rr * np.exp(-0.5 * (2 * np.pi * 60.0 * lag / INNER_RATE) ** 2)
        rr[:, 0] = rr[:, 0] * 1.0001 + 1e-12
        a = _levinson(rr, p.lpc_order)
        logp = -np.log(np.maximum(np.abs(np.fft.rfft(a, _NFFT)) ** 2, 1e-12)) + _DEEMPH
        # pitch and voicing
        period, dmin = _yin(seg)
        f0 = INNER_RATE / period
        voiced = np.clip((0.45 - dmin) / 0.3, 0.0, 1.0) * (p_in > 1e-7)
        # envelope centroid in log frequency (sqrt power weights)
        wts = np.exp(0.5 * (logp[:, _BAND] - logp[:, _BAND].max(axis=1, keepdims=True)))
        cen = (wts @ _LOGF_BAND) / wts.sum(axis=1)

        alphas = np.empty(nf)
        out_f0 = np.empty(nf)
        for j in range(nf):
            if voiced[j] > 0.5:
                lf = math.log(f0[j])
                if lf - self.mu > 0.55:  # octave error guard
                    lf -= math.log(2)
                elif lf - self.mu < -0.55:
                    lf += math.log(2)
                self.n_voiced += 1
                rate = max(1.0 / (self.n_voiced + 20), 1 / 600)
                d = lf - self.mu
                self.mu += rate * d
                self.var += max(1.0 / (self.n_voiced + 40), 1 / 600) * (d * d - self.var)
                self.centroid += rate * (cen[j] - self.centroid)
                z = float(np.clip(d / max(math.sqrt(self.var), 0.08), -2.5, 2.5))
                target = math.log(p.target_f0) + p.f0_sigma * z
                self.out_logf0 += 0.5 * (target - self.out_logf0)
            out_f0[j] = math.exp(self.out_logf0)
            corr = np.clip(_CENTROID_TARGET - self.centroid, math.log(0.82), math.log(1.22))
            alphas[j] = p.alpha_session * math.exp(p.beta * corr)

        # warp the envelope: P'(f) = P(f / alpha)
        src = np.minimum(np.arange(_NB)[None, :] / alphas[:, None], _NB - 1)
        i0 = np.minimum(src.astype(np.intp), _NB - 2)
        fr = src - i0
        lw = np.take_along_axis(logp, i0, 1) * (1 - fr) + np.take_along_axis(logp, i0 + 1, 1) * fr
        # long-term spectrum normalisation (speaker colouring -> canonical)
        vmask = voiced > 0.5
        if vmask.any():
            cur = lw[vmask].mean(axis=0)
            cur = cur - cur[_BAND].mean()
            self.n_ltas += vmask.sum()
            rate = max(vmask.sum() / (self.n_ltas + 40), vmask.sum() / 600)
            self.ltas += min(rate, 1.0) * (cur - self.ltas)
        diff = (self.ltas - self.ltas[_BAND].mean()) - (_LTAS_TARGET - _LTAS_TARGET[_BAND].mean())
        lw = lw - p.ltas_lambda * np.clip(diff, -2.8, 2.8)
        # gain: unit-power excitation through H gives the input frame power
        pw = np.exp(lw - lw.max(axis=1, keepdims=True))
        meanp = (pw[:, 0] + pw[:, -1] + 2 * pw[:, 1:-1].sum(axis=1)) / _NFFT
        logmag = 0.5 * (lw - lw.max(axis=1, keepdims=True)) + 0.5 * np.log(
            np.maximum(p_in, 1e-14) / meanp)[:, None]
        # minimum-phase filter from the (liftered) real cepstrum
        c = np.fft.irfft(logmag, _NFFT)
        fold = np.zeros(_NFFT)
        fold[0] = 1.0
        fold[1:p.lifter] = 2.0
        taper = 8
        fold[p.lifter:p.lifter + taper] = 2.0 * (0.5 + 0.5 * np.cos(np.pi * (np.arange(taper) + 1) / (taper + 1)))
        hf = np.exp(np.fft.rfft(c * fold, _NFFT))

        # excitation: pulses (band-limited, fractional positions) + noise, continuous across hops
        ex = np.empty((nf, _NB), dtype=complex)
        kf = -2j * np.pi * np.arange(_NB) / _NFFT
        for j in range(nf):
            per = INNER_RATE / out_f0[j]
            t0 = (1.0 - self.phase) * per
            times = t0 + per * np.arange(max(0, math.ceil((_HOP - t0) / per)))
            times = times[times < _HOP]
            self.phase = (self.phase + _HOP / per) % 1.0
            new_p = np.stack([times, np.full(len(times), math.sqrt(per))], axis=1)
            allp = np.concatenate([self.prev_pulses, new_p + [_HOP, 0.0]])
            self.prev_pulses = new_p
            wt = 0.5 - 0.5 * np.cos(2 * np.pi * allp[:, 0] / _WIN)
            xp = (allp[:, 1] * wt) @ np.exp(np.outer(allp[:, 0], kf)) if len(allp) else 0.0
            noise = self.rng.standard_normal(_HOP)
            xn = np.fft.rfft(np.concatenate([self.prev_noise, noise]) * _SYN_WIN, _NFFT)
            self.prev_noise = noise
            vf = voiced[j] * _VOICED_HIGH
            ex[j] = np.sqrt(vf) * xp + np.sqrt(1.0 - vf) * xn
        ysyn = np.fft.irfft(ex * hf, _NFFT)  # (nf, NFFT), frame j starts at its window start

        # overlap-add; acc[0] is the window start of the first frame of this call
        need = (nf - 1) * _HOP + _NFFT
        if len(self.acc) < need:
            self.acc = np.concatenate([self.acc, np.zeros(need - len(self.acc))])
        for j in range(nf):
            self.acc[j * _HOP: j * _HOP + _NFFT] += ysyn[j]
        done = nf * _HOP  # samples before the next frame's window start are final
        out = self.acc[:done].copy()
        self.acc = np.concatenate([self.acc[done:], np.zeros(done)])
        return out


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
        self.latency_samples = 2 * self._r * (_HOP + (_FIR_Q if self._r > 1 else 0))
        if seed is None:
            seed = int.from_bytes(os.urandom(16), "little")
        ss = np.random.SeedSequence(seed)
        prm_seed, self._noise_seed = ss.spawn(2)
        prm_rng = np.random.default_rng(prm_seed)
        self._params = {name: _draw_params(name, prm_rng) for name in PRESETS if name != "off"}
        self._noise_rng = np.random.default_rng(self._noise_seed)
        self._hist_len = (_ANA + 2 * _HOP) * self._r + self.latency_samples
        self._hist = np.zeros(self._hist_len, dtype=np.float32)
        self._delay = np.zeros(self.latency_samples, dtype=np.float32)  # the "off" path
        self._xfade = int(round(_XFADE_S * self.sample_rate))
        self._lock = threading.Lock()
        self._pending: str | None = None
        self.preset = preset
        self._engine: _Engine | None = self._new_engine(preset) if preset != "off" else None
        self._last_engine: _Engine | None = self._engine
        self._fade_from: _Engine | str | None = None
        self._fade_pos = 0
        # fail-closed state
        self.failed = False
        self.overruns = 0
        self.last_error: str | None = None
        self._latched = False

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

    def _new_engine(self, preset: str) -> _Engine:
        return _Engine(self._params[preset], self._r, self._noise_rng)

    def _apply_pending(self) -> None:
        with self._lock:
            preset, self._pending = self._pending, None
        if preset is None or preset == self.preset:
            return
        old: _Engine | str = self._engine if self._engine is not None else "off"
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
    def _source(self, src: _Engine | str | None, x: np.ndarray, delayed: np.ndarray) -> np.ndarray:
        if src is None or isinstance(src, str):
            return delayed
        return src.process(x)

    def process(self, block: np.ndarray) -> np.ndarray:
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
        except Exception as exc:  # noqa: BLE001 - fail closed on anything
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
        """Clear the fail-closed state and restart the streams (speaker statistics are kept)."""
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


# -- files ----------------------------------------------------------------------------------------

_CHUNK_S = 0.5


def _read_audio(path: Path) -> tuple[np.ndarray, int]:
    """Mono float32 samples and rate from WAV (PCM via ``wave``) or anything PyAV decodes."""
    try:
        with wave.open(str(path), "rb") as w:
            ch, width, rate, n = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
            raw = w.readframes(n)
        if width == 1:
            x = (np.frombuffer(raw, np.uint8).astype(np.float32) - 128) / 128
        elif width == 2:
            x = np.frombuffer(raw, "<i2").astype(np.float32) / 32768
        elif width == 3:
            b = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int32)
            v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
            x = (np.where(v >= 1 << 23, v - (1 << 24), v)).astype(np.float32) / (1 << 23)
        elif width == 4:
            x = np.frombuffer(raw, "<i4").astype(np.float32) / 2**31
        else:
            raise wave.Error(f"unsupported sample width {width}")
        return x.reshape(-1, ch).mean(axis=1).astype(np.float32), rate
    except (wave.Error, EOFError):
        pass  # float WAV, FLAC, ...: PyAV
    import av

    parts: list[np.ndarray] = []
    with av.open(str(path)) as c:
        if not c.streams.audio:
            raise ValueError(f"{path}: no audio stream")
        st = c.streams.audio[0]
        rate = st.rate or st.codec_context.sample_rate
        for frame in c.decode(st):
            a = frame.to_ndarray()
            nch = len(frame.layout.channels)
            a = a.reshape(nch, -1).T if frame.format.is_planar else a.reshape(-1, nch)
            kind = a.dtype.kind
            a = a.astype(np.float32)
            if kind in "iu":
                bits = frame.format.bytes * 8
                a = (a - (2 ** (bits - 1) if kind == "u" else 0)) / 2 ** (bits - 1)
            parts.append(a.mean(axis=1))
    x = np.concatenate(parts) if parts else np.zeros(0, np.float32)
    return x.astype(np.float32), int(rate)


def _resample_linear(x: np.ndarray, src: int, dst: int, n_out: int | None = None) -> np.ndarray:
    n_out = int(round(len(x) * dst / src)) if n_out is None else n_out
    t = np.arange(n_out) * (src / dst)
    return np.interp(t, np.arange(len(x)), x).astype(np.float32) if len(x) else np.zeros(n_out, np.float32)


def _write_audio(path: Path, tmp: Path, y: np.ndarray, rate: int) -> None:
    pcm = np.round(np.clip(y, -1.0, 1.0) * 32767).astype("<i2")
    suffix = path.suffix.lower()
    if suffix == ".wav":
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(pcm.tobytes())
        return
    if suffix != ".flac":
        raise ValueError(f"unsupported audio output {path.name!r}: use .wav or .flac")
    import av

    with av.open(str(tmp), "w", format="flac") as c:
        st = c.add_stream("flac", rate=rate)
        st.layout = "mono"
        step = 4096
        for i in range(0, len(pcm), step):
            fr = av.AudioFrame.from_ndarray(pcm[None, i:i + step], format="s16", layout="mono")
            fr.sample_rate = rate
            for pkt in st.encode(fr):
                c.mux(pkt)
        for pkt in st.encode(None):
            c.mux(pkt)


def mask_audio_file(input_path, output_path, preset: str, seed: int | None = None) -> dict:
    """Mask the voice in a WAV/FLAC file; mono output at the same rate and exactly the same length.

    The latency is compensated (first ``latency_samples`` dropped, zeros flushed at the end).  Rates
    that are not a multiple of 16 kHz are converted to 48 kHz and back by linear interpolation.
    The output is written to ``output + ".partial"`` and renamed when complete.
    """
    src, dst = Path(input_path), Path(output_path)
    if preset not in PRESETS:
        raise ValueError(f"unknown voice preset {preset!r}; expected one of {PRESETS}")
    if dst.suffix.lower() not in (".wav", ".flac"):
        raise ValueError(f"unsupported audio output {dst.name!r}: use .wav or .flac")
    t0 = time.process_time()
    x, rate = _read_audio(src)
    n = len(x)
    work_rate = rate if rate % INNER_RATE == 0 else 48_000
    xw = x if work_rate == rate else _resample_linear(x, rate, work_rate)
    m = VoiceMasker(preset, work_rate, seed)
    lat = m.latency_samples
    padded = np.concatenate([xw, np.zeros(lat, np.float32)])
    step = int(_CHUNK_S * work_rate) // 960 * 960 or 960
    out = np.empty(len(padded), np.float32)
    for i in range(0, len(padded), step):
        out[i:i + step] = m.process(padded[i:i + step])
    yw = out[lat:lat + len(xw)]
    y = yw if work_rate == rate else _resample_linear(yw, work_rate, rate, n)
    tmp = dst.with_name(dst.name + ".partial")
    try:
        _write_audio(dst, tmp, y, rate)
        os.replace(tmp, dst)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    cpu = time.process_time() - t0
    dur = n / rate if rate else 0.0
    return {
        "input": str(src), "output": str(dst), "preset": preset, "sample_rate": rate,
        "samples": n, "duration_s": round(dur, 3), "latency_samples_compensated": lat,
        "cpu_s": round(cpu, 3), "rtf": round(cpu / dur, 4) if dur else None,
    }
