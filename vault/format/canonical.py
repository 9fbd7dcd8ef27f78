"""Canonical JSON (sorted keys, no whitespace, ASCII: :mod:`common.canonical`) and base64 helpers.

Integrity is always checked on exact file bytes (by hash or signature), never on parsed values; the
canonical form only makes the bytes reproducible."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from common import jsonio
from common.canonical import canonical_json

#: the largest vault document (a header of a recording of many hours is a few hundred KiB)
MAX_DOCUMENT = 64 * 1024 * 1024
#: the vault's documents nest at most 5 deep
MAX_DEPTH = 16


def cjson(obj: Any) -> bytes:
    return canonical_json(obj)


def b64e(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def b64d(s: str) -> bytes:
    if not isinstance(s, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(s.encode("ascii"), validate=True)


def sha256_hex(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def load_canonical(data: bytes, what: str) -> Any:
    """Parse JSON and insist the bytes are exactly the canonical encoding (plus one newline)."""
    from ..errors import IntegrityError

    if not data.endswith(b"\n"):
        raise IntegrityError(f"{what}: missing final newline (truncated?)")
    if not data.isascii():
        raise IntegrityError(f"{what}: not valid JSON (not ASCII)")
    try:  # the bounded loader: a hostile file (deep nesting, NaN, repeated keys, huge) is refused
        obj = jsonio.loads(data[:-1], max_bytes=MAX_DOCUMENT, max_depth=MAX_DEPTH, what=what)
    except jsonio.JsonError as e:
        raise IntegrityError(str(e)) from None
    if cjson(obj) + b"\n" != data:
        raise IntegrityError(f"{what}: bytes are not in canonical form (modified?)")
    return obj


def dump_canonical(obj: Any) -> bytes:
    return cjson(obj) + b"\n"
