"""The layering rules of docs/architecture.md, checked on every test run (import-linter, ruff)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_import_contracts_hold():
    r = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "0 broken" in r.stdout and "Contracts: 0 kept" not in r.stdout


def test_core_packages_do_not_import_qt_at_runtime():
    code = ("import sys, recording.pipeline, recording.recorder, recording.masking.face, "
            "recording.masking.voice, vault.store; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui', 'desktop'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_clean():
    r = subprocess.run([str(BIN / "ruff"), "check", "desktop", "ui", "recording", "vault", "tests", "scripts",
                        "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:]
