#!/usr/bin/env bash
# Set up everything Testimony Shield needs on Debian 12 (as root, or with sudo available):
# system libraries for Qt, QtMultimedia, OpenCV, PortAudio and virtual audio, then a .venv with the app.
# Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  # Qt offscreen and widgets
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 fonts-dejavu-core libdbus-1-3
  # QtMultimedia (FFmpeg backend) and sound
  libpulse0 libxrandr2 libportaudio2 pulseaudio
  # real windows on X11 / Xvfb
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0
  # screen readers: the AT-SPI bus and registry, a private D-Bus session, the AT-SPI client bindings the
  # accessibility test reads the stations' tree with (tests/ui/test_atspi.py)
  at-spi2-core dbus-daemon python3-gi gir1.2-atspi-2.0
  # the remote link across networks: coturn (the TURN server the court relay mints credentials for;
  # tests start it from a config), and the network lab of the relay check (namespaces, nftables, tc)
  coturn iproute2 nftables
  # python venv
  python3-venv
)

missing=()
for p in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
echo "setup: done (.venv/bin/testimony-shield)"
