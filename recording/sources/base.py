"""Capture source protocols.  Camera, microphone, file and demo sources all implement these, so the
pipeline and the tests never need hardware (after Pupil's ``base_backend``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar, runtime_checkable

import numpy as np

log = logging.getLogger("testimony_shield.recording.sources")
T = TypeVar("T")


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


class Silence:
    """An audio source of silence: where there is no microphone (a level meter shows nothing)."""

    rate, live, name = 48_000, False, "silence"

    def open(self) -> None: ...

    def close(self) -> None: ...

    def read(self, n: int) -> np.ndarray:
        return np.zeros(n, np.float32)


def listed(list_devices: Callable[[], Iterable[T]]) -> list[T]:
    """A device listing that never raises: a sound system or camera library that fails (not
    installed, its server gone) lists nothing; the failure is logged by its type only."""
    try:
        return list(list_devices())
    except Exception as exc:
        log.info("device listing failed: %s", type(exc).__name__)
        return []
