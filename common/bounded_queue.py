"""One bounded queue between two threads, with the overflow policy said where it is made:

- ``Overflow.BLOCK``: the writer waits (nothing may be lost: a recording's encoder queue);
- ``Overflow.DROP_NEWEST``: the new item is dropped (a microphone's blocks when the reader stalls:
  PortAudio's callback must never wait; a received stream when the disk is slow);
- ``Overflow.DROP_OLDEST``: the oldest item goes (live media to a remote station: the newest matters).

``dropped`` counts what overflow threw away.  ``put_final`` always enqueues (a stop sentinel), blocking
if it must, whatever the policy.  ``on_put`` (optional) is called after each enqueued item, e.g. to wake
an asyncio reader (:class:`recording.transport.queues.DropOldest`).  :func:`consume` is a writer
thread's loop over one."""

from __future__ import annotations

import enum
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Overflow(enum.Enum):
    BLOCK = "block"
    DROP_NEWEST = "drop newest"
    DROP_OLDEST = "drop oldest"


class BoundedQueue(Generic[T]):
    def __init__(self, maxsize: int, overflow: Overflow, on_put: Callable[[], None] | None = None) -> None:
        if maxsize < 1:
            raise ValueError("a bounded queue holds at least one item")
        self.maxsize = maxsize
        self.overflow = overflow
        self.dropped = 0
        self._items: deque[T] = deque()
        self._cond = threading.Condition()
        self._on_put = on_put

    def __len__(self) -> int:
        with self._cond:
            return len(self._items)

    def put(self, item: T) -> bool:
        """Enqueue ``item`` following the policy; False when it (or, for DROP_OLDEST, an older item)
        was dropped to make room."""
        with self._cond:
            kept = True
            if len(self._items) >= self.maxsize:
                if self.overflow is Overflow.DROP_NEWEST:
                    self.dropped += 1
                    return False
                if self.overflow is Overflow.DROP_OLDEST:
                    self._items.popleft()
                    self.dropped += 1
                    kept = False
                else:
                    while len(self._items) >= self.maxsize:
                        self._cond.wait()
            self._items.append(item)
            self._cond.notify_all()
        if self._on_put is not None:
            self._on_put()
        return kept

    def put_final(self, item: T) -> None:
        """Enqueue ``item`` whatever the policy (waiting for room if the queue is full)."""
        with self._cond:
            while len(self._items) >= self.maxsize and self.overflow is Overflow.BLOCK:
                self._cond.wait()
            self._items.append(item)
            self._cond.notify_all()
        if self._on_put is not None:
            self._on_put()

    def get(self, timeout: float | None = None) -> T:
        """The oldest item; waits up to ``timeout`` seconds (None: for ever), then ``queue.Empty``."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while not self._items:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise queue.Empty
                self._cond.wait(left)
            item = self._items.popleft()
            self._cond.notify_all()
            return item

    def get_nowait(self) -> T:
        with self._cond:
            if not self._items:
                raise queue.Empty
            item = self._items.popleft()
            self._cond.notify_all()
            return item


def consume(q: BoundedQueue[T | None], handle: Callable[[T], None], failed: Callable[[], bool],
            fail: Callable[[Exception], None]) -> None:
    """A writer thread's loop: ``handle`` each item until the final ``None``.  An exception goes to
    ``fail``; while ``failed()`` the items are taken and left (the producer never blocks on a dead
    writer)."""
    while True:
        item = q.get()
        if item is None:
            return
        if failed():
            continue
        try:
            handle(item)
        except Exception as exc:
            fail(exc)
