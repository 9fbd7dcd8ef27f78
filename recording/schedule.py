"""Ground-rules break schedule: when the next planned break is due, when to remind the clerk and the
judge, and when a questioning stretch has run past the ground-rules limit.  Pure logic on an injected
clock, so it is tested without sleeping; the UI polls :meth:`BreakSchedule.tick` once a second."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from recording.session import GroundRules


@dataclass(frozen=True)
class ScheduleStatus:
    live_seconds: float  # questioning time since the session went live or the last break ended
    next_break_in: float  # seconds until the next planned break (negative: overdue)
    remind: bool  # within the reminder window before the planned break (or overdue)
    over_limit: bool  # the questioning stretch passed the ground-rules limit: warn the judge
    on_break: bool
    break_elapsed: float  # seconds into the current break
    break_remaining: float  # seconds left of the planned break length (negative: overrunning)


class BreakSchedule:
    def __init__(self, rules: GroundRules, clock: Callable[[], float] = time.monotonic,
                 remind_before_s: float = 120.0) -> None:
        self.rules = rules
        self._clock = clock
        self.remind_before = remind_before_s
        self._stretch_start: float | None = None
        self._break_start: float | None = None
        self.warnings: list[str] = []

    def go_live(self) -> None:
        self._stretch_start = self._clock()
        self._break_start = None

    def break_started(self) -> None:
        self._break_start = self._clock()

    def break_ended(self) -> None:
        self._break_start = None
        self._stretch_start = self._clock()  # a break resets the questioning stretch

    def tick(self) -> ScheduleStatus:
        now = self._clock()
        interval = self.rules.break_interval_minutes * 60.0
        limit = self.rules.longest_questioning_minutes * 60.0
        live = 0.0 if self._stretch_start is None else now - self._stretch_start
        on_break = self._break_start is not None
        if on_break:
            live = (self._break_start or now) - (self._stretch_start or now)
        next_in = interval - live
        elapsed = now - self._break_start if on_break and self._break_start is not None else 0.0
        return ScheduleStatus(
            live_seconds=live, next_break_in=next_in,
            remind=not on_break and self._stretch_start is not None and next_in <= self.remind_before,
            over_limit=not on_break and self._stretch_start is not None and live > limit,
            on_break=on_break, break_elapsed=elapsed,
            break_remaining=self.rules.break_length_minutes * 60.0 - elapsed)


def clock_text(seconds: float) -> str:
    """"12:05" or "−0:30" for overdue times."""
    sign = "−" if seconds < 0 else ""
    s = int(abs(seconds))
    return f"{sign}{s // 60}:{s % 60:02d}"
