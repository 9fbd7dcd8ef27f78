"""Interpretation channels and listener mixes (after Zoom/Webex interpretation).

Channels are the floor (the court room, the witness's voice as that audience may hear it) and one
channel per interpretation language.  Each listener picks a channel: ``None``/"floor" gives the floor
alone; a language gives that interpretation with the floor underneath at ``floor_db`` (default −14 dB),
so the tone of the original voice is still there.  Interpreters can hand over without a gap
(:class:`InterpreterDesk`), and relay (take another language channel as their source).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import numpy as np

from recording.model import AUDIO_RATE, Audience, Decision
from recording.sources.base import AudioSource

FLOOR = "floor"
DEFAULT_FLOOR_DB = -14.0


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def mix(floor: np.ndarray, interpretation: np.ndarray | None, floor_db: float = DEFAULT_FLOOR_DB) -> np.ndarray:
    """The listener's signal: the interpretation over the floor at ``floor_db``, soft-limited."""
    if interpretation is None:
        return floor.astype(np.float32, copy=True)
    out = interpretation + db_to_gain(floor_db) * floor
    peak = float(np.max(np.abs(out))) if len(out) else 0.0
    if peak > 1.0:
        out = out / peak
    return out.astype(np.float32)


class ListenerMix:
    """A pipeline consumer producing one listener's mix for ``audience``.

    The pipeline emits each 20 ms block channel by channel (the floor first, then each language) with
    the same ``start_sample``; this collects a block's channels and calls ``sink(mix, start_sample)``
    once all of them arrived.  ``choose`` switches channel at the next block (thread-safe)."""

    def __init__(self, audience: Audience, channels: list[str], sink: Callable[[np.ndarray, int], None],
                 channel: str | None = None, floor_db: float = DEFAULT_FLOOR_DB) -> None:
        self.audience = audience
        self.channels = list(channels)
        self._sink = sink
        self._choice = channel if channel in self.channels else FLOOR
        self.floor_db = floor_db
        self._pending: dict[int, dict[str, np.ndarray]] = {}
        self._lock = threading.Lock()

    @property
    def channel(self) -> str:
        return self._choice

    def choose(self, channel: str | None) -> None:
        with self._lock:
            self._choice = channel if channel in self.channels else FLOOR

    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float, decision: Decision) -> None:
        pass

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        if audience is not self.audience or channel not in self.channels:
            return
        with self._lock:
            block = self._pending.setdefault(start_sample, {})
            block[channel] = samples
            if len(block) < len(self.channels):
                return
            del self._pending[start_sample]
            for stale in [k for k in self._pending if k < start_sample]:
                del self._pending[stale]  # a channel that never came: drop, never stall
            choice, floor_db = self._choice, self.floor_db
        interp = None if choice == FLOOR else block[choice]
        self._sink(mix(block[FLOOR], interp, floor_db), start_sample)


class InterpreterDesk:
    """One language channel fed by one of several interpreters' microphones.

    ``hand_over(to)`` switches the live interpreter with a short equal-power crossfade, so the channel
    never has a gap.  ``relay_from`` names the channel the interpreter listens to (the floor, or another
    language for relay interpreting), for the interpreter's own headphones."""

    def __init__(self, language: str, interpreters: dict[str, Callable[[int], np.ndarray]],
                 active: str | None = None, relay_from: str = FLOOR, crossfade_ms: float = 60.0) -> None:
        if not interpreters:
            raise ValueError("an interpreter desk needs at least one interpreter")
        self.language = language
        self._inputs = dict(interpreters)
        self.active = active or next(iter(self._inputs))
        self.relay_from = relay_from
        self._fade_len = int(AUDIO_RATE * crossfade_ms / 1000)
        self._fading_from: str | None = None
        self._fade_pos = 0
        self._lock = threading.Lock()  # hand_over comes from the GUI thread, read from the pipeline's

    @property
    def interpreters(self) -> list[str]:
        return list(self._inputs)

    def hand_over(self, to: str) -> None:
        if to not in self._inputs:
            raise KeyError(f"no interpreter '{to}' at the {self.language} desk")
        with self._lock:
            if to != self.active:
                self._fading_from, self.active, self._fade_pos = self.active, to, 0

    def read(self, n: int) -> np.ndarray:
        """The channel's next ``n`` samples (every interpreter's microphone is read, so none lags)."""
        blocks = {name: read(n) for name, read in self._inputs.items()}
        with self._lock:
            out = blocks[self.active].astype(np.float32)
            if self._fading_from is not None:
                pos = self._fade_pos + np.arange(n)
                t = np.clip(pos / max(1, self._fade_len), 0.0, 1.0)
                out = np.sqrt(t) * out + np.sqrt(1.0 - t) * blocks[self._fading_from]
                self._fade_pos += n
                if self._fade_pos >= self._fade_len:
                    self._fading_from = None
        return out.astype(np.float32)


