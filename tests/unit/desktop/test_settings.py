"""Settings (security review, Broken 7): a hostile or broken settings file never stops the station;
it falls back to the defaults and says so.  The file is private (0600, folder 0700) from its first
byte, whatever the umask."""

from __future__ import annotations

import json
import logging
import os
import stat

import pytest

from desktop import settings as settings_mod
from desktop.settings import Settings


@pytest.mark.parametrize("content", [
    b"[" * 60_000 + b"]" * 60_000,
    b"{" + b'"a":{' * 60_000 + b"1" + b"}" * 60_001,
    b'{"fps": NaN}',
    b'{"fps": 30, "fps": 25}',
    b"\xff\xfe not text",
    b"not json at all",
    b"[1, 2, 3]",
    b'"a string"',
    b"{" + b" " * (200 * 1024) + b"}",
])
def test_an_unusable_settings_file_falls_back_to_defaults_and_says_so(tmp_path, caplog, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="testimony_shield"):
        s = settings_mod.load(path)
    assert s == Settings()
    assert "using the defaults" in caplog.text and str(path) in caplog.text
    assert "[[[" not in caplog.text  # the reason, never the content
    # kept aside for inspection, not silently overwritten by the next save
    assert not path.exists() and (tmp_path / "settings.json.invalid").read_bytes() == content
    settings_mod.save(Settings(fps=25), path)
    assert settings_mod.load_checked(path) == (Settings(fps=25), "")


def test_a_field_of_the_wrong_type_or_range_takes_its_default(tmp_path):
    path = tmp_path / "settings.json"
    good = {"version": 1, "camera": "demo", "fps": 25, "text_scale": 1.5, "high_contrast": True}
    bad = {"video_size": [10**9, "x"], "face_style": "none", "encoder_preset": ";rm -rf /",
           "voice_preset": {"x": 1}, "witness_language": "../../etc", "vault_dir": "relative/path",
           "microphone": ["0"]}
    path.write_text(json.dumps({**good, **bad}))
    s, problem = settings_mod.load_checked(path)
    assert (s.camera, s.fps, s.text_scale, s.high_contrast) == ("demo", 25, 1.5, True)
    d = Settings()
    assert (s.video_size, s.face_style, s.encoder_preset, s.voice_preset, s.witness_language, s.vault_dir,
            s.microphone) == (d.video_size, d.face_style, d.encoder_preset, d.voice_preset,
                              d.witness_language, d.vault_dir, d.microphone)
    for name in bad:
        assert name in problem
    assert path.exists()  # a partly valid file is kept (the next save rewrites it)


def test_text_scale_nan_and_booleans_for_numbers_are_refused(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"fps": true, "text_scale": 1e999, "high_contrast": 1}')
    s, problem = settings_mod.load_checked(path)
    assert (s.fps, s.text_scale, s.high_contrast) == (30, 1.0, False)
    assert "fps" in problem and "text_scale" in problem and "high_contrast" in problem


def test_the_settings_file_is_private_from_its_first_byte(tmp_path):
    old = os.umask(0)  # a permissive umask must not matter
    try:
        path = tmp_path / "config" / "deeper" / "settings.json"
        settings_mod.save(Settings(camera="demo"), path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary left
    assert settings_mod.load(path).camera == "demo"


def test_a_missing_file_is_no_problem(tmp_path):
    assert settings_mod.load_checked(tmp_path / "none.json") == (Settings(), "")
