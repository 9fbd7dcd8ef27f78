"""Wiring of one live session: sources (device or demo) → witness pipeline → recorder → vault.

This is the only place where ``recording`` and ``vault`` meet: the recorder writes into
``Vault.create_recording`` sinks, which encrypt as they write.  Both the headless demo and the
windows drive a :class:`LiveSession`; the windows get it through their constructors.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from desktop.settings import Settings
from recording.audio.mixer import DeskSource, InterpreterDesks
from recording.errors import SourceUnavailable
from recording.masking.face import FaceMasker
from recording.masking.voice import VoiceMasker
from recording.model import Audience
from recording.pipeline import SessionPipeline
from recording.recorder import Recorder, TrackResult
from recording.schedule import BreakSchedule
from recording.service import LiveSessionService, SessionSummary
from recording.session import (
    EventKind,
    SessionLifecycle,
    SessionPlan,
    State,
    session_record,
    session_record_meta,
)
from recording.sources.demo import DemoVideoSource, demo_audio_source, demo_interpreter_source
from recording.sources.devices import CameraSource, MicrophoneSource
from vault.store import Vault

log = logging.getLogger("testimony_shield.desktop.live")


def open_video_source(settings: Settings):
    """The camera from the settings, or the demo witness when none is present ("auto")."""
    if settings.camera == "demo":
        return DemoVideoSource(settings.video_size, settings.fps)
    index = 0 if settings.camera == "auto" else int(settings.camera)
    cam = CameraSource(index, settings.video_size, settings.fps)
    try:
        cam.open()
        cam.close()
        return cam
    except SourceUnavailable:
        if settings.camera != "auto":
            raise
        log.info("no camera: using the demo witness")
        return DemoVideoSource(settings.video_size, settings.fps)


def open_audio_source(settings: Settings):
    if settings.microphone in ("demo", "auto"):
        # "auto" prefers the demo voice while no real microphone is chosen: a virtual/null device
        # would record silence and look like a broken session.
        if settings.microphone == "auto":
            from recording.sources.devices import list_microphones

            real = [m for m in list_microphones() if m.name not in ("pulse", "default")]
            if real:
                return MicrophoneSource(real[0].id)
        return demo_audio_source()
    return MicrophoneSource(settings.microphone)


def interpreter_desks(plan: SessionPlan, interpreters: dict[str, Any] | None = None) -> dict[str, DeskSource]:
    """One desk per language channel.  ``interpreters`` maps a language to one AudioSource or to
    ``{interpreter name: AudioSource}``; None gives each of the plan's interpreters of a language a
    demo interpreter source (at least one per language; the demo plan has two, who can hand over)."""
    desks: dict[str, DeskSource] = {}
    if interpreters is None:
        interpreters = {lang: {name: demo_interpreter_source(lang, i) for i, name in
                               enumerate(plan.interpreters_for(lang) or [f"Interpreter ({lang})"])}
                        for lang in plan.languages}
    for lang, src in interpreters.items():
        if not isinstance(src, dict):
            src = {(plan.interpreters_for(lang) or [f"Interpreter ({lang})"])[0]: src}
        desks[lang] = DeskSource(lang, src)
    return desks


class LiveSession:
    """One session from the clerk's "Start" to "Seal".  Thread-safe calls; callbacks come from the
    pipeline thread (the UI bridges them to the GUI thread).  The windows see it as a
    :class:`recording.service.LiveSessionService`."""

    def __init__(self, plan: SessionPlan, settings: Settings, vault: Vault, signer_passphrase: str,
                 realtime: bool = True, video=None, audio=None, interpreters=None,
                 sink=None, meta: dict[str, Any] | None = None) -> None:
        """``sink(kind, meta)``: where the recordings go (default: this vault, the raw one to the judge
        alone, the masked one to the judge and the clerk); ``meta``: more clear metadata for them."""
        plan.validate()
        self._sink = sink
        self._meta = dict(meta or {})
        self.plan = plan
        self.settings = settings
        self.vault = vault
        self._passphrase = signer_passphrase
        self.lifecycle = SessionLifecycle(plan)
        self.schedule = BreakSchedule(plan.rules)
        self.video = video or open_video_source(settings)
        self.audio = audio or open_audio_source(settings)
        self.desks = InterpreterDesks(interpreter_desks(plan, interpreters),
                                      on_event=self._desk_event)
        m = plan.measures
        self.face = FaceMasker(style=m.face_style or settings.face_style)
        self.pipeline = SessionPipeline(
            plan, self.video, self.audio, self.face,
            lambda preset: VoiceMasker(preset, sample_rate=48_000),
            interpreters=self.desks.sources(), realtime=realtime)
        self.desks.attach(self.pipeline)
        self.pipeline.add_break_listener(self._on_break)
        self.recorder: Recorder | None = None
        self.results: list[TrackResult] = []
        self.break_requested_at: float | None = None
        self.session_record_id = ""
        self.record_error = ""

    def _desk_event(self, detail: str) -> None:
        self.lifecycle.log(EventKind.INTERPRETER, detail)

    @property
    def is_recording(self) -> bool:
        return self.recorder is not None

    # lifecycle -----------------------------------------------------------------------------
    def open_waiting_room(self) -> None:
        self.lifecycle.transition(State.WAITING)

    def go_live(self) -> None:
        if self.lifecycle.state is State.DRAFT:
            self.open_waiting_room()
        self.pipeline.start()
        self.lifecycle.transition(State.LIVE)
        self.schedule.go_live()

    def start_recording(self) -> None:
        if self.recorder is not None:
            return
        # recording metadata is signed but NOT encrypted: case number and technical facts only; the
        # witness's pseudonym and the participants are in the encrypted session record
        meta = {"case_number": self.plan.case_number,
                "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "languages": list(self.plan.languages), **self._meta}

        def sink(kind: str, m: dict[str, Any]):
            # the raw recording is the judge's alone; the masked one the court staff may open
            recipients = ["judge"] if kind == "raw" else ["judge", "clerk"]
            return self.vault.create_recording(m, recipients=recipients, signer_passphrase=self._passphrase)

        self.recorder = Recorder(self.pipeline, self._sink or sink, meta, preset=self.settings.encoder_preset)
        self.recorder.start()
        self.lifecycle.log("recording", "started")

    def stop_recording(self) -> list[TrackResult]:
        if self.recorder is None:
            return []
        results = self.recorder.stop()
        self.recorder = None
        self.results.extend(results)
        self.lifecycle.log("recording", "stopped and sealed")
        return results

    def request_break(self, by: str = "witness") -> None:
        """The witness's one-tap break: curtain and mute at once, no reason asked."""
        if self.lifecycle.state is not State.LIVE:
            return
        self.break_requested_at = time.monotonic()
        t = self.pipeline.set_break(True)
        self.lifecycle.start_break(by, t)
        self.schedule.break_started()

    def end_break(self) -> None:
        """The witness says they are ready to continue (only the witness ends a break)."""
        if self.lifecycle.state is not State.BREAK:
            return
        t = self.pipeline.set_break(False)
        self.lifecycle.end_break(t)
        self.schedule.break_ended()

    def _on_break(self, on: bool, t: float) -> None:
        log.info("break %s at %.2f s", "started" if on else "ended", t)

    def end(self) -> SessionSummary:
        if self.lifecycle.state is State.BREAK:  # ending during a break: the break ends with the session
            self.lifecycle.close_break(self.pipeline.status.pts)
        # the camera and the microphone stop at once; then the recordings are finished and sealed
        self.pipeline.stop()
        self.stop_recording()
        if self.lifecycle.state in (State.LIVE, State.WAITING, State.BREAK):
            self.lifecycle.transition(State.ENDED)
        if self.lifecycle.state is State.ENDED:
            self.lifecycle.transition(State.SEALED, "recordings sealed in the vault")
            self._seal_session_record()
        return self.summary()

    def _seal_session_record(self) -> None:
        """The plan, the event log and the break log, encrypted and sealed beside the recordings."""
        record = session_record(self.lifecycle, [{"id": r.recording_id, "kind": r.kind} for r in self.results])
        meta = session_record_meta(self.plan)
        try:
            w = self.vault.create_recording(meta, recipients=["judge", "clerk"], signer_passphrase=self._passphrase)
            w.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))
            self.session_record_id = w.seal()
        except Exception as exc:  # the recordings are sealed already; report, never lose them
            log.error("could not seal the session record: %s", type(exc).__name__)
            self.record_error = f"could not seal the session record: {exc}"

    def summary(self) -> SessionSummary:
        st = self.pipeline.status.stats
        s = SessionSummary(frames=st.frames, masked_frames=st.masked_frames,
                           curtained_frames=st.curtained_frames, breaks=list(self.lifecycle.breaks))
        for r in self.results:
            s.recordings.append({"id": r.recording_id, "kind": r.kind, "frames": r.frames,
                                 "curtained_frames": r.curtained_frames})
            if r.error:
                s.errors.append(r.error)
        if self.pipeline.status.error:
            s.errors.append(self.pipeline.status.error)
        if self.record_error:
            s.errors.append(self.record_error)
        s.session_record = self.session_record_id
        return s

    @property
    def audiences(self) -> list[Audience]:
        return [Audience.JUDGE, Audience.COURT, Audience.WITNESS_SELF, Audience.SUPPORT]


def _check(session: LiveSession) -> LiveSessionService:
    return session  # mypy: LiveSession is what the windows type it as
