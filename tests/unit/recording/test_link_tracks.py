"""Track labels and the court's media helpers: nothing labelled for the accused is valid, the court's
cameras pass the plan's gate, the courtroom speakers degrade calmly without a sound device."""

from __future__ import annotations

import numpy as np
import pytest

from recording.session import Participant, Role, demo_plan
from recording.transport import tracks
from recording.transport.court_media import (
    NO_SPEAKERS,
    CameraTrack,
    CourtCamera,
    CourtSpeakers,
    QuestionerCard,
    cameras_for_witness,
)
from recording.transport.errors import LinkError


def test_no_label_for_the_accused():
    for label in ("witness/video/accused", "court/audio/accused", "court/video/accused", "judge/audio/accused"):
        assert not tracks.valid(label) and not tracks.is_to_witness(label)
    with pytest.raises(ValueError, match="never sent"):
        tracks.to_witness("accused")
    with pytest.raises(ValueError):
        tracks.to_witness("clerk")
    assert tracks.to_witness("judge") == "witness/video/judge" and tracks.role_of("witness/video/judge") == "judge"
    assert tracks.valid("court/audio/spa") and tracks.valid("interpreter/audio/floor")
    with pytest.raises(LinkError):
        CameraTrack(QuestionerCard("x", (32, 18)), "witness/video/accused")


def test_cameras_for_witness_gate():
    plan = demo_plan()
    plan.participants.append(Participant("A. Ccused", Role.ACCUSED))
    card = QuestionerCard("x", (32, 18))
    judge, pros = CourtCamera("judge", "HHJ Demo", card), CourtCamera("prosecution", "P", card)
    assert cameras_for_witness(plan, [judge, pros]) == [judge, pros]
    for bad in (CourtCamera("accused", "", card), CourtCamera("defence", "a. ccused", card)):
        with pytest.raises(LinkError, match="accused"):
            cameras_for_witness(plan, [judge, bad])
    # the accused_screened measure off does not open a camera of the accused to the witness either
    plan.measures.accused_screened = False
    with pytest.raises(LinkError):
        cameras_for_witness(plan, [CourtCamera("accused", "A. Ccused", card)])


def test_questioner_card_is_calm_and_live():
    card = QuestionerCard("Judge — HHJ Demo", (160, 90), 15)
    a, b = card.frame_at(0), card.frame_at(15)
    assert a.shape == (90, 160, 3) and a.dtype == np.uint8 and not np.array_equal(a, b)


class FakeSpeaker:
    def __init__(self) -> None:
        self.pushed = 0

    def open(self) -> None:
        pass

    def push(self, samples, start=None) -> None:
        self.pushed += len(samples)

    def close(self) -> None:
        pass


def test_court_speakers():
    s = CourtSpeakers(FakeSpeaker)
    assert s.open() and s.available
    s.on_audio(np.zeros(960, np.float32), 0, 0.0)
    assert s.blocks == 1 and s.speaker.pushed == 960

    def none():
        raise RuntimeError("no device")

    quiet = CourtSpeakers(none)
    assert not quiet.open() and not quiet.available and quiet.message == NO_SPEAKERS
    quiet.on_audio(np.zeros(960, np.float32), 0, 0.0)  # no device: nothing happens, no error
