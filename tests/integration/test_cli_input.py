"""Command-line input is checked before anything is created (security review, Broken 8): ids are 16
hex characters and never leave the vault, durations are finite and positive, languages are real ISO
639-2 codes, a share's expiry is bounded, ``mask`` on a file that is not media exits 2 with a
message, and ``| head`` is quiet.  Run as the real command (a subprocess), as a clerk would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.temp_vault import PASS, make_vault, write_recording

BIN = [sys.executable, "-m", "desktop"]


def run_real(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real command in a subprocess."""
    e = dict(os.environ, TESTIMONY_SHIELD_PASSPHRASE=PASS, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([*BIN, *args], capture_output=True, text=True, env=e, timeout=timeout)


@pytest.fixture
def ts(monkeypatch, capsys):
    """``desktop.cli.main`` in this process (fast), with its exit code, stdout and stderr."""
    from desktop import cli

    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", PASS)
    monkeypatch.setattr("sys.excepthook", sys.excepthook)
    monkeypatch.setattr("threading.excepthook", __import__("threading").excepthook)
    old = os.umask(0o022)
    os.umask(old)

    def run(*args: str) -> subprocess.CompletedProcess:
        capsys.readouterr()
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
        finally:
            os.umask(old)
        out = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out.out, out.err)

    return run


def assert_clean_refusal(r: subprocess.CompletedProcess, *words: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr[-500:])
    assert "Traceback" not in r.stderr and "CRITICAL" not in r.stderr
    for w in words:
        assert w in r.stderr, r.stderr[-500:]


@pytest.mark.parametrize("args, words", [
    (["--duration", "nan"], ["--duration", "finite"]),
    (["--duration", "inf"], ["--duration"]),
    (["--duration", "-5"], ["--duration", "more than 0"]),
    (["--duration", "0"], ["--duration"]),
    (["--duration", "1e9"], ["--duration", "at most"]),
    (["--duration", "ten"], ["--duration"]),
    (["--languages", "spä"], ["--languages", "ISO 639-2"]),
    (["--languages", "spa,xyz"], ["--languages", "'xyz'"]),
    (["--languages", "und"], ["--languages"]),
    (["--break-at", "nan"], ["--break-at"]),
    (["--break-at", "-1"], ["--break-at"]),
    (["--duration", "5", "--break-at", "7"], ["--break-at", "before the end"]),
    (["--break-length", "0"], ["--break-length"]),
])
def test_demo_refuses_bad_input_before_creating_anything(tmp_path, ts, args, words):
    vault = tmp_path / "vault"
    r = ts("demo", "--headless", "--vault", str(vault), *args)
    assert_clean_refusal(r, *words)
    assert not vault.exists()  # nothing was created


def test_the_real_command_refuses_nan_before_creating_a_vault(tmp_path):
    r = run_real("demo", "--headless", "--vault", str(tmp_path / "vault"), "--duration", "nan")
    assert_clean_refusal(r, "--duration", "finite")
    assert not (tmp_path / "vault").exists()


@pytest.mark.parametrize("args", [
    ["court", "--headless", "--invite-out", "INV", "--duration", "nan"],
    ["court", "--headless", "--invite-out", "INV", "--invite-ttl", "-1"],
    ["court", "--headless", "--invite-out", "INV", "--port", "70000"],
    ["court", "--headless", "--invite-out", "INV", "--interpreter-language", "klingon"],
    ["witness", "--headless", "--join", "INV", "--duration", "-5"],
    ["witness", "--headless", "--join", "INV", "--fps", "0"],
    ["witness", "--headless", "--join", "INV", "--break-at", "inf"],
    ["interpreter", "--headless", "--join", "INV", "--language", "spä"],
])
def test_stations_refuse_bad_input_before_creating_anything(tmp_path, ts, args):
    vault = tmp_path / "vault"
    args = [str(tmp_path / "inv") if a == "INV" else a for a in args]
    r = ts(*args, "--vault", str(vault)) if args[0] != "interpreter" else ts(*args)
    assert_clean_refusal(r)
    assert not vault.exists() and not (tmp_path / "inv").exists()


