"""What a screen reader hears: open every station window under Xvfb with Qt's AT-SPI bridge on, and
read the accessibility tree back over D-Bus with the AT-SPI client library (the one Orca uses).

    dbus-run-session -- .venv/bin/python tests/ui/atspi_probe.py     # prints the tree as JSON

Three processes, on the private session bus ``dbus-run-session`` gives: an Xvfb display, this script
in ``--app`` mode (the stations, ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``), and ``--read`` mode under the
system Python (PyGObject with ``gir1.2-atspi-2.0``: the venv has no GObject bindings).  Used by
``tests/ui/test_atspi.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_NAME = "testimony-shield-atspi-probe"
SYSTEM_PYTHON = "/usr/bin/python3"


def free_display() -> int:
    for n in range(91, 250):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number")


def run_app(seconds: float) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    from desktop.app import create_application, import_cv2

    app = create_application([APP_NAME])
    app.setApplicationName(APP_NAME)
    import_cv2()
    from PySide6.QtCore import QTimer

    from tests.ui import stations
    from ui.concurrency import OpRunner

    runner = OpRunner("atspi")
    sessions: list = []
    windows = stations.build(runner, sessions)
    for w in windows.values():
        w.show()
    windows["witness"].c.go_live()
    print("READY", flush=True)
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    for s in sessions:
        s.pipeline.stop()
    runner.shutdown(wait=False)
    return 0


def run_reader(timeout: float) -> int:  # the system Python, with gi
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi

    def node_info(node, depth: int) -> dict:
        states = node.get_state_set()
        labelled_by = []
        try:
            for rel in node.get_relation_set() or []:
                if rel.get_relation_type() == Atspi.RelationType.LABELLED_BY:
                    labelled_by += [rel.get_target(i).get_name() or "" for i in range(rel.get_n_targets())]
        except Exception:
            pass
        return {
            "role": node.get_role_name(),
            "name": node.get_name() or "",
            "description": node.get_description() or "",
            "labelled_by": labelled_by,
            "depth": depth,
            "focusable": states.contains(Atspi.StateType.FOCUSABLE),
            "showing": states.contains(Atspi.StateType.SHOWING),
        }

    def walk(node, depth: int, out: list) -> None:
        try:
            out.append(node_info(node, depth))
            count = node.get_child_count()
        except Exception:
            return
        if depth < 60:
            for i in range(count):
                child = node.get_child_at_index(i)
                if child is not None:
                    walk(child, depth + 1, out)

    deadline = time.monotonic() + timeout
    names: list[str] = []
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        apps = [desktop.get_child_at_index(i) for i in range(desktop.get_child_count())]
        names = [a.get_name() or "" for a in apps if a is not None]
        app = next((a for a in apps if a is not None and a.get_name() == APP_NAME), None)
        if app is not None and app.get_child_count() >= 6:
            time.sleep(1.0)  # let every window finish laying out
            windows = []
            for i in range(app.get_child_count()):
                top = app.get_child_at_index(i)
                nodes: list = []
                walk(top, 0, nodes)
                windows.append({"name": top.get_name() or "", "role": top.get_role_name(), "nodes": nodes})
            print(json.dumps({"windows": windows}))
            return 0
        time.sleep(0.3)
    print(json.dumps({"error": "the application never appeared on the accessibility bus", "apps": names}))
    return 2


def main() -> int:
    if "--app" in sys.argv:
        return run_app(float(sys.argv[sys.argv.index("--app") + 1]))
    if "--read" in sys.argv:
        return run_reader(float(sys.argv[sys.argv.index("--read") + 1]))
    display = f":{free_display()}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "QT_ACCESSIBILITY": "1",
        "NO_AT_BRIDGE": "0",
    }
    app = None
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
                break
            time.sleep(0.05)
        app = subprocess.Popen(
            [sys.executable, __file__, "--app", "60"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = app.stdout.readline() if app.stdout else ""
        if "READY" not in line:
            print(json.dumps({"error": "the stations did not start under Xvfb"}))
            return 2
        reader = subprocess.run(
            [SYSTEM_PYTHON, __file__, "--read", "40"], env=env, capture_output=True, text=True, timeout=90
        )
        sys.stdout.write(reader.stdout)
        return reader.returncode
    finally:
        for p in (app, xvfb):
            if p is not None and p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()


if __name__ == "__main__":
    raise SystemExit(main())
