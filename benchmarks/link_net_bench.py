"""The remote link on poor networks, in the namespace lab (root; run it under the lab's lock):

    flock /work/locks/netns.lock .venv/bin/python benchmarks/link_net_bench.py [--seconds 20]
        [--paths direct,turn] [--conditions clean,1500k2,800k5,outage] [--hearings 0]

The lab is ../shared/checks/lib/netns.py: a court network and a witness network that cannot reach each
other, a public host between them.  Each condition runs the real headless stations (demo witness,
real face and voice maskers, local recordings, the court's received recording) — the court in the
court network, the witness in the witness network — with the witness's uplink impaired by tc tbf
(rate cap, 300 ms of queue) and nftables (random loss); "outage" takes the witness's link down for
6 s in the middle of the hearing.

Paths: ``turn`` is the product's: coturn and the court relay on the public host, relay-only ICE
(needs ``testimony-shield relay``).  ``direct`` is the host path for the ratios: the public host
forwards between the two networks, each station's firewall lets the other in, and two small TCP
forwarders carry the signalling to the court station's loopback port.

``--hearings N`` (turn only): N concurrent small hearings (320x180, 15 fps) through one relay and one
coturn: their CPU per hearing, and what that means for 20 courtrooms.

Prints one JSON line: per path and condition the court's figures (fps_received, stalls,
stalled_seconds, audio_gap_seconds, latency_ms_p50/p95, reconnects, recoveries_ms, the adaptation's
figures), per minute where the targets are per minute, the witness's local recording, CPU seconds
per station, the targets met; and the ratios turn/direct.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.helpers.coturn import wait_file  # noqa: E402  (the one way to wait for a station's file)

LAB = ROOT.parent / "shared" / "checks" / "lib"
OUTAGE = 6.0
VERBOSE: list[str] = []  # ["-v"]: the witness logs its rung changes (--verbose)
CONDITIONS = {"clean": (None, None), "1500k2": (1500, 2), "800k5": (800, 5), "outage": (None, None)}
#: the issue's targets (per minute where the issue says so)
TARGETS = {"clean": {"fps": 28, "stalled_per_min": 0, "gaps_per_min": 0, "p95_ms": 150},
           "1500k2": {"fps": 20, "stalled_per_min": 1, "gaps_per_min": 0.5, "p95_ms": 300},
           "800k5": {"fps": 12, "stalled_per_min": 3, "gaps_per_min": 1, "p95_ms": 500},
           "outage": {"recovery_s": 5}}


def forward(listen: str, target: str) -> None:
    """A TCP forwarder (the direct path's signalling), until killed."""
    lh, lp = listen.rsplit(":", 1)
    th, tp = target.rsplit(":", 1)

    async def pipe(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        try:
            while data := await r.read(65536):
                w.write(data)
                await w.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            w.close()

    async def handle(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        try:
            tr, tw = await asyncio.open_connection(th, int(tp))
        except OSError:
            w.close()
            return
        await asyncio.gather(pipe(r, tw), pipe(tr, w))

    async def main() -> None:
        server = await asyncio.start_server(handle, lh, int(lp))
        async with server:
            await server.serve_forever()

    asyncio.run(main())


class Proc:
    """A station process in a namespace; its CPU seconds sampled from /proc until it exits."""

    def __init__(self, argv: list[str], env: dict, log: Path) -> None:
        self.log = log
        with open(f"{log}.out", "w") as out:
            self.p = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, env=env, text=True,
                                      start_new_session=True)
        self.cpu = 0.0
        self.lines: list[str] = []
        self.admitted_at: float | None = None
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._sample, daemon=True).start()

    def _read(self) -> None:
        assert self.p.stderr is not None
        for line in self.p.stderr:
            self.lines.append(line)
            if "admitted" in line and self.admitted_at is None:
                self.admitted_at = time.monotonic()

    def _sample(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        while self.p.poll() is None:
            try:
                f = Path(f"/proc/{self.p.pid}/stat").read_text().rsplit(")", 1)[1].split()
                self.cpu = (int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])) / tick
            except (OSError, IndexError, ValueError):
                pass
            time.sleep(0.5)

    def wait(self, timeout: float) -> int:
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            return self.p.returncode

    def stop(self) -> None:
        if self.p.poll() is None:
            os.killpg(self.p.pid, signal.SIGTERM)
            try:
                self.p.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.p.pid, signal.SIGKILL)
                self.p.wait()

    def summary(self) -> dict:
        return lab("common").last_json(Path(f"{self.log}.out").read_text()) or {}


