"""Ground-rules break schedule: when the next planned break is due, when to remind the clerk and the
judge, and when a questioning stretch has run past the ground-rules limit.  Pure logic on an injected
clock, so it is tested without sleeping; the UI polls :meth:`BreakSchedule.tick` once a second.
:func:`timeline_spans` lays the planned and actual breaks out on the session's timeline."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from common.clock import format_clock
from recording.session import GroundRules, SessionLifecycle, State

#: seconds before a planned break when the clerk is reminded (BreakSchedule's default)
REMIND_WINDOW = 120.0


@dataclass(frozen=True)
class Span:
    """A stretch of session time on the timeline: a planned or an actual break."""

    start: float
    end: float | None  # None: still running
    label: str = ""  # "witness" / "clerk" for actual breaks


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
                 remind_before_s: float = REMIND_WINDOW) -> None:
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
    return format_clock(seconds, minute_digits=1)


def timeline_spans(lifecycle: SessionLifecycle, rules: GroundRules,
                   now: float | None = None) -> tuple[float, list[Span], list[Span]]:
    """(now, planned, actual) on the session timeline (seconds since the session went live), from the
    lifecycle's state changes: planned breaks come ``break_interval`` after each questioning stretch
    starts (going live, or the end of a break), with the next two projected ahead."""
    changes = lifecycle.state_changes()
    t0 = next((e.at for e in changes if e.new is State.LIVE), None)
    if t0 is None:
        return 0.0, [], []
    now = lifecycle.now() if now is None else now
    end = next((e.at for e in reversed(changes) if e.new is State.ENDED), None)
    if end is not None:  # the session is over: "now" stays where it ended
        now = min(now, end)
    now -= t0
    interval = rules.break_interval_minutes * 60.0
    length = rules.break_length_minutes * 60.0
    stretches = [0.0]
    actual: list[Span] = []
    for e in changes:
        if e.new is State.BREAK:
            actual.append(Span(e.at - t0, None, e.by or "witness"))
        elif e.old is State.BREAK and actual and actual[-1].end is None:
            actual[-1] = Span(actual[-1].start, e.at - t0, actual[-1].label)
            if e.new is State.LIVE:
                stretches.append(e.at - t0)
    # a stretch's planned break is shown when that stretch was still running near it (a witness break
    # long before it replaced it: the next stretch has its own plan)
    planned = []
    for i, s in enumerate(stretches):
        p = s + interval
        ended_by = actual[i].start if i < len(actual) else None
        if ended_by is None or ended_by >= p - min(REMIND_WINDOW, interval / 4):
            planned.append(Span(p, p + length))
    on_break = bool(actual) and actual[-1].end is None
    ended = lifecycle.state in (State.ENDED, State.SEALED)
    if on_break and not ended:  # the next plan: after this break's planned length
        nxt = max(now, actual[-1].start + length) + interval
        planned.append(Span(nxt, nxt + length))
    elif not ended and planned:
        for _ in range(2):  # the next two, projected from the current one
            nxt = max(planned[-1].end or 0.0, now) + interval
            planned.append(Span(nxt, nxt + length))
    return now, planned, actual


