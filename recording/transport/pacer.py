"""The witness's send pacer: the masked video leaves at a steady pace, the voice never waits.

aiortc sends each encoded frame's packets in one burst; a keyframe is tens of packets.  On a narrow
uplink that burst is a queue in the network, and the voice's packets wait behind it (or are dropped
with it).  Here the video's packets (and their retransmissions, first) leave at :meth:`rate` — a
little above the video's bitrate, so a keyframe drains in a few hundred milliseconds — while audio
and RTCP go out at once.  The video sender waits for its packets to leave: while the uplink is
slow, the next frame waits in the link's drop-oldest queue, so frames are skipped at the source
rather than queued in the network.  It waits once a frame (for the frame's last packet), not once a
packet, and the pacer sends what is due in bursts of at most :data:`BURST` seconds (as libwebrtc's
pacer does every 5 ms): a wake-up of the event loop for every packet held a busy station's video to
the loop's speed rather than the uplink's.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Awaitable, Callable

from aiortc import clock

#: a queue of retransmissions deeper than this is stale: the receiver has given those frames up
MAX_RESENDS = 64
#: the pacer may run this far (seconds) ahead of its rate: one wake-up sends what is due by then
BURST = 0.005


def stamp_send_time(data: bytes, ext_id: int, ntp: int) -> bytes:
    """``data`` (an RTP packet) with its abs-send-time extension (one-byte form) set to ``ntp`` (NTP
    64-bit): the time it really left, after the pacer — the receiver's delay estimate must not take
    the pacer's own queue for the network's."""
    if not ext_id or len(data) < 16 or not data[0] & 0x10:
        return data
    pos = 12 + 4 * (data[0] & 0x0F)
    if len(data) < pos + 4 or data[pos:pos + 2] != b"\xbe\xde":
        return data
    end = pos + 4 + 4 * int.from_bytes(data[pos + 2:pos + 4], "big")
    i = pos + 4
    while i < min(end, len(data)):
        b = data[i]
        if b == 0:  # padding
            i += 1
            continue
        eid, n = b >> 4, (b & 0x0F) + 1
        if eid == ext_id and n == 3 and i + 4 <= len(data):
            v = (ntp >> 14) & 0x00FFFFFF
            return data[:i + 1] + v.to_bytes(3, "big") + data[i + 4:]
        i += 1 + n
    return data


class Pacer:
    def __init__(self, send: Callable[[bytes], Awaitable[None]], rate: Callable[[], float],
                 send_time_id: int = 0) -> None:
        self._send = send
        self._ext = send_time_id
        self.rate = rate  # bit/s
        self._video: deque[tuple[bytes, asyncio.Future | None]] = deque()
        self._resend: deque[bytes] = deque()
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._next = 0.0
        self.sent_packets = 0
        self.resends_dropped = 0

    def _start(self) -> None:
        if self._task is None:
            self._task = asyncio.ensure_future(self._run())

    async def video(self, data: bytes, wait: bool = True) -> None:
        """Send a video packet at the pace; with ``wait`` (a frame's last packet) return when it left
        (raises what the transport raised), else at once."""
        self._start()
        fut = asyncio.get_running_loop().create_future() if wait else None
        self._video.append((data, fut))
        self._wake.set()
        if fut is not None:
            await fut

    def resend(self, data: bytes) -> None:
        """A retransmission: ahead of new video, without waiting for it."""
        self._start()
        if len(self._resend) >= MAX_RESENDS:
            self._resend.popleft()
            self.resends_dropped += 1
        self._resend.append(data)
        self._wake.set()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            if not self._video and not self._resend:
                self._wake.clear()
                await self._wake.wait()
                continue
            now = loop.time()
            if now < self._next - BURST:
                await asyncio.sleep(self._next - BURST - now)
            fut = None
            if self._resend:
                data = self._resend.popleft()
            else:
                data, fut = self._video.popleft()
            if self._ext:
                data = stamp_send_time(data, self._ext, clock.current_ntp_time())
            try:
                await self._send(data)
            except Exception as exc:  # the transport closed: the sender learns it from its packet
                if fut is not None and not fut.done():
                    fut.set_exception(exc)
            else:
                self.sent_packets += 1
                if fut is not None and not fut.done():
                    fut.set_result(None)
            self._next = max(loop.time(), self._next) + len(data) * 8 / max(50_000.0, self.rate())

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        while self._video:
            _, fut = self._video.popleft()
            if fut is not None and not fut.done():
                fut.set_exception(ConnectionError("the link closed"))
                fut.exception()  # retrieved: nobody may be waiting any more
        self._resend.clear()
