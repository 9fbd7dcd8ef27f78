"""Errors raised by the recording layer.  ``ui/`` turns them into plain messages."""


class RecordingError(Exception):
    """Base of every error the recording layer raises on purpose."""


class SourceUnavailable(RecordingError):
    """A camera, microphone or file could not be opened (missing, unplugged, busy)."""


class SourceLost(RecordingError):
    """A source that was working stopped delivering (device unplugged mid-session)."""


class MediaFormatError(RecordingError):
    """An input file is corrupt or not a supported audio/video format."""


class MaskingError(RecordingError):
    """The face or voice masker failed; callers fail closed (curtain / silence)."""


class EncoderError(RecordingError):
    """Encoding or muxing failed (e.g. the output sink refused a write)."""
