"""The link on a lossy uplink, on loopback in one process: the witness's outgoing video and voice
packets are dropped (every 20th video packet, every 12th voice packet, deterministically) on their
way out.  The court — with a judge's monitor, so it receives two video tracks (the masked and the
judge's), the case in which aiortc itself dropped every retransmission — asks for the lost video packets again and gets
them (NACK → RTX), the picture keeps coming, the voice skips its lost packets instead of stalling,
and the court's summary carries the capture → decoded latency and the audio-gap figures.  How fast
is the benchmark's business (benchmarks/link_net_bench.py), not this test's."""

from __future__ import annotations

import asyncio
import struct

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from recording.masking.face import FaceMasker
from recording.masking.voice import VoiceMasker
from recording.pipeline import SessionPipeline
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource, demo_audio_source
from recording.transport.court import CourtStation
from recording.transport.court_media import questioner_cameras
from recording.transport.invite import parse_invite
from recording.transport.witness import LinkFeed, WitnessLink

SIZE = (320, 180)
FPS = 30


def court_key() -> tuple[bytes, Ed25519PrivateKey]:
    k = Ed25519PrivateKey.generate()
    return k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw), k


@pytest.mark.slow
def test_a_lossy_uplink_is_repaired_and_measured():
    plan = demo_plan()
    pipeline = SessionPipeline(plan, DemoVideoSource(SIZE, FPS), demo_audio_source(), FaceMasker(style="opaque"),
                               lambda p: VoiceMasker(p, sample_rate=48_000), realtime=True)
    dropped = {"video": 0, "audio": 0}

    async def main():
        court = CourtStation(plan=plan, to_witness=questioner_cameras(plan, (320, 180), 15), judge_monitor=True)
        await court.open()
        pub, key = court_key()
        invite = parse_invite(court.invitation(pub, key.sign))
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline, judge=True)  # the judge's unmasked tracks too: two video receivers
        link = WitnessLink(invite, feed, media={"fps": FPS})
        serving = asyncio.ensure_future(court.serve(duration=30, join_timeout=30))
        await link.join()
        await link.start_media()
        labelled = {s.track.counter.label: s for s in link.pc.getSenders() if hasattr(s.track, "counter")}
        video, audio = labelled["court/video"]._ssrc, labelled["court/audio/floor"]._ssrc
        dtls = labelled["court/video"].transport
        send = dtls._send_rtp

        async def lossy(data: bytes) -> None:
            if len(data) >= 12 and not 192 <= data[1] <= 223:
                seq, ssrc = struct.unpack_from("!H", data, 2)[0], struct.unpack_from("!I", data, 8)[0]
                if ssrc == video and seq % 20 == 7:
                    dropped["video"] += 1
                    return
                if ssrc == audio and seq % 12 == 5:
                    dropped["audio"] += 1
                    return
            await send(data)

        dtls._send_rtp = lossy
        pipeline.max_frames = 6 * FPS
        pipeline.start()
        await link.run_until(pipeline.finished.is_set)
        await asyncio.sleep(0.5)
        hooks = court._pc.link_hooks
        figures = hooks.stats()

        await link.close()
        pipeline.stop()
        return await serving, figures, link.stats()

    stats, figures, sent = asyncio.run(main())
    assert dropped["video"] > 0 and dropped["audio"] > 0
    # lost video packets were asked for and came back: retransmissions reach the receiver
    assert figures["nacks_sent"] > 0 and figures["packets_recovered"] > 0, figures
    assert stats.frames_received >= 0.5 * sent["frames_sent"] > 0, (stats.frames_received, sent["frames_sent"])
    # the voice skipped its lost packets and went on
    assert figures["audio_packets_skipped"] > 0 and stats.audio_blocks_received > 50
    # the summary's figures: capture → decoded (stamped RTP timestamps) and the floor's holes
    assert stats.latency_ms_p50 is not None and 0 < stats.latency_ms_p50 <= stats.latency_ms_p95
    assert stats.audio_gap_seconds >= 0 and isinstance(stats.audio_gaps, int)
    assert stats.link and "estimate_kbps" in stats.link
