"""Poor-network logic on a simulated clock: the reorder buffers (NACK, bounded wait, keyframe
recovery), the receiver's rate estimate, the sender's ladder, the frame gate, and the court's
measures (latency stamps, audio holes, the console's quality level)."""

from __future__ import annotations

import asyncio

from aiortc.rtp import RTCP_RTPFB_NACK, RtcpRtpfbPacket

from recording.transport.adapt import LADDER, FrameGate, RateEstimator, SendController
from recording.transport.pacer import Pacer, stamp_send_time
from recording.transport.quality import HOLE, AudioContinuity, QualityWindow, capture_latency, now_90k
from recording.transport.rtp_hooks import PeerHooks
from recording.transport.video_rx import AudioReorder, VideoReorder, unwrap, vp8_flags


def vp8(start: bool, key: bool = False) -> bytes:
    """A VP8 RTP payload: descriptor (S bit, partition 0) and, at a frame start, the payload header."""
    return bytes([0x10 if start else 0x00, 0x00 if key else 0x01, 0, 0])


class Stream:
    """Packets of a VP8 stream: ``frames`` of ``per`` packets each, frame i a keyframe if in ``keys``."""

    def __init__(self, per: int = 3, seq0: int = 65530) -> None:
        self.per = per
        self.seq = seq0
        self.ts = 0xFFFFF000

    def frame(self, key: bool = False) -> list[tuple[int, int, bool, bytes, bytes]]:
        out = []
        for i in range(self.per):
            payload = vp8(i == 0, key)
            out.append((self.seq & 0xFFFF, self.ts & 0xFFFFFFFF, i == self.per - 1, payload, bytes([i])))
            self.seq += 1
        self.ts += 3000
        return out


def feed(rx: VideoReorder, pkts, now: float):
    frames, nacks, pli = [], [], False
    for p in pkts:
        a = rx.add(*p, now=now)
        frames += a.frames
        nacks += a.nack
        pli = pli or a.pli
    return frames, nacks, pli


def test_unwrap_and_vp8_flags():
    assert unwrap(2, 65534, 16) == 65538
    assert unwrap(65534, 65538, 16) == 65534
    assert unwrap(5, None, 16) == 5
    assert vp8_flags(vp8(True, True)) == (True, True)
    assert vp8_flags(vp8(True, False)) == (True, False)
    assert vp8_flags(vp8(False)) == (False, False)
    # X bit with a 15-bit picture id before the payload header
    assert vp8_flags(bytes([0x90, 0x80, 0x81, 0x23, 0x00])) == (True, True)


def test_in_order_frames_pass_through_the_sequence_wrap():
    s, rx = Stream(), VideoReorder()
    frames, nacks, pli = feed(rx, s.frame(key=True) + s.frame() + s.frame(), 0.0)
    assert len(frames) == 3 and not nacks and not pli
    assert frames[0][0] == bytes([0, 1, 2])
    assert frames[1][1] - frames[0][1] == 3000  # extended timestamps across the 32-bit wrap


def test_a_lost_packet_is_nacked_and_a_retransmission_completes_the_frame():
    s, rx = Stream(), VideoReorder()
    feed(rx, s.frame(key=True), 0.0)
    f2 = s.frame()
    lost = f2[1]
    frames, nacks, _ = feed(rx, [f2[0], f2[2]] + s.frame(), 0.01)
    assert frames == [] and nacks == [lost[0]]
    # no answer yet: asked again after about a round trip, not on every tick
    assert rx.tick(0.015).nack == []
    assert rx.tick(0.2).nack == [lost[0]] or rx.frames_skipped
    rx2, s2 = VideoReorder(), Stream()
    feed(rx2, s2.frame(key=True), 0.0)
    f2 = s2.frame()
    f3 = s2.frame()
    feed(rx2, [f2[0], f2[2]] + f3, 0.01)
    frames, _, pli = feed(rx2, [f2[1]], 0.03)
    assert len(frames) == 2 and not pli and rx2.recovered == 1  # both frames, in order
    assert rx2.rtt < 0.05  # measured from the NACK to the retransmission