class DeskSource:
    """An :class:`InterpreterDesk` as the pipeline's source for one language channel (an
    :class:`~recording.sources.base.AudioSource`): opens and closes every interpreter's microphone."""

    def __init__(self, language: str, sources: dict[str, AudioSource], active: str | None = None,
                 relay_from: str = FLOOR) -> None:
        self.sources = dict(sources)
        self.desk = InterpreterDesk(language, {k: s.read for k, s in self.sources.items()}, active, relay_from)
        self.name = f"{language} interpreter desk"
        self.rate = AUDIO_RATE
        self.live = any(getattr(s, "live", False) for s in self.sources.values())

    def open(self) -> None:
        for s in self.sources.values():
            s.open()

    def read(self, n: int) -> np.ndarray:
        return self.desk.read(n)

    def close(self) -> None:
        for s in self.sources.values():
            with contextlib.suppress(Exception):  # a lost device must not stop closing the others
                s.close()


class InterpreterDesks:
    """Every language's desk, with the hand-over and relay controls the clerk uses.

    Each desk also has an interpreter return: a :class:`ListenerMix` of the channel the interpreters
    listen to (``relay_from``: the floor, or another language for relay), for their headphones
    (``headphones(language, samples, start_sample)``; None: no headphone output, e.g. the demo).
    ``on_event(detail)`` is told of every hand-over and relay change (the session's event log)."""

    def __init__(self, desks: dict[str, DeskSource], on_event: Callable[[str], None] | None = None,
                 headphones: Callable[[str, np.ndarray, int], None] | None = None) -> None:
        self.desks = dict(desks)
        self._on_event = on_event
        self._headphones = headphones
        channels = [FLOOR, *self.desks]
        self.returns = {lang: ListenerMix(Audience.COURT, channels, self._return_sink(lang), d.desk.relay_from,
                                          floor_db=-24.0)
                        for lang, d in self.desks.items()}

    def _return_sink(self, lang: str) -> Callable[[np.ndarray, int], None]:
        def sink(samples: np.ndarray, start: int) -> None:
            if self._headphones is not None:
                self._headphones(lang, samples, start)
        return sink

    def sources(self) -> dict[str, DeskSource]:
        """The pipeline's ``interpreters`` argument."""
        return dict(self.desks)

    def __contains__(self, lang: object) -> bool:
        return lang in self.desks

    def languages(self) -> list[str]:
        return list(self.desks)

    def interpreters(self, lang: str) -> list[str]:
        return self.desks[lang].desk.interpreters

    def active(self, lang: str) -> str:
        return self.desks[lang].desk.active

    def next_interpreter(self, lang: str) -> str | None:
        """Who would take over from the live interpreter (the next in the list), or None (alone)."""
        names = self.interpreters(lang)
        if len(names) < 2:
            return None
        return names[(names.index(self.active(lang)) + 1) % len(names)]

    def hand_over(self, lang: str, to: str | None = None) -> str:
        """Hand ``lang``'s channel to ``to`` (default: the next interpreter) without a gap."""
        desk = self.desks[lang].desk
        to = to or self.next_interpreter(lang)
        if to is None or to == desk.active:
            return desk.active
        before = desk.active
        desk.hand_over(to)
        self._event(f"{lang}: hand-over from {before} to {to}")
        return to

    def relay_choices(self, lang: str) -> list[str]:
        """The channels ``lang``'s interpreters can listen to: the floor or another language."""
        return [FLOOR, *(x for x in self.desks if x != lang)]

    def relay(self, lang: str) -> str:
        return self.desks[lang].desk.relay_from

    def set_relay(self, lang: str, channel: str) -> None:
        if channel not in self.relay_choices(lang):
            raise ValueError(f"the {lang} interpreters cannot listen to '{channel}'")
        desk = self.desks[lang].desk
        if channel == desk.relay_from:
            return
        desk.relay_from = channel
        self.returns[lang].choose(channel)
        self._event(f"{lang}: interpreters listen to " + ("the floor" if channel == FLOOR else f"{channel} (relay)"))

    def attach(self, pipeline: Any) -> None:
        """Subscribe the interpreter returns to ``pipeline`` (a SessionPipeline)."""
        for mix_ in self.returns.values():
            pipeline.subscribe({Audience.COURT}, mix_)

    def detach(self, pipeline: Any) -> None:
        for mix_ in self.returns.values():
            pipeline.unsubscribe(mix_)

    def _event(self, detail: str) -> None:
        if self._on_event is not None:
            self._on_event(detail)