def lab(name: str):
    """A module of the lab's helpers (../shared/checks/lib), under its own name: the checks' ``common``
    is not the project's."""
    import importlib.util

    key = f"lab_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, LAB / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules[key] = mod
        spec.loader.exec_module(mod)
    return sys.modules[key]


def uplink_stats(netns) -> dict:
    """What the witness's uplink queue (tc tbf) passed and dropped during the hearing."""
    r = netns.sh(*netns.ns_cmd("wit", ["tc", "-s", "qdisc", "show", "dev", netns.uplink_dev("wit")]), check=False)
    words = r.stdout.split()
    try:
        i = words.index("Sent")
        return {"sent_bytes": int(words[i + 1]), "sent_packets": int(words[i + 3]),
                "dropped": int(words[i + 6].rstrip(",")), "overlimits": int(words[i + 8])}
    except (ValueError, IndexError):
        return {"raw": r.stdout[-200:]}


def open_direct(netns) -> None:
    """The host path: the public host forwards, and each station lets the other's network in."""
    netns.sh(*netns.ns_cmd("pub", ["sysctl", "-qw", "net.ipv4.ip_forward=1"]))
    for st, other in (("court", "10.71.2.0/24"), ("wit", "10.71.1.0/24")):
        netns.sh(*netns.ns_cmd(st, ["nft", f"add rule inet fw in ip saddr {other} accept"]))


