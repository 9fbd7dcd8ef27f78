"""Test-wide set-up: Qt runs offscreen; no test may need a screen, camera or microphone."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the station's own state (its key, the audit heads it saw: vault/local_state.py) lives outside the
# vaults; tests (and the stations they start) keep theirs in a folder of their own, not the user's
os.environ.setdefault("TESTIMONY_SHIELD_STATE_DIR", tempfile.mkdtemp(prefix="ts-station-state-"))
