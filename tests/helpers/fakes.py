"""Test doubles: a fake clock, and fake maskers that are deterministic and instant (typed against the
pipeline's interfaces: mypy checks :func:`_check`)."""

from __future__ import annotations

import numpy as np

from recording.model import Decision, Frame
from recording.pipeline import Consumer, FaceMaskerLike, VoiceMaskerLike


class FakeClock:
    def __init__(self, t: float = 0.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, dt: float) -> None:
        self.t += dt


class BoxMasker:
    """Covers a fixed box black; curtains (returns grey) when ``fail`` is set or frame is late."""

    def __init__(self, box: tuple[int, int, int, int] = (0, 0, 40, 40)) -> None:
        self.box = box
        self.fail = False
        self.calls = 0

    def process(self, frame: Frame, late: bool = False) -> tuple[np.ndarray, Decision]:
        self.calls += 1
        if self.fail:
            raise RuntimeError("detector crashed")
        if late:
            return np.full_like(frame.image, 80), Decision.CURTAINED
        out = frame.image.copy()
        x1, y1, x2, y2 = self.box
        out[y1:y2, x1:x2] = 0
        return out, Decision.DETECTED


class GainVoice:
    """A stand-in voice masker: scales the voice (so masked and natural differ measurably)."""

    def __init__(self, preset: str) -> None:
        self.preset = preset
        self.fail = False

    def process(self, block: np.ndarray) -> np.ndarray:
        if self.fail:
            raise RuntimeError("voice processor crashed")
        return block * 0.25


class Collector:
    """A pipeline consumer that keeps what each audience received."""

    def __init__(self) -> None:
        self.video: dict = {}
        self.audio: dict = {}

    def on_video(self, audience, image, index, pts, decision) -> None:
        self.video.setdefault(audience, []).append((index, image, decision))

    def on_audio(self, audience, channel, samples, start_sample) -> None:
        self.audio.setdefault((audience, channel), []).append((start_sample, samples))


def _check(face: BoxMasker, voice: GainVoice,
           consumer: Collector) -> tuple[FaceMaskerLike, VoiceMaskerLike, Consumer]:
    return face, voice, consumer  # mypy: the fakes have the pipeline's interfaces (recording/pipeline.py)
