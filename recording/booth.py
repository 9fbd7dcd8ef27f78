"""The remote interpretation booth: who is on air on each language channel, the hand-over between
partner interpreters with a countdown both see, what each interpreter listens to (the floor, or
another language for relay) and whether the witness is on a break — and, at the interpreter's
station, the headphone mix and the microphone gate (on air, cough).

Court side, :class:`BoothRoster` (on the court's event loop): the interpreter stations admitted for a
language form its booth; the first one connected is **on air** — only its channel is delivered,
recorded and forwarded to the witness.  The one on air asks for a hand-over (``handover`` with a
countdown of 3–30 s); both stations are told at once (a ``booth`` snapshot with the seconds left);
when the countdown ends the partner is on air.  Either may cancel it before then.  If the station on
air is lost, a connected partner goes on air at once.

Protocol (version 1; ``docs/link-protocol.md`` "Interpretation booth"):

    interpreter → court  {"type": "handover", "seconds": 10}       (the one on air: hand over)
    interpreter → court  {"type": "handover_cancel"}                (either: cancel the countdown)
    interpreter → court  {"type": "listen", "channel": "floor" | "<lang>"}   (relay)
    court → interpreter  {"type": "booth", "version": 1, "language", "you", "on_air",
                          "stations": [{"id", "name", "connected"}],
                          "handover": null | {"from", "to", "seconds", "seconds_left"},
                          "witness": "waiting" | "live" | "break" | "reconnecting" | "ended",
                          "listening", "sources": ["floor", ...], "event": ""}

Station side: :class:`BoothView` reads a snapshot; :class:`BoothMicrophone` wraps the microphone
(open only while on air or taking over, closed by the cough key) and keeps its level;
:class:`HeadphoneMix` mixes the floor (or relay) with the channel's return at the chosen level.
Qt-free; thread-safe where a method says so.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

VERSION = 1
FLOOR = "floor"
HANDOVER_MIN, HANDOVER_MAX, HANDOVER_DEFAULT = 3.0, 30.0, 10.0
WITNESS_STATES = ("waiting", "live", "break", "reconnecting", "ended")


def level_dbfs(samples: np.ndarray) -> float:
    if not len(samples):
        return -90.0
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return max(-90.0, 20.0 * float(np.log10(rms + 1e-12)))


# -- court side ----------------------------------------------------------------------------------


@dataclass
class _Station:
    id: str
    language: str
    name: str
    connected: bool = True
    listening: str = FLOOR


@dataclass
class _Handover:
    source: str
    target: str
    seconds: float
    deadline: float


class BoothRoster:
    """Every language's booth at the court.  ``send(station_id, message)`` delivers a message to one
    interpreter station (the court queues it on that station's signalling channel).  Call
    :meth:`tick` often (the court's watchdog does, every 50 ms) to end countdowns on time."""

    def __init__(
        self, send: Callable[[str, dict[str, Any]], None], clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._send = send
        self._clock = clock
        self.stations: dict[str, _Station] = {}
        self.on_air: dict[str, str] = {}
        self._handover: dict[str, _Handover] = {}
        self.witness = "waiting"
        #: the channels an interpreter may listen to besides the floor (the court's languages)
        self.channels: list[str] = []
        #: every change of who is on air: {"language", "from", "to", "reason", "at"} (court's clock)
        self.log: list[dict[str, Any]] = []

    # who ------------------------------------------------------------------------------------------
    def join(self, station_id: str, language: str, name: str = "") -> None:
        """An interpreter station was admitted (or came back after a loss)."""
        st = self.stations.get(station_id)
        if st is None:
            n = sum(1 for s in self.stations.values() if s.language == language) + 1
            st = self.stations[station_id] = _Station(station_id, language, name or f"Interpreter {n}")
        st.connected = True
        if language not in self.channels:
            self.channels.append(language)
        if self.on_air.get(language) is None:
            self._switch(language, station_id, "first on air")
        else:
            self.broadcast(language)

    def lost(self, station_id: str) -> None:
        """The station's connection is gone (it may come back): its partner goes on air at once."""
        st = self.stations.get(station_id)
        if st is None or not st.connected:
            return
        st.connected = False
        lang = st.language
        h = self._handover.pop(lang, None)
        if self.on_air.get(lang) == station_id:
            partner = self._partner(lang, station_id)
            self._switch(lang, partner.id if partner else "", "connection lost")
        elif h is not None:
            self.broadcast(lang, event="handover_cancelled")
        else:
            self.broadcast(lang)

    def _partner(self, language: str, station_id: str) -> _Station | None:
        return next(
            (
                s
                for s in self.stations.values()
                if s.language == language and s.id != station_id and s.connected
            ),
            None,
        )

    def is_on_air(self, language: str, station_id: str) -> bool:
        """Whether this station's channel is the language's channel now (thread-safe read)."""
        return self.on_air.get(language) == station_id

    def language_of(self, station_id: str) -> str:
        st = self.stations.get(station_id)
        return st.language if st else ""

    def listening(self, station_id: str) -> str:
        st = self.stations.get(station_id)
        return st.listening if st else FLOOR

    # requests ---------------------------------------------------------------------------------
    def request_handover(self, station_id: str, seconds: Any = HANDOVER_DEFAULT) -> str:
        """The station on air hands over to its partner after ``seconds``; "" or why not."""
        st = self.stations.get(station_id)
        if st is None:
            return "unknown station"
        lang = st.language
        if self.on_air.get(lang) != station_id:
            return "only the interpreter on air hands over"
        partner = self._partner(lang, station_id)
        if partner is None:
            return "no partner interpreter is connected"
        if lang in self._handover:
            return "a hand-over is already counting down"
        try:
            secs = float(seconds)
        except (TypeError, ValueError):
            secs = HANDOVER_DEFAULT
        secs = min(HANDOVER_MAX, max(HANDOVER_MIN, secs if secs == secs else HANDOVER_DEFAULT))
        self._handover[lang] = _Handover(station_id, partner.id, secs, self._clock() + secs)
        self.broadcast(lang, event="handover_started")
        return ""

    def cancel_handover(self, station_id: str) -> bool:
        st = self.stations.get(station_id)
        if st is None:
            return False
        h = self._handover.get(st.language)
        if h is None or station_id not in (h.source, h.target):
            return False
        del self._handover[st.language]
        self.broadcast(st.language, event="handover_cancelled")
        return True

    def listen(self, station_id: str, channel: Any) -> bool:
        """Relay: the station hears ``channel`` (the floor or another language of the court)."""
        st = self.stations.get(station_id)
        if st is None or not isinstance(channel, str):
            return False
        if channel != FLOOR and (channel not in self.channels or channel == st.language):
            return False
        st.listening = channel
        self._send(station_id, self.snapshot(station_id))
        return True

    def set_witness(self, state: str) -> None:
        """The witness's state ("live", "break", …): every interpreter is told."""
        if state not in WITNESS_STATES or state == self.witness:
            return
        self.witness = state
        for lang in {s.language for s in self.stations.values()}:
            self.broadcast(lang)

    def add_channel(self, language: str) -> None:
        if language and language not in self.channels:
            self.channels.append(language)

    def tick(self) -> None:
        now = self._clock()
        for lang, h in list(self._handover.items()):
            if now >= h.deadline:
                del self._handover[lang]
                target = self.stations.get(h.target)
                if target is not None and target.connected:
                    self._switch(lang, h.target, "hand-over")
                else:
                    self.broadcast(lang, event="handover_cancelled")

    # messages ---------------------------------------------------------------------------------
    def _switch(self, language: str, station_id: str, reason: str) -> None:
        before = self.on_air.get(language, "")
        if station_id:
            self.on_air[language] = station_id
        else:
            self.on_air.pop(language, None)
        self.log.append(
            {
                "language": language,
                "from": before,
                "to": station_id,
                "reason": reason,
                "at": round(self._clock(), 3),
            }
        )
        self.broadcast(language, event="on_air_changed")

    def snapshot(self, station_id: str, event: str = "") -> dict[str, Any]:
        st = self.stations[station_id]
        lang = st.language
        h = self._handover.get(lang)
        return {
            "type": "booth",
            "version": VERSION,
            "language": lang,
            "you": station_id,
            "on_air": self.on_air.get(lang, ""),
            "stations": [
                {"id": s.id, "name": s.name, "connected": s.connected}
                for s in self.stations.values()
                if s.language == lang
            ],
            "handover": None
            if h is None
            else {
                "from": h.source,
                "to": h.target,
                "seconds": h.seconds,
                "seconds_left": round(max(0.0, h.deadline - self._clock()), 3),
            },
            "witness": self.witness,
            "listening": st.listening,
            "sources": [FLOOR, *(c for c in self.channels if c != lang)],
            "event": event,
        }

    def broadcast(self, language: str, event: str = "") -> None:
        for s in list(self.stations.values()):
            if s.language == language and s.connected:
                self._send(s.id, self.snapshot(s.id, event))

    def stats(self) -> dict[str, Any]:
        return {
            "on_air": dict(self.on_air),
            "changes": list(self.log),
            "stations": {
                s.id: {
                    "language": s.language,
                    "name": s.name,
                    "connected": s.connected,
                    "listening": s.listening,
                }
                for s in self.stations.values()
            },
        }


# -- interpreter station side --------------------------------------------------------------------


@dataclass
class BoothView:
    """An interpreter station's view of its booth, from the court's last ``booth`` message."""

    language: str = ""
    you: str = ""
    on_air: str = ""
    stations: list[dict[str, Any]] = field(default_factory=list)
    handover: dict[str, Any] | None = None
    witness: str = "waiting"
    listening: str = FLOOR
    sources: list[str] = field(default_factory=lambda: [FLOOR])
    event: str = ""
    received_at: float = 0.0

    @classmethod
    def parse(cls, msg: dict[str, Any], now: float | None = None) -> BoothView:
        """A view of a ``booth`` message; anything malformed is dropped, never trusted."""

        def text(key: str, default: str = "") -> str:
            v = msg.get(key)
            return v if isinstance(v, str) and len(v) <= 200 else default

        stations = (
            [
                {
                    "id": str(s.get("id", ""))[:200],
                    "name": str(s.get("name", ""))[:80],
                    "connected": s.get("connected") is True,
                }
                for s in msg.get("stations", [])
                if isinstance(s, dict)
            ][:16]
            if isinstance(msg.get("stations"), list)
            else []
        )
        h = msg.get("handover")
        handover = None
        if isinstance(h, dict) and isinstance(h.get("seconds_left"), int | float):
            handover = {
                "from": str(h.get("from", "")),
                "to": str(h.get("to", "")),
                "seconds": float(h.get("seconds", 0) or 0),
                "seconds_left": max(0.0, min(HANDOVER_MAX, float(h["seconds_left"]))),
            }
        sources = (
            [s for s in msg.get("sources", []) if isinstance(s, str) and len(s) <= 8][:32]
            if isinstance(msg.get("sources"), list)
            else [FLOOR]
        )
        witness = text("witness", "waiting")
        return cls(
            language=text("language"),
            you=text("you"),
            on_air=text("on_air"),
            stations=stations,
            handover=handover,
            witness=witness if witness in WITNESS_STATES else "waiting",
            listening=text("listening", FLOOR),
            sources=sources or [FLOOR],
            event=text("event"),
            received_at=time.monotonic() if now is None else now,
        )

    @property
    def you_on_air(self) -> bool:
        return bool(self.you) and self.on_air == self.you

    @property
    def partner(self) -> dict[str, Any] | None:
        return next((s for s in self.stations if s["id"] != self.you), None)

    def name_of(self, station_id: str) -> str:
        return next((s["name"] for s in self.stations if s["id"] == station_id), "")

    def countdown(self, now: float | None = None) -> float | None:
        """Seconds left of the hand-over counting down, None when there is none."""
        if self.handover is None:
            return None
        now = time.monotonic() if now is None else now
        return max(0.0, self.handover["seconds_left"] - (now - self.received_at))

    @property
    def taking_over(self) -> bool:
        """This station takes the channel at the end of the countdown."""
        return self.handover is not None and self.handover["to"] == self.you

    @property
    def handing_over(self) -> bool:
        return self.handover is not None and self.handover["from"] == self.you

    @property
    def microphone_open(self) -> bool:
        """The microphone is open while on air and while taking over (so the first words after the
        countdown are not lost); closed otherwise — nothing said off air leaves the booth."""
        return self.you_on_air or self.taking_over


class BoothMicrophone:
    """The interpreter's microphone as the link's source: ``read(n)`` always reads the device (the
    level meter and the return keep working) and gives silence while the microphone is closed (off
    air, or the cough key held).  ``taps`` get what was sent (the station's own return)."""

    name = "interpreter microphone"

    def __init__(self, source: Any) -> None:
        self.source = source
        self.rate = getattr(source, "rate", 48_000)
        self.live = getattr(source, "live", True)
        self._lock = threading.Lock()
        self._open = False
        self._cough = False
        self.level_db = -90.0
        self.blocks_muted = 0
        self.blocks_sent = 0
        self.taps: list[Callable[[np.ndarray], None]] = []

    def open(self) -> None:
        self.source.open()

    def close(self) -> None:
        self.source.close()

    def set_open(self, on: bool) -> None:  # any thread
        with self._lock:
            self._open = bool(on)

    def set_cough(self, on: bool) -> None:  # any thread
        with self._lock:
            self._cough = bool(on)

    @property
    def cough(self) -> bool:
        return self._cough

    @property
    def sending(self) -> bool:
        return self._open and not self._cough

    def read(self, n: int) -> np.ndarray:
        samples = np.asarray(self.source.read(n), np.float32)
        self.level_db = level_dbfs(samples)
        with self._lock:
            sending = self._open and not self._cough
        if sending:
            self.blocks_sent += 1
            out = samples
        else:
            self.blocks_muted += 1
            out = np.zeros(n, np.float32)
        for tap in self.taps:
            tap(out)
        return out


class HeadphoneMix:
    """What the interpreter hears: the source they listen to (the floor, or the relay language) at
    ``volume``, and the channel's return at ``return_db`` below it (``None``: off).  The return is
    the partner's voice as the court delivers it while the partner is on air, and the station's own
    microphone (no network delay) while this station is on air.  Driven by the arrival of the floor;
    while no floor arrives (no witness yet, a reconnection) the return alone is played as it comes.
    Pushes each mixed block to ``sink``.  Thread-safe."""

    #: without a floor block for this long, the return is played on its own
    FLOOR_GONE = 0.15

    def __init__(
        self,
        sink: Callable[[np.ndarray], None] | None = None,
        volume: float = 1.0,
        return_db: float | None = -12.0,
        keep_blocks: int = 15,
    ) -> None:
        self._sink = sink
        self.volume = volume
        self.return_db = return_db
        self._lock = threading.Lock()
        self._own: collections.deque[np.ndarray] = collections.deque(maxlen=keep_blocks)
        self._partner: collections.deque[np.ndarray] = collections.deque(maxlen=keep_blocks)
        self.own_on_air = False
        self._floor_at = 0.0
        self.floor_db = -90.0
        self.return_level_db = -90.0
        self.blocks = 0

    def set_sink(self, sink: Callable[[np.ndarray], None] | None) -> None:
        with self._lock:
            self._sink = sink

    def on_own(self, samples: np.ndarray) -> None:
        """The station's own outgoing block (the microphone after the gate)."""
        if self.own_on_air:
            self._returned(self._own, np.asarray(samples, np.float32))

    def on_return(self, samples: np.ndarray) -> None:
        """The language channel as the court delivers it (the partner on air)."""
        if not self.own_on_air:
            self._returned(self._partner, np.asarray(samples, np.float32))

    def _returned(self, queue: collections.deque[np.ndarray], samples: np.ndarray) -> None:
        if time.monotonic() - self._floor_at < self.FLOOR_GONE:
            queue.append(samples)
            return
        self.floor_db = -90.0  # no floor now: the return alone
        self.return_level_db = level_dbfs(samples)
        if self.return_db is not None:
            self._out(samples * float(10.0 ** (self.return_db / 20.0)) * float(max(self.volume, 0.05)))

    def on_floor(self, samples: np.ndarray) -> None:
        self._floor_at = time.monotonic()
        floor = np.asarray(samples, np.float32)
        self.floor_db = level_dbfs(floor)
        ret = self._take(self._own if self.own_on_air else self._partner, len(floor))
        self.return_level_db = level_dbfs(ret) if ret is not None else -90.0
        out = floor * float(self.volume)
        if ret is not None and self.return_db is not None:
            out = out + ret * float(10.0 ** (self.return_db / 20.0)) * float(max(self.volume, 0.05))
        self._out(out)

    def _out(self, out: np.ndarray) -> None:
        peak = float(np.max(np.abs(out))) if len(out) else 0.0
        if peak > 1.0:
            out = out / peak
        self.blocks += 1
        with self._lock:
            sink = self._sink
        if sink is not None:
            sink(out.astype(np.float32))

    @staticmethod
    def _take(queue: collections.deque[np.ndarray], n: int) -> np.ndarray | None:
        if not queue:
            return None
        parts, have = [], 0
        while queue and have < n:
            block = queue.popleft()
            parts.append(block)
            have += len(block)
        out = np.concatenate(parts)
        if len(out) > n:
            queue.appendleft(out[n:])
            out = out[:n]
        elif len(out) < n:
            out = np.concatenate([out, np.zeros(n - len(out), np.float32)])
        return out
