"""``testimony-shield interpreter``: a remote interpreter station.  It joins with its own invitation,
hears the masked floor, sends its language channel.  Without ``--headless`` it opens the interpreter
station's window (:mod:`desktop.interpreter_station`); headless it sends the demo interpreter.  The
last stdout line is a JSON summary."""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from desktop.link.cli import joined_invite
from desktop.link.summary import EXIT_BAD_INPUT, EXIT_LINK, emit, fail, link_exit, note
from desktop.signals import Stopped, StopRequest


def run_interpreter(args: argparse.Namespace) -> int:
    from recording.transport.errors import LinkError

    invite = joined_invite(args)
    if isinstance(invite, int):
        return invite
    wanted = invite.media.get("language")
    args.language = args.language or (wanted if isinstance(wanted, str) else "spa")
    if wanted and wanted != args.language:
        return fail(f"invitation refused: this invitation is for the '{wanted}' channel, not '{args.language}'",
                    EXIT_BAD_INPUT)
    if not args.headless:
        from desktop.interpreter_station import run_window

        args.duration = args.duration or 24 * 3600.0
        return run_window(args, invite, args.language)
    args.duration = args.duration or 60.0
    try:
        with StopRequest() as stop:
            return asyncio.run(_interpreter(args, invite, stop))
    except LinkError as exc:
        return fail(f"cannot join the court: {exc}", link_exit(exc))


async def _interpreter(args: argparse.Namespace, invite: Any, stop: StopRequest) -> int:
    from recording.sources.demo import demo_interpreter_source
    from recording.transport.errors import LinkError
    from recording.transport.interpreter import InterpreterLink

    t0 = time.monotonic()
    source = demo_interpreter_source(args.language)
    source.open()
    try:
        link = InterpreterLink(invite, args.language, source)
    except LinkError as exc:
        return fail(f"invitation refused: {exc}", EXIT_BAD_INPUT)
    try:
        note(f"interpreter: joining session {invite.session_id}; safety code {link.safety_code}")
        await stop.race(link.join(admit_timeout=args.admit_timeout))
        await stop.race(link.start_media())
        via = f" through TURN over {link.turn.transport.upper()}" if link.turn is not None else ""
        note(f"interpreter: admitted; sending the {args.language} channel{via}")
        await stop.race(link.run(args.duration))
    except LinkError as exc:
        await link.close("could not start")
        return fail(f"cannot join the court: {exc}", link_exit(exc))
    except Stopped:
        note(f"interpreter: {stop.name}: leaving the session")
    await link.close(f"the interpreter station was stopped ({stop.name})" if stop.requested else "session ended")
    source.close()
    out = link.stats()
    out.update(duration=args.duration, wall_seconds=round(time.monotonic() - t0, 2), stopped_by=stop.name or None)
    emit(out)
    if stop.requested:
        return stop.exit_code
    if link.lost_mid_hearing and link.last_error is not None and link_exit(link.last_error) != EXIT_LINK:
        return fail(
            f"the hearing's link was not restored: {link.last_error}", link_exit(link.last_error, mid_hearing=True)
        )
    return 0 if out["blocks_sent"] else EXIT_LINK
