"""Link invitations: sign/verify round trip, every single-byte change refused, expiry, key pinning,
and the court's SDP fingerprint checked against the invitation."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from recording.errors import RecordingError
from recording.transport.errors import FingerprintMismatch, InviteError
from recording.transport.invite import (
    SIGNING_CONTEXT,
    Fingerprint,
    canonical,
    check_sdp_fingerprint,
    load_invite,
    new_invite,
    parse_invite,
    safety_code,
    sign_invite,
    write_invite,
)

NOW = 1_790_000_000.0
FP256 = ":".join(f"{i:02X}" for i in range(32))
FP384 = ":".join(f"{i:02X}" for i in range(100, 148))
TLS = ":".join(f"{i:02X}" for i in range(200, 232))


def _pub(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def make(key: Ed25519PrivateKey, lifetime: float = 600.0, fps: tuple[Fingerprint, ...] | None = None):
    fps = fps or (Fingerprint("sha-256", FP256), Fingerprint("sha-384", FP384))
    inv = new_invite("127.0.0.1", 50123, fps, _pub(key), lifetime, {"case_number": "T-1"}, now=NOW,
                     tls_fingerprint=TLS)
    return inv, sign_invite(inv, key.sign)


def test_round_trip(key, tmp_path):
    inv, data = make(key)
    path = tmp_path / "invite.json"
    write_invite(path, data)
    assert (path.stat().st_mode & 0o777) == 0o600  # it carries the join token
    got = load_invite(path, now=NOW + 10)
    assert got == inv
    assert got.host == "127.0.0.1" and got.port == 50123
    assert len(got.token) == 64 and len(got.session_id) == 32
    assert got.token_matches(inv.token) and not got.token_matches("0" * 64) and not got.token_matches(None)
    assert got.media == {"case_number": "T-1"}
    assert issubclass(InviteError, RecordingError)


def test_every_single_byte_change_is_refused(key):
    _, data = make(key)
    for i in range(len(data)):
        b = bytearray(data)
        b[i] = ord("0") if b[i] != ord("0") else ord("1")
        with pytest.raises(InviteError):
            parse_invite(bytes(b), now=NOW + 10)


def test_fields_added_or_removed_are_refused(key):
    _, data = make(key)
    doc = json.loads(data)
    doc["body"]["extra"] = 1
    with pytest.raises(InviteError, match="unknown or missing"):
        parse_invite(json.dumps(doc).encode(), now=NOW)
    doc = json.loads(data)
    doc["note"] = "hello"
    with pytest.raises(InviteError, match="unexpected fields"):
        parse_invite(json.dumps(doc).encode(), now=NOW)


def test_reformatting_keeps_it_valid(key):
    """The signature covers the canonical body, not the file's whitespace."""
    inv, data = make(key)
    assert parse_invite(json.dumps(json.loads(data)).encode(), now=NOW) == inv


def test_expired_and_future_dated(key):
    inv, data = make(key, lifetime=60)
    assert parse_invite(data, now=NOW + 59).session_id == inv.session_id
    with pytest.raises(InviteError, match="expired"):
        parse_invite(data, now=NOW + 61)
    with pytest.raises(InviteError, match="future"):
        parse_invite(data, now=NOW - 3600)


def test_lifetime_limits(key):
    with pytest.raises(InviteError):
        make(key, lifetime=0)
    with pytest.raises(InviteError):
        make(key, lifetime=3 * 24 * 3600)


def test_resigned_by_another_key_is_refused(key):
    """Swapping the fingerprint and re-signing with another key, keeping the court key: refused."""
    _, data = make(key)
    doc = json.loads(data)
    doc["body"]["dtls_fingerprints"][0]["value"] = FP256.replace("00", "FF", 1)
    other = Ed25519PrivateKey.generate()
    doc["signature"] = other.sign(SIGNING_CONTEXT + canonical(doc["body"])).hex()
    with pytest.raises(InviteError, match="signature"):
        parse_invite(json.dumps(doc).encode(), now=NOW)


def test_pinned_court_key(key):
    """A forger's fully self-consistent invitation passes the signature but not the pin."""
    forger = Ed25519PrivateKey.generate()
    _, forged = make(forger)
    assert parse_invite(forged, now=NOW).court_key == _pub(forger)
    with pytest.raises(InviteError, match="pinned court key"):
        parse_invite(forged, now=NOW, court_key=_pub(key))
    _, real = make(key)
    assert parse_invite(real, now=NOW, court_key=_pub(key)).court_key == _pub(key)


