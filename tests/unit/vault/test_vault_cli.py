from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta

import pytest

from desktop import vault_cli
from tests.helpers.temp_vault import PASS, make_vault, write_recording


def run(argv, default):
    p = argparse.ArgumentParser()
    sub = p.add_subparsers()
    vault_cli.register(sub, default)
    args = p.parse_args(argv)
    return args.func(args)


@pytest.fixture
def env_pass(monkeypatch):
    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", PASS)


def test_cli_list_verify_export_audit(tmp_path, env_pass, capsys):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"media" * 1000, meta={"kind": "masked", "case": "X", "duration": 2.0})
    assert run(["vault", "list", "--json"], v.root) == 0
    assert [d["id"] for d in json.loads(capsys.readouterr().out)] == [rid]
    assert run(["vault", "list"], v.root) == 0
    assert rid in capsys.readouterr().out
    assert run(["vault", "verify", "--vault", str(v.root)], tmp_path / "elsewhere") == 0
    out = tmp_path / "out.mkv"
    assert run(["vault", "export", rid, "--plain", "--reason", "test", "-o", str(out)], v.root) == 0
    assert out.read_bytes() == b"media" * 1000
    assert run(["vault", "audit"], v.root) == 0
    assert "export" in capsys.readouterr().out
    assert run(["vault", "export", rid, "--to", "defence", "--reason", "disclosure"], v.root) == 0
    assert run(["vault", "info", rid], v.root) == 0


def test_cli_errors(tmp_path, monkeypatch, capsys):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"x" * 100)
    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", "wrong")
    assert run(["vault", "shred", rid, "--reason", "r"], v.root) == 3
    assert "wrong passphrase for role 'judge'" in capsys.readouterr().err
    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", PASS)
    assert run(["vault", "export", "0123456789abcdef", "--plain", "--reason", "r", "-o", str(tmp_path / "o")],
               v.root) == 6
    assert run(["vault", "export", rid, "--plain", "--role", "defence", "--reason", "r",
                "-o", str(tmp_path / "o")], v.root) == 5
    monkeypatch.delenv("TESTIMONY_SHIELD_PASSPHRASE")
    monkeypatch.setattr("sys.stdin", None)
    assert run(["vault", "shred", rid, "--reason", "r"], v.root) == 2
    assert "TESTIMONY_SHIELD_PASSPHRASE" in capsys.readouterr().err
    (v.root / "vault.json").write_bytes(b"{}")
    assert run(["vault", "verify"], v.root) == 4
    assert run(["vault", "list"], tmp_path / "none") == 8


def test_cli_share_and_notes(tmp_path, env_pass, capsys):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"media" * 1000, meta={"kind": "masked", "case_number": "X"})
    soon = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%dT%H:%MZ")
    assert run(["vault", "share", rid, "--to", "defence", "--expires", soon, "--reason", "r"], v.root) == 0
    assert run(["vault", "shares", "--json"], v.root) == 0
    out = capsys.readouterr().out.strip().splitlines()[-1]
    (s,) = json.loads(out)
    assert s["role"] == "defence" and s["rec"] == rid and not s["expired"]
    # the defence can now open it; a plain export by a share-holder is watermarked, so a record with no
    # video to mark is refused and leaves nothing behind (tests/integration/test_security_review.py has
    # the watermarked export of real media)
    dst = tmp_path / "d.bin"
    assert run(["vault", "export", rid, "--plain", "--role", "defence", "--reason", "r", "-o", str(dst)], v.root) == 2
    assert not dst.exists() and list(tmp_path.glob("*.partial")) == []
    with pytest.raises(SystemExit) as exc:  # refused by the command line, before anything is opened
        run(["vault", "share", rid, "--to", "defence", "--expires", "2000-01-01T00:00Z", "--reason", "r"], v.root)
    assert exc.value.code == 2
    assert run(["vault", "notes", rid, "--add", "secret remark", "--at", "61"], v.root) == 0
    capsys.readouterr()
    assert run(["vault", "notes", rid], v.root) == 0
    assert "01:01  secret remark" in capsys.readouterr().out
    assert run(["vault", "shares", "--revoke", s["id"], "--reason", "done"], v.root) == 0
    assert run(["vault", "export", rid, "--plain", "--role", "defence", "--reason", "r", "-o", str(dst) + "2"],
               v.root) == 5
    assert run(["vault", "verify"], v.root) == 0
