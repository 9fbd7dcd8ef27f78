#!/usr/bin/env bash
# Source this to start a private PulseAudio server with a null speaker and a 440 Hz sine "microphone"
# (for machines without sound hardware: CI, servers).  Exports XDG_RUNTIME_DIR and PULSE_RUNTIME_PATH.
command -v pulseaudio >/dev/null || return 1
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/ts-xdg-$(id -u)}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export PULSE_RUNTIME_PATH="$XDG_RUNTIME_DIR/pulse"
if ! pactl info >/dev/null 2>&1; then
  pulseaudio -D -n --exit-idle-time=-1 --disallow-exit \
    -L "module-native-protocol-unix auth-anonymous=1" \
    -L "module-null-sink sink_name=ts_speaker" \
    -L "module-sine-source source_name=ts_mic frequency=440 rate=48000" >/dev/null 2>&1 || return 1
  for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
fi
pactl info >/dev/null 2>&1
