"""The session invitation: a small signed JSON file the court station hands to the witness station
(by whatever trusted route the court uses: a USB stick, the court's case system, a secure e-mail).

It names the court (signalling address, the SHA-256 fingerprint of the TLS certificate its
signalling server presents, the DTLS certificate fingerprints the court's media endpoint will
present, the court station's Ed25519 public key), carries a one-time join token and an expiry,
and is signed with the court station's Ed25519 key over canonical bytes.  The witness refuses a file
that is malformed, tampered with, signed by another key than the one it pins (if it pins one), or
stale, and later refuses a court whose SDP fingerprint differs from the invitation's.

File layout (docs/link-protocol.md), version 3::

    {"format": "testimony-shield/link-invite", "version": 3,
     "body": {"session_id": hex,
              "signalling": {"via": "relay", "url": "wss://relay.court.example:8443/testimony-shield/relay/v1"}
                         or {"via": "court", "url": "wss://127.0.0.1:50123/testimony-shield/link/v1"},
              "tls_fingerprint": "AB:CD:..." (sha-256 of the certificate the server at that URL presents),
              "dtls_fingerprints": [{"algorithm": "sha-256", "value": "AB:CD:..."}, ...],
              "token": hex, "created": "2026-11-05T10:00:00Z", "expires": "2026-11-05T10:10:00Z",
              "court_key": hex(Ed25519 public key), "media": {...}},
     "signature": hex(Ed25519(SIGNING_CONTEXT || canonical(body)))}

Version 2 (read, no longer written) had ``"address": {"host", "port"}`` (the court's own address)
instead of ``signalling``.  Through a court relay the invitation names the relay and its pinned
certificate, never the court station's address.

canonical(x) = JSON with sorted keys, no whitespace, ASCII only (``json.dumps(x, sort_keys=True,
separators=(",", ":"), ensure_ascii=True)``).  Hex everywhere (strict, no padding ambiguity).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import ipaddress
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import jsonio
from common.atomic import atomic_write
from common.canonical import canonical_json
from common.signing import key_fingerprint, verify_ed25519
from recording.transport.errors import FingerprintMismatch, InviteError

INVITE_FORMAT = "testimony-shield/link-invite"
INVITE_VERSION = 3
#: versions this station reads (2: the court's own address only)
READ_VERSIONS = (2, 3)
#: the WebSocket paths of the court station's signalling and of the court relay
LINK_PATH = "/testimony-shield/link/v1"
RELAY_PATH = "/testimony-shield/relay/v1"
_VIA_PATH = {"court": LINK_PATH, "relay": RELAY_PATH}
SIGNING_CONTEXT = b"testimony-shield link-invite v1\n"
#: clocks of the two stations may differ by this much
CLOCK_SKEW = 120.0
#: an invitation may not be valid for longer than this
MAX_LIFETIME = 24 * 3600.0
#: an invitation is about 1 KiB
MAX_INVITE_BYTES = 64 * 1024
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_HEX = re.compile(r"^[0-9a-f]+$")
_FP_VALUE = re.compile(r"^[0-9A-F]{2}(:[0-9A-F]{2})+$")
_FP_ALGORITHMS = {"sha-256": 32, "sha-384": 48, "sha-512": 64}
_URL = re.compile(r"^wss://(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253}):(?P<port>[0-9]{1,5})(?P<path>/[a-z0-9/-]*)$")
_DNS = re.compile(
    r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
)
_BODY_KEYS_V2 = {
    "session_id",
    "address",
    "tls_fingerprint",
    "dtls_fingerprints",
    "token",
    "created",
    "expires",
    "court_key",
    "media",
}
_BODY_KEYS = (_BODY_KEYS_V2 - {"address"}) | {"signalling"}


canonical = canonical_json  # one canonical JSON for the vault and the invitation (common.canonical)


def _iso(t: float) -> str:
    return _dt.datetime.fromtimestamp(int(t), _dt.UTC).strftime(_TIME_FORMAT)


def _parse_time(s: Any, what: str) -> float:
    if not isinstance(s, str):
        raise InviteError(f"the invitation's {what} time is missing")
    try:
        return _dt.datetime.strptime(s, _TIME_FORMAT).replace(tzinfo=_dt.UTC).timestamp()
    except ValueError:
        raise InviteError(f"the invitation's {what} time '{s[:40]}' is not a UTC time") from None


@dataclass(frozen=True)
class Fingerprint:
    algorithm: str  # "sha-256", "sha-384", "sha-512" (SDP names)
    value: str  # upper-case hex pairs separated by colons, as in SDP

    def to_dict(self) -> dict[str, str]:
        return {"algorithm": self.algorithm, "value": self.value}


@dataclass(frozen=True)
class Invite:
    session_id: str
    host: str
    port: int
    fingerprints: tuple[Fingerprint, ...]
    token: str
    created: float
    expires: float
    court_key: bytes
    media: dict[str, Any] = field(default_factory=dict)
    tls_fingerprint: str = ""  # sha-256 of the signalling server's TLS certificate (SDP-style hex)
    via: str = "court"  # "court": host:port is the court station's; "relay": the court relay's

    @property
    def url(self) -> str:
        """The signalling URL: the court station's, or the court relay's."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"wss://{host}:{self.port}{_VIA_PATH[self.via]}"

    @property
    def court_key_fingerprint(self) -> str:
        return key_fingerprint(self.court_key)

    def body(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id, "signalling": {"via": self.via, "url": self.url},
            "tls_fingerprint": self.tls_fingerprint,
            "dtls_fingerprints": [f.to_dict() for f in self.fingerprints], "token": self.token,
            "created": _iso(self.created), "expires": _iso(self.expires), "court_key": self.court_key.hex(),
            "media": dict(self.media),
        }

    def token_matches(self, token: Any) -> bool:
        return isinstance(token, str) and hmac.compare_digest(token.encode(), self.token.encode())


