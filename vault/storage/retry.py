"""One retry helper for everything that talks to a store: exponential backoff with full jitter,
bounded by a deadline, retrying only what can get better by waiting (the store unreachable or
restarting), never a refusal (wrong key, no such bucket, a conflict)."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from ..errors import StoreUnavailable

T = TypeVar("T")


class Backoff:
    """Delays 0.25 s, 0.5 s, 1 s, ... up to ``cap`` seconds, each drawn uniformly below the bound
    ("full jitter", so stations that lost the store together do not come back in step)."""

    def __init__(self, first: float = 0.25, cap: float = 15.0, rng: random.Random | None = None):
        self.first, self.cap = first, cap
        self.attempt = 0
        self._rng = rng or random.Random()

    def next(self) -> float:
        bound = min(self.cap, self.first * (2 ** self.attempt))
        self.attempt += 1
        return self._rng.uniform(bound / 2, bound)

    def reset(self) -> None:
        self.attempt = 0


def retry(fn: Callable[[], T], deadline_s: float = 60.0, stop: threading.Event | None = None,
          backoff: Backoff | None = None) -> T:
    """``fn()``, tried again after StoreUnavailable until ``deadline_s`` seconds have passed (or
    ``stop`` is set); the last StoreUnavailable is raised then."""
    end = time.monotonic() + deadline_s
    b = backoff or Backoff()
    while True:
        try:
            return fn()
        except StoreUnavailable:
            wait = b.next()
            if time.monotonic() + wait > end or (stop is not None and stop.is_set()):
                raise
            if stop is not None:
                if stop.wait(wait):
                    raise
            else:
                time.sleep(wait)
