"""Link benchmark: glass-to-glass latency on loopback and CPU per station, two processes.

    .venv/bin/python benchmarks/link_bench.py [--size 1280x720] [--fps 30] [--seconds 15]

The witness process runs the live demo pipeline (real face and voice maskers, realtime) and sends the
court audience over WebRTC; the court process receives and decodes.  At capture, the witness source
stamps the capture time (CLOCK_MONOTONIC, shared by all processes of the machine, in ms mod 2^32) into
the top-left corner of the frame as 32 black/white blocks; the court reads the stamp back from the
decoded BGR picture (what a display would paint) and takes the difference.  So the figure covers
capture → masking → encode → network → decode → BGR conversion; what it leaves out is the camera's
own exposure/readout and the screen's refresh (one frame of each at most: ~33 + ~17 ms at 30 fps /
60 Hz).  CPU per station = the process's CPU time / wall time while media flows (100% = one core).
The witness station's own local recording is not running here (it adds its H.264 encodes).
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

BITS = 32


def block_size(width: int) -> int:
    return max(4, min(16, width // 64))


def stamp(image: np.ndarray, value: int) -> None:
    b = block_size(image.shape[1])
    image[: b * 2, : b * (BITS + 2)] = 0
    for i in range(BITS):
        if (value >> i) & 1:
            image[b // 2: b // 2 + b, b * (i + 1): b * (i + 2)] = 255


def read_stamp(image: np.ndarray) -> int:
    b = block_size(image.shape[1])
    y = b // 2 + b // 2
    value = 0
    for i in range(BITS):
        x = b * (i + 1) + b // 2
        if image[y - 1:y + 2, x - 1:x + 2].mean() > 128:
            value |= 1 << i
    return value


def now_ms() -> int:
    return int(time.monotonic() * 1000) & 0xFFFFFFFF


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p / 100 * len(values)))], 1) if values else float("nan")


def run_court(args: argparse.Namespace) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from recording.session import demo_plan
    from recording.transport.court import CourtStation
    from recording.transport.court_media import questioner_cameras
    from recording.transport.invite import write_invite

    lat: list[float] = []
    cpu: dict[str, float] = {}

    class Reader:
        def on_video(self, frame, arrival) -> None:
            if "cpu0" not in cpu:
                cpu["cpu0"], cpu["t0"] = time.process_time(), time.monotonic()
            cpu["cpu1"], cpu["t1"] = time.process_time(), time.monotonic()
            image = frame.to_ndarray(format="bgr24")
            d = (now_ms() - read_stamp(image)) & 0xFFFFFFFF
            if d < 5000:
                lat.append(float(d))

        def on_audio(self, samples, pts, arrival) -> None:
            pass

    async def main():
        plan = demo_plan()  # the court sends the judge's card (480x270 @15) to the witness, as in real use
        court = CourtStation(consumers=[Reader()], plan=plan, to_witness=questioner_cameras(plan))
        await court.open()
        key = Ed25519PrivateKey.generate()
        pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        write_invite(args.invite, court.invitation(pub, key.sign))
        return await court.serve(duration=args.seconds + 20, join_timeout=60)

    stats = asyncio.run(main())
    span = cpu.get("t1", 0.0) - cpu.get("t0", 0.0)
    court_cpu = round(100 * (cpu["cpu1"] - cpu["cpu0"]) / span, 1) if span > 0 else None
    print(json.dumps({"role": "court", "frames_received": stats.frames_received, "fps_received": stats.fps_received,
                      "first_frame_ms": stats.first_frame_ms, "stalls": stats.stalls,
                      "glass_to_glass_ms_p50": pct(lat, 50), "glass_to_glass_ms_p95": pct(lat, 95),
                      "glass_to_glass_ms_max": pct(lat, 100), "stamps_read": len(lat), "court_cpu_percent": court_cpu,
                      "card_frames_sent": stats.to_witness_frames_sent}), flush=True)


def run_witness(args: argparse.Namespace) -> None:
    from recording.masking.face import FaceMasker
    from recording.masking.voice import VoiceMasker
    from recording.pipeline import SessionPipeline
    from recording.session import demo_plan
    from recording.sources.demo import DemoVideoSource, demo_audio_source
    from recording.transport.invite import load_invite
    from recording.transport.witness import LinkFeed, WitnessLink

    w, h = (int(x) for x in args.size.split("x"))

    class Stamped(DemoVideoSource):
        def read(self):
            image = super().read()
            if image is not None:
                image = image.copy()
                stamp(image, now_ms())
            return image

    pipeline = SessionPipeline(demo_plan(), Stamped((w, h), args.fps), demo_audio_source(),
                               FaceMasker(style="opaque"), lambda p: VoiceMasker(p, sample_rate=48_000))
    invite = load_invite(args.invite)

    async def main():
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(invite, feed, media={"fps": args.fps})
        await link.join()
        await link.start_media()
        pipeline.max_frames = int(args.seconds * args.fps)
        cpu0, t0 = time.process_time(), time.monotonic()
        pipeline.start()
        await link.run_until(pipeline.finished.is_set)
        cpu, wall = time.process_time() - cpu0, time.monotonic() - t0
        await asyncio.sleep(0.5)
        await link.close()
        pipeline.stop()
        return link, cpu, wall

    link, cpu, wall = asyncio.run(main())
    print(json.dumps({"role": "witness", "frames_captured": pipeline.status.frame_index + 1,
                      "frames_sent": link.feed.video.frames_sent, "cpu_percent": round(100 * cpu / wall, 1),
                      "wall_seconds": round(wall, 2)}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--fps", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--role", choices=["court", "witness"], default=None)
    ap.add_argument("--invite", default=None)
    args = ap.parse_args()
    if args.role == "court":
        return run_court(args)
    if args.role == "witness":
        return run_witness(args)
    with tempfile.TemporaryDirectory() as d:
        inv = os.path.join(d, "invite.json")
        base = [sys.executable, __file__, "--size", args.size, "--fps", str(args.fps), "--seconds",
                str(args.seconds), "--invite", inv]
        court = subprocess.Popen([*base, "--role", "court"], stdout=subprocess.PIPE, text=True)
        for _ in range(300):
            if os.path.exists(inv):
                break
            time.sleep(0.1)
        t0 = time.monotonic()
        witness = subprocess.run([*base, "--role", "witness"], capture_output=True, text=True)
        wall_w = time.monotonic() - t0
        cout, _ = court.communicate(timeout=120)
        wall_c = time.monotonic() - t0
        wres = json.loads(witness.stdout.strip().splitlines()[-1])
        cres = json.loads(cout.strip().splitlines()[-1])
        out = {"size": args.size, "fps": args.fps, "seconds": args.seconds,
               **{k: v for k, v in cres.items() if k != "role"},
               "witness_cpu_percent": wres["cpu_percent"], "witness_frames_captured": wres["frames_captured"],
               "witness_frames_sent": wres["frames_sent"], "witness_wall": round(wall_w, 1),
               "court_wall": round(wall_c, 1)}
        print(json.dumps(out))


if __name__ == "__main__":
    main()