def new_invite(host: str, port: int, fingerprints: list[Fingerprint] | tuple[Fingerprint, ...],
               court_key: bytes, lifetime: float = 600.0, media: dict[str, Any] | None = None,
               now: float | None = None, *, tls_fingerprint: str, via: str = "court") -> Invite:
    """A fresh invitation: random session id and one-time token, ``lifetime`` seconds of validity;
    ``tls_fingerprint`` pins the signalling server's certificate; ``via``: "court" (``host:port`` is
    the court station's signalling, one network) or "relay" (the court relay's)."""
    now = _dt.datetime.now(_dt.UTC).timestamp() if now is None else now
    if not 0 < lifetime <= MAX_LIFETIME:
        raise InviteError(f"an invitation's lifetime must be between 1 s and {int(MAX_LIFETIME)} s")
    inv = Invite(
        secrets.token_hex(16),
        host,
        int(port),
        tuple(fingerprints),
        secrets.token_hex(32),
        float(int(now)),
        float(int(now + lifetime)),
        bytes(court_key),
        dict(media or {}),
        str(tls_fingerprint).upper(),
        via,
    )
    _check_body(inv.body())  # refuse to sign what load_invite would refuse
    return inv


def sign_invite(invite: Invite, sign: Callable[[bytes], bytes]) -> bytes:
    """The invitation file's bytes, signed with ``sign`` (the court station's Ed25519 key)."""
    body = invite.body()
    sig = sign(SIGNING_CONTEXT + canonical(body))
    if not verify_ed25519(invite.court_key, sig, SIGNING_CONTEXT + canonical(body)):
        raise InviteError("the signing key does not match the court key named in the invitation")
    doc = {"format": INVITE_FORMAT, "version": INVITE_VERSION, "body": body, "signature": sig.hex()}
    return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("ascii")


def write_invite(path: Path | str, data: bytes) -> None:
    """Write the file atomically (readers never see a half-written invitation), readable by the
    owner only: it carries the join token."""
    atomic_write(path, data)


