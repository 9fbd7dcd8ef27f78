"""The court relay's rendezvous in one process, on loopback (no TURN server is needed to mint
credentials): a court registers (signed over the relay's nonce), a station says hello and is
forwarded to the court unchanged both ways; and what a hostile or mistaken peer meets — a bad
signature, someone else's session, a court key the relay does not allow, an unknown hearing, an
unknown connection id, garbage — each refused with a reason, the relay still serving."""

from __future__ import annotations

import asyncio
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from common.canonical import canonical_json
from recording.transport.errors import Refused, RelayCertMismatch, RelayUnreachable
from recording.transport.invite import Fingerprint, new_invite
from recording.transport.relay import REGISTER_CONTEXT, RelayInfo, RelayServer
from recording.transport.relay_client import RelayLink, dial
from recording.transport.signalling import Channel

TURN = "turn:127.0.0.1:3478"
FP = ":".join(["AB"] * 32)


def _pub(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _invite(info: RelayInfo, key: Ed25519PrivateKey):
    return new_invite(
        info.host,
        info.port,
        (Fingerprint("sha-256", FP),),
        _pub(key),
        tls_fingerprint=info.tls_fingerprint,
        via="relay",
    )


async def _server(tmp_path, **kw) -> tuple[RelayServer, RelayInfo]:
    server = RelayServer("127.0.0.1", 0, TURN, b"secret", tmp_path / "tls.pem", **kw)
    server.hello_wait = 0.5
    return server, await server.open()


def test_a_station_reaches_the_court_through_the_relay_and_back(tmp_path):
    key = Ed25519PrivateKey.generate()
    seen: list[dict] = []

    async def court_handler(ch: Channel) -> None:  # the court's side of one station's connection
        msg = await ch.recv(timeout=5)
        seen.append({"msg": msg, "peer": ch.peer})
        await ch.send({"type": "waiting", "safety_code": "123 456"})
        await ch.recv(timeout=5)  # until the station closes

    async def main():
        server, info = await _server(tmp_path)
        link = RelayLink(info, court_handler)
        try:
            await link.open()
            inv = _invite(info, key)
            link.register(inv.session_id, _pub(key), key.sign)
            turn = await asyncio.wait_for(link._registered.wait(), 5)
            ch, station_turn = await dial(inv)
            try:
                await ch.send({"type": "join", "session_id": inv.session_id, "token": inv.token})
                reply = await ch.expect("waiting", timeout=5)
            finally:
                await ch.close()
            await asyncio.sleep(0.2)
            return turn, link.turn, station_turn, reply, server.summary()
        finally:
            link.close()
            await server.close()

    _, court_turn, station_turn, reply, summary = asyncio.run(main())
    assert reply["safety_code"] == "123 456"
    assert seen and seen[0]["msg"]["type"] == "join" and seen[0]["peer"] == "the court relay"
    # the hearing's TURN credentials: the same label for the court and the station, coturn's convention
    assert court_turn.username.split(":")[1] == station_turn.username.split(":")[1] and court_turn.url == TURN
    # and TURN over TCP on the same port for a network that drops UDP (the relay's default fallback)
    assert court_turn.fallback == station_turn.fallback == (f"{TURN}?transport=tcp",)
    assert summary["hearings_served"] == 1 and summary["connections_forwarded"] == 1 and summary["bytes_forwarded"] > 50


def test_what_a_hostile_or_mistaken_peer_meets(tmp_path):
    court_key, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()

    async def register(info, key, sessions, sign_with=None, nonce_from=None) -> dict:
        ch = await Channel.dial(info.url, info.tls_fingerprint, relay=True)
        try:
            await ch.send({"type": "court"})
            nonce = (await ch.expect("challenge", timeout=5))["nonce"]
            body = {"court_key": _pub(key).hex(), "hearing": "h1", "sessions": sessions}
            sig = (sign_with or key).sign(
                REGISTER_CONTEXT + (nonce_from or nonce).encode() + b"\n" + canonical_json(body)
            )
            await ch.send({"type": "register", **body, "signature": sig.hex()})
            return await ch.recv(timeout=5)
        finally:
            await ch.close()

    async def raw(info, *frames: str) -> dict:
        ch = await Channel.dial(info.url, info.tls_fingerprint, relay=True)
        try:
            for f in frames:
                await ch.ws.send(f)
            return await ch.recv(timeout=5)
        finally:
            await ch.close()

    async def main():
        out = {}
        server, info = await _server(tmp_path)
        held = await Channel.dial(info.url, info.tls_fingerprint, relay=True)  # a court holding "a" * 32
        try:
            await held.send({"type": "court"})
            nonce = (await held.expect("challenge", timeout=5))["nonce"]
            body = {"court_key": _pub(court_key).hex(), "hearing": "h0", "sessions": ["a" * 32]}
            await held.send({"type": "register", **body, "signature": court_key.sign(
                REGISTER_CONTEXT + nonce.encode() + b"\n" + canonical_json(body)).hex()})
            out["held"] = await held.recv(timeout=5)
            out["bad_signature"] = await register(info, court_key, ["b" * 32], sign_with=other)
            out["replayed_nonce"] = await register(info, court_key, ["b" * 32], nonce_from="0" * 64)
            out["someone_elses_session"] = await register(info, other, ["a" * 32])
            out["unknown_hearing"] = await raw(info, json.dumps({"type": "hello", "session_id": "c" * 32}))
            out["unknown_conn"] = await raw(info, json.dumps({"type": "accept", "conn": "d" * 32}))
            out["garbage_then_nothing"] = await raw(info, "not json", "[1,2]", json.dumps({"type": "offer"}))
            out["still_serving"] = await register(info, court_key, ["e" * 32])
        finally:
            await held.close()
            await server.close()
        only, info2 = await _server(tmp_path / "allow", allowed_keys={_pub(court_key)})
        try:
            out["not_allowed"] = await register(info2, other, ["f" * 32])
        finally:
            await only.close()
        return out

    out = asyncio.run(main())
    assert out["held"]["type"] == "registered"
    assert out["bad_signature"] == {"type": "error", "reason": "the registration's signature does not verify"}
    assert out["replayed_nonce"]["type"] == "error" and "signature" in out["replayed_nonce"]["reason"]
    assert out["someone_elses_session"]["type"] == "error" and "another court" in out["someone_elses_session"]["reason"]
    assert out["unknown_hearing"]["type"] == "error" and "not open" in out["unknown_hearing"]["reason"]
    assert out["unknown_conn"]["type"] == "error"
    assert out["garbage_then_nothing"]["type"] == "error"  # the malformed frames are dropped, the offer refused
    assert out["still_serving"]["type"] == "registered"
    assert out["not_allowed"]["type"] == "error" and "not allowed" in out["not_allowed"]["reason"]


def test_a_station_is_told_why_it_cannot_reach_the_relay(tmp_path):
    key = Ed25519PrivateKey.generate()

    async def main():
        server, info = await _server(tmp_path)
        inv = _invite(info, key)
        out = {}
        try:
            for name, changed in (("wrong_cert", {"tls_fingerprint": FP}), ("not_open", {})):
                try:
                    ch, _ = await dial(_with(inv, **changed))
                    await ch.close()
                except Exception as exc:
                    out[name] = exc
        finally:
            await server.close()
        try:
            await dial(inv, timeout=2)
        except Exception as exc:
            out["down"] = exc
        return out

    out = asyncio.run(main())
    assert isinstance(out["wrong_cert"], RelayCertMismatch) and "not the pinned one" in str(out["wrong_cert"])
    assert isinstance(out["not_open"], Refused) and "not open at the court relay" in str(out["not_open"])
    assert isinstance(out["down"], RelayUnreachable) and "cannot reach the court relay" in str(out["down"])


def _with(inv, **changes):
    from dataclasses import replace

    return replace(inv, **changes)


@pytest.mark.parametrize("bad", ["turn:", "stun:1.2.3.4:3478", "turn:1.2.3.4:0"])
def test_the_relay_refuses_a_malformed_turn_address(tmp_path, bad):
    with pytest.raises(ValueError):
        RelayServer("127.0.0.1", 0, bad, b"s", tmp_path / "tls.pem")