def test_signing_with_a_key_that_is_not_the_court_key(key):
    inv = new_invite("127.0.0.1", 1, (Fingerprint("sha-256", FP256),), _pub(key), now=NOW, tls_fingerprint=TLS)
    with pytest.raises(InviteError, match="does not match"):
        sign_invite(inv, Ed25519PrivateKey.generate().sign)


@pytest.mark.parametrize("bad", [b"", b"not json", b"[]", b'{"format": "x"}', "ü".encode("latin-1")])
def test_garbage(bad):
    with pytest.raises(InviteError):
        parse_invite(bad, now=NOW)


def test_missing_file(tmp_path):
    with pytest.raises(InviteError, match="cannot read"):
        load_invite(tmp_path / "nope.json")


def test_bad_address_and_fingerprints(key):
    with pytest.raises(InviteError, match="IP address"):
        new_invite("court.example", 1, (Fingerprint("sha-256", FP256),), _pub(key), now=NOW, tls_fingerprint=TLS)
    with pytest.raises(InviteError, match="port"):
        new_invite("127.0.0.1", 70000, (Fingerprint("sha-256", FP256),), _pub(key), now=NOW, tls_fingerprint=TLS)
    with pytest.raises(InviteError, match="sha-256"):
        new_invite("127.0.0.1", 1, (Fingerprint("sha-384", FP384),), _pub(key), now=NOW, tls_fingerprint=TLS)
    with pytest.raises(InviteError, match="malformed"):
        new_invite("127.0.0.1", 1, (Fingerprint("sha-256", "AB:CD"),), _pub(key), now=NOW, tls_fingerprint=TLS)


def sdp(*fps: tuple[str, str]) -> str:
    lines = ["v=0", "o=- 1 1 IN IP4 0.0.0.0", "s=-", "t=0 0", "m=video 9 UDP/TLS/RTP/SAVPF 97"]
    lines += [f"a=fingerprint:{a} {v}" for a, v in fps]
    return "\r\n".join(lines) + "\r\n"


def test_sdp_fingerprint_must_match_the_invitation(key):
    inv, _ = make(key)
    check_sdp_fingerprint(sdp(("sha-256", FP256)), inv)
    check_sdp_fingerprint(sdp(("sha-256", FP256.lower()), ("sha-384", FP384)), inv)
    wrong = FP256[:-2] + "FF"
    with pytest.raises(FingerprintMismatch, match="not the court"):
        check_sdp_fingerprint(sdp(("sha-256", wrong)), inv)
    with pytest.raises(FingerprintMismatch):  # one good, one bad: refused
        check_sdp_fingerprint(sdp(("sha-256", FP256), ("sha-384", FP384[:-2] + "00")), inv)
    with pytest.raises(FingerprintMismatch, match="no certificate"):
        check_sdp_fingerprint(sdp(), inv)
    with pytest.raises(FingerprintMismatch, match="not the court"):  # not a TypeError
        check_sdp_fingerprint(sdp(("sha-256", FP256[:-2] + "\u00c9\u00c9")), inv)


def test_safety_code():
    a = safety_code(FP256, FP384)
    assert a == safety_code(FP256.lower(), FP384) and len(a) == 7 and a[3] == " "
    assert a != safety_code(FP384, FP256)


def test_signalling_certificate_fingerprint_is_signed_and_checked(key):
    inv, data = make(key)
    assert parse_invite(data, now=NOW).tls_fingerprint == TLS
    with pytest.raises(InviteError, match="signalling certificate"):
        new_invite("127.0.0.1", 1, (Fingerprint("sha-256", FP256),), _pub(key), now=NOW, tls_fingerprint="AB:CD")
    doc = json.loads(data)
    doc["body"]["tls_fingerprint"] = TLS[:-2] + "00"  # a substituted signalling server
    with pytest.raises(InviteError, match="signature"):
        parse_invite(json.dumps(doc).encode(), now=NOW)


@pytest.mark.parametrize("bomb", [b"[" * 60_000 + b"]" * 60_000, b'{"a":' * 30_000 + b"1" + b"}" * 30_000,
                                  b'{"format": "testimony-shield/link-invite", "format": "x"}', b'{"version": NaN}'])
def test_a_deeply_nested_invitation_is_refused(tmp_path, bomb):
    """Security review, Broken 7: 60,000 nested brackets used to escape as RecursionError."""
    with pytest.raises(InviteError, match="not valid JSON"):
        parse_invite(bomb, now=NOW)
    p = tmp_path / "invite.json"
    p.write_bytes(bomb[:60_000])
    with pytest.raises(InviteError):
        load_invite(p)