def _hex(v: Any, what: str, nbytes: int | None = None) -> bytes:
    if not isinstance(v, str) or not _HEX.match(v) or len(v) % 2:
        raise InviteError(f"the invitation's {what} is malformed")
    b = bytes.fromhex(v)
    if nbytes is not None and len(b) != nbytes:
        raise InviteError(f"the invitation's {what} has the wrong length")
    return b


def _check_address(host: Any, port: Any, via: str = "court") -> None:
    try:
        ipaddress.ip_address(host)
    except (TypeError, ValueError):
        if via != "relay" or not isinstance(host, str) or not _DNS.match(host):  # a relay may have a DNS name
            raise InviteError("the invitation's court address is not an IP address") from None
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise InviteError("the invitation's court port is out of range")


def _check_signalling(sig: Any) -> tuple[str, str, int]:
    """``{"via", "url"}`` → (via, host, port)."""
    if not isinstance(sig, dict) or set(sig) != {"via", "url"} or sig["via"] not in _VIA_PATH \
            or not isinstance(sig["url"], str):
        raise InviteError("the invitation's signalling section is malformed")
    m = _URL.match(sig["url"])
    if not m or m.group("path") != _VIA_PATH[sig["via"]]:
        raise InviteError("the invitation's signalling URL is malformed")
    host, port = m.group("host").strip("[]"), int(m.group("port"))
    _check_address(host, port, sig["via"])
    return sig["via"], host, port


def _check_body(body: Any, version: int = INVITE_VERSION) -> Invite:
    if not isinstance(body, dict) or set(body) != (_BODY_KEYS if version == 3 else _BODY_KEYS_V2):
        raise InviteError("the invitation's contents are malformed (unknown or missing fields)")
    session_id = body["session_id"]
    _hex(session_id, "session id", 16)
    token = body["token"]
    _hex(token, "join token", 32)
    if version == 3:
        via, host, port = _check_signalling(body["signalling"])
    else:
        addr = body["address"]
        if not isinstance(addr, dict) or set(addr) != {"host", "port"}:
            raise InviteError("the invitation's court address is malformed")
        via, host, port = "court", addr["host"], addr["port"]
        _check_address(host, port)
    tls_fp = body["tls_fingerprint"]
    if not isinstance(tls_fp, str) or not _FP_VALUE.match(tls_fp) or len(tls_fp.split(":")) != 32:
        raise InviteError("the invitation's signalling certificate fingerprint is malformed")
    fps = body["dtls_fingerprints"]
    if not isinstance(fps, list) or not fps:
        raise InviteError("the invitation names no court certificate fingerprint")
    fingerprints = []
    for f in fps:
        if not isinstance(f, dict) or set(f) != {"algorithm", "value"}:
            raise InviteError("a certificate fingerprint in the invitation is malformed")
        alg, value = f["algorithm"], f["value"]
        if alg not in _FP_ALGORITHMS or not isinstance(value, str) or not _FP_VALUE.match(value) \
                or len(value.split(":")) != _FP_ALGORITHMS[alg]:
            raise InviteError("a certificate fingerprint in the invitation is malformed")
        fingerprints.append(Fingerprint(alg, value))
    if not any(f.algorithm == "sha-256" for f in fingerprints):
        raise InviteError("the invitation has no sha-256 certificate fingerprint")
    media = body["media"]
    if not isinstance(media, dict):
        raise InviteError("the invitation's media section is malformed")
    created = _parse_time(body["created"], "creation")
    expires = _parse_time(body["expires"], "expiry")
    if not 0 < expires - created <= MAX_LIFETIME:
        raise InviteError("the invitation's validity period is impossible")
    return Invite(session_id, host, port, tuple(fingerprints), token, created, expires,
                  _hex(body["court_key"], "court key", 32), media, tls_fp, via)


