"""Track labels: which audience and which channel a media track carries.

The witness sends ``{"tracks": {mid: label}}`` with its offer; the court routes each received track
by its label, and ignores labels it does not know or is not authorised to show.

- ``court/video``, ``court/audio/floor`` — the masked witness (public display, courtroom speakers);
- ``court/audio/<lang>`` — an interpretation channel (ISO 639-2, e.g. ``court/audio/spa``);
- ``judge/video``, ``judge/audio/floor`` — the unmasked witness, sent only when the witness's plan
  authorises the judge and the court's invitation says it has a judge's monitor; shown only there.

Court → witness (the court's answer carries ``{"tracks": {mid: label}}`` for what it sends):

- ``witness/video/<role>`` — the camera of the person speaking to the witness: the judge or a
  questioner (:data:`TO_WITNESS_ROLES`).  **There is no label for the accused**: ``witness/video/accused``
  is not a valid label, :func:`to_witness` refuses it, and both stations drop any track whose label
  is not valid — so no track of the accused can be offered to, or shown at, the witness station.
- ``witness/audio/<lang>`` — a remote interpreter's channel (ISO 639-2), forwarded by the court to
  the witness station for the witness's listening channel, on an audio slot the witness offered.
- ``interpreter/audio/floor`` — the masked floor, sent to a remote interpreter station.
"""

from __future__ import annotations

import re
from typing import TypeGuard

from recording.languages import is_channel_language

COURT_VIDEO = "court/video"
COURT_FLOOR = "court/audio/floor"
JUDGE_VIDEO = "judge/video"
JUDGE_FLOOR = "judge/audio/floor"
INTERPRETER_FLOOR = "interpreter/audio/floor"
#: court → interpreter: its language's channel as delivered while its partner is on air (recording/booth.py)
INTERPRETER_RETURN = "interpreter/audio/return"
#: who may appear on a camera sent to the witness (Role values).  Never "accused".
TO_WITNESS_ROLES = ("judge", "prosecution", "defence", "intermediary")
FORBIDDEN_TO_WITNESS = ("accused",)
_LABEL = re.compile(r"^(court|judge)/(video|audio/[a-z]{2,8})$")
_TO_WITNESS = re.compile(r"^witness/video/(" + "|".join(TO_WITNESS_ROLES) + r")$")
_TO_WITNESS_AUDIO = re.compile(r"^witness/audio/[a-z]{3}$")


def valid(label: object) -> bool:
    """A label a station may send or accept.  Any label naming the accused is invalid."""
    if not isinstance(label, str) or any(f in label for f in FORBIDDEN_TO_WITNESS):
        return False
    return bool(_LABEL.match(label) or _TO_WITNESS.match(label) or _TO_WITNESS_AUDIO.match(label)
                or label in (INTERPRETER_FLOOR, INTERPRETER_RETURN))


def to_witness(role: str) -> str:
    """The label of a camera sent to the witness showing ``role`` (a Role value).  ``ValueError`` for
    the accused or any role not allowed to face the witness."""
    role = str(role)
    if role in FORBIDDEN_TO_WITNESS or role not in TO_WITNESS_ROLES:
        raise ValueError(f"a '{role}' camera is never sent to the witness")
    return f"witness/video/{role}"


def is_to_witness(label: object) -> bool:
    return isinstance(label, str) and bool(_TO_WITNESS.match(label)) and valid(label)


def to_witness_channel(language: str) -> str:
    """The label of a remote interpreter's channel forwarded to the witness (``witness/audio/spa``)."""
    label = f"witness/audio/{language}"
    if not _TO_WITNESS_AUDIO.match(label):
        raise ValueError(f"'{language}' is not an ISO 639-2 language code")
    return label


def is_to_witness_audio(label: object) -> TypeGuard[str]:
    return isinstance(label, str) and bool(_TO_WITNESS_AUDIO.match(label))


def is_witness_bound(label: object) -> bool:
    """Any label the court sends to the witness (a camera or an interpreter's channel)."""
    return is_to_witness(label) or is_to_witness_audio(label)


def role_of(label: str) -> str:
    """The role shown by a ``witness/video/<role>`` label ("" for other labels)."""
    return label.rsplit("/", 1)[1] if is_to_witness(label) else ""


def interpretation(channel: str) -> str:
    return f"court/audio/{channel}"


def audience(label: str) -> str:
    return label.split("/", 1)[0]


def channel(label: str) -> str | None:
    """The audio channel of an audio label ("floor", "spa"), ``None`` for video."""
    parts = label.split("/")
    return parts[2] if len(parts) == 3 and parts[1] == "audio" else None


def channels_to_record(languages: tuple[str, ...] | list[str], announced: object,
                       extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Interpretation channels the court records: the court plan's ``languages``, ``extra`` ones (a
    remote interpreter's), and those a joining station ``announced`` (its ``court/audio/<lang>``
    labels), each an ISO 639-2 code, in that order, without repeats."""
    raw = announced if isinstance(announced, list) else []
    theirs = [channel(t) for t in raw if isinstance(t, str) and valid(t)
              and audience(t) == "court" and channel(t) not in (None, "floor")]
    return tuple(dict.fromkeys([*languages, *extra,
                                *(c for c in theirs if c and is_channel_language(c))]))


def invite_languages(media: dict) -> tuple[str, ...]:
    """The interpretation channels a court's signed invitation names (``media.languages``; ISO 639-2
    codes only): the witness station offers a listening slot for each."""
    raw = media.get("languages", [])
    return tuple(dict.fromkeys(x for x in raw if isinstance(x, str) and is_channel_language(x)
                               and is_to_witness_audio(f"witness/audio/{x}"))) if isinstance(raw, list) else ()
