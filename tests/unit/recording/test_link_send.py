"""The witness's send path: the video track encodes ahead, the pacer waits once a frame, frames
are converted for the encoders outside the GIL."""

from __future__ import annotations

import asyncio
import time

import av
import numpy as np
import pytest
from aiortc.mediastreams import MediaStreamError

from recording.encode.frames import yuv420p_frame
from recording.model import Decision
from recording.transport.adapt import SendController
from recording.transport.media_tracks import VIDEO_CLOCK, PipelineVideoTrack, TrackCounter
from recording.transport.pacer import Pacer
from recording.transport.queues import DropOldest
from recording.transport.vp8_encoder import BoundedKeyframeVp8Encoder


def image(i: int, w: int = 640, h: int = 360) -> np.ndarray:
    rng = np.random.default_rng(i)
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = (40 + i, 120, 200)
    img[h // 4:h // 2, w // 4:w // 2] = rng.integers(0, 255, (h // 4, w // 4, 3), dtype=np.uint8)
    return img


def test_the_encoder_frame_matches_ffmpegs_own_conversion_and_takes_odd_sizes():
    img = image(3)
    ours = yuv420p_frame(img).to_ndarray()
    theirs = av.VideoFrame.from_ndarray(img, format="bgr24").reformat(format="yuv420p").to_ndarray()
    assert ours.shape == theirs.shape
    assert np.abs(ours.astype(int) - theirs.astype(int)).mean() < 1.5  # same matrix and range
    odd = yuv420p_frame(image(1, 321, 181))
    assert (odd.width, odd.height) == (321, 181)


def test_the_track_encodes_ahead_decodably_with_capture_stamps_and_keyframes_on_request():
    async def main() -> tuple[list[av.Packet], TrackCounter, list[bool]]:
        q = DropOldest(asyncio.get_running_loop(), 8)
        counter = TrackCounter("court/video")
        ctl = SendController((640, 360), 30.0, start=2)
        track = PipelineVideoTrack(q, counter, controller=ctl)
        track.encoder = BoundedKeyframeVp8Encoder()
        anchor = 1_700_000_000.0
        for i in range(6):
            q.put((image(i), i / 30, Decision.DETECTED, anchor))
        packets = [await track.recv() for _ in range(3)]
        track.request_keyframe()
        packets += [await track.recv() for _ in range(2)]
        keys = [bytes(p)[0] & 1 == 0 for p in packets]  # the VP8 frame tag: bit 0 clear on a keyframe
        track.stop()
        return packets, counter, keys

    packets, counter, keys = asyncio.run(main())
    assert all(isinstance(p, av.Packet) and p.size > 0 for p in packets)
    assert [p.pts - packets[0].pts for p in packets] == [0, 3000, 6000, 9000, 12000]  # 90 kHz from media time
    assert packets[0].pts == round(1_700_000_000.0 * VIDEO_CLOCK)
    assert counter.frames_sent == 5 and counter.first_pts == 0.0
    # the keyframe asked for after the third frame is the next frame encoded: the fourth, or the fifth
    # when the fourth was already being encoded ahead
    assert keys[0] and not keys[1] and not keys[2] and keys[3] != keys[4]
    dec = av.CodecContext.create("libvpx", "r")
    frames = [f for p in packets for f in dec.decode(av.Packet(bytes(p)))]
    assert len(frames) == 5 and (frames[0].width, frames[0].height) == (640, 360)


def test_a_stopped_track_never_takes_a_frame_from_the_next_track():
    """A reconnection stops the old peer connection's track while it waits for a frame to encode
    ahead: the next frame belongs to the new connection's track."""
    async def main() -> tuple[int, int]:
        q = DropOldest(asyncio.get_running_loop(), 8)
        counter = TrackCounter("court/video")
        ctl = SendController((640, 360), 30.0)
        old = PipelineVideoTrack(q, counter, controller=ctl)
        old.encoder = BoundedKeyframeVp8Encoder()
        q.put((image(0), 0.0, Decision.DETECTED, 0.0))
        await old.recv()  # returns frame 0 and starts waiting for frame 1 to encode ahead
        await asyncio.sleep(0.05)
        old.stop()
        with pytest.raises(MediaStreamError):
            await old.recv()
        new = PipelineVideoTrack(q, counter, controller=ctl)
        new.encoder = BoundedKeyframeVp8Encoder()
        q.put((image(1), 1 / 30, Decision.DETECTED, 0.0))
        packet = await asyncio.wait_for(new.recv(), 10)
        new.stop()
        return packet.pts, counter.frames_sent

    pts, sent = asyncio.run(main())
    assert pts == round(VIDEO_CLOCK / 30) and sent == 2


def test_the_pacer_waits_once_a_frame_and_holds_its_rate():
    """The sender hands a frame's packets over at once and waits for the last one; the packets still
    leave at the pacer's rate (within its 5 ms burst)."""
    sent: list[tuple[float, bytes]] = []

    async def send(data: bytes) -> None:
        sent.append((time.monotonic(), data))

    async def main() -> tuple[float, float]:
        pacer = Pacer(send, lambda: 800_000.0)  # 1000-byte packets: 10 ms each
        t0 = time.monotonic()
        for i in range(9):
            await pacer.video(bytes([0x80, 96]) + bytes([i]) * 998, wait=False)
        handed = time.monotonic() - t0
        await pacer.video(bytes([0x80, 96 | 0x80]) + b"L" * 998, wait=True)  # the frame's last packet
        took = time.monotonic() - t0
        await pacer.close()
        return handed, took

    handed, took = asyncio.run(main())
    assert [d[2:3] for _, d in sent] == [bytes([i]) for i in range(9)] + [b"L"]
    assert handed < 0.02  # nine packets handed over without waiting for them to leave
    assert took >= 0.08  # ten packets of 10 ms at the rate, less one 5 ms burst
