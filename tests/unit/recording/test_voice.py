"""Voice masker: length, level, dissimilarity, many-to-one pitch, latency, preset switching, fail-closed."""

from __future__ import annotations

import io
import shutil
import subprocess
import wave

import numpy as np
import pytest

from recording.maskfile import _audio_rate, mask_audio_file
from recording.masking.voice import PRESETS, VoiceMasker
from recording.sources.file import decode_audio_file

SR = 48_000
BLOCK = 960


def _resonate(x: np.ndarray, sr: int, formants) -> np.ndarray:
    """Cascade of 2-pole resonators, applied by FFT convolution with their impulse response."""
    n = 2048
    ir = np.zeros(n)
    ir[0] = 1.0
    for f, bw in formants:
        r = np.exp(-np.pi * bw / sr)
        a1, a2 = -2 * r * np.cos(2 * np.pi * f / sr), r * r
        y = np.zeros(n)
        for i in range(n):  # 2048 samples x 4 resonators: cheap
            y[i] = ir[i] - a1 * (y[i - 1] if i else 0.0) - a2 * (y[i - 2] if i > 1 else 0.0)
        ir = y
    m = len(x) + n - 1
    k = 1 << (m - 1).bit_length()
    return np.fft.irfft(np.fft.rfft(x, k) * np.fft.rfft(ir, k), k)[: len(x)]


def synthetic_vowel(f0: float, seconds: float = 1.2, sr: int = SR, vibrato: float = 0.0) -> np.ndarray:
    """A glottal pulse train (with optional slow vibrato) through /a/-like formant resonators."""
    t = np.arange(int(seconds * sr)) / sr
    inst = f0 * (1 + vibrato * np.sin(2 * np.pi * 3 * t))
    ph = np.cumsum(inst) / sr
    pulses = np.diff(np.floor(ph), prepend=0.0)
    glottal = np.convolve(pulses, np.hanning(int(0.004 * sr)), "same")  # soft pulse shape
    y = _resonate(glottal, sr, [(730, 90), (1090, 110), (2440, 170), (3400, 250)])
    return (0.3 * y / np.max(np.abs(y))).astype(np.float32)


def run(m: VoiceMasker, x: np.ndarray, block: int = BLOCK) -> np.ndarray:
    return np.concatenate([m.process(x[i:i + block]) for i in range(0, len(x), block)])


def norm_xcorr(x: np.ndarray, y: np.ndarray) -> float:
    n = min(len(x), len(y))
    x, y = x[:n].astype(float), y[:n].astype(float)
    k = 1 << (2 * n - 1).bit_length()
    c = np.fft.irfft(np.fft.rfft(y, k) * np.conj(np.fft.rfft(x, k)), k)
    return float(np.max(np.abs(c)) / (np.linalg.norm(x) * np.linalg.norm(y) + 1e-12))