@pytest.mark.parametrize("rec_id", ["", "..", "../..", "../../x", "../../../etc/passwd", "/etc",
                                    "0123456789abcdeg", "0123456789abcde", "0123456789abcdef0", "*", "a" * 4000,
                                    "01234567\x0089abcdef"])
def test_ids_are_16_hex_characters_and_never_leave_the_vault(tmp_path, ts, rec_id):
    v = make_vault(tmp_path / "vault")
    write_recording(v, b"x" * 100)
    # a header.json outside the vault, where "../../x" would have led
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "header.json").write_text('{"signed": {"secret": "outside"}}\n')
    for cmd in (["info", rec_id], ["export", rec_id, "--plain", "--reason", "r", "-o", str(tmp_path / "o.mkv")],
                ["notes", rec_id], ["shred", rec_id, "--reason", "r"]):
        if "\x00" in rec_id:  # the kernel refuses NUL in an argument: argparse never sees it
            continue
        r = ts("vault", cmd[0], "--vault", str(v.root), *cmd[1:])
        assert_clean_refusal(r, "16 hex characters")
        assert "outside" not in r.stdout
    assert not (tmp_path / "o.mkv").exists()


def test_a_share_expiry_is_bounded(tmp_path, ts):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"x" * 100, meta={"kind": "masked"})
    for when, word in (("9999-12-31T23:59Z", "days ahead"), ("2000-01-01T00:00Z", "past"),
                       ("2027-01-01T00:00", "time zone"), ("tomorrow", "ISO 8601")):
        r = ts("vault", "share", rid, "--vault", str(v.root), "--to", "defence", "--expires", when, "--reason", "r")
        assert_clean_refusal(r, "--expires", word)
    assert v.shares() == []


def test_a_plain_export_never_goes_into_the_vault_nor_over_a_file(tmp_path, ts):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"x" * 100, meta={"kind": "masked"})
    inside = v.root / "recordings" / "leak.mkv"
    r = ts("vault", "export", rid, "--vault", str(v.root), "--plain", "--reason", "r", "-o", str(inside))
    assert_clean_refusal(r, "inside the vault")
    assert not inside.exists()
    existing = tmp_path / "keep.txt"
    existing.write_text("mine")
    r = ts("vault", "export", rid, "--vault", str(v.root), "--plain", "--reason", "r", "-o", str(existing))
    assert_clean_refusal(r, "exists")
    assert existing.read_text() == "mine"
    assert not any(e.event == "export" for e in v.audit_entries())  # refused before unlocking


@pytest.mark.parametrize("name, content", [
    ("speech.wav", b"RIFF\x24\x00\x00\x00WAVEfmt junk junk"),
    ("notes.wav", b"hello, this is a text file, not audio\n" * 20),
    ("clip.mkv", b"\x1a\x45\xdf\xa3" + os.urandom(4000)),
    ("readme.mp4", b"# README\n" * 200),
    ("sound.flac", os.urandom(3000)),
])
def test_mask_on_a_file_that_is_not_media_exits_2_with_a_message(tmp_path, ts, name, content):
    src = tmp_path / name
    src.write_bytes(content)
    out = tmp_path / ("out" + Path(name).suffix)
    r = ts("mask", str(src), "-o", str(out), "--voice", "standard", "--face", "off")
    assert r.returncode == 2, (r.returncode, r.stderr[-400:])
    assert "testimony-shield mask:" in r.stderr and name in r.stderr
    assert "Traceback" not in r.stderr and "CRITICAL" not in r.stderr
    assert not out.exists() and not Path(str(out) + ".partial").exists()


def test_vault_list_into_head_is_quiet(tmp_path):
    v = make_vault(tmp_path / "vault")
    for _ in range(3):
        write_recording(v, b"x" * 100)
    e = dict(os.environ, TESTIMONY_SHIELD_PASSPHRASE=PASS)
    for sub in (["list"], ["audit"], ["list", "--json"]):
        r = subprocess.run(f"{sys.executable} -m desktop vault {' '.join(sub)} --vault {v.root} | head -c 1",
                           shell=True, capture_output=True, text=True, env=e, timeout=60)
        assert r.stderr == "", r.stderr
        assert len(r.stdout) == 1
