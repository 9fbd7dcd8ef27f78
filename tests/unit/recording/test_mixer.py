import numpy as np
import pytest

from recording.audio.mixer import FLOOR, InterpreterDesk, ListenerMix, db_to_gain, mix
from recording.model import Audience

RATE = 48000


def tone(freq: float, n: int = 9600, amp: float = 0.5, start: int = 0) -> np.ndarray:
    return (amp * np.sin(2 * np.pi * freq * (start + np.arange(n)) / RATE)).astype(np.float32)


def level_at(x: np.ndarray, freq: float) -> float:
    """Amplitude of the ``freq`` component (windowed DFT at that bin)."""
    w = np.hanning(len(x))
    spec = np.abs(np.fft.rfft(x * w)) / (w.sum() / 2)
    return float(spec[int(round(freq * len(x) / RATE))])


def test_interpretation_over_floor_at_minus_14_db():
    out = mix(tone(440), tone(660))
    assert level_at(out, 660) == pytest.approx(0.5, rel=0.02)
    assert level_at(out, 440) == pytest.approx(0.5 * db_to_gain(-14), rel=0.05)
    floor_only = mix(tone(440), None)
    assert level_at(floor_only, 440) == pytest.approx(0.5, rel=0.02)
    assert level_at(floor_only, 660) < 1e-3


def test_listener_mix_per_channel_choice():
    got: dict[str, list] = {"spa": [], "floor": []}
    spa = ListenerMix(Audience.COURT, [FLOOR, "spa", "fra"], lambda s, t: got["spa"].append(s), "spa")
    flo = ListenerMix(Audience.COURT, [FLOOR, "spa", "fra"], lambda s, t: got["floor"].append(s), None)
    for k in range(10):
        start = k * 960
        for ch, f in ((FLOOR, 440), ("spa", 660), ("fra", 880)):
            for m in (spa, flo):
                m.on_audio(Audience.COURT, ch, tone(f, 960, start=start), start)
    a, b = np.concatenate(got["spa"]), np.concatenate(got["floor"])
    assert len(a) == len(b) == 9600
    assert level_at(a, 660) > 0.45 and level_at(a, 880) < 1e-3
    assert level_at(a, 440) == pytest.approx(0.5 * db_to_gain(-14), rel=0.1)
    assert level_at(b, 440) > 0.45 and level_at(b, 660) < 1e-3


def test_hand_over_has_no_gap():
    pos = {"a": 0, "b": 0}

    def src(name, f):
        def read(n):
            x = tone(f, n, 0.4, pos[name])
            pos[name] += n
            return x
        return read

    desk = InterpreterDesk("spa", {"a": src("a", 660), "b": src("b", 660)})
    blocks = [desk.read(960) for _ in range(5)]
    desk.hand_over("b")
    blocks += [desk.read(960) for _ in range(5)]
    x = np.concatenate(blocks)
    env = np.sqrt(np.convolve(x ** 2, np.ones(96) / 96, "valid"))
    assert env.min() > 0.2, "the channel went quiet during the hand-over"
    assert desk.active == "b"