def hearing(netns, exe: str, env: dict, work: Path, tag: str, seconds: float, path: str, relay_info: Path | None,
            outage: bool, size: str | None, fps: int | None, plan: list[str]) -> dict:
    cv, wv, inv = work / f"court-vault-{tag}", work / f"witness-vault-{tag}", work / f"invite-{tag}"
    where = ["--relay", str(relay_info)] if path == "turn" else []
    court = Proc(
        netns.ns_cmd(
            "court",
            [
                exe,
                "court",
                "--headless",
                *where,
                *plan,
                "--vault",
                str(cv),
                "--invite-out",
                str(inv),
                "--duration",
                str(seconds),
                "--admit-all",
            ],
        ),
        env,
        work / f"court-{tag}",
    )
    fwd: list[subprocess.Popen] = []
    out: dict = {"condition": tag}
    try:
        if not wait_file(inv, 90):
            return {**out, "error": "no invitation: " + "".join(court.lines)[-300:]}
        if path == "direct":
            from recording.transport.invite import parse_invite

            port = parse_invite(inv.read_bytes()).port
            me = [sys.executable, str(Path(__file__).resolve()), "--forward"]
            fwd.append(subprocess.Popen(netns.ns_cmd("court", [*me, f"10.71.1.2:{port}", f"127.0.0.1:{port}"])))
            fwd.append(subprocess.Popen(netns.ns_cmd("wit", [*me, f"127.0.0.1:{port}", f"10.71.1.2:{port}"])))
            time.sleep(1.0)
        extra = (["--size", size] if size else []) + (["--fps", str(fps)] if fps else [])
        wit = Proc(netns.ns_cmd("wit", [exe, *VERBOSE, "witness", "--headless", "--join", str(inv), "--vault", str(wv),
                                        "--duration", str(seconds), *extra]), env, work / f"witness-{tag}")
        if outage:
            while wit.p.poll() is None and wit.admitted_at is None:
                time.sleep(0.1)
            time.sleep(max(0.0, seconds / 2 - OUTAGE / 2))
            netns.link("wit", False)
            out["outage_s"] = OUTAGE
            time.sleep(OUTAGE)
            netns.link("wit", True)
        wrc = wit.wait(seconds + 240)
        out["uplink"] = uplink_stats(netns)
        crc = court.wait(120)
        cs, ws = court.summary(), wit.summary()
    finally:
        for p in fwd:
            p.terminate()
            p.wait()
        court.stop()
    out.update(court_exit=crc, witness_exit=wrc, court_cpu_s=round(court.cpu, 1), witness_cpu_s=round(wit.cpu, 1))
    minutes = max(1e-6, seconds / 60)
    keys = ("fps_received", "stalls", "stalled_seconds", "audio_gap_seconds", "audio_gaps", "latency_ms_p50",
            "latency_ms_p95", "reconnects", "recoveries_ms", "ice_path", "width", "height", "link", "frames_received")
    out.update({k: cs.get(k) for k in keys})
    out["stalled_per_min"] = round((cs.get("stalled_seconds") or 0) / minutes, 2)
    out["audio_gaps_per_min"] = round((cs.get("audio_gap_seconds") or 0) / minutes, 2)
    masked = next((r for r in ws.get("recordings", []) if r.get("kind") == "masked"), {})
    out["witness"] = {"frames_sent": ws.get("frames_sent"), "frames_dropped": ws.get("frames_dropped"),
                      "pipeline_frames": ws.get("frames"), "local_recording_frames": masked.get("frames"),
                      "reconnects": ws.get("reconnects"), "ice_path": ws.get("ice_path"), "errors": ws.get("errors")}
    out["local_recording_complete"] = bool(masked.get("frames")) and masked.get("frames") == ws.get("frames") \
        and not ws.get("errors")
    if outage:
        # the stall that the outage caused ends with the first frame after the link returned
        stall = cs.get("stalled_seconds") or 0.0
        out["recovery_s"] = round(max(0.0, stall + 0.5 - OUTAGE), 2)
    out["targets_met"] = met(tag.rsplit("-", 1)[-1], out)
    out["court_log"] = [ln.strip() for ln in court.lines if "link" in ln or "DEBUG" in ln][-12:]
    out["witness_log"] = [ln.strip() for ln in wit.lines if "link video" in ln or "link sent" in ln][-12:]
    return out


def met(tag: str, r: dict) -> bool | None:
    t = TARGETS.get(tag)
    if not t or r.get("fps_received") is None:
        return None
    if tag == "outage":
        return r.get("recovery_s", 99) <= t["recovery_s"] and r.get("local_recording_complete", False)
    p95 = r.get("latency_ms_p95")
    return (r["fps_received"] >= t["fps"] and r["stalled_per_min"] <= t["stalled_per_min"]
            and r["audio_gaps_per_min"] <= t["gaps_per_min"] and p95 is not None and p95 < t["p95_ms"])


def start_relay(netns, exe: str, env: dict, work: Path) -> tuple[list[Proc], Path]:
    secret = work / "turn-secret"
    secret.write_text(os.urandom(16).hex())
    secret.chmod(0o600)
    info = work / "relay.json"
    coturn = Proc(netns.ns_cmd("pub", netns.turnserver_cmd(secret.read_text())), env, work / "coturn")
    relay = Proc(netns.ns_cmd("pub", [exe, "relay", "--listen", f"{netns.PUB_IP}:8443", "--turn-url",
                                      f"turn:{netns.PUB_IP}:3478", "--turn-secret-file", str(secret),
                                      "--info-out", str(info)]), env, work / "relay")
    if not wait_file(info, 60):
        raise RuntimeError("the court relay did not start: " + "".join(relay.lines)[-300:])
    return [coturn, relay], info