def test_a_frame_given_up_waits_for_a_keyframe_and_asks_for_it():
    s, rx = Stream(), VideoReorder()
    feed(rx, s.frame(key=True), 0.0)
    f2 = s.frame()
    feed(rx, [f2[0], f2[2]], 0.01)  # f2[1] never comes
    frames, _, _ = feed(rx, s.frame() + s.frame(), 0.02)
    assert frames == []
    wait = rx.wait()
    acts = rx.tick(0.02 + wait + 0.01)
    assert acts.pli and acts.frames == [] and rx.frames_skipped == 1 and rx.waiting_key
    # P frames after the loss are not decodable: dropped; PLI repeated, but not on every tick
    frames, _, pli = feed(rx, s.frame(), 0.02 + wait + 0.02)
    assert frames == [] and not pli
    assert rx.tick(0.02 + wait + 0.5).pli
    frames, _, _ = feed(rx, s.frame(key=True) + s.frame(), 1.0)
    assert len(frames) == 2 and not rx.waiting_key and rx.keyframes == 2


def test_the_wait_follows_the_round_trip_within_bounds():
    rx = VideoReorder(min_wait=0.08, max_wait=0.4)
    rx.rtt = 0.001
    assert rx.wait() == 0.08
    rx.rtt = 0.1
    assert abs(rx.wait() - 0.28) < 1e-9
    rx.rtt = 1.0
    assert rx.wait() == 0.4


def test_a_frame_still_arriving_is_not_given_up():
    s, rx = Stream(per=5), VideoReorder()
    f = s.frame(key=True)
    feed(rx, f[:3], 0.0)  # the rest of the keyframe is still on the wire (a slow uplink)
    assert rx.tick(1.0).frames == [] and rx.frames_skipped == 0
    frames, _, _ = feed(rx, f[3:], 1.1)
    assert len(frames) == 1


def test_an_outage_gap_is_not_nacked_and_recovers_at_the_next_keyframe():
    s, rx = Stream(), VideoReorder()
    feed(rx, s.frame(key=True), 0.0)
    for _ in range(100):  # 300 packets lost
        s.frame()
    frames, nacks, _ = feed(rx, s.frame(), 6.0)
    assert nacks == [] and frames == []
    rx.tick(6.0 + rx.wait() + 0.01)
    frames, _, _ = feed(rx, s.frame(key=True), 6.5)
    assert len(frames) == 1


def test_audio_reorder_puts_back_in_order_and_skips_a_lost_packet():
    rx = AudioReorder(wait=0.04)
    assert rx.add(10, 0, b"a", 0.0) == [(b"a", 0)]
    assert rx.add(12, 1920, b"c", 0.02) == []
    assert rx.add(11, 960, b"b", 0.025) == [(b"b", 960), (b"c", 1920)]
    assert rx.add(14, 3840, b"e", 0.06) == []
    assert rx.tick(0.07) == []
    assert rx.tick(0.11) == [(b"e", 3840)] and rx.skipped == 1
    assert rx.add(13, 2880, b"d", 0.12) == []  # too late: never played out of order


def packets(est: RateEstimator, t0: float, t1: float, bps: float, queue_growth: float = 0.0) -> float:
    """Feed ``bps`` of 1000-byte packets from t0 to t1; the one-way delay grows by ``queue_growth`` s/s."""
    t, dt = t0, 8000 / bps
    next_update = t0
    while t < t1:
        send = t - queue_growth * (t - t0)
        est.on_packet(t, 1000, int(send * (1 << 18)) & 0xFFFFFF)
        if t >= next_update:
            est.update(t)
            next_update += 0.1
        t += dt
    return est.estimate


def test_the_estimate_grows_on_a_free_path_and_drops_below_what_arrives_when_a_queue_builds():
    est = RateEstimator(start_bps=500_000)
    assert packets(est, 0.0, 3.0, 600_000) > 900_000  # the sender uses its budget: it may grow
    before = est.estimate
    after = packets(est, 3.0, 5.0, 800_000, queue_growth=0.2)  # a queue builds: 200 ms per second
    assert after < before and after <= 0.9 * 800_000 and est.overuses >= 1
    assert est.queue_ms > 60


