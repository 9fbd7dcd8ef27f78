"""Rate adaptation on a constrained, lossy uplink, from the receiver's feedback.

Receiver (the court): :class:`RateEstimator` watches each video packet's one-way delay (its
abs-send-time against its arrival) and the rate that arrives.  A standing queue on the path (the
shortest delay of the last 250 ms, over the lowest of 10 s) means the sender is above what the path carries
(unless those packets arrived closer together than they were sent: the receiving machine was busy): the estimate
drops to 85 % of what actually arrives.  A
short queue lets it grow (+25 %/s at first, +8 %/s once it has hit the ceiling).  Random loss alone
does not lower it (a lossy radio link is not a full one).  The estimate goes back to the sender as
RTCP REMB.

Sender (the witness): :class:`SendController` picks a rung of :data:`LADDER` (resolution, frame rate,
bitrate) from the latest REMB, the loss in the RTCP receiver reports (heavy loss also lowers the
budget; retransmissions and keyframes need room) and the keyframe requests.  Down at once, up only
after the budget has held the next rung for a few seconds, never two changes within a second (each
change costs a keyframe).  The voice is never adapted: its ~70 kbit/s is taken off the budget first.

Pure logic on the caller's clock (``now`` in seconds): deterministic under test.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass

log = logging.getLogger("testimony_shield.recording.transport.adapt")

#: kbit/s kept for the voice (Opus at 40 kbit/s, 50 packets/s of headers) before the video's budget
AUDIO_KBPS = 70


@dataclass(frozen=True)
class Rung:
    height: int
    fps: float
    kbps: int


#: from the best picture to the most robust; heights are capped by the camera's own
LADDER = (
    Rung(720, 30, 1500),
    Rung(540, 30, 1000),
    Rung(360, 30, 600),
    Rung(360, 20, 420),
    Rung(270, 15, 300),
    Rung(180, 12, 250),
)
START_RUNG = 2
#: a queue on the path that stays longer than this (ms) for :data:`QUEUE_WINDOW` seconds means the
#: sender is above what the path carries (a loaded machine's scheduler delays single packets by tens
#: of milliseconds, not every packet of a quarter second)
OVERUSE_MS = 80
QUEUE_WINDOW = 0.25


class RateEstimator:
    """Delay-based bandwidth estimate at the receiver (bit/s), GCC-like and simplified."""

    def __init__(self, start_bps: float = 1_200_000, min_bps: float = 150_000, max_bps: float = 4_000_000) -> None:
        self.estimate = start_bps
        self.min_bps, self.max_bps = min_bps, max_bps
        self._bytes: deque[tuple[float, int]] = deque()  # (arrival, bytes) over the last second
        self._delays: deque[tuple[float, float]] = deque()  # (arrival, one-way delay) over 10 s: base
        self._recent: deque[tuple[float, float]] = deque()  # the last QUEUE_WINDOW seconds
        self._sends: deque[float] = deque()  # their send times
        self._send_last: float | None = None
        self._send_ext = 0.0
        self._last_update: float | None = None
        self._overuse_at = -1e9
        self._cut_at = -1e9
        self.overuses = 0
        self.queue_ms = 0.0

    def _send_time(self, abs_send_time: int) -> float:
        """abs-send-time (6.18 fixed point seconds, wraps every 64 s), unwrapped."""
        t = abs_send_time / (1 << 18)
        if self._send_last is not None:
            d = t - self._send_last
            if d < -32:
                self._send_ext += 64.0
            elif d > 32:
                self._send_ext -= 64.0
        self._send_last = t
        return t + self._send_ext

    def on_packet(self, now: float, size: int, abs_send_time: int | None = None) -> None:
        self._bytes.append((now, size))
        while self._bytes and now - self._bytes[0][0] > 1.0:
            self._bytes.popleft()
        if abs_send_time is None:
            return
        send = self._send_time(abs_send_time)
        d = now - send
        self._delays.append((now, d))
        self._recent.append((now, d))
        self._sends.append(send)
        while self._delays and now - self._delays[0][0] > 10.0:
            self._delays.popleft()
        while self._recent and now - self._recent[0][0] > QUEUE_WINDOW:
            self._recent.popleft()
            self._sends.popleft()

    def read_in_a_burst(self) -> bool:
        """The window's packets arrived closer together than they were sent: a receiver that was not
        scheduled read them all at once.  A queue in the network spreads arrivals out (it drains no
        faster than the sender filled it), so a delay seen with compressed arrivals is not the path's."""
        if len(self._recent) < 4:
            return False
        sent = self._sends[-1] - self._sends[0]
        arrived = self._recent[-1][0] - self._recent[0][0]
        return sent > 0.05 and arrived < 0.5 * sent

    def received_bps(self, now: float) -> float:
        span = max(0.25, now - self._bytes[0][0]) if self._bytes else 1.0
        return sum(b for _, b in self._bytes) * 8 / span

    def update(self, now: float) -> float:
        """Call every ~100 ms; returns the estimate (bit/s)."""
        dt = 0.1 if self._last_update is None else min(1.0, max(0.0, now - self._last_update))
        self._last_update = now
        if not self._recent:
            return self.estimate
        base = min(d for _, d in self._delays)
        # the shortest delay of the window: a standing queue, not a packet the scheduler held back
        self.queue_ms = 1000 * (min(d for _, d in self._recent) - base)
        rate = self.received_bps(now)
        if self.read_in_a_burst():
            return self.estimate  # this machine was busy, not the path: hold
        if self.queue_ms > OVERUSE_MS or (self.queue_ms > OVERUSE_MS / 2 and now - self._overuse_at < 0.5):
            if now - self._cut_at > 0.3:  # once per reaction time
                self._cut_at = now
                # 85 % of what arrives — measured over a full second; at most 30 % less at once (a
                # sender using little of its budget says little about the path)
                seen = 0.85 * rate if self._bytes and now - self._bytes[0][0] >= 0.8 else 0.85 * self.estimate
                self.estimate = min(self.estimate, max(seen, 0.7 * self.estimate))
                self.overuses += 1
            self._overuse_at = now
        elif self.queue_ms < 20 and now - self._overuse_at > 0.5:
            # grow while the sender uses what it has (a sender below its budget proves nothing)
            growth = 1.08 if self.overuses else 1.25
            ceiling = 1.5 * rate + 200_000
            if self.estimate < ceiling:
                self.estimate = min(self.estimate * growth ** dt, ceiling)
        self.estimate = min(self.max_bps, max(self.min_bps, self.estimate))
        return self.estimate


