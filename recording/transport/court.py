"""The court station's side of the link: hosts signalling (TLS WebSocket, certificate pinned by the
invitation), checks the one-time token, keeps the witness in the waiting room until admitted (both
sides show the safety code there), answers with the DTLS certificate the invitation pins, and
receives the witness's media by track label — the masked COURT tracks for the public display and
the courtroom, interpretation channels, and the judge's unmasked tracks only when this station has a
judge's monitor (``judge_monitor``: the court's plan authorises the judge).

Fail-closed: a watchdog curtains the public display when frames stop or are late; on a lost
connection the station goes "reconnecting" (curtained) and accepts a re-join with the resumption
token it gave the witness (rotated on each use) for ``reconnect_window`` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import queue
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import av
import numpy as np
from aiortc import RTCSessionDescription
from aiortc.mediastreams import MediaStreamError

from recording.encode.writer import AudioTrack, MkvWriter
from recording.model import AUDIO_RATE
from recording.recorder import RecordingSink, SinkFactory
from recording.session import SessionPlan
from recording.transport import tracks as labels
from recording.transport.court_media import CameraTrack, CourtCamera, cameras_for_witness
from recording.transport.errors import LinkError
from recording.transport.interpreter import RelayAudioTrack
from recording.transport.invite import Invite, new_invite, safety_code, sdp_fingerprints, sign_invite
from recording.transport.rtc import (
    certificate_fingerprints,
    new_certificate,
    peer_connection,
    sha256_fingerprint,
)
from recording.transport.signalling import Channel, SignallingServer

log = logging.getLogger("testimony_shield.recording.transport.court")

#: the court's public display curtains the witness when no frame arrived for this long
STALL_AFTER = 0.5
#: how long the court waits for the witness to re-join after a loss before ending the session
RECONNECT_WINDOW = 60.0
_FP = "0123456789ABCDEF:"


class ReceivedConsumer(Protocol):
    """Gets what the court receives, on the event loop: return quickly.  Optional methods:
    ``on_interpretation(channel, samples, pts_samples, arrival)`` for interpretation tracks and
    ``on_reconnect()`` when a new media connection replaces a lost one (timestamps restart)."""

    def on_video(self, frame: av.VideoFrame, arrival: float) -> None: ...

    def on_audio(self, samples: np.ndarray, pts_samples: int, arrival: float) -> None: ...


Admit = Callable[[dict[str, Any]], Awaitable[bool]]


async def admit_all(request: dict[str, Any]) -> bool:
    return True


@dataclass
class CourtStats:
    session_id: str = ""
    witness_admitted: bool = False
    refused_joins: int = 0
    frames_received: int = 0
    audio_blocks_received: int = 0
    samples_received: int = 0
    judge_frames_received: int = 0
    judge_audio_blocks_received: int = 0
    judge_tracks_ignored: int = 0  # judge tracks offered to a court without a judge's monitor
    tracks_received: dict[str, int] = field(default_factory=dict)
    stalls: int = 0
    stalled_seconds: float = 0.0
    first_frame_ms: float | None = None  # admission → first decoded frame
    fps_received: float = 0.0
    reconnects: int = 0
    reconnecting_seconds: float = 0.0
    recoveries_ms: list[float] = field(default_factory=list)  # loss → first frame again
    safety_code: str = ""
    ended_by: str = ""
    #: the witness's breaks as the court saw them: {"by", "start", "end"} in seconds since admission,
    #: "media_start"/"media_end" on the witness's media clock
    breaks: list[dict[str, Any]] = field(default_factory=list)
    on_break: bool = False
    interpretation_blocks_received: dict[str, int] = field(default_factory=dict)
    to_witness_tracks: list[str] = field(default_factory=list)  # labels sent to the witness
    to_witness_frames_sent: int = 0
    #: remote interpreter stations by language: {"admitted", "blocks_received", "floor_blocks_sent", "ended_by",
    #: "reconnects", "to_witness_blocks_sent"}
    interpreters: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the witness's own copy of a channel a remote interpreter is live on: not delivered (blocks)
    interpretation_blocks_superseded: dict[str, int] = field(default_factory=dict)
    to_witness_channels: list[str] = field(default_factory=list)  # witness/audio/<lang> slots answered
    width: int = 0
    height: int = 0
    errors: list[str] = field(default_factory=list)


class CourtStation:
    """One remote witness per session.  ``open()`` → ``invitation(...)`` → ``serve(...)``.
    ``on_state`` gets "waiting" (room open), "admitting" (a station waits for the clerk),
    "connecting", "live", "reconnecting", "ended" — on the event loop."""

    def __init__(self, admit: Admit = admit_all, consumers: list[ReceivedConsumer] | None = None,
                 host: str = "127.0.0.1", port: int = 0, stall_after: float = STALL_AFTER,
                 on_curtain: Callable[[bool], None] | None = None,
                 judge_consumers: list[ReceivedConsumer] | None = None, judge_monitor: bool = False,
                 on_state: Callable[[str], None] | None = None,
                 reconnect_window: float = RECONNECT_WINDOW, plan: SessionPlan | None = None,
                 to_witness: list[CourtCamera] | None = None) -> None:
        """``to_witness``: the court's cameras offered to the witness (the judge / questioner), filtered
        through :func:`cameras_for_witness` with ``plan`` — a camera of the accused raises
        :class:`LinkError` here, before anything is opened."""
        if to_witness and plan is None:
            raise LinkError("cameras for the witness need the session plan (who may face the witness)")
        self.to_witness = cameras_for_witness(plan, list(to_witness)) if to_witness and plan else []
        self._camera_tracks: list[CameraTrack] = []
        self._admit = admit
        self.consumers = list(consumers or [])
        self.judge_consumers = list(judge_consumers or [])
        self.judge_monitor = judge_monitor
        self._host, self._port = host, port
        self._stall_after = stall_after
        self._on_curtain = on_curtain
        self._on_state = on_state
        self._reconnect_window = reconnect_window
        self.certificate = new_certificate()
        self.fingerprints = certificate_fingerprints(self.certificate)
        self._signal = SignallingServer(self._on_connection, host, port)
        self.tls_fingerprint = self._signal.tls_fingerprint
        self.invite: Invite | None = None
        self.stats = CourtStats()
        self.state = "closed"
        self.curtained = True  # nothing received yet: the public display shows the curtain
        self._token_used = False
        self._resume = ""
        self._witness_dtls = ""
        self._session_done = asyncio.Event()
        self._admitted = asyncio.Event()
        self._admitted_at: float | None = None
        self._first_frame_at: float | None = None
        self._last_frame_at: float | None = None
        self._stall_started: float | None = None
        self._lost_at: float | None = None
        self._pc = None
        self._mids: dict[str, str] = {}
        self._break_started: float | None = None
        self._interp: dict[str, dict[str, Any]] = {}  # interpreter invitations by session id
        self._relays: list[RelayAudioTrack] = []  # the masked floor, re-sent to interpreter stations
        self._side: list[tuple[Channel, Any]] = []  # interpreter (channel, peer connection)
        #: court → witness: a remote interpreter's channel, by language (the current witness connection's)
        self._witness_relays: dict[str, RelayAudioTrack] = {}
        self._remote_live: set[str] = set()  # languages a remote interpreter is sending now
        self._channel: Channel | None = None
        self._tasks: list[asyncio.Task] = []
        self.witness_media: dict[str, Any] = {}

    def _set_state(self, state: str) -> None:
        if state == self.state or self.state == "ended":
            return
        self.state = state
        log.info("court link %s", state)
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:
                log.exception("court state listener failed")

    async def open(self) -> tuple[str, int]:
        self._host, self._port = await self._signal.open()
        self._set_state("waiting")
        return self._host, self._port

    def invitation(self, court_key: bytes, sign: Callable[[bytes], bytes], lifetime: float = 600.0,
                   media: dict[str, Any] | None = None) -> bytes:
        """A signed invitation for this station's address and certificates (bytes of the file)."""
        if not self._signal.is_open:
            raise LinkError("open() the court station before inviting")
        media = {**(media or {}), "judge_monitor": bool(self.judge_monitor)}
        self.invite = new_invite(self._host, self._port, self.fingerprints, court_key, lifetime, media,
                                 tls_fingerprint=self.tls_fingerprint)
        self.stats.session_id = self.invite.session_id
        return sign_invite(self.invite, sign)

    def interpreter_invitation(self, court_key: bytes, sign: Callable[[bytes], bytes], language: str,
                               lifetime: float = 600.0) -> bytes:
        """A signed invitation for a remote interpreter station for ``language`` (ISO 639-2): its own
        session id and one-time token; it joins the same signalling server and waiting room."""
        if not self._signal.is_open:
            raise LinkError("open() the court station before inviting")
        if len(language) != 3 or not language.isalpha() or not labels.valid(labels.interpretation(language)):
            raise LinkError(f"'{language}' is not an ISO 639-2 language code (e.g. spa)")
        media = {"station": "interpreter", "language": language}
        if self.invite is not None and "case_number" in self.invite.media:
            media["case_number"] = self.invite.media["case_number"]
        inv = new_invite(self._host, self._port, self.fingerprints, court_key, lifetime, media,
                         tls_fingerprint=self.tls_fingerprint)
        self._interp[inv.session_id] = {"invite": inv, "used": False, "language": language}
        return sign_invite(inv, sign)

    # -- signalling ------------------------------------------------------------------------------
    async def _on_connection(self, ch: Channel) -> None:
        try:
            await self._handle(ch)
        except LinkError as exc:
            log.info("witness connection from %s ended: %s", ch.peer, exc)
            if self._channel is ch:
                self._lost("signalling lost")
        except Exception as exc:  # never let one bad peer take the court station down
            log.exception("witness connection failed")
            self.stats.errors.append(f"link: {exc.__class__.__name__}")
            if self._channel is ch:
                self._lost("link error")
        finally:
            if self._channel is not ch:
                await ch.close()

    async def _refuse(self, ch: Channel, kind: str, reason: str) -> None:
        self.stats.refused_joins += 1
        with contextlib.suppress(LinkError):
            await ch.send({"type": kind, "reason": reason})

    async def _handle(self, ch: Channel) -> None:
        msg = await ch.recv(timeout=15.0)
        inv = self.invite
        if msg["type"] == "resume" and msg.get("session_id") in self._interp:
            return await self._handle_interpreter_resume(ch, msg)
        if inv is not None and msg["type"] == "resume":
            return await self._handle_resume(ch, msg)
        if msg["type"] == "join" and msg.get("session_id") in self._interp:
            return await self._handle_interpreter(ch, msg)
        if inv is None or msg["type"] != "join":
            return await self._refuse(ch, "error", "expected a join with an invitation")
        if msg.get("session_id") != inv.session_id:
            return await self._refuse(ch, "error", "this invitation is for another session")
        if self._token_used:
            return await self._refuse(ch, "error", "this invitation was already used")
        if not inv.token_matches(msg.get("token")):
            return await self._refuse(ch, "error", "the join token is wrong")
        if time.time() > inv.expires:  # the witness station's own check is not enough: enforce it here
            return await self._refuse(ch, "error", "this invitation has expired")
        dtls = msg.get("dtls_fingerprint")
        if not isinstance(dtls, str) or len(dtls) != 95 or set(dtls.upper()) - set(_FP):
            return await self._refuse(ch, "error", "the join names no valid media certificate")
        self._token_used = True  # one-time: burnt by the first valid join, admitted or not
        self._witness_dtls = dtls.upper()
        self.stats.safety_code = safety_code(sha256_fingerprint(self.fingerprints), self._witness_dtls)
        await ch.send({"type": "waiting", "safety_code": self.stats.safety_code})
        media = msg.get("media") if isinstance(msg.get("media"), dict) else {}
        self._set_state("admitting")
        if not await self._admit({"station": msg.get("station"), "peer": ch.peer, "media": media,
                                  "safety_code": self.stats.safety_code}):
            await self._refuse(ch, "refused", "the clerk did not admit this station")
            self.stats.ended_by = "refused"
            self._set_state("ended")
            self._session_done.set()
            return None
        self.witness_media = media
        self._channel = ch
        self._resume = secrets.token_hex(32)
        await ch.send({"type": "admitted", "resume": self._resume})
        self._admitted_at = time.monotonic()
        self.stats.witness_admitted = True
        self._admitted.set()
        return await self._live(ch)

    async def _handle_interpreter(self, ch: Channel, msg: dict[str, Any]) -> None:
        entry = self._interp[msg["session_id"]]
        inv, lang = entry["invite"], entry["language"]
        if entry["used"]:
            return await self._refuse(ch, "error", "this invitation was already used")
        if not inv.token_matches(msg.get("token")):
            return await self._refuse(ch, "error", "the join token is wrong")
        if time.time() > inv.expires:
            return await self._refuse(ch, "error", "this invitation has expired")
        dtls = msg.get("dtls_fingerprint")
        if not isinstance(dtls, str) or len(dtls) != 95 or set(dtls.upper()) - set(_FP):
            return await self._refuse(ch, "error", "the join names no valid media certificate")
        entry["used"] = True
        dtls = entry["dtls"] = dtls.upper()
        code = safety_code(sha256_fingerprint(self.fingerprints), dtls)
        await ch.send({"type": "waiting", "safety_code": code})
        info = self.stats.interpreters.setdefault(lang, {"admitted": False, "blocks_received": 0,
                                                         "floor_blocks_sent": 0, "ended_by": "", "safety_code": code,
                                                         "reconnects": 0, "to_witness_blocks_sent": 0})
        if not await self._admit({"station": "interpreter", "peer": ch.peer, "safety_code": code,
                                  "media": {"language": lang, "tracks": [labels.interpretation(lang)]}}):
            info["ended_by"] = "refused"
            return await self._refuse(ch, "refused", "the clerk did not admit this station")
        entry["resume"] = secrets.token_hex(32)
        await ch.send({"type": "admitted", "resume": entry["resume"]})
        info["admitted"] = True
        return await self._interpreter_live(ch, entry, info)

    async def _handle_interpreter_resume(self, ch: Channel, msg: dict[str, Any]) -> None:
        """An admitted interpreter station re-joins after a loss with its resumption token (single-use,
        rotated on every resume, like the witness's)."""
        entry = self._interp[msg["session_id"]]
        info = self.stats.interpreters.get(entry["language"])
        token, current = msg.get("resume"), entry.get("resume", "")
        if (info is None or not info["admitted"] or self._session_done.is_set() or not current
                or not isinstance(token, str) or not hmac.compare_digest(token.encode(), current.encode())):
            return await self._refuse(ch, "error", "this session cannot be resumed")
        old = entry.get("channel")
        if old is not None and old is not ch:
            await old.close()
        entry["resume"] = secrets.token_hex(32)
        await ch.send({"type": "resumed", "resume": entry["resume"]})
        info["reconnects"] += 1
        return await self._interpreter_live(ch, entry, info)

    async def _interpreter_live(self, ch: Channel, entry: dict[str, Any], info: dict[str, Any]) -> None:
        lang, dtls = entry["language"], entry["dtls"]
        entry["channel"] = ch
        offer = await ch.expect("offer", timeout=20.0)
        sdp = offer.get("sdp")
        if not isinstance(sdp, str):
            raise LinkError("the interpreter station sent a malformed offer")
        theirs = next((f.value for f in sdp_fingerprints(sdp) if f.algorithm == "sha-256"), "")
        if not hmac.compare_digest(theirs.encode(), dtls.encode()):
            await self._refuse(ch, "error", "the offer's media certificate is not the admitted station's")
            raise LinkError("the interpreter station's media certificate changed after admission")
        label = labels.interpretation(lang)
        mids = offer.get("tracks") if isinstance(offer.get("tracks"), dict) else {}
        mine = {str(k) for k, v in mids.items() if v == label}  # only its own language: nothing else
        receive = offer.get("receive") if isinstance(offer.get("receive"), dict) else {}
        pc = peer_connection(self.certificate)
        self._side.append((ch, pc))

        @pc.on("track")
        def _track(track) -> None:  # noqa: ANN001
            mid = next((t.mid for t in pc.getTransceivers() if t.receiver.track is track), None)
            if track.kind == "audio" and str(mid) in mine:
                self._remote_live.add(lang)
                self._tasks.append(asyncio.ensure_future(self._audio(track, label, remote=True)))
            else:
                self._tasks.append(asyncio.ensure_future(self._discard(track)))

        await pc.setRemoteDescription(RTCSessionDescription(sdp, "offer"))
        sending: dict[str, str] = {}
        for t in pc.getTransceivers():
            if t.kind == "audio" and receive.get(str(t.mid)) == "audio" and not sending:
                relay = RelayAudioTrack()
                self._relays.append(relay)
                t.sender.replaceTrack(relay)
                t.direction = "sendonly"
                sending[str(t.mid)] = labels.INTERPRETER_FLOOR
                info["_relay"] = relay
        await pc.setLocalDescription(await pc.createAnswer())
        await ch.send({"type": "answer", "sdp": pc.localDescription.sdp, "tracks": sending})
        try:
            while True:
                m = await ch.recv()
                if m["type"] == "bye":
                    info["ended_by"] = info["ended_by"] or "interpreter"
                    entry["resume"] = ""  # it left: no re-join
                    return None
        finally:
            if entry.get("channel") is ch:
                self._remote_live.discard(lang)
            relay = info.pop("_relay", None)
            if relay is not None:
                info["floor_blocks_sent"] += relay.blocks_sent
                with contextlib.suppress(ValueError):
                    self._relays.remove(relay)
                relay.stop()
            self._tasks.append(asyncio.ensure_future(pc.close()))

    async def _handle_resume(self, ch: Channel, msg: dict[str, Any]) -> None:
        inv = self.invite
        assert inv is not None
        token = msg.get("resume")
        if (not self.stats.witness_admitted or self._session_done.is_set() or msg.get("session_id") != inv.session_id
                or not isinstance(token, str) or not self._resume
                or not hmac.compare_digest(token.encode(), self._resume.encode())):
            return await self._refuse(ch, "error", "this session cannot be resumed")
        old, self._channel = self._channel, ch
        if old is not None:
            await old.close()
        if self._lost_at is None:  # the witness noticed the loss first
            self._lost("witness re-joined")
        self._resume = secrets.token_hex(32)  # one use per token
        await ch.send({"type": "resumed", "resume": self._resume})
        self.stats.reconnects += 1
        for c in (*self.consumers, *self.judge_consumers):
            fn = getattr(c, "on_reconnect", None)
            if fn is not None:
                try:
                    fn()
                except Exception:
                    log.exception("a court consumer failed on reconnect")
        return await self._live(ch)

    async def _live(self, ch: Channel) -> None:
        offer = await ch.expect("offer", "bye", timeout=20.0)
        if offer["type"] == "bye":  # the witness left before any media
            self.stats.ended_by = self.stats.ended_by or "witness"
            self._set_state("ended")
            self._session_done.set()
            return None
        sdp = offer.get("sdp")
        if not isinstance(sdp, str):
            raise LinkError("the witness station sent a malformed offer")
        theirs = next((f.value for f in sdp_fingerprints(sdp) if f.algorithm == "sha-256"), "")
        if not hmac.compare_digest(theirs.encode(), self._witness_dtls.encode()):
            await self._refuse(ch, "error", "the offer's media certificate is not the admitted station's")
            raise LinkError("the witness station's media certificate changed after admission")
        mids = offer.get("tracks") if isinstance(offer.get("tracks"), dict) else {}
        # what the witness sends: never a witness-bound label (those go the other way)
        self._mids = {str(k): v for k, v in mids.items() if labels.valid(v) and not labels.is_witness_bound(v)}
        receive = offer.get("receive") if isinstance(offer.get("receive"), dict) else {}
        old, self._pc = self._pc, None
        if old is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(old.close(), 3.0)
        self._set_state("connecting")
        pc = self._pc = peer_connection(self.certificate)
        pc.on("track", lambda track: self._on_track(pc, track))

        @pc.on("connectionstatechange")
        def _state() -> None:
            if pc is not self._pc:
                return
            if pc.connectionState == "connected":
                self._set_state("break" if self.stats.on_break else "live")
            elif pc.connectionState in ("failed", "closed"):
                self._lost("media connection lost")

        await pc.setRemoteDescription(RTCSessionDescription(sdp, "offer"))
        sending = self._attach_cameras(pc, receive)
        sending.update(self._attach_channels(pc, receive))
        await pc.setLocalDescription(await pc.createAnswer())
        await ch.send({"type": "answer", "sdp": pc.localDescription.sdp, "tracks": sending})
        while True:
            msg = await ch.recv()
            if msg["type"] == "bye":
                self.stats.ended_by = self.stats.ended_by or "witness"
                self._set_state("ended")
                self._session_done.set()
                return None
            if msg["type"] == "break":
                self._witness_break(msg.get("on") is True, msg.get("at"))

    def _attach_cameras(self, pc, receive: dict[str, Any]) -> dict[str, str]:  # noqa: ANN001
        """Put the allowed court cameras on the video slots the witness offered to receive; the
        answer's ``{mid: label}``.  Only labels that pass :func:`tracks.is_to_witness` (never the
        accused) are ever attached."""
        cams = list(self.to_witness)
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
            self._camera_tracks.append(track)
            t.sender.replaceTrack(track)
            t.direction = "sendonly"
            sending[str(t.mid)] = label
            if label not in self.stats.to_witness_tracks:
                self.stats.to_witness_tracks.append(label)
        return sending

    def _attach_channels(self, pc, receive: dict[str, Any]) -> dict[str, str]:  # noqa: ANN001
        """Put a relay of each remote interpreter's channel on the audio slots the witness offered for
        it (``witness/audio/<lang>``): the witness's listening channel hears the remote interpreter
        while one is connected (the relay sends nothing otherwise)."""
        sending: dict[str, str] = {}
        relays: dict[str, RelayAudioTrack] = {}
        for t in pc.getTransceivers():
            want = receive.get(str(t.mid))
            if t.kind != "audio" or not labels.is_to_witness_audio(want):
                continue
            lang = labels.channel(want)
            if not lang or lang in relays:
                continue
            relay = relays[lang] = RelayAudioTrack()
            t.sender.replaceTrack(relay)
            t.direction = "sendonly"
            sending[str(t.mid)] = want
            if want not in self.stats.to_witness_channels:
                self.stats.to_witness_channels.append(want)
        old, self._witness_relays = self._witness_relays, relays
        for r in old.values():
            r.stop()
        return sending

    def _rel(self) -> float:
        return round(time.monotonic() - (self._admitted_at or time.monotonic()), 3)

    def _witness_break(self, on: bool, at: Any) -> None:
        """The witness took (or ended) a break at the witness station: curtain the public display for
        the whole break (frames still arrive: the witness's curtain), say so, log it."""
        at = round(float(at), 3) if isinstance(at, int | float) else None
        st = self.stats
        now = time.monotonic()
        if on and not st.on_break:
            st.on_break = True
            st.breaks.append({"by": "witness", "start": self._rel(), "end": None, "media_start": at, "media_end": None})
            self._set_curtain(True, now, stall=False)
            self._set_state("break")
        elif not on and st.on_break:
            st.on_break = False
            if st.breaks:
                st.breaks[-1].update(end=self._rel(), media_end=at)
            self._set_state("live")  # the curtain lifts with the next (masked) frame

    def _lost(self, reason: str) -> None:
        """The witness is gone for now: curtain at once, wait for a re-join."""
        if self._session_done.is_set() or self._lost_at is not None:
            return
        now = time.monotonic()
        log.info("court link lost (%s): reconnecting", reason)
        self._lost_at = now
        self._set_curtain(True, now)
        self._set_state("reconnecting")
        pc, self._pc = self._pc, None
        if pc is not None:
            self._tasks.append(asyncio.ensure_future(pc.close()))

    # -- media -----------------------------------------------------------------------------------
    def _on_track(self, pc, track) -> None:  # noqa: ANN001 (aiortc RemoteStreamTrack)
        mid = next((t.mid for t in pc.getTransceivers() if t.receiver.track is track), None)
        label = self._mids.get(str(mid)) if mid is not None else None
        if label is None:  # an unlabelled track: the masked court track of its kind
            label = labels.COURT_VIDEO if track.kind == "video" else labels.COURT_FLOOR
        if labels.audience(label) == "judge" and not self.judge_monitor:
            self.stats.judge_tracks_ignored += 1
            self._tasks.append(asyncio.ensure_future(self._discard(track)))
        elif track.kind == "video" and labels.channel(label) is None:
            self._tasks.append(asyncio.ensure_future(self._video(track, label)))
        elif track.kind == "audio" and labels.channel(label) is not None:
            self._tasks.append(asyncio.ensure_future(self._audio(track, label)))
        else:
            self._tasks.append(asyncio.ensure_future(self._discard(track)))

    async def _discard(self, track) -> None:  # noqa: ANN001
        with contextlib.suppress(MediaStreamError):
            while True:
                await track.recv()

    def _count(self, label: str, n: int = 1) -> None:
        self.stats.tracks_received[label] = self.stats.tracks_received.get(label, 0) + n

    async def _video(self, track, label: str) -> None:  # noqa: ANN001
        judge = label == labels.JUDGE_VIDEO
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            now = time.monotonic()
            self._count(label)
            if judge:
                self.stats.judge_frames_received += 1
                self._deliver(self.judge_consumers, "on_video", frame, now)
                continue
            st = self.stats
            st.frames_received += 1
            st.width, st.height = frame.width, frame.height
            if self._first_frame_at is None:
                self._first_frame_at = now
                if self._admitted_at is not None:
                    st.first_frame_ms = round((now - self._admitted_at) * 1000, 1)
            if self._lost_at is not None:  # back after a loss
                st.recoveries_ms.append(round((now - self._lost_at) * 1000, 1))
                st.reconnecting_seconds = round(st.reconnecting_seconds + now - self._lost_at, 3)
                self._lost_at = None
            self._last_frame_at = now
            if st.frames_received > 1:
                st.fps_received = round((st.frames_received - 1) / max(1e-6, now - self._first_frame_at), 2)
            if not st.on_break:
                self._set_curtain(False, now)
            self._deliver(self.consumers, "on_video", frame, now)

    def _deliver(self, consumers: list, method: str, *args: Any) -> None:
        for c in consumers:
            fn = getattr(c, method, None)
            if fn is None:
                continue
            try:
                fn(*args)
            except Exception:
                log.exception("a court consumer failed in %s", method)

    async def _audio(self, track, label: str, remote: bool = False) -> None:  # noqa: ANN001
        """``remote``: the track comes from a remote interpreter station (else from the witness)."""
        resampler = av.AudioResampler(format="flt", layout="mono", rate=AUDIO_RATE)
        channel = labels.channel(label)
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            now = time.monotonic()
            tb = frame.time_base
            pts = int(round(float(frame.pts * tb) * AUDIO_RATE)) if frame.pts is not None and tb else 0
            for out in resampler.resample(frame):
                samples = out.to_ndarray().reshape(-1).astype(np.float32)
                self._count(label)
                if label == labels.COURT_FLOOR:
                    for relay in self._relays:  # to the interpreter stations (masked, as received)
                        relay.push(samples)
                    self.stats.audio_blocks_received += 1
                    self.stats.samples_received += len(samples)
                    self._deliver(self.consumers, "on_audio", samples, pts, now)
                elif label == labels.JUDGE_FLOOR:
                    self.stats.judge_audio_blocks_received += 1
                    self._deliver(self.judge_consumers, "on_audio", samples, pts, now)
                elif not remote and channel in self._remote_live:
                    # the witness station's own copy of a channel the remote interpreter is live on
                    # (its listening channel plays the forwarded one): the interpreter's is the channel
                    sb = self.stats.interpretation_blocks_superseded
                    sb[channel] = sb.get(channel, 0) + 1
                else:
                    ib = self.stats.interpretation_blocks_received
                    ib[channel] = ib.get(channel, 0) + 1
                    if remote and channel in self.stats.interpreters:
                        info = self.stats.interpreters[channel]
                        info["blocks_received"] += 1
                        relay = self._witness_relays.get(channel)
                        if relay is not None:  # to the witness's listening channel
                            relay.push(samples)
                            info["to_witness_blocks_sent"] += 1
                    self._deliver(self.consumers, "on_interpretation", channel, samples, pts, now)
                pts += len(samples)

    def _set_curtain(self, on: bool, now: float, stall: bool = True) -> None:
        if on == self.curtained:
            return
        self.curtained = on
        if on:
            if stall:
                self.stats.stalls += 1
                self._stall_started = now
        elif self._stall_started is not None:
            self.stats.stalled_seconds = round(self.stats.stalled_seconds + now - self._stall_started, 3)
            self._stall_started = None
        if self._on_curtain is not None:
            self._on_curtain(on)

    async def _watchdog(self) -> None:
        while True:
            await asyncio.sleep(0.05)
            now = time.monotonic()
            if self._last_frame_at is not None and now - self._last_frame_at > self._stall_after \
                    and not self.stats.on_break:
                self._set_curtain(True, now)
            if self._lost_at is not None and now - self._lost_at > self._reconnect_window \
                    and not self._session_done.is_set():
                self.stats.ended_by = self.stats.ended_by or "connection lost"
                self._session_done.set()

    # -- session ---------------------------------------------------------------------------------
    async def serve(self, duration: float, join_timeout: float = 300.0, grace: float = 5.0) -> CourtStats:
        """Wait for the witness (``join_timeout``), then run until the witness ends the session, the
        connection is lost for longer than the reconnect window, or ``duration`` + ``grace`` seconds
        after admission."""
        watchdog = asyncio.ensure_future(self._watchdog())
        try:
            waits = [asyncio.ensure_future(self._admitted.wait()), asyncio.ensure_future(self._session_done.wait())]
            await asyncio.wait(waits, timeout=join_timeout, return_when=asyncio.FIRST_COMPLETED)
            for w in waits:
                w.cancel()
            if not self._admitted.is_set() and not self._session_done.is_set():
                self.stats.ended_by = "no witness joined"
            elif self._admitted.is_set():
                try:
                    await asyncio.wait_for(self._session_done.wait(), duration + grace)
                except TimeoutError:
                    self.stats.ended_by = self.stats.ended_by or "duration"
        finally:
            watchdog.cancel()
            await self.close()
        return self.stats

    def end(self) -> None:
        """End the session now (the clerk's "end"): :meth:`serve` returns; the witness station gets
        an ``end`` message (it ends and seals its own session)."""
        self.stats.ended_by = self.stats.ended_by or "court"
        self._session_done.set()

    async def close(self, reason: str = "session ended") -> None:
        if self._stall_started is not None:
            self._set_curtain(False, time.monotonic())
        if self._lost_at is not None:
            self.stats.reconnecting_seconds = round(self.stats.reconnecting_seconds
                                                    + time.monotonic() - self._lost_at, 3)
            self._lost_at = None
        self._session_done.set()
        st = self.stats
        if st.on_break and st.breaks:
            st.breaks[-1].update(end=self._rel())
        if self._channel is not None and not self._channel.closed:
            with contextlib.suppress(LinkError):
                if st.ended_by != "witness":  # the court ends it: the witness ends and seals its side
                    await self._channel.send({"type": "end", "reason": "the clerk ended the session"
                                              if st.ended_by == "court" else st.ended_by or reason})
                await self._channel.send({"type": "bye", "reason": reason})
        for info in st.interpreters.values():
            if info["admitted"] and not info["ended_by"]:
                info["ended_by"] = "court"
        for side, _ in self._side:  # the interpreter stations: the session is over
            if not side.closed:
                with contextlib.suppress(LinkError):
                    await side.send({"type": "end", "reason": "the session ended"})
                    await side.send({"type": "bye", "reason": reason})
        for info in st.interpreters.values():
            relay = info.pop("_relay", None)
            if relay is not None:
                info["floor_blocks_sent"] += relay.blocks_sent
        for r in self._witness_relays.values():
            r.stop()
        for side, pc in self._side:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(pc.close(), 3.0)
            await side.close()
        st.to_witness_frames_sent = sum(t.frames_sent for t in self._camera_tracks)
        for t in self._camera_tracks:
            t.stop()
        pc, self._pc = self._pc, None
        if pc is not None:
            await pc.close()
        for t in self._tasks:
            t.cancel()
        if self._channel is not None:
            await self._channel.close()
        self._signal.close()
        self._set_state("ended")


