"""The built-in demo witness: a real face (the astronaut photo shipped under ``resources/demo``)
moving in a room-like frame, and recorded speech, for machines with no camera or microphone."""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path

import cv2
import numpy as np

from recording.errors import SourceUnavailable
from recording.model import AUDIO_RATE
from recording.sources.file import decode_audio_file


def demo_media_dir() -> Path:
    """Folder of the shipped demo media (``resources/demo``), found without importing ``resources``'
    siblings; ``resources`` is a plain data package."""
    return Path(str(resources.files("resources") / "demo"))


class DemoVideoSource:
    """The demo witness: the face drifts slowly around the frame, nods and turns its head slightly
    (rolls ±12°) and changes size a little, over a calm background.  Deterministic: frame *i* is a
    pure function of *i*, so tests and benchmarks are repeatable."""

    live = False

    def __init__(self, size: tuple[int, int] = (1280, 720), fps: float = 30.0,
                 image: Path | None = None) -> None:
        self.name = "Demo witness (built in)"
        self.size = size
        self.fps = fps
        self._image_path = image or demo_media_dir() / "astronaut.jpg"
        self._index = 0
        self._face: np.ndarray | None = None
        self._background: np.ndarray | None = None

    def open(self) -> None:
        img = cv2.imread(str(self._image_path), cv2.IMREAD_COLOR)
        if img is None:
            raise SourceUnavailable(f"demo image missing: {self._image_path.name}")
        # head and shoulders of the astronaut, the face near the upper middle
        self._face = img[20:400, 100:360].copy()
        w, h = self.size
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        t = (xx / w * 0.6 + yy / h * 0.4)[..., None]
        bg = np.array([92, 110, 128], np.float32) * (1 - t) + np.array([150, 160, 170], np.float32) * t
        cv2.rectangle(bg, (int(w * 0.06), int(h * 0.1)), (int(w * 0.22), int(h * 0.95)), (70, 85, 105), -1)
        cv2.rectangle(bg, (int(w * 0.75), int(h * 0.2)), (int(w * 0.95), int(h * 0.55)), (180, 170, 150), -1)
        self._background = bg.astype(np.uint8)
        self._index = 0

    #: the face's box inside the cropped photo (x1, y1, x2, y2): the astronaut's face in the crop
    FACE_IN_CROP = (78, 44, 169, 155)

    def _transform(self, index: int) -> np.ndarray:
        w, h = self.size
        t = index / self.fps
        fh, fw = 380, 260  # the crop's size (see open())
        scale = (h * 0.62 / fh) * (1.0 + 0.12 * math.sin(t * 0.5))
        angle = 12.0 * math.sin(t * 0.8)
        cx = w * 0.5 + w * 0.22 * math.sin(t * 0.35)
        cy = h * 0.55 + h * 0.06 * math.sin(t * 0.9)
        m = cv2.getRotationMatrix2D((fw / 2, fh / 2), angle, scale)
        m[0, 2] += cx - fw / 2
        m[1, 2] += cy - fh / 2
        return m

    def face_quad(self, index: int) -> np.ndarray:
        """The true face box's four corners in frame ``index`` (for tests and benchmarks)."""
        x1, y1, x2, y2 = self.FACE_IN_CROP
        corners = np.array([[x1, y1, 1], [x2, y1, 1], [x2, y2, 1], [x1, y2, 1]], np.float64)
        return corners @ self._transform(index).T

    def frame_at(self, index: int) -> np.ndarray:
        if self._face is None or self._background is None:
            raise SourceUnavailable("demo source is not open")
        w, h = self.size
        frame = self._background.copy()
        m = self._transform(index)
        cv2.warpAffine(self._face, m, (w, h), dst=frame, borderMode=cv2.BORDER_TRANSPARENT,
                       flags=cv2.INTER_LINEAR)
        return frame

    def read(self) -> np.ndarray | None:
        frame = self.frame_at(self._index)
        self._index += 1
        return frame

    def close(self) -> None:
        self._face = None
        self._background = None


class LoopedAudioSource:
    """Plays decoded audio (a demo speech file) in a loop with a short pause between repeats."""

    live = False

    def __init__(self, path: Path, name: str, gap_seconds: float = 1.5, rate: int = AUDIO_RATE) -> None:
        self.name = name
        self.rate = rate
        self._path = path
        self._gap = gap_seconds
        self._samples: np.ndarray | None = None
        self._pos = 0

    def open(self) -> None:
        speech = decode_audio_file(self._path, self.rate)
        gap = np.zeros(int(self._gap * self.rate), np.float32)
        self._samples = np.concatenate([speech, gap]).astype(np.float32)
        self._pos = 0

    def read(self, n: int) -> np.ndarray:
        if self._samples is None:
            raise SourceUnavailable(f"{self.name} is not open")
        src = self._samples
        idx = (self._pos + np.arange(n)) % len(src)
        self._pos = (self._pos + n) % len(src)
        return src[idx]

    def close(self) -> None:
        self._samples = None


def demo_audio_source() -> LoopedAudioSource:
    return LoopedAudioSource(demo_media_dir() / "speech.ogg", "Demo witness voice (built in)")


def demo_interpreter_source(language: str, variant: int = 0) -> LoopedAudioSource:
    """A demo interpreter for ``language`` (ISO 639-2, e.g. ``spa``); falls back to the witness speech
    when no recording ships for that language.  ``variant`` 1, 2… are further interpreters of the same
    language (a second interpreter to hand over to): the same voice with other pauses, so they differ."""
    path = demo_media_dir() / f"interpreter-{language}.ogg"
    if not path.exists():
        path = demo_media_dir() / "speech.ogg"
    name = f"Demo interpreter ({language})" if variant == 0 else \
        f"Demo interpreter {chr(ord('A') + variant)} ({language})"
    return LoopedAudioSource(path, name, gap_seconds=0.8 + 0.45 * variant)
