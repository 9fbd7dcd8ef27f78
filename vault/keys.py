"""Role identities: an X25519 key (receives wrapped data keys) and an Ed25519 key (signs headers and
audit checkpoints) per role, private halves encrypted under Argon2id(passphrase).

identities/<role>.json (canonical JSON + newline):
  {"format": "testimony-shield-identity/1", "role": R, "x25519": b64 pub, "ed25519": b64 pub,
   "kdf": {"alg": "argon2id", "memory_kib": M, "iterations": T, "lanes": P, "salt": b64(16)},
   "private": {"alg": "aes-256-gcm", "nonce": b64(12), "ct": b64(AES-GCM(k, x25519 raw || ed25519 raw))}}
  k = Argon2id(passphrase UTF-8, salt, M, T, P, length 32); AAD = cjson of the object without "private".
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from common.signing import key_fingerprint, verify_ed25519

from .errors import IntegrityError, WrongPassphrase
from .format.canonical import b64d, b64e, cjson

IDENTITY_FORMAT = "testimony-shield-identity/1"
_RAW = serialization.Encoding.Raw
_RAWP = serialization.PublicFormat.Raw
_RAWK = serialization.PrivateFormat.Raw
_NOENC = serialization.NoEncryption()


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    @classmethod
    def default(cls) -> KdfParams:
        return cls()

    @classmethod
    def fast(cls) -> KdfParams:
        """For tests only: about a millisecond."""
        return cls(memory_kib=1024, iterations=1, lanes=1)

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        return Argon2id(salt=salt, length=32, iterations=self.iterations, lanes=self.lanes,
                        memory_cost=self.memory_kib).derive(passphrase.encode("utf-8"))


def pub_bytes(k) -> bytes:
    return k.public_bytes(_RAW, _RAWP)


def fingerprint(ed_pub: bytes) -> str:
    return key_fingerprint(ed_pub)


@dataclass
class Identity:
    """An unlocked role: holds private keys in memory only. Never printed (repr hides keys)."""

    role: str
    x25519_public: bytes
    ed25519_public: bytes
    _x: X25519PrivateKey = field(repr=False)
    _ed: Ed25519PrivateKey = field(repr=False)

    def sign(self, msg: bytes) -> bytes:
        return self._ed.sign(msg)

    @property
    def x25519_private(self) -> X25519PrivateKey:
        return self._x

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.ed25519_public)


def verify_sig(ed_pub: bytes, sig: bytes, msg: bytes) -> bool:
    return verify_ed25519(ed_pub, sig, msg)


def new_identity_file(role: str, passphrase: str, kdf: KdfParams) -> tuple[dict, Identity]:
    x = X25519PrivateKey.generate()
    ed = Ed25519PrivateKey.generate()
    obj = {
        "format": IDENTITY_FORMAT, "role": role,
        "x25519": b64e(pub_bytes(x.public_key())), "ed25519": b64e(pub_bytes(ed.public_key())),
    }
    return _encrypt_private(obj, x, ed, passphrase, kdf), Identity(
        role, pub_bytes(x.public_key()), pub_bytes(ed.public_key()), x, ed)


def _encrypt_private(pub: dict, x, ed, passphrase: str, kdf: KdfParams) -> dict:
    obj = {k: v for k, v in pub.items() if k not in ("kdf", "private")}
    salt = os.urandom(16)
    obj["kdf"] = {"alg": "argon2id", "memory_kib": kdf.memory_kib, "iterations": kdf.iterations,
                  "lanes": kdf.lanes, "salt": b64e(salt)}
    k = kdf.derive(passphrase, salt)
    n = os.urandom(12)
    secret = x.private_bytes(_RAW, _RAWK, _NOENC) + ed.private_bytes(_RAW, _RAWK, _NOENC)
    ct = AESGCM(k).encrypt(n, secret, cjson(obj))
    obj["private"] = {"alg": "aes-256-gcm", "nonce": b64e(n), "ct": b64e(ct)}
    return obj


def rewrap_identity(obj: dict, ident: Identity, new_passphrase: str, kdf: KdfParams) -> dict:
    return _encrypt_private(obj, ident._x, ident._ed, new_passphrase, kdf)


def parse_public(obj: dict, what: str) -> tuple[bytes, bytes]:
    try:
        if obj["format"] != IDENTITY_FORMAT:
            raise IntegrityError(f"{what}: unknown identity format")
        return b64d(obj["x25519"]), b64d(obj["ed25519"])
    except (KeyError, ValueError, TypeError):
        raise IntegrityError(f"{what}: malformed identity file") from None


def unlock_identity(obj: dict, passphrase: str, what: str) -> Identity:
    xpub, edpub = parse_public(obj, what)
    try:
        kd = obj["kdf"]
        if kd["alg"] != "argon2id":
            raise IntegrityError(f"{what}: unknown KDF")
        kdf = KdfParams(int(kd["memory_kib"]), int(kd["iterations"]), int(kd["lanes"]))
        salt = b64d(kd["salt"])
        priv = obj["private"]
        n, ct = b64d(priv["nonce"]), b64d(priv["ct"])
        aad = cjson({k: v for k, v in obj.items() if k != "private"})
    except (KeyError, ValueError, TypeError):
        raise IntegrityError(f"{what}: malformed identity file") from None
    try:
        secret = AESGCM(kdf.derive(passphrase, salt)).decrypt(n, ct, aad)
    except InvalidTag:
        raise WrongPassphrase(f"wrong passphrase for role '{obj.get('role')}'") from None
    x = X25519PrivateKey.from_private_bytes(secret[:32])
    ed = Ed25519PrivateKey.from_private_bytes(secret[32:64])
    if pub_bytes(x.public_key()) != xpub or pub_bytes(ed.public_key()) != edpub:
        raise IntegrityError(f"{what}: private keys do not match the public keys")
    return Identity(obj["role"], xpub, edpub, x, ed)
