"""``testimony-shield court``: the court station of a remote session.

The court opens its vault, signs an invitation with the vault's station key, waits for the witness in
the waiting room (``--admit-all`` admits at once; otherwise a terminal prompt, or the window's
*Admit*), records what it receives (masked floor and every interpretation channel, tagged tracks)
into its vault, plays the floor on the courtroom speakers when there are any, sends the judge's
camera (a calm demo card) to the witness — never a camera of the accused — and prints a JSON summary
(with the witness's breaks).  :class:`CourtWiring` is what the headless and the windowed court share.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from typing import Any

from desktop import settings as settings_mod
from desktop.link.cli import window_first
from desktop.link.summary import (
    EXIT_BAD_INPUT,
    EXIT_LINK,
    EXIT_RELAY_LOST,
    court_summary,
    emit,
    fail,
    link_exit,
    note,
    open_station_vault,
)
from desktop.passphrase import NoPassphrase, read_passphrase
from desktop.signals import StopRequest


class CourtWiring:
    """The court's side of one session outside the link: the plan, the received recordings (one per
    admitted witness connection, written into the court's vault) and the summary."""

    def __init__(self, settings: settings_mod.Settings, vault: Any, passphrase: str, plan: Any,
                 extra_channels: tuple[str, ...] = ()) -> None:
        self.settings = settings
        self.vault = vault
        self._passphrase = passphrase
        self.plan = plan
        self.extra_channels = extra_channels
        #: the court store's delivery inbox named in the invitation ("" when the court collects files)
        self.inbox = str(getattr(settings, "delivery_inbox", "") or "")
        self.meta = {"case_number": plan.case_number,
                     "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "source": "remote link (received)"}
        self.recorders: list[Any] = []

    def _sink(self, kind: str, meta: dict[str, Any]) -> Any:
        return self.vault.create_recording(meta, recipients=["judge", "clerk"], signer_passphrase=self._passphrase)

    def on_admitted(self, request: dict[str, Any], court: Any) -> None:
        """A station was admitted: for the witness, start recording what it sends (into ``court``'s
        consumers).  Interpreter channels are recorded as tracks of the witness's recording."""
        if request.get("station") == "interpreter":
            return
        from recording.transport import tracks as labels
        from recording.transport.received_recorder import ReceivedRecorder

        media = request.get("media", {})
        fps = media.get("fps", 30)
        fps = int(fps) if isinstance(fps, int | float) and 1 <= fps <= 60 else 30
        from desktop.remote_court import station_key_of

        meta = {**self.meta, "link_session": court.stats.session_id, "languages": list(self.plan.languages)}
        if station_key_of(request):  # the witness station's key: its own recordings are linked by it
            meta["witness_station_key"] = station_key_of(request)
        rec = ReceivedRecorder(self._sink, meta, fps=fps,
                               preset=self.settings.encoder_preset, language=self.plan.floor_language,
                               channels=labels.channels_to_record(self.plan.languages, media.get("tracks"),
                                                                  self.extra_channels))
        rec.start()
        self.recorders.append(rec)
        court.consumers.append(rec)

    def summary(self, stats: Any, invite: Any, args: argparse.Namespace, t0: float,
                speakers: Any) -> dict[str, Any]:
        """Seal the received recordings; the court's JSON summary (blocking)."""
        out = court_summary(stats, self.recorders, list(stats.errors), invite, self.vault, args.invite_out,
                            args.duration, t0)
        out.update(speakers=speakers.available or speakers.blocks > 0, speakers_message=speakers.message,
                   speaker_blocks_played=speakers.blocks)
        from desktop.headless import wait_for_upload

        if (upload := wait_for_upload(self.vault, args)) is not None:  # a vault in an object store
            out["upload"] = upload
        return out


def where(args: argparse.Namespace, settings: Any) -> tuple[Any, tuple[str, int]]:
    """(the court relay's info or None, the direct mode's listen address) from ``--relay`` /
    ``--listen`` / ``--port``, else the settings' ``court_relay`` / ``court_listen``.  Raises
    :class:`LinkError` for an unreadable relay info file."""
    from desktop.remote_court import remote_settings
    from recording.transport.relay import RelayInfo

    if getattr(args, "relay", None):
        return RelayInfo.load(args.relay), ("127.0.0.1", 0)
    if getattr(args, "listen", None):
        return None, tuple(args.listen)  # type: ignore[return-value]
    if getattr(args, "port", None) is not None:
        return None, ("127.0.0.1", args.port)
    rs = remote_settings(settings)
    return rs.relay, rs.listen


def run_court(args: argparse.Namespace) -> int:
    """SIGTERM/SIGHUP/SIGINT end the session cleanly (recordings sealed, summary printed), exit 128+N."""
    with StopRequest() as stop:
        return _run_court(args, stop)


def _run_court(args: argparse.Namespace, stop: StopRequest) -> int:
    window_first(args)
    from vault.errors import VaultError
    from vault.store import STATION

    if not args.plan and not args.plan_file:  # before any vault is opened (or created)
        from desktop.remote_court import PlanRefused, court_plan

        try:
            court_plan(None, "", None, None)
        except PlanRefused as exc:
            return fail(str(exc), EXIT_BAD_INPUT)
    settings = settings_mod.load()
    from recording.transport.errors import LinkError

    try:
        args.relay_info, args.listen_at = where(args, settings)
    except (LinkError, ValueError) as exc:
        return fail(f"the court relay: {exc}", EXIT_BAD_INPUT)
    try:
        passphrase = read_passphrase(args.passphrase_file, role="station")
    except NoPassphrase as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    try:
        vault = open_station_vault(args.vault or settings.vault_path, passphrase)
        station = vault.unlock(STATION, passphrase)  # its Ed25519 key signs the invitation (audited)
    except VaultError as exc:
        return fail(f"cannot open the court's vault: {exc}", getattr(exc, "exit_code", EXIT_BAD_INPUT))
    from desktop.remote_court import PlanRefused, court_plan

    try:
        plan = court_plan(vault, passphrase, args.plan, args.plan_file)
    except PlanRefused as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    extra = (args.interpreter_language,) if args.headless and args.interpreter_invite_out else ()
    wiring = CourtWiring(settings, vault, passphrase, plan, extra_channels=extra)
    if getattr(args, "delivery_inbox", None):
        wiring.inbox = args.delivery_inbox
    if wiring.inbox:
        from vault.storage.s3 import parse_url

        try:
            parse_url(wiring.inbox)
        except VaultError as exc:
            return fail(f"the delivery inbox: {exc}", EXIT_BAD_INPUT)
    if stop.requested:
        return fail(f"{stop.name} before the session began; nothing recorded", stop.exit_code)
    if not args.headless:
        return _court_windows(args, wiring, station, stop)
    return asyncio.run(_court(args, wiring, station, stop))


async def _ask_admit(request: dict[str, Any]) -> bool:
    if not (sys.stdin is not None and sys.stdin.isatty()):
        note("court: a witness station is in the waiting room, but there is no terminal to admit it on "
             "(use --admit-all for scripted runs): refused")
        return False
    answer = await asyncio.get_running_loop().run_in_executor(
        None, input, f"Admit the {request.get('station')} station from {request.get('peer')}? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


async def _court(args: argparse.Namespace, wiring: CourtWiring, station_identity: Any, stop: StopRequest) -> int:
    from recording.model import Audience
    from recording.transport.court import CourtStation, admit_all
    from recording.transport.court_media import CourtSpeakers, questioner_cameras
    from recording.transport.errors import LinkError
    from recording.transport.invite import write_invite
    from ui.link.status import court_text

    plan = wiring.plan
    speakers = CourtSpeakers()
    speakers.open()
    note(f"court: {speakers.message}")

    async def admit(request: dict[str, Any]) -> bool:
        ok = await (admit_all(request) if args.admit_all else _ask_admit(request))
        if ok:
            wiring.on_admitted(request, court)
        return ok

    def on_state(state: str) -> None:
        if state in ("reconnecting", "live", "admitting", "break"):
            note(f"court: {court_text(state)}")

    # the judge's monitor gets the unmasked witness only when the court's plan authorises the judge;
    # the witness gets the judge's camera (the plan's gate refuses any camera of the accused)
    host, port = args.listen_at
    court = CourtStation(admit=admit, judge_monitor=plan.unmasked(Audience.JUDGE), on_state=on_state,
                         consumers=[speakers], plan=plan, to_witness=questioner_cameras(plan),
                         host=host, port=port, relay=args.relay_info)
    if args.relay_info is not None:
        court._signal.on_state = lambda what: note(f"court: {RELAY_NOTES.get(what, what)}")

    def stopped() -> None:  # SIGTERM/SIGHUP: end as the clerk would; the witness ends and seals its side
        court.stats.ended_by = court.stats.ended_by or f"stopped ({stop.name})"
        court.end()

    stop.on_stop_in_loop(asyncio.get_running_loop(), stopped)
    t0 = time.monotonic()
    try:
        host, port = await court.open()
        # the witness station offers a listening slot for each channel a remote interpreter may fill
        languages = list(dict.fromkeys([*plan.languages, *wiring.extra_channels]))
        data = court.invitation(station_identity.ed25519_public, station_identity.sign, lifetime=args.invite_ttl,
                                media=_invite_media(wiring, languages))
        if args.interpreter_invite_out:
            write_invite(args.interpreter_invite_out, court.interpreter_invitation(
                station_identity.ed25519_public, station_identity.sign, args.interpreter_language,
                lifetime=args.invite_ttl))
            note(
                f"court: interpreter invitation ({args.interpreter_language}) written to {args.interpreter_invite_out}"
            )
        await court.ready()  # through the relay: registered, and TURN accepts the hearing's credentials
        write_invite(args.invite_out, data)
    except (LinkError, OSError) as exc:
        await court.close()
        return fail(
            f"cannot open the court station: {exc}", link_exit(exc) if isinstance(exc, LinkError) else EXIT_LINK
        )
    inv = court.invite
    assert inv is not None
    route = (f"through the court relay {inv.url}, TURN over {court.stats.turn_transport.upper()}" if inv.via == "relay"
             else f"signalling {host}:{port}")
    note(f"court: invitation written to {args.invite_out} (session {inv.session_id}, {route}, "
         f"court key {inv.court_key_fingerprint}); waiting room open")
    stats = await court.serve(args.duration, join_timeout=args.join_timeout)
    speakers.close()
    if stats.safety_code:
        note(f"court: safety code {stats.safety_code} (the witness station shows the same)")
    out = await asyncio.get_running_loop().run_in_executor(None, wiring.summary, stats, inv, args, t0, speakers)
    out["stopped_by"] = stop.name or None
    emit(out)
    if stop.requested:
        return 1 if out["errors"] else stop.exit_code
    relay_down = args.relay_info is not None and court._signal.down_since is not None
    if not stats.witness_admitted:
        if relay_down:
            return fail(f"no witness took part: {court._signal.last_error or 'the court relay is unreachable'}",
                        link_exit(court._signal.last_error))
        return fail(f"no witness took part ({stats.ended_by})", EXIT_LINK)
    if relay_down and stats.ended_by == "connection lost":
        return fail("the court relay went away in the middle of the hearing and did not come back in time "
                    f"({court._signal.last_error})", EXIT_RELAY_LOST)
    return 1 if out["errors"] else 0


RELAY_NOTES = {"relay lost": "the court relay went away; reconnecting…",
               "relay back": "the court relay is back; registered again"}


def _invite_media(wiring: CourtWiring, languages: list[str]) -> dict[str, Any]:
    """The plan's witness brief, its languages and the court vault's delivery keys (docs/delivery.md)."""
    from desktop.remote_court import invite_media, role_public_keys

    return invite_media(wiring.plan, wiring.vault.id, role_public_keys(wiring.vault), tuple(languages),
                        inbox=wiring.inbox)


def _court_windows(args: argparse.Namespace, wiring: CourtWiring, station_identity: Any, stop: StopRequest) -> int:
    """The clerk console in its remote mode, on the plan: the invitation (also written to
    ``--invite-out``), the waiting room with the safety code, the live hearing as for a witness in the
    building (masks by audience, breaks, timeline, interpretation channels, the judge's monitor), end
    and seal.  ``--admit-all``: scripted — admits at once and closes after ``--duration`` of hearing."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.link.summary import run_window, window_exit
    from desktop.remote_court import RemoteHearing, RemoteSettings, role_public_keys
    from recording.session import State
    from recording.transport.court_media import CourtSpeakers
    from recording.transport.errors import LinkError
    from recording.transport.invite import write_invite
    from ui.clerk.console import ClerkConsole
    from ui.concurrency import OpRunner
    from ui.session import SessionController

    app = QApplication.instance()
    plan, vault, settings = wiring.plan, wiring.vault, wiring.settings
    speakers = CourtSpeakers()
    speakers.open()

    def seal_record(meta: dict[str, Any], data: bytes) -> str:
        w = wiring._sink("session", meta)
        w.write(data)
        return str(w.seal())

    hearing = RemoteHearing(plan, station_identity, wiring._sink, seal_record, recipients=role_public_keys(vault),
                            vault_id=vault.id, speakers=speakers,
                            settings=RemoteSettings(listen=args.listen_at, relay=args.relay_info,
                                                    invite_ttl=args.invite_ttl,
                                                    encoder_preset=settings.encoder_preset,
                                                    open_for=max(args.join_timeout, 60.0)))
    hearing.auto_admit = bool(args.admit_all)
    ops = OpRunner("court-ops")
    controller = SessionController(hearing, ops)
    console = ClerkConsole(None, ops, controller=controller, high_contrast=settings.high_contrast)
    t0 = time.monotonic()
    try:
        data = hearing.open_waiting_room()
        write_invite(args.invite_out, data)
        for lang, idata in hearing.interpreter_invitations.items():
            out = args.interpreter_invite_out or args.invite_out.with_name(
                f"{args.invite_out.stem}-interpreter-{lang}{args.invite_out.suffix}")
            write_invite(out, idata)
            note(f"court: interpreter invitation ({lang}) written to {out}")
    except (LinkError, OSError) as exc:
        hearing.end()
        ops.shutdown()
        return fail(
            f"cannot open the court station: {exc}", link_exit(exc) if isinstance(exc, LinkError) else EXIT_LINK
        )
    note(f"court: invitation written to {args.invite_out}; waiting room open")
    result: dict[str, Any] = {}

    def ended(summary: Any) -> None:
        import dataclasses

        stats = hearing.stats or hearing.court.stats
        out = dataclasses.asdict(stats)
        out.update(
            errors=list(summary.errors),
            recordings=[r["id"] for r in summary.recordings],
            recording_id=summary.recordings[0]["id"] if summary.recordings else "",
            session_record=summary.session_record,
            court_key_fingerprint=hearing.court.invite.court_key_fingerprint if hearing.court.invite else "",
            invite=str(args.invite_out),
            vault=str(vault.root),
            speakers_message=speakers.message,
            wall_seconds=round(time.monotonic() - t0, 2),
        )
        result.update(out)
        emit(result)
        if args.admit_all:
            app.quit()

    controller.ended.connect(ended)
    if args.admit_all:  # scripted: end after --duration of hearing (or when the witness is gone)
        def tick() -> None:
            live_for = time.monotonic() - (hearing._live_since or time.monotonic())
            done = hearing.court.session_done and hearing.lifecycle.state is not State.WAITING
            over = controller.state in (State.LIVE, State.BREAK) and (live_for >= args.duration or done)
            nobody = controller.state is State.WAITING and time.monotonic() - t0 > args.join_timeout
            if (over or nobody) and not controller.busy:
                controller.end()
        timer = QTimer(console)
        timer.setInterval(200)
        timer.timeout.connect(tick)
        timer.start()
    console.show()
    # the console's "end the session?" never vetoes a signal; the received recordings are sealed
    run_window(app, stop, result, controller.end, seconds=20)
    ops.shutdown(wait=True)
    return window_exit(result, stop, "witness_admitted")
