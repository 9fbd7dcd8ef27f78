"""Media value types shared by the whole recording layer (Qt-free).

Frames are BGR ``uint8`` arrays of shape (height, width, 3), as OpenCV and PyAV's ``bgr24`` use.
Audio blocks are mono ``float32`` arrays in [-1, 1].  Timestamps are seconds of session media time
(monotonic, starting at 0 when the pipeline starts).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

import numpy as np

#: The pipeline's audio rate: device I/O and the Opus encoder both run at 48 kHz.
AUDIO_RATE = 48_000
#: One audio block is 20 ms, the Opus frame length.
AUDIO_BLOCK = 960


@dataclass(frozen=True, slots=True)
class Frame:
    """One video frame: ``image`` is BGR uint8 (h, w, 3); ``pts`` in seconds; ``index`` from 0."""

    image: np.ndarray
    pts: float
    index: int

    @property
    def size(self) -> tuple[int, int]:
        h, w = self.image.shape[:2]
        return w, h


class Decision(enum.StrEnum):
    """What the face masker did with a frame, as written in reports and summaries."""

    DETECTED = "detected"  # the face was found by the detector in this frame and covered
    TRACKED = "tracked"  # covered from the tracker between detector runs
    HELD = "held"  # detection dropped; the last box held (and grown) for a few frames
    CURTAINED = "curtained"  # masking could not be confirmed: the whole frame is curtained


class Audience(enum.StrEnum):
    """Who receives a pipeline output.  Only the plan decides who may get the unmasked witness."""

    JUDGE = "judge"
    COURT = "court"  # clerk, prosecution, defence, interpreters in the courtroom
    WITNESS_SELF = "witness_self"  # the witness's own self-view (always masked: reassurance)
    SUPPORT = "support"  # support person in the safe room
    RECORD_MASKED = "record_masked"
    RECORD_RAW = "record_raw"


@dataclass(slots=True)
class MaskStats:
    frames: int = 0
    masked_frames: int = 0
    curtained_frames: int = 0
    decisions: dict[str, int] = field(default_factory=dict)

    def count(self, decision: Decision) -> None:
        self.frames += 1
        self.decisions[decision.value] = self.decisions.get(decision.value, 0) + 1
        if decision is Decision.CURTAINED:
            self.curtained_frames += 1
        else:
            self.masked_frames += 1
