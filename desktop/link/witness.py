"""``testimony-shield witness``: the witness station of a remote session.

The witness checks the invitation (signature, expiry, optional pinned court key), runs the live
session on the demo witness, records locally (the authoritative copy: masked + raw) and sends the
COURT audience's masked media; the judge's unmasked tracks only when its plan authorises the judge
and the court's signed invitation says it has a judge's monitor.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from desktop import settings as settings_mod
from desktop.link.cli import court_key_pin, parse_size
from desktop.link.summary import (
    EXIT_BAD_INPUT,
    EXIT_LINK,
    emit,
    fail,
    finish_after_close,
    note,
    open_station_vault,
    witness_summary,
)
from desktop.passphrase import NoPassphrase, read_passphrase


def run_witness(args: argparse.Namespace) -> int:
    if not args.headless:
        from desktop.app import create_application, import_cv2

        create_application()  # before anything imports cv2
        import_cv2()
    from recording.transport.errors import InviteError
    from recording.transport.invite import load_invite

    try:
        pin = court_key_pin(args)
    except ValueError:
        return fail("--court-key is not a hex Ed25519 public key", EXIT_BAD_INPUT)
    try:
        invite = load_invite(args.join, court_key=pin)
    except InviteError as exc:
        return fail(f"invitation refused: {exc}", EXIT_BAD_INPUT)
    settings = settings_mod.load()
    try:
        size = parse_size(args.size) if args.size else tuple(settings.video_size)
    except ValueError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    fps = args.fps or settings.fps
    try:
        passphrase = read_passphrase(args.passphrase_file)
    except NoPassphrase as exc:
        return fail(str(exc), EXIT_BAD_INPUT)

    from desktop.live import LiveSession
    from recording.session import demo_plan
    from recording.sources.demo import DemoVideoSource, demo_audio_source, demo_interpreter_source
    from recording.transport import tracks as labels
    from recording.transport.remote_interpretation import RemoteInterpretation
    from vault.errors import VaultError

    # the channels the court says a (remote) interpreter may fill: each is a listening channel here,
    # played from the remote interpreter while one is connected, else the local demo interpreter
    languages = labels.invite_languages(invite.media)
    remote = {lang: RemoteInterpretation(lang, demo_interpreter_source(lang)) for lang in languages}
    try:
        vault = open_station_vault(args.vault or settings.vault_path, passphrase)
        session = LiveSession(demo_plan(languages=languages), settings, vault, passphrase, realtime=True,
                              video=DemoVideoSource(size, fps), audio=demo_audio_source(),
                              interpreters=remote or None)
    except VaultError as exc:
        return fail(f"cannot open the witness station's vault: {exc}", getattr(exc, "exit_code", EXIT_BAD_INPUT))
    except Exception as exc:  # a clear message for any set-up failure
        return fail(f"cannot start the witness session: {exc}", EXIT_BAD_INPUT)
    if args.break_at is not None:
        _script_break(session, args.break_at, args.break_length)
    if not args.headless:
        return _witness_window(args, invite, session, size, fps, remote)
    return asyncio.run(_witness(args, invite, session, size, fps, remote))


def _script_break(session: Any, at: float, length: float) -> None:
    """Scripted runs: the witness takes a break at ``at`` seconds of the session's media time (the
    recording's clock, the one the break log uses) for ``length`` seconds, as the witness's break
    button does (``LiveSession.request_break`` / ``end_break``).  Driven by the frames the pipeline
    produces, so a loaded machine (whose pipeline runs up to its latency budget behind the wall
    clock) cannot move the break earlier in the recording."""
    from desktop.headless import BreakScript
    from recording.model import Audience

    session.pipeline.subscribe({Audience.COURT}, BreakScript(session, at, max(0.0, length)))


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
        return fail(str(exc), EXIT_BAD_INPUT)
    window = WitnessStationWindow(runner, invite.media.get("case_number", ""), session=session)
    result: dict[str, Any] = {}

    def finished(stats: dict[str, Any]) -> None:
        result.update(witness_summary(session.end(), stats, invite, size, fps, args.duration, session.vault, t0))
        emit(result)

    runner.finished.connect(finished)
    runner.start()
    window.show()
    app.exec()
    if not result:  # the window was closed before the session ended
        finish_after_close(app, runner.leave, result, seconds=10)
    loop.stop()
    if not result or not result.get("frames_sent"):
        return EXIT_LINK
    return 1 if result.get("errors") else 0


async def _witness(args: argparse.Namespace, invite: Any, session: Any, size: tuple[int, int], fps: int,
                   remote: dict[str, Any]) -> int:
    from recording.transport.errors import LinkError
    from recording.transport.link_feed import LinkFeed
    from recording.transport.witness import WitnessLink

    loop = asyncio.get_running_loop()
    t0 = time.monotonic()
    feed = LinkFeed(loop)
    try:
        # the judge's unmasked tracks: only if this station's plan authorises the judge AND the court
        # says (in its signed invitation) that it has a judge's monitor
        feed.attach(session.pipeline, judge=invite.media.get("judge_monitor") is True)
    except LinkError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)

    def on_state(state: str) -> None:
        if state in ("reconnecting", "live"):
            note(f"witness: {'reconnecting…' if state == 'reconnecting' else state}")

    link = WitnessLink(invite, feed, media={"fps": fps, "size": list(size), "audience": feed.audience.value},
                       on_state=on_state, remote_channels=remote or None)
    try:
        session.open_waiting_room()
        note(f"witness: joining session {invite.session_id} at {invite.host}:{invite.port}; "
             f"safety code {link.safety_code}")
        await link.join(admit_timeout=args.admit_timeout)
        await link.start_media()
    except LinkError as exc:
        await link.close("could not start")
        session.pipeline.stop()
        return fail(f"cannot join the court: {exc}", EXIT_LINK)
    note(f"witness: admitted; safety code {link.safety_code} (the court station shows the same)")
    session.pipeline.max_frames = int(round(args.duration * fps))
    session.start_recording()  # the local recording is the authoritative copy
    session.go_live()
    reason = await link.run_until(session.pipeline.finished.is_set)
    await link.close("the witness session ended" if reason == "done" else reason)
    summary = await loop.run_in_executor(None, session.end)
    emit(witness_summary(summary, link.stats(), invite, size, fps, args.duration, session.vault, t0,
                         ended_by_court=reason == "court"))
    return 1 if summary.errors else 0