class SendController:
    """The witness's choice of rung from the court's feedback."""

    def __init__(self, capture: tuple[int, int] = (1280, 720), capture_fps: float = 30.0,
                 ladder: tuple[Rung, ...] = LADDER, start: int = START_RUNG, max_height: int = 720) -> None:
        self.capture, self.capture_fps = capture, capture_fps
        self.ladder = tuple(r for r in ladder if r.height <= max(max_height, ladder[-1].height))
        self.rung = min(start, len(self.ladder) - 1)
        #: video streams sharing the uplink at this rung (the judge's unmasked video rides beside the
        #: masked one when the court has a judge's monitor): the budget is split between them
        self.streams = 1
        self.remb_bps: float | None = None
        self.loss = 0.0  # fraction, smoothed, from receiver reports
        self.rtt = 0.0
        self._changed_at = -1e9
        self._up_since: float | None = None
        self.changes = 0
        self.plis = 0
        self.nacks = 0
        self.history: list[tuple[float, int]] = []

    # -- feedback -------------------------------------------------------------------------------------
    def on_remb(self, bps: float, now: float) -> None:
        self.remb_bps = float(bps)
        self._decide(now)

    def on_report(self, fraction_lost: int, rtt: float | None, now: float) -> None:
        """An RTCP receiver report block for the video stream (fraction lost in 1/256)."""
        self.loss = 0.6 * self.loss + 0.4 * (fraction_lost / 256.0)
        if rtt is not None:
            self.rtt = rtt
        self._decide(now)

    def on_nack(self, n: int) -> None:
        self.nacks += n

    def on_pli(self) -> None:
        self.plis += 1

    # -- decision -------------------------------------------------------------------------------------
    def budget_kbps(self) -> float | None:
        if self.remb_bps is None:
            return None
        budget = self.remb_bps / 1000 - AUDIO_KBPS
        if self.loss > 0.10:  # heavy loss: the path is likely full too
            budget *= 1 - 0.5 * self.loss
        return budget / (1 + 2 * self.loss) / max(1, self.streams)  # room for resends and keyframes

    def _decide(self, now: float) -> None:
        budget = self.budget_kbps()
        if budget is None or now - self._changed_at < 1.0:
            return
        cur = self.ladder[self.rung]
        if budget < cur.kbps and self.rung < len(self.ladder) - 1:
            target = self.rung
            while target < len(self.ladder) - 1 and self.ladder[target].kbps > budget:
                target += 1
            self._set(target, now)
            return
        if self.rung > 0 and budget >= 1.15 * self.ladder[self.rung - 1].kbps:
            if self._up_since is None:
                self._up_since = now
            elif now - self._up_since >= 3.0 and now - self._changed_at >= 4.0:
                self._set(self.rung - 1, now)
        else:
            self._up_since = None

    def _set(self, rung: int, now: float) -> None:
        if rung != self.rung:
            self.rung = rung
            self.changes += 1
            self._changed_at = now
            self._up_since = None
            self.history.append((round(now, 3), rung))
            r = self.ladder[rung]
            log.info("link video: %dp %g fps %d kbit/s (estimate %s kbit/s, loss %.1f %%)", r.height, r.fps, r.kbps,
                     None if self.remb_bps is None else round(self.remb_bps / 1000), 100 * self.loss)

    # -- what the video track sends -------------------------------------------------------------------
    @property
    def current(self) -> Rung:
        return self.ladder[self.rung]

    def size(self) -> tuple[int, int]:
        """The sending size for the current rung (even numbers, the camera's aspect, never larger)."""
        w, h = self.capture
        target = min(h, self.current.height)
        tw = int(round(w * target / h / 2)) * 2
        return (tw, int(target) // 2 * 2)

    def fps(self) -> float:
        return min(self.capture_fps, self.current.fps)

    def bitrate(self) -> int:
        return self.current.kbps * 1000

    def pace_bps(self) -> float:
        """The pacer's rate for the video: 1.5-2.5 times its bitrate, within the estimate."""
        b = float(self.bitrate()) * max(1, self.streams)  # one pacer for all the video streams
        if self.remb_bps is None:
            return 2.5 * b
        return min(2.5 * b, max(1.5 * b, 0.9 * self.remb_bps - AUDIO_KBPS * 1000))


class FrameGate:
    """Lets frames through at ``fps`` (of a source at a higher rate), by their media time."""

    def __init__(self) -> None:
        self._slot: int | None = None
        self._fps = 0.0

    def admit(self, pts: float, fps: float) -> bool:
        slot = int(pts * fps + 1e-6)
        if fps != self._fps:  # a new rate: count its slots from here
            self._fps = fps
            self._slot = slot - 1 if self._slot is not None else None
        if self._slot is not None and slot <= self._slot:
            return False
        self._slot = slot
        return True
