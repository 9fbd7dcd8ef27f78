"""The recorder: one encoder per kind into its sink; a failing sink (disk full) stops only that
recording, cleanly, and what was written before is sealed."""

import io

import av

from recording.model import Audience
from recording.pipeline import SessionPipeline
from recording.recorder import Recorder
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.helpers.sources import ToneSource


class MemorySink(io.RawIOBase):
    def __init__(self, fail_after: int | None = None) -> None:
        self.buf = bytearray()
        self.meta: dict = {}
        self.fail_after = fail_after
        self.flushes = 0
        self.sealed = False
        self.aborted = False

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, b) -> int:
        if self.fail_after is not None and len(self.buf) + len(b) > self.fail_after:
            raise OSError(28, "No space left on device")
        self.buf += bytes(b)
        return len(b)

    def flush(self) -> None:
        self.flushes += 1

    def tell(self) -> int:
        return len(self.buf)

    def set_meta(self, key, value) -> None:
        self.meta[key] = value

    def seal(self) -> str:
        self.sealed = True
        return f"rec-{self.meta['kind']}"

    def abort(self) -> None:
        self.aborted = True


def run_session(sinks: dict, frames: int = 75, realtime: bool = False):
    plan = demo_plan()
    p = SessionPipeline(plan, DemoVideoSource((160, 90), 30.0), ToneSource(amplitude=0.5), BoxMasker(), GainVoice,
                        realtime=realtime)

    def factory(kind, meta):
        sinks[kind].meta.update(meta)
        return sinks[kind]

    rec = Recorder(p, factory, {"case_number": "T-1"})
    rec.start()
    p.max_frames = frames
    p.start()
    assert p.finished.wait(60)
    if frames > 40:
        p.set_break(True)
    results = rec.stop()
    p.stop()
    return {r.kind: r for r in results}


def test_both_recordings_complete_and_flushed_every_second():
    sinks = {"masked": MemorySink(), "raw": MemorySink()}
    results = run_session(sinks)
    for kind, sink in sinks.items():
        assert sink.sealed and results[kind].recording_id == f"rec-{kind}"
        assert sink.flushes >= 2  # 75 frames at 30 fps: flushed about once a second
        assert sink.meta["frames"] == 75 and sink.meta["kind"] == kind
        with av.open(io.BytesIO(bytes(sink.buf))) as c:
            assert sum(1 for _ in c.decode(video=0)) == 75


def test_disk_full_stops_that_recording_cleanly_and_keeps_what_was_written():
    sinks = {"masked": MemorySink(), "raw": MemorySink(fail_after=6000)}
    results = run_session(sinks)
    raw, masked = results["raw"], results["masked"]
    assert "No space left" in raw.error
    assert sinks["raw"].sealed, "what was written before the disk filled must be sealed"
    assert len(sinks["raw"].buf) > 0
    assert not masked.error and sinks["masked"].sealed
    with av.open(io.BytesIO(bytes(sinks["masked"].buf))) as c:
        assert sum(1 for _ in c.decode(video=0)) == 75


def test_plan_can_pause_the_recording_during_breaks():
    plan = demo_plan()
    plan.measures.pause_recording_in_breaks = True
    p = SessionPipeline(plan, DemoVideoSource((160, 90), 30.0), ToneSource(amplitude=0.5), BoxMasker(), GainVoice,
                        realtime=False)
    sinks = {"masked": MemorySink(), "raw": MemorySink()}

    class BreakAt:
        def on_video(self, audience, image, index, pts, decision):
            if index == 20:
                p.set_break(True)
            elif index == 50:
                p.set_break(False)

        def on_audio(self, *a):
            pass

    p.subscribe({Audience.COURT}, BreakAt())

    def factory(kind, meta):
        sinks[kind].meta.update(meta)
        return sinks[kind]

    rec = Recorder(p, factory, {"case_number": "T-2"})
    rec.start()
    p.max_frames = 80
    p.start()
    assert p.finished.wait(60)
    results = {r.kind: r for r in rec.stop()}
    p.stop()
    assert results["masked"].frames == 50  # 30 break frames not recorded
    (chapter,) = sinks["masked"].meta["chapters"]
    assert chapter["title"] == "Break (recording paused)" and chapter["end"] > chapter["start"]
    with av.open(io.BytesIO(bytes(sinks["masked"].buf))) as c:
        times = [float(f.time) for f in c.decode(video=0)]
    assert len(times) == 50
    assert max(b - a for a, b in zip(times, times[1:], strict=False)) > 0.9  # the gap of the break


class StalledSink(MemorySink):
    """A disk (or store) that stops answering: every write waits until released."""

    def __init__(self) -> None:
        super().__init__()
        import threading

        self.release = threading.Event()

    def write(self, b) -> int:
        self.release.wait(60)
        return super().write(b)


def test_a_stalled_disk_never_freezes_the_pipeline_and_the_drops_are_counted():
    stalled = StalledSink()
    sinks = {"masked": stalled, "raw": MemorySink()}
    p = SessionPipeline(demo_plan(), DemoVideoSource((160, 90), 30.0), ToneSource(), BoxMasker(), GainVoice,
                        realtime=True)

    def factory(kind, meta):
        sinks[kind].meta.update(meta)
        return sinks[kind]

    rec = Recorder(p, factory, {"case_number": "T-1"})
    rec.start()
    p.max_frames = 150
    p.start()
    # a live session: its 5 s of media go through to every audience while the masked recording's disk is stuck
    assert p.finished.wait(30) and not stalled.buf
    stalled.release.set()
    results = {r.kind: r for r in rec.stop()}
    p.stop()
    assert results["masked"].dropped_frames > 0 and stalled.sealed
    assert stalled.meta["dropped"]["video_frames"] == results["masked"].dropped_frames
