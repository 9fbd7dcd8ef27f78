"""Link benchmark: the live demo pipeline (real face and voice maskers) sends the court audience over
WebRTC on loopback to a court station in the same process.

    .venv/bin/python benchmarks/link_bench.py [--size 1280x720] [--seconds 10]

Reports first-frame latency (admission → first decoded frame at the court), frames per second
received, and the masked-output-to-court-decode latency per frame (p50/p95): the time from the
pipeline handing the masked frame to the link until the court has decoded it.  Add the pipeline's
capture → masked-output time (also reported) for glass-to-glass minus display.  Both stations share
one process and the GIL here, so the figures are pessimistic against two processes.  Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from recording.masking.face import FaceMasker  # noqa: E402
from recording.masking.voice import VoiceMasker  # noqa: E402
from recording.model import Audience  # noqa: E402
from recording.pipeline import SessionPipeline  # noqa: E402
from recording.session import demo_plan  # noqa: E402
from recording.sources.demo import DemoVideoSource, demo_audio_source  # noqa: E402
from recording.transport.court import CourtStation  # noqa: E402
from recording.transport.invite import parse_invite  # noqa: E402
from recording.transport.witness import LinkFeed, WitnessLink  # noqa: E402


class _Stamp:
    """Records when the pipeline hands each masked frame to the court audience (by media time)."""

    def __init__(self) -> None:
        self.out: dict[int, float] = {}
        self.capture_ms: list[float] = []
        self.pipeline: SessionPipeline | None = None

    def on_video(self, audience, image, index, pts, decision) -> None:  # noqa: ANN001
        self.out[index] = time.monotonic()
        if self.pipeline is not None:
            self.capture_ms.append(self.pipeline.status.capture_to_output_ms)

    def on_audio(self, audience, channel, samples, start_sample) -> None:  # noqa: ANN001
        pass


class _Arrivals:
    def __init__(self) -> None:
        self.frames: list[tuple[int, float]] = []

    def on_video(self, frame, arrival: float) -> None:  # noqa: ANN001
        self.frames.append((frame.pts, arrival))

    def on_audio(self, samples, pts_samples: int, arrival: float) -> None:  # noqa: ANN001
        pass


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p / 100 * len(values)))], 1) if values else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--fps", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=10.0)
    args = ap.parse_args()
    w, h = (int(x) for x in args.size.split("x"))
    fps = args.fps
    pipeline = SessionPipeline(demo_plan(), DemoVideoSource((w, h), fps), demo_audio_source(),
                               FaceMasker(style="opaque"), lambda p: VoiceMasker(p, sample_rate=48_000))
    stamp, arrivals = _Stamp(), _Arrivals()
    stamp.pipeline = pipeline
    pipeline.subscribe({Audience.COURT}, stamp)

    async def run():
        court = CourtStation(consumers=[arrivals])
        await court.open()
        key = Ed25519PrivateKey.generate()
        pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        invite = parse_invite(court.invitation(pub, key.sign))
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(invite, feed, media={"fps": fps})
        serving = asyncio.ensure_future(court.serve(duration=args.seconds + 10, join_timeout=10))
        await link.join()
        await link.start_media()
        pipeline.max_frames = int(args.seconds * fps)
        pipeline.start()
        await link.run_until(pipeline.finished.is_set)
        await asyncio.sleep(0.5)
        await link.close()
        pipeline.stop()
        return link, await serving

    cpu0 = time.process_time()
    link, stats = asyncio.run(run())
    cpu = time.process_time() - cpu0
    first_index = round(link.feed.video.first_pts * fps)
    pts0 = arrivals.frames[0][0] if arrivals.frames else 0
    lat = []
    for pts, arrival in arrivals.frames:
        index = first_index + round((pts - pts0) * fps / 90_000)
        if index in stamp.out:
            lat.append((arrival - stamp.out[index]) * 1000)
    print(json.dumps({
        "size": [w, h], "fps": fps, "seconds": args.seconds,
        "frames_sent": link.feed.video.frames_sent, "frames_received": stats.frames_received,
        "fps_received": stats.fps_received, "first_frame_ms": stats.first_frame_ms,
        "link_latency_ms_p50": pct(lat, 50), "link_latency_ms_p95": pct(lat, 95),
        "capture_to_masked_ms_p50": pct(stamp.capture_ms, 50),
        "process_cpu_seconds": round(cpu, 2), "stalls": stats.stalls,
    }))


if __name__ == "__main__":
    main()
