"""The typed seam between the windows and a live session.

``ui/`` sits below ``desktop/``, where :class:`desktop.live.LiveSession` wires the sources, the
pipeline, the recorder and the vault together; so the windows type the session they are given as
:class:`LiveSessionService`, a Protocol here in the Qt-free core, and never import ``desktop``.
Anything that has these members is a session to the windows: the real one, and the tests' fake
(``tests/helpers/fake_session.py``), which mypy checks against this Protocol.

What the windows read is structured: the lifecycle's state and its events
(:class:`~recording.session.StateChanged`, with listeners for change notifications), the break
schedule, the interpreter desks, and at the end a :class:`SessionSummary`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the pipeline and the desks pull in numpy and the media stack: types only here
    from recording.audio.mixer import InterpreterDesks
    from recording.model import Audience
    from recording.pipeline import Consumer, PipelineStatus
    from recording.schedule import BreakSchedule
    from recording.session import SessionLifecycle, SessionPlan


@dataclass
class SessionSummary:
    """What a session leaves behind once ended and sealed: frame counts, the recordings (``id``,
    ``kind``, ``frames``, ``curtained_frames``), the break log, every error, the session record's id."""

    frames: int = 0
    masked_frames: int = 0
    curtained_frames: int = 0
    recordings: list[dict[str, Any]] = field(default_factory=list)
    breaks: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    session_record: str = ""


class PipelineView(Protocol):
    """The session's media as the windows use it: consumers per audience (called on the pipeline's
    thread), break listeners, a status snapshot.  The witness pipeline
    (:class:`recording.pipeline.SessionPipeline`) is one; a remote hearing's received media another."""

    @property
    def status(self) -> PipelineStatus: ...

    def subscribe(self, audiences: set[Audience] | frozenset[Audience], consumer: Consumer) -> None: ...

    def unsubscribe(self, consumer: Consumer) -> None: ...

    def add_break_listener(self, fn: Callable[[bool, float], None]) -> None: ...


class LiveSessionService(Protocol):
    """One session from the clerk's "Start" to "Seal", as the windows see it.  The calls are
    thread-safe; the slow ones (recording start/stop, ``end``) are run off the GUI thread by the
    caller.  Lifecycle listeners and the pipeline's consumers are called on the pipeline's or the
    caller's thread: the windows bridge them to the GUI thread."""

    @property
    def plan(self) -> SessionPlan: ...

    @property
    def lifecycle(self) -> SessionLifecycle: ...

    @property
    def pipeline(self) -> PipelineView: ...

    @property
    def schedule(self) -> BreakSchedule | None:
        """The ground-rules break schedule (None: the session keeps none)."""

    @property
    def desks(self) -> InterpreterDesks | None:
        """The interpreter desks, one per interpretation language (None: no interpretation)."""

    @property
    def is_recording(self) -> bool: ...

    def go_live(self) -> None: ...

    def start_recording(self) -> None: ...

    def stop_recording(self) -> Sequence[object]: ...

    def request_break(self, by: str = "witness") -> None:
        """The one-tap break: curtain and mute at once, no reason asked."""

    def end_break(self) -> None:
        """The witness is ready to continue (only the witness ends a break)."""

    def end(self) -> SessionSummary:
        """Stop recording, seal everything and end the session (slow: never on the GUI thread)."""
