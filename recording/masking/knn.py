"""Envelope replacement: each output frame's spectral envelope is taken from a target voice.

kNN frame selection with classical features (after kNN-VC, Baas et al. 2023, with MFCCs in place of
WavLM features).  Per 5 ms frame of the witness:

1. **Features**: MFCCs of the LPC envelope (24 mel bands, c0..c15) and the voicing degree.
2. **Speaker normalisation**: the witness's running mean and spread of every coefficient (speech
   frames only, estimated online) are removed, so what is matched is *how the envelope moves*
   relative to the speaker's own average, not where the speaker's formants sit.  The target voice's
   frames were normalised the same way by their own statistics when the resource was made.
3. **Context**: the normalised features of neighbouring frames are stacked (past only for
   ``standard``; past and future for ``strong``, which costs its look-ahead in delay).
4. **Selection**: the ``k`` nearest target frames (euclidean) are found and their envelopes
   (log-power cepstra of the *target's* LPC envelope) averaged.  The witness's own envelope is never
   used for the output: only the choice of target frames depends on it.

The target voices are a resource (``resources/voice/target-v2.npz``: five espeak-ng voices, made offline
by ``scripts/make_voice_target.py``; nothing runs espeak at run time); the masker draws one per session,
with a formant scale, so that two sessions of one witness do not share an output voice.  Format: see
docs/voice-masking.md ("Target voice resource").
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from recording.masking.vocoder import INNER_RATE, NB, NFFT

TARGET_FORMAT = "ts-voice-target/2"  # several voices in one file
TARGET_FORMAT_1 = "ts-voice-target/1"  # one voice (still read)
TARGET_FILE = "target-v2.npz"
MAX_VOICES = 32
N_MEL = 24
N_MFCC = 16  # c0..c15
N_CEP = 32  # envelope cepstrum kept per candidate target frame (c0..c31)
SPEECH_DB = 35.0  # frames within this many dB of the running speech peak count as speech


def _mel_matrix() -> np.ndarray:
    freqs = np.arange(NB) * (INNER_RATE / NFFT)
    mel = lambda f: 2595 * np.log10(1 + f / 700)  # noqa: E731
    edges = 700 * (10 ** (np.linspace(mel(90.0), mel(7000.0), N_MEL + 2) / 2595) - 1)
    m = np.zeros((N_MEL, NB))
    for i in range(N_MEL):
        lo, c, hi = edges[i], edges[i + 1], edges[i + 2]
        m[i] = np.clip(np.minimum((freqs - lo) / (c - lo), (hi - freqs) / (hi - c)), 0, None)
    return m / m.sum(axis=1, keepdims=True)


_MEL = _mel_matrix()
_DCT = np.cos(np.pi / N_MEL * (np.arange(N_MEL)[None, :] + 0.5) * np.arange(N_MFCC)[:, None]).T  # (MEL, MFCC)
#: log-power envelope (NB bins) <-> cepstrum c0..c(N_CEP-1): logp ~= cep @ _CEP_BASIS
_CEP_BASIS = np.cos(2 * np.pi * np.outer(np.arange(N_CEP), np.arange(NB)) / NFFT)
_CEP_BASIS[1:] *= 2.0


def mfcc(logp: np.ndarray) -> np.ndarray:
    """(F, NB) natural-log power envelopes -> (F, N_MFCC) MFCCs (c0 first)."""
    mel = np.log(np.maximum(np.exp(logp - logp.max(axis=1, keepdims=True)) @ _MEL.T, 1e-10))
    mel = mel + logp.max(axis=1, keepdims=True)
    return mel @ _DCT


def envelope_cepstrum(logp: np.ndarray) -> np.ndarray:
    """(F, NB) log-power envelopes -> (F, N_CEP) real cepstra."""
    return np.fft.irfft(logp, NFFT)[:, :N_CEP]


def frame_vector(feat: np.ndarray, voiced: np.ndarray, voicing_weight: float) -> np.ndarray:
    """Normalised MFCCs (c0 halved) + the weighted voicing degree: the per-frame matching vector."""
    v = feat.copy()
    v[:, 0] *= 0.5
    return np.concatenate([v, voicing_weight * voiced[:, None]], axis=1)


@dataclass(frozen=True, slots=True)
class MatchConfig:
    """How frames are matched: context offsets (in 5 ms hops, >0 = future) with weights, k, smoothing."""

    offsets: tuple[int, ...]
    weights: tuple[float, ...]
    k: int
    smooth: float  # one-pole smoothing of the output cepstrum (0 = none)
    voicing_weight: float = 1.5
    #: share (log domain) of the witness's own envelope, warped and normalised, mixed back in for
    #: intelligibility; 0 = the output envelope is the target voice's alone.  Needs no look-ahead.
    keep: float = 0.0
    #: share of the output voicing degree taken from the selected target frames (the rest is the
    #: witness's): how breathy the output is becomes the target voice's, not the witness's or his room's
    target_voicing: float = 0.0
    #: frames more than this many dB below the witness's running speech peak are silenced (the
    #: room's noise floor and reverberation tails do not reach the output); 0 = off
    gate_db: float = 0.0

    def __post_init__(self) -> None:
        if self.keep and self.lookahead:
            raise ValueError("keep > 0 needs a configuration without look-ahead")

    @property
    def lookahead(self) -> int:
        return max(0, *self.offsets)

    @property
    def history(self) -> int:
        return max(0, *(-o for o in self.offsets))


@dataclass(frozen=True)
class TargetVoice:
    """The target voice's frames: normalised MFCCs and voicing of every hop (for context), and the
    candidate frames for selection with their envelope cepstra."""

    feat: np.ndarray  # (N, N_MFCC) float32, normalised by the target's own speech statistics
    voiced: np.ndarray  # (N,) float32 0..1
    candidate: np.ndarray  # (C,) int: indices of the candidate frames (speech)
    cep: np.ndarray  # (C, N_CEP) float32: the candidates' envelope cepstra
    norm: np.ndarray  # (2, N_MFCC): the target's raw MFCC mean and standard deviation over speech
    name: str

    def stacked(self, cfg: MatchConfig) -> tuple[np.ndarray, np.ndarray]:
        """Matching vectors (C, D) of the candidate frames for ``cfg`` and their indices."""
        base = frame_vector(self.feat, self.voiced, cfg.voicing_weight)
        n = len(base)
        ok = (self.candidate - cfg.history >= 0) & (self.candidate + cfg.lookahead < n)
        idx = self.candidate[ok]
        parts = [w * base[idx + o] for o, w in zip(cfg.offsets, cfg.weights, strict=True)]
        return np.concatenate(parts, axis=1).astype(np.float32), np.flatnonzero(ok)


def _voice(z, key: str, name: str) -> TargetVoice:
    """One voice's arrays (``key`` = "" in format 1, "<i>_" in format 2), checked."""
    feat = np.asarray(z[key + "feat"], np.float32)
    voiced = np.asarray(z[key + "voiced"], np.float32)
    cep = np.asarray(z[key + "cep"], np.float32)
    cand = np.asarray(z[key + "candidate"], np.int64)
    norm = np.asarray(z[key + "norm"], np.float64)
    n = len(feat)
    c = len(cand)
    if (feat.shape != (n, N_MFCC) or voiced.shape != (n,) or cep.shape != (c, N_CEP) or cand.ndim != 1
            or c < 100 or cand.min() < 0 or cand.max() >= n or norm.shape != (2, N_MFCC)
            or not (norm[1] > 0).all()):
        raise ValueError("target voice resource has inconsistent shapes")
    if not all(np.isfinite(a).all() for a in (feat, cep, voiced, norm)):
        raise ValueError("target voice resource holds non-finite values")
    return TargetVoice(feat, voiced, cand, cep, norm, name)


