"""Screenshots of the three stations, made from the real demo (offscreen, ``QWidget.grab()``).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--seconds 5]

Runs ``build_demo`` (the same code as ``testimony-shield demo``) on the built-in demo witness with a
throw-away demo vault: live and recording for a few seconds, the witness takes a break and comes back,
then recording stops and the judge unlocks the vault and plays the masked recording.  Writes
clerk.png, witness.png, witness_break.png and judge.png.
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

from desktop.app import (  # noqa: E402
    DEMO_PASSPHRASE,
    build_demo,
    create_application,
    import_cv2,
    install_qt_message_handler,
    shutdown,
)


def pump(app, seconds: float, until=None) -> bool:  # noqa: ANN001
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            return True
        time.sleep(0.01)
    return until is None


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
        args = argparse.Namespace(vault=Path(tmp) / "vault", passphrase_file=None, languages="spa")
        settings = Settings(camera="demo", microphone="demo", video_size=(960, 540))
        services = build_demo(args, settings=settings)
        clerk, witness, judge = (services.windows[k] for k in ("clerk", "witness", "judge"))
        c = services.hub.controller
        pump(app, 30, lambda: c.recording)
        pump(app, opts.seconds)
        clerk.grab().save(str(opts.out / "clerk.png"))
        witness.grab().save(str(opts.out / "witness.png"))
        witness.take_break()
        pump(app, 2.5)
        witness.grab().save(str(opts.out / "witness_break.png"))
        clerk.grab().save(str(opts.out / "clerk_break.png"))
        witness.resume()
        pump(app, 2.0)
        c.stop_recording()
        pump(app, 60, lambda: not c.busy and not c.recording)
        judge.passphrase.setText(DEMO_PASSPHRASE)
        judge.unlock()
        pump(app, 60, lambda: judge.identity is not None and judge.table.rowCount() > 0)
        rows = [i for i, r in enumerate(judge.recordings) if r.meta.get("kind") == "masked"]
        judge.table.selectRow(rows[-1] if rows else 0)
        pump(app, 10, lambda: "verified" in judge.integrity.text() or "problem" in judge.integrity.text())
        judge.play_row(rows[-1] if rows else 0)
        pump(app, 20, lambda: judge.view.frames_shown > 3 and judge.player.position() > 500)
        judge.grab().save(str(opts.out / "judge.png"))
        assert c.state in (State.LIVE, State.BREAK)
        shutdown(services)
    for name in ("clerk", "witness", "witness_break", "clerk_break", "judge"):
        print(opts.out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
