"""A real TURN server for tests: coturn (Debian's ``coturn``, ``turnserver``) started from a config
file as a court's IT would run it (``use-auth-secret``), on 127.0.0.1, free ports, its own folder.
Loopback peers are allowed here only (both test stations' relayed addresses are on 127.0.0.1).

    turn = Coturn(folder, secret); turn.start(); turn.url -> "turn:127.0.0.1:PORT"; turn.stop()

and the court relay as court IT runs it (``testimony-shield relay`` as a process, restartable on the
same port and TLS key): ``relay = Relay(folder, turn.url); relay.start(); relay.info; relay.stop()``.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECRET = "relay-test-secret-0123456789"


def wait_file(path: Path, secs: float) -> bool:
    deadline = time.monotonic() + secs
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size > 0:
            return True
        time.sleep(0.1)
    return False


def turnserver_binary() -> str | None:
    return shutil.which("turnserver") or next(
        (p for p in ("/usr/bin/turnserver", "/usr/sbin/turnserver") if Path(p).exists()), None)


def free_udp_port(lo: int = 20000, hi: int = 40000) -> int:
    while True:
        p = random.randint(lo, hi)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.bind(("127.0.0.1", p))
            except OSError:
                continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", p))
            except OSError:
                continue
        return p


def free_tcp_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Coturn:
    """``host``/``wrap``: elsewhere than loopback (the network lab: its public host's address, and
    ``wrap(argv)`` running argv in its namespace; readiness is then the log's, not a probe)."""

    def __init__(self, folder: Path, secret: str, host: str = "127.0.0.1", wrap=None,
                 tls: tuple[Path, Path] | None = None) -> None:
        """``tls``: (certificate, key) files: TURN over TLS too, on :attr:`tls_port` (``turns:``)."""
        self.dir = Path(folder)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.secret = secret
        self.host = host
        self.wrap = wrap or (lambda argv: argv)
        self.port = free_udp_port() if host == "127.0.0.1" else 3478
        self.tls_port = free_tcp_port() if tls else 0
        lo = random.randint(41000, 60000) // 100 * 100
        self.config = self.dir / "turnserver.conf"
        self.config.write_text("\n".join([
            f"listening-ip={host}", f"relay-ip={host}", f"listening-port={self.port}",
            "use-auth-secret", f"static-auth-secret={secret}", "realm=court.test", "fingerprint",
            *([f"tls-listening-port={self.tls_port}", f"cert={tls[0]}", f"pkey={tls[1]}"] if tls else ["no-tls"]),
            "no-dtls", "no-cli", "no-multicast-peers",
            *(["allow-loopback-peers"] if host == "127.0.0.1" else []),  # loopback tests: both stations there
            f"min-port={lo}", f"max-port={lo + 99}", f"pidfile={self.dir / 'turnserver.pid'}",
            f"userdb={self.dir / 'turndb'}", f"log-file={self.dir / 'turn.log'}", "simple-log", ""]))
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"turn:{self.host}:{self.port}"

    def start(self, timeout: float = 20.0) -> None:
        binary = turnserver_binary()
        assert binary, "no turnserver binary"
        self.proc = subprocess.Popen(self.wrap([binary, "-c", str(self.config)]), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        if self.host != "127.0.0.1":  # not reachable from here: its log says when it listens
            deadline = time.monotonic() + timeout
            while "relay ports initialization" not in self.log() or "Total" not in self.log():
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"coturn did not start: {self.log()[-500:]}")
                time.sleep(0.2)
            time.sleep(0.5)
            return
        import asyncio

        from recording.transport.errors import LinkError
        from recording.transport.turn import probe, rest_credentials

        deadline = time.monotonic() + timeout
        while True:  # ready when it allocates with a good credential
            try:
                asyncio.run(probe(rest_credentials(self.secret.encode(), self.url, "ready", 60), timeout=1.0))
                return
            except LinkError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"coturn did not start: {self.log()[-500:]}") from None
                time.sleep(0.2)

    def log(self) -> str:
        logs = sorted(self.dir.glob("turn*.log"))
        return "".join(p.read_text(errors="replace") for p in logs)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


class Relay:
    """``testimony-shield relay`` as a process (restartable on the same port and TLS key)."""

    def __init__(self, folder: Path, turn_url: str, secret: str = SECRET, host: str = "127.0.0.1",
                 wrap=None, fallback: tuple[str, ...] = ()) -> None:
        self.dir = folder
        self.host = host
        self.wrap = wrap or (lambda argv: argv)
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_tcp_port()
        self.info = folder / "relay.json"
        self.secret_file = folder / "turn-secret"
        self.secret_file.write_text(secret)
        self.secret_file.chmod(0o600)
        self.turn_url = turn_url
        self.fallback = fallback  # --turn-fallback-url (default: the relay's own, TCP on the UDP port)
        self.proc: subprocess.Popen | None = None
        self.out = ""

    def start(self) -> None:
        if self.info.exists():
            self.info.unlink()
        argv = [sys.executable, "-m", "desktop", "relay", "--listen", f"{self.host}:{self.port}", "--turn-url",
                self.turn_url, "--turn-secret-file", str(self.secret_file), "--info-out", str(self.info),
                *(a for u in self.fallback for a in ("--turn-fallback-url", u))]
        self.proc = subprocess.Popen(self.wrap(argv), cwd=ROOT, env=dict(os.environ), text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert wait_file(self.info, 60), "the relay wrote no info file"

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str, str]:
        assert self.proc is not None
        self.proc.send_signal(sig)
        out, err = self.proc.communicate(timeout=30)
        code = self.proc.returncode
        self.proc = None
        self.out += out
        return code, out, err

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.communicate()
            self.proc = None
