"""common/: one canonical JSON, one signature check and fingerprint, one atomic write — shared by the
vault and the link invitation."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from common.atomic import atomic_write
from common.canonical import canonical_json
from common.signing import key_fingerprint, verify_ed25519
from recording.transport import invite
from vault import keys
from vault.format.canonical import cjson


def test_one_canonical_json_for_the_vault_and_the_invitation():
    doc = {"b": [1, 2.5, "é"], "a": {"z": None, "y": True}}
    assert canonical_json(doc) == b'{"a":{"y":true,"z":null},"b":[1,2.5,"\\u00e9"]}'
    assert cjson(doc) == canonical_json(doc) == invite.canonical(doc)
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})


def test_signature_check_and_fingerprint():
    key = Ed25519PrivateKey.generate()
    pub = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    sig = key.sign(b"message")
    assert verify_ed25519(pub, sig, b"message")
    assert not verify_ed25519(pub, sig, b"messagE")
    assert not verify_ed25519(pub[:-1], sig, b"message")  # a malformed key is a failure, not an exception
    assert not verify_ed25519(pub, b"\0" * 64, b"message")
    assert keys.verify_sig(pub, sig, b"message")
    assert key_fingerprint(pub) == keys.fingerprint(pub) and len(key_fingerprint(pub)) == 32


def test_atomic_write_replaces_whole_and_private(tmp_path: Path):
    target = tmp_path / "doc.json"
    target.write_bytes(b"old")
    atomic_write(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json"]  # no temporary left behind
    with pytest.raises(OSError):
        atomic_write(tmp_path / "missing-folder" / "x", b"data")
    assert target.read_bytes() == b"new contents"
