"""The one canonical JSON encoding the app signs and hashes: sorted keys, no whitespace, ASCII only,
no NaN/Infinity.  Signatures and hashes are always checked on these exact bytes, never on parsed
values (the vault's headers and audit log, the link invitation)."""

from __future__ import annotations

import json
from typing import Any


def canonical_json(obj: Any) -> bytes:
    """``obj`` as canonical JSON bytes (ValueError for NaN or Infinity)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False).encode("ascii")
