"""Delivery of a remote witness station's local recording to the court (docs/delivery.md).

The court's signed invitation names where the witness station's own recordings go
(``media.deliver``: the court vault's id and its judge's and clerk's X25519 public keys): the station
records locally at full quality, encrypted to those keys, so it cannot read them back.  After the
hearing they reach the court as a delivery bundle (``vault/bundle.py``): a file the clerk imports with
``testimony-shield vault import``, or an object the station puts in the court's store inbox.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from recording.transport.errors import InviteError

#: the court roles a witness station's recordings may be encrypted to
DELIVERY_ROLES = ("judge", "clerk")
_VAULT_ID = re.compile(r"^[0-9a-f]{32}$")


def court_recipients(deliver: Any) -> dict[str, bytes]:
    """The court vault's role public keys from the invitation's ``deliver`` section (InviteError when
    it is malformed: the invitation is refused rather than a recording made to a wrong key)."""
    if not isinstance(deliver, dict) or set(deliver) != {"vault", "recipients"}:
        raise InviteError("the invitation's delivery section is malformed")
    if not isinstance(deliver["vault"], str) or not _VAULT_ID.match(deliver["vault"]):
        raise InviteError("the invitation names no valid court vault")
    rec = deliver["recipients"]
    if not isinstance(rec, dict) or set(rec) != set(DELIVERY_ROLES):
        raise InviteError("the invitation must name the court's judge and clerk keys")
    out = {}
    for role, value in rec.items():
        try:
            key = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
        except (binascii.Error, ValueError):
            key = b""
        if len(key) != 32:
            raise InviteError(f"the invitation's {role} key is malformed")
        out[role] = key
    return out
