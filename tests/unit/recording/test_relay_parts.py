"""The court relay's pieces that need no server: TURN REST credentials (coturn's use-auth-secret
convention), the relay's info file, invitations that name the relay (version 3; version 2 still
read), and the exit code each link failure gets."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.link.summary import link_exit
from recording.transport.errors import (
    LinkError,
    RelayCertMismatch,
    RelayLost,
    RelayUnreachable,
    TurnRefused,
    TurnUnreachable,
)
from recording.transport.invite import Fingerprint, new_invite, parse_invite, sign_invite
from recording.transport.relay import RelayInfo, tls_identity_file
from recording.transport.turn import (
    TurnConfig,
    parse_turn_url,
    read_secret,
    rest_credentials,
    tcp_url,
    turn_endpoint,
)

NOW = 1_790_000_000.0
FP = ":".join(f"{i:02X}" for i in range(32))


def test_rest_credentials_follow_coturns_convention():
    c = rest_credentials(b"s3cret", "turn:10.71.0.1:3478", "h1", ttl=600, now=NOW)
    assert c.username == f"{int(NOW) + 600}:h1" and c.expires == int(NOW) + 600
    want = base64.b64encode(hmac.new(b"s3cret", c.username.encode(), hashlib.sha1).digest()).decode()
    assert c.credential == want
    assert TurnConfig.from_dict(c.to_dict()) == c
    assert c.ice_servers()[0].urls == ["turn:10.71.0.1:3478?transport=udp"]
    assert parse_turn_url("turn:[::1]:3478") == ("::1", 3478)
    for bad in ("stun:1.2.3.4:3478", "turn:1.2.3.4", "turn:1.2.3.4:99999", "turn:a b:1"):
        with pytest.raises(ValueError):
            parse_turn_url(bad)
    for bad in ({"url": "turn:1.2.3.4:1", "username": "x:h", "credential": "c"}, {"url": "turn:1.2.3.4:1"}, None,
                {"url": "turn:1.2.3.4:1", "username": "1:h h", "credential": "c"}):
        with pytest.raises(ValueError):
            TurnConfig.from_dict(bad)


def test_turn_urls_and_the_fallback_the_relay_hands_out():
    """UDP, TCP and TLS URLs of one TURN server; the relay's ``turn_fallback`` beside ``turn`` (a relay
    of before sends none: UDP only; a station of before ignores it)."""
    assert turn_endpoint("turn:10.71.0.1:3478") == ("udp", "10.71.0.1", 3478)
    assert turn_endpoint("turn:10.71.0.1:3478?transport=tcp") == ("tcp", "10.71.0.1", 3478)
    assert turn_endpoint("turns:turn.court.example:443") == ("tls", "turn.court.example", 443)
    assert tcp_url("turn:10.71.0.1:3478") == "turn:10.71.0.1:3478?transport=tcp"
    for bad in ("turns:h:443?transport=udp", "turn:h:3478?transport=sctp", "turn:h:3478?x=1"):
        with pytest.raises(ValueError):
            turn_endpoint(bad)
    c = rest_credentials(b"s3cret", "turn:10.71.0.1:3478", "h1", ttl=600, now=NOW,
                         fallback=("turn:10.71.0.1:3478?transport=tcp", "turns:turn.court.example:443"))
    assert c.transport == "udp" and c.urls == (c.url, *c.fallback)
    msg = {"type": "welcome", "turn": c.to_dict(), "turn_fallback": c.fallback_field()}
    assert set(msg["turn"]) == {"url", "username", "credential"}  # the field a station of before reads
    assert TurnConfig.from_message(msg) == c
    assert TurnConfig.from_message({"turn": c.to_dict()}).fallback == ()  # a relay of before
    more = {"turn": c.to_dict(), "turn_fallback": [*c.fallback, "turn:10.71.0.2:3478?transport=tcp"]}
    assert TurnConfig.from_message(more).fallback == c.fallback  # the first two: in time for the relay
    tcp = c.using(c.fallback[0])
    assert tcp.transport == "tcp" and tcp.fallback == () and tcp.username == c.username
    assert tcp.ice_servers()[0].urls == ["turn:10.71.0.1:3478?transport=tcp"]
    assert c.using(c.fallback[1]).ice_servers()[0].urls == ["turns:turn.court.example:443"]
    for bad in ("turn:x", ["stun:1.2.3.4:3478"], ["turn:h:1?transport=tcp"] * 9, [7]):
        with pytest.raises(ValueError, match="malformed TURN addresses"):
            TurnConfig.from_message({"turn": c.to_dict(), "turn_fallback": bad})


def test_secret_file(tmp_path):
    p = tmp_path / "s"
    p.write_text("  abc123\n")
    assert read_secret(str(p)) == b"abc123"
    p.write_text("")
    with pytest.raises(ValueError, match="empty"):
        read_secret(str(p))
    with pytest.raises(ValueError, match="cannot read"):
        read_secret(str(tmp_path / "none"))


def test_relay_info_round_trip_and_refusals(tmp_path):
    info = RelayInfo("wss://10.71.0.1:8443/testimony-shield/relay/v1", FP, "turn:10.71.0.1:3478")
    p = tmp_path / "relay.json"
    info.write(p)
    assert (p.stat().st_mode & 0o777) == 0o600
    got = RelayInfo.load(p)
    assert got == info and got.host == "10.71.0.1" and got.port == 8443
    doc = json.loads(p.read_text())
    for change in ({"url": "ws://10.71.0.1:8443/testimony-shield/relay/v1"}, {"url": "wss://10.71.0.1:8443/other"},
                   {"tls_fingerprint": "AB:CD"}, {"version": 2}, {"extra": 1}, {"format": "x"}):
        p.write_text(json.dumps({**doc, **change}))
        with pytest.raises(LinkError):
            RelayInfo.load(p)
    with pytest.raises(LinkError, match="cannot read"):
        RelayInfo.load(tmp_path / "missing.json")


def test_the_relays_tls_identity_is_kept(tmp_path):
    f = tmp_path / "tls.pem"
    _, fp1 = tls_identity_file(f)
    assert (f.stat().st_mode & 0o777) == 0o600
    _, fp2 = tls_identity_file(f)
    assert fp1 == fp2  # invitations keep pinning it across restarts
    f.chmod(0o644)
    with pytest.raises(LinkError, match="chmod 600"):
        tls_identity_file(f)


def _pub(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def test_an_invitation_through_the_relay_names_the_relay_not_the_court():
    key = Ed25519PrivateKey.generate()
    inv = new_invite("relay.court.example", 8443, (Fingerprint("sha-256", FP),), _pub(key), now=NOW,
                     tls_fingerprint=FP, via="relay")
    data = sign_invite(inv, key.sign)
    doc = json.loads(data)
    assert doc["version"] == 3 and "address" not in doc["body"]
    assert doc["body"]["signalling"] == {"via": "relay",
                                         "url": "wss://relay.court.example:8443/testimony-shield/relay/v1"}
    got = parse_invite(data, now=NOW)
    assert got == inv and got.via == "relay" and got.host == "relay.court.example"
    # a court station's own address must be an IP address (direct mode, one network)
    with pytest.raises(LinkError, match="IP address"):
        new_invite("court.example", 1, (Fingerprint("sha-256", FP),), _pub(key), now=NOW, tls_fingerprint=FP)
    # the relay URL's path says which server it is; a changed one is malformed (and unsigned)
    doc["body"]["signalling"]["url"] = "wss://relay.court.example:8443/testimony-shield/link/v1"
    with pytest.raises(LinkError, match="malformed"):
        parse_invite(json.dumps(doc).encode(), now=NOW)


def test_a_version_2_invitation_is_still_read():
    key = Ed25519PrivateKey.generate()
    inv = new_invite("127.0.0.1", 5000, (Fingerprint("sha-256", FP),), _pub(key), now=NOW, tls_fingerprint=FP)
    body = {k: v for k, v in inv.body().items() if k != "signalling"}
    body["address"] = {"host": "127.0.0.1", "port": 5000}
    from recording.transport.invite import SIGNING_CONTEXT, canonical

    doc = {"format": "testimony-shield/link-invite", "version": 2, "body": body,
           "signature": key.sign(SIGNING_CONTEXT + canonical(body)).hex()}
    got = parse_invite(json.dumps(doc).encode(), now=NOW)
    assert got.via == "court" and (got.host, got.port) == ("127.0.0.1", 5000)


def test_each_failure_has_its_exit_code():
    assert link_exit(RelayUnreachable("x")) == 4
    assert link_exit(RelayCertMismatch("x")) == 5
    assert link_exit(TurnRefused("x")) == 6
    assert link_exit(TurnUnreachable("x")) == 7
    assert link_exit(RelayLost("x")) == 8 == link_exit(RelayUnreachable("x"), mid_hearing=True)
    assert link_exit(LinkError("x")) == 3 == link_exit(None)


def test_expired_credentials_are_refused_before_any_traffic():
    import asyncio

    from recording.transport.turn import probe

    c = rest_credentials(b"s3cret", "turn:192.0.2.1:3478", "h1", ttl=60, now=NOW)
    with pytest.raises(TurnRefused, match="expired"):
        asyncio.run(probe(c, now=NOW + 61))  # 192.0.2.1 (TEST-NET) is never contacted
