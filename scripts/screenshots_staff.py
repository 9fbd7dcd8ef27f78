"""Screenshots of the interpreter station and of the staff screens in Spanish (offscreen, ``grab()``).

    .venv/bin/python scripts/screenshots_staff.py [--out docs/screenshots]

The interpreter station runs against a real court station in this process (signalling, WebRTC) with
a witness station sending the demo witness's voice as the floor (face masking replaced by a fixed box:
no picture reaches an interpreter) and two interpreters of the Spanish booth.  Writes
interpreter.png (on air), interpreter_handover.png (the partner's window during a hand-over
countdown), interpreter_join.png (the waiting room with the safety code), start.png, settings.png, and in
Spanish
start_es.png, settings_es.png, interpreter_es.png, interpreter_handover_es.png, interpreter_join_es.png,
clerk_wizard_measures_es.png, clerk_wizard_review_es.png, clerk_es.png (the live console on the demo
session) and judge_es.png (the judge's review of what it recorded).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.app import create_application, import_cv2, install_qt_message_handler  # noqa: E402


def pump(app, seconds: float, until=None) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            return True
        time.sleep(0.01)
    return until is None


class Phones:
    """Headphones that play nothing (a machine without sound)."""

    def push(self, samples, start=None) -> None:
        pass

    def close(self) -> None:
        pass


def interpreter_shots(app, out: Path, suffix: str = "") -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from recording.pipeline import SessionPipeline
    from recording.session import demo_plan
    from recording.sources.demo import DemoVideoSource, demo_audio_source, demo_interpreter_source
    from recording.sources.devices import DeviceInfo
    from recording.transport.court import CourtStation
    from recording.transport.invite import parse_invite
    from recording.transport.witness import LinkFeed, WitnessLink
    from tests.helpers.fakes import BoxMasker, GainVoice
    from ui.interpreter.engine import ChimeSource, InterpreterRunner
    from ui.interpreter.station import InterpreterStation
    from ui.link.loop import LoopThread

    plan = demo_plan(languages=("spa", "fra"))
    loop = LoopThread("screenshots")
    key = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives import serialization

    pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    court = CourtStation(plan=plan)
    loop.submit(court.open()).result(10)

    async def invites():
        return (
            parse_invite(court.invitation(pub, key.sign, media={"case_number": plan.case_number})),
            parse_invite(court.interpreter_invitation(pub, key.sign, "spa", name="Ana Ruiz")),
            parse_invite(court.interpreter_invitation(pub, key.sign, "spa", name="Bruno Díaz")),
        )

    winv, ia, ib = loop.submit(invites()).result(10)
    for inv in (ia, ib):
        inv.media["case_number"] = plan.case_number
    serving = loop.submit(court.serve(duration=120, join_timeout=60))
    pipeline = SessionPipeline(
        plan,
        DemoVideoSource((320, 180), 15),
        demo_audio_source(),
        BoxMasker((100, 40, 220, 160)),
        GainVoice,
        interpreters={"spa": demo_interpreter_source("spa"), "fra": demo_interpreter_source("fra")},
        realtime=True,
    )

    async def witness():
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(winv, feed, media={"fps": 15}, receive_video=False)
        await link.join()
        await link.start_media()
        return link

    wlink = loop.submit(witness()).result(20)
    pipeline.start()
    loop.submit(wlink.run_until(lambda: False))
    devices = [DeviceInfo("3", "Jabra Evolve2 65", "microphone")]
    phones = [DeviceInfo("4", "Jabra Evolve2 65", "speaker")]

    def station(inv, variant: int) -> InterpreterStation:
        return InterpreterStation(
            "spa",
            plan.case_number,
            runner_factory=lambda mic, mix: InterpreterRunner(loop, inv, "spa", mic, mix),
            list_microphones=lambda: devices,
            list_headphones=lambda: phones,
            open_microphone=lambda d: demo_interpreter_source("spa", variant),
            open_headphones=lambda d: Phones(),
            practice_floor=demo_audio_source,
            test_tone=ChimeSource,
        )

    a, b = station(ia, 0), station(ib, 1)
    for w in (a, b):
        w.resize(1060, 700)
        w.show()
    pump(app, 0.5)
    b.grab().save(str(out / f"interpreter_join{suffix}.png"))
    a.runner.start(duration=120)
    pump(app, 20, lambda: a.view.you_on_air)
    b.runner.start(duration=120)
    pump(app, 20, lambda: a.view.partner is not None and b.state == "live")
    pump(app, 20, lambda: "witness" in a.speaking.text())
    a.grab().save(str(out / f"interpreter{suffix}.png"))
    a.handover_seconds.setValue(10)
    a.hand_over()
    pump(app, 5, lambda: b.countdown.isVisible())
    pump(app, 2.2)
    b.grab().save(str(out / f"interpreter_handover{suffix}.png"))
    for w in (a, b):
        w.close()
    court.end()
    serving.result(15)
    pipeline.stop()
    loop.stop()


def start_and_settings(app, out: Path, suffix: str) -> None:
    from desktop.settings import Settings
    from ui.settings_dialog import SettingsDialog
    from ui.start import StartWindow

    s = StartWindow(note="/home/clerk/.local/share/testimony-shield/vault")
    s.show()
    pump(app, 0.3)
    s.grab().save(str(out / f"start{suffix}.png"))
    s.close()
    d = SettingsDialog(
        lambda: Settings(camera="demo", microphone="auto", language="es" if suffix else ""),
        lambda _s: None,
        list_cameras=list,
        list_microphones=list,
    )
    d.show()
    pump(app, 0.3)
    d.grab().save(str(out / f"settings{suffix}.png"))
    d.close()


def clerk_shots(app, out: Path, suffix: str) -> None:
    """The clerk's wizard (special measures) and the live console on the real demo session."""
    import argparse as _argparse
    import tempfile

    from desktop.app import build_demo, shutdown
    from desktop.settings import Settings
    from ui.clerk.console import ClerkConsole
    from ui.clerk.wizard import MEASURES, REVIEW
    from ui.concurrency import OpRunner

    runner = OpRunner("screenshots")
    w = ClerkConsole(None, runner)
    w.resize(1100, 760)
    w.form.fill_demo(("spa", "fra"))
    w.form.case_number.setText("T2026-0142")
    w.show()
    for step, name in ((MEASURES, "clerk_wizard_measures"), (REVIEW, "clerk_wizard_review")):
        w.form.go_to(step)
        pump(app, 0.3)
        w.grab().save(str(out / f"{name}{suffix}.png"))
    w.close()
    runner.shutdown()
    with tempfile.TemporaryDirectory(prefix="ts-demo-vault-") as tmp:
        args = _argparse.Namespace(vault=Path(tmp) / "vault", passphrase_file=None, languages="spa,fra")
        services = build_demo(
            args, settings=Settings(camera="demo", microphone="demo", video_size=(960, 540), language="es")
        )
        clerk = services.windows["clerk"]
        c = services.hub.controller
        pump(app, 40, lambda: c.recording)
        pump(app, 4)
        clerk.grab().save(str(out / f"clerk{suffix}.png"))
        # the judge's review of what was just recorded
        from desktop.app import DEMO_PASSPHRASE

        judge = services.windows["judge"]
        c.stop_recording()
        pump(app, 60, lambda: not c.busy and not c.recording)
        judge.passphrase.setText(DEMO_PASSPHRASE)
        judge.unlock()
        pump(app, 60, lambda: judge.identity is not None and judge.table.model().rowCount() > 0)
        rows = [i for i, r in enumerate(judge.recordings) if r.meta.get("kind") == "masked"]
        if rows:
            judge.table.selectRow(rows[-1])
            pump(app, 10)
            judge.play_row(rows[-1])
            pump(app, 20, lambda: judge.player_panel.view.frames_shown > 3)
        judge.grab().save(str(out / f"judge{suffix}.png"))
        shutdown(services)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    opts = p.parse_args()
    app = create_application()
    install_qt_message_handler()
    import_cv2()
    from ui.i18n import install_staff_language

    opts.out.mkdir(parents=True, exist_ok=True)
    install_staff_language("en")
    start_and_settings(app, opts.out, "")
    interpreter_shots(app, opts.out)
    install_staff_language("es")
    start_and_settings(app, opts.out, "_es")
    interpreter_shots(app, opts.out, "_es")
    clerk_shots(app, opts.out, "_es")
    install_staff_language("en")
    for f in sorted(opts.out.glob("*.png")):
        if f.stat().st_mtime > time.time() - 600 and ("interpreter" in f.name or f.name.endswith("_es.png")
                                                       or f.name in ("start.png", "settings.png")):
            print(f)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
