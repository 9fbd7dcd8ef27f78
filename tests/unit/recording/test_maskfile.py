"""mask_file: a short generated clip with two audio tracks goes through face (and fake voice) masking."""

import json
import sys
import types
from fractions import Fraction

import av
import cv2
import numpy as np
import pytest
from skimage import data

from recording.errors import MaskingError, MediaFormatError, SourceUnavailable
from recording.maskfile import mask_file

W, H, FPS, SECONDS = 640, 360, 30, 1.0
FACE_AT = (380, 120)  # where the astronaut crop goes; its face box is then:
FACE = (380 + 178 - 120, 120 + 64 - 20, 380 + 269 - 120, 120 + 175 - 20)


def make_clip(path, n_frames=int(FPS * SECONDS)):
    face = np.ascontiguousarray(data.astronaut()[20:240, 120:330, ::-1])
    out = av.open(str(path), "w")
    vs = out.add_stream("libx264", rate=FPS)
    vs.width, vs.height, vs.pix_fmt = W, H, "yuv420p"
    vs.options = {"preset": "ultrafast", "crf": "18"}
    a1 = out.add_stream("libopus", rate=48000)
    a1.layout = "stereo"
    a1.metadata["language"] = "fra"
    a2 = out.add_stream("flac", rate=44100)
    a2.layout = "mono"
    a2.metadata["language"] = "spa"
    bg = np.full((H, W, 3), 70, np.uint8)
    x, y = FACE_AT
    bg[y:y + face.shape[0], x:x + face.shape[1]] = face
    for i in range(n_frames):
        frame = bg.copy()
        cv2.putText(frame, str(i), (20, 40), cv2.FONT_HERSHEY_SIMPLEX, 1, (255, 255, 255), 2)
        for p in vs.encode(av.VideoFrame.from_ndarray(frame, format="bgr24")):
            out.mux(p)
    for st, rate, ch in ((a1, 48000, 2), (a2, 44100, 1)):
        total = int(rate * SECONDS)
        t = np.arange(total) / rate
        tone = (0.2 * np.sin(2 * np.pi * 330 * t) * 32767).astype(np.int16)
        for k in range(0, total, 960):
            chunk = tone[k:k + 960]
            arr = np.repeat(chunk[None], ch, axis=0).T.reshape(1, -1) if ch == 2 else chunk[None]
            af = av.AudioFrame.from_ndarray(np.ascontiguousarray(arr), format="s16",
                                            layout="stereo" if ch == 2 else "mono")
            af.sample_rate, af.pts, af.time_base = rate, k, Fraction(1, rate)
            for p in st.encode(af):
                out.mux(p)
    for st in (vs, a1, a2):
        for p in st.encode(None):
            out.mux(p)
    out.close()
    return path


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_clip(tmp_path_factory.mktemp("clip") / "clip.mkv")


def read_back(path):
    with av.open(str(path)) as c:
        video = [f.to_ndarray(format="bgr24") for f in c.decode(video=0)]
    with av.open(str(path)) as c:
        audio = []
        for s in c.streams.audio:
            samples = sum(f.samples for f in c.decode(s))
            audio.append((s.codec_context.name, s.rate, s.metadata.get("language"), samples))
            c.seek(0)
    return video, audio


def test_round_trip_masks_face_and_keeps_every_audio_track(clip, tmp_path):
    out = tmp_path / "out.mkv"
    report = tmp_path / "report.json"
    seen = []
    summary = mask_file(clip, out, face_style="opaque", report_path=report,
                        progress=lambda done, total: seen.append((done, total)))
    assert out.exists() and not (tmp_path / "out.mkv.partial").exists()
    assert summary["frames"] == int(FPS * SECONDS)
    assert summary["curtained_frames"] == 0
    assert seen[-1][0] == summary["frames"]
    video, audio = read_back(out)
    assert len(video) == int(FPS * SECONDS)
    x1, y1, x2, y2 = FACE
    for img in video:
        face = img[y1 + 5:y2 - 5, x1 + 5:x2 - 5].astype(np.float32)
        assert face.std() < 6, "face region not covered"
    assert [(a[0], a[1], a[2]) for a in audio] == [("opus", 48000, "fra"), ("opus", 48000, "spa")]
    for *_, samples in audio:
        assert abs(samples - 48000 * SECONDS) < 2000
    rep = json.loads(report.read_text())
    assert len(rep["per_frame"]) == summary["frames"]
    assert {r["decision"] for r in rep["per_frame"]} <= {"detected", "tracked"}
    assert all("ms" in r for r in rep["per_frame"])


