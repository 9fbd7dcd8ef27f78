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
from pathlib import Path
from typing import Any

from desktop import settings as settings_mod
from desktop.link.cli import joined_invite, parse_size, window_first
from desktop.link.summary import (
    EXIT_BAD_INPUT,
    EXIT_LINK,
    emit,
    fail,
    link_exit,
    note,
    open_station_vault,
    run_window,
    window_exit,
    witness_summary,
)
from desktop.passphrase import NoPassphrase, read_passphrase
from desktop.signals import Stopped, StopRequest


def run_witness(args: argparse.Namespace) -> int:
    """SIGTERM/SIGHUP/SIGINT end the session cleanly (recordings sealed, summary printed), exit 128+N."""
    with StopRequest() as stop:
        return _run_witness(args, stop)


def _run_witness(args: argparse.Namespace, stop: StopRequest) -> int:
    window_first(args)
    from recording.transport.errors import InviteError

    invite = joined_invite(args)
    if isinstance(invite, int):
        return invite
    settings = settings_mod.load()
    try:
        size = parse_size(args.size) if args.size else tuple(settings.video_size)
    except ValueError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    fps = args.fps or settings.fps
    try:
        passphrase = read_passphrase(args.passphrase_file, role="station")
    except NoPassphrase as exc:
        return fail(str(exc), EXIT_BAD_INPUT)

    from desktop.remote_witness import build_session, witness_plan
    from recording.sources.demo import DemoVideoSource, demo_audio_source
    from vault.errors import VaultError

    try:  # the court's plan, as its signed invitation tells it (never the demo plan)
        witness_plan(invite)
    except InviteError as exc:
        return fail(f"invitation refused: {exc}", EXIT_BAD_INPUT)
    if not args.headless:
        return _witness_window(args, invite, settings, passphrase, size, fps, stop)
    try:
        vault = open_station_vault(args.vault or settings.vault_path, passphrase)
        # the channels the court says a (remote) interpreter may fill are listening channels here,
        # played from the remote interpreter while one is connected, else the local demo interpreter
        session, remote = build_session(invite, settings, vault, passphrase, video=DemoVideoSource(size, fps),
                                        audio=demo_audio_source())
    except InviteError as exc:
        return fail(f"invitation refused: {exc}", EXIT_BAD_INPUT)
    except VaultError as exc:
        return fail(f"cannot open the witness station's vault: {exc}", getattr(exc, "exit_code", EXIT_BAD_INPUT))
    except Exception as exc:  # a clear message for any set-up failure
        return fail(f"cannot start the witness session: {exc}", EXIT_BAD_INPUT)
    if stop.requested:
        session.pipeline.stop()
        return fail(f"{stop.name} before the session began; nothing recorded", stop.exit_code)
    if args.break_at is not None:
        _script_break(session, args.break_at, args.break_length)
    return asyncio.run(_witness(args, invite, session, size, fps, remote, passphrase, stop))


def _script_break(session: Any, at: float, length: float) -> None:
    """Scripted runs: the witness takes a break at ``at`` seconds of the session's media time (the
    recording's clock, the one the break log uses) for ``length`` seconds, as the witness's break
    button does (``LiveSession.request_break`` / ``end_break``).  Driven by the frames the pipeline
    produces, so a loaded machine (whose pipeline runs up to its latency budget behind the wall
    clock) cannot move the break earlier in the recording."""
    from desktop.headless import BreakScript
    from recording.model import Audience

    session.pipeline.subscribe({Audience.COURT}, BreakScript(session, at, max(0.0, length)))


def _witness_window(args: argparse.Namespace, invite: Any, settings: Any, passphrase: str, size: tuple[int, int],
                    fps: int, stop: StopRequest) -> int:
    """The whole witness station (screen language, text size, contrast, the "who can see and hear me
    now" panel from the court's plan, the rehearsal, the break button and grounding screen), joined to
    the court from the invitation given: the safety code, the waiting room, the hearing, the end."""
    import types

    from PySide6.QtWidgets import QApplication

    from desktop.app import _rehearsal_factory, _witness_language
    from desktop.remote_witness import RemoteWitnessFlow, deliver_bundle
    from recording.sources.demo import DemoVideoSource, demo_audio_source
    from ui.concurrency import OpRunner
    from ui.witness.station import WitnessStation

    app = QApplication.instance()
    ops = OpRunner("witness-ops")
    t0 = time.monotonic()
    demo = bool(args.size or args.fps)  # a scripted size or rate: the demo witness at that size

    def sources() -> tuple[Any, Any]:
        return (DemoVideoSource(size, fps), demo_audio_source()) if demo else (None, None)

    def deliver(inv: Any, session: Any, summary: Any) -> Any:
        return deliver_bundle(session.vault, inv, passphrase, args.bundle_out)

    station = WitnessStation(high_contrast=settings.high_contrast, text_scale=settings.text_scale,
                             language=_witness_language(settings),
                             rehearsal_factory=_rehearsal_factory(types.SimpleNamespace(settings=settings)),
                             join=lambda data: flow.join(data))
    flow = RemoteWitnessFlow(station, settings, ops,
                             open_vault=lambda: (open_station_vault(args.vault or settings.vault_path, passphrase),
                                                 passphrase),
                             sources=sources, deliver=deliver, duration=args.duration)
    result: dict[str, Any] = {}

    def finished(out: dict[str, Any]) -> None:
        out.update(size=list(size), fps=fps, duration=args.duration, wall_seconds=round(time.monotonic() - t0, 2))
        result.update(out)
        emit(result)

    flow.finished_callbacks.append(finished)
    station.show()
    try:
        flow.join(Path(args.join).read_bytes())
    except Exception as exc:
        station.close()
        ops.shutdown()
        return fail(f"cannot start the witness session: {exc}", EXIT_BAD_INPUT)
    run_window(app, stop, result, flow.leave, seconds=15)  # the station's recordings are sealed
    flow.close()
    ops.shutdown(wait=True)
    return window_exit(result, stop, "frames_sent")


