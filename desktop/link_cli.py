"""``testimony-shield court`` and ``testimony-shield witness``: the two stations of a remote session.

Without ``--headless`` each opens its station window (ui/link): the court's waiting room with the
safety code, public display and judge's monitor; the witness's join window.  Headless (scripted
runs and tests)::

    testimony-shield court   --headless --vault DIR --invite-out FILE --duration S [--admit-all]
    testimony-shield witness --headless --join FILE --vault DIR --duration S [--break-at T [--break-length L]]

The court opens its vault, signs an invitation with the vault's station key, waits for the witness in
the waiting room (``--admit-all`` admits at once; otherwise a terminal prompt), records what it
receives (masked floor and every interpretation channel, tagged tracks) into its vault, plays the
floor on the courtroom speakers when there are any, sends the judge's camera (a calm demo card) to
the witness — never a camera of the accused — and prints a JSON summary (with the witness's breaks).  The witness checks the invitation (signature,
expiry, optional pinned court key), runs the live session on the demo witness, records locally (the
authoritative copy: masked + raw) and sends the COURT audience's masked media.  The last stdout line
of each is the JSON summary.  Exit codes: 0 done, 1 finished with errors, 2 bad input (invitation
refused, no passphrase), 3 link failed (court unreachable, refused, wrong fingerprint).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

from desktop import settings as settings_mod
from desktop.passphrase import NoPassphrase, read_passphrase


def register(subparsers) -> None:
    c = subparsers.add_parser("court", help="the court station of a remote session (hosts the link)")
    c.add_argument("--headless", action="store_true", help="no windows: run, record, seal, print a JSON summary")
    c.add_argument("--vault", type=Path, default=None, help="the court's vault folder")
    c.add_argument("--invite-out", type=Path, required=True, metavar="FILE",
                   help="where to write the signed invitation for the witness station")
    c.add_argument("--duration", type=float, default=60.0, help="seconds of session after admission (default 60)")
    c.add_argument("--admit-all", action="store_true", help="admit the witness from the waiting room at once")
    c.add_argument("--invite-ttl", type=float, default=600.0, help="invitation lifetime in seconds (default 600)")
    c.add_argument("--join-timeout", type=float, default=300.0, help="seconds to wait for the witness (default 300)")
    c.add_argument("--port", type=int, default=0, help="signalling port on 127.0.0.1 (default: any free port)")
    c.add_argument("--passphrase-file", type=Path, default=None,
                   help="file holding the passphrase (else TESTIMONY_SHIELD_PASSPHRASE, else a prompt)")
    c.add_argument("--interpreter-invite-out", type=Path, default=None, metavar="FILE",
                   help="also invite a remote interpreter station: write its own invitation here")
    c.add_argument("--interpreter-language", default="spa", metavar="LANG",
                   help="the remote interpreter's channel, ISO 639-2 (default spa)")
    c.set_defaults(func=run_court)

    i = subparsers.add_parser("interpreter", help="a remote interpreter station (joins a court, sends a language channel)")
    i.add_argument("--headless", action="store_true", help="no windows (the only mode for now)")
    i.add_argument("--join", type=Path, required=True, metavar="FILE", help="the court's interpreter invitation")
    i.add_argument("--language", default="spa", metavar="LANG", help="the channel interpreted into, ISO 639-2")
    i.add_argument("--duration", type=float, default=60.0, help="seconds of session (default 60)")
    i.add_argument("--court-key", default=None, metavar="HEX", help="pin the court station's Ed25519 public key (hex)")
    i.add_argument("--admit-timeout", type=float, default=300.0, help="seconds to wait in the waiting room")
    i.set_defaults(func=run_interpreter)

    w = subparsers.add_parser("witness", help="the witness station of a remote session (joins a court)")
    w.add_argument("--headless", action="store_true", help="no windows: run, record, seal, print a JSON summary")
    w.add_argument("--join", type=Path, required=True, metavar="FILE", help="the court's invitation file")
    w.add_argument("--vault", type=Path, default=None, help="the witness station's vault folder")
    w.add_argument("--duration", type=float, default=60.0, help="seconds of session (default 60)")
    w.add_argument("--size", default=None, metavar="WxH", help="demo video size (default: the settings')")
    w.add_argument("--fps", type=int, default=None, help="demo frame rate (default: the settings')")
    w.add_argument("--court-key", default=None, metavar="HEX",
                   help="pin the court station's Ed25519 public key (hex): refuse invitations signed by any other")
    w.add_argument("--admit-timeout", type=float, default=300.0, help="seconds to wait in the waiting room")
    w.add_argument("--break-at", type=float, default=None, metavar="T",
                   help="scripted runs: the witness takes a break T seconds after going live")
    w.add_argument("--break-length", type=float, default=2.0, metavar="L",
                   help="length of the scripted break in seconds (default 2)")
    w.add_argument("--passphrase-file", type=Path, default=None,
                   help="file holding the passphrase (else TESTIMONY_SHIELD_PASSPHRASE, else a prompt)")
    w.set_defaults(func=run_witness)


def _fail(msg: str, code: int) -> int:
    print(f"testimony-shield: {msg}", file=sys.stderr)
    return code


def _note(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- court ------------------------------------------------------------------------------------------


def run_court(args: argparse.Namespace) -> int:
    if not args.headless:
        from desktop.app import create_application, import_cv2

        create_application()  # before anything imports cv2
        import_cv2()
    from vault.errors import VaultError
    from vault.store import STATION, Vault

    settings = settings_mod.load()
    try:
        passphrase = read_passphrase(args.passphrase_file)
    except NoPassphrase as exc:
        return _fail(str(exc), 2)
    vault_dir = args.vault or settings.vault_path
    try:
        vault = Vault.open_or_init(vault_dir, passphrase)
        vault.recover()
        station = vault.unlock(STATION, passphrase)  # its Ed25519 key signs the invitation (audited)
    except VaultError as exc:
        return _fail(f"cannot open the court's vault: {exc}", getattr(exc, "exit_code", 2))
    if not args.headless:
        return _court_windows(args, settings, vault, passphrase, station)
    return asyncio.run(_court(args, settings, vault, passphrase, station))


def _court_summary(stats: Any, recorders: list, errors: list[str], inv: Any, vault: Any, args: argparse.Namespace,
                   t0: float) -> dict[str, Any]:
    recording_ids = []
    for rec in recorders:
        rec.extra_meta["breaks"] = list(stats.breaks)
        rid = rec.stop()
        if rid:
            recording_ids.append(rid)
        if rec.error:
            errors.append(rec.error)
    out = dataclasses.asdict(stats)
    out.update(errors=errors, recording_id=recording_ids[0] if recording_ids else "", recordings=recording_ids,
               recorded_frames=sum(r.frames for r in recorders),
               recorded_audio_tracks=[t.language for t in recorders[0].audio_tracks()] if recorders else [],
               recorded_audio_blocks=recorders[0].audio_blocks if recorders else {},
               recorder_dropped=sum(r.dropped for r in recorders),
               court_key_fingerprint=inv.court_key_fingerprint, vault=str(vault.root), invite=str(args.invite_out),
               duration=args.duration, wall_seconds=round(time.monotonic() - t0, 2))
    return out


def _court_windows(args: argparse.Namespace, settings: settings_mod.Settings, vault: Any, passphrase: str,
                   station_identity: Any) -> int:
    """The court station's windows: waiting room + public display, and the judge's monitor."""
    from PySide6.QtWidgets import QApplication

    from recording.model import Audience
    from recording.session import demo_plan
    from recording.transport.court import ReceivedRecorder
    from recording.transport.court_media import CourtSpeakers, questioner_cameras
    from recording.transport.errors import LinkError
    from recording.transport.invite import write_invite
    from ui.link.court_window import CourtLink, CourtStationWindow, JudgeMonitorWindow
    from ui.link.loop import LoopThread

    app = QApplication.instance()
    plan = demo_plan()
    meta = {"case_number": plan.case_number,
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "source": "remote link (received)"}
    recorders: list[ReceivedRecorder] = []
    loop = LoopThread()
    judge = JudgeMonitorWindow(authorised=plan.unmasked(Audience.JUDGE))
    speakers = CourtSpeakers()
    speakers.open()

    def admitted(request: dict[str, Any]) -> None:  # link thread
        if request.get("station") == "interpreter":
            return
        fps = request.get("media", {}).get("fps", 30)
        fps = int(fps) if isinstance(fps, int | float) and 1 <= fps <= 60 else 30
        rec = ReceivedRecorder(lambda kind, m: vault.create_recording(m, recipients=["judge", "clerk"],
                                                                      signer_passphrase=passphrase),
                               {**meta, "link_session": link.court.stats.session_id}, fps=fps,
                               preset=settings.encoder_preset, language=plan.floor_language,
                               channels=_channels(plan, request))
        rec.start()
        recorders.append(rec)
        link.court.consumers.append(rec)

    link = CourtLink(loop, judge_monitor=judge.authorised, judge_consumers=[judge.consumer], on_admitted=admitted,
                     consumers=[speakers], plan=plan, to_witness=questioner_cameras(plan))
    def write_interpreter_invite(language: str, data: bytes) -> str:
        out = args.interpreter_invite_out or args.invite_out.with_name(
            f"{args.invite_out.stem}-interpreter-{language}{args.invite_out.suffix}")
        write_invite(out, data)
        _note(f"court: interpreter invitation ({language}) written to {out}")
        return str(out)

    window = CourtStationWindow(link, plan.case_number, judge=judge, speakers_message=speakers.message,
                                write_interpreter_invite=write_interpreter_invite)
    link.court.consumers.append(window.public)
    t0 = time.monotonic()
    try:
        data = link.open(station_identity.ed25519_public, station_identity.sign, lifetime=args.invite_ttl,
                         media={"case_number": plan.case_number})
        write_invite(args.invite_out, data)
    except (LinkError, OSError) as exc:
        loop.stop()
        return _fail(f"cannot open the court station: {exc}", 3)
    inv = link.court.invite
    _note(f"court: invitation written to {args.invite_out}; waiting room open")
    result: dict[str, Any] = {}

    def finished(stats: Any) -> None:
        speakers.close()
        result.update(_court_summary(stats, recorders, list(stats.errors), inv, vault, args, t0))
        result.update(speakers_message=speakers.message, speaker_blocks_played=speakers.blocks)
        print(json.dumps(result), flush=True)

    link.finished.connect(finished)
    if args.admit_all:  # scripted runs: admit at once, close the windows when the session ends
        link.join_requested.connect(lambda request: link.decide(True))
        link.finished.connect(lambda stats: app.quit())
    link.serve(args.duration, join_timeout=args.join_timeout)
    window.show()
    if judge.authorised:
        judge.show()
    app.exec()
    if not result:  # the window was closed before the session ended
        _finish_after_close(app, link.end, result, seconds=5)
    loop.stop()
    if not result or not result.get("witness_admitted"):
        return 3
    return 1 if result.get("errors") else 0


def _finish_after_close(app: Any, stop: Any, result: dict[str, Any], seconds: float) -> None:
    """A station window was closed before its session ended: ``stop()`` the link, then let Qt deliver
    the final summary (into ``result``) for up to ``seconds``."""
    stop()
    deadline = time.monotonic() + seconds
    while not result and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)


def _channels(plan: Any, request: dict[str, Any], extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Interpretation channels to record: the court plan's languages and those the joining station
    announces (``court/audio/<lang>`` labels), each an ISO 639-2 code."""
    from recording.transport import tracks as labels

    announced = request.get("media", {}).get("tracks", [])
    theirs = [labels.channel(t) for t in announced if isinstance(t, str) and labels.valid(t)
              and labels.audience(t) == "court" and labels.channel(t) not in (None, "floor")]
    return tuple(dict.fromkeys([*plan.languages, *extra,
                                *(c for c in theirs if c and len(c) == 3 and c.isalpha())]))


