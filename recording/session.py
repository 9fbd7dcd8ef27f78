"""The session plan (who takes part, which special measures, which ground rules) and the session's
lifecycle state machine with its event log.  Qt-free; the clock is injected so schedules are tested
deterministically.  The plan is persisted as versioned JSON (see docs/session-format.md)."""

from __future__ import annotations

import enum
import logging
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from recording import languages
from recording.errors import RecordingError
from recording.model import Audience

log = logging.getLogger("testimony_shield.recording.session")

PLAN_FORMAT = "testimony-shield/session-plan"
PLAN_VERSION = 2
#: plan versions this build reads (1 lacks ``measures.backdrop``: read as "off")
PLAN_VERSIONS_READ = (1, 2)
RECORD_FORMAT = "testimony-shield/session-record"
RECORD_VERSION = 1


class Role(enum.StrEnum):
    JUDGE = "judge"
    CLERK = "clerk"
    PROSECUTION = "prosecution"
    DEFENCE = "defence"
    INTERPRETER = "interpreter"
    SUPPORT = "support"
    INTERMEDIARY = "intermediary"
    WITNESS = "witness"
    ACCUSED = "accused"


ROLE_LABELS = {
    Role.JUDGE: "Judge", Role.CLERK: "Clerk", Role.PROSECUTION: "Prosecution", Role.DEFENCE: "Defence",
    Role.INTERPRETER: "Interpreter", Role.SUPPORT: "Support person", Role.INTERMEDIARY: "Intermediary",
    Role.WITNESS: "Witness", Role.ACCUSED: "Accused",
}


#: an interpreter's language pair: "eng>spa" (from English into Spanish) or "eng<>spa" (both ways)
LANGUAGE_PAIR = re.compile(r"^\s*([a-z]{3})\s*(<?>)\s*([a-z]{3})\s*$", re.IGNORECASE)
#: where the witness testifies from (``SessionPlan.witness_location``)
IN_BUILDING = "in_building"
REMOTE = "remote"
WITNESS_LOCATIONS = (IN_BUILDING, REMOTE)


@dataclass
class Participant:
    name: str
    role: Role
    languages: str = ""  # interpreters: "eng>spa", or "eng<>spa" for both ways
    remote: bool = False  # joins from elsewhere over the link (interpreters, in a remote hearing)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role.value, "languages": self.languages, "remote": self.remote}

    def interprets_into(self) -> frozenset[str]:
        """The languages this interpreter speaks into: "eng>spa" → {spa}; "eng<>spa" → {eng, spa};
        empty for anyone else or a pair that does not parse."""
        m = LANGUAGE_PAIR.match(self.languages) if self.role is Role.INTERPRETER else None
        if m is None:
            return frozenset()
        into = {m.group(3).lower()}
        if m.group(2) == "<>":
            into.add(m.group(1).lower())
        return frozenset(into)


@dataclass
class SpecialMeasures:
    face_mask: bool = True
    face_style: str = "opaque"
    voice_mask: bool = True
    voice_preset: str = "standard"
    #: audiences allowed to see/hear the witness unmasked (the judge only, by default)
    unmasked_audiences: tuple[str, ...] = (Audience.JUDGE.value,)
    accused_screened: bool = True
    support_person_present: bool = True
    evidence_in_private: bool = False
    #: whether the recording pauses during breaks (if False, the break is curtained and recorded)
    pause_recording_in_breaks: bool = False
    #: hide the room behind a neutral backdrop (head and shoulders kept): "off", "masked" (every masked
    #: audience and the masked recording) or "all" (the unmasked live views too, e.g. the judge's; the
    #: judge's raw recording always keeps the room) -- see BACKDROP_MODES and docs/face-masking.md
    backdrop: str = "off"


#: what ``SpecialMeasures.backdrop`` may be
BACKDROP_MODES = ("off", "masked", "all")


@dataclass
class GroundRules:
    longest_questioning_minutes: int = 20
    break_interval_minutes: int = 30
    break_length_minutes: int = 10


