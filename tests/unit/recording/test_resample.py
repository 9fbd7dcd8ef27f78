import numpy as np
import pytest

from recording.audio.resample import StreamResampler


@pytest.mark.parametrize(("rate_in", "rate_out"), [(44100, 48000), (48000, 44100), (16000, 48000), (48000, 48000)])
def test_tone_keeps_its_pitch_and_level_across_blocks_of_any_size(rate_in, rate_out):
    rng = np.random.default_rng(0)
    n = rate_in * 2
    x = (0.5 * np.sin(2 * np.pi * 1000 * np.arange(n) / rate_in)).astype(np.float32)
    r = StreamResampler(rate_in, rate_out)
    out, i = [], 0
    while i < n:
        k = int(rng.integers(1, 2000))
        out.append(r.process(x[i:i + k]))
        i += k
    y = np.concatenate(out)
    # all but the filter's delay (about 1 ms), which comes out with the next block
    assert abs(len(y) - n * rate_out / rate_in) <= rate_out * 0.0015
    seg = y[rate_out // 2: rate_out // 2 + rate_out // 2]  # 0.5 s in the middle: 2 Hz bins
    spec = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
    assert abs(np.argmax(spec) * rate_out / len(seg) - 1000) <= 2
    assert 0.48 < np.sqrt(2) * np.sqrt(np.mean(seg ** 2)) < 0.52
    # no clicks at block joins: the signal stays as smooth as a clean 1 kHz sine
    assert np.max(np.abs(np.diff(seg))) < 0.5 * 2 * np.pi * 1000 / rate_out * 1.1
