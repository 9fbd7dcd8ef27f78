"""What the court station receives: each track routed by its label, counted, delivered to the
consumers (public display, courtroom speakers, the recorder; the judge's monitor for ``judge/…``
tracks only when this station has one), and the fail-closed curtain: the public display curtains the
witness when no frame arrived for ``stall_after`` seconds (a *stall*), during a break, and while the
witness is reconnecting.

Interpreter channels: the masked floor is re-sent to the remote interpreter stations
(``floor_taps``); a remote interpreter's channel is forwarded to the witness's listening channel
(``witness_relays``); while a remote interpreter is live on a language, the witness station's own
copy of that channel is not delivered nor recorded (``interpretation_blocks_superseded``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

import av
import numpy as np

from recording.model import AUDIO_RATE
from recording.transport import tracks as labels
from recording.transport.media_tracks import RelayAudioTrack
from recording.transport.quality import AudioContinuity, QualityWindow, capture_latency, percentile
from recording.transport.rtc import frames, mono_blocks

if TYPE_CHECKING:
    from recording.transport.court_stats import CourtStats

log = logging.getLogger("testimony_shield.recording.transport.court")

#: the court's public display curtains the witness when no frame arrived for this long
STALL_AFTER = 0.5
#: latency samples kept for the session's percentiles (an hour at 30 fps)
MAX_LATENCIES = 108_000
VIDEO_TB = Fraction(1, 90_000)


#: with the signalling lost (the court relay restarted), a station's media count as gone after this
#: long without a frame or block (then it re-joins with a new offer/answer, as after any loss)
MEDIA_GONE_AFTER = 2.5

class ReceivedConsumer(Protocol):
    """Gets what the court receives, on the event loop: return quickly.  Optional methods:
    ``on_interpretation(channel, samples, pts_samples, arrival)`` for interpretation tracks and
    ``on_reconnect()`` when a new media connection replaces a lost one (timestamps restart)."""

    def on_video(self, frame: av.VideoFrame, arrival: float) -> None: ...

    def on_audio(self, samples: np.ndarray, pts_samples: int, arrival: float) -> None: ...


class Reception:
    """The court's receiving side (on the event loop)."""

    def __init__(self, stats: CourtStats, consumers: list[Any], judge_consumers: list[Any], judge_monitor: bool,
                 stall_after: float = STALL_AFTER, on_curtain: Callable[[bool], None] | None = None) -> None:
        self.stats = stats
        self.consumers = consumers
        self.judge_consumers = judge_consumers
        self.judge_monitor = judge_monitor
        self.stall_after = stall_after
        self.on_curtain = on_curtain
        self.curtained = True  # nothing received yet: the public display shows the curtain
        self.admitted_at: float | None = None
        self.first_frame_at: float | None = None
        self.last_frame_at: float | None = None
        self.stall_started: float | None = None
        self.lost_at: float | None = None  # the witness's connection was lost (reconnecting)
        self.floor_taps: list[RelayAudioTrack] = []  # the masked floor, re-sent to interpreter stations
        #: court → witness: a remote interpreter's channel, by language (the current witness connection's)
        self.witness_relays: dict[str, RelayAudioTrack] = {}
        self.remote_live: set[str] = set()  # languages a remote interpreter is sending now
        self.remote_heard: dict[str, float] = {}  # interpreter station → when its last block arrived
        #: the interpreters' booths (recording/booth.py: who is on air, what each station listens to)
        self.booths: Any = None
        self.tasks: list[asyncio.Task] = []
        #: the link's measures (recording/transport/quality.py): capture → decoded, holes in the floor
        self.latencies: list[float] = []
        self.floor = AudioContinuity()
        self.window = QualityWindow()
        #: the current media connection's hooks (recording/transport/rtp_hooks.py), for its figures
        self.hooks: Any = None

    # -- the curtain ----------------------------------------------------------------------------------
    def set_curtain(self, on: bool, now: float, stall: bool = True) -> None:
        if on == self.curtained:
            return
        self.curtained = on
        if on:
            if stall:
                self.stats.stalls += 1
                self.stall_started = now
        elif self.stall_started is not None:
            self.stats.stalled_seconds = round(self.stats.stalled_seconds + now - self.stall_started, 3)
            self.stall_started = None
        if self.on_curtain is not None:
            self.on_curtain(on)

    def check_stall(self, now: float) -> None:
        """The watchdog's tick: curtain when frames stopped (not during a break: that curtain is on)."""
        if self.last_frame_at is not None and now - self.last_frame_at > self.stall_after \
                and not self.stats.on_break:
            self.set_curtain(True, now)

    def lost(self, now: float) -> None:
        """The witness's connection is gone: curtain at once until frames come back."""
        self.lost_at = now
        self.set_curtain(True, now)

    def quality(self, now: float | None = None) -> dict[str, Any]:
        """The last seconds of the link, in plain terms (the clerk's console)."""
        snap = self.window.snapshot(time.monotonic() if now is None else now)
        if self.lost_at is not None:
            snap["level"] = "lost"
        return snap

    def update_stats(self) -> None:
        """Copy the link's measures into the stats (the summary's latency and audio gap figures)."""
        st = self.stats
        for name, q in (("latency_ms_p50", 50), ("latency_ms_p95", 95)):
            v = percentile(self.latencies, q)
            if hasattr(st, name):
                setattr(st, name, None if v is None else round(v * 1000, 1))
        if hasattr(st, "audio_gap_seconds"):
            st.audio_gap_seconds = round(self.floor.gap_seconds, 3)
            st.audio_gaps = self.floor.gaps
        if hasattr(st, "link") and self.hooks is not None:
            st.link = self.hooks.stats()

    def finish(self, now: float) -> None:
        """The session ends: close the open stall and reconnection periods."""
        self.update_stats()
        if self.stall_started is not None:
            self.set_curtain(False, now)
        if self.lost_at is not None:
            self.stats.reconnecting_seconds = round(self.stats.reconnecting_seconds + now - self.lost_at, 3)
            self.lost_at = None

    def reconnected(self) -> None:
        """A new media connection replaces a lost one: consumers re-anchor their timelines."""
        self.floor.reset()
        for c in (*self.consumers, *self.judge_consumers):
            fn = getattr(c, "on_reconnect", None)
            if fn is not None:
                try:
                    fn()
                except Exception:
                    log.exception("a court consumer failed on reconnect")

    # -- tracks ---------------------------------------------------------------------------------------
    def on_track(self, track: Any, label: str | None) -> None:
        """A track from the witness station: ``label`` from its offer (None: unlabelled)."""
        if label is None:  # an unlabelled track: the masked court track of its kind
            label = labels.COURT_VIDEO if track.kind == "video" else labels.COURT_FLOOR
        if labels.audience(label) == "judge" and not self.judge_monitor:
            self.stats.judge_tracks_ignored += 1
            self.discard(track)
        elif track.kind == "video" and labels.channel(label) is None:
            self.tasks.append(asyncio.ensure_future(self._video(track, label)))
        elif track.kind == "audio" and labels.channel(label) is not None:
            self.tasks.append(asyncio.ensure_future(self.audio(track, label)))
        else:
            self.discard(track)

    def discard(self, track: Any) -> None:
        async def drain() -> None:
            async for _ in frames(track):
                pass

        self.tasks.append(asyncio.ensure_future(drain()))

    def _count(self, label: str, n: int = 1) -> None:
        self.stats.tracks_received[label] = self.stats.tracks_received.get(label, 0) + n

    def deliver(self, consumers: list[Any], method: str, *args: Any) -> None:
        for c in consumers:
            fn = getattr(c, method, None)
            if fn is None:
                continue
            try:
                fn(*args)
            except Exception:
                log.exception("a court consumer failed in %s", method)

    async def _video(self, track: Any, label: str) -> None:
        judge = label == labels.JUDGE_VIDEO
        async for frame in frames(track):
            now = time.monotonic()
            self._count(label)
            if judge:
                self.stats.judge_frames_received += 1
                self.deliver(self.judge_consumers, "on_video", frame, now)
                continue
            st = self.stats
            st.frames_received += 1
            st.width, st.height = frame.width, frame.height
            if self.first_frame_at is None:
                self.first_frame_at = now
                if self.admitted_at is not None:
                    st.first_frame_ms = round((now - self.admitted_at) * 1000, 1)
            if self.lost_at is not None:  # back after a loss
                st.recoveries_ms.append(round((now - self.lost_at) * 1000, 1))
                st.reconnecting_seconds = round(st.reconnecting_seconds + now - self.lost_at, 3)
                self.lost_at = None
            self.last_frame_at = now
            lat = capture_latency(frame.pts) if frame.pts is not None and frame.time_base == VIDEO_TB else None
            if lat is not None and len(self.latencies) < MAX_LATENCIES:
                self.latencies.append(lat)
            self.window.frame(now, lat, (frame.width, frame.height))
            if st.frames_received > 1:
                st.fps_received = round((st.frames_received - 1) / max(1e-6, now - self.first_frame_at), 2)
            if not st.on_break:
                self.set_curtain(False, now)
            self.deliver(self.consumers, "on_video", frame, now)

    def booth_relay(self, channel: str, samples: np.ndarray) -> None:
        """To each interpreter station (``floor_taps``): what it listens to (the floor or a relay
        language), and on its return track its own language as delivered while a partner is on air."""
        booths = self.booths
        for relay in self.floor_taps:
            station = relay.station
            if relay.role == "audio":
                if (booths.listening(station) if booths is not None else "floor") == channel:
                    relay.push(samples)
            elif booths is not None and channel == booths.language_of(station) \
                    and not booths.is_on_air(channel, station):
                relay.push(samples)

    async def audio(self, track: Any, label: str, remote: bool = False, station: str = "") -> None:
        """``remote``: the track comes from the remote interpreter station ``station`` (else from the
        witness); only the station on air in its booth is delivered."""
        channel = labels.channel(label)
        if channel is None:  # not an audio label: nothing to deliver
            return self.discard(track)
        async for frame, blocks in mono_blocks(track):
            now = time.monotonic()
            if remote:
                self.remote_heard[station] = now
            tb = frame.time_base
            pts = int(round(float(frame.pts * tb) * AUDIO_RATE)) if frame.pts is not None and tb else 0
            for samples in blocks:
                self._count(label)
                if label == labels.COURT_FLOOR:
                    hole = self.floor.add(pts, len(samples), now, on_break=self.stats.on_break)
                    self.window.hole(now, hole)
                    self.booth_relay("floor", samples)  # to the interpreter stations (masked, as received)
                    self.stats.audio_blocks_received += 1
                    self.stats.samples_received += len(samples)
                    self.deliver(self.consumers, "on_audio", samples, pts, now)
                elif label == labels.JUDGE_FLOOR:
                    self.stats.judge_audio_blocks_received += 1
                    self.deliver(self.judge_consumers, "on_audio", samples, pts, now)
                elif remote and self.booths is not None and not self.booths.is_on_air(channel, station):
                    self.stats.interpreter_blocks_off_air += 1  # the partner off air: never delivered
                elif not remote and channel in self.remote_live:
                    # the witness station's own copy of a channel the remote interpreter is live on
                    # (its listening channel plays the forwarded one): the interpreter's is the channel
                    sb = self.stats.interpretation_blocks_superseded
                    sb[channel] = sb.get(channel, 0) + 1
                else:
                    ib = self.stats.interpretation_blocks_received
                    ib[channel] = ib.get(channel, 0) + 1
                    if remote and channel in self.stats.interpreters:
                        info = self.stats.interpreters[channel]
                        info["blocks_received"] += 1
                        relay = self.witness_relays.get(channel)
                        if relay is not None:  # to the witness's listening channel
                            relay.push(samples)
                            info["to_witness_blocks_sent"] += 1
                    self.booth_relay(channel, samples)
                    self.deliver(self.consumers, "on_interpretation", channel, samples, pts, now)
                pts += len(samples)

    def cancel(self) -> None:
        for t in self.tasks:
            t.cancel()
