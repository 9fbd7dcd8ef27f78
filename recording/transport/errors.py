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
