"""The poor-network behaviour wired into aiortc's peer connections (docs/network.md).

aiortc 1.x has no public API for any of this, so it is done here, in one place, on its private
attributes; if a version lacks them the link runs with aiortc's own behaviour and says so in the log.

Receiving (both stations, every track):
- aiortc's jitter buffers are replaced by :mod:`recording.transport.video_rx` (video: NACK with
  retries, a bounded wait, keyframe recovery by PLI; audio: reorder, skip a lost packet after 40 ms);
- aiortc's delay estimator is replaced by :class:`recording.transport.adapt.RateEstimator`; its
  estimate goes back to the sender as REMB every 100 ms (or at once on congestion).

Sending: the voice in Opus at 40 kbit/s (aiortc's default is 96).  A video track with a ``controller`` (the
witness's masked video):
- REMB and receiver reports feed its :class:`recording.transport.adapt.SendController` (aiortc's own
  reaction to REMB is not used), which sets the encoder's bitrate; the track itself scales and thins
  its frames to the rung; keyframe requests are honoured at most every 500 ms, lost packets resent within a budget;
- its packets leave through a :class:`recording.transport.pacer.Pacer` (audio and RTCP never wait);
- the RTP timestamps of a track with ``capture_stamps`` are rewritten to the capture time (wall
  clock, 90 kHz): the court reads its latency from them (:func:`recording.transport.quality.capture_latency`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import struct
import time
from typing import Any

from aiortc import RTCPeerConnection
from aiortc.jitterbuffer import JitterFrame
from aiortc.rtp import (
    RTCP_PSFB_APP,
    RTCP_PSFB_FIR,
    RTCP_PSFB_PLI,
    RTCP_RTPFB_NACK,
    RtcpPsfbPacket,
    RtcpRrPacket,
    RtcpRtpfbPacket,
    RtcpSrPacket,
    pack_remb_fci,
    unpack_remb_fci,
)

from recording.transport.adapt import RateEstimator
from recording.transport.pacer import Pacer
from recording.transport.video_rx import AudioReorder, VideoReorder
from recording.transport.vp8_encoder import BoundedKeyframeVp8Encoder

log = logging.getLogger("testimony_shield.recording.transport.rtp_hooks")

_R = "_RTCRtpReceiver__"
_S = "_RTCRtpSender__"
TICK = 0.02
REMB_EVERY = 0.1
KEYFRAME_MIN_GAP = 0.5
#: the share of the video's bitrate that resending lost packets may take, and a packet's size for it
RESEND_SHARE = 0.25
RESEND_BYTES = 1200
#: the voice's Opus bitrate (bit/s)
VOICE_BPS = 40_000


class _RxBuffer:
    """Stands in for aiortc's JitterBuffer in one receiver: reorders, asks again, decodes."""

    def __init__(self, hooks: PeerHooks, receiver: Any, kind: str) -> None:
        self.hooks = hooks
        self.receiver = receiver
        self.kind = kind
        self.capacity = 1 << 15
        self.video: VideoReorder | None = None
        self.audio = AudioReorder() if kind == "audio" else None
        self.codec: Any = None
        self.ssrc: int | None = None

    def add(self, packet: Any) -> tuple[bool, None]:
        now = time.monotonic()
        codecs = getattr(self.receiver, _R + "codecs", {})
        codec = codecs.get(packet.payload_type)
        if codec is None:
            return False, None
        self.codec = codec
        self.ssrc = packet.ssrc
        data = getattr(packet, "_data", b"")
        self.hooks.estimator.on_packet(now, len(packet.payload) + 40, packet.extensions.abs_send_time)
        if self.kind == "video":
            if self.video is None:
                self.video = VideoReorder(vp8=codec.name == "VP8")
                self.hooks.video_rx.append(self)
            self.video.queue = self.hooks.estimator.queue_ms / 1000
            self.run(self.video.add(packet.sequence_number, packet.timestamp, bool(packet.marker),
                                    packet.payload, data, now))
        elif self.audio is not None:
            self.decode(self.audio.add(packet.sequence_number, packet.timestamp, data, now))
        return False, None

    def tick(self, now: float) -> None:
        if self.video is not None:
            self.run(self.video.tick(now))
        elif self.audio is not None:
            self.decode(self.audio.tick(now))

    def run(self, actions: Any) -> None:
        self.decode(actions.frames)
        if actions.nack and self.ssrc is not None:  # ascending 16-bit numbers: aiortc packs them so
            self.hooks.spawn(self.receiver._send_rtcp_nack(self.ssrc, sorted(set(actions.nack))))
        if actions.pli and self.ssrc is not None:
            self.hooks.spawn(self.receiver._send_rtcp_pli(self.ssrc))

    def decode(self, frames: list[tuple[bytes, int]]) -> None:
        q = getattr(self.receiver, _R + "decoder_queue", None)
        if not frames or q is None or getattr(self.receiver, _R + "decoder_thread", None) is None:
            return
        for data, ts in frames:
            q.put((self.codec, JitterFrame(data, ts)))

    # aiortc calls these only on its own buffer's overflow paths; kept for the interface
    def remove(self, count: int) -> None:
        pass

    def smart_remove(self, count: int) -> bool:
        return False


