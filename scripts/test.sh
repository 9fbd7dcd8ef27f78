#!/usr/bin/env bash
# Set everything up (system packages, .venv) and run the whole test suite headless.
# Starts a private PulseAudio server with a virtual microphone when it can (audio tests skip without).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# shellcheck source=scripts/virtual-audio.sh
source scripts/virtual-audio.sh || echo "test: no virtual audio; audio-device tests will skip"
exec .venv/bin/python -m pytest "$@"