async def _ask_admit(request: dict[str, Any]) -> bool:
    if not (sys.stdin is not None and sys.stdin.isatty()):
        _note("court: a witness station is in the waiting room, but there is no terminal to admit it on "
              "(use --admit-all for scripted runs): refused")
        return False
    answer = await asyncio.get_running_loop().run_in_executor(
        None, input, f"Admit the {request.get('station')} station from {request.get('peer')}? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


async def _court(args: argparse.Namespace, settings: settings_mod.Settings, vault: Any, passphrase: str,
                 station_identity: Any) -> int:
    from recording.model import Audience
    from recording.session import demo_plan
    from recording.transport.court import CourtStation, ReceivedRecorder, admit_all
    from recording.transport.court_media import CourtSpeakers, questioner_cameras
    from recording.transport.errors import LinkError
    from recording.transport.invite import write_invite
    from ui.link.status import court_text

    plan = demo_plan()
    meta = {"case_number": plan.case_number,
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "source": "remote link (received)"}
    recorders: list[ReceivedRecorder] = []
    speakers = CourtSpeakers()
    speakers.open()
    _note(f"court: {speakers.message}")
    interp = (args.interpreter_language,) if args.interpreter_invite_out else ()

    def sink(kind: str, m: dict[str, Any]):  # noqa: ANN202
        return vault.create_recording(m, recipients=["judge", "clerk"], signer_passphrase=passphrase)

    async def admit(request: dict[str, Any]) -> bool:
        ok = await (admit_all(request) if args.admit_all else _ask_admit(request))
        if ok and request.get("station") != "interpreter":
            fps = request.get("media", {}).get("fps", 30)
            fps = int(fps) if isinstance(fps, int | float) and 1 <= fps <= 60 else 30
            rec = ReceivedRecorder(sink, {**meta, "link_session": court.stats.session_id}, fps=fps,
                                   preset=settings.encoder_preset, language=plan.floor_language,
                                   channels=_channels(plan, request, interp))
            rec.start()
            recorders.append(rec)
            court.consumers.append(rec)
        return ok

    def on_state(state: str) -> None:
        if state in ("reconnecting", "live", "admitting", "break"):
            _note(f"court: {court_text(state)}")

    # the judge's monitor gets the unmasked witness only when the court's plan authorises the judge;
    # the witness gets the judge's camera (the plan's gate refuses any camera of the accused)
    court = CourtStation(admit=admit, judge_monitor=plan.unmasked(Audience.JUDGE), on_state=on_state,
                         consumers=[speakers], plan=plan, to_witness=questioner_cameras(plan))
    t0 = time.monotonic()
    try:
        host, port = await court.open()
        # the witness station offers a listening slot for each channel a remote interpreter may fill
        languages = list(dict.fromkeys([*plan.languages, *interp]))
        data = court.invitation(station_identity.ed25519_public, station_identity.sign, lifetime=args.invite_ttl,
                                media={"case_number": plan.case_number, "languages": languages})
        if args.interpreter_invite_out:
            write_invite(args.interpreter_invite_out, court.interpreter_invitation(
                station_identity.ed25519_public, station_identity.sign, args.interpreter_language,
                lifetime=args.invite_ttl))
            _note(f"court: interpreter invitation ({args.interpreter_language}) written to {args.interpreter_invite_out}")
        write_invite(args.invite_out, data)
    except (LinkError, OSError) as exc:
        await court.close()
        return _fail(f"cannot open the court station: {exc}", 3)
    inv = court.invite
    assert inv is not None
    _note(f"court: invitation written to {args.invite_out} (session {inv.session_id}, signalling {host}:{port}, "
          f"court key {inv.court_key_fingerprint}); waiting room open")
    stats = await court.serve(args.duration, join_timeout=args.join_timeout)
    speakers.close()
    if stats.safety_code:
        _note(f"court: safety code {stats.safety_code} (the witness station shows the same)")
    loop = asyncio.get_running_loop()
    errors = list(stats.errors)
    out = await loop.run_in_executor(None, _court_summary, stats, recorders, errors, inv, vault, args, t0)
    out.update(speakers=speakers.available or speakers.blocks > 0, speakers_message=speakers.message,
               speaker_blocks_played=speakers.blocks)
    print(json.dumps(out), flush=True)
    if not stats.witness_admitted:
        return _fail(f"no witness took part ({stats.ended_by})", 3)
    return 1 if errors else 0


# -- interpreter ------------------------------------------------------------------------------------


def run_interpreter(args: argparse.Namespace) -> int:
    """A remote interpreter station: joins with its own invitation, hears the masked floor, sends its
    language channel (the demo interpreter).  Headless only; the last stdout line is a JSON summary."""
    from recording.transport.errors import InviteError, LinkError
    from recording.transport.invite import load_invite

    try:
        pin = bytes.fromhex(args.court_key) if args.court_key else None
    except ValueError:
        return _fail("--court-key is not a hex Ed25519 public key", 2)
    try:
        invite = load_invite(args.join, court_key=pin)
    except InviteError as exc:
        return _fail(f"invitation refused: {exc}", 2)
    try:
        return asyncio.run(_interpreter(args, invite))
    except LinkError as exc:
        return _fail(f"cannot join the court: {exc}", 3)


async def _interpreter(args: argparse.Namespace, invite: Any) -> int:
    from recording.sources.demo import demo_interpreter_source
    from recording.transport.errors import LinkError
    from recording.transport.interpreter import InterpreterLink

    t0 = time.monotonic()
    source = demo_interpreter_source(args.language)
    source.open()
    try:
        link = InterpreterLink(invite, args.language, source)
    except LinkError as exc:
        return _fail(f"invitation refused: {exc}", 2)
    try:
        _note(f"interpreter: joining session {invite.session_id}; safety code {link.safety_code}")
        await link.join(admit_timeout=args.admit_timeout)
        await link.start_media()
        _note(f"interpreter: admitted; sending the {args.language} channel")
        await link.run(args.duration)
    except LinkError as exc:
        await link.close("could not start")
        return _fail(f"cannot join the court: {exc}", 3)
    await link.close()
    source.close()
    out = link.stats()
    out.update(duration=args.duration, wall_seconds=round(time.monotonic() - t0, 2))
    print(json.dumps(out), flush=True)
    return 0 if out["blocks_sent"] else 3


# -- witness ----------------------------------------------------------------------------------------


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size '{text}' is not WIDTHxHEIGHT (e.g. 640x360)") from None
    if not (16 <= w <= 3840 and 16 <= h <= 2160) or w % 2 or h % 2:
        raise ValueError(f"--size '{text}' is out of range (even sizes from 16x16 to 3840x2160)")
    return w, h


def run_witness(args: argparse.Namespace) -> int:
    if not args.headless:
        from desktop.app import create_application, import_cv2

        create_application()  # before anything imports cv2
        import_cv2()
    from recording.transport.errors import InviteError
    from recording.transport.invite import load_invite

    try:
        pin = bytes.fromhex(args.court_key) if args.court_key else None
    except ValueError:
        return _fail("--court-key is not a hex Ed25519 public key", 2)
    try:
        invite = load_invite(args.join, court_key=pin)
    except InviteError as exc:
        return _fail(f"invitation refused: {exc}", 2)
    settings = settings_mod.load()
    try:
        size = _parse_size(args.size) if args.size else tuple(settings.video_size)
    except ValueError as exc:
        return _fail(str(exc), 2)
    fps = args.fps or settings.fps
    try:
        passphrase = read_passphrase(args.passphrase_file)
    except NoPassphrase as exc:
        return _fail(str(exc), 2)

    from desktop.live import LiveSession
    from recording.session import demo_plan
    from recording.sources.demo import DemoVideoSource, demo_audio_source, demo_interpreter_source
    from recording.transport.witness import RemoteInterpretation
    from vault.errors import VaultError
    from vault.store import Vault

    # the channels the court says a (remote) interpreter may fill: each is a listening channel here,
    # played from the remote interpreter while one is connected, else the local demo interpreter
    languages = _invite_languages(invite)
    remote = {lang: RemoteInterpretation(lang, demo_interpreter_source(lang)) for lang in languages}
    vault_dir = args.vault or settings.vault_path
    try:
        vault = Vault.open_or_init(vault_dir, passphrase)
        vault.recover()
        session = LiveSession(demo_plan(languages=languages), settings, vault, passphrase, realtime=True,
                              video=DemoVideoSource(size, fps), audio=demo_audio_source(),
                              interpreters=remote or None)
    except VaultError as exc:
        return _fail(f"cannot open the witness station's vault: {exc}", getattr(exc, "exit_code", 2))
    except Exception as exc:  # a clear message for any set-up failure
        return _fail(f"cannot start the witness session: {exc}", 2)
    if not args.headless:
        return _witness_window(args, invite, session, size, fps, remote)
    return asyncio.run(_witness(args, invite, session, size, fps, remote))


def _invite_languages(invite: Any) -> tuple[str, ...]:
    """The interpretation channels the court's signed invitation names (ISO 639-2 codes only)."""
    from recording.transport import tracks as labels

    raw = invite.media.get("languages", [])
    return tuple(dict.fromkeys(x for x in raw if isinstance(x, str) and len(x) == 3 and x.isalpha()
                               and labels.is_to_witness_audio(f"witness/audio/{x}"))) if isinstance(raw, list) else ()


async def _scripted_break(session: Any, at: float, length: float) -> None:
    """Scripted runs: the witness takes a break ``at`` seconds after going live, for ``length``
    seconds (as the witness's break button does: LiveSession.request_break / end_break)."""
    await asyncio.sleep(max(0.0, at))
    session.request_break("witness")
    _note(f"witness: break taken ({length:g} s)")
    await asyncio.sleep(max(0.0, length))
    session.end_break()
    _note("witness: ready to continue")


def _witness_window(args: argparse.Namespace, invite: Any, session: Any, size: tuple[int, int], fps: int,
                    remote: dict[str, Any]) -> int:
    """The witness station's join window: safety code, status, masked self-view."""
    from PySide6.QtWidgets import QApplication

    from recording.transport.errors import LinkError
    from ui.link.loop import LoopThread
    from ui.link.witness_window import WitnessLinkRunner, WitnessStationWindow

    app = QApplication.instance()
    loop = LoopThread()
    t0 = time.monotonic()
    session.pipeline.max_frames = int(round(args.duration * fps))

    def admitted() -> None:  # link thread: the local recording (authoritative) starts now
        session.start_recording()
        session.go_live()

    session.open_waiting_room()
    try:
        runner = WitnessLinkRunner(loop, invite, session.pipeline,
                                   media={"fps": fps, "size": list(size), "audience": "court"}, on_admitted=admitted,
                                   remote_channels=remote or None)
    except LinkError as exc:
        loop.stop()
        return _fail(str(exc), 2)
    window = WitnessStationWindow(runner, invite.media.get("case_number", ""), session=session)
    result: dict[str, Any] = {}

    def finished(stats: dict[str, Any]) -> None:
        summary = session.end()
        out = dataclasses.asdict(summary)
        out.update(stats)
        out.update(session_id=invite.session_id, court_key_fingerprint=invite.court_key_fingerprint,
                   recording_id=next((r["id"] for r in summary.recordings if r["kind"] == "masked"), ""),
                   size=list(size), fps=fps, duration=args.duration, vault=str(session.vault.root),
                   wall_seconds=round(time.monotonic() - t0, 2))
        result.update(out)
        print(json.dumps(out), flush=True)

    runner.finished.connect(finished)
    runner.start()
    window.show()
    app.exec()
    if not result:  # the window was closed before the session ended
        _finish_after_close(app, runner.leave, result, seconds=10)
    loop.stop()
    if not result or not result.get("frames_sent"):
        return 3
    return 1 if result.get("errors") else 0


async def _witness(args: argparse.Namespace, invite: Any, session: Any, size: tuple[int, int], fps: int,
                   remote: dict[str, Any]) -> int:
    from recording.transport.errors import LinkError
    from recording.transport.witness import LinkFeed, WitnessLink

    loop = asyncio.get_running_loop()
    t0 = time.monotonic()
    feed = LinkFeed(loop)
    try:
        # the judge's unmasked tracks: only if this station's plan authorises the judge AND the court
        # says (in its signed invitation) that it has a judge's monitor
        feed.attach(session.pipeline, judge=invite.media.get("judge_monitor") is True)
    except LinkError as exc:
        return _fail(str(exc), 2)

    def on_state(state: str) -> None:
        if state in ("reconnecting", "live"):
            _note(f"witness: {'reconnecting…' if state == 'reconnecting' else state}")

    link = WitnessLink(invite, feed, media={"fps": fps, "size": list(size), "audience": feed.audience.value},
                       on_state=on_state, remote_channels=remote or None)
    try:
        session.open_waiting_room()
        _note(f"witness: joining session {invite.session_id} at {invite.host}:{invite.port}; "
              f"safety code {link.safety_code}")
        await link.join(admit_timeout=args.admit_timeout)
        await link.start_media()
    except LinkError as exc:
        await link.close("could not start")
        session.pipeline.stop()
        return _fail(f"cannot join the court: {exc}", 3)
    _note(f"witness: admitted; safety code {link.safety_code} (the court station shows the same)")
    session.pipeline.max_frames = int(round(args.duration * fps))
    session.start_recording()  # the local recording is the authoritative copy
    session.go_live()
    scripted = asyncio.ensure_future(_scripted_break(session, args.break_at, args.break_length)) \
        if args.break_at is not None else None
    reason = await link.run_until(session.pipeline.finished.is_set)
    if scripted is not None:
        scripted.cancel()
    await link.close("the witness session ended" if reason == "done" else reason)
    summary = await loop.run_in_executor(None, session.end)
    out = dataclasses.asdict(summary)
    out.update(link.stats())
    out.update(ended_by_court=reason == "court", session_id=invite.session_id, court_key_fingerprint=invite.court_key_fingerprint,
               recording_id=next((r["id"] for r in summary.recordings if r["kind"] == "masked"), ""),
               size=list(size), fps=fps, duration=args.duration, vault=str(session.vault.root),
               wall_seconds=round(time.monotonic() - t0, 2))
    print(json.dumps(out), flush=True)
    return 1 if summary.errors else 0
