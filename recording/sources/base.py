"""Capture source protocols.  Camera, microphone, file and demo sources all implement these, so the
pipeline and the tests never need hardware (after Pupil's ``base_backend``)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class VideoSource(Protocol):
    """Delivers BGR uint8 frames.  ``read`` blocks until the next frame and returns ``None`` at the end
    of a finite source.  Raises :class:`recording.errors.SourceLost` when a live device goes away."""

    name: str
    fps: float
    size: tuple[int, int]  # (width, height)
    live: bool  # True for devices that pace themselves (camera); False for demo/file sources

    def open(self) -> None: ...

    def read(self) -> np.ndarray | None: ...

    def close(self) -> None: ...


@runtime_checkable
class AudioSource(Protocol):
    """Delivers mono float32 samples at ``rate`` Hz.  ``read(n)`` returns exactly ``n`` samples (a finite
    source pads with silence at its end and loops if ``loop`` is set)."""

    name: str
    rate: int
    live: bool

    def open(self) -> None: ...

    def read(self, n: int) -> np.ndarray: ...

    def close(self) -> None: ...
