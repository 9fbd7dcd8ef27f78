"""TURN over TCP when outbound UDP gets no answer (a safe room's or police station's firewall), with a
real coturn on loopback.  The "firewall" here is the TURN server's UDP port seen from the stations:
either nothing listens there (the kernel refuses: ICMP port unreachable) or a socket swallows every
datagram without a word (a firewall that drops: the station waits for aioice's allocation to time
out).  coturn itself listens on TCP on its usual port, as it does by default.

- :func:`recording.transport.turn.choose` picks UDP when it answers, TCP when UDP is refused or
  dropped, refuses wrong credentials over TCP too (exit 6), and says "UDP nor TCP" in one line when
  neither answers (exit 7).
- A whole hearing (court, witness and a remote interpreter, each as its own process, through
  ``testimony-shield relay``) runs with ``turn_transport == "tcp"`` on all three stations when the
  TURN URL the relay hands out for UDP gets no answer; the logs say so and carry no credential.  And
  the same over TLS (``turns:localhost:PORT``, coturn with a certificate the stations trust: here
  through ``SSL_CERT_FILE``, as a court's certificate authority is trusted by the system).

The namespace-lab form (the witness's network drops all outbound UDP with nftables, the court's does
not): tests/integration/test_link_lab.py.  Skipped when there is no ``turnserver`` (Debian's coturn).
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest

from recording.transport.errors import TurnRefused, TurnUnreachable
from recording.transport.turn import choose, rest_credentials, tcp_url
from tests.helpers.coturn import SECRET, Coturn, Relay, free_udp_port, turnserver_binary, wait_file

pytestmark = [pytest.mark.timeout(600),
              pytest.mark.skipif(turnserver_binary() is None,
                                 reason="no turnserver binary (Debian package coturn; scripts/setup.sh installs it)")]

EXE_ARGS = ("--size", "320x180", "--fps", "15")


@pytest.fixture
def black_hole():
    """A UDP port that swallows every datagram (a firewall that drops, no ICMP answer)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", free_udp_port()))
    yield s.getsockname()[1]
    s.close()


def _creds(udp_port: int, turn: Coturn, secret: str = SECRET):
    return rest_credentials(secret.encode(), f"turn:127.0.0.1:{udp_port}", "hearing-1", 600,
                            fallback=(tcp_url(turn.url),))


def test_udp_when_it_answers(turn):
    chosen = asyncio.run(choose(_creds(turn.port, turn)))
    assert chosen.transport == "udp" and chosen.url == turn.url and chosen.fallback == ()


def test_tcp_when_udp_is_refused(turn):
    chosen = asyncio.run(choose(_creds(free_udp_port(), turn)))
    assert chosen.transport == "tcp" and chosen.url == f"{turn.url}?transport=tcp"
    assert chosen.ice_servers()[0].urls == [f"{turn.url}?transport=tcp"]


def test_tcp_when_udp_is_dropped(turn, black_hole):
    t0 = time.monotonic()
    chosen = asyncio.run(choose(_creds(black_hole, turn), timeout=2.0))
    assert chosen.transport == "tcp"
    assert time.monotonic() - t0 >= 2.0  # it waited for UDP's answer first
    # a station that re-joins tries the transport that worked first (no second wait for UDP)
    t1 = time.monotonic()
    assert asyncio.run(choose(_creds(black_hole, turn), prefer="tcp", timeout=2.0)).transport == "tcp"
    assert time.monotonic() - t1 < 2.0


def test_wrong_credentials_are_refused_over_tcp_too(turn):
    with pytest.raises(TurnRefused, match="refused this hearing's credentials"):
        asyncio.run(choose(_creds(free_udp_port(), turn, secret="not-the-turn-secret")))


def test_neither_udp_nor_tcp_one_line(turn, black_hole):
    port = turn.port
    turn.stop()
    with pytest.raises(TurnUnreachable) as err:
        asyncio.run(choose(rest_credentials(SECRET.encode(), f"turn:127.0.0.1:{black_hole}", "h", 600,
                                            fallback=(f"turn:127.0.0.1:{port}?transport=tcp",)), timeout=1.0))
    line = str(err.value)
    assert "\n" not in line and f"UDP port {black_hole} nor TCP port {port}" in line and "is coturn running" in line


def _env() -> dict[str, str]:
    import os

    return dict(os.environ, TESTIMONY_SHIELD_PASSPHRASE="turn-tcp-test-passphrase", QT_QPA_PLATFORM="offscreen")


