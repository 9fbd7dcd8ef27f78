"""Errors of the remote link.  Every message is one plain sentence a clerk or witness can act on."""

from recording.errors import RecordingError


class LinkError(RecordingError):
    """The link could not be set up or was lost."""


class InviteError(LinkError):
    """The invitation file is malformed, tampered with, signed by another court, or stale."""


class FingerprintMismatch(LinkError):
    """The station that answered is not the court named in the invitation (DTLS fingerprint differs)."""


class Refused(LinkError):
    """The court station refused the join (bad or used token, refused from the waiting room)."""


class RelayUnreachable(LinkError):
    """The court relay named by the invitation (or the relay info file) does not answer."""


class RelayCertMismatch(FingerprintMismatch):
    """The court relay presented a TLS certificate other than the pinned one."""


class TurnRefused(LinkError):
    """The TURN server refused the hearing's credentials (the relay's secret is not coturn's, or expired)."""


class TurnUnreachable(LinkError):
    """The TURN server (coturn) does not answer."""


class RelayLost(LinkError):
    """The court relay went away in the middle of a hearing and did not come back in time."""
