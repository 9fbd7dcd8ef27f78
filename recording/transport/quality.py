"""What the court measures of the link (docs/network.md): latency from capture to decoded, holes in
the witness's voice, and a plain quality level for the clerk's console.

- :func:`capture_latency` — the witness stamps each video frame's RTP timestamp with its capture
  time (wall clock, 90 kHz, mod 2**32; :mod:`recording.transport.rtp_hooks`); the court compares it
  with its own clock when the frame is decoded.  Both stations' clocks are NTP-synchronised in
  production, one clock on the lab's single machine.  A stream without the stamp (a random RTP
  origin) gives no figure rather than a wrong one.
- :class:`AudioContinuity` — the floor as the courtroom speakers would play it, behind a 60 ms
  playout buffer: a block missing from the timeline, or arriving after its turn, is a hole; holes
  over 60 ms are counted (not during the witness's breaks).
- :class:`QualityWindow` — the last few seconds, for the console's "Link: good / fair / poor".
"""

from __future__ import annotations

import time
from collections import deque

from recording.model import AUDIO_RATE

CLOCK = 90_000
HOLE = 0.060  # a hole longer than this is an audio gap
PLAYOUT = 0.060  # the playout buffer the speakers keep


def now_90k(wall: float | None = None) -> int:
    return int((time.time() if wall is None else wall) * CLOCK) & 0xFFFFFFFF


def capture_latency(pts_90k: int, wall: float | None = None) -> float | None:
    """Seconds since capture for a frame stamped ``pts_90k`` (mod 2**32), or ``None`` without a stamp."""
    d = (now_90k(wall) - (int(pts_90k) & 0xFFFFFFFF)) & 0xFFFFFFFF
    if d > (1 << 31):
        d -= 1 << 32  # a stamp slightly ahead of this clock (clocks not quite in step)
    sec = d / CLOCK
    return sec if -1.0 < sec < 10.0 else None


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(q / 100 * (len(s) - 1)))))
    return s[k]


class AudioContinuity:
    """Holes in a received audio channel, on the playout model above."""

    def __init__(self, rate: int = AUDIO_RATE) -> None:
        self.rate = rate
        self.gap_seconds = 0.0
        self.gaps = 0
        self._anchor: float | None = None  # wall time of media sample 0 at playout
        self._until: int | None = None  # media samples covered so far
        self._last_arrival: float | None = None

    def reset(self) -> None:
        """A new connection (new timestamps): the time until its first block is a hole."""
        self._anchor = None
        self._until = None

    def add(self, pts: int, n: int, arrival: float, on_break: bool = False) -> float:
        """A block of ``n`` samples at media position ``pts``; returns the hole before it (s)."""
        if self._anchor is None or self._until is None:
            hole = 0.0
            if self._last_arrival is not None:  # after a reconnection: nothing came meanwhile
                hole = max(0.0, arrival - self._last_arrival - n / self.rate)
                if hole > HOLE and not on_break:
                    self.gap_seconds += hole
                    self.gaps += 1
            self._anchor = arrival - pts / self.rate + PLAYOUT
            self._until = pts + n
            self._last_arrival = arrival
            return hole
        if pts + n <= self._until:
            return 0.0  # a duplicate or already covered
        start = max(pts, self._until)
        missing = (start - self._until) / self.rate
        due = self._anchor + start / self.rate
        late = max(0.0, arrival - due)
        if late > 0:  # the speakers ran dry: play from now, with the buffer refilled
            self._anchor = arrival - start / self.rate + PLAYOUT
        self._until = pts + n
        self._last_arrival = arrival
        hole = missing + late
        if hole > HOLE and not on_break:
            self.gap_seconds += hole
            self.gaps += 1
        return hole


class QualityWindow:
    """The last ``span`` seconds of frames, latencies and holes: the console's plain words."""

    def __init__(self, span: float = 5.0) -> None:
        self.span = span
        self._frames: deque[float] = deque()
        self._lat: deque[tuple[float, float]] = deque()
        self._holes: deque[tuple[float, float]] = deque()
        self.size = (0, 0)

    def frame(self, now: float, latency: float | None, size: tuple[int, int]) -> None:
        self._frames.append(now)
        if latency is not None:
            self._lat.append((now, latency))
        self.size = size
        self._trim(now)

    def hole(self, now: float, seconds: float) -> None:
        if seconds > HOLE:
            self._holes.append((now, seconds))

    def _trim(self, now: float) -> None:
        for q in (self._frames, self._lat, self._holes):
            while q and now - (q[0] if isinstance(q[0], float) else q[0][0]) > self.span:
                q.popleft()

    def snapshot(self, now: float) -> dict:
        self._trim(now)
        fps = len(self._frames) / self.span
        lat = percentile([v for _, v in self._lat], 50)
        holes = sum(v for _, v in self._holes)
        if fps >= 20 and (lat is None or lat < 0.3) and holes < 0.3:
            level = "good"
        elif fps >= 10 and (lat is None or lat < 0.6) and holes < 1.0:
            level = "fair"
        else:
            level = "poor"
        return {"level": level, "fps": round(fps, 1), "latency_ms": None if lat is None else round(lat * 1000),
                "audio_gaps_s": round(holes, 2), "size": list(self.size)}