def test_a_busy_receiver_reading_a_burst_late_is_not_a_full_path():
    est = RateEstimator(start_bps=1_000_000)
    packets(est, 0.0, 2.0, 600_000)
    before = est.estimate
    # 300 ms of packets sent at their pace, all read at once 300 ms after the last (the court was not
    # scheduled)
    for i in range(25):
        send = 2.0 + i * 0.012
        est.on_packet(2.6 + i * 0.0002, 1000, int(send * (1 << 18)) & 0xFFFFFF)
    est.update(2.61)
    assert est.queue_ms > 80 and est.read_in_a_burst() and est.overuses == 0 and est.estimate >= before


def test_random_loss_alone_does_not_lower_the_estimate():
    est = RateEstimator(start_bps=1_000_000)
    t, dt, k = 0.0, 0.01, 0
    while t < 5.0:
        k += 1
        if k % 20:  # 5 % of the packets never arrive
            est.on_packet(t, 1250, int(t * (1 << 18)) & 0xFFFFFF)
        if k % 10 == 0:
            est.update(t)
        t += dt
    assert est.estimate >= 1_000_000 and est.overuses == 0


def test_the_sender_steps_down_at_once_and_up_only_after_holding():
    c = SendController((1280, 720), 30.0)
    assert c.current == LADDER[2] and c.size() == (640, 360) and c.fps() == 30
    c.on_remb(700_000, 0.0)  # 640 kbit/s left for the video after the voice: 600 fits
    assert c.current == LADDER[2]
    for t in (0.5, 1.0, 1.5):  # 8 % loss: room kept for retransmissions and keyframes
        c.on_report(int(0.08 * 256), 0.02, t)
    c.on_remb(700_000, 1.5)
    assert c.current.kbps <= 600 and c.rung == 3 and c.fps() == 20
    t = c.history[-1][0]
    c.on_remb(300_000, t + 0.5)  # within a second of the last change: no new keyframe yet
    assert c.rung == 3
    c.on_remb(300_000, t + 1.1)
    assert c.current.kbps <= 300 and c.size()[1] <= 270
    low = c.rung
    for i in range(10):  # a free path again: up one rung after holding it for 3 s, not at once
        for _ in range(3):
            c.on_report(0, 0.02, t + 2.0 + i * 0.5)
        c.on_remb(3_000_000, t + 2.0 + i * 0.5)
        if i < 5:
            assert c.rung == low
    assert c.rung == low - 1
    assert c.changes == 3 and [r for _, r in c.history] == [3, low, low - 1]


def test_two_video_streams_share_the_budget_and_the_pace():
    one, two = SendController((1280, 720), 30.0), SendController((1280, 720), 30.0)
    two.streams = 2  # the judge's unmasked video beside the masked one
    for c in (one, two):
        c.on_remb(1_000_000, 0.0)
    assert one.budget_kbps() == 2 * two.budget_kbps()
    assert one.rung == 2 and two.rung == 3  # 465 kbit/s each does not hold 600: one rung down
    assert two.pace_bps() >= 1.5 * 2 * two.bitrate()


def test_the_ladder_never_exceeds_the_camera_or_the_configured_height():
    c = SendController((640, 480), 15.0, max_height=540, start=0)
    assert c.current.height == 540 and c.size() == (640, 480) and c.fps() == 15
    c2 = SendController((1280, 720), 30.0, max_height=360, start=0)
    assert c2.size() == (640, 360)


def test_the_frame_gate_thins_to_the_rate_and_follows_a_change():
    g = FrameGate()
    kept = [i for i in range(30) if g.admit(i / 30, 20)]
    assert len(kept) == 20
    kept = [i for i in range(30, 60) if g.admit(i / 30, 15)]
    assert 14 <= len(kept) <= 16
    kept = [i for i in range(60, 90) if g.admit(i / 30, 30)]
    assert len(kept) == 30


def test_capture_latency_reads_the_stamp_and_refuses_a_random_origin():
    wall = 1_800_000_000.25
    stamp = now_90k(wall - 0.120)
    assert abs(capture_latency(stamp, wall) - 0.120) < 1e-4
    assert capture_latency((stamp + (1 << 31)) & 0xFFFFFFFF, wall) is None
    assert abs(capture_latency(now_90k(wall + 0.01), wall) + 0.01) < 1e-4  # a clock slightly ahead