def parse_invite(data: bytes, now: float | None = None, court_key: bytes | None = None) -> Invite:
    """Check an invitation's format, signature and validity period; ``court_key`` (optional) pins the
    court station's public key.  Raises :class:`InviteError` with a plain reason."""
    try:
        doc = jsonio.loads(data, max_bytes=MAX_INVITE_BYTES, max_depth=8, what="invitation")
    except jsonio.JsonError:
        raise InviteError("the invitation is not valid JSON (damaged or tampered with)") from None
    if not isinstance(doc, dict) or doc.get("format") != INVITE_FORMAT:
        raise InviteError("this file is not a Testimony Shield invitation")
    version = doc.get("version")
    if version not in READ_VERSIONS or isinstance(version, bool):
        raise InviteError(f"invitation version {version!r} is not supported")
    if set(doc) != {"format", "version", "body", "signature"}:
        raise InviteError("the invitation has unexpected fields (tampered with)")
    inv = _check_body(doc["body"], version)
    sig = _hex(doc["signature"], "signature", 64)
    if not verify_ed25519(inv.court_key, sig, SIGNING_CONTEXT + canonical(doc["body"])):
        raise InviteError("the invitation's signature does not verify: it was changed after the court signed it")
    if court_key is not None and not hmac.compare_digest(bytes(court_key), inv.court_key):
        raise InviteError(f"the invitation was signed by court key {inv.court_key_fingerprint}, "
                          f"not by the pinned court key {key_fingerprint(bytes(court_key))}")
    now = _dt.datetime.now(_dt.UTC).timestamp() if now is None else now
    if now > inv.expires:
        raise InviteError(f"the invitation expired at {_iso(inv.expires)} (UTC); ask the court for a new one")
    if now + CLOCK_SKEW < inv.created:
        raise InviteError("the invitation is dated in the future: check this station's clock")
    return inv


def load_invite(path: Path | str, now: float | None = None, court_key: bytes | None = None) -> Invite:
    """Read and check the invitation file at ``path`` (see :func:`parse_invite`)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InviteError(f"cannot read the invitation {path}: {exc.strerror}") from None
    if len(data) > MAX_INVITE_BYTES:
        raise InviteError("the invitation file is too large to be an invitation")
    return parse_invite(data, now=now, court_key=court_key)


# -- SDP fingerprint pinning ----------------------------------------------------------------------

_SDP_FP = re.compile(r"^a=fingerprint:(\S+)\s+(\S+)\s*$", re.MULTILINE)


def sdp_fingerprints(sdp: str) -> list[Fingerprint]:
    return [Fingerprint(m.group(1).lower(), m.group(2).upper()) for m in _SDP_FP.finditer(sdp)]


def check_sdp_fingerprint(sdp: str, invite: Invite) -> None:
    """Raise :class:`FingerprintMismatch` unless the court's SDP names the invitation's certificate:
    at least one fingerprint, every one of a known algorithm equal to the invitation's (the DTLS
    handshake then checks the certificate itself against the SDP, so a substituted court fails)."""
    found = sdp_fingerprints(sdp)
    expected = {f.algorithm: f.value for f in invite.fingerprints}
    known = [f for f in found if f.algorithm in expected]
    if not known:
        raise FingerprintMismatch("the court station presented no certificate fingerprint the invitation names")
    for f in known:
        # bytes: compare_digest raises TypeError on non-ASCII str (the SDP is the other station's)
        if not hmac.compare_digest(f.value.encode(), expected[f.algorithm].encode()):
            raise FingerprintMismatch(
                "the court station's certificate does not match the invitation (wrong fingerprint): "
                "this is not the court that invited you")


def safety_code(court_fp: str, witness_fp: str) -> str:
    """Six digits both stations show, derived from both sha-256 certificate fingerprints (compare them
    by voice: a man in the middle would give each side a different code)."""
    d = hashlib.sha256(b"testimony-shield link safety code\n" + court_fp.upper().encode()
                       + b"\n" + witness_fp.upper().encode()).digest()
    n = int.from_bytes(d[:4], "big") % 1_000_000
    return f"{n // 1000:03d} {n % 1000:03d}"
