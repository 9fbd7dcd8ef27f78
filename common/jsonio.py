"""One bounded loader for every JSON document the app reads: settings, invitations, plans, vault
headers, audit entries and signalling messages.

A document is refused, with :class:`JsonError` (a ``ValueError``), when it is larger than ``max_bytes``,
nested deeper than ``max_depth``, not UTF-8, not JSON, or holds ``NaN``/``Infinity`` or a repeated key.
Nothing here ever raises ``RecursionError`` or ``MemoryError`` on hostile input.
"""

from __future__ import annotations

import json
import os
from typing import Any

#: generous for every document the app writes (the largest, a plan or a vault header, is a few KiB)
DEFAULT_MAX_BYTES = 1 << 20
#: the app's own documents nest at most 5 deep
DEFAULT_MAX_DEPTH = 32


class JsonError(ValueError):
    """A JSON document that was refused; the message names the reason, never the content."""


def _no_constants(name: str) -> Any:
    raise JsonError(f"{name} is not allowed")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise JsonError("a key is repeated")
        out[k] = v
    return out


def depth(obj: Any) -> int:
    """Nesting depth of a parsed value (a scalar is 0, ``[]`` is 1), without recursion."""
    best = 0
    stack = [(obj, 0)]
    while stack:
        o, d = stack.pop()
        if isinstance(o, dict):
            stack.extend((v, d + 1) for v in o.values())
            best = max(best, d + 1)
        elif isinstance(o, list):
            stack.extend((v, d + 1) for v in o)
            best = max(best, d + 1)
    return best


def loads(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES, max_depth: int = DEFAULT_MAX_DEPTH,
          what: str = "JSON document") -> Any:
    """Parse ``data`` within the limits, or raise :class:`JsonError` saying why (never the content)."""
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > max_bytes:
        raise JsonError(f"{what}: too large ({size} bytes; at most {max_bytes})")
    if isinstance(data, (bytes, bytearray, memoryview)):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise JsonError(f"{what}: not UTF-8 text") from None
    else:
        text = data
    # cheap pre-check: a document cannot nest deeper than it has opening brackets
    if text.count("[") + text.count("{") > max_depth:
        try:
            obj = json.loads(text, parse_constant=_no_constants, object_pairs_hook=_no_duplicates)
        except RecursionError:
            raise JsonError(f"{what}: nested too deeply (more than {max_depth} levels)") from None
        except JsonError as e:
            raise JsonError(f"{what}: {e}") from None
        except ValueError as e:
            raise JsonError(f"{what}: not valid JSON ({e.__class__.__name__})") from None
        if depth(obj) > max_depth:
            raise JsonError(f"{what}: nested too deeply (more than {max_depth} levels)")
        return obj
    try:
        return json.loads(text, parse_constant=_no_constants, object_pairs_hook=_no_duplicates)
    except JsonError as e:
        raise JsonError(f"{what}: {e}") from None
    except ValueError as e:
        raise JsonError(f"{what}: not valid JSON ({e.__class__.__name__})") from None


def load_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
              max_depth: int = DEFAULT_MAX_DEPTH, what: str | None = None) -> Any:
    """Read and parse a file within the limits; reads at most ``max_bytes + 1`` bytes."""
    label = what or os.path.basename(os.fspath(path)) or "JSON file"
    with open(path, "rb") as f:
        data = f.read(max_bytes + 1)
    return loads(data, max_bytes=max_bytes, max_depth=max_depth, what=label)
