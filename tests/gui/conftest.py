"""GUI test set-up: offscreen Qt, OpenCV's Qt variables dropped, fake sessions on the demo source,
temporary vaults with a sealed recording."""

from __future__ import annotations

import gc
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop.app import import_cv2

import_cv2()  # other tests may import cv2 first: never let Qt load OpenCV's Qt5 plugins

from recording.model import AUDIO_RATE  # noqa: E402
from recording.session import SessionPlan, demo_plan  # noqa: E402
from recording.sources.demo import DemoVideoSource  # noqa: E402
from tests.helpers.fake_session import SMALL, FakeLiveSession  # noqa: E402
from tests.helpers.sources import ToneSource  # noqa: E402
from ui.concurrency import OpRunner  # noqa: E402


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

        def write(self, b) -> int:
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
                   r"No RHI backend\. Using CPU conversion",
                   r"Couldn't (load|resolve) pipewire")  # QtMultimedia on a machine without PipeWire


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))
