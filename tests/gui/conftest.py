"""GUI test set-up: offscreen Qt, OpenCV's Qt variables dropped, fake sessions on the demo source,
temporary vaults with a sealed recording."""

from __future__ import annotations

import gc
import os
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from desktop.app import import_cv2  # noqa: E402

import_cv2()  # other tests may import cv2 first: never let Qt load OpenCV's Qt5 plugins

from recording.model import AUDIO_RATE  # noqa: E402
from recording.pipeline import SessionPipeline  # noqa: E402
from recording.session import SessionLifecycle, SessionPlan, State, demo_plan  # noqa: E402
from recording.sources.demo import DemoVideoSource  # noqa: E402
from tests.helpers.fakes import BoxMasker, GainVoice  # noqa: E402
from ui.concurrency import OpRunner  # noqa: E402

SMALL = (320, 180)


class ToneSource:
    """A steady 440 Hz "microphone" at -12 dBFS."""

    name = "tone"
    rate = AUDIO_RATE
    live = False

    def __init__(self) -> None:
        self._pos = 0

    def open(self) -> None:
        self._pos = 0

    def read(self, n: int) -> np.ndarray:
        t = (self._pos + np.arange(n)) / AUDIO_RATE
        self._pos += n
        return (0.25 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)

    def close(self) -> None:
        pass


class FakeSummary:
    def __init__(self, recordings: list[dict[str, Any]]) -> None:
        self.recordings = recordings
        self.errors: list[str] = []
        self.breaks: list[dict[str, Any]] = []


class FakeLiveSession:
    """LiveSession's interface on a real pipeline (demo witness 320x180, instant fake maskers), with no
    vault: recording is simulated."""

    def __init__(self, plan: SessionPlan) -> None:
        plan.validate()
        self.plan = plan
        self.lifecycle = SessionLifecycle(plan)
        self.video = DemoVideoSource(SMALL, 30)
        self.pipeline = SessionPipeline(plan, self.video, ToneSource(), BoxMasker((100, 40, 220, 160)),
                                        GainVoice, realtime=True)
        self.recorder: Any = None
        self.ended = threading.Event()

    def go_live(self) -> None:
        if self.lifecycle.state is State.DRAFT:
            self.lifecycle.transition(State.WAITING)
        self.pipeline.start()
        self.lifecycle.transition(State.LIVE)

    def start_recording(self) -> None:
        time.sleep(0.05)
        self.recorder = object()
        self.lifecycle.log("recording", "started")

    def stop_recording(self) -> list:
        self.recorder = None
        self.lifecycle.log("recording", "stopped and sealed")
        return []

    def request_break(self, by: str = "witness") -> None:
        if self.lifecycle.state is not State.LIVE:
            return
        t = self.pipeline.set_break(True)
        self.lifecycle.start_break(by, t)

    def end_break(self) -> None:
        if self.lifecycle.state is not State.BREAK:
            return
        t = self.pipeline.set_break(False)
        self.lifecycle.end_break(t)

    def end(self) -> FakeSummary:
        if self.lifecycle.state is State.BREAK:
            self.end_break()
        self.stop_recording()
        self.pipeline.stop()
        if self.lifecycle.state in (State.LIVE, State.WAITING):
            self.lifecycle.transition(State.ENDED)
        if self.lifecycle.state is State.ENDED:
            self.lifecycle.transition(State.SEALED, "recordings sealed in the vault")
        self.ended.set()
        return FakeSummary([{"id": "0123456789abcdef", "kind": "masked"}])


@pytest.fixture(autouse=True)
def collect_qt_garbage_here():
    """Collect each test's garbage on the GUI thread when it ends.  A test's session controller and
    pipeline hold each other (the break listener), so they are freed by the cyclic collector — which
    otherwise runs whenever some later thread allocates (a link test's codec thread), destroying Qt
    objects (timers) off the GUI thread: a segfault in a later, unrelated test."""
    yield
    gc.collect()


@pytest.fixture
def runner():
    r = OpRunner("test-ops")
    yield r
    r.shutdown(wait=True)


@pytest.fixture
def fake_session():
    sessions: list[FakeLiveSession] = []

    def make(plan: SessionPlan | None = None) -> FakeLiveSession:
        s = FakeLiveSession(plan or demo_plan())
        sessions.append(s)
        return s

    yield make
    for s in sessions:
        s.pipeline.stop()


def make_mkv(seconds: float = 3.0, size: tuple[int, int] = SMALL, fps: int = 30) -> bytes:
    """A small MKV as the recorder writes it into the vault: to a non-seekable sink (live-mode Matroska,
    no Duration, no Cues), H.264 + floor (eng) and Spanish interpretation tracks."""
    import io

    from recording.encode.writer import AudioTrack, MkvWriter

    class Sink(io.RawIOBase):
        def __init__(self) -> None:
            self.data = bytearray()

        def writable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return False

        def write(self, b) -> int:  # noqa: ANN001
            self.data += bytes(b)
            return len(b)

    buf = Sink()
    w = MkvWriter(buf, size[0], size[1], fps,
                  (AudioTrack("eng", "Floor"), AudioTrack("spa", "Spanish interpretation")))
    src = DemoVideoSource(size, fps)
    src.open()
    n = int(seconds * fps)
    per = AUDIO_RATE // fps
    tone = ToneSource()
    for i in range(n):
        w.write_video(src.read(), i)
        block = tone.read(per)
        w.write_audio(0, block, i * per)
        w.write_audio(1, block * 0.5, i * per)
    w.close()
    src.close()
    return bytes(buf.data)


@pytest.fixture(scope="session")
def mkv_bytes() -> bytes:
    return make_mkv()


@pytest.fixture
def sealed_vault(tmp_path: Path, mkv_bytes: bytes):
    """A vault (fast KDF, passphrase PASS) with one sealed masked recording; returns (vault, rec_id)."""
    from tests.helpers.temp_vault import PASS, make_vault

    v = make_vault(tmp_path / "vault")
    meta = {"case_number": "T2026-0142", "kind": "masked", "languages": ["spa"]}
    w = v.create_recording(meta, ["judge", "clerk"])
    for i in range(0, len(mkv_bytes), 50_000):
        w.write(mkv_bytes[i:i + 50_000])
    w.set_meta("duration", 3.0)
    w.set_meta("chapters", [{"title": "Break", "start": 1.0, "end": 2.0}])
    rec_id = w.seal()
    v.passphrase = PASS  # for the tests' convenience
    return v, rec_id


#: Harmless messages of a machine without a screen or sound server: the offscreen platform plugin (no
#: window manager to propagate size hints to), QtMultimedia finding no PulseAudio server and no GPU.
OFFSCREEN_NOISE = (r"This plugin does not support propagateSizeHints\(\)",
                   r"PulseAudioService: pa_context_connect\(\) failed",
                   r"No RHI backend\. Using CPU conversion")


def pytest_collection_modifyitems(config, items):  # noqa: ANN001
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))