@dataclass
class SessionPlan:
    case_number: str
    witness_pseudonym: str
    participants: list[Participant] = field(default_factory=list)
    measures: SpecialMeasures = field(default_factory=SpecialMeasures)
    rules: GroundRules = field(default_factory=GroundRules)
    languages: tuple[str, ...] = ()  # interpretation channels, ISO 639-2 ("spa", "fra")
    floor_language: str = "eng"  # the language of the court room (the floor channel)
    #: "in_building" (the witness room of this court, on this station) or "remote" (the witness joins
    #: from elsewhere over the link: the clerk console invites them)
    witness_location: str = IN_BUILDING

    @property
    def remote(self) -> bool:
        return self.witness_location == REMOTE

    def validate(self) -> None:
        """Raise the first of :meth:`problems` (a :class:`PlanError` naming its ``field``)."""
        problems = self.problems()
        if problems:
            raise problems[0]

    def problems(self) -> list[PlanError]:
        """Every rule the plan breaks, in the order a clerk fills the plan in; each error names the
        field it belongs to (``case_number``, ``participants.2.languages``, ``measures.voice_preset``,
        ``languages``...).  The wizard, saved plans, plan files and the headless demo all apply these."""
        out: list[PlanError] = []
        if not self.case_number.strip():
            out.append(PlanError("the case number is empty", "case_number"))
        if not self.witness_pseudonym.strip():
            out.append(PlanError("the witness pseudonym is empty", "witness_pseudonym"))
        for i, p in enumerate(self.participants):
            if not p.name.strip():
                out.append(PlanError(f"participant {i + 1} has no name", f"participants.{i}.name"))
            elif p.role is Role.INTERPRETER and not LANGUAGE_PAIR.match(p.languages):
                out.append(PlanError(f"give the language pair of {p.name}, the interpreter (e.g. eng>spa)",
                                     f"participants.{i}.languages"))
        if not any(p.role is Role.JUDGE for p in self.participants):
            out.append(PlanError("add the judge to the participants", "participants"))
        if self.measures.support_person_present and not any(p.role is Role.SUPPORT for p in self.participants):
            out.append(PlanError("add the support person to the participants, or untick “a support person is "
                                 "with the witness”", "measures.support_person_present"))
        if self.measures.voice_mask and self.measures.voice_preset == "off":
            # the "off" preset is the natural voice: it would reach every masked audience
            out.append(PlanError("the voice mask is on but its preset is “off” (the natural voice): choose a "
                                 "preset, or untick the voice mask", "measures.voice_preset"))
        if self.measures.backdrop not in BACKDROP_MODES:
            out.append(PlanError(f"unknown backdrop setting {self.measures.backdrop!r} (choose from "
                                 f"{', '.join(BACKDROP_MODES)})", "measures.backdrop"))
        if self.measures.backdrop != "off" and not self.measures.face_mask:
            # the backdrop keeps the regions the face tracker follows: without it nothing is kept
            out.append(PlanError("hiding the room needs the face mask on (it keeps the head and shoulders "
                                 "the face tracker follows)", "measures.backdrop"))
        for lang in self.languages:  # real languages, in their canonical ISO 639-2 form (iso-codes)
            if not isinstance(lang, str) or not languages.is_channel_language(lang):
                out.append(PlanError(f"{str(lang)[:16]!r} is not an ISO 639-2 language code (e.g. spa, fra)",
                                     "languages"))
        if not isinstance(self.floor_language, str) or languages.canonical(self.floor_language) != self.floor_language:
            out.append(PlanError(f"{str(self.floor_language)[:16]!r} is not an ISO 639-2 language code (e.g. eng)",
                                 "floor_language"))
        if len(set(self.languages)) != len(self.languages):
            out.append(PlanError("a language is listed twice", "languages"))
        if self.floor_language in self.languages:
            out.append(PlanError("the floor language is also listed as an interpretation language", "languages"))
        out.extend(self._remote_problems())
        return out

    def _remote_problems(self) -> list[PlanError]:
        """Where the witness is, and who joins remotely (docs/session-format.md)."""
        out: list[PlanError] = []
        if self.witness_location not in WITNESS_LOCATIONS:
            out.append(PlanError(f"where the witness is must be one of {', '.join(WITNESS_LOCATIONS)}",
                                 "witness_location"))
        for i, p in enumerate(self.participants):
            if not p.remote:
                continue
            where = f"participants.{i}.remote"
            if p.role is not Role.INTERPRETER:
                out.append(PlanError(f"{p.name or ROLE_LABELS[p.role]}: only interpreters (and the witness) join "
                                     "remotely; the court's other participants are in the courtroom", where))
            elif not self.remote:
                out.append(PlanError(f"{p.name}: a remote interpreter joins through the court station's link, "
                                     "which a remote hearing opens — plan the witness as remote, or the "
                                     "interpreter in the building", where))
            elif not p.interprets_into() & set(self.languages):
                out.append(PlanError(f"{p.name}: interprets into none of the plan's interpretation channels",
                                     where))
        if self.remote and Audience.COURT.value in self.measures.unmasked_audiences:
            out.append(PlanError("a remote witness is always masked for the court (only the judge may see them "
                                 "unmasked): untick the court as an unmasked audience", "measures.unmasked_audiences"))
        return out

    def interpreters_for(self, language: str) -> list[str]:
        """The names of the plan's interpreters into ``language`` ("eng>spa" and "eng<>spa" → spa)."""
        return [p.name for p in self.participants if language in p.interprets_into()]

    def unmasked(self, audience: Audience) -> bool:
        """True when the plan authorises ``audience`` to get the witness unmasked.  The raw recording
        is always unmasked: the vault makes it readable by the judge's identity only."""
        if audience is Audience.RECORD_RAW:
            return True
        if audience in (Audience.RECORD_MASKED, Audience.WITNESS_SELF):
            # never unmasked, whatever a plan file lists: the masked recording is opened by court staff
            # (and shared), the self-view reassures the witness that they are hidden
            return False
        return audience.value in self.measures.unmasked_audiences

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": PLAN_FORMAT, "version": PLAN_VERSION,
            "case_number": self.case_number, "witness_pseudonym": self.witness_pseudonym,
            "participants": [p.to_dict() for p in self.participants],
            "measures": {**asdict(self.measures), "unmasked_audiences": list(self.measures.unmasked_audiences)},
            "rules": asdict(self.rules), "languages": list(self.languages),
            "floor_language": self.floor_language, "witness_location": self.witness_location,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionPlan:
        if data.get("format") != PLAN_FORMAT:
            raise PlanError("not a Testimony Shield session plan")
        if data.get("version") not in PLAN_VERSIONS_READ:
            raise PlanError(f"session plan version {data.get('version')} is not supported")
        m = dict(data["measures"])
        m["unmasked_audiences"] = tuple(m.get("unmasked_audiences", ()))
        return cls(
            case_number=data["case_number"],
            witness_pseudonym=data["witness_pseudonym"],
            participants=[
                Participant(p["name"], Role(p["role"]), p.get("languages", ""), p.get("remote", False) is True)
                for p in data["participants"]
            ],
            measures=SpecialMeasures(**m),
            rules=GroundRules(**data["rules"]),
            languages=tuple(data.get("languages", ())),
            floor_language=data.get("floor_language", "eng"),
            witness_location=data.get("witness_location", IN_BUILDING),
        )


