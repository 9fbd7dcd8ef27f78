"""The court's checks on a station that presents an invitation: one copy for the witness and the
remote interpreters (join, resume, each offer and its certificate).

A join names the invitation's session, presents its one-time token (burnt by the first valid join,
admitted or not; a wrong token does not burn it) and this station's DTLS certificate fingerprint,
which the court pins for the whole session: every later offer (after a re-join too) must present it.
"""

from __future__ import annotations

import hmac
import time
from dataclasses import dataclass
from typing import Any

from recording.transport.errors import LinkError
from recording.transport.invite import Invite, sdp_fingerprints
from recording.transport.signalling import table_field

_FP = "0123456789ABCDEF:"


class Refusal(Exception):
    """A join or resume the court refuses; ``reason`` is sent to the station."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_join(invite: Invite, msg: dict[str, Any], used: bool, now: float | None = None) -> str:
    """The joining station's DTLS fingerprint (upper case) when ``msg`` is a valid join for ``invite``
    whose token is not ``used``; :class:`Refusal` otherwise."""
    if msg.get("session_id") != invite.session_id:
        raise Refusal("this invitation is for another session")
    if used:
        raise Refusal("this invitation was already used")
    if not invite.token_matches(msg.get("token")):
        raise Refusal("the join token is wrong")
    if (time.time() if now is None else now) > invite.expires:  # the station's own check is not enough
        raise Refusal("this invitation has expired")
    dtls = msg.get("dtls_fingerprint")
    if not isinstance(dtls, str) or len(dtls) != 95 or set(dtls.upper()) - set(_FP):
        raise Refusal("the join names no valid media certificate")
    return dtls.upper()


def resume_matches(current: str, token: Any) -> bool:
    """A resumption token equals the current one (constant-time; an empty current token never matches)."""
    return bool(current) and isinstance(token, str) and hmac.compare_digest(token.encode(), current.encode())


def offer_certificate_matches(sdp: str, dtls: str) -> bool:
    """The offer presents the admitted station's DTLS certificate (sha-256 fingerprint)."""
    theirs = next((f.value for f in sdp_fingerprints(sdp) if f.algorithm == "sha-256"), "")
    return hmac.compare_digest(theirs.encode(), dtls.encode())


@dataclass(frozen=True)
class Offer:
    """A station's offer message, checked at the boundary: ``tracks`` ``{mid: label}`` (the labels
    are the caller's to check) and ``receive`` ``{mid: kind or label}`` as sent, empty when missing."""

    sdp: str
    tracks: dict[str, Any]
    receive: dict[str, Any]

    @classmethod
    def parse(cls, msg: dict[str, Any], who: str) -> Offer:
        """:class:`LinkError` when the offer of the ``who`` station carries no SDP."""
        sdp = msg.get("sdp")
        if not isinstance(sdp, str):
            raise LinkError(f"the {who} station sent a malformed offer")
        return cls(sdp, table_field(msg, "tracks"), table_field(msg, "receive"))
