"""A small network lab for tests (root only): three network namespaces standing in for the internet —
a court network and a witness network that cannot reach each other, and a public host between them
where the court relay and coturn run.  Each station network drops inbound connections it did not
open (nftables, stateful).  Its own names and addresses (``tslab-*``, 10.72.x), so it never collides
with the acceptance check's lab; on the shared machine it holds ``/work/locks/netns.lock`` (flock
semantics, as ``flock(1)`` takes it) while it is up.

    with NetLab() as lab: lab.cmd("wit", [...]) -> argv run inside the witness network
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

PREFIX = "tslab"
PUB_IP = "10.72.0.1"
STATION_IP = {"court": "10.72.1.2", "wit": "10.72.2.2"}
_SUBNET = {"court": "10.72.1", "wit": "10.72.2"}
LOCK = Path("/work/locks/netns.lock")


def missing() -> str:
    """Why the lab cannot run here ("" when it can)."""
    if os.geteuid() != 0:
        return "the network-namespace lab needs root"
    for tool in ("ip", "nft", "turnserver"):
        if not shutil.which(tool) and not any(os.access(f"{d}/{tool}", os.X_OK) for d in ("/usr/sbin", "/sbin")):
            return f"the network-namespace lab needs {tool} (iproute2, nftables, coturn: scripts/setup.sh)"
    r = subprocess.run(["ip", "netns", "add", f"{PREFIX}-probe"], capture_output=True)
    subprocess.run(["ip", "netns", "del", f"{PREFIX}-probe"], capture_output=True)
    return "" if r.returncode == 0 else "network namespaces are not available here"


def _sh(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), check=check, capture_output=True, text=True)


class NetLab:
    def __init__(self, lock_timeout: float = 600.0) -> None:
        self._lock_timeout = lock_timeout
        self._lock_fd: int | None = None

    @staticmethod
    def ns(name: str) -> str:
        return f"{PREFIX}-{name}"

    def cmd(self, name: str, argv: list[str]) -> list[str]:
        return ["ip", "netns", "exec", self.ns(name), *argv]

    def __enter__(self) -> NetLab:
        if LOCK.parent.is_dir():
            self._lock_fd = os.open(LOCK, os.O_RDWR | os.O_CREAT, 0o644)
            deadline = time.monotonic() + self._lock_timeout
            while True:
                try:
                    fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        os.close(self._lock_fd)
                        self._lock_fd = None
                        raise TimeoutError("the network lab lock stayed taken") from None
                    time.sleep(0.5)
        try:
            self.up()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.down()
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the flock
            self._lock_fd = None

    def up(self) -> None:
        self.down()
        for n in ("pub", "court", "wit"):
            _sh("ip", "netns", "add", self.ns(n))
            _sh(*self.cmd(n, ["ip", "link", "set", "lo", "up"]))
        _sh(*self.cmd("pub", ["ip", "addr", "add", f"{PUB_IP}/32", "dev", "lo"]))
        _sh(*self.cmd("pub", ["sysctl", "-qw", "net.ipv4.ip_forward=0"]))
        for st in ("court", "wit"):
            a, b = f"{PREFIX}{st}0", f"{PREFIX}{st}1"
            _sh("ip", "link", "add", a, "type", "veth", "peer", "name", b)
            _sh("ip", "link", "set", a, "netns", self.ns("pub"))
            _sh("ip", "link", "set", b, "netns", self.ns(st))
            net = _SUBNET[st]
            _sh(*self.cmd("pub", ["ip", "addr", "add", f"{net}.1/24", "dev", a]))
            _sh(*self.cmd("pub", ["ip", "link", "set", a, "up"]))
            _sh(*self.cmd(st, ["ip", "addr", "add", f"{net}.2/24", "dev", b]))
            _sh(*self.cmd(st, ["ip", "link", "set", b, "up"]))
            _sh(*self.cmd(st, ["ip", "route", "add", "default", "via", f"{net}.1"]))
            for rule in ("add table inet fw",
                         "add chain inet fw in { type filter hook input priority 0; policy drop; }",
                         "add rule inet fw in iif lo accept",
                         "add rule inet fw in ct state established,related accept"):
                _sh(*self.cmd(st, ["nft", rule]))

    def drop_udp_from(self, st: str) -> None:
        """The edge of ``st``'s network drops every UDP datagram it sends towards the public host, without
        a word (no ICMP: as a safe room's or police station's firewall does); TCP passes."""
        for rule in ("add table inet edge",
                     "add chain inet edge in { type filter hook input priority 0; policy accept; }",
                     f"add rule inet edge in ip saddr {_SUBNET[st]}.0/24 meta l4proto udp counter drop"):
            _sh(*self.cmd("pub", ["nft", rule]))

    def udp_dropped(self) -> int:
        """Datagrams :meth:`drop_udp_from` dropped so far."""
        out = _sh(*self.cmd("pub", ["nft", "list", "chain", "inet", "edge", "in"]), check=False).stdout
        return sum(int(w) for w in re.findall(r"counter packets (\d+)", out))

    def down(self) -> None:
        for n in ("pub", "court", "wit"):
            _sh("ip", "netns", "del", self.ns(n), check=False)
