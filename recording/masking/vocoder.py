"""The masking vocoder: a streaming, many-to-one LPC re-synthesis engine at 16 kHz (numpy only).

Per 5 ms hop at 16 kHz (the 48 kHz pipeline is resampled by streaming polyphase FIR filters on the
way in and out):

1. **Analysis** of the recent input: LPC spectral envelope (lag-windowed), frame power, pitch and
   voicing (YIN on the last 40 ms).  Only these are kept; the waveform itself (the LPC residual:
   glottal pulse shape, jitter, shimmer, breathiness, phase) is *discarded*.
2. **Pitch normalisation (many-to-one)**: the speaker's running log-f0 mean and spread are tracked
   and the output pitch is ``target_f0 * exp(target_sigma * z)`` where ``z`` is the speaker's
   standardised pitch (clipped to +-2.5).
3. **Envelope**: warped and partly normalised (``Engine``), or replaced by another voice's envelope
   (``recording.masking.knn``, through the ``envelope`` hook).
4. **Re-synthesis**: a new excitation (band-limited pulses at the new pitch, mixed with noise by the
   voicing degree; continuous across hops) is shaped by the envelope (minimum-phase filter from the
   cepstrum) at the input's frame power, and overlap-added (hann, 50 %).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from recording.audio.dsp import Decimator, Interpolator, levinson, yin

#: Internal analysis / synthesis rate.
INNER_RATE = 16_000
HOP = 80  # 5 ms at 16 kHz
_WIN = 2 * HOP  # synthesis window (periodic hann, 50 % overlap: sums to exactly 1)
_NFFT = 1024
_NB = _NFFT // 2 + 1
NFFT, NB = _NFFT, _NB
_LPC_WIN = 320  # 20 ms analysis window, weighted toward the newest samples
_YIN_W = 320  # 20 ms integration window
_YIN_MAXLAG = 320
_ANA = _YIN_W + _YIN_MAXLAG  # 40 ms of history needed per frame
_TAU_MIN = INNER_RATE // 450  # f0 <= 450 Hz
_TAU_MAX = INNER_RATE // 60  # f0 >= 60 Hz
FIR_Q = 20  # polyphase FIR half-length per phase (taps = 2 * R * Q + 1)

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
class Params:
    target_f0: float  # Hz, the session's output mean pitch
    f0_sigma: float  # output log-f0 spread (natural log units)
    alpha_session: float  # random formant-scale factor
    beta: float  # strength of the centroid normalisation (0 none, 1 full)
    ltas_lambda: float  # strength of the long-term spectrum normalisation
    lpc_order: int
    lifter: int  # cepstral lifter length (envelope smoothing), in samples at 16 kHz


#: (logp, voiced, p_in, out_f0) -> the same four, the envelope replaced; may delay all four equally.
EnvelopeHook = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
                        tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]


def draw_params(preset: str, rng: np.random.Generator) -> Params:
    if preset == "standard":
        return Params(target_f0=float(np.exp(rng.uniform(np.log(125), np.log(175)))),
                       f0_sigma=float(rng.uniform(0.08, 0.12)),
                       alpha_session=float(np.exp(rng.uniform(np.log(0.90), np.log(1.12)))),
                       beta=0.6, ltas_lambda=0.5, lpc_order=16, lifter=60)
    if preset == "strong":
        return Params(target_f0=float(np.exp(rng.uniform(np.log(115), np.log(185)))),
                       f0_sigma=float(rng.uniform(0.04, 0.07)),
                       alpha_session=float(np.exp(rng.uniform(np.log(0.86), np.log(1.17)))),
                       beta=0.9, ltas_lambda=0.8, lpc_order=14, lifter=36)
    raise ValueError(f"no vocoder parameters for preset {preset!r}")


def analyse(full: np.ndarray, nf: int, order: int) -> tuple[np.ndarray, ...]:
    """The last ``nf`` hops of the 16 kHz stream ``full`` (which holds 40 ms more history): per frame
    the input power under the synthesis window, the LPC log-power envelope (``NB`` bins), the pitch
    (Hz), the voicing degree (0..1) and the envelope's log-frequency centroid."""
    # full[-1] is the newest sample; frame j ends at len(full) - (nf - 1 - j) * HOP
    ends = len(full) - (nf - 1 - np.arange(nf)) * HOP
    win = np.lib.stride_tricks.sliding_window_view(full, _ANA + 1)
    segs = win[ends - (_ANA + 1)]  # (nf, ANA + 1)
    seg = segs[:, 1:]
    # power of the input under this frame's synthesis window
    last = seg[:, -_WIN:]
    p_in = (last * last) @ _SYN_WIN / _SYN_WIN.sum()
    # LPC envelope
    pre = (segs[:, 1:] - _PRE * segs[:, :-1])[:, -_LPC_WIN:] * _LPC_W
    ps = np.abs(np.fft.rfft(pre, 2 * _LPC_WIN)) ** 2
    rr = np.fft.irfft(ps, 2 * _LPC_WIN)[:, : order + 1]
    lag = np.arange(order + 1)
    rr = rr * np.exp(-0.5 * (2 * np.pi * 60.0 * lag / INNER_RATE) ** 2)
    rr[:, 0] = rr[:, 0] * 1.0001 + 1e-12
    a = levinson(rr, order)
    logp = -np.log(np.maximum(np.abs(np.fft.rfft(a, _NFFT)) ** 2, 1e-12)) + _DEEMPH
    # pitch and voicing
    period, dmin = yin(seg, _YIN_W, _YIN_MAXLAG, _TAU_MIN, _TAU_MAX, _NFFT)
    f0 = INNER_RATE / period
    voiced = np.clip((0.45 - dmin) / 0.3, 0.0, 1.0) * (p_in > 1e-7)
    # envelope centroid in log frequency (sqrt power weights)
    wts = np.exp(0.5 * (logp[:, _BAND] - logp[:, _BAND].max(axis=1, keepdims=True)))
    cen = (wts @ _LOGF_BAND) / wts.sum(axis=1)
    return p_in, logp, f0, voiced, cen


