"""`vault init|sync|list|verify` on an s3:// URL: what a court's IT and a clerk type."""

from __future__ import annotations

import argparse
import json
import os

import pytest

from desktop import vault_cli
from tests.helpers.temp_vault import PASS
from vault.keys import KdfParams
from vault.store import Vault

pytestmark = pytest.mark.slow


def run(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers()
    vault_cli.register(sub, None)
    args = p.parse_args(argv)
    return args.func(args)


def test_sync_says_what_it_did_and_exits_10_while_the_store_is_down(s3env, vault_url, monkeypatch, capsys):
    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", PASS)
    v = Vault.init(vault_url, PASS, kdf=KdfParams.fast(), retention_days=1)
    v._uploader = _Held()  # this station's uploader never ran (e.g. the session ended offline)
    w = v.create_recording({"case_number": "T-13", "kind": "masked", "duration": 1.0}, ["judge", "clerk"])
    w.write(os.urandom(50_000))
    rid = w.seal()
    assert run(["vault", "list", "--vault", vault_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # not in the store yet
    s3env.stop(hard=True)
    try:
        assert run(["vault", "sync", "--vault", vault_url, "--timeout", "3"]) == 10
        assert "store" in capsys.readouterr().err
    finally:
        s3env.start()
    assert run(["vault", "sync", "--vault", vault_url]) == 0
    out = capsys.readouterr().out
    assert "uploaded 1 recording(s)" in out and rid in out and "nothing left on this station" in out
    assert run(["vault", "list", "--vault", vault_url, "--json"]) == 0
    assert [d["id"] for d in json.loads(capsys.readouterr().out)] == [rid]
    assert run(["vault", "verify", "--vault", vault_url]) == 0
    assert run(["vault", "sync", "--vault", "/nonexistent/folder"]) == 0  # a folder: nothing to upload


class _Held:
    def kick(self) -> None:
        pass


def test_clear_messages_for_a_bucket_without_object_lock_and_for_wrong_keys(s3env, monkeypatch, capsys):
    monkeypatch.setenv("TESTIMONY_SHIELD_PASSPHRASE", PASS)
    for role in ("STATION", "JUDGE", "CLERK", "DEFENCE"):  # a new vault: one passphrase per role
        monkeypatch.setenv(f"TESTIMONY_SHIELD_PASSPHRASE_{role}", f"{PASS} {role.lower()}")
    bucket = s3env.bucket(f"nolock-{os.getpid()}", lock=False)
    rc = run(["vault", "init", "--vault", f"s3://{bucket}/court", "--retention-days", "30"])
    err = capsys.readouterr().err
    assert rc == 2 and "Object Lock" in err, err
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-key")
    assert run(["vault", "list", "--vault", f"s3://{bucket}/court"]) == 5
    assert "credentials" in capsys.readouterr().err
    assert run(["vault", "list", "--vault", "s3://no-such-bucket-here/court"]) in (2, 5)