def _last_json(text: str) -> dict:
    lines = [ln for ln in text.strip().splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


def _tls_coturn(folder: Path) -> Coturn:
    """coturn with TURN over TLS, its certificate (localhost) trusted through SSL_CERT_FILE."""
    from cryptography.hazmat.primitives import serialization

    from recording.transport.signalling import self_signed

    folder.mkdir(parents=True, exist_ok=True)
    key, cert = self_signed("localhost", 1)
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_file.chmod(0o600)
    return Coturn(folder, SECRET, tls=(cert_file, key_file))


@pytest.mark.slow
@pytest.mark.parametrize("fallback", ["tcp", "tls"])
def test_a_hearing_when_udp_to_turn_is_dropped(tmp_path, black_hole, fallback, monkeypatch):
    from recording.session import demo_plan

    root = Path(__file__).resolve().parents[2]
    exe = [__import__("sys").executable, "-m", "desktop"]
    turn = _tls_coturn(tmp_path / "coturn") if fallback == "tls" else Coturn(tmp_path / "coturn", SECRET)
    if fallback == "tls":  # the stations (and the relay's start check) trust coturn's certificate
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "coturn" / "cert.pem"))
    turn.start()
    # the relay hands out a UDP URL nobody answers on (dropped) and coturn's TCP or TLS port as the fallback
    url = tcp_url(turn.url) if fallback == "tcp" else f"turns:localhost:{turn.tls_port}"
    relay = Relay(tmp_path / "relay", f"turn:127.0.0.1:{black_hole}", fallback=(url,))
    relay.start()
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(demo_plan().to_dict()))
    inv, iinv = tmp_path / "invite.json", tmp_path / "interpreter.json"
    procs: list[subprocess.Popen] = []
    try:
        court = subprocess.Popen([*exe, "court", "--headless", "--relay", str(relay.info), "--plan-file", str(plan),
                                  "--vault", str(tmp_path / "cv"), "--invite-out", str(inv), "--duration", "5",
                                  "--admit-all", "--interpreter-invite-out", str(iinv)],
                                 cwd=root, env=_env(), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        procs.append(court)
        assert wait_file(inv, 120), court.stderr.read() if court.poll() is not None else "no invitation"
        interp = subprocess.Popen([*exe, "interpreter", "--headless", "--join", str(iinv), "--language", "spa",
                                   "--duration", "120"], cwd=root, env=_env(), text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        procs.append(interp)
        witness = subprocess.Popen([*exe, "witness", "--headless", "--join", str(inv), "--vault", str(tmp_path / "wv"),
                                    "--duration", "5", *EXE_ARGS], cwd=root, env=_env(), text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        procs.append(witness)
        wout, werr = witness.communicate(timeout=240)
        cout, cerr = court.communicate(timeout=120)
        iout, ierr = interp.communicate(timeout=60)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
            p.communicate()
        code, rout, rerr = relay.stop()
        turn.stop()
    assert witness.returncode == 0, werr[-1500:]
    assert court.returncode == 0, cerr[-1500:]
    assert interp.returncode == 0, ierr[-1500:]
    cs, ws, ins = _last_json(cout), _last_json(wout), _last_json(iout)
    assert (cs["turn_transport"], ws["turn_transport"], ins["turn_transport"]) == (fallback,) * 3
    assert cs["ice_path"] == ws["ice_path"] == ins["ice_path"] == "relay"
    # the hearing ran over TCP: pictures and voice reached the court and were recorded; the
    # interpreter heard the floor
    assert cs["frames_received"] > 0 and cs["audio_blocks_received"] > 0 and cs["recording_id"]
    assert ins["floor_blocks_received"] > 0
    # each station says which way in its log, naming no credential (usernames are "<expiry>:<label>")
    where = f"{fallback.upper()} {url.split(':', 1)[1].split('?')[0]}"  # "TCP 127.0.0.1:P", "TLS localhost:P"
    for err in (cerr, werr, ierr):
        assert f"gave no answer: trying {where}" in err, err[-1500:]
        assert f"TURN over {where} answers" in err
        assert not re.search(r"\b\d{10}:[A-Za-z0-9_-]+", err), "a TURN username in the log"
    assert f"TURN over {fallback.upper()}" in cerr and f"media through TURN over {fallback.upper()}" in werr
    # the relay said at start which of its TURN URLs answer
    assert f"127.0.0.1:{black_hole} does not answer" in rerr
    assert f"accepts the relay's credentials over {where}" in rerr


def test_an_untrusted_tls_certificate_is_said_plainly(tmp_path, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    turn = _tls_coturn(tmp_path / "coturn")
    turn.start()
    try:
        with pytest.raises(TurnUnreachable, match="presented a certificate this station does not trust"):
            asyncio.run(choose(rest_credentials(SECRET.encode(), f"turns:localhost:{turn.tls_port}", "h", 600)))
        # trusted (as a court's certificate authority is by the system), the allocation over TLS works
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "coturn" / "cert.pem"))
        chosen = asyncio.run(choose(rest_credentials(SECRET.encode(), f"turns:localhost:{turn.tls_port}", "h", 600)))
        assert chosen.transport == "tls"
    finally:
        turn.stop()
