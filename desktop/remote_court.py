"""A remote hearing at the court station, shaped as the live session the clerk console runs.

The clerk's console runs a session through a small surface (``plan``, ``lifecycle``, ``schedule``,
``pipeline``, ``recorder``, ``go_live``, ``request_break``, ``end_break``, ``start_recording``,
``stop_recording``, ``end``): :class:`desktop.live.LiveSession` for a witness in the building,
:class:`RemoteHearing` here for a witness somewhere else.  So the console, its break schedule, its
timeline, its mask status and its end-and-seal are the same for both.

* ``go_live()`` opens the waiting room: the court station (``recording.transport.court``) listens,
  the signed invitation is made (the plan's *witness brief*, its languages, the court vault's role
  keys for the witness's local recording) and the clerk saves or copies it; remote interpreters get
  their own invitations.
* A station in the waiting room is shown to the clerk (``pending``, ``on_request``) with its safety
  code; :meth:`decide` admits or sends it back.  Admitting the witness starts the court's recording
  of what it receives (masked video, floor, every interpretation channel, tagged) and makes the
  session live.
* ``pipeline`` is what the court receives, offered as the session pipeline the console subscribes
  to: the masked picture and floor for the COURT audience, the unmasked picture for the JUDGE only
  when the plan authorises the judge.
* Breaks are taken at the witness station (the witness's button, or the clerk's planned break
  sent there); the court's lifecycle follows the witness's break messages.
* ``end()`` ends the link (the witness station ends and seals its own recording), seals the
  received recording and the session record (with the link session and the witness station's key,
  so the witness's local recording can be linked when it is imported).

Threads: the link runs on its own asyncio loop (:class:`ui.link.loop.LoopThread` is Qt-free); every
public method may be called from the GUI thread.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

import av
import numpy as np

from desktop.live import SessionSummary
from recording.model import Audience, Decision
from recording.pipeline import PipelineStatus, curtain_like, level_db
from recording.schedule import BreakSchedule
from recording.service import LiveSessionService
from recording.session import (
    SessionLifecycle,
    SessionPlan,
    State,
    session_record,
    session_record_meta,
)
from recording.subscriptions import Subscriptions
from recording.witness_brief import witness_brief

log = logging.getLogger("testimony_shield.desktop.remote_court")

#: how long the waiting room stays open for the witness (the clerk ends the session before)
OPEN_FOR = 12 * 3600.0


class ReceivedPipeline(Subscriptions[Any]):
    """The court's received media, offered as the session pipeline's consumer interface.

    As a court consumer (on the link's loop) it converts each received frame once and hands it to the
    subscribers of COURT (masked, or the curtain while the court curtains the witness); as the judge's
    consumer, to the subscribers of JUDGE.  The floor and interpretation channels go to COURT."""

    def __init__(self) -> None:
        super().__init__()
        self.status = PipelineStatus()
        self.curtained = True
        self._index = 0
        self._shape: tuple[int, ...] = (180, 320, 3)
        self.judge = _JudgeFeed(self)
        self.finished = threading.Event()

    # the pipeline surface the console uses (and subscribe, unsubscribe, add_break_listener) --------
    def stop(self, timeout: float = 0.0) -> None:
        self.finished.set()

    def _targets(self, audience: Audience) -> list[Any]:
        with self._lock:
            return [c for a, c in self._consumers if audience in a]

    def _emit_video(self, audience: Audience, image: np.ndarray, index: int, pts: float, decision: Decision) -> None:
        for c in self._targets(audience):
            try:
                c.on_video(audience, image, index, pts, decision)
            except Exception:
                log.exception("a console consumer failed")

    def _emit_audio(self, audience: Audience, channel: str, samples: np.ndarray, start: int) -> None:
        for c in self._targets(audience):
            try:
                c.on_audio(audience, channel, samples, start)
            except Exception:
                log.exception("a console consumer failed")

    def breaks_changed(self, on: bool, t: float) -> None:
        self.status.on_break = on
        for fn in list(self._break_listeners):
            try:
                fn(on, t)
            except Exception:
                log.exception("a break listener failed")

    # the court's consumer (link loop) ------------------------------------------------------------
    def on_video(self, frame: av.VideoFrame, arrival: float) -> None:
        if self.curtained or not self._targets(Audience.COURT):
            return
        image = frame.to_ndarray(format="bgr24")
        self._shape = image.shape
        self._index += 1
        pts = float(frame.pts * frame.time_base) if frame.pts is not None and frame.time_base else 0.0
        self.status.frame_index, self.status.pts = self._index, pts
        # masked at the witness station before it was sent (the link never carries the raw witness here)
        self._emit_video(Audience.COURT, image, self._index, pts, Decision.DETECTED)

    def on_audio(self, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        self.status.floor_level_db = level_db(samples)
        self._emit_audio(Audience.COURT, "floor", samples, pts_samples)

    def on_interpretation(self, channel: str, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        self._emit_audio(Audience.COURT, channel, samples, pts_samples)

    def curtain(self, on: bool) -> None:
        """The court curtains the witness (no frame for a while, reconnecting, a break): the console's
        court view shows the curtain at once."""
        self.curtained = on
        if on:
            blank = curtain_like(np.zeros(self._shape, np.uint8))
            self._emit_video(Audience.COURT, blank, self._index, self.status.pts, Decision.CURTAINED)


class _JudgeFeed:
    """The judge's tracks (unmasked; only delivered when the plan authorises the judge)."""

    def __init__(self, pipeline: ReceivedPipeline) -> None:
        self._p = pipeline
        self.frames = 0

    def on_video(self, frame: av.VideoFrame, arrival: float) -> None:
        if self._p.curtained or not self._p._targets(Audience.JUDGE):
            return
        self.frames += 1
        self._p._emit_video(Audience.JUDGE, frame.to_ndarray(format="bgr24"), self.frames, 0.0, Decision.DETECTED)

    def on_audio(self, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        self._p._emit_audio(Audience.JUDGE, "floor", samples, pts_samples)


@dataclass
class RemoteSettings:
    """Where and how the court station is reached (``listen``: host, port; ``relay``: a court relay's
    info file, when the court runs one), and how long the invitation is valid."""

    listen: tuple[str, int] = ("127.0.0.1", 0)
    relay: Any = None
    invite_ttl: float = 600.0
    encoder_preset: str = "ultrafast"
    open_for: float = OPEN_FOR
    #: the court store's delivery inbox (``s3://bucket/prefix``) named in the invitation, or ""
    inbox: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class RemoteHearing:
    """A remote hearing run from the clerk console (see the module docstring).

    ``station`` is the court vault's unlocked station identity (it signs the invitation);
    ``recipients`` the court vault's role public keys the witness's local recording is encrypted to
    (``{"judge": b64, "clerk": b64}``) and ``vault_id`` its id; ``sink(kind, meta)`` creates an
    encrypting vault recording; ``seal_record(meta, data) -> id`` seals the session record."""

    remote = True

    def __init__(self, plan: SessionPlan, station: Any, sink: Callable[[str, dict[str, Any]], Any],
                 seal_record: Callable[[dict[str, Any], bytes], str], *, recipients: dict[str, str],
                 vault_id: str, settings: RemoteSettings | None = None, speakers: Any = None,
                 cameras: list[Any] | None = None, loop: Any = None) -> None:
        from recording.transport.court import CourtStation
        from recording.transport.court_media import questioner_cameras
        from ui.link.loop import LoopThread

        plan.validate()
        self.plan = plan
        self.settings = settings or RemoteSettings()
        self._station = station
        self._sink = sink
        self._seal_record = seal_record
        self._recipients = dict(recipients)
        self._vault_id = vault_id
        self.lifecycle = SessionLifecycle(plan)
        self.schedule = BreakSchedule(plan.rules)
        self.pipeline = ReceivedPipeline()
        self.desks = None
        self.recorder: Any = None
        self.speakers = speakers
        self.invitation = b""
        self.interpreter_invitations: dict[str, bytes] = {}
        self.pending: dict[str, Any] | None = None
        self.link_state = "closed"
        #: called on the link's thread: a station is in the waiting room (``request``), or the link's
        #: state changed (``state``); the console hops to the GUI thread
        self.on_request: Callable[[dict[str, Any]], None] | None = None
        self.on_link_state: Callable[[str], None] | None = None
        #: scripted runs (``court --admit-all``): every station in the waiting room is admitted at once
        self.auto_admit = False
        self.witness_station_key = ""
        self.results: list[dict[str, Any]] = []
        self.session_record_id = ""
        self.errors: list[str] = []
        self.stats: Any = None
        self._decision: asyncio.Future | None = None
        self._served: Future | None = None
        self._clerk_break = False
        self._live_since: float | None = None
        self._own_loop = loop is None
        self.loop = loop or LoopThread("court-link")
        consumers = [self.pipeline] + ([speakers] if speakers is not None else [])
        cams = cameras if cameras is not None else questioner_cameras(plan)

        # through the court relay when one is configured (the station only dials out), else listening
        where: dict[str, Any] = ({"relay": self.settings.relay} if self.settings.relay is not None else
                                 {"host": self.settings.listen[0], "port": self.settings.listen[1]})

        async def make() -> Any:
            return CourtStation(admit=self._admit, consumers=consumers, judge_consumers=[self.pipeline.judge],
                                judge_monitor=plan.unmasked(Audience.JUDGE), on_state=self._on_state,
                                on_curtain=self.pipeline.curtain, plan=plan, to_witness=cams, **where)

        self.court = self.loop.submit(make()).result(30)

    @property
    def is_recording(self) -> bool:
        return self.recorder is not None

    # -- the invitation ----------------------------------------------------------------------------
    def invite_media(self) -> dict[str, Any]:
        return invite_media(self.plan, self._vault_id, self._recipients, inbox=self.settings.inbox)

    def open_waiting_room(self) -> bytes:
        """Open the court station, sign the witness's invitation (and a remote interpreter's for each
        language the plan says is interpreted remotely); the session waits for the witness."""
        if self.invitation:
            return self.invitation
        station, ttl = self._station, self.settings.invite_ttl

        async def go() -> bytes:
            await self.court.open()
            data = self.court.invitation(station.ed25519_public, station.sign, lifetime=ttl, media=self.invite_media())
            for lang in remote_interpreter_languages(self.plan):
                self.interpreter_invitations[lang] = self.court.interpreter_invitation(
                    station.ed25519_public, station.sign, lang, lifetime=ttl)
            await self.court.ready()  # through the court relay: registered, TURN accepts the credentials
            return data

        self.invitation = self.loop.submit(go()).result(30)
        self.lifecycle.transition(State.WAITING, "waiting room open")
        self._served = self.loop.submit(self._serve())
        return self.invitation

    async def _serve(self) -> Any:
        stats = await self.court.serve(self.settings.open_for, join_timeout=self.settings.open_for)
        self.stats = stats
        return stats

    @property
    def session_id(self) -> str:
        inv = self.court.invite
        return inv.session_id if inv is not None else ""

    @property
    def safety_code(self) -> str:
        return str(self.court.stats.safety_code or "")

    # -- the waiting room --------------------------------------------------------------------------
    async def _admit(self, request: dict[str, Any]) -> bool:
        fut = asyncio.get_running_loop().create_future()
        self._decision = fut
        self.pending = dict(request)
        if request.get("station") != "interpreter":
            self.lifecycle.log("notice", f"the witness station is in the waiting room (safety code "
                                         f"{request.get('safety_code', '')})")
        if self.on_request is not None:
            self.on_request(dict(request))
        if self.auto_admit:
            fut.set_result(True)
        try:
            ok = bool(await fut)
        finally:
            self.pending = None
        who = ("the interpreter station (" + str(request.get("media", {}).get("language", "?")) + ")"
               if request.get("station") == "interpreter" else "the witness station")
        self.lifecycle.log("notice", f"{who} {'admitted' if ok else 'sent back'} by the clerk")
        if ok and request.get("station") != "interpreter":
            self._witness_admitted(request)
        return ok

    def decide(self, admit: bool) -> None:
        """The clerk admits (True) or sends back (False) the station in the waiting room."""
        fut = self._decision
        if fut is not None:
            self.loop.call(lambda: fut.done() or fut.set_result(admit))

    def _witness_admitted(self, request: dict[str, Any]) -> None:  # link loop
        from recording.transport import tracks as labels
        from recording.transport.received_recorder import ReceivedRecorder

        media = request.get("media", {}) if isinstance(request.get("media"), dict) else {}
        self.witness_station_key = station_key_of(request)
        fps = media.get("fps", 30)
        fps = int(fps) if isinstance(fps, int | float) and 1 <= fps <= 60 else 30
        meta = {"case_number": self.plan.case_number, "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "source": "remote link (received)", "link_session": self.session_id,
                "languages": list(self.plan.languages)}
        if self.witness_station_key:
            meta["witness_station_key"] = self.witness_station_key
        rec = ReceivedRecorder(self._sink, meta, fps=fps, preset=self.settings.encoder_preset,
                               language=self.plan.floor_language,
                               channels=labels.channels_to_record(self.plan.languages, media.get("tracks")))
        rec.start()
        self.recorder = rec
        self.court.consumers.append(rec)
        self.lifecycle.log("recording", "started (what the court receives)")

    # -- the link's states -> the lifecycle ---------------------------------------------------------
    def _on_state(self, state: str) -> None:  # link loop
        self.link_state = state
        lc = self.lifecycle
        now = self._media_time()
        if state == "live":
            if lc.state is State.WAITING:
                lc.transition(State.LIVE, "the witness is connected")
                self._live_since = time.monotonic()
                self.schedule.go_live()
            elif lc.state is State.BREAK:
                lc.end_break(now)
                self.schedule.break_ended()
                self.pipeline.breaks_changed(False, now)
        elif state == "break" and lc.state is State.LIVE:
            by = "clerk" if self._clerk_break else "witness"
            self._clerk_break = False
            lc.start_break(by, now)
            self.schedule.break_started()
            self.pipeline.breaks_changed(True, now)
        elif state == "reconnecting":
            lc.log("notice", "the connection to the witness station was lost: reconnecting (the witness is curtained)")
        elif state == "ended" and lc.state in (State.LIVE, State.BREAK) and self.court.stats.ended_by != "court":
            why = {"witness": "the witness station left"}.get(self.court.stats.ended_by,
                                                              self.court.stats.ended_by or "the link ended")
            lc.log("notice", f"{why}: end and seal the session")
        if self.on_link_state is not None:
            self.on_link_state(state)

    def _media_time(self) -> float:
        return round(time.monotonic() - self._live_since, 3) if self._live_since is not None else 0.0

    # -- the console's session surface -------------------------------------------------------------
    def go_live(self) -> None:
        """"Start": open the waiting room (the session goes live when the witness is admitted)."""
        if self.lifecycle.state is State.DRAFT:
            self.open_waiting_room()

    def open_waiting_room_state(self) -> bool:
        return self.lifecycle.state is State.WAITING

    def start_recording(self) -> None:
        """The court records what it receives from the admission on; nothing to start by hand."""

    def stop_recording(self) -> list[Any]:
        return []

    def request_break(self, by: str = "clerk") -> None:
        """A planned break: the witness station takes it (curtain and silence there, the grounding
        screen for the witness); the court's lifecycle follows the witness station's break message."""
        if self.lifecycle.state is not State.LIVE:
            return
        self._clerk_break = True
        self.loop.call(self.court.request_break)

    def end_break(self) -> None:
        """Only the witness ends a break, at the witness station."""

    def end(self) -> SessionSummary:
        """End the link (the witness station ends and seals its side), seal the received recording
        and the session record."""
        if self.lifecycle.state in (State.ENDED, State.SEALED):
            return self.summary()
        self.loop.call(self.court.end)
        if self._served is not None:
            try:
                self._served.result(30)
            except Exception as exc:
                self.errors.append(f"the link did not close cleanly ({exc.__class__.__name__})")
        else:
            self.loop.submit(self.court.close()).result(30)
        stats = self.stats or self.court.stats
        if self.lifecycle.state is State.BREAK:
            self.lifecycle.close_break(self._media_time())
        if self.recorder is not None:
            rec, self.recorder = self.recorder, None
            rec.extra_meta["breaks"] = list(stats.breaks)
            rid = rec.stop()
            if rid:
                self.results.append({"id": rid, "kind": "received-masked", "frames": rec.frames,
                                     "curtained_frames": 0})
            if rec.error:
                self.errors.append(rec.error)
            self.lifecycle.log("recording", "stopped and sealed")
        if self.speakers is not None:
            self.speakers.close()
        self.pipeline.stop()
        if self.lifecycle.state in (State.WAITING, State.LIVE, State.BREAK):
            self.lifecycle.transition(State.ENDED, f"ended by {stats.ended_by or 'the court'}")
        if self.lifecycle.state is State.ENDED:
            self.lifecycle.transition(State.SEALED, "recordings sealed in the vault")
            self._seal_session_record(stats)
        if self._own_loop:
            self.loop.stop()
        return self.summary()

    def _seal_session_record(self, stats: Any) -> None:
        record = session_record(self.lifecycle, [{"id": r["id"], "kind": r["kind"]} for r in self.results])
        record["remote"] = {"link_session": self.session_id, "witness_station_key": self.witness_station_key,
                            "ended_by": stats.ended_by, "reconnects": stats.reconnects,
                            "breaks": list(stats.breaks)}
        meta = session_record_meta(self.plan)
        try:
            self.session_record_id = self._seal_record(meta, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        except Exception as exc:  # the recordings are sealed already; report, never lose them
            log.error("could not seal the session record: %s", type(exc).__name__)
            self.errors.append(f"could not seal the session record: {exc}")

    def summary(self) -> SessionSummary:
        stats = self.stats or self.court.stats
        s = SessionSummary(frames=stats.frames_received, masked_frames=stats.frames_received,
                           curtained_frames=0, breaks=list(self.lifecycle.breaks))
        s.recordings = list(self.results)
        s.errors = list(self.errors)
        s.session_record = self.session_record_id
        return s

    @property
    def audiences(self) -> list[Audience]:
        return [Audience.JUDGE, Audience.COURT]


def remote_interpreter_languages(plan: SessionPlan) -> list[str]:
    """The languages whose interpreter joins from elsewhere (``Participant.remote``)."""
    from recording.session import Role

    out = []
    for p in plan.participants:
        if p.role is Role.INTERPRETER and p.remote:
            out += [lang for lang in plan.languages if lang in p.interprets_into() and lang not in out]
    return out


def role_public_keys(vault: Any, roles: tuple[str, ...] = ("judge", "clerk")) -> dict[str, str]:
    """The court vault's X25519 public keys of ``roles`` (base64, as pinned in its vault.json): the
    witness station encrypts its local recording to them."""
    pins = vault.role_public_keys()
    return {r: str(pins[r]["x25519"]) for r in roles if r in pins}


def open_remote_hearing(plan: SessionPlan, settings: Any, vault: Any, passphrase: str,
                        remote: RemoteSettings | None = None, speakers: bool = True,
                        cameras: list[Any] | None = None) -> RemoteHearing:
    """A :class:`RemoteHearing` on ``vault`` (the court's): its station key signs the invitation, the
    received recording and the session record are sealed in it (recipients judge and clerk).
    ``cameras``: the court's cameras offered to the witness (default: the plan's questioners')."""
    from recording.transport.court_media import CourtSpeakers
    from vault.store import STATION

    station = vault.unlock(STATION, passphrase)  # audited: the station key signs the invitation

    def sink(kind: str, meta: dict[str, Any]) -> Any:
        return vault.create_recording(meta, recipients=["judge", "clerk"], signer_passphrase=passphrase)

    def seal_record(meta: dict[str, Any], data: bytes) -> str:
        w = vault.create_recording(meta, recipients=["judge", "clerk"], signer_passphrase=passphrase)
        try:
            w.write(data)
        except BaseException:
            w.abort()
            raise
        return str(w.seal())

    out = None
    if speakers:
        out = CourtSpeakers()
        out.open()
    rs = remote or remote_settings(settings)
    return RemoteHearing(plan, station, sink, seal_record, recipients=role_public_keys(vault), vault_id=vault.id,
                         settings=rs, speakers=out, cameras=cameras)


def station_key_of(request: dict[str, Any]) -> str:
    """The witness station's vault key (hex Ed25519) it named when it joined, or ""."""
    media = request.get("media", {}) if isinstance(request.get("media"), dict) else {}
    key = media.get("station_key")
    return key if isinstance(key, str) and len(key) == 64 and all(c in "0123456789abcdef" for c in key) else ""


def invite_media(plan: SessionPlan, vault_id: str, recipients: dict[str, str],
                 extra_languages: tuple[str, ...] = (), inbox: str = "") -> dict[str, Any]:
    """What the witness station is told, signed in its invitation: the case number, the languages (a
    listening slot for each), the witness brief, and where its own recordings go (the court vault's id
    and its judge's and clerk's keys; the court store's delivery inbox when there is one:
    docs/delivery.md)."""
    deliver: dict[str, Any] = {"vault": vault_id, "recipients": dict(recipients)}
    if inbox:
        deliver["inbox"] = inbox
    return {"case_number": plan.case_number, "languages": list(dict.fromkeys([*plan.languages, *extra_languages])),
            "brief": witness_brief(plan), "deliver": deliver}


class PlanRefused(Exception):
    """No usable plan for the court station; the message says what to give."""


def court_plan(vault: Any, passphrase: str, plan_id: str | None, plan_file: Any) -> SessionPlan:
    """The plan a court station runs: saved in its vault (``--plan ID``, opened with the clerk's role,
    audited) or from a session-plan file (``--plan-file``); never the demo plan.  :class:`PlanRefused`
    with a plain message otherwise."""
    from common import jsonio
    from desktop import plans
    from recording.session import PlanError
    from vault.errors import VaultError

    if plan_id and plan_file:
        raise PlanRefused("give either --plan ID or --plan-file FILE, not both")
    if not plan_id and not plan_file:
        raise PlanRefused("the court station needs the hearing's plan: --plan ID (a plan saved in the court's "
                          "vault: the clerk console's “Save plan”) or --plan-file FILE (a session plan, "
                          "docs/session-format.md)")
    try:
        if plan_id:
            ids = [r.id for r in plans.list_plans(vault) if r.id == plan_id or r.id.startswith(plan_id)]
            if len(ids) != 1:
                raise PlanRefused(f"no saved plan {plan_id!r} in the court's vault" if not ids else
                                  f"{plan_id!r} names more than one saved plan: give more of its id")
            return plans.load_plan(vault, ids[0], vault.unlock("clerk", passphrase))
        try:
            data = jsonio.load_file(plan_file, max_bytes=256 * 1024)
        except OSError as exc:
            raise PlanRefused(f"cannot read the plan file {plan_file}: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise PlanRefused(f"the plan file {plan_file} is not a session plan ({exc})") from None
        if not isinstance(data, dict):
            raise PlanRefused(f"the plan file {plan_file} is not a session plan")
        plan = SessionPlan.from_dict(data)
        plan.validate()
        return plan
    except PlanError as exc:
        raise PlanRefused(f"the plan cannot be used: {exc}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PlanRefused(f"the plan is malformed ({exc.__class__.__name__})") from None
    except VaultError as exc:
        raise PlanRefused(f"the saved plan cannot be opened: {exc}") from None


def _check(hearing: RemoteHearing) -> LiveSessionService:
    return hearing  # mypy: a remote hearing is a session to the windows (recording.service)


def remote_settings(settings: Any) -> RemoteSettings:
    """How this court station is reached, from the station settings: ``court_relay`` (the court
    relay's info file, docs/deploy-relay.md) when the court runs one, else ``court_listen``
    (``HOST:PORT``; default 127.0.0.1 and any free port: one network only)."""
    rs = RemoteSettings(encoder_preset=getattr(settings, "encoder_preset", "ultrafast"),
                        inbox=str(getattr(settings, "delivery_inbox", "") or ""))
    relay = getattr(settings, "court_relay", "")
    listen = getattr(settings, "court_listen", "")
    if relay:
        from recording.transport.relay import RelayInfo  # the relay issue's module

        rs.relay = RelayInfo.load(relay)
    elif listen:
        host, _, port = str(listen).rpartition(":")
        rs.listen = (host.strip("[]") or "127.0.0.1", int(port))
    return rs