def test_voice_preset_goes_through_the_voice_masker_and_keeps_sync(clip, tmp_path, monkeypatch):
    calls = []

    class FakeVoiceMasker:
        latency_samples = 480

        def __init__(self, preset, sample_rate=48000, seed=None):
            assert sample_rate == 48000
            self.buf = np.zeros(self.latency_samples, np.float32)

        def process(self, block):
            calls.append(block.size)
            assert block.dtype == np.float32 and block.ndim == 1
            joined = np.concatenate([self.buf, -block])
            self.buf = joined[block.size:]
            return joined[:block.size]

    fake = types.ModuleType("recording.masking.voice")
    fake.VoiceMasker = FakeVoiceMasker
    monkeypatch.setitem(sys.modules, "recording.masking.voice", fake)
    out = tmp_path / "voice.mkv"
    summary = mask_file(clip, out, face_style=None, voice_preset="test")
    assert calls
    assert summary["decisions"] == {"unmasked": int(FPS * SECONDS)}
    for track in summary["audio_tracks"]:
        assert track["layout"] == "mono"
        assert abs(track["samples"] - 48000 * SECONDS) <= 960  # latency removed, length kept
    _, audio = read_back(out)
    assert len(audio) == 2


def test_audio_file_goes_through_the_voice_masker(tmp_path, monkeypatch):
    import wave

    got = []

    class FakeVoiceMasker:
        latency_samples = 0

        def __init__(self, preset, sample_rate=48000, seed=None):
            got.append((preset, sample_rate))

        def process(self, block):
            return -np.asarray(block, np.float32)

    fake = types.ModuleType("recording.masking.voice")
    fake.VoiceMasker, fake.PRESETS = FakeVoiceMasker, ("off", "p1")
    monkeypatch.setitem(sys.modules, "recording.masking.voice", fake)
    src = tmp_path / "in.wav"
    with wave.open(str(src), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes((np.sin(np.arange(8000) / 5) * 8000).astype("<i2").tobytes())
    summary = mask_file(src, tmp_path / "out.wav", face_style=None, voice_preset="p1")
    assert got == [("p1", 16000)]
    assert summary["kind"] == "audio" and summary["samples"] == 8000 and summary["sample_rate"] == 16000
    with pytest.raises(MaskingError):
        mask_file(src, tmp_path / "out2.wav", face_style=None, voice_preset="nope")


def test_missing_and_corrupt_input(tmp_path):
    with pytest.raises(SourceUnavailable):
        mask_file(tmp_path / "nope.mkv", tmp_path / "out.mkv")
    bad = tmp_path / "bad.mkv"
    bad.write_bytes(b"\x1a\x45\xdf\xa3" + b"not really a matroska file" * 100)
    with pytest.raises(MediaFormatError):
        mask_file(bad, tmp_path / "out.mkv")
    assert not (tmp_path / "out.mkv").exists() and not (tmp_path / "out.mkv.partial").exists()


def test_cli_handler(clip, tmp_path, capsys):
    import argparse

    from desktop import mask_cli

    p = argparse.ArgumentParser()
    mask_cli.register(p.add_subparsers())
    args = p.parse_args(["mask", str(tmp_path / "missing.mkv"), "-o", str(tmp_path / "o.mkv")])
    assert args.func(args) == 2
    assert "input not found" in capsys.readouterr().err
    out = tmp_path / "o.mkv"
    args = p.parse_args(["mask", str(clip), "-o", str(out), "--face", "silhouette"])
    assert args.func(args) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["frames"] == int(FPS * SECONDS) and out.exists()


def test_noisy_video_is_not_encoded_at_any_bit_rate(tmp_path):
    # a dim room's sensor noise: constant quality alone spent 6-9x the ceiling here (most of the bits,
    # and the encoder's time, on the noise); the masked copy stays under 0.2 bits per pixel (over 2 s:
    # the rate for 2 s plus the 2 s buffer the encoder may fill at the start)
    rng = np.random.default_rng(5)
    base = np.full((H, W, 3), 40, np.uint8)
    base[100:320, 380:590] = np.ascontiguousarray(data.astronaut()[20:240, 120:330, ::-1]) // 2
    src = tmp_path / "noisy.mkv"
    with av.open(str(src), "w") as out:
        vs = out.add_stream("libx264", rate=FPS)
        vs.width, vs.height, vs.pix_fmt = W, H, "yuv420p"
        vs.options = {"preset": "ultrafast", "qp": "0"}
        for _ in range(2 * FPS):
            img = np.clip(base + rng.normal(0, 8, base.shape), 0, 255).astype(np.uint8)
            for p in vs.encode(av.VideoFrame.from_ndarray(img, format="bgr24")):
                out.mux(p)
        for p in vs.encode(None):
            out.mux(p)
    dst = tmp_path / "out.mkv"
    summary = mask_file(src, dst)
    assert summary["decisions"].get("curtained", 0) < 10  # the face was found: the noise was encoded
    with av.open(str(dst)) as c:
        video_bytes = sum(p.size for p in c.demux(video=0))
    two_seconds = 0.2 * W * H * FPS * 2 / 8
    assert video_bytes < 2.5 * two_seconds
