"""What the court station sends and plays: the camera of the person speaking to the witness (the
judge or a questioner — never the accused), and the received floor on the courtroom's speakers.

- :class:`CourtCamera` names a camera by the plan role it shows; :func:`cameras_for_witness` is the
  one gate every court → witness camera passes: it refuses (``LinkError``) a camera of the accused —
  by role, or by the name of any ``Role.ACCUSED`` participant of the plan — and leaves out roles that
  are not in the plan or may not face the witness (:data:`tracks.TO_WITNESS_ROLES`).  There is no
  ``accused`` track label at all (:mod:`recording.transport.tracks`), so even a wiring mistake
  cannot offer one.
- :class:`QuestionerCard` is the demo camera: a calm card rendered with OpenCV ("Judge — HHJ Demo")
  with a slowly breathing ring, so the witness sees that the picture is live.
- :class:`CameraTrack` paces any ``frame_at(index)`` source at its frame rate for aiortc;
  :func:`attach_cameras` and :func:`attach_channels` put the cameras and the remote interpreters'
  channels on the slots the witness offered to receive, in the court's answer.
- :class:`CourtSpeakers` plays the received masked floor on a sound device when there is one
  (``available`` False and a calm message otherwise).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Protocol

import av
import cv2
import numpy as np
from aiortc import MediaStreamTrack, RTCPeerConnection

from recording.audio.output import close_quietly
from recording.encode.frames import yuv420p_frame
from recording.session import ROLE_LABELS, Role, SessionPlan
from recording.transport import tracks as labels
from recording.transport.errors import LinkError
from recording.transport.media_tracks import PacedTrack, RelayAudioTrack

log = logging.getLogger("testimony_shield.recording.transport.court_media")

VIDEO_CLOCK = 90_000
NO_SPEAKERS = "No speakers found: the courtroom does not hear the witness from this station."


class FrameSource(Protocol):
    fps: float
    size: tuple[int, int]

    def frame_at(self, index: int) -> np.ndarray: ...


@dataclass(frozen=True)
class CourtCamera:
    """A camera at the court: ``role`` (a :class:`Role` value) and ``name`` say who it shows."""

    role: str
    name: str
    source: Any  # FrameSource

    @property
    def label(self) -> str:
        return labels.to_witness(self.role)


def cameras_for_witness(plan: SessionPlan, cameras: list[CourtCamera]) -> list[CourtCamera]:
    """The cameras the plan lets the witness see, in order.  A camera of the accused (by role or by
    the name of an accused participant) is a wiring error: :class:`LinkError`, nothing is sent."""
    accused = {p.name.strip().casefold() for p in plan.participants if p.role is Role.ACCUSED and p.name.strip()}
    present = {p.role.value for p in plan.participants}
    out: list[CourtCamera] = []
    for cam in cameras:
        if cam.role == Role.ACCUSED.value or cam.name.strip().casefold() in accused \
                or any(f in cam.role for f in labels.FORBIDDEN_TO_WITNESS):
            raise LinkError("a camera showing the accused was configured for the witness: it is never sent")
        if cam.role not in labels.TO_WITNESS_ROLES or cam.role not in present:
            log.info("camera for role %s not sent to the witness (not allowed by the plan)", cam.role)
            continue
        out.append(cam)
    return out


def questioner_cameras(plan: SessionPlan, size: tuple[int, int] = (480, 270), fps: float = 15.0) -> list[CourtCamera]:
    """Demo cameras: one calm card for the judge of ``plan`` (the person speaking to the witness)."""
    judge = next((p.name for p in plan.participants if p.role is Role.JUDGE and p.name), "")
    return [CourtCamera(Role.JUDGE.value, judge, QuestionerCard(f"{ROLE_LABELS[Role.JUDGE]} — {judge or 'the court'}",
                                                                size, fps))]


class QuestionerCard:
    """A calm, deterministic card: soft background, the speaker's role and name, a breathing ring."""

    live = False

    def __init__(self, text: str, size: tuple[int, int] = (480, 270), fps: float = 15.0) -> None:
        self.text = text
        self.size = size
        self.fps = fps
        w, h = size
        yy = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
        top, bottom = np.array([74, 62, 46], np.float32), np.array([112, 96, 72], np.float32)  # BGR: calm blue
        self._bg = np.broadcast_to(top * (1 - yy) + bottom * yy, (h, w, 3)).astype(np.uint8).copy()
        scale = max(0.4, w / 900)
        (tw, th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, 2)
        cv2.putText(self._bg, text, ((w - tw) // 2, int(h * 0.82)), cv2.FONT_HERSHEY_SIMPLEX, scale,
                    (235, 235, 235), 2, cv2.LINE_AA)

    def frame_at(self, index: int) -> np.ndarray:
        w, h = self.size
        frame = self._bg.copy()
        r = int(min(w, h) * (0.22 + 0.03 * math.sin(2 * math.pi * index / (self.fps * 4))))
        cv2.circle(frame, (w // 2, int(h * 0.42)), r, (200, 190, 170), 3, cv2.LINE_AA)
        return frame


class CameraTrack(PacedTrack):
    """Sends ``source`` at its frame rate (real time) until stopped."""

    kind = "video"

    def __init__(self, source: FrameSource, label: str) -> None:
        super().__init__()
        if not labels.is_to_witness(label):
            raise LinkError(f"'{label}' may not be sent to the witness")
        self.source = source
        self.label = label
        self.frames_sent = 0

    async def recv(self) -> av.VideoFrame:
        fps = float(self.source.fps)
        await self._pace(self.frames_sent / fps)
        index = self.frames_sent
        frame = yuv420p_frame(self.source.frame_at(index))
        frame.pts = int(round(index * VIDEO_CLOCK / fps))
        frame.time_base = Fraction(1, VIDEO_CLOCK)
        self.frames_sent += 1
        return frame


def attach_cameras(pc: RTCPeerConnection, receive: dict[str, Any], cameras: list[CourtCamera], stats: Any,
                   tracks: list[CameraTrack]) -> dict[str, str]:
    """Put the allowed court ``cameras`` on the video slots the witness offered to receive (each new
    track appended to ``tracks``); the answer's ``{mid: label}``.  Only labels that pass
    :func:`tracks.is_to_witness` (never the accused) are ever attached."""
    cams = list(cameras)
    sending: dict[str, str] = {}
    for t in pc.getTransceivers():
        if not cams:
            break
        if t.kind != "video" or str(t.mid) not in receive or receive.get(str(t.mid)) != "video":
            continue
        cam = cams.pop(0)
        label = cam.label
        if not labels.is_to_witness(label):  # unreachable by construction; kept as the last gate
            continue
        track = CameraTrack(cam.source, label)
        tracks.append(track)
        _send_on(t, track, label, sending, stats.to_witness_tracks)
    return sending


def attach_channels(pc: RTCPeerConnection, receive: dict[str, Any], stats: Any,
                    relays: dict[str, RelayAudioTrack]) -> dict[str, str]:
    """Put a relay of each remote interpreter's channel (added to ``relays`` by language) on the audio
    slots the witness offered for it (``witness/audio/<lang>``): the witness's listening channel
    hears the remote interpreter while one is connected (the relay sends nothing otherwise)."""
    sending: dict[str, str] = {}
    for t in pc.getTransceivers():
        want = receive.get(str(t.mid))
        if t.kind != "audio" or not labels.is_to_witness_audio(want):
            continue
        lang = labels.channel(want)
        if not lang or lang in relays:
            continue
        relays[lang] = RelayAudioTrack()
        _send_on(t, relays[lang], want, sending, stats.to_witness_channels)
    return sending


def _send_on(t: Any, track: MediaStreamTrack, label: str, sending: dict[str, str], listed: list[str]) -> None:
    """Send ``track`` on the witness's slot ``t`` as ``label``: in the answer's ``sending`` and, once,
    in the summary's ``listed``."""
    t.sender.replaceTrack(track)
    t.direction = "sendonly"
    sending[str(t.mid)] = label
    if label not in listed:
        listed.append(label)


class CourtSpeakers:
    """A court consumer playing the received masked floor (``on_audio``) on the courtroom's speakers.
    ``factory`` makes the output (default: :class:`recording.audio.output.SpeakerOutput`); with no
    sound device ``available`` is False and :attr:`message` says so — the session goes on."""

    def __init__(self, factory: Callable[[], Any] | None = None) -> None:
        self._factory = factory
        self.speaker: Any = None
        self.blocks = 0
        self.lost = False
        self.message = ""

    def open(self) -> bool:
        try:
            if self._factory is None:
                from recording.audio.output import SpeakerOutput

                speaker = SpeakerOutput()
            else:
                speaker = self._factory()
            speaker.open()
            self.speaker = speaker
            self.message = "Playing the witness (masked) on the courtroom speakers."
        except Exception as exc:
            log.info("court: no speakers (%s)", type(exc).__name__)
            self.speaker = None
            self.message = NO_SPEAKERS
        return self.speaker is not None

    @property
    def available(self) -> bool:
        return self.speaker is not None and not self.lost

    def on_video(self, frame: av.VideoFrame, arrival: float) -> None:
        pass

    def on_audio(self, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        if self.speaker is None or self.lost:
            return
        try:
            self.speaker.push(samples)
            self.blocks += 1
        except Exception:
            self.lost = True
            self.message = "The courtroom speakers went away: the witness is not heard from this station."

    def close(self) -> None:
        close_quietly(self.speaker, "court speakers")
        self.speaker = None