def load_targets(data: bytes) -> tuple[TargetVoice, ...]:
    """Parse a target-voice resource (npz, no pickles): format 2 (several voices) or 1 (one voice).
    ValueError on anything malformed."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            fmt = str(z["format"])
            if fmt == TARGET_FORMAT_1:
                return (_voice(z, "", str(z["name"])),)
            if fmt != TARGET_FORMAT:
                raise ValueError(f"unsupported target voice format {fmt!r}")
            names = [str(n) for n in np.asarray(z["names"]).reshape(-1)]
            if not 1 <= len(names) <= MAX_VOICES:
                raise ValueError("target voice resource has inconsistent shapes")
            return tuple(_voice(z, f"{i}_", nm) for i, nm in enumerate(names))
    except (KeyError, OSError, EOFError) as exc:
        raise ValueError(f"target voice resource is malformed: {exc}") from exc


def load_target(data: bytes) -> TargetVoice:
    """The first voice of a target-voice resource."""
    return load_targets(data)[0]


N_CELLS = 64  # coarse cells of the target bank (k-means), searched before the exact comparison
N_PROBE = 4  # cells searched per query


def _cells(bank: np.ndarray, n: int, iters: int = 8) -> tuple[np.ndarray, list[np.ndarray]]:
    """Deterministic k-means of the bank: centroids (n, D) and the bank rows of each cell."""
    cent = bank[np.linspace(0, len(bank) - 1, n).astype(int)].copy()
    sq = np.einsum("ij,ij->i", bank, bank)
    for _ in range(iters):
        lab = np.argmin(sq[:, None] - 2 * bank @ cent.T + np.einsum("ij,ij->i", cent, cent)[None, :], axis=1)
        for c in range(n):
            rows = bank[lab == c]
            if len(rows):
                cent[c] = rows.mean(axis=0)
    lab = np.argmin(sq[:, None] - 2 * bank @ cent.T + np.einsum("ij,ij->i", cent, cent)[None, :], axis=1)
    members = [np.flatnonzero(lab == c) for c in range(n)]
    keep = [c for c in range(n) if len(members[c])]
    return cent[keep], [members[c] for c in keep]


def _build_index(tv: TargetVoice, cfg: MatchConfig) -> tuple:
    """The matching bank of a target for ``cfg``, its squared norms and cepstra, and its cells."""
    bank, idx = tv.stacked(cfg)
    cells, members = _cells(bank, N_CELLS)
    for a in (bank, cells):
        a.flags.writeable = False
    return (bank, np.einsum("ij,ij->i", bank, bank), tv.cep[idx], cells,
            np.einsum("ij,ij->i", cells, cells), members, tv.voiced[tv.candidate[idx]])


@lru_cache(maxsize=2 * MAX_VOICES)
def _search_index(cfg: MatchConfig, voice: int = 0) -> tuple:
    """The shipped target voice's index for ``cfg``, built once per process when first needed
    (read-only, shared by maskers)."""
    return _build_index(default_targets()[voice], cfg)


def target_path() -> Path:
    """The shipped resource, found without importing ``resources``' siblings (a plain data package)."""
    return Path(str(resources.files("resources") / "voice" / TARGET_FILE))


