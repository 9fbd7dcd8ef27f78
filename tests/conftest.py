"""Test-wide set-up: Qt runs offscreen; no test may need a screen, camera or microphone."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
