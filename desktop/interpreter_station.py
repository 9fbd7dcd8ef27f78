"""``testimony-shield interpreter --join INVITE`` in a window: the remote interpreter's station
(ui/interpreter), with the real headphones and microphone chosen there (the built-in demo
interpreter when there is no microphone).  The last stdout line is the link's JSON summary; exit 0
when the station took part, 3 when it never got into the hearing."""

from __future__ import annotations

import argparse
import json
import time
from typing import Any


def run_window(args: argparse.Namespace, invite: Any, language: str) -> int:
    from desktop import settings as settings_mod
    from desktop.app import create_application, install_qt_message_handler
    from ui.i18n import install_staff_language

    app = create_application()
    install_qt_message_handler()
    settings = settings_mod.load()
    install_staff_language(settings.language)

    from recording.audio.output import SpeakerOutput
    from recording.sources.demo import demo_audio_source, demo_interpreter_source
    from recording.sources.devices import MicrophoneSource, list_microphones, list_speakers
    from ui.interpreter.engine import ChimeSource, InterpreterRunner
    from ui.interpreter.station import InterpreterStation
    from ui.link.loop import LoopThread

    loop = LoopThread()
    result: dict[str, Any] = {}
    t0 = time.monotonic()

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

        def finished(stats: dict[str, Any]) -> None:
            result.update(stats, duration=args.duration, wall_seconds=round(time.monotonic() - t0, 2))
            print(json.dumps(result), flush=True)

        r.finished.connect(finished)
        return r

    window = InterpreterStation(
        language, str(invite.media.get("case_number", "")), str(invite.media.get("name", "")),
        runner_factory=runner, list_microphones=list_microphones, list_headphones=list_speakers,
        open_microphone=microphone, open_headphones=headphones, practice_floor=demo_audio_source,
        test_tone=ChimeSource, high_contrast=settings.high_contrast)
    if not list_microphones():  # no microphone here: the built-in demo interpreter speaks
        window.mic_box.setCurrentIndex(window.mic_box.findData("demo"))
    assert window.runner is not None
    window.runner.finished.connect(lambda _s: app.quit() if args.close_at_end else None)
    window.runner.start(duration=args.duration, admit_timeout=args.admit_timeout)
    window.show()
    app.exec()
    if not result:  # the window was closed first: leave, then wait briefly for the summary
        window.leave()
        deadline = time.monotonic() + 5
        while not result and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)
    loop.stop()
    return 0 if result.get("blocks_sent") else 3