@lru_cache(maxsize=1)
def default_targets() -> tuple[TargetVoice, ...]:
    return load_targets(target_path().read_bytes())


def default_target() -> TargetVoice:
    return default_targets()[0]


class EnvelopeMatcher:
    """The vocoder's envelope hook: speaker-normalised kNN selection of target envelopes.

    Delays its output by ``cfg.lookahead`` frames (the vocoder's latency grows by that many hops).
    """

    def __init__(self, cfg: MatchConfig, target: TargetVoice | None = None, voice: int = 0, warp: float = 1.0):
        self.cfg = cfg
        tv = target if target is not None else default_targets()[voice]
        self.bank, self.bank_sq, self.bank_cep, self.cells, self.cell_sq, self.members, self.bank_voiced = (
            _search_index(cfg, voice) if target is None else _build_index(tv, cfg))
        # the session's formant scale of the target voice: P'(f) = P(f / warp)
        src = np.minimum(np.arange(NB) / warp, NB - 1)
        self._w0 = np.minimum(src.astype(np.intp), NB - 2)
        self._wf = src - self._w0
        self._warp = warp != 1.0
        # speaker statistics: start at the target's (identity until the witness has spoken); the
        # spread is floored at 0.3 of the target's so that a steady sound is not blown up into noise
        self.mean = tv.norm[0].copy()
        self.var = tv.norm[1] ** 2
        self.var_floor = (0.3 * tv.norm[1]) ** 2
        self.n = 0.0
        self.peak_db = -60.0
        self.dims = N_MFCC + 1
        self.span = cfg.history + cfg.lookahead + 1
        self.ctx = np.zeros((self.span - 1, self.dims))  # the last span-1 normalised vectors, oldest first
        la = cfg.lookahead
        self.q_voiced = np.zeros(la)
        self.q_pin = np.zeros(la)
        self.q_f0 = np.full(la, 150.0)
        self.prev_cep: np.ndarray | None = None

    def adopt(self, other: EnvelopeMatcher) -> None:
        self.mean, self.var, self.n, self.peak_db = other.mean.copy(), other.var.copy(), other.n, other.peak_db

    def _normalise(self, feat: np.ndarray, p_in: np.ndarray) -> np.ndarray:
        db = 10 * np.log10(np.maximum(p_in, 1e-12))
        out = np.empty_like(feat)
        self._peaks = np.empty(len(feat))
        for j in range(len(feat)):
            self.peak_db = max(self.peak_db - 0.02, db[j])  # slowly decaying speech peak (4 dB/s)
            self._peaks[j] = self.peak_db
            if db[j] > self.peak_db - SPEECH_DB and db[j] > -75:
                self.n += 1
                rate = max(1.0 / (self.n + 50), 1 / 3000)
                d = feat[j] - self.mean
                self.mean += rate * d
                self.var += rate * (d * d - self.var)
            out[j] = (feat[j] - self.mean) / np.sqrt(np.maximum(self.var, self.var_floor))
        return out

    def __call__(self, logp: np.ndarray, voiced: np.ndarray, p_in: np.ndarray,
                 out_f0: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        cfg = self.cfg
        nf = len(logp)
        vec = frame_vector(self._normalise(mfcc(logp), p_in), voiced, cfg.voicing_weight)
        ctx = np.concatenate([self.ctx, vec])  # window i = rows i..i+span-1, newest = analysis frame i
        self.ctx = ctx[nf:]
        rows = np.arange(nf)[:, None] + cfg.history + np.asarray(cfg.offsets)[None, :]
        q = ctx[rows].reshape(nf, -1)  # the output frame is row i + history (lookahead frames older)
        wvec = np.repeat(np.asarray(cfg.weights), self.dims)
        q = (q * wvec).astype(np.float32)
        # two-stage search: the bank frames of the cells nearest any of this call's queries, then exact
        dc = self.cell_sq[None, :] - 2 * np.einsum("qd,cd->qc", q, self.cells)
        near = np.unique(np.argpartition(dc, N_PROBE, axis=1)[:, :N_PROBE])
        cand = np.concatenate([self.members[c] for c in near])
        k = min(cfg.k, len(cand) - 1)
        # einsum, not BLAS: a multi-threaded GEMM would spin every core for a few microseconds of work
        d = self.bank_sq[cand][None, :] - 2 * np.einsum("qd,cd->qc", q, self.bank[cand])
        nn = cand[np.argpartition(d, k, axis=1)[:, :k]]
        cep = self.bank_cep[nn].mean(axis=1)
        if cfg.gate_db:  # (p_in is still the newest frames', like the peaks)
            db = 10 * np.log10(np.maximum(p_in, 1e-12))
            p_in = np.where(db < self._peaks - cfg.gate_db, 0.0, p_in)
        if cfg.smooth:
            for j in range(nf):
                if self.prev_cep is not None:
                    cep[j] = cfg.smooth * self.prev_cep + (1 - cfg.smooth) * cep[j]
                self.prev_cep = cep[j]
        lw = cep @ _CEP_BASIS
        if self._warp:
            lw = lw[:, self._w0] * (1 - self._wf) + lw[:, self._w0 + 1] * self._wf
        la = cfg.lookahead
        if la:
            v = np.concatenate([self.q_voiced, voiced])
            pw = np.concatenate([self.q_pin, p_in])
            f = np.concatenate([self.q_f0, out_f0])
            self.q_voiced, self.q_pin, self.q_f0 = v[nf:], pw[nf:], f[nf:]
            voiced, p_in, out_f0 = v[:nf], pw[:nf], f[:nf]
        if cfg.target_voicing:  # (the selection is the output frames', after the look-ahead delay)
            voiced = (1 - cfg.target_voicing) * voiced + cfg.target_voicing * self.bank_voiced[nn].mean(axis=1)
        return lw, voiced, p_in, out_f0
