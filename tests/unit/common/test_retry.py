"""Waiting between attempts: backoff with jitter."""

from __future__ import annotations

import random

from common.retry import Backoff


def test_backoff_grows_to_its_cap_with_jitter():
    b = Backoff(base=0.3, factor=2.0, cap=1.0, jitter=0.25, _rng=random.Random(7))
    delays = [b.delay(n) for n in range(1, 8)]
    assert 0.225 <= delays[0] <= 0.375 and 0.45 <= delays[1] <= 0.75
    assert all(0.75 <= d <= 1.25 for d in delays[3:])  # capped at 1 s ± 25 %
    assert len({round(d, 6) for d in delays[3:]}) > 1  # spread, not in lock-step
