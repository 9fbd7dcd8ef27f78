"""Who takes a pipeline's output: consumers by the audiences they subscribe to, and break listeners.
One copy for the session pipeline (:mod:`recording.pipeline`) and the court's received media
(``desktop.remote_court.ReceivedPipeline``), which offer the screens the same surface."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from recording.model import Audience

C = TypeVar("C")


class Subscriptions(Generic[C]):
    """Thread-safe: subscribe and unsubscribe from any thread while the output is delivered."""

    def __init__(self) -> None:
        self._consumers: list[tuple[frozenset[Audience], C]] = []
        self._lock = threading.Lock()
        self._break_listeners: list[Callable[[bool, float], None]] = []

    def subscribe(self, audiences: set[Audience] | frozenset[Audience], consumer: C) -> None:
        with self._lock:
            self._consumers.append((frozenset(audiences), consumer))

    def unsubscribe(self, consumer: C) -> None:
        with self._lock:
            self._consumers = [(a, c) for a, c in self._consumers if c is not consumer]

    def add_break_listener(self, fn: Callable[[bool, float], None]) -> None:
        self._break_listeners.append(fn)
