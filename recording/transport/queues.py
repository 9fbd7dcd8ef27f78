"""The bounded queue between the witness pipeline's thread and the link's event loop."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import deque
from typing import Any


class DropOldest:
    """A bounded queue written from any thread and read from the event loop; full → drop oldest, so
    the court always gets the newest item and latency does not grow."""

    def __init__(self, loop: asyncio.AbstractEventLoop, maxlen: int) -> None:
        self._loop = loop
        self._items: deque[Any] = deque()
        self._maxlen = maxlen
        self._lock = threading.Lock()
        self._event = asyncio.Event()
        self.dropped = 0
        self.closed = False

    def put(self, item: Any) -> None:
        with self._lock:
            if self.closed:
                return
            if len(self._items) >= self._maxlen:
                self._items.popleft()
                self.dropped += 1
            self._items.append(item)
        self._wake()

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
            with self._lock:
                if self._items:
                    return self._items.popleft()
                if self.closed:
                    return None
                self._event.clear()
            await self._event.wait()
