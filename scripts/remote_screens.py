"""Screenshots of a remote hearing, run in real windows (X11: under ``xvfb-run -a``), driven with Qt.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/remote_screens.py [--out docs/screenshots]

One process holds both stations, talking over the real link on loopback, each with its own vault (in a
temporary folder): the clerk plans a remote hearing in the console's wizard ("Where is the witness? —
Somewhere else"), creates it, opens the waiting room and saves the invitation; the witness station
opens the invitation, shows the safety code and waits; the clerk admits it from the waiting room; the
witness takes a break (the grounding screen; the console's banner and timeline); the clerk ends and
seals; the witness's screen says the hearing is over, camera and microphone off.  The witness is the
built-in demo witness.  Writes remote_*.png (listed at the end) and prints each path.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.app import create_application, import_cv2, install_qt_message_handler

PASS = "screenshots-passphrase"


def pump(app, seconds: float, until=None) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            return True
        time.sleep(0.01)
    if until is not None:
        raise SystemExit(f"screenshots: timed out waiting ({seconds:g} s)")
    return True


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    opts = p.parse_args()
    app = create_application()
    install_qt_message_handler()
    import_cv2()
    logging.basicConfig(level=logging.ERROR)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.app import Services, _rehearsal_factory, _session_factory, plan_store
    from desktop.remote_witness import RemoteWitnessFlow
    from desktop.settings import Settings
    from recording.model import Audience
    from recording.session import State
    from recording.sources.demo import DemoVideoSource, demo_audio_source
    from ui.clerk.console import ClerkConsole
    from ui.clerk.wizard import CASE
    from ui.concurrency import OpRunner
    from ui.session import SessionHub
    from ui.witness.station import WitnessStation
    from vault.keys import KdfParams
    from vault.store import Vault

    out = opts.out
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def shot(w, name: str) -> None:
        pump(app, 0.4)
        path = out / f"remote_{name}.png"
        w.grab().save(str(path))
        shots.append(path)
        print(path, flush=True)

    with tempfile.TemporaryDirectory(prefix="ts-remote-screens-") as tmp:
        court_dir, witness_dir = Path(tmp) / "court", Path(tmp) / "witness"
        Vault.init(court_dir, PASS, kdf=KdfParams.fast())
        witness_vault = Vault.open_or_init(witness_dir, PASS, kdf=KdfParams.fast())
        settings = Settings(camera="demo", microphone="demo", video_size=(640, 360), fps=15)
        services = Services(settings, OpRunner("court-ops"), SessionHub(), court_dir, PASS, persist=False)
        console = ClerkConsole(_session_factory(services, demo_sources=True), services.runner, services.hub,
                               **plan_store(services))
        console.resize(1280, 860)
        console.move(0, 0)
        console.show()

        # 1. the clerk plans a remote hearing in the wizard
        w = console.form
        w.fill_demo(("pol",))
        w.case_number.setText("T2026-0917")
        w.pseudonym.setText("Witness R")
        w.remote.setChecked(True)
        w.go_to(CASE)
        shot(console, "clerk_wizard")
        QTest.mouseClick(w.create, Qt.MouseButton.LeftButton)
        pump(app, 60, lambda: console.live is not None)
        live = console.live

        # 2. the waiting room opens; the invitation is saved for a secure route
        QTest.mouseClick(live.start_btn, Qt.MouseButton.LeftButton)
        pump(app, 30, lambda: live.remote_panel.save_btn.isEnabled())
        invite = Path(tmp) / "invitation.json"
        live.remote_panel.write_invitation("witness", str(invite))
        shot(console, "clerk_invitation")

        # 3. the witness station opens the invitation: the safety code, the waiting room
        witness_ops = OpRunner("witness-ops")
        station = WitnessStation(speaker_factory=None, join=lambda data: flow.join(data),
                                 rehearsal_factory=_rehearsal_factory(services))
        flow = RemoteWitnessFlow(station, settings, witness_ops, open_vault=lambda: (witness_vault, PASS),
                                 sources=lambda: (DemoVideoSource((640, 360), 15), demo_audio_source()))
        station.resize(1100, 760)
        station.move(1280 - 1100 + 600, 80)
        station.show()
        shot(station, "witness_join")
        station.join_page.open_file(str(invite))
        pump(app, 60, lambda: live.remote_panel.admit_btn.isEnabled())
        pump(app, 20, lambda: "waiting room" in station.join_page.status.text())
        shot(station, "witness_waiting")
        shot(console, "clerk_waiting_room")

        # 4. the clerk admits the witness from the waiting room
        QTest.mouseClick(live.remote_panel.admit_btn, Qt.MouseButton.LeftButton)
        pump(app, 60, lambda: live.c.state is State.LIVE and live.preview.frames_shown > 10)
        pump(app, 30, lambda: station.speaking_view.frames_shown > 5 and station.self_view.frames_shown > 5)
        pump(app, 30, lambda: "face covered" in live.mask_labels[Audience.COURT].text())
        pump(app, 3.0)
        shot(console, "clerk_live")
        shot(station, "witness_live")

        # 5. the witness takes a break
        QTest.mouseClick(station.break_button, Qt.MouseButton.LeftButton)
        pump(app, 30, lambda: live.c.state is State.BREAK)
        pump(app, 3.0)
        live.tick_schedule()
        shot(station, "witness_break")
        shot(console, "clerk_break")
        QTest.mouseClick(station.ready_button, Qt.MouseButton.LeftButton)
        pump(app, 30, lambda: live.c.state is State.LIVE)
        pump(app, 2.0)

        # 6. the clerk ends and seals
        box = live.confirm_end()
        pump(app, 1.0)
        shot(box, "clerk_end_confirm")
        end = next(b for b in box.buttons() if b.text() == "End and seal")
        QTest.mouseClick(end, Qt.MouseButton.LeftButton)
        pump(app, 90, lambda: live.c.state is State.SEALED)
        pump(app, 90, lambda: flow.summary is not None)
        pump(app, 1.0)
        shot(console, "clerk_sealed")
        shot(station, "witness_ended")
        flow.close()
        station.close()
        console.close()
        witness_ops.shutdown(wait=True)
        services.runner.shutdown(wait=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
