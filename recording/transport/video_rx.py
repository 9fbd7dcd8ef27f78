"""The receiving side's reorder buffers for a lossy link (replacing aiortc's jitter buffers, which
stall a video track until 512 packets have gone by when one packet is lost, and keep 300 ms of audio
queued after the first loss).

- :class:`VideoReorder` assembles frames from RTP packets (VP8: a frame starts at the packet whose
  payload descriptor has S=1 and partition 0, and ends at the marker bit), asks for missing packets
  again (NACK: at once, then again after about one round trip, a few times), waits for them at most
  :meth:`VideoReorder.wait` (from the measured round trip), then gives the frame up: the frames
  after it cannot be decoded without it, so it waits for a keyframe and asks for one (PLI,
  repeated until one arrives).  A keyframe that arrives whole restarts the picture at once.
- :class:`AudioReorder` puts audio packets back in order and skips a missing one after
  ``wait`` seconds: a 20 ms hole the decoder bridges, never a growing delay.

Pure logic on a caller's clock (``now`` in seconds): deterministic under test.  The aiortc wiring is
in :mod:`recording.transport.rtp_hooks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: packets kept waiting at most (a memory bound; the time bound is ``wait``)
MAX_PACKETS = 2048
NACK_TRIES = 3
#: no NACK while the uplink's queue is longer than this (s)
NACK_MAX_QUEUE = 0.2


def unwrap(value: int, last: int | None, bits: int) -> int:
    """``value`` (mod 2**bits) as the extended integer closest to ``last``."""
    if last is None:
        return value
    span = 1 << bits
    base = last - (last % span)
    cand = base + value
    if cand - last > span // 2:
        cand -= span
    elif last - cand > span // 2:
        cand += span
    return cand


def vp8_flags(payload: bytes) -> tuple[bool, bool]:
    """``(starts_frame, keyframe)`` from a VP8 RTP payload (RFC 7741 descriptor + payload header)."""
    if not payload:
        return False, False
    b0 = payload[0]
    start = bool(b0 & 0x10) and (b0 & 0x07) == 0
    pos = 1
    if b0 & 0x80 and len(payload) > 1:  # X: extension octet
        x = payload[1]
        pos = 2
        if x & 0x80:  # I: picture id (7 or 15 bits)
            pos += 2 if len(payload) > pos and payload[pos] & 0x80 else 1
        if x & 0x40:  # L: TL0PICIDX
            pos += 1
        if x & 0x30:  # T or K
            pos += 1
    key = start and len(payload) > pos and (payload[pos] & 0x01) == 0
    return start, key


@dataclass
class _Pkt:
    ts: int
    start: bool
    marker: bool
    key: bool
    data: bytes


@dataclass
class _Missing:
    since: float
    nacks: int = 0
    last_nack: float = -1.0


@dataclass
class RxActions:
    """What the caller does after :meth:`VideoReorder.add` / :meth:`VideoReorder.tick`."""

    frames: list[tuple[bytes, int]] = field(default_factory=list)  # (encoded frame, extended RTP ts)
    nack: list[int] = field(default_factory=list)  # 16-bit sequence numbers to ask for again
    pli: bool = False


class VideoReorder:
    """Frames in order from a lossy video RTP stream; NACK and PLI as needed."""

    def __init__(self, vp8: bool = True, min_wait: float = 0.08, max_wait: float = 0.4) -> None:
        self.vp8 = vp8
        self.min_wait, self.max_wait = min_wait, max_wait
        self.rtt = 0.05  # smoothed; measured from NACK → retransmission
        self.queue = 0.0  # the queue on the uplink now (s), from the rate estimator
        self._pkts: dict[int, _Pkt] = {}
        self._missing: dict[int, _Missing] = {}
        self._next: int | None = None  # extended seq of the next packet to deliver
        self._high: int | None = None
        self._ts_last: int | None = None
        self.waiting_key = True  # nothing decodable before a keyframe
        self._pli_at = -1.0
        self._blocked: tuple[int, float] | None = None  # (seq, since): delivery waits at seq
        self.frames_out = 0
        self.frames_skipped = 0
        self.keyframes = 0
        self.nacks_sent = 0
        self.plis_sent = 0
        self.recovered = 0  # packets that came back after a NACK
        self.late = 0  # packets that came after their frame was given up (or twice)

    def wait(self) -> float:
        """How long a missing packet is waited for before its frame is given up: a few round trips,
        plus the queue on the sender's uplink that its retransmission waits in too."""
        return min(self.max_wait, max(self.min_wait, 2.5 * self.rtt + self.queue + 0.03))

    # -- input --------------------------------------------------------------------------------------
    def add(self, seq: int, ts: int, marker: bool, payload: bytes, data: bytes, now: float) -> RxActions:
        """One RTP packet (``payload`` as sent, ``data`` depayloaded for the decoder)."""
        out = RxActions()
        s = unwrap(seq, self._high, 16)
        t = unwrap(ts, self._ts_last, 32)
        self._ts_last = t if self._ts_last is None or t > self._ts_last else self._ts_last
        start, key = vp8_flags(payload) if self.vp8 else (True, False)
        if self._next is None:
            self._next = s
        if s < self._next or s in self._pkts:
            self.late += 1
            return out  # late (already given up) or a duplicate
        m = self._missing.pop(s, None)
        if m is not None and m.nacks:
            self.recovered += 1
            self.rtt = 0.8 * self.rtt + 0.2 * max(0.001, now - m.last_nack)
        self._pkts[s] = _Pkt(t, start, marker, key, data)
        if self._high is None or s > self._high:
            first_new = (self._high + 1) if self._high is not None else s
            if s - first_new <= 100:  # a longer gap (an outage) is not asked for again: a keyframe is
                for gap in range(first_new, s):
                    self._missing[gap] = _Missing(now)
            self._high = s
        self._nack_due(now, out)
        self._emit(now, out)
        return out

    def tick(self, now: float) -> RxActions:
        """Timers: NACK again, give up a frame, ask for a keyframe again."""
        out = RxActions()
        self._nack_due(now, out)
        self._emit(now, out)
        return out

    # -- internals ----------------------------------------------------------------------------------
    def _nack_due(self, now: float, out: RxActions) -> None:
        if self.queue > NACK_MAX_QUEUE:  # behind this queue, the answer would come too late to use
            return
        again = max(0.03, 1.5 * self.rtt + self.queue)  # its answer is not due before
        for s, m in self._missing.items():
            if m.nacks < NACK_TRIES and (m.nacks == 0 or now - m.last_nack >= again):
                m.nacks += 1
                m.last_nack = now
                out.nack.append(s & 0xFFFF)
        self.nacks_sent += len(out.nack)

    def _frame_at(self, s: int) -> tuple[list[int], bool] | None:
        """The packets of the frame starting at ``s`` if it is complete: (seqs, ok); ``None`` when a
        packet is still missing.  ok False: ``s`` does not start a frame (the start was lost)."""
        p = self._pkts.get(s)
        if p is None:
            return None
        if not p.start:
            return [s], False
        seqs = [s]
        while not p.marker:
            s += 1
            q = self._pkts.get(s)
            if q is None:
                return None
            if q.ts != p.ts or q.start:  # the next frame began without our marker: ours is broken
                return seqs, False
            seqs.append(s)
            p = q
        return seqs, True

    def _next_start(self, after: int) -> int | None:
        """The first packet after ``after`` that starts a frame (a keyframe when waiting for one)."""
        cands = [s for s, p in self._pkts.items() if s > after and p.start and (p.key or not self.waiting_key)]
        return min(cands) if cands else None

    def _skip_to(self, s: int | None, now: float, out: RxActions) -> None:
        assert self._next is not None
        end = s if s is not None else (self._high + 1 if self._high is not None else self._next)
        for k in [k for k in self._pkts if k < end]:
            del self._pkts[k]
        for k in [k for k in self._missing if k < end]:
            del self._missing[k]
        self._next = end
        self.frames_skipped += 1
        self.waiting_key = True
        self._ask_key(now, out)

    def _ask_key(self, now: float, out: RxActions) -> None:
        if self._pli_at < 0 or now - self._pli_at >= max(0.25, 2 * self.rtt + 0.1):
            self._pli_at = now
            out.pli = True
            self.plis_sent += 1

    def _emit(self, now: float, out: RxActions) -> None:
        while self._next is not None and self._pkts:
            s = self._next
            got = self._frame_at(s)
            if got is None:
                # a frame still arriving (no hole up to the newest packet) is not waiting for anything
                assert self._high is not None
                if len(self._pkts) >= self._high - s + 1:
                    self._blocked = None
                    return
                # a packet is missing: wait for it (NACKed), unless waited long enough or far behind
                if self._blocked is None or self._blocked[0] != s:
                    self._blocked = (s, now)
                if now - self._blocked[1] < self.wait() and len(self._pkts) < MAX_PACKETS:
                    if self.waiting_key:
                        self._ask_key_if_stuck(now, out)
                    return
                self._skip_to(self._next_start(s), now, out)
                continue
            seqs, ok = got
            if not ok:  # a frame without its start: give it up
                self._skip_to(self._next_start(s), now, out)
                continue
            first = self._pkts[seqs[0]]
            data = b"".join(self._pkts[k].data for k in seqs)
            for k in seqs:
                del self._pkts[k]
            self._next = seqs[-1] + 1
            if self.waiting_key and not first.key and self.vp8:
                self._ask_key(now, out)
                continue  # undecodable without the keyframe: dropped
            if first.key:
                self.keyframes += 1
            self.waiting_key = False
            self.frames_out += 1
            out.frames.append((data, first.ts))
        if self.waiting_key and self._next is not None:
            self._ask_key_if_stuck(now, out)

    def _ask_key_if_stuck(self, now: float, out: RxActions) -> None:
        if self.frames_out or self.frames_skipped:  # at the very start the first keyframe is on its way
            self._ask_key(now, out)


