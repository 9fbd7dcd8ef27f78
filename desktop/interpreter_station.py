"""The remote interpreter's station in a window (ui/interpreter), with the real headphones and
microphone chosen there (the built-in demo interpreter when there is no microphone).

- ``testimony-shield interpreter --join INVITE``: :func:`run_window`; the last stdout line is the
  link's JSON summary; exit 0 when the station took part, 3 when it never got into the hearing.
- the start window's "Interpreter station": :func:`open_from_file` (the invitation chosen in a file
  dialog)."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def make_window(
    invite: Any,
    language: str,
    loop: Any,
    high_contrast: bool = False,
    on_finished: Callable[[dict[str, Any]], None] | None = None,
) -> Any:
    """The station window for ``invite`` (joined on ``loop``, a ``ui.link.loop.LoopThread``), its
    devices the system's."""
    from recording.audio.output import SpeakerOutput
    from recording.sources.demo import demo_audio_source, demo_interpreter_source
    from recording.sources.devices import MicrophoneSource, list_microphones, list_speakers
    from ui.interpreter.engine import ChimeSource, InterpreterRunner
    from ui.interpreter.station import InterpreterStation

    def microphone(device: str) -> Any:
        if device == "demo":
            return demo_interpreter_source(language)
        return MicrophoneSource(None if device == "default" else device)

    def headphones(device: str) -> Any:
        out = SpeakerOutput(None if device == "default" else device)
        out.open()
        return out

    def runner(mic: Any, mix: Any) -> InterpreterRunner:
        r = InterpreterRunner(loop, invite, language, mic, mix)
        if on_finished is not None:
            r.finished.connect(on_finished)
        return r

    mics = list_microphones()
    window = InterpreterStation(
        language,
        str(invite.media.get("case_number", "")),
        str(invite.media.get("name", "")),
        runner_factory=runner,
        list_microphones=lambda: mics,
        list_headphones=list_speakers,
        open_microphone=microphone,
        open_headphones=headphones,
        practice_floor=demo_audio_source,
        test_tone=ChimeSource,
        high_contrast=high_contrast,
    )
    if not mics:  # no microphone here: the built-in demo interpreter speaks
        window.mic_box.setCurrentIndex(window.mic_box.findData("demo"))
    return window


def run_window(args: argparse.Namespace, invite: Any, language: str) -> int:
    from desktop import settings as settings_mod
    from desktop.app import create_application, install_qt_message_handler
    from ui.i18n import install_staff_language
    from ui.link.loop import LoopThread

    app = create_application()
    install_qt_message_handler()
    settings = settings_mod.load()
    install_staff_language(settings.language)
    loop = LoopThread()
    result: dict[str, Any] = {}
    t0 = time.monotonic()

    from desktop.signals import StopRequest

    stop = StopRequest()

    def finished(stats: dict[str, Any]) -> None:
        result.update(stats, duration=args.duration, wall_seconds=round(time.monotonic() - t0, 2),
                      stopped_by=stop.name or None)
        print(json.dumps(result), flush=True)
        if args.close_at_end:
            app.quit()

    window = make_window(invite, language, loop, settings.high_contrast, finished)
    window.runner.start(duration=args.duration, admit_timeout=args.admit_timeout)
    window.show()
    # SIGTERM/SIGHUP (logout, shutdown) and SIGINT: the interpreter leaves the hearing as the window's
    # close does — the court hears the channel end at once and hands over or falls back — then exits
    # with the signal's code (desktop/signals.py)
    with stop:
        stop.on_stop(lambda: app.exit(0))
        heartbeat = stop.keep_qt_responsive(app)
        app.exec()
        heartbeat.stop()
        if not result:  # the window was closed (or the station told to stop) first: leave, then wait briefly
            window.leave()
            deadline = time.monotonic() + 5
            while not result and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.05)
    loop.stop()
    if stop.requested:
        return stop.exit_code
    return 0 if result.get("blocks_sent") else 3


def open_from_file(parent: Any, high_contrast: bool = False) -> Any:
    """Ask for the interpreter's invitation and open the station; None when cancelled or refused (the
    reason is shown).  The window owns its link loop (stopped when it closes)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from recording.transport.errors import InviteError, LinkError
    from recording.transport.invite import load_invite
    from ui.link.loop import LoopThread

    translate = QCoreApplication.translate
    path, _ = QFileDialog.getOpenFileName(
        parent,
        translate("StartWindow", "Open the interpreter's invitation"),
        "",
        translate("StartWindow", "Invitations (*.json *.invite);;All files (*)"),
    )
    if not path:
        return None
    try:
        invite = load_invite(Path(path))
        language = invite.media.get("language")
        if invite.media.get("station") != "interpreter" or not isinstance(language, str):
            raise InviteError("this invitation is not for an interpreter station")
        loop = LoopThread()
        window = make_window(invite, language, loop, high_contrast)
    except (InviteError, LinkError, OSError) as exc:
        QMessageBox.warning(
            parent,
            "Testimony Shield",
            translate(
                "StartWindow", "This invitation cannot be used ({reason}). Ask the clerk for a new one."
            ).format(reason=exc),
        )
        return None
    window.link_loop = loop  # kept with the window; stopped when the application quits
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(loop.stop)
    window.runner.start()
    window.show()
    return window
