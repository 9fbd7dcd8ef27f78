"""The witness station of a remote hearing: the session it runs comes from the court's invitation.

* :func:`witness_plan`: the plan is the court's *witness brief* (masks, languages, ground rules, the
  judge's and the support person's names: :mod:`recording.witness_brief`) — never the demo plan.  An
  invitation without a brief is refused (the court station is older than this witness station).
* :func:`build_session`: the :class:`desktop.live.LiveSession` on that plan, with a listening channel
  for each language a remote interpreter may fill; its recordings carry the link session and the case
  number, and go to the court's roles when the invitation names them (:func:`delivery_sink`).
* :func:`join_media`: what the station tells the court when it joins (frame rate, size, the masked
  audience it sends, its vault's station key — which signs its recordings, so the court can link them).
* :func:`panel_summary`: the audiences the "who can see and hear me now" panel showed, for the
  station's JSON summary.
"""

from __future__ import annotations

from typing import Any

from recording.session import SessionPlan, State
from recording.transport.errors import InviteError
from recording.witness_brief import panel_audiences, plan_from_brief, with_languages


def invite_languages(invite: Any) -> tuple[str, ...]:
    """The interpretation channels the court's signed invitation names (ISO 639-2 codes only)."""
    from recording.transport import tracks as labels

    raw = invite.media.get("languages", [])
    if not isinstance(raw, list):
        return ()
    return tuple(dict.fromkeys(x for x in raw if isinstance(x, str) and len(x) == 3 and x.isalpha()
                               and labels.is_to_witness_audio(f"witness/audio/{x}")))


def witness_plan(invite: Any) -> SessionPlan:
    """The plan this witness station runs, from the court's signed invitation (:class:`InviteError`
    when it carries none, or a malformed one)."""
    from recording.session import PlanError

    brief = invite.media.get("brief")
    if brief is None:
        raise InviteError("the invitation does not carry the court's plan (the court station is older than "
                          "this witness station): ask the court to update its station and invite again")
    try:
        plan = plan_from_brief(brief)
    except PlanError as exc:
        raise InviteError(str(exc)) from None
    return with_languages(plan, invite_languages(invite))


def station_key_hex(vault: Any) -> str:
    """This station's vault signing key (Ed25519 public, hex): it signs the station's recordings."""
    from vault.format.canonical import b64d

    return b64d(vault.role_public_keys()[vault.station_role]["ed25519"]).hex()


def join_media(vault: Any, fps: int, size: tuple[int, int], audience: str = "court") -> dict[str, Any]:
    return {"fps": fps, "size": list(size), "audience": audience, "station_key": station_key_hex(vault)}


def recording_meta(invite: Any) -> dict[str, Any]:
    """Clear metadata of the station's own recordings: where they come from, the hearing they are of."""
    return {"origin": "witness-station", "link_session": invite.session_id,
            "court_key": invite.court_key_fingerprint}


def build_session(invite: Any, settings: Any, vault: Any, passphrase: str, *, video: Any = None, audio: Any = None,
                  realtime: bool = True) -> tuple[Any, dict[str, Any]]:
    """The live session of this witness station and its remote-interpretation sources by language."""
    from desktop.live import LiveSession
    from recording.sources.demo import demo_interpreter_source
    from recording.transport.witness import RemoteInterpretation

    plan = witness_plan(invite)
    remote = {lang: RemoteInterpretation(lang, demo_interpreter_source(lang)) for lang in invite_languages(invite)}
    session = LiveSession(plan, settings, vault, passphrase, realtime=realtime, video=video, audio=audio,
                          interpreters=remote or None, sink=delivery_sink(invite, vault, passphrase),
                          meta=recording_meta(invite))
    return session, remote


def delivery_sink(invite: Any, vault: Any, passphrase: str) -> Any:
    """Where the station's recordings go: encrypted to the court vault's roles when the invitation
    names them (the station cannot read them back), else None (the station's own vault roles)."""
    deliver = invite.media.get("deliver")
    if not isinstance(deliver, dict):
        return None
    from desktop.delivery import court_recipients

    keys = court_recipients(deliver)
    court_vault = str(deliver.get("vault", ""))

    def sink(kind: str, meta: dict[str, Any]) -> Any:
        recipients = ["judge"] if kind == "raw" else ["judge", "clerk"]
        return vault.create_recording({**meta, "deliver_to": court_vault}, recipients=recipients,
                                      signer_passphrase=passphrase, recipient_keys=keys)

    return sink


class PanelLog:
    """The audiences the witness's panel showed, state by state (for the summary)."""

    def __init__(self, plan: SessionPlan) -> None:
        self.plan = plan
        self.shown: dict[str, list[dict[str, str]]] = {}

    def saw(self, state: State) -> None:
        if state.value not in self.shown:
            self.shown[state.value] = panel_audiences(self.plan, state)

    def summary(self) -> dict[str, Any]:
        live = self.shown.get(State.LIVE.value, panel_audiences(self.plan, State.LIVE))
        return {"panel_audiences": live, "panel_by_state": self.shown,
                "languages": list(self.plan.languages), "floor_language": self.plan.floor_language}


def panel_summary(plan: SessionPlan, states: list[State]) -> dict[str, Any]:
    log = PanelLog(plan)
    for s in states:
        log.saw(s)
    return log.summary()