def test_audio_holes_count_missing_and_late_blocks_over_60_ms_only():
    a = AudioContinuity(rate=48_000)
    t, pts = 0.0, 0
    for _ in range(10):
        a.add(pts, 960, t)
        t, pts = t + 0.02, pts + 960
    assert a.gap_seconds == 0
    pts += 960  # one lost packet: 20 ms, not a gap
    a.add(pts, 960, t)
    t, pts = t + 0.02, pts + 960
    assert a.gap_seconds == 0
    pts += 5 * 960  # five lost: 100 ms
    a.add(pts, 960, t + 0.1)
    assert abs(a.gap_seconds - 0.1) < 1e-6 and a.gaps == 1
    t, pts = t + 0.12, pts + 960
    a.add(pts, 960, t + 0.3)  # nothing lost but 300 ms late: the speakers ran dry
    assert a.gaps == 2 and 0.2 < a.gap_seconds - 0.1 <= 0.3 - HOLE + 1e-9  # late less the playout buffer
    before = a.gap_seconds
    a.add(pts + 960 * 20, 960, t + 0.5, on_break=True)  # during a break: not counted
    assert a.gap_seconds == before
    a.reset()  # a reconnection: the time until the new connection's first block is a hole
    a.add(10, 960, t + 3.0)
    assert a.gaps == 3 and a.gap_seconds > before + 2


def test_the_console_level_says_good_fair_poor():
    w = QualityWindow(span=5.0)
    for i in range(150):
        w.frame(i / 30, 0.1, (640, 360))
    assert w.snapshot(5.0)["level"] == "good"
    w2 = QualityWindow(span=5.0)
    for i in range(60):
        w2.frame(i / 12, 0.2, (320, 180))
    assert w2.snapshot(5.0)["level"] == "fair"
    w2.hole(5.0, 2.0)
    assert w2.snapshot(5.0)["level"] == "poor"


def rtp_with_send_time(ext_id: int = 3, value: int = 0x123456) -> bytes:
    header = bytes([0x90, 97, 0, 1]) + (1000).to_bytes(4, "big") + (42).to_bytes(4, "big")
    ext = bytes([(ext_id << 4) | 2]) + value.to_bytes(3, "big")
    return header + b"\xbe\xde" + (1).to_bytes(2, "big") + ext + b"payload"


def test_the_pacer_restamps_abs_send_time_where_the_packet_leaves():
    data = rtp_with_send_time()
    out = stamp_send_time(data, 3, 0xABCDEF << 14)
    assert out[-10:-7] == bytes.fromhex("abcdef") and out[:-10] == data[:-10] and out[-7:] == b"payload"
    assert stamp_send_time(data, 5, 1 << 30) == data  # another extension id: untouched
    assert stamp_send_time(data[:12] + b"x", 3, 1) == data[:12] + b"x"


def test_the_pacer_sends_resends_first_and_video_in_order():
    sent: list[bytes] = []

    async def send(data: bytes) -> None:
        sent.append(data)

    async def main() -> int:
        pacer = Pacer(send, lambda: 10_000_000.0)
        tasks = [asyncio.ensure_future(pacer.video(bytes([i]) * 100)) for i in range(3)]
        pacer.resend(b"R" * 100)
        await asyncio.gather(*tasks)
        n = pacer.sent_packets
        await pacer.close()
        return n

    assert asyncio.run(main()) == 4
    assert sent[0][:1] == b"R" and [s[:1] for s in sent[1:]] == [b"\x00", b"\x01", b"\x02"]


def test_resends_stay_within_their_budget_and_are_not_repeated_within_a_round_trip():
    state: dict = {"rtt": 0.1}
    nack = RtcpRtpfbPacket(fmt=RTCP_RTPFB_NACK, ssrc=1, media_ssrc=2)
    nack.lost = list(range(100, 120))
    out = PeerHooks._fresh_nacks(state, nack, 10.0, 400_000)  # budget: 12.5 kB/s, half a second's burst
    assert out is not None and 1 <= len(out.lost) < 20
    first = list(out.lost)
    again = PeerHooks._fresh_nacks(state, nack, 10.05, 400_000)
    assert again is None or not set(again.lost) & set(first)  # asked again too soon: not resent twice
