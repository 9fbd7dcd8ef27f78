"""Screenshots of the three stations, made from the real demo (offscreen, ``QWidget.grab()``).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--seconds 5]

Runs ``build_demo`` (the same code as ``testimony-shield demo --languages spa,fra``) on the built-in
demo witness with a throw-away demo vault: live and recording for a few seconds, the witness takes a
break and comes back, then recording stops and the judge unlocks the vault and plays the masked
recording.  The demo's ground rules are shortened (questioning limit 1 min, a break every 2 min for
1 min) so the countdown, the reminder and the timeline show something in a short run.  Also shows the
clerk's set-up wizard, the witness's rehearsal and the settings dialog.  Writes clerk_wizard.png,
clerk_wizard_measures.png, clerk.png, clerk_break.png, witness.png, witness_break.png,
witness_rehearsal.png, settings.png and judge.png.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TESTIMONY_SHIELD_PASSPHRASE", None)  # the documented demo passphrase is used
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.app import (
    DEMO_PASSPHRASE,
    build_demo,
    create_application,
    import_cv2,
    install_qt_message_handler,
    shutdown,
)


def pump(app, seconds: float, until=None) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            return True
        time.sleep(0.01)
    return until is None


def _wizard_shots(app, out: Path) -> None:
    """The clerk's set-up wizard, filled in as for the demo (two interpreters)."""
    from ui.clerk.console import ClerkConsole
    from ui.clerk.wizard import MEASURES, PEOPLE
    from ui.concurrency import OpRunner

    runner = OpRunner("screenshots")
    w = ClerkConsole(None, runner)
    w.resize(1100, 720)
    w.form.fill_demo(("spa", "fra"))
    w.form.case_number.setText("T2026-0142")
    w.show()
    for step, name in ((PEOPLE, "clerk_wizard"), (MEASURES, "clerk_wizard_measures")):
        w.form.go_to(step)
        pump(app, 0.3)
        w.grab().save(str(out / f"{name}.png"))
    w.close()
    runner.shutdown()


def _settings_shot(app, out: Path) -> None:
    from desktop.settings import Settings
    from ui.settings_dialog import SettingsDialog

    d = SettingsDialog(lambda: Settings(camera="demo", microphone="auto"), lambda s: None)
    d.show()
    pump(app, 0.3)
    d.grab().save(str(out / "settings.png"))
    d.close()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    p.add_argument("--seconds", type=float, default=5.0)
    opts = p.parse_args()
    app = create_application()
    install_qt_message_handler()
    import_cv2()
    logging.basicConfig(level=logging.ERROR)
    from desktop.settings import Settings
    from recording.session import State

    opts.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ts-demo-vault-") as tmp:
        args = argparse.Namespace(vault=Path(tmp) / "vault", passphrase_file=None, languages="spa,fra")
        settings = Settings(camera="demo", microphone="demo", video_size=(960, 540))
        _wizard_shots(app, opts.out)
        services = build_demo(args, settings=settings)
        clerk, witness, judge = (services.windows[k] for k in ("clerk", "witness", "judge"))
        c = services.hub.controller
        rules = c.plan.rules  # shared with the session's break schedule
        rules.longest_questioning_minutes, rules.break_interval_minutes, rules.break_length_minutes = 1, 2, 1
        pump(app, 30, lambda: c.recording)
        pump(app, opts.seconds)
        witness.take_break()
        pump(app, 4.0)
        witness.grab().save(str(opts.out / "witness_break.png"))
        clerk.grab().save(str(opts.out / "clerk_break.png"))
        witness.resume()
        pump(app, 4.0)
        clerk.grab().save(str(opts.out / "clerk.png"))
        witness.grab().save(str(opts.out / "witness.png"))
        rehearsal = witness.open_rehearsal()
        pump(app, 30, lambda: rehearsal.pipeline is not None and rehearsal.view.frames_shown > 3)
        rehearsal.channel.setCurrentIndex(1)
        rehearsal.listen_btn.setChecked(True)
        pump(app, 1.5)
        rehearsal.grab().save(str(opts.out / "witness_rehearsal.png"))
        rehearsal.accept()
        _settings_shot(app, opts.out)
        c.stop_recording()
        pump(app, 60, lambda: not c.busy and not c.recording)
        judge.passphrase.setText(DEMO_PASSPHRASE)
        judge.unlock()
        pump(app, 60, lambda: judge.identity is not None and judge.table.model().rowCount() > 0)
        rows = [i for i, r in enumerate(judge.recordings) if r.meta.get("kind") == "masked"]
        judge.table.selectRow(rows[-1] if rows else 0)
        pump(app, 10, lambda: "verified" in judge.integrity.text() or "problem" in judge.integrity.text())
        judge.play_row(rows[-1] if rows else 0)
        pump(app, 20, lambda: judge.view.frames_shown > 3 and judge.player.position() > 500)
        judge.grab().save(str(opts.out / "judge.png"))
        assert c.state in (State.LIVE, State.BREAK)
        shutdown(services)
    for name in ("clerk_wizard", "clerk_wizard_measures", "clerk", "clerk_break", "witness", "witness_break",
                 "witness_rehearsal", "settings", "judge"):
        print(opts.out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
