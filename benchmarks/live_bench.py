"""Live pipeline benchmark: capture (demo source) → face + voice masking → per-audience fan-out →
two H.264/Opus recordings (masked and raw) encrypted into a vault, as fast as the machine allows.

    .venv/bin/python benchmarks/live_bench.py [--seconds 10] [--size 1280x720] [--languages spa,fra]

Prints JSON: pipeline fps (frames through masking, fan-out and both encoders per wall second; >= 30
means the live session keeps up), masking-stage time per frame (median/p99), capture-to-output
latency, CPU seconds per media second, and the curtained-frame count.  Not a test; quote medians.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.live import LiveSession
from desktop.settings import Settings
from recording.model import Audience
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource, demo_audio_source
from vault.keys import KdfParams
from vault.store import Vault


class Timing:
    def __init__(self, session: LiveSession) -> None:
        self.session = session
        self.mask_ms: list[float] = []
        self.latency_ms: list[float] = []

    def on_video(self, audience, image, index, pts, decision) -> None:
        st = self.session.pipeline.status
        self.mask_ms.append(st.mask_ms)
        self.latency_ms.append(st.capture_to_output_ms)

    def on_audio(self, *a) -> None:
        pass


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(q * len(xs)))], 2)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--languages", default="")
    ap.add_argument("--backdrop", choices=("off", "masked", "all"), default="off",
                    help="the plan's hide-the-room setting (measures.backdrop)")
    a = ap.parse_args()
    w, h = (int(x) for x in a.size.split("x"))
    langs = tuple(x for x in a.languages.split(",") if x)
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.open_or_init(Path(tmp) / "vault", "bench", kdf=KdfParams.fast())
        plan = demo_plan(langs)
        plan.measures.backdrop = a.backdrop
        session = LiveSession(plan, Settings(video_size=(w, h)), vault, "bench", realtime=False,
                              video=DemoVideoSource((w, h), 30.0), audio=demo_audio_source())
        timing = Timing(session)
        session.pipeline.subscribe({Audience.COURT}, timing)
        frames = int(a.seconds * 30)
        session.pipeline.max_frames = frames
        session.start_recording()
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        session.go_live()
        session.pipeline.finished.wait()
        summary = session.end()  # includes flushing both encoders and sealing
        wall = time.perf_counter() - t0
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    print(json.dumps({
        "size": [w, h], "frames": summary.frames, "languages": list(langs), "backdrop": a.backdrop,
        "pipeline_fps": round(summary.frames / wall, 1),
        "realtime_factor": round(a.seconds / wall, 2),
        "cpu_seconds_per_media_second": round(cpu / a.seconds, 2),
        "mask_stage_ms": {"median": round(statistics.median(timing.mask_ms), 2), "p99": pct(timing.mask_ms, 0.99)},
        "mask_stage_fps_median": round(1000 / max(0.01, statistics.median(timing.mask_ms)), 1),
        "capture_to_output_ms": {"median": round(statistics.median(timing.latency_ms), 2),
                                 "p99": pct(timing.latency_ms, 0.99)},
        "curtained_frames": summary.curtained_frames,
        "recordings": [r["kind"] for r in summary.recordings], "errors": summary.errors,
    }))


if __name__ == "__main__":
    main()