class RemoteWitnessFlow:
    """The windowed remote witness station: the witness station's ``join`` (open or paste the
    invitation), the session from the court's brief, the link, the end (camera and microphone off at
    once, then the recordings sealed), and the delivery of the local recording to the court.

    ``open_vault()`` gives the station's vault and passphrase (asking for it if needed: ``None`` when
    the person cancels); ``sources()`` the camera and microphone (``(None, None)``: the settings')."""

    def __init__(self, station: Any, settings: Any, runner: Any, open_vault: Any, sources: Any = None,
                 deliver: Any = None, duration: float | None = None) -> None:
        self.station = station
        self.settings = settings
        self.ops = runner
        self._open_vault = open_vault
        self._sources = sources or (lambda: (None, None))
        self._deliver = deliver
        self._duration = duration
        self.loop: Any = None
        self.link: Any = None
        self.session: Any = None
        self.controller: Any = None
        self.invite: Any = None
        self.panel: PanelLog | None = None
        self.summary: dict[str, Any] | None = None
        self.delivered: Any = None
        self.finished_callbacks: list[Any] = []

    def join(self, data: bytes) -> None:
        """The invitation's bytes: check it (raises with a plain message), build the session, join."""
        from recording.transport.invite import parse_invite
        from ui.link.loop import LoopThread
        from ui.link.witness_window import WitnessLinkRunner
        from ui.session import SessionController

        if self.link is not None:
            return
        if len(data) > 64 * 1024:
            raise InviteError("that is too large to be an invitation")
        invite = parse_invite(data)
        opened = self._open_vault()
        if opened is None:
            raise RuntimeError("the station's vault is locked (no passphrase)")
        vault, passphrase = opened
        video, audio = self._sources()
        session, remote = build_session(invite, self.settings, vault, passphrase, video=video, audio=audio)
        fps = session.video.fps
        if self._duration:
            session.pipeline.max_frames = int(round(self._duration * fps))
        self.invite, self.session = invite, session
        self.panel = PanelLog(session.plan)
        self.controller = SessionController(session, self.ops)
        self.controller.state_changed.connect(lambda _s: self.panel.saw(session.lifecycle.state)
                                              if self.panel else None)
        self.station.attach(self.controller)
        session.open_waiting_room()
        self.panel.saw(session.lifecycle.state)
        self.loop = LoopThread("witness-link")
        size = tuple(session.pipeline.size) if hasattr(session.pipeline, "size") else (0, 0)

        def admitted() -> None:  # the link's thread: the local recording (authoritative) starts now
            session.start_recording()
            session.go_live()

        self.link = WitnessLinkRunner(self.loop, invite, session.pipeline,
                                      media=join_media(vault, int(fps), size), on_admitted=admitted,
                                      remote_channels=remote or None,
                                      on_court_break=lambda: session.request_break("clerk"))
        self.station.attach_link(self.link)
        self.link.finished.connect(self._finished)
        self.link.start()

    def _finished(self, stats: dict[str, Any]) -> None:
        """The hearing is over (the court ended it, the witness left, or the link was lost for good):
        the camera and the microphone stop now; the recordings are sealed off the GUI thread."""
        session = self.session
        session.pipeline.stop()  # at once: nothing is captured after the end
        self.controller.poll()

        def end() -> Any:
            summary = session.end()
            delivered = self._deliver(self.invite, session, summary) if self._deliver is not None else None
            return summary, delivered

        def done(result: Any) -> None:
            import dataclasses

            summary, self.delivered = result
            out = dataclasses.asdict(summary)
            out.update(stats)
            if self.panel is not None:
                out.update(self.panel.summary())
            out.update(session_id=self.invite.session_id, court_key_fingerprint=self.invite.court_key_fingerprint)
            if self.delivered is not None:
                out["delivery"] = self.delivered
                if hasattr(self.station, "delivered"):
                    self.station.delivered(str(self.delivered.get("bundle", "")))
            self.summary = out
            self.controller.poll()
            for fn in self.finished_callbacks:
                fn(out)

        def failed(exc: BaseException) -> None:
            self.summary = {"errors": [f"could not seal the witness's recording: {exc}"], **stats}
            for fn in self.finished_callbacks:
                fn(self.summary)

        self.ops.run(end, done, failed)

    def leave(self) -> None:
        if self.link is not None:
            self.link.leave()

    def close(self) -> None:
        if self.loop is not None:
            self.loop.stop()


def outbox_dir() -> Any:
    """Where a witness station keeps the bundles for the court until they are collected (0700)."""
    from desktop import paths

    return paths.data_dir() / "outbox"


def deliver_bundle(vault: Any, invite: Any, passphrase: str, out: Any = None) -> dict[str, Any] | None:
    """After the hearing: this station's own recordings of it, for the court, as a delivery bundle at
    ``out`` (default: the station's outbox).  None when there is nothing for the court (an invitation
    without a delivery section, or nothing recorded)."""
    from pathlib import Path

    from vault.bundle import deliverable, export_bundle
    from vault.store import STATION

    ids = deliverable(vault, invite.session_id)
    if not ids:
        return None
    if out is None:
        case = "".join(c if c.isalnum() or c in "-_" else "-" for c in str(invite.media.get("case_number", "")))
        out = outbox_dir() / f"{case or 'hearing'}-{invite.session_id[:8]}.tsbundle"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    body = export_bundle(vault, ids, out, vault.unlock(STATION, passphrase))  # the station signs it (audited)
    result: dict[str, Any] = {"bundle": str(out), "recordings": ids, "court_vault": body["to"]["vault"]}
    from desktop.delivery import inbox_of, upload_bundle
    from vault.errors import VaultError

    inbox = inbox_of(invite.media.get("deliver"))
    if inbox:  # the court runs a store: put it into its inbox (write-only credentials of this station)
        try:
            result["uploaded"] = upload_bundle(out, inbox, body["to"]["vault"], invite.session_id,
                                               body["from"]["station_key"])
        except VaultError as exc:
            result["upload_error"] = f"{exc}: the bundle stays on this station for the court to collect"
    return result
