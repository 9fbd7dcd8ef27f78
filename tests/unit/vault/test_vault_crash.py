"""kill -9 during a recording: recover() keeps at least everything flushed, and the vault verifies."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.helpers.temp_vault import PASS, make_vault
from vault.store import Vault

CHILD = textwrap.dedent("""
    import hashlib, sys
    from vault.store import Vault
    v = Vault.open_or_init(sys.argv[1], sys.argv[2])
    w = v.create_recording({"case": "crash", "kind": "raw"}, ["judge"], chunk_size=64 * 1024)
    i = 0
    while True:
        w.write(hashlib.sha256(i.to_bytes(8, "big")).digest() * 100)  # 3200 bytes
        i += 1
        if i % 7 == 0:
            w.flush()
            print(w.tell(), flush=True)
""")


def expected(n: int) -> bytes:
    out = bytearray()
    i = 0
    while len(out) < n:
        out += hashlib.sha256(i.to_bytes(8, "big")).digest() * 100
        i += 1
    return bytes(out[:n])


def test_sigkill_then_recover(tmp_path: Path):
    root = tmp_path / "vault"
    make_vault(root)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    p = subprocess.Popen([sys.executable, "-c", CHILD, str(root), PASS], stdout=subprocess.PIPE, env=env)
    flushed = 0
    deadline = time.monotonic() + 60
    assert p.stdout is not None
    while flushed < 2_000_000 and time.monotonic() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        flushed = int(line)
    p.send_signal(signal.SIGKILL)
    p.wait()
    p.stdout.close()
    assert flushed >= 2_000_000
    v = Vault.open_or_init(root, PASS)
    rep = v.verify()
    assert rep.ok and any("not sealed" in w for w in rep.warnings)
    ids = v.recover()
    assert len(ids) == 1
    rep = v.verify()
    assert rep.ok, rep.problems
    info = v.list()[0]
    assert info.sealed and info.meta["recovered"] is True
    with v.open_reader(ids[0], v.unlock("judge", PASS)) as r:
        got = r.read()
    assert len(got) >= flushed
    assert got == expected(len(got))
    assert [e.event for e in v.audit_entries()][-3:] == ["recover", "unlock", "view"]


def test_recover_cuts_torn_tail(tmp_path: Path):
    v = make_vault(tmp_path / "vault")
    w = v.create_recording({}, ["judge"], chunk_size=4096)
    w.write(b"a" * 10_000)
    w.flush()
    w.abort()
    data = v.root / "recordings" / w.id / "data.tsv"
    with open(data, "ab") as fh:
        fh.write(b"\x00\x00\x10\x10garbage")  # a torn record
    assert v.recover() == [w.id]
    assert v.verify().ok
    with v.open_reader(w.id, v.unlock("judge", PASS)) as r:
        assert r.read() == b"a" * 10_000


def test_recover_skips_live_writer(tmp_path: Path):
    v = make_vault(tmp_path / "vault")
    w = v.create_recording({}, ["judge"])
    w.write(b"x")
    w.flush()
    other = Vault.open_or_init(v.root, PASS)
    assert other.recover() == []
    w.seal()
    assert other.verify().ok