class PeerHooks:
    """Everything attached to one peer connection; :meth:`close` stops its timer."""

    def __init__(self, pc: RTCPeerConnection) -> None:
        self.pc = pc
        self.estimator = RateEstimator()
        self.video_rx: list[_RxBuffer] = []
        self._buffers: list[_RxBuffer] = []
        self._tasks: set[asyncio.Future] = set()
        self._timer: asyncio.Task | None = None
        self._remb_at = 0.0
        self._remb_sent = 0.0
        self._senders: set[int] = set()
        self._receivers: set[int] = set()
        self._transports: set[int] = set()
        self.stamps: dict[int, Any] = {}  # ssrc (and RTX ssrc) → the track whose timestamps are capture stamps
        self._origin: dict[int, int] = {}
        self.resend_ssrcs: set[int] = set()
        self.sent = {"video": 0, "resent": 0, "other": 0, "rtcp": 0}  # bytes handed to the transport
        self.pacers: dict[int, Pacer] = {}
        self._encoding: list[Any] = []  # video tracks given an encoder (encoding ahead)
        self.ok = True

    def spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Future) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.debug("rtcp send failed (%s)", type(task.exception()).__name__)

    # -- installation ---------------------------------------------------------------------------------
    def install(self) -> None:
        """(Again) after each description: new transceivers get their hooks once."""
        try:
            for t in self.pc.getTransceivers():
                self._receiver(t.receiver, t.kind)
                self._sender(t.sender)
                self._voice(t)
                self._video_encoder(t)
        except AttributeError as exc:  # an aiortc without these internals: its own behaviour
            if self.ok:
                log.warning("link adaptation not available with this aiortc (%s)", exc)
            self.ok = False
            return
        if self._timer is None:
            self._timer = asyncio.ensure_future(self._run())

    def _receiver(self, r: Any, kind: str) -> None:
        if id(r) in self._receivers:
            return
        getattr(r, _R + "jitter_buffer")  # AttributeError: not the aiortc we know
        buf = _RxBuffer(self, r, kind)
        setattr(r, _R + "jitter_buffer", buf)
        setattr(r, _R + "nack_generator", None)  # NACKs come from VideoReorder
        setattr(r, _R + "remote_bitrate_estimator", None)  # REMB comes from RateEstimator
        self._buffers.append(buf)
        self._receivers.add(id(r))

    def _voice(self, t: Any) -> None:
        """Opus at :data:`VOICE_BPS` instead of aiortc's 96 kbit/s: speech needs no more, and on a
        narrow uplink the difference is the video's."""
        codecs = getattr(t, "_codecs", None) or []
        s = t.sender
        if (
            t.kind != "audio"
            or not codecs
            or codecs[0].name.lower() != "opus"
            or getattr(s, _S + "encoder") is not None
        ):
            return
        from aiortc.codecs.opus import OpusEncoder

        enc = OpusEncoder()
        enc.codec.bit_rate = VOICE_BPS  # the codec opens at its first frame: this is the rate it uses
        setattr(s, _S + "encoder", enc)

    def _video_encoder(self, t: Any) -> None:
        """A VP8 video track with a controller encodes ahead, with bounded keyframes, on a thread of
        its own (media_tracks.PipelineVideoTrack, vp8_encoder.py); the sender only packs and paces."""
        codecs = getattr(t, "_codecs", None) or []
        track = t.sender.track
        if t.kind != "video" or not codecs or codecs[0].name != "VP8" or getattr(track, "controller", None) is None \
                or not hasattr(track, "encoder") or track.encoder is not None:
            return
        track.encoder = BoundedKeyframeVp8Encoder()
        track.encoder.target_bitrate = track.controller.bitrate()
        self._encoding.append(track)

    def _sender(self, s: Any) -> None:
        if id(s) in self._senders:
            return
        getattr(s, _S + "encoder")  # AttributeError: not the aiortc we know
        orig = s._handle_rtcp_packet
        state: dict[str, Any] = {"key_at": -1e9}

        async def handle(packet: Any) -> None:
            ctl = getattr(s.track, "controller", None)
            if ctl is None:
                return await orig(packet)
            now = time.monotonic()
            if isinstance(packet, RtcpPsfbPacket) and packet.fmt == RTCP_PSFB_APP:
                with contextlib.suppress(ValueError):
                    bitrate, ssrcs = unpack_remb_fci(packet.fci)
                    if s._ssrc in ssrcs:
                        ctl.on_remb(bitrate, now)
                        self._apply(s, ctl)
                return None  # aiortc's own reaction to REMB is replaced by the controller
            if isinstance(packet, RtcpPsfbPacket) and packet.fmt in (RTCP_PSFB_PLI, RTCP_PSFB_FIR):
                ctl.on_pli()
                if now - state["key_at"] < KEYFRAME_MIN_GAP:
                    return None
                state["key_at"] = now
                if hasattr(s.track, "request_keyframe"):  # a track that encodes ahead
                    s.track.request_keyframe()
            elif isinstance(packet, RtcpRtpfbPacket) and packet.fmt == RTCP_RTPFB_NACK:
                ctl.on_nack(len(packet.lost))
                packet = self._fresh_nacks(state, packet, now, ctl.bitrate())
                if packet is None:
                    return None
            await orig(packet)
            if isinstance(packet, (RtcpRrPacket, RtcpSrPacket)):
                for rep in packet.reports:
                    if rep.ssrc == s._ssrc:
                        rtt = getattr(s, _S + "rtt", None)
                        state["rtt"] = rtt
                        ctl.on_report(rep.fraction_lost, rtt, now)
                self._apply(s, ctl)
            return None

        s._handle_rtcp_packet = handle
        self._senders.add(id(s))

    @staticmethod
    def _fresh_nacks(state: dict[str, Any], packet: Any, now: float, bps: float) -> Any:
        """The NACK without the packets resent less than a round trip ago (their answer is on its
        way), and within a resend budget of a quarter of the video's bitrate: on a full uplink,
        resending more only deepens the queue that made the packets late."""
        sent: dict[int, float] = state.setdefault("resent", {})
        gap = max(0.05, 1.2 * float(state.get("rtt") or 0.0))
        cap = RESEND_SHARE * bps / 8  # bytes per second
        tokens = min(cap * 0.5, state.get("tokens", cap * 0.5) + cap * (now - state.get("tokens_at", now)))
        state["tokens_at"] = now
        lost = []
        for q in packet.lost:
            if now - sent.get(q, -1e9) >= gap and tokens >= RESEND_BYTES:
                tokens -= RESEND_BYTES
                lost.append(q)
        state["tokens"] = tokens
        for q in lost:
            sent[q] = now
        if len(sent) > 1024:
            for q in [q for q, t in sent.items() if now - t > 2.0]:
                del sent[q]
        if not lost:
            return None
        fresh = RtcpRtpfbPacket(fmt=RTCP_RTPFB_NACK, ssrc=packet.ssrc, media_ssrc=packet.media_ssrc)
        fresh.lost = lost
        return fresh

    def _apply(self, s: Any, ctl: Any) -> None:
        enc = getattr(s, _S + "encoder", None)
        if enc is not None and hasattr(enc, "target_bitrate") and enc.target_bitrate != ctl.bitrate():
            enc.target_bitrate = ctl.bitrate()

    def watch_transport(self) -> None:
        """Rewrite the capture-stamped tracks' RTP timestamps on the way out (see the module doc)."""
        for t in self.pc.getTransceivers():
            s = t.sender
            track = s.track
            if getattr(track, "capture_stamps", False):
                self.stamps[s._ssrc] = track
                self.stamps[s._rtx_ssrc] = track
                self.resend_ssrcs.add(s._rtx_ssrc)
            dtls = s.transport
            if dtls is None or id(dtls) in self._transports:
                continue
            self._transports.add(id(dtls))
            orig = dtls._send_rtp

            async def send(data: bytes, orig: Any = orig, dtls: Any = dtls) -> None:
                if len(data) < 12 or 192 <= data[1] <= 223:
                    self.sent["rtcp"] += len(data)
                    return await orig(data)  # RTCP: at once
                ssrc = struct.unpack_from("!I", data, 8)[0]
                track = self.stamps.get(ssrc)
                if track is None:
                    self.sent["other"] += len(data)
                    return await orig(data)  # audio: at once
                self.sent["resent" if ssrc in self.resend_ssrcs else "video"] += len(data)
                data = self._restamp(data, track)
                ctl = getattr(track, "controller", None)
                if ctl is None:
                    return await orig(data)
                pacer = self.pacers.get(id(orig))
                if pacer is None:
                    ids = getattr(getattr(dtls, "_rtp_header_extensions_map", None), "_HeaderExtensionsMap__ids", None)
                    pacer = self.pacers[id(orig)] = Pacer(orig, ctl.pace_bps, getattr(ids, "abs_send_time", 0) or 0)
                if ssrc in self.resend_ssrcs:
                    pacer.resend(data)
                    return None
                return await pacer.video(data, wait=bool(data[1] & 0x80))  # the sender waits once a frame

            dtls._send_rtp = send  # type: ignore[method-assign]

    def _restamp(self, data: bytes, track: Any) -> bytes:
        ts = struct.unpack_from("!I", data, 4)[0]
        key = id(track)
        origin = self._origin.get(key)
        if origin is None:
            first = getattr(track, "first_stamp", None)
            if first is None:
                return data
            origin = self._origin[key] = (ts - first) & 0xFFFFFFFF
        out = bytearray(data)
        struct.pack_into("!I", out, 4, (ts - origin) & 0xFFFFFFFF)
        return bytes(out)

    # -- timers ---------------------------------------------------------------------------------------
    def _route_rtx(self) -> None:
        """aiortc routes a retransmission (RTX) by payload type only when one receiver has that type;
        with two video transceivers (the witness's video, the court's camera slot) it drops every
        one.  Their RTX SSRCs are put in its routing table here, once each receiver has started."""
        for b in self._buffers:
            rtx = getattr(b.receiver, _R + "rtx_ssrc", None) or {}
            transport = getattr(b.receiver, "transport", None)
            table = getattr(getattr(transport, "_rtp_router", None), "ssrc_table", None)
            if table is None:
                continue
            for ssrc in rtx:
                if table.get(ssrc) is not b.receiver:
                    table[ssrc] = b.receiver

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(TICK)
            now = time.monotonic()
            self._route_rtx()
            for b in self._buffers:
                try:
                    b.tick(now)
                except Exception:
                    log.exception("receive buffer tick failed")
            if now - self._remb_at >= REMB_EVERY:
                self._remb_at = now
                self._remb(now)

    def _remb(self, now: float) -> None:
        if not self.video_rx:
            return
        est = self.estimator.update(now)
        for b in self.video_rx:
            rtcp_ssrc = getattr(b.receiver, _R + "rtcp_ssrc", None)
            if rtcp_ssrc is None or b.ssrc is None:
                continue
            pkt = RtcpPsfbPacket(fmt=RTCP_PSFB_APP, ssrc=rtcp_ssrc, media_ssrc=0,
                                 fci=pack_remb_fci(int(est), [b.ssrc]))
            self.spawn(b.receiver._send_rtcp(pkt))
        self._remb_sent = est

    def stats(self) -> dict[str, Any]:
        v = [b.video for b in self.video_rx if b.video is not None]
        a = [b.audio for b in self._buffers if b.audio is not None]
        return {"estimate_kbps": round(self.estimator.estimate / 1000), "queue_ms": round(self.estimator.queue_ms, 1),
                "overuses": self.estimator.overuses,
                "frames_skipped": sum(x.frames_skipped for x in v), "keyframes": sum(x.keyframes for x in v),
                "nacks_sent": sum(x.nacks_sent for x in v), "plis_sent": sum(x.plis_sent for x in v),
                "packets_recovered": sum(x.recovered for x in v),
                "packets_late": sum(x.late for x in v), "audio_packets_skipped": sum(x.skipped for x in a)}

    async def close(self) -> None:
        for track in self._encoding:  # their frames encoded ahead are not the next link's
            track.stop()
        self._encoding.clear()
        if self.pacers:
            log.info("link sent (kB): %s", {k: v // 1000 for k, v in self.sent.items()})
        for p in self.pacers.values():
            await p.close()
        if self._timer is not None:
            self._timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._timer
            self._timer = None
        for t in list(self._tasks):
            t.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()


def attach(pc: RTCPeerConnection) -> PeerHooks:
    """Wire the hooks into ``pc``: after every description is set (new transceivers), and stop the
    timer when it closes."""
    hooks = PeerHooks(pc)
    pc.link_hooks = hooks  # type: ignore[attr-defined]
    set_remote, set_local, close = pc.setRemoteDescription, pc.setLocalDescription, pc.close

    async def set_remote_description(desc: Any) -> None:
        await set_remote(desc)
        hooks.install()
        hooks.watch_transport()

    async def set_local_description(desc: Any = None) -> None:
        await (set_local(desc) if desc is not None else set_local())
        hooks.install()
        hooks.watch_transport()

    async def close_pc() -> None:
        await hooks.close()
        await close()

    pc.setRemoteDescription = set_remote_description  # type: ignore[method-assign,assignment]
    pc.setLocalDescription = set_local_description  # type: ignore[method-assign,assignment]
    pc.close = close_pc  # type: ignore[method-assign]
    return hooks
