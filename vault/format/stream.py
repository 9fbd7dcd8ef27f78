"""Chunked AEAD stream (format `TSV1`), an age/STREAM-like construction with AES-256-GCM.

data.tsv = file header || record_0 || record_1 || ...

file header (56 bytes) = MAGIC (8) || recording id (16 ASCII hex chars) || salt (32 random bytes)
record_i = u32 BE ct_len || ct (ct_len bytes = plaintext + 16-byte GCM tag) || SHA-256(u32 || ct) (32)

stream key  = HKDF-SHA-256(ikm=data key, salt=salt, info="testimony-shield/v1 stream " || id)
commitment  = HKDF-SHA-256(ikm=data key, salt=salt, info="testimony-shield/v1 commit " || id)
nonce_i     = i as 11-byte big-endian || last flag byte (0x01 on the final record of a sealed stream)
AAD         = the 56-byte file header (binds recording id and salt)

The per-record SHA-256 lets anyone (no key) find torn/corrupted records; the stream root
  root = SHA-256("testimony-shield/v1 root\n" || file header || hash_0 || hash_1 || ...)
is signed in the header, so every byte of data.tsv is covered without a key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import IntegrityError

MAGIC = b"TSVAULT\x01"
ID_LEN = 16
SALT_LEN = 32
FILE_HEADER_LEN = len(MAGIC) + ID_LEN + SALT_LEN
PREFIX_LEN = 4
TAG_LEN = 16
HASH_LEN = 32
RECORD_OVERHEAD = PREFIX_LEN + TAG_LEN + HASH_LEN
MAX_RECORD_CT = 64 * 1024 * 1024 + TAG_LEN
DEFAULT_CHUNK = 1024 * 1024
_PREFIX = struct.Struct(">I")


def file_header(rec_id: str, salt: bytes) -> bytes:
    rid = rec_id.encode("ascii")
    if len(rid) != ID_LEN or len(salt) != SALT_LEN:
        raise ValueError("bad recording id or salt length")
    return MAGIC + rid + salt


def parse_file_header(b: bytes, what: str) -> tuple[str, bytes]:
    if len(b) < FILE_HEADER_LEN or b[: len(MAGIC)] != MAGIC:
        raise IntegrityError(f"{what}: bad stream header")
    try:
        rid = b[len(MAGIC): len(MAGIC) + ID_LEN].decode("ascii")
    except UnicodeDecodeError:
        raise IntegrityError(f"{what}: bad recording id in stream header") from None
    return rid, b[len(MAGIC) + ID_LEN: FILE_HEADER_LEN]


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def derive_stream_key(data_key: bytes, salt: bytes, rec_id: str) -> bytes:
    return _hkdf(data_key, salt, b"testimony-shield/v1 stream " + rec_id.encode("ascii"))


def key_commitment(data_key: bytes, salt: bytes, rec_id: str) -> bytes:
    return _hkdf(data_key, salt, b"testimony-shield/v1 commit " + rec_id.encode("ascii"))


def check_commitment(data_key: bytes, salt: bytes, rec_id: str, expected: bytes) -> bool:
    return hmac.compare_digest(key_commitment(data_key, salt, rec_id), expected)


def nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def record_hash(prefix: bytes, ct: bytes | memoryview) -> bytes:
    h = hashlib.sha256(prefix)
    h.update(ct)
    return h.digest()


def root_hash(fhdr: bytes, hashes_: list[bytes]) -> str:
    h = hashlib.sha256(b"testimony-shield/v1 root\n")
    h.update(fhdr)
    for x in hashes_:
        h.update(x)
    return h.hexdigest()


class StreamCipher:
    def __init__(self, data_key: bytes, fhdr: bytes):
        rid, salt = parse_file_header(fhdr, "stream")
        self.fhdr = fhdr
        self.rec_id = rid
        self._aead = AESGCM(derive_stream_key(data_key, salt, rid))

    def encrypt(self, counter: int, plaintext: bytes, last: bool) -> bytes:
        return self._aead.encrypt(nonce(counter, last), plaintext, self.fhdr)

    def encrypt_into(self, counter: int, plaintext, last: bool, out) -> None:
        self._aead.encrypt_into(nonce(counter, last), plaintext, self.fhdr, out)

    def seal_record(self, counter: int, plaintext: bytes, last: bool) -> tuple[bytes, bytes, bytes]:
        """Return (prefix, ct, hash) of record `counter`."""
        ct = self._aead.encrypt(nonce(counter, last), plaintext, self.fhdr)
        prefix = _PREFIX.pack(len(ct))
        return prefix, ct, record_hash(prefix, ct)

    def open_record(self, counter: int, ct: bytes, last: bool, what: str) -> bytes:
        try:
            return self._aead.decrypt(nonce(counter, last), ct, self.fhdr)
        except InvalidTag:
            raise IntegrityError(f"{what}: chunk {counter} fails authentication") from None


def scan_records(fd: int, size: int) -> tuple[list[int], list[bytes], int, str | None]:
    """Key-less scan of data.tsv from fd. Returns (ct lengths, record hashes, end offset of the last
    intact record, description of the first torn/invalid record or None)."""
    return scan_stream(lambda n, off: os.pread(fd, n, off), size)


def scan_stream(pread: Callable[[int, int], bytes], size: int
                ) -> tuple[list[int], list[bytes], int, str | None]:
    """`scan_records` over any random-access reader: ``pread(n, offset) -> bytes``."""
    lens: list[int] = []
    hs: list[bytes] = []
    off = FILE_HEADER_LEN
    while off < size:
        i = len(lens)
        if size - off < PREFIX_LEN:
            return lens, hs, off, f"record {i} torn (partial length prefix)"
        prefix = pread(PREFIX_LEN, off)
        (n,) = _PREFIX.unpack(prefix)
        if n < TAG_LEN or n > MAX_RECORD_CT:
            return lens, hs, off, f"record {i} has an invalid length"
        if off + PREFIX_LEN + n + HASH_LEN > size:
            return lens, hs, off, f"record {i} torn (file ends inside it)"
        body = pread(n + HASH_LEN, off + PREFIX_LEN)
        h = record_hash(prefix, body[:n])
        if h != body[n:]:
            return lens, hs, off, f"record {i} fails its hash"
        lens.append(n)
        hs.append(h)
        off += PREFIX_LEN + n + HASH_LEN
    return lens, hs, off, None


def new_salt() -> bytes:
    return os.urandom(SALT_LEN)