class Engine:
    """The masking vocoder for one parameter set, at 16 kHz * r, with a constant output delay."""

    def __init__(self, params: Params, r: int, rng: np.random.Generator, envelope: EnvelopeHook | None = None,
                 pad: int = 0):
        self.p = params
        self.envelope = envelope
        self.r = r
        self.rng = rng
        self.dec = Decimator(r, FIR_Q) if r > 1 else None
        self.itp = Interpolator(r, FIR_Q) if r > 1 else None
        self.hist = np.zeros(_ANA + 1)  # 16 kHz input history (+1 for pre-emphasis)
        self.pending = np.zeros(0)  # 16 kHz input not yet consumed by a hop
        self.acc = np.zeros(_NFFT + _WIN)  # overlap-add accumulator; acc[0] = first unfinished sample
        self.out_q = [np.zeros(2 * HOP * r + pad)]  # constant fill so output never underruns (+ pad)
        self.out_len = 2 * HOP * r + pad
        # excitation stream (continuous across hops)
        self.phase = 0.0
        self.prev_pulses = np.zeros((0, 2))  # (time within previous hop, amplitude)
        self.prev_noise = np.zeros(HOP)
        # speaker trackers (carried over on preset switch)
        self.mu = math.log(150.0)
        self.var = 0.15**2
        self.n_voiced = 0.0
        self.centroid = _CENTROID_TARGET
        self.ltas = _LTAS_TARGET.copy()
        self.n_ltas = 0.0
        self.out_logf0 = math.log(params.target_f0)
        self.drop = HOP  # the first frame's window starts one hop before the stream: align to it

    def adopt(self, other: Engine) -> None:
        """Take over the speaker statistics of another engine (preset switch)."""
        self.mu, self.var, self.n_voiced = other.mu, other.var, other.n_voiced
        self.centroid, self.ltas, self.n_ltas = other.centroid, other.ltas.copy(), other.n_ltas
        mine, theirs = getattr(self.envelope, "adopt", None), other.envelope
        if mine is not None and theirs is not None and type(theirs) is type(self.envelope):
            mine(theirs)

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
        nf = len(buf) // HOP
        if nf == 0:
            self.pending = buf
            return np.zeros(0)
        used = nf * HOP
        self.pending = buf[used:]
        full = np.concatenate([self.hist, buf[:used]])
        self.hist = full[len(full) - (_ANA + 1):]
        out = self._frames(full, nf)
        if self.drop:
            k = min(self.drop, len(out))
            out, self.drop = out[k:], self.drop - k
        return out

    def _frames(self, full: np.ndarray, nf: int) -> np.ndarray:
        p_in, logp, f0, voiced, cen = analyse(full, nf, self.p.lpc_order)
        out_f0, alphas = self._pitch(f0, voiced, cen)
        if self.envelope is not None:  # the witness's envelope is replaced (and may be delayed)
            keep = float(getattr(getattr(self.envelope, "cfg", None), "keep", 0.0))
            own = self._warp(logp, alphas, voiced) if keep else None
            lw, voiced, p_in, out_f0 = self.envelope(logp, voiced, p_in, out_f0)
            if own is not None:  # (only without look-ahead, so the frames line up)
                lw = keep * own + (1.0 - keep) * lw
        else:
            lw = self._warp(logp, alphas, voiced)
        return self._synth(lw, p_in, voiced, out_f0)

    def _pitch(self, f0: np.ndarray, voiced: np.ndarray, cen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Track the speaker's pitch statistics; the normalised output pitch and warp per frame."""
        p = self.p
        nf = len(f0)
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
        return out_f0, alphas

    def _warp(self, logp: np.ndarray, alphas: np.ndarray, voiced: np.ndarray) -> np.ndarray:
        """The speaker's envelope, frequency-warped and its long-term colouring partly normalised."""
        p = self.p
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
        return lw - p.ltas_lambda * np.clip(diff, -2.8, 2.8)

    def _synth(self, lw: np.ndarray, p_in: np.ndarray, voiced: np.ndarray, out_f0: np.ndarray) -> np.ndarray:
        """Excitation at ``out_f0`` through the envelope ``lw`` at power ``p_in``; overlap-added."""
        p = self.p
        nf = len(lw)
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
            times = t0 + per * np.arange(max(0, math.ceil((HOP - t0) / per)))
            times = times[times < HOP]
            self.phase = (self.phase + HOP / per) % 1.0
            new_p = np.stack([times, np.full(len(times), math.sqrt(per))], axis=1)
            allp = np.concatenate([self.prev_pulses, new_p + [HOP, 0.0]])
            self.prev_pulses = new_p
            wt = 0.5 - 0.5 * np.cos(2 * np.pi * allp[:, 0] / _WIN)
            xp = (allp[:, 1] * wt) @ np.exp(np.outer(allp[:, 0], kf)) if len(allp) else 0.0
            noise = self.rng.standard_normal(HOP)
            xn = np.fft.rfft(np.concatenate([self.prev_noise, noise]) * _SYN_WIN, _NFFT)
            self.prev_noise = noise
            vf = voiced[j] * _VOICED_HIGH
            ex[j] = np.sqrt(vf) * xp + np.sqrt(1.0 - vf) * xn
        ysyn = np.fft.irfft(ex * hf, _NFFT)  # (nf, NFFT), frame j starts at its window start

        # overlap-add; acc[0] is the window start of the first frame of this call
        need = (nf - 1) * HOP + _NFFT
        if len(self.acc) < need:
            self.acc = np.concatenate([self.acc, np.zeros(need - len(self.acc))])
        for j in range(nf):
            self.acc[j * HOP: j * HOP + _NFFT] += ysyn[j]
        done = nf * HOP  # samples before the next frame's window start are final
        out = self.acc[:done].copy()
        self.acc = np.concatenate([self.acc[done:], np.zeros(done)])
        return out

