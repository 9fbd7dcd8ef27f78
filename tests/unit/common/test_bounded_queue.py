"""The one bounded queue and its three overflow policies."""

from __future__ import annotations

import queue
import threading
import time

import pytest

from common.bounded_queue import BoundedQueue, Overflow


def test_drop_newest_keeps_the_old_items():
    q: BoundedQueue[int] = BoundedQueue(2, Overflow.DROP_NEWEST)
    assert q.put(1) and q.put(2) and not q.put(3)
    assert q.dropped == 1 and [q.get(), q.get()] == [1, 2]


def test_drop_oldest_keeps_the_newest_items():
    q: BoundedQueue[int] = BoundedQueue(2, Overflow.DROP_OLDEST)
    assert q.put(1) and q.put(2) and not q.put(3)
    assert q.dropped == 1 and [q.get(), q.get()] == [2, 3]


def test_block_waits_for_room_and_loses_nothing():
    q: BoundedQueue[int] = BoundedQueue(1, Overflow.BLOCK)
    q.put(0)
    done = threading.Event()

    def writer() -> None:
        q.put(1)
        done.set()

    threading.Thread(target=writer, daemon=True).start()
    assert q.get(timeout=5) == 0  # room made: the waiting writer goes on
    assert done.wait(5) and q.get() == 1 and q.dropped == 0 and len(q) == 0


def test_get_times_out_and_final_item_always_goes_in():
    q: BoundedQueue[int | None] = BoundedQueue(1, Overflow.DROP_NEWEST)
    t = time.monotonic()
    with pytest.raises(queue.Empty):
        q.get(timeout=0.05)
    assert time.monotonic() - t >= 0.04
    q.put(1)
    q.put_final(None)  # a stop sentinel is never dropped
    assert [q.get(), q.get()] == [1, None] and len(q) == 0

