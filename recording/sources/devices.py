"""Real devices: an OpenCV camera and a sounddevice microphone.  Both fail with a clear
:class:`SourceUnavailable` when the device is missing, and :class:`SourceLost` when it goes away."""

from __future__ import annotations

import queue
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from common.bounded_queue import BoundedQueue, Overflow
from recording.audio.resample import StreamResampler
from recording.errors import SourceLost, SourceUnavailable
from recording.model import AUDIO_RATE


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    name: str
    kind: str  # "camera" | "microphone"


def list_cameras(max_index: int = 4) -> list[DeviceInfo]:
    """Cameras OpenCV can open (probes indices 0..max_index-1; quick when none exist)."""
    import cv2

    found = []
    for i in range(max_index):
        cap = cv2.VideoCapture(i)
        try:
            if cap.isOpened():
                found.append(DeviceInfo(str(i), f"Camera {i}", "camera"))
        finally:
            cap.release()
    return found


def list_microphones() -> list[DeviceInfo]:
    """Input devices PortAudio reports; empty when PortAudio or every device is missing."""
    try:
        import sounddevice as sd

        devices = sd.query_devices()
    except Exception:  # PortAudio missing or no audio server: no microphones, not a crash
        return []
    return [DeviceInfo(str(i), d["name"], "microphone") for i, d in enumerate(devices)
            if d.get("max_input_channels", 0) > 0]


def list_speakers() -> list[DeviceInfo]:
    """Output devices (speakers, headphones) PortAudio reports; empty when there are none."""
    try:
        import sounddevice as sd

        devices = sd.query_devices()
    except Exception:  # PortAudio missing or no audio server
        return []
    return [DeviceInfo(str(i), d["name"], "speaker") for i, d in enumerate(devices)
            if d.get("max_output_channels", 0) > 0]


def device_rate(sd, device: str | int | None, wanted: int, kind: str) -> int:
    """``wanted`` when the device accepts it, else the device's own default rate (then resampled)."""
    check = sd.check_input_settings if kind == "input" else sd.check_output_settings
    try:
        check(device=device, channels=1, samplerate=wanted, dtype="float32")
        return wanted
    except Exception:  # PortAudio: invalid sample rate for this device
        return int(sd.query_devices(device, kind)["default_samplerate"])


class CameraSource:
    live = True

    def __init__(self, index: int = 0, size: tuple[int, int] = (1280, 720), fps: float = 30.0) -> None:
        self.name = f"Camera {index}"
        self.size = size
        self.fps = fps
        self._index = index
        self._cap: Any = None  # cv2.VideoCapture once open

    def open(self) -> None:
        import cv2

        cap = cv2.VideoCapture(self._index)
        if not cap.isOpened():
            cap.release()
            raise SourceUnavailable(f"camera {self._index} is not available")
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.size[0])
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.size[1])
        cap.set(cv2.CAP_PROP_FPS, self.fps)
        self.size = (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self.fps = float(cap.get(cv2.CAP_PROP_FPS) or self.fps)
        self._cap = cap

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            raise SourceUnavailable("camera is not open")
        ok, frame = self._cap.read()
        if not ok or frame is None:
            raise SourceLost(f"camera {self._index} stopped delivering frames (unplugged?)")
        return frame

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
        self._cap = None


def open_mono_stream(kind: str, device: str | int | None, rate: int, requested_rate: int | None,
                     callback: Callable[..., None], finished: Callable[[], None],
                     ) -> tuple[Any, int, StreamResampler | None]:
    """A started mono float32 PortAudio stream (``kind`` "input" or "output", 20 ms blocks) on
    ``device`` at ``requested_rate`` (None: ``rate`` if the device takes it, else its own); returns
    (stream, the device's rate, the resampler between it and ``rate`` or None).  SourceUnavailable
    when the device cannot be opened."""
    try:
        import sounddevice as sd

        dev_rate = requested_rate or device_rate(sd, device, rate, kind)
        resampler = None
        if dev_rate != rate:
            resampler = StreamResampler(dev_rate, rate) if kind == "input" else StreamResampler(rate, dev_rate)
        stream_class = sd.InputStream if kind == "input" else sd.OutputStream
        stream = stream_class(device=device, channels=1, samplerate=dev_rate, dtype="float32",
                              blocksize=dev_rate // 50, callback=callback, finished_callback=finished)
        stream.start()
    except Exception as exc:  # PortAudio errors carry no testimony content
        raise SourceUnavailable(f"{'microphone' if kind == 'input' else 'speaker'} not available ({exc})") from exc
    return stream, dev_rate, resampler


class MicrophoneSource:
    """A sounddevice input stream; blocks of the callback go through a bounded queue."""

    live = True

    def __init__(self, device: str | int | None = None, rate: int = AUDIO_RATE,
                 device_rate: int | None = None) -> None:
        """``rate`` is what the pipeline gets; the device runs at ``device_rate`` (default: ``rate``
        when the device accepts it, else its own default rate) and is resampled when they differ."""
        self.name = f"Microphone {device if device is not None else '(default)'}"
        self.rate = rate
        self.device_rate = device_rate
        self._resampler: StreamResampler | None = None
        self._device = int(device) if isinstance(device, str) and device.isdigit() else device
        self._stream: Any = None  # sounddevice.InputStream once open
        # PortAudio's callback never waits: a stalled reader loses the newest blocks
        self._queue: BoundedQueue[np.ndarray] = BoundedQueue(200, Overflow.DROP_NEWEST)
        self._pending = np.zeros(0, np.float32)
        self._lost = False

    def open(self) -> None:
        self._stream, self.device_rate, self._resampler = open_mono_stream(
            "input", self._device, self.rate, self.device_rate, self._callback, self._finished)

    def _callback(self, indata, frames, time, status) -> None:
        # PortAudio's thread: copy and hand over, nothing more (resampling happens in read())
        block = indata[:, 0].copy()
        self._queue.put(block)

    def _finished(self) -> None:
        self._lost = True

    def read(self, n: int) -> np.ndarray:
        while len(self._pending) < n:
            try:
                block = self._queue.get(timeout=1.0)
            except queue.Empty as exc:
                raise SourceLost("the microphone stopped delivering sound (unplugged?)") from exc
            if self._resampler is not None:
                block = self._resampler.process(block)
            self._pending = np.concatenate([self._pending, block])
        out, self._pending = self._pending[:n], self._pending[n:]
        return out

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
        self._stream = None