class ReceivedRecorder:
    """Records what the court receives into one Matroska recording (H.264 + Opus) written by its own
    thread into a sink from ``sink_factory`` (in the app: an encrypting vault recording): the masked
    video, the masked floor (track 0, tagged with the floor language) and every interpretation
    channel in ``channels`` as its own audio track tagged with its ISO 639-2 code.

    Received RTP timestamps have random offsets per track, so the recording's timeline is the court's
    arrival clock: the first media to arrive is t=0; within a track the sender's timestamps are kept.
    """

    def __init__(self, sink_factory: SinkFactory, meta: dict[str, Any], fps: int = 30,
                 preset: str = "ultrafast", language: str = "und", channels: tuple[str, ...] = ()) -> None:
        self._factory = sink_factory
        self.channels = tuple(c for c in dict.fromkeys(channels) if labels.valid(labels.interpretation(c))
                              and c != "floor")
        self._track_of = {"floor": 0, **{c: i + 1 for i, c in enumerate(self.channels)}}
        self._meta = meta
        self.fps = fps
        self._preset = preset
        self._language = language
        self._queue: queue.Queue[tuple | None] = queue.Queue(maxsize=120)
        self._thread = threading.Thread(target=self._run, name="court-recorder", daemon=True)
        self._t0: float | None = None
        self._v0: tuple[float, float] | None = None  # (first pts s, first arrival rel)
        self._a0: dict[str, tuple[int, int]] = {}  # channel → (first pts samples, start sample)
        self.sink: RecordingSink | None = None
        self.writer: MkvWriter | None = None
        self.frames = 0
        self.dropped = 0
        self.recording_id = ""
        self.error = ""
        self._last_index = -1
        self._next_audio: dict[int, int] = {}
        self._pending_audio: list[tuple[int, np.ndarray, int]] = []
        self.audio_blocks: dict[str, int] = {}
        self.extra_meta: dict[str, Any] = {}  # written at seal time (e.g. the witness's breaks)

    def start(self) -> None:
        self._thread.start()

    def _put(self, item: tuple) -> None:
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            self.dropped += 1

    def on_video(self, frame: av.VideoFrame, arrival: float) -> None:
        if self._t0 is None:
            self._t0 = arrival
        pts = float(frame.pts * frame.time_base) if frame.pts is not None and frame.time_base else arrival
        if self._v0 is None:
            self._v0 = (pts, arrival - self._t0)
        index = int(round((pts - self._v0[0] + self._v0[1]) * self.fps))
        self._put(("v", frame, index))

    def on_reconnect(self) -> None:
        """A new media connection: its RTP timestamps have new random offsets, so re-anchor both
        tracks on the arrival clock (the recording shows the gap as it was at the court)."""
        self._v0 = None
        self._a0 = {}

    def on_audio(self, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        self._on_channel("floor", samples, pts_samples, arrival)

    def on_interpretation(self, channel: str, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        if channel in self._track_of:
            self._on_channel(channel, samples, pts_samples, arrival)

    def _on_channel(self, channel: str, samples: np.ndarray, pts_samples: int, arrival: float) -> None:
        if self._t0 is None:
            self._t0 = arrival
        a0 = self._a0.get(channel)
        if a0 is None:
            a0 = self._a0[channel] = (pts_samples, int(round((arrival - self._t0) * AUDIO_RATE)))
        self.audio_blocks[channel] = self.audio_blocks.get(channel, 0) + 1
        self._put(("a", self._track_of[channel], samples, pts_samples - a0[0] + a0[1]))

    def audio_tracks(self) -> tuple[AudioTrack, ...]:
        return (AudioTrack(self._language, "Floor (masked, as received)"),
                *(AudioTrack(c, f"Interpretation {c} (as received)") for c in self.channels))

    def _open(self, width: int, height: int) -> None:
        tracks = self.audio_tracks()
        meta = {**self._meta, "kind": "received-masked", "fps": self.fps, "size": [width, height],
                "tracks": [{"language": t.language, "title": t.title} for t in tracks]}
        self.sink = self._factory("received-masked", meta)
        self.writer = MkvWriter(self.sink, width, height, self.fps, tracks,
                                preset=self._preset, title=f"{self._meta.get('case_number', '')} (received)")

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self.error:
                continue
            try:
                if item[0] == "v":
                    _, frame, index = item
                    if index <= self._last_index:
                        continue  # a late duplicate of a slot already written
                    image = frame.to_ndarray(format="bgr24")
                    if self.writer is None:
                        self._open(image.shape[1], image.shape[0])
                    elif self.writer.size != (image.shape[1], image.shape[0]):
                        continue  # the sender changed resolution mid-stream: keep the recording's size
                    self.writer.write_video(image, index)
                    self._last_index = index
                    self.frames += 1
                    if self.frames % self.fps == 0:
                        self.sink.flush()
                    for track, samples, start in self._pending_audio:
                        self._write_audio(track, samples, start)
                    self._pending_audio.clear()
                else:
                    _, track, samples, start = item
                    if self.writer is None:
                        if len(self._pending_audio) < 250 * len(self._track_of):
                            self._pending_audio.append((track, samples, start))
                    else:
                        self._write_audio(track, samples, start)
            except Exception as exc:  # disk full, sink refused: stop recording, keep what was written
                self.error = f"recording stopped: {exc}"
                log.error("received recording stopped: %s", type(exc).__name__)

    def _write_audio(self, track: int, samples: np.ndarray, start: int) -> None:
        assert self.writer is not None
        nxt = self._next_audio.get(track, 0)
        if start < nxt:  # overlap after jitter: drop the samples already covered
            cut = nxt - start
            if cut >= len(samples):
                return
            samples, start = samples[cut:], nxt
        self.writer.write_audio(track, samples, start)
        self._next_audio[track] = start + len(samples)

    def stop(self) -> str:
        """Finish and seal; returns the recording id ("" when nothing was received)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self.writer is None or self.sink is None:
            return ""
        try:
            self.writer.close()
        except Exception as exc:
            self.error = self.error or f"recording stopped: {exc}"
        try:
            self.sink.set_meta("frames", self.frames)
            self.sink.set_meta("duration", round((self._last_index + 1) / self.fps, 3))
            self.sink.set_meta("audio_rate", AUDIO_RATE)
            self.sink.set_meta("chapters", [])
            for k, v in self.extra_meta.items():
                self.sink.set_meta(k, v)
            self.recording_id = self.sink.seal()
        except Exception as exc:
            self.error = f"could not seal the received recording: {exc}"
            try:
                self.sink.abort()
            except Exception:
                log.error("abort of the received recording failed")
        return self.recording_id