def demo_plan(languages: tuple[str, ...] = ()) -> SessionPlan:
    participants = [
        Participant("HHJ Demo", Role.JUDGE), Participant("Clerk Demo", Role.CLERK),
        Participant("Prosecution counsel", Role.PROSECUTION), Participant("Defence counsel", Role.DEFENCE),
        Participant("Witness A", Role.WITNESS), Participant("Support worker", Role.SUPPORT),
    ]
    # two interpreters per language, so they can hand over (after Zoom/Webex interpretation)
    participants += [Participant(f"Interpreter {who} ({lang})", Role.INTERPRETER, f"eng>{lang}")
                     for lang in languages for who in "AB"]
    return SessionPlan("DEMO-2026-001", "Witness A", participants, languages=languages)


class PlanError(RecordingError):
    """The plan is incomplete or invalid; the message says what to fix, ``field`` where (a dotted
    path into the plan: ``case_number``, ``participants.2.name``, ``measures.voice_preset``; "" for
    the plan as a whole, e.g. a file of the wrong format)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class State(enum.StrEnum):
    DRAFT = "draft"
    WAITING = "waiting room"
    LIVE = "live"
    BREAK = "break"
    ENDED = "ended"
    SEALED = "sealed"


_ALLOWED = {
    State.DRAFT: {State.WAITING},
    State.WAITING: {State.LIVE, State.ENDED},
    State.LIVE: {State.BREAK, State.ENDED},
    State.BREAK: {State.LIVE, State.ENDED},
    State.ENDED: {State.SEALED},
    State.SEALED: set(),
}


class IllegalTransition(RecordingError):
    pass


class EventKind(enum.StrEnum):
    STATE = "state"  # a lifecycle transition (a StateChanged)
    RECORDING = "recording"  # recording started / stopped and sealed
    NOTICE = "notice"  # a reminder or warning shown to the court
    PLAN = "plan"  # the plan the session was created from
    INTERPRETER = "interpreter"  # a hand-over or relay between interpreters


@dataclass(frozen=True)
class SessionEvent:
    """One line of the session's log.  ``detail`` is the human text (kept in the sealed record);
    code reads the structured fields of the subclasses (:class:`StateChanged`), never the text."""

    at: float  # seconds since the session was created (injected clock)
    kind: str  # an EventKind value
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at, "kind": self.kind, "detail": self.detail}


@dataclass(frozen=True)
class StateChanged(SessionEvent):
    """The lifecycle went from ``old`` to ``new``; ``by`` says who started a break ("witness" or
    "clerk"), ``why`` is the reason given."""

    old: State = State.DRAFT
    new: State = State.DRAFT
    why: str = ""
    by: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = {**super().to_dict(), "from": self.old.value, "to": self.new.value}
        if self.by:
            d["by"] = self.by
        return d


EventListener = Callable[[SessionEvent], None]


class SessionLifecycle:
    """draft → waiting room → live ⇄ break → ended → sealed.  Illegal transitions raise; every
    transition and break is logged with its time.  Listeners (:meth:`add_listener`) get each event
    as it is logged, on the thread that logged it."""

    def __init__(self, plan: SessionPlan, clock: Callable[[], float] = time.monotonic) -> None:
        self.plan = plan
        self._clock = clock
        self._t0 = clock()
        self.state = State.DRAFT
        self.events: list[SessionEvent] = []
        self.breaks: list[dict[str, Any]] = []
        self._listeners: list[EventListener] = []

    def now(self) -> float:
        return self._clock() - self._t0

    def add_listener(self, listener: EventListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: EventListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _append(self, ev: SessionEvent) -> SessionEvent:
        self.events.append(ev)
        for listener in list(self._listeners):
            try:
                listener(ev)
            except Exception as exc:  # a display's bug never stops the session
                log.error("session event listener failed: %s", type(exc).__name__)
        return ev

    def log(self, kind: str, detail: str) -> SessionEvent:
        return self._append(SessionEvent(round(self.now(), 3), str(kind), detail))

    def _check(self, new: State) -> None:
        if new not in _ALLOWED[self.state]:
            raise IllegalTransition(f"cannot go from {self.state.value} to {new.value}")

    def transition(self, new: State, why: str = "", by: str = "") -> StateChanged:
        self._check(new)
        old, self.state = self.state, new
        ev = StateChanged(round(self.now(), 3), EventKind.STATE.value,
                          f"{old.value} -> {new.value}" + (f" ({why})" if why else ""), old, new, why, by)
        self._append(ev)
        return ev

    def start_break(self, by: str, media_time: float) -> StateChanged:
        """``by`` is "witness" (no reason asked) or "clerk" (planned break)."""
        self._check(State.BREAK)
        self.breaks.append({"by": by, "start": round(media_time, 3), "end": None})
        return self.transition(State.BREAK, f"break taken by {by}", by=by)

    def end_break(self, media_time: float) -> StateChanged:
        """Only the witness ends a break, by saying they are ready (the clerk cannot force it)."""
        ev = self.transition(State.LIVE, "witness ready to continue")
        self.close_break(media_time)
        return ev

    def close_break(self, media_time: float) -> None:
        """Record the end time of an open break (also when the session ends during a break)."""
        if self.breaks and self.breaks[-1]["end"] is None:
            self.breaks[-1]["end"] = round(media_time, 3)

    def state_changes(self) -> list[StateChanged]:
        return [e for e in self.events if isinstance(e, StateChanged)]


def session_record_meta(plan: SessionPlan) -> dict[str, Any]:
    """The vault metadata of a sealed session record (docs/session-format.md)."""
    return {"kind": "session", "case_number": plan.case_number, "format": RECORD_FORMAT, "version": RECORD_VERSION}


def session_record(lifecycle: SessionLifecycle, recordings: list[dict[str, Any]]) -> dict[str, Any]:
    """The session record sealed in the vault at the end: the plan, every event with its time, the
    break log and the ids of the session's recordings (see docs/session-format.md)."""
    return {
        "format": RECORD_FORMAT, "version": RECORD_VERSION,
        "plan": lifecycle.plan.to_dict(),
        "state": lifecycle.state.value,
        "events": [e.to_dict() for e in lifecycle.events],
        "breaks": list(lifecycle.breaks),
        "recordings": recordings,
    }
