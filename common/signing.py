"""Ed25519 signature checks and the key fingerprint shown to people, shared by the vault (station and
role keys) and the link invitation (the court station's key), so a court key reads the same in
``vault info`` and in the witness station's refusal message."""

from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

#: domain separation of the fingerprint hash (vault format v1)
_FINGERPRINT_CONTEXT = b"testimony-shield/v1 key\n"


def verify_ed25519(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """True when ``signature`` is ``public_key``'s Ed25519 signature of ``message``; False for a bad
    signature or a malformed key (never raises on hostile input)."""
    try:
        Ed25519PublicKey.from_public_bytes(bytes(public_key)).verify(bytes(signature), bytes(message))
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def key_fingerprint(ed25519_public: bytes) -> str:
    """A public key's short fingerprint (32 hex digits) for people to compare."""
    return hashlib.sha256(_FINGERPRINT_CONTEXT + bytes(ed25519_public)).hexdigest()[:32]
