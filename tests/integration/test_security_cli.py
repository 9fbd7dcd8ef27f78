"""The security review's findings through the command line, as a clerk, a judge or the defence would
meet them (see docs/security.md).  ``desktop.cli.main`` runs in this process (fast); each test is its
own station (its own key and record of audit heads)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import av
import numpy as np
import pytest

from recording.encode.derive import band_rows
from tests.helpers.media import live_mkv
from tests.helpers.temp_vault import PASS, make_vault, write_recording
from vault.store import Vault

ROLE_VARS = ("TESTIMONY_SHIELD_PASSPHRASE_STATION", "TESTIMONY_SHIELD_PASSPHRASE_JUDGE",
             "TESTIMONY_SHIELD_PASSPHRASE_CLERK", "TESTIMONY_SHIELD_PASSPHRASE_DEFENCE")


@pytest.fixture
def ts(monkeypatch, capfd, tmp_path):
    """``testimony-shield ARGS`` in this process: (exit code, stdout, stderr), file descriptors captured
    (so that anything a library prints from C is seen too)."""
    from desktop import cli

    monkeypatch.setenv("TESTIMONY_SHIELD_STATE_DIR", str(tmp_path / "station-state"))
    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", PASS)
    for name in ROLE_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.excepthook", sys.excepthook)
    monkeypatch.setattr("threading.excepthook", __import__("threading").excepthook)
    old = os.umask(0o022)
    os.umask(old)

    def run(*args: str) -> subprocess.CompletedProcess:
        capfd.readouterr()
        try:
            code = cli.main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        finally:
            os.umask(old)
        out = capfd.readouterr()
        return subprocess.CompletedProcess(args, code, out.out, out.err)

    return run


def media_vault(tmp_path, seconds: int = 3):
    v = make_vault(tmp_path / "vault")
    data = live_mkv(seconds)
    rid = write_recording(v, data, recipients=("judge", "clerk"), chunk_size=16 * 1024,
                          meta={"kind": "masked", "case_number": "T-2026-7", "fps": 30})
    return v, rid, data


def test_a_failed_export_leaves_nothing_and_prints_no_traceback(tmp_path, ts):
    v, rid, _ = media_vault(tmp_path)
    data = v.root / "recordings" / rid / "data.tsv"
    raw = bytearray(data.read_bytes())
    raw[len(raw) // 2] ^= 0x40
    data.write_bytes(bytes(raw))
    out = tmp_path / "out"
    out.mkdir()
    r = ts("vault", "export", rid, "--vault", str(v.root), "--plain", "--reason", "review", "-o", str(out / "e.mkv"))
    assert r.returncode == 4, r.stderr
    assert "fails authentication" in r.stderr
    assert "Traceback" not in r.stderr and "exception being dropped" not in r.stderr
    assert list(out.iterdir()) == []
    assert [e.event for e in Vault.open(v.root).audit_entries()][-1] == "export-failed"


def test_a_plain_export_is_private_and_complete(tmp_path, ts):
    v, rid, _ = media_vault(tmp_path)
    out = tmp_path / "e.mkv"
    r = ts("vault", "export", rid, "--vault", str(v.root), "--plain", "--reason", "review", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    with av.open(str(out)) as c:
        assert sum(1 for _ in c.decode(video=0)) == 90


def test_vault_init_needs_one_passphrase_per_role(tmp_path, ts, monkeypatch):
    vault = tmp_path / "vault"
    r = ts("vault", "init", "--vault", str(vault))  # only the common variable: never one for all roles
    assert r.returncode == 2 and "TESTIMONY_SHIELD_PASSPHRASE_STATION" in r.stderr and not vault.exists()
    for name in ROLE_VARS:
        monkeypatch.setenv(name, "same-for-everyone")
    r = ts("vault", "init", "--vault", str(vault))
    assert r.returncode == 2 and "same passphrase" in r.stderr and not vault.exists()
    for name in ROLE_VARS:
        monkeypatch.setenv(name, f"{name.rsplit('_', 1)[1].lower()}-passphrase")
    r = ts("vault", "init", "--vault", str(vault))
    assert r.returncode == 0 and "each with its own passphrase" in r.stdout, r.stderr
    monkeypatch.delenv("TESTIMONY_SHIELD_PASSPHRASE")
    monkeypatch.delenv("TESTIMONY_SHIELD_PASSPHRASE_JUDGE")
    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", "clerk-passphrase")  # the clerk tries as the judge
    r = ts("vault", "shares", "--vault", str(vault), "--expire", "--role", "judge")
    assert r.returncode == 3
    r = ts("vault", "identity", "--vault", str(vault))
    assert r.returncode == 0 and "share one passphrase" not in r.stdout + r.stderr


def test_a_scripted_vault_is_marked_and_reported(tmp_path, ts):
    v = make_vault(tmp_path / "vault")
    r = ts("vault", "verify", "--vault", str(v.root))
    assert r.returncode == 0 and "share one passphrase" in r.stdout
    r = ts("vault", "identity", "--vault", str(v.root))
    assert "share one passphrase" in r.stderr


def test_copies_for_another_role_are_the_judges_alone_through_the_command_line(tmp_path, ts):
    v, rid, _ = media_vault(tmp_path)
    r = ts("vault", "export", rid, "--vault", str(v.root), "--to", "defence", "--reason", "disclosure",
           "--role", "clerk")
    assert r.returncode == 5 and "only the judge" in r.stderr
    session = write_recording(v, b'{"witness_pseudonym": "Witness A"}', recipients=("judge", "clerk"),
                              meta={"kind": "session"})
    r = ts("vault", "export", session, "--vault", str(v.root), "--to", "defence", "--reason", "disclosure")
    assert r.returncode == 5 and "never goes to the defence" in r.stderr
    assert [x.id for x in Vault.open(v.root).list()] == [rid, session]


def test_a_share_holders_plain_export_is_watermarked(tmp_path, ts, monkeypatch):
    v, rid, data = media_vault(tmp_path)
    soon = (datetime.now(UTC) + timedelta(days=7)).strftime("%Y-%m-%dT%H:%MZ")
    r = ts("vault", "share", rid, "--vault", str(v.root), "--to", "defence", "--expires", soon, "--reason", "r")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "defence.mkv"
    r = ts("vault", "export", rid, "--vault", str(v.root), "--plain", "--role", "defence", "--reason",
           "prepare", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    import io

    with av.open(io.BytesIO(data)) as src, av.open(str(out)) as dst:
        a = next(src.decode(video=0)).to_ndarray(format="bgr24").astype(np.int16)
        b = next(dst.decode(video=0)).to_ndarray(format="bgr24").astype(np.int16)
    top, bottom = band_rows(a.shape[0])
    assert np.abs(a[top:bottom] - b[top:bottom]).mean() > 10  # the band with the text is burnt in
    assert np.abs(a[:top - 4] - b[:top - 4]).mean() < 6  # the rest is the picture
    (e,) = [e for e in Vault.open(v.root).audit_entries() if e.event == "export"]
    assert e.actor == "defence" and "DEFENCE COPY" in e.details["watermark"] and e.details["share"]
    r = ts("vault", "export", rid, "--vault", str(v.root), "--to", "defence", "--role", "defence", "--reason", "keep")
    assert r.returncode == 5


def test_rollback_is_reported_by_verify_and_expect_head(tmp_path, ts, monkeypatch):
    v, rid, _ = media_vault(tmp_path)
    r = ts("vault", "head", "--vault", str(v.root))
    head_before = r.stdout.strip()
    assert r.returncode == 0 and ":" in head_before
    kept = {n: (v.root / n).read_bytes() for n in ("audit.log", "audit.checkpoint")}
    r = ts("vault", "export", rid, "--vault", str(v.root), "--plain", "--reason", "look", "-o",
           str(tmp_path / "x.mkv"))
    assert r.returncode == 0
    head_after = ts("vault", "head", "--vault", str(v.root)).stdout.strip()
    assert ts("vault", "verify", "--vault", str(v.root), "--expect-head", head_before).returncode == 0
    for name, data in kept.items():  # the export erased from the record
        (v.root / name).write_bytes(data)
    r = ts("vault", "verify", "--vault", str(v.root))
    assert r.returncode == 4 and "went backwards" in r.stderr
    r = ts("vault", "audit", "--vault", str(v.root))
    assert "went backwards" in r.stderr
    # on another machine (no memory of this vault), a head kept in the court file catches it
    monkeypatch.setenv("TESTIMONY_SHIELD_STATE_DIR", str(tmp_path / "another-station"))
    assert ts("vault", "verify", "--vault", str(v.root)).returncode == 0
    r = ts("vault", "verify", "--vault", str(v.root), "--expect-head", head_after)
    assert r.returncode == 4 and "expected head" in r.stderr
    r = ts("vault", "verify", "--vault", str(v.root), "--expect-head", "not-a-head")
    assert r.returncode == 4


def test_a_failed_unlock_on_the_command_line_reaches_the_trail(tmp_path, ts, monkeypatch):
    v, rid, _ = media_vault(tmp_path)
    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", "a guess")
    r = ts("vault", "export", rid, "--vault", str(v.root), "--plain", "--reason", "r", "-o", str(tmp_path / "o.mkv"))
    assert r.returncode == 3
    r = ts("vault", "audit", "--vault", str(v.root))
    assert "unlock-failed" in r.stdout and "pending" in r.stdout
    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", PASS)
    assert ts("vault", "notes", rid, "--vault", str(v.root)).returncode == 0  # any signed action
    failed = [e for e in Vault.open(v.root).audit_entries() if e.event == "unlock-failed"]
    assert [e.details["role"] for e in failed] == ["judge"]


def test_shred_warns_about_copies_and_can_take_them(tmp_path, ts):
    v, rid, _ = media_vault(tmp_path)
    r = ts("vault", "export", rid, "--vault", str(v.root), "--to", "judge", "--no-watermark", "--reason", "work")
    copy = r.stdout.strip()
    assert r.returncode == 0 and len(copy) == 16
    r = ts("vault", "shred", rid, "--vault", str(v.root), "--reason", "order")
    assert r.returncode == 0 and copy in r.stderr and "--with-derived" in r.stderr
    r = ts("vault", "shred", rid, "--vault", str(v.root), "--reason", "order", "--with-derived")
    assert r.returncode == 0 and copy in r.stdout
    assert all(x.shredded for x in Vault.open(v.root).list())
    assert ts("vault", "verify", "--vault", str(v.root)).returncode == 0


def test_vault_recover_quarantines_a_planted_folder(tmp_path, ts):
    from tests.unit.vault.test_vault_security import plant

    v, rid, _ = media_vault(tmp_path)
    planted = plant(v)
    r = ts("vault", "list", "--vault", str(v.root))
    assert "not in the audit trail" in r.stdout
    assert ts("vault", "verify", "--vault", str(v.root)).returncode == 4
    r = ts("vault", "recover", "--vault", str(v.root))
    assert r.returncode == 0 and "quarantined" in r.stderr and planted in r.stderr, r.stderr
    r = ts("vault", "verify", "--vault", str(v.root))
    assert r.returncode == 0 and "quarantined" in r.stdout
    r = ts("vault", "audit", "--vault", str(v.root))
    assert "quarantine" in r.stdout
    assert [x.id for x in Vault.open(v.root).list()] == [rid]
