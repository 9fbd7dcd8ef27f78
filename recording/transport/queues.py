"""The bounded queue between the witness pipeline's thread and the link's event loop."""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from typing import Any

from common.bounded_queue import BoundedQueue, Overflow


class DropOldest:
    """A bounded queue written from any thread and read from the event loop; full → drop oldest, so
    the court always gets the newest item and latency does not grow (a
    :class:`common.bounded_queue.BoundedQueue` with an asyncio wake-up)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, maxlen: int) -> None:
        self._loop = loop
        self._event = asyncio.Event()
        self._queue: BoundedQueue[Any] = BoundedQueue(maxlen, Overflow.DROP_OLDEST, on_put=self._wake)
        self._lock = threading.Lock()
        self.closed = False

    @property
    def dropped(self) -> int:
        return self._queue.dropped

    def put(self, item: Any) -> None:
        with self._lock:
            if self.closed:
                return
        self._queue.put(item)

    def close(self) -> None:
        with self._lock:
            self.closed = True
        self._wake()

    def _wake(self) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is reading any more
            self._loop.call_soon_threadsafe(self._event.set)

    async def get(self) -> Any:
        """The oldest item, or ``None`` once closed."""
        while True:
            self._event.clear()
            with contextlib.suppress(queue.Empty):
                return self._queue.get_nowait()
            with self._lock:
                if self.closed:
                    return None
            await self._event.wait()
