"""Any single mutation of any vault file is detected by verify(); reading never returns wrong plaintext."""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from tests.helpers.temp_vault import PASS, make_vault, write_recording
from vault.errors import IntegrityError, VaultError
from vault.format import stream as st
from vault.store import Vault, verify_vault


@pytest.fixture(scope="module")
def sealed(tmp_path_factory):
    root = tmp_path_factory.mktemp("sealed") / "vault"
    v = make_vault(root)
    data = {}
    for k in range(2):
        payload = os.urandom(120_000 + k)
        data[write_recording(v, payload, pieces=5, chunk_size=16 * 1024,
                             recipients=["judge", "defence"], meta={"kind": "masked", "case": f"C{k}"})] = payload
    v.unlock("judge", PASS)
    assert v.verify().ok
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and p.suffix != ".lock")
    return Sealed((root, data, files))


class Sealed(tuple):
    def __repr__(self) -> str:
        return "Sealed(...)"


def _mutate(path: Path, kind: str, pos: int, bit: int) -> None:
    if kind == "delete":
        path.unlink()
        return
    b = bytearray(path.read_bytes())
    if kind == "flip":
        b[pos % len(b)] ^= 1 << bit
    elif kind == "truncate":
        del b[len(b) - 1 - pos % min(len(b), 64):]
    elif kind == "append":
        b += bytes([bit])
    path.write_bytes(bytes(b))


def _read_all(root: Path, rid: str) -> bytes:
    v = Vault.open(root)
    judge = v.unlock("judge", PASS)
    with v.open_reader(rid, judge) as r:
        return r.read()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=hs.integers(0, 10_000), kind=hs.sampled_from(["flip", "flip", "flip", "truncate", "delete", "append"]),
       pos=hs.integers(0, 10**7), bit=hs.integers(0, 7))
def test_any_mutation_is_detected(sealed, which, kind, pos, bit):
    root, data, files = sealed
    rel = files[which % len(files)]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "v"
        shutil.copytree(root, copy)
        _mutate(copy / rel, kind, pos, bit)
        rep = verify_vault(copy)
        assert not rep.ok, f"{kind} of {rel} at {pos} not detected"
        assert rep.problems
        for rid, payload in data.items():
            try:
                got = _read_all(copy, rid)
            except VaultError:
                continue
            assert got == payload, f"wrong plaintext after {kind} of {rel}"


def _records(path: Path) -> list[tuple[int, int]]:
    b = path.read_bytes()
    out, off = [], st.FILE_HEADER_LEN
    while off < len(b):
        (n,) = struct.unpack(">I", b[off:off + 4])
        out.append((off, st.PREFIX_LEN + n + st.HASH_LEN))
        off += st.PREFIX_LEN + n + st.HASH_LEN
    return out


def test_chunk_swap_between_recordings_rejected(tmp_path):
    v = make_vault(tmp_path / "vault")
    a = write_recording(v, os.urandom(100_000), pieces=1, chunk_size=16 * 1024)
    b = write_recording(v, os.urandom(100_000), pieces=1, chunk_size=16 * 1024)
    pa, pb = (v.root / "recordings" / x / "data.tsv" for x in (a, b))
    ra, rb = _records(pa), _records(pb)
    assert ra[2][1] == rb[2][1]
    da, db = bytearray(pa.read_bytes()), pb.read_bytes()
    off, n = ra[2]
    da[off:off + n] = db[off:off + n]  # a well-formed record (its own hash is right) from another file
    pa.write_bytes(bytes(da))
    rep = v.verify()
    assert not rep.ok and any(f"recordings/{a}/data.tsv" in p for p in rep.problems)
    r = v.open_reader(a, v.unlock("judge", PASS))
    with pytest.raises(IntegrityError, match="chunk 2 fails authentication"):
        r.read()
    r.close()


def test_chunk_reorder_rejected(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, os.urandom(100_000), pieces=1, chunk_size=16 * 1024)
    p = v.root / "recordings" / rid / "data.tsv"
    rec = _records(p)
    b = p.read_bytes()
    (o1, n1), (o2, n2) = rec[1], rec[2]
    p.write_bytes(b[:o1] + b[o2:o2 + n2] + b[o1:o1 + n1] + b[o2 + n2:])
    assert not v.verify().ok
    r = v.open_reader(rid, v.unlock("judge", PASS))
    with pytest.raises(IntegrityError, match="chunk 1 fails authentication"):
        r.read()
    r.close()


def test_precise_problem_message(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, os.urandom(100_000), pieces=1, chunk_size=16 * 1024)
    p = v.root / "recordings" / rid / "data.tsv"
    off, _ = _records(p)[3]
    b = bytearray(p.read_bytes())
    b[off + 10] ^= 1
    p.write_bytes(bytes(b))
    rep = v.verify()
    assert any(f"recordings/{rid}/data.tsv: chunk 3" in x for x in rep.problems), rep.problems


def test_deleted_recording_folder_and_stray_file_detected(tmp_path):
    v = make_vault(tmp_path / "vault")
    rid = write_recording(v, b"x" * 1000)
    shutil.rmtree(v.root / "recordings" / rid)
    assert any("missing (deleted?)" in p for p in v.verify().problems)
    v2 = make_vault(tmp_path / "v2")
    (v2.root / "recordings" / "feedbeef00000000").mkdir()
    (v2.root / "notes.txt").write_text("x")
    probs = v2.verify().problems
    assert any("not in the audit trail" in p for p in probs) and any("unexpected file" in p for p in probs)