async def _witness(args: argparse.Namespace, invite: Any, session: Any, size: tuple[int, int], fps: int,
                   remote: dict[str, Any], passphrase: str, stop: StopRequest) -> int:
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

    from desktop.remote_witness import PanelLog, deliver_bundle, join_media

    panel = PanelLog(session.plan)  # what the witness's "who can see and hear me now" panel shows
    link = WitnessLink(invite, feed, media=join_media(session.vault, fps, size, feed.audience.value),
                       on_state=on_state, remote_channels=remote or None)
    link.on_court_break = lambda: session.request_break("clerk")  # the clerk's planned break
    try:
        session.open_waiting_room()
        panel.saw(session.lifecycle.state)
        where = "through the court relay" if invite.via == "relay" else "at"
        note(f"witness: joining session {invite.session_id} {where} {invite.host}:{invite.port}; "
             f"safety code {link.safety_code}")
        await stop.race(link.join(admit_timeout=args.admit_timeout))
        await stop.race(link.start_media())
    except LinkError as exc:
        await link.close("could not start")
        session.pipeline.stop()
        return fail(f"cannot join the court: {exc}", link_exit(exc))
    except Stopped:  # told to stop in the waiting room: nothing was recorded yet
        await link.close(f"the witness station was stopped ({stop.name})")
        session.pipeline.stop()
        return fail(f"{stop.name} in the waiting room; nothing recorded", stop.exit_code)
    via = f"; media through TURN over {link.turn.transport.upper()}" if link.turn is not None else ""
    note(f"witness: admitted; safety code {link.safety_code} (the court station shows the same){via}")
    session.pipeline.max_frames = int(round(args.duration * fps))
    session.start_recording()  # the local recording is the authoritative copy
    session.go_live()
    panel.saw(session.lifecycle.state)
    watch = asyncio.ensure_future(_watch_panel(session, panel))
    # SIGTERM/SIGHUP/SIGINT end the hearing as its end would: the recordings are sealed below
    reason = await link.run_until(lambda: session.pipeline.finished.is_set() or stop.requested)
    session.pipeline.stop()  # the camera and the microphone stop at once; then everything is sealed
    watch.cancel()
    if stop.requested and reason == "done":
        reason = f"the witness station was stopped ({stop.name})"
    await link.close("the witness session ended" if reason == "done" else reason)
    summary = await loop.run_in_executor(None, session.end)
    panel.saw(session.lifecycle.state)
    out = witness_summary(summary, link.stats(), invite, size, fps, args.duration, session.vault, t0,
                          ended_by_court=reason == "court", stopped_by=stop.name or None)
    out.update(panel.summary())
    from desktop.headless import wait_for_upload

    if (upload := await loop.run_in_executor(None, wait_for_upload, session.vault, args)) is not None:
        out["upload"] = upload  # a vault in an object store: its session waited for, pending ones named
    delivery = None
    try:  # scripted runs bundle only when asked (the recordings stay in the vault: `vault bundle`)
        if args.bundle_out is not None:
            delivery = await loop.run_in_executor(None, deliver_bundle, session.vault, invite, passphrase,
                                                  args.bundle_out)
    except Exception as exc:
        out["errors"] = [*out.get("errors", []), f"the recording for the court was not bundled: {exc}"]
    if delivery is not None:
        out["delivery"] = delivery
        note(f"witness: the recording for the court is in {delivery.get('bundle', '?')}")
    emit(out)
    if out.get("errors"):
        return 1
    if stop.requested:
        return stop.exit_code
    if link.lost_mid_hearing and link.last_error is not None and link_exit(link.last_error) != EXIT_LINK:
        # the local recording is complete and sealed; the link could not be restored
        return fail(
            f"the hearing's link was not restored: {link.last_error}", link_exit(link.last_error, mid_hearing=True)
        )
    return 0


async def _watch_panel(session: Any, panel: Any) -> None:
    """Note each state the panel shows (live, break, …) while the hearing runs."""
    while True:
        panel.saw(session.lifecycle.state)
        await asyncio.sleep(0.05)