def median_f0(y: np.ndarray, sr: int) -> float:
    """Independent autocorrelation pitch (median over 40 ms frames), 60-400 Hz."""
    f0s = []
    n = int(0.04 * sr)
    lo, hi = sr // 400, sr // 60
    for i in range(0, len(y) - n, n // 2):
        fr = y[i:i + n] * np.hanning(n)
        ac = np.fft.irfft(np.abs(np.fft.rfft(fr, 2 * n)) ** 2)[: hi + 1]
        if ac[0] <= 0:
            continue
        lag = lo + int(np.argmax(ac[lo:hi + 1]))
        if ac[lag] / ac[0] > 0.4:
            f0s.append(sr / lag)
    return float(np.median(f0s))


def test_presets_and_bad_args():
    assert PRESETS == ("off", "standard", "strong")
    with pytest.raises(ValueError):
        VoiceMasker("loud")
    with pytest.raises(ValueError):
        VoiceMasker("standard", sample_rate=44100)


@pytest.mark.parametrize("block", [BLOCK, 333])
def test_length_level_and_dissimilarity_synthetic(block):
    x = synthetic_vowel(120, vibrato=0.05)
    m = VoiceMasker("standard", SR, seed=1)
    y = run(m, x, block)
    assert y.dtype == np.float32 and len(y) == len(x)
    assert np.sqrt(np.mean(y[SR // 5:] ** 2)) > 0.01
    assert norm_xcorr(x, y) < 0.5


@pytest.mark.parametrize("f0_in", [100.0, 220.0])
def test_pitch_is_normalised_toward_session_target(f0_in):
    m = VoiceMasker("standard", SR, seed=7)
    target = m.target_f0
    y = run(m, synthetic_vowel(f0_in, seconds=1.5))
    got = median_f0(y[int(0.7 * SR):], SR)  # after the speaker statistics settle
    assert abs(np.log(got / target)) < np.log(1.08), (f0_in, got, target)


def test_sessions_differ():
    a, b = VoiceMasker("standard", SR, seed=1), VoiceMasker("standard", SR, seed=2)
    assert a.target_f0 != b.target_f0
    x = synthetic_vowel(150, seconds=0.6)
    assert not np.allclose(run(a, x), run(b, x))


@pytest.mark.parametrize(("sr", "preset", "budget_s"),
                         [(48_000, "standard", 0.040), (16_000, "standard", 0.040), (48_000, "strong", 0.150)])
def test_latency_with_impulse(sr, preset, budget_s):
    m = VoiceMasker(preset, sr, seed=3)
    assert m.latency_samples <= budget_s * sr
    x = np.zeros(sr // 2, np.float32)
    x[sr // 4] = 0.9
    y = run(m, x, 317)  # odd block length: the delay must not depend on it
    e = y.astype(float) ** 2
    centre = np.sum(e * np.arange(len(e))) / np.sum(e)
    delay_s = (centre - sr // 4) / sr
    assert 0.0 <= delay_s <= budget_s
    assert abs(delay_s - m.latency_samples / sr) < 0.006


def test_off_is_a_pure_delay():
    m = VoiceMasker("off", SR, seed=1)
    x = np.random.default_rng(0).uniform(-0.5, 0.5, SR // 4).astype(np.float32)
    y = run(m, x, 500)
    d = m.latency_samples
    np.testing.assert_array_equal(y[d:], x[:-d])
    assert not y[:d].any()


def test_preset_switch_has_no_click():
    x = synthetic_vowel(130, seconds=1.5, vibrato=0.03)
    m = VoiceMasker("off", SR, seed=5)
    out = []
    for k, i in enumerate(range(0, len(x), BLOCK)):
        if k == 20:
            m.set_preset("standard")
        if k == 45:
            m.set_preset("strong")
        if k == 65:
            m.set_preset("off")
        out.append(m.process(x[i:i + BLOCK]))
    y = np.concatenate(out)
    assert len(y) == len(x)
    # A click is broadband: the masked output is band-limited to ~7 kHz and this input has almost
    # nothing above 12 kHz, so energy above 12 kHz around a switch reveals a discontinuity (a hard
    # switch between these streams scores 1e-7 .. 1e-3; the crossfade stays below 1e-9).
    for k in (20, 45, 65):
        for off in (0, 300, 600):
            assert _hf_fraction(y, k * BLOCK + off) < 1e-8, (k, off)


def _hf_fraction(y: np.ndarray, centre: int, n: int = 480) -> float:
    seg = y[centre - n:centre + n].astype(float) * np.hanning(2 * n)
    s = np.abs(np.fft.rfft(seg)) ** 2
    f = np.fft.rfftfreq(2 * n, 1 / SR)
    return float(s[f > 12_000].sum() / s.sum())


def test_fail_closed_returns_zeros_on_exception(monkeypatch):
    m = VoiceMasker("standard", SR, seed=1)
    x = synthetic_vowel(150, seconds=0.1)
    assert m.process_safe(x[:BLOCK], deadline_s=1.0).shape == (BLOCK,)

    def boom(*_a, **_k):
        raise RuntimeError("simulated DSP fault")

    monkeypatch.setattr(m._engine, "process", boom)
    y = m.process_safe(x[BLOCK:2 * BLOCK], deadline_s=1.0)
    assert m.failed and "simulated" in m.last_error
    assert y.shape == (BLOCK,) and not y.any()
    # latched: stays silent even if the fault goes away, until reset()
    monkeypatch.undo()
    assert not m.process_safe(x[:BLOCK], deadline_s=1.0).any()
    m.reset()
    assert not m.failed


def test_fail_closed_on_deadline():
    m = VoiceMasker("standard", SR, seed=1)
    x = synthetic_vowel(150, seconds=0.1)
    y = m.process_safe(x[:BLOCK], deadline_s=0.0)
    assert m.failed and m.overruns == 1 and not y.any()


def _write_wav(path, x, sr):
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(np.round(np.clip(x, -1, 1) * 32767).astype("<i2").tobytes())


@pytest.mark.parametrize("ext", ["wav", "flac"])
def test_mask_audio_file_keeps_rate_and_length(tmp_path, ext):
    x = synthetic_vowel(180, seconds=0.7)
    src, dst = tmp_path / "in.wav", tmp_path / f"out.{ext}"
    _write_wav(src, x, SR)
    info = mask_audio_file(src, dst, "standard", seed=4)
    assert dst.exists() and not (tmp_path / f"out.{ext}.partial").exists()
    y, sr = decode_audio_file(dst, SR), _audio_rate(dst)
    assert sr == SR and len(y) == len(x) == info["samples"]
    assert np.sqrt(np.mean(y ** 2)) > 0.01 and norm_xcorr(x, y) < 0.5


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed")
def test_espeak_speech(tmp_path):
    wav = tmp_path / "s.wav"
    subprocess.run(["espeak-ng", "-v", "en", "-w", str(wav), "Please state your name for the record."],
                   check=True, capture_output=True, timeout=20)
    sr = _audio_rate(wav)  # 22.05 kHz: exercise the rate-conversion path
    x = decode_audio_file(wav, sr)
    out = tmp_path / "m.wav"
    mask_audio_file(wav, out, "standard", seed=9)
    sr2 = _audio_rate(out)
    y = decode_audio_file(out, sr2)
    assert sr2 == sr and len(y) == len(x)
    assert np.sqrt(np.mean(y ** 2)) > 0.01
    assert norm_xcorr(x, y) < 0.5


def _ltas_db(y: np.ndarray, sr: int) -> np.ndarray:
    """Long-term average spectrum (dB) in 48 bands up to 6 kHz, level-normalised."""
    n = 1024
    fr = np.lib.stride_tricks.sliding_window_view(y.astype(float), n)[::n // 2] * np.hanning(n)
    p = (np.abs(np.fft.rfft(fr, axis=1)) ** 2).mean(axis=0)
    f = np.fft.rfftfreq(n, 1 / sr)
    bands = np.array([p[(f >= lo) & (f < lo + 125)].mean() for lo in np.arange(0, 6000, 125)])
    db = 10 * np.log10(bands + 1e-12)
    return db - db.mean()


@pytest.mark.parametrize("preset", ["standard", "strong"])
def test_two_vocal_tracts_come_out_in_one_voice(preset):
    """Many-to-one envelope: two 'speakers' whose formants differ by 25 % (same vowel, same pitch)
    come out far closer to each other than they went in: the output envelope is the target voice's."""
    t = np.arange(int(1.5 * SR)) / SR
    pulses = np.diff(np.floor(np.cumsum(140 * (1 + 0.04 * np.sin(2 * np.pi * 3 * t))) / SR), prepend=0.0)
    glottal = np.convolve(pulses, np.hanning(int(0.004 * SR)), "same")
    formants = [(730, 90), (1090, 110), (2440, 170), (3400, 250)]
    a = _resonate(glottal, SR, formants)
    b = _resonate(glottal, SR, [(f * 1.25, bw * 1.25) for f, bw in formants])
    a, b = (0.3 * v / np.abs(v).max() for v in (a, b))
    ya = run(VoiceMasker(preset, SR, seed=1), a.astype(np.float32))[SR // 2:]
    yb = run(VoiceMasker(preset, SR, seed=1), b.astype(np.float32))[SR // 2:]
    d_in = np.abs(_ltas_db(a[SR // 2:], SR) - _ltas_db(b[SR // 2:], SR)).mean()
    d_out = np.abs(_ltas_db(ya, SR) - _ltas_db(yb, SR)).mean()
    assert d_out < 0.5 * d_in, (d_in, d_out)


def test_target_voice_resource_is_validated(tmp_path):
    from recording.masking import knn

    tv = knn.default_target()
    assert len(tv.candidate) > 1000 and tv.feat.shape[1] == knn.N_MFCC
    with pytest.raises(ValueError):
        knn.load_target(b"not an npz")
    buf = io.BytesIO()
    np.savez(buf, format=np.str_("ts-voice-target/9"), name=np.str_("x"), feat=np.zeros((200, 16)),
             voiced=np.zeros(200), candidate=np.arange(150), cep=np.zeros((150, knn.N_CEP)), norm=np.ones((2, 16)))
    with pytest.raises(ValueError, match="format"):
        knn.load_target(buf.getvalue())
    buf = io.BytesIO()
    np.savez(
        buf,
        format=np.str_(knn.TARGET_FORMAT_1),
        name=np.str_("x"),
        feat=np.zeros((200, 16)),
        voiced=np.zeros(200),
        candidate=np.arange(150) + 100,
        cep=np.zeros((150, knn.N_CEP)),
        norm=np.ones((2, 16)),
    )
    with pytest.raises(ValueError, match="shapes"):
        knn.load_target(buf.getvalue())
    good = dict(feat=np.zeros((200, 16)), voiced=np.zeros(200), candidate=np.arange(150),
                cep=np.zeros((150, knn.N_CEP)), norm=np.ones((2, 16)))
    bad = {**good, "cep": np.full((150, knn.N_CEP), np.nan)}
    buf = io.BytesIO()
    np.savez(buf, format=np.str_(knn.TARGET_FORMAT), names=np.array(["a", "b"]),
             **{f"0_{k}": v for k, v in good.items()}, **{f"1_{k}": v for k, v in bad.items()})
    with pytest.raises(ValueError, match="non-finite"):
        knn.load_targets(buf.getvalue())
    buf = io.BytesIO()  # a voice named but missing
    np.savez(
        buf, format=np.str_(knn.TARGET_FORMAT), names=np.array(["a", "b"]), **{f"0_{k}": v for k, v in good.items()}
    )
    with pytest.raises(ValueError, match="malformed"):
        knn.load_targets(buf.getvalue())


def test_sessions_draw_their_target_voice():
    """Several shipped target voices; each session draws one (and a formant scale) from its seed, so two
    sessions of one witness do not share one output voice; the same seed gives the same voice."""
    from recording.masking import knn

    voices = knn.default_targets()
    assert len(voices) >= 4 and len({v.name for v in voices}) == len(voices)
    drawn = {VoiceMasker("strong", SR, seed=s)._engine.envelope.bank_cep.shape[0] for s in range(12)}
    assert len(drawn) >= 3
    a, b = VoiceMasker("strong", SR, seed=5), VoiceMasker("strong", SR, seed=5)
    assert a._target == b._target


def test_missing_target_voice_fails_closed(monkeypatch, tmp_path):
    """Without its target voice the masker is silent and says so; it never passes the voice through."""
    from recording.masking import knn

    knn.default_targets.cache_clear()
    knn._search_index.cache_clear()
    monkeypatch.setattr(knn, "target_path", lambda: tmp_path / "missing.npz")
    try:
        m = VoiceMasker("standard", SR, seed=1)
        x = synthetic_vowel(150, seconds=0.2)
        y = m.process_safe(x[:BLOCK])
        assert m.failed and "target" in m.last_error and not y.any()
        m.reset()
        assert m.failed and not m.process_safe(x[BLOCK:2 * BLOCK]).any()
        with pytest.raises(RuntimeError):
            m.process(x[:BLOCK])
    finally:
        knn.default_targets.cache_clear()
        knn._search_index.cache_clear()
