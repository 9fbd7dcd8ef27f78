"""Track labels: which audience and which channel a media track carries.

The witness sends ``{"tracks": {mid: label}}`` with its offer; the court routes each received track
by its label, and ignores labels it does not know or is not authorised to show.

- ``court/video``, ``court/audio/floor`` — the masked witness (public display, courtroom speakers);
- ``court/audio/<lang>`` — an interpretation channel (ISO 639-2, e.g. ``court/audio/spa``);
- ``judge/video``, ``judge/audio/floor`` — the unmasked witness, sent only when the witness's plan
  authorises the judge and the court's invitation says it has a judge's monitor; shown only there.
"""

from __future__ import annotations

import re

COURT_VIDEO = "court/video"
COURT_FLOOR = "court/audio/floor"
JUDGE_VIDEO = "judge/video"
JUDGE_FLOOR = "judge/audio/floor"
_LABEL = re.compile(r"^(court|judge)/(video|audio/[a-z]{2,8})$")


def valid(label: object) -> bool:
    return isinstance(label, str) and bool(_LABEL.match(label))


def interpretation(channel: str) -> str:
    return f"court/audio/{channel}"


def audience(label: str) -> str:
    return label.split("/", 1)[0]


def channel(label: str) -> str | None:
    """The audio channel of an audio label ("floor", "spa"), ``None`` for video."""
    parts = label.split("/")
    return parts[2] if len(parts) == 3 and parts[1] == "audio" else None
