"""Real device sources.  The microphone test uses a PulseAudio sine source (scripts/virtual-audio.sh)
and skips when no audio server answers; the camera test runs on machines without a camera."""

import shutil
import subprocess

import numpy as np
import pytest

from recording.errors import SourceUnavailable
from recording.sources.devices import CameraSource, MicrophoneSource, list_microphones


def pulse_running() -> bool:
    return bool(shutil.which("pactl")) and subprocess.run(["pactl", "info"], capture_output=True).returncode == 0


def test_missing_camera_is_a_clear_error_not_a_crash():
    cam = CameraSource(index=9)
    with pytest.raises(SourceUnavailable, match="camera 9"):
        cam.open()


@pytest.mark.audio
@pytest.mark.skipif(not pulse_running(), reason="no PulseAudio server (see scripts/virtual-audio.sh)")
@pytest.mark.parametrize("device_rate", [None, 44100])
def test_microphone_delivers_the_virtual_sine(device_rate):
    """At the pipeline's 48 kHz whatever rate the device runs at (resampled when it differs)."""
    assert list_microphones(), "PortAudio lists no input device"
    mic = MicrophoneSource("default", device_rate=device_rate)
    mic.open()
    try:
        mic.read(4800)  # let the stream settle
        x = mic.read(48000)
    finally:
        mic.close()
    assert len(x) == 48000
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    assert abs(np.argmax(spectrum) - 440) <= 2  # 1 Hz bins over 1 s


@pytest.mark.audio
@pytest.mark.skipif(not pulse_running(), reason="no PulseAudio server (see scripts/virtual-audio.sh)")
@pytest.mark.parametrize("device_rate", [None, 44100])
def test_speaker_plays_a_listener_mix(device_rate):
    import time

    from recording.audio.output import SpeakerOutput

    out = SpeakerOutput("default", device_rate=device_rate)
    out.open()
    try:
        t = np.arange(960) / 48000
        for _ in range(25):
            out.push((0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32))
        deadline = time.monotonic() + 3
        while out.played_samples < 12000 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        out.close()
    assert out.played_samples >= 12000 * (device_rate or 48000) / 48000
    assert out.device_rate == (device_rate or 48000)
