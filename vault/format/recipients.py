"""Recipient stanzas (age-style): the 32-byte data key (or a share of it) wrapped to a role's X25519 key.

stanza = {"role": R, "type": "x25519", "epk": b64(ephemeral public), "wrapped": b64(AES-GCM ct), "share": S}
  shared   = X25519(ephemeral private, recipient public)
  wrap key = HKDF-SHA-256(shared, salt = epk || recipient public, info = "testimony-shield/v1 wrap " || id)
  wrapped  = AES-256-GCM(wrap key, nonce = 12 zero bytes, data key, AAD = cjson({"id","role","share"}))
The wrap key is unique per stanza (fresh ephemeral key), so the fixed nonce is safe (as in age).
`share` is "full" for a whole key or "xor:<group>:<k>/<n>" for a two-person XOR share.
"""

from __future__ import annotations

import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import IntegrityError
from .canonical import b64d, b64e, cjson

_RAW = serialization.Encoding.Raw
_RAWP = serialization.PublicFormat.Raw


def _wrap_key(shared: bytes, epk: bytes, rpk: bytes, rec_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + rpk,
                info=b"testimony-shield/v1 wrap " + rec_id.encode("ascii")).derive(shared)


def wrap(key: bytes, recipient_pub: bytes, role: str, rec_id: str, share: str = "full") -> dict:
    eph = X25519PrivateKey.generate()
    epk = eph.public_key().public_bytes(_RAW, _RAWP)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_pub))
    wk = _wrap_key(shared, epk, recipient_pub, rec_id)
    aad = cjson({"id": rec_id, "role": role, "share": share})
    ct = AESGCM(wk).encrypt(b"\0" * 12, key, aad)
    return {"role": role, "type": "x25519", "epk": b64e(epk), "wrapped": b64e(ct), "share": share}


def unwrap(stanza: dict, priv: X25519PrivateKey, rec_id: str) -> bytes:
    try:
        epk = b64d(stanza["epk"])
        ct = b64d(stanza["wrapped"])
        rpk = priv.public_key().public_bytes(_RAW, _RAWP)
        shared = priv.exchange(X25519PublicKey.from_public_bytes(epk))
        wk = _wrap_key(shared, epk, rpk, rec_id)
        aad = cjson({"id": rec_id, "role": stanza["role"], "share": stanza["share"]})
        return AESGCM(wk).decrypt(b"\0" * 12, ct, aad)
    except (InvalidTag, KeyError, ValueError, TypeError):
        raise IntegrityError(f"recordings/{rec_id}: key stanza for role '{stanza.get('role')}' "
                             "cannot be unwrapped (corrupted or not for this key)") from None


def stanza_digest(stanza: dict) -> str:
    return hashlib.sha256(cjson(stanza)).hexdigest()


def xor_split(key: bytes) -> tuple[bytes, bytes]:
    a = os.urandom(len(key))
    return a, bytes(x ^ y for x, y in zip(a, key, strict=True))


def xor_join(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))
