"""The one clock format for session times on screen and in the CLI: ``05:07`` under an hour (``5:07``
with ``minute_digits=1``), ``1:02:03`` from an hour, ``−0:30`` for a time overdue."""

from __future__ import annotations


def format_clock(seconds: float, minute_digits: int = 2) -> str:
    sign = "−" if seconds < 0 else ""
    s = int(abs(seconds))
    if s >= 3600:
        return f"{sign}{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
    return f"{sign}{s // 60:0{minute_digits}d}:{s % 60:02d}"