class AudioReorder:
    """Audio packets in sequence order; a missing one is skipped after ``wait`` seconds."""

    def __init__(self, wait: float = 0.04) -> None:
        self.wait = wait
        self._pkts: dict[int, tuple[int, bytes, float]] = {}
        self._next: int | None = None
        self._high: int | None = None
        self._ts_last: int | None = None
        self.skipped = 0

    def add(self, seq: int, ts: int, data: bytes, now: float) -> list[tuple[bytes, int]]:
        s = unwrap(seq, self._high, 16)
        t = unwrap(ts, self._ts_last, 32)
        self._ts_last = t if self._ts_last is None or t > self._ts_last else self._ts_last
        if self._next is None:
            self._next = s
        if s < self._next or s in self._pkts:
            return []
        self._pkts[s] = (t, data, now)
        self._high = s if self._high is None else max(self._high, s)
        return self.tick(now)

    def tick(self, now: float) -> list[tuple[bytes, int]]:
        out: list[tuple[bytes, int]] = []
        while self._pkts and self._next is not None:
            p = self._pkts.pop(self._next, None)
            if p is not None:
                out.append((p[1], p[0]))
                self._next += 1
                continue
            first = min(self._pkts)
            if now - self._pkts[first][2] < self.wait and len(self._pkts) < 64:
                break
            self.skipped += first - self._next
            self._next = first
        return out
