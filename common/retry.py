"""One way to wait between attempts: exponential backoff with jitter (instead of a fixed sleep that
makes every client of a restarted server retry in lock-step).  ``delay(attempt)`` is the wait before
attempt ``attempt + 1`` (attempt counts from 1): ``base * factor**(attempt-1)`` capped at ``cap``,
then spread by ±``jitter`` (a fraction)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Backoff:
    base: float = 0.3
    factor: float = 2.0
    cap: float = 2.0
    jitter: float = 0.25
    _rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def delay(self, attempt: int) -> float:
        d = min(self.cap, self.base * self.factor ** max(0, attempt - 1))
        return max(0.0, d * (1.0 + self.jitter * (2.0 * self._rng.random() - 1.0)))