def concurrent(netns, exe: str, env: dict, work: Path, n: int, seconds: float, info: Path, plan: list[str],
               servers: list[Proc]) -> dict:
    """N small hearings at once through one relay and one coturn: their CPU per hearing."""
    cpu0 = [p.cpu for p in servers]
    t0 = time.monotonic()
    results: list[dict] = [{} for _ in range(n)]

    def one(i: int) -> None:
        results[i] = hearing(netns, exe, env, work, f"many{i}", seconds, "turn", info, False, "320x180", 15, plan)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
        time.sleep(0.5)
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    time.sleep(1.0)
    coturn_s, relay_s = (p.cpu - c for p, c in zip(servers, cpu0, strict=True))
    per = (coturn_s + relay_s) / n / wall
    return {"hearings": n, "ok": sum(1 for r in results if r.get("court_exit") == 0 and r.get("witness_exit") == 0),
            "fps_received": [r.get("fps_received") for r in results], "wall_s": round(wall, 1),
            "coturn_cpu_s": round(coturn_s, 2), "relay_cpu_s": round(relay_s, 2),
            "servers_cpu_per_hearing_pct": round(100 * per, 2),
            "twenty_courtrooms_cores": round(20 * per, 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--paths", default="direct,turn")
    ap.add_argument("--conditions", default=",".join(CONDITIONS))
    ap.add_argument("--hearings", type=int, default=0, help="concurrent small hearings through one relay (turn)")
    ap.add_argument("--size", default=None, help="the witness's video size (default: the settings', 1280x720)")
    ap.add_argument("--fps", type=int, default=None)
    ap.add_argument("--verbose", action="store_true", help="the witness's rung changes in the report")
    ap.add_argument("--forward", nargs=2, metavar=("LISTEN", "TARGET"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.forward:
        forward(*args.forward)
        return 0
    if args.verbose:
        VERBOSE.append("-v")
    netns = lab("netns")
    court_plan_args, ts_bin, workspace = lab("common").court_plan_args, lab("common").ts_bin, lab("common").workspace

    if os.geteuid() != 0:
        print(json.dumps({"error": "needs root (network namespaces)"}))
        return 2
    exe = ts_bin() or str(ROOT / ".venv" / "bin" / "testimony-shield")
    paths = [p for p in args.paths.split(",") if p]
    has_relay = "relay" in subprocess.run([exe, "--help"], capture_output=True, text=True).stdout
    if "turn" in paths and not (has_relay and shutil.which("turnserver")):
        paths.remove("turn")
        skipped_turn = "no `testimony-shield relay` or no coturn here"
    else:
        skipped_turn = ""
    w, env = workspace()
    work = Path(w)
    os.chmod(work, 0o755)
    plan = court_plan_args(exe, str(work), env)
    report: dict = {"seconds": args.seconds, "size": args.size or "settings (1280x720)", "runs": {},
                    "skipped": {"turn": skipped_turn} if skipped_turn else {}}
    try:
        for path in paths:
            netns.up()
            servers: list[Proc] = []
            info = None
            try:
                if path == "direct":
                    open_direct(netns)
                else:
                    servers, info = start_relay(netns, exe, env, work)
                for cond in args.conditions.split(","):
                    rate, loss = CONDITIONS[cond]
                    netns.impair("wit", rate_kbit=rate, loss_pct=loss)
                    r = hearing(netns, exe, env, work, f"{path}-{cond}", args.seconds, path, info, cond == "outage",
                                args.size, args.fps, plan)
                    report["runs"].setdefault(path, {})[cond] = r
                    print(json.dumps({path: {cond: r}}), file=sys.stderr, flush=True)
                netns.impair("wit")
                if path == "turn" and args.hearings and info is not None:
                    report["concurrent"] = concurrent(netns, exe, env, work, args.hearings, args.seconds, info, plan,
                                                      servers)
            finally:
                for p in reversed(servers):
                    p.stop()
                netns.down()
        runs = report["runs"]
        if "direct" in runs and "turn" in runs:
            report["turn_vs_direct"] = {
                c: {k: round(runs["turn"][c][k] / runs["direct"][c][k], 2)
                    for k in ("fps_received", "latency_ms_p50", "latency_ms_p95", "court_cpu_s", "witness_cpu_s")
                    if runs["turn"][c].get(k) and runs["direct"][c].get(k)}
                for c in runs["turn"] if c in runs["direct"]}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
