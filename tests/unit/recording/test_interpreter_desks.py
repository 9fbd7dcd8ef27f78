"""Interpreter desks in the pipeline: hand-over between two interpreters of one language without a gap
at the pipeline output, and relay (the interpreters' return follows the chosen channel)."""

from __future__ import annotations

import numpy as np
import pytest

from recording.audio.mixer import FLOOR, DeskSource, InterpreterDesks
from recording.model import AUDIO_RATE, Audience
from recording.pipeline import SessionPipeline
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource
from tests.helpers.fakes import BoxMasker, GainVoice


class Tone:
    rate, live = AUDIO_RATE, False

    def __init__(self, freq: float, amp: float = 0.4) -> None:
        self.name, self.freq, self.amp, self.pos, self.opened = f"tone {freq}", freq, amp, 0, 0

    def open(self) -> None:
        self.pos, self.opened = 0, self.opened + 1

    def read(self, n: int) -> np.ndarray:
        t = (self.pos + np.arange(n)) / AUDIO_RATE
        self.pos += n
        return (self.amp * np.sin(2 * np.pi * self.freq * t)).astype(np.float32)

    def close(self) -> None:
        self.opened -= 1


def level_at(x: np.ndarray, freq: float) -> float:
    w = np.hanning(len(x))
    spec = np.abs(np.fft.rfft(x * w)) / (w.sum() / 2)
    return float(spec[int(round(freq * len(x) / AUDIO_RATE))])


class Capture:
    """Collects the court's audio per channel; calls ``at(start_sample)`` for each Spanish block (on
    the pipeline thread, so a hand-over lands at an exact block)."""

    def __init__(self, at=None) -> None:
        self.blocks: dict[str, list[tuple[int, np.ndarray]]] = {}
        self.at = at

    def on_video(self, *a) -> None:
        pass

    def on_audio(self, audience, channel, samples, start) -> None:
        self.blocks.setdefault(channel, []).append((start, samples.copy()))
        if channel == "spa" and self.at is not None:
            self.at(start)

    def signal(self, channel: str) -> np.ndarray:
        return np.concatenate([s for _, s in sorted(self.blocks[channel], key=lambda b: b[0])])


def _pipeline(desks: InterpreterDesks, frames: int = 60) -> SessionPipeline:
    p = SessionPipeline(demo_plan(("spa", "fra")), DemoVideoSource((160, 90), 30.0), Tone(440.0), BoxMasker(),
                        GainVoice, interpreters=desks.sources(), realtime=False)
    p.max_frames = frames
    return p


def _run(p: SessionPipeline) -> None:
    p.start()
    assert p.finished.wait(20)
    p.stop()


def test_hand_over_without_a_gap_at_the_pipeline_output():
    a, b = Tone(660.0), Tone(880.0)
    events: list[str] = []
    desks = InterpreterDesks({"spa": DeskSource("spa", {"Interpreter A": a, "Interpreter B": b}),
                              "fra": DeskSource("fra", {"Interpreter C": Tone(550.0)})}, on_event=events.append)
    switch_at = AUDIO_RATE  # hand over one second in

    def at(start: int) -> None:
        if start == switch_at:
            assert desks.hand_over("spa") == "Interpreter B"

    cap = Capture(at)
    p = _pipeline(desks)
    p.subscribe({Audience.COURT}, cap)
    _run(p)
    x = cap.signal("spa")
    assert len(x) == 2 * AUDIO_RATE  # every block is there: 60 frames at 30 fps
    # RMS over 10 ms windows (a steady 0.4 tone: 0.28): a gap of even a few ms would pull it down
    env = np.sqrt(np.convolve(x.astype(np.float64) ** 2, np.ones(480) / 480, "valid"))
    assert env.min() > 0.22, "the Spanish channel went quiet at the hand-over"
    before, after = x[: switch_at], x[switch_at + 4800:]
    assert level_at(before, 660) > 0.35 and level_at(before, 880) < 0.01
    assert level_at(after, 880) > 0.35 and level_at(after, 660) < 0.01
    assert desks.active("spa") == "Interpreter B" and desks.next_interpreter("spa") == "Interpreter A"
    assert events == ["spa: hand-over from Interpreter A to Interpreter B"]
    # the French channel is untouched and every microphone was opened and closed again
    assert level_at(cap.signal("fra"), 550) > 0.35
    assert a.opened == 0 and b.opened == 0


def test_relay_changes_what_the_interpreters_hear():
    heard: dict[str, list[np.ndarray]] = {"spa": []}
    desks = InterpreterDesks({"spa": DeskSource("spa", {"A": Tone(660.0)}),
                              "fra": DeskSource("fra", {"C": Tone(550.0)})},
                             headphones=lambda lang, s, t: heard.setdefault(lang, []).append(s))
    assert desks.relay("spa") == FLOOR and desks.relay_choices("spa") == [FLOOR, "fra"]
    assert desks.next_interpreter("spa") is None and desks.hand_over("spa") == "A"  # alone: nothing to do
    p = _pipeline(desks, frames=30)
    desks.attach(p)
    _run(p)
    floor_return = np.concatenate(heard["spa"])
    # the floor as the court hears it (masked: the fake voice masker scales it to 0.1)
    assert level_at(floor_return, 440) > 0.09 and level_at(floor_return, 550) < 0.01
    heard["spa"].clear()
    desks.set_relay("spa", "fra")
    p2 = _pipeline(desks, frames=30)
    desks.attach(p2)
    _run(p2)
    relay_return = np.concatenate(heard["spa"])
    assert level_at(relay_return, 550) > 0.3  # the French interpretation, the floor far underneath
    assert level_at(relay_return, 440) < 0.01
    with pytest.raises(ValueError):
        desks.set_relay("spa", "spa")
