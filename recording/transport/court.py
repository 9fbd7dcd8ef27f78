"""The court station's side of the link: hosts signalling (TLS WebSocket, certificate pinned by the
invitation), checks the one-time token (:mod:`recording.transport.admission`), keeps the witness in
the waiting room until admitted (both sides show the safety code there), answers with the DTLS
certificate the invitation pins, and receives the witness's media by track label
(:mod:`recording.transport.receive`) — the masked COURT tracks for the public display and the
courtroom, interpretation channels, and the judge's unmasked tracks only when this station has a
judge's monitor (``judge_monitor``: the court's plan authorises the judge).  Remote interpreter
stations: :mod:`recording.transport.court_interpreters`.  The court's recording of what it receives:
:mod:`recording.transport.received_recorder`.

Fail-closed: a watchdog curtains the public display when frames stop or are late; on a lost
connection the station goes "reconnecting" (curtained) and accepts a re-join with the resumption
token it gave the witness (rotated on each use) for ``reconnect_window`` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from aiortc import RTCPeerConnection, RTCSessionDescription

from recording import languages
from recording.booth import BoothRoster
from recording.session import SessionPlan
from recording.transport import rtc
from recording.transport import tracks as labels
from recording.transport.admission import (
    Offer,
    Refusal,
    check_join,
    offer_certificate_matches,
    resume_matches,
)
from recording.transport.court_interpreters import CourtInterpreters
from recording.transport.court_media import (
    CameraTrack,
    CourtCamera,
    attach_cameras,
    attach_channels,
    cameras_for_witness,
)
from recording.transport.court_stats import CourtStats
from recording.transport.errors import LinkError
from recording.transport.invite import Invite, new_invite, safety_code, sign_invite
from recording.transport.media_tracks import RelayAudioTrack
from recording.transport.receive import MEDIA_GONE_AFTER, STALL_AFTER, ReceivedConsumer, Reception
from recording.transport.received_recorder import ReceivedRecorder
from recording.transport.relay_client import RelayLink
from recording.transport.signalling import Channel, SignallingServer, table_field

# ReceivedRecorder, ReceivedConsumer and STALL_AFTER are imported from here by callers written before the split
__all__ = ["RECONNECT_WINDOW", "STALL_AFTER", "Admit", "CourtStation", "CourtStats", "ReceivedConsumer",
           "ReceivedRecorder", "admit_all"]

log = logging.getLogger("testimony_shield.recording.transport.court")

#: how long the court waits for the witness to re-join after a loss before ending the session
RECONNECT_WINDOW = 60.0

Admit = Callable[[dict[str, Any]], Awaitable[bool]]


async def admit_all(request: dict[str, Any]) -> bool:
    return True


class CourtStation:
    """One remote witness per session.  ``open()`` → ``invitation(...)`` → ``serve(...)``.
    ``on_state`` gets "waiting" (room open), "admitting" (a station waits for the clerk),
    "connecting", "live", "break", "reconnecting", "ended" — on the event loop."""

    def __init__(self, admit: Admit = admit_all, consumers: list[ReceivedConsumer] | None = None,
                 host: str = "127.0.0.1", port: int = 0, stall_after: float = STALL_AFTER,
                 on_curtain: Callable[[bool], None] | None = None,
                 judge_consumers: list[ReceivedConsumer] | None = None, judge_monitor: bool = False,
                 on_state: Callable[[str], None] | None = None,
                 reconnect_window: float = RECONNECT_WINDOW, plan: SessionPlan | None = None,
                 to_witness: list[CourtCamera] | None = None, relay: Any = None) -> None:
        """``relay``: a :class:`recording.transport.relay.RelayInfo` — the station only dials out, to
        the court relay, and media go through the court's TURN server; else it listens on
        ``host:port`` (one network).  ``to_witness``: the court's cameras offered to the witness (the judge /
        questioner), filtered
        through :func:`cameras_for_witness` with ``plan`` — a camera of the accused raises
        :class:`LinkError` here, before anything is opened."""
        if to_witness and plan is None:
            raise LinkError("cameras for the witness need the session plan (who may face the witness)")
        self.to_witness = cameras_for_witness(plan, list(to_witness)) if to_witness and plan else []
        self._camera_tracks: list[CameraTrack] = []
        self._admit = admit
        self.stats = CourtStats()
        self.consumers: list[Any] = list(consumers or [])
        self.judge_consumers: list[Any] = list(judge_consumers or [])
        self.judge_monitor = judge_monitor
        self.reception = Reception(self.stats, self.consumers, self.judge_consumers, judge_monitor,
                                   stall_after=stall_after, on_curtain=on_curtain)
        self.interpreters = CourtInterpreters(self)
        #: remote interpreters' booths: who is on air per language, hand-overs, relay (recording/booth.py)
        self.booths = BoothRoster(self.interpreters.send)
        for lang in (plan.languages if plan is not None else ()):
            self.booths.add_channel(lang)
        self.reception.booths = self.booths
        self._host, self._port = host, port
        self._on_state = on_state
        self._reconnect_window = reconnect_window
        self.certificate = rtc.new_certificate()
        self.fingerprints = rtc.certificate_fingerprints(self.certificate)
        self.relay = relay
        self._signal: Any = (RelayLink(relay, self._on_connection) if relay is not None
                             else SignallingServer(self._on_connection, host, port))
        self.stats.route = "relay" if relay is not None else "direct"
        self.tls_fingerprint = self._signal.tls_fingerprint
        self.invite: Invite | None = None
        self.state = "closed"
        self._token_used = False
        self._resume = ""
        self._witness_dtls = ""
        self._session_done = asyncio.Event()
        self._admitted = asyncio.Event()
        self._pc: RTCPeerConnection | None = None
        self._mids: dict[str, str] = {}
        self._channel: Channel | None = None
        self._closing: set[asyncio.Future] = set()  # lost peer connections closing (close_later)
        self._tasks: list[asyncio.Future] = []
        self.witness_media: dict[str, Any] = {}
        self._clerk_break = False  # the next break the witness station reports was the clerk's
        self._signal_lost_at: float | None = None  # the witness's signalling lost while media still flow

    # -- state --------------------------------------------------------------------------------------
    @property
    def curtained(self) -> bool:
        """The public display shows the curtain (nothing received yet, a stall, a break, a loss)."""
        return self.reception.curtained

    @property
    def session_done(self) -> bool:
        return self._session_done.is_set()

    def _set_state(self, state: str) -> None:
        if state == self.state or self.state == "ended":
            return
        self.state = state
        self.booths.set_witness({"admitting": "waiting", "connecting": "waiting"}.get(state, state))
        log.info("court link %s", state)
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:
                log.exception("court state listener failed")

    def request_break(self) -> bool:
        """The clerk's planned break: ask the witness station to take it (it curtains and mutes there,
        shows the witness the break screen, and reports the break as for the witness's own; only the
        witness ends it).  False when there is no live witness connection (call on the loop)."""
        ch = self._channel
        if ch is None or ch.closed or self.stats.on_break or self._session_done.is_set():
            return False
        self._clerk_break = True
        self.background(ch.send({"type": "break", "on": True, "by": "clerk"}))
        return True

    def background(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Run ``coro`` in the background; cancelled when the station closes."""
        self._tasks.append(asyncio.ensure_future(coro))

    def close_later(self, pc: RTCPeerConnection) -> None:
        """Close a lost peer connection in the background; never cancelled (:func:`rtc.close_peer`), the
        station's :meth:`close` waits for it."""
        self._closing.add(asyncio.ensure_future(rtc.close_peer(pc)))

    async def admit_request(self, request: dict[str, Any]) -> bool:
        """Ask the clerk (the ``admit`` callback) about a station in the waiting room."""
        return await self._admit(request)

    async def refuse(self, ch: Channel, kind: str, reason: str) -> None:
        self.stats.refused_joins += 1
        with contextlib.suppress(LinkError):
            await ch.send({"type": kind, "reason": reason})

    async def checked_offer(self, ch: Channel, msg: dict[str, Any], dtls: str, who: str) -> Offer:
        """``msg``, an offer of the ``who`` station admitted with the DTLS fingerprint ``dtls``:
        :class:`LinkError` when it is malformed or presents another media certificate (refused)."""
        offer = Offer.parse(msg, who)
        if not offer_certificate_matches(offer.sdp, dtls):
            await self.refuse(ch, "error", "the offer's media certificate is not the admitted station's")
            raise LinkError(f"the {who} station's media certificate changed after admission")
        return offer

    # -- invitations ------------------------------------------------------------------------------------
    async def open(self) -> tuple[str, int]:
        self._host, self._port = await self._signal.open()
        self._set_state("waiting")
        return self._host, self._port

    def invitation(self, court_key: bytes, sign: Callable[[bytes], bytes], lifetime: float = 600.0,
                   media: dict[str, Any] | None = None) -> bytes:
        """A signed invitation for this station's address and certificates (bytes of the file)."""
        media = {**(media or {}), "judge_monitor": bool(self.judge_monitor)}
        self.invite = self._new_invite(court_key, sign, lifetime, media)
        self.stats.session_id = self.invite.session_id
        return sign_invite(self.invite, sign)

    def _new_invite(self, court_key: bytes, sign: Callable[[bytes], bytes], lifetime: float,
                    media: dict[str, Any]) -> Invite:
        """An invitation to this station (its address, certificates and route), registered with the
        court relay when the hearing goes through one."""
        if not self._signal.is_open:
            raise LinkError("open() the court station before inviting")
        inv = new_invite(self._host, self._port, self.fingerprints, court_key, lifetime, media,
                         tls_fingerprint=self.tls_fingerprint, via=self.stats.route.replace("direct", "court"))
        if self.relay is not None:
            self._signal.register(inv.session_id, court_key, sign)
        return inv

    async def ready(self, timeout: float = 15.0) -> None:
        """Through the court relay: wait until the relay confirmed this court's registration and
        check the TURN server with the hearing's credentials (:class:`TurnRefused`,
        :class:`TurnUnreachable`, :class:`RelayUnreachable`).  Nothing to wait for in direct mode."""
        if self.relay is not None:
            self.stats.turn_transport = (await self._signal.ready(timeout)).transport

    def peer_connection(self) -> RTCPeerConnection:
        """A peer connection presenting the pinned certificate; through the relay, relayed
        candidates only, on the court's TURN server with this hearing's latest credentials."""
        return rtc.peer_connection(self.certificate, turn=self._signal.turn if self.relay is not None else None)

    def interpreter_invitation(self, court_key: bytes, sign: Callable[[bytes], bytes], language: str,
                               lifetime: float = 600.0, name: str = "") -> bytes:
        """A signed invitation for a remote interpreter station for ``language`` (ISO 639-2): its own
        session id and one-time token; it joins the same signalling server and waiting room."""
        if not self._signal.is_open:  # said before the language (the caller's first mistake)
            raise LinkError("open() the court station before inviting")
        if not languages.is_channel_language(language) or not labels.valid(labels.interpretation(language)):
            raise LinkError(f"'{language}' is not an ISO 639-2 language code (e.g. spa)")
        media = {"station": "interpreter", "language": language}
        if self.invite is not None and "case_number" in self.invite.media:
            media["case_number"] = self.invite.media["case_number"]
        if name:  # how the partner interpreter and the clerk see this station
            media["name"] = str(name)[:80]
        inv = self._new_invite(court_key, sign, lifetime, media)
        self.interpreters.add(inv, language, str(name)[:80])
        self.booths.add_channel(language)
        return sign_invite(inv, sign)

    # -- signalling ------------------------------------------------------------------------------------
    async def _on_connection(self, ch: Channel) -> None:
        try:
            await self._handle(ch)
        except LinkError as exc:
            log.info("witness connection from %s ended: %s", ch.peer, exc)
            if self._channel is ch:
                if self._media_flowing():
                    self._signalling_lost()  # e.g. the court relay restarted: media go on meanwhile
                else:
                    self._lost("signalling lost")
        except Exception as exc:  # never let one bad peer take the court station down
            # the type only (a hostile peer's data never reaches the log); a stranger's connection
            # that failed is not an error of the hearing
            log.warning("a connection from %s failed (%s)", ch.peer, exc.__class__.__name__)
            if self._channel is ch:
                self.stats.errors.append(f"link: {exc.__class__.__name__}")
                self._lost("link error")
        finally:
            if self._channel is not ch:
                await ch.close()

    async def _handle(self, ch: Channel) -> None:
        msg = await ch.recv(timeout=15.0)
        inv = self.invite
        if msg["type"] == "resume" and self.interpreters.handles(msg):
            return await self.interpreters.resume(ch, msg)
        if inv is not None and msg["type"] == "resume":
            return await self._handle_resume(ch, msg)
        if msg["type"] == "join" and self.interpreters.handles(msg):
            return await self.interpreters.join(ch, msg)
        if inv is None or msg["type"] != "join":
            return await self.refuse(ch, "error", "expected a join with an invitation")
        try:
            dtls = check_join(inv, msg, self._token_used)
        except Refusal as r:
            return await self.refuse(ch, "error", r.reason)
        self._token_used = True  # one-time: burnt by the first valid join, admitted or not
        self._witness_dtls = dtls
        self.stats.safety_code = safety_code(rtc.sha256_fingerprint(self.fingerprints), self._witness_dtls)
        await ch.send({"type": "waiting", "safety_code": self.stats.safety_code})
        media = table_field(msg, "media")
        self._set_state("admitting")
        if not await self._admit({"station": msg.get("station"), "peer": ch.peer, "media": media,
                                  "safety_code": self.stats.safety_code}):
            await self.refuse(ch, "refused", "the clerk did not admit this station")
            self.stats.ended_by = "refused"
            self._set_state("ended")
            self._session_done.set()
            return None
        self.witness_media = media
        self._channel = ch
        self._resume = secrets.token_hex(32)
        await ch.send({"type": "admitted", "resume": self._resume})
        self.reception.admitted_at = time.monotonic()
        self.stats.witness_admitted = True
        self._admitted.set()
        return await self._live(ch)

    async def _handle_resume(self, ch: Channel, msg: dict[str, Any]) -> None:
        inv = self.invite
        assert inv is not None
        if (not self.stats.witness_admitted or self._session_done.is_set() or msg.get("session_id") != inv.session_id
                or not resume_matches(self._resume, msg.get("resume"))):
            return await self.refuse(ch, "error", "this session cannot be resumed")
        old, self._channel = self._channel, ch
        if old is not None:
            await old.close()
        self._resume = secrets.token_hex(32)  # one use per token
        self.stats.reconnects += 1
        keep = msg.get("media") == "keep" and await self._media_arrives()
        self._signal_lost_at = None
        if keep:  # only the signalling was lost: the media connection is kept, no new offer
            log.info("court link: the witness re-joined; media kept")
            await ch.send({"type": "resumed", "resume": self._resume, "media": "kept"})
            self._set_state("break" if self.stats.on_break else "live")
            return await self._messages(ch)
        if self.reception.lost_at is None:  # the witness noticed the loss first
            self._lost("witness re-joined")
        await ch.send({"type": "resumed", "resume": self._resume, "media": "new"})
        self.reception.reconnected()
        return await self._live(ch)

    async def _live(self, ch: Channel, offer: dict[str, Any] | None = None) -> None:
        if offer is None:
            offer = await ch.expect("offer", "bye", timeout=20.0)
        if offer["type"] == "bye":  # the witness left before any media
            self.stats.ended_by = self.stats.ended_by or "witness"
            self._set_state("ended")
            self._session_done.set()
            return None
        checked = await self.checked_offer(ch, offer, self._witness_dtls, "witness")
        # what the witness sends: never a witness-bound label (those go the other way)
        self._mids = {
            str(k): v for k, v in checked.tracks.items() if labels.valid(v) and not labels.is_witness_bound(v)
        }
        receive = checked.receive
        old, self._pc = self._pc, None
        if old is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(old.close(), 3.0)
        self._set_state("connecting")
        pc = self._pc = self.peer_connection()
        self.reception.hooks = getattr(pc, "link_hooks", None)

        @pc.on("track")
        def _track(track) -> None:
            mid = next((t.mid for t in pc.getTransceivers() if t.receiver.track is track), None)
            self.reception.on_track(track, self._mids.get(str(mid)) if mid is not None else None)

        @pc.on("connectionstatechange")
        def _state() -> None:
            if pc is not self._pc:
                return
            if pc.connectionState == "connected":
                self.stats.ice_path = rtc.ice_path(pc) or self.stats.ice_path
                self._set_state("break" if self.stats.on_break else "live")
            elif pc.connectionState in ("failed", "closed"):
                self._lost("media connection lost")

        await pc.setRemoteDescription(RTCSessionDescription(checked.sdp, "offer"))
        sending = attach_cameras(pc, receive, self.to_witness, self.stats, self._camera_tracks)
        relays: dict[str, RelayAudioTrack] = {}
        sending.update(attach_channels(pc, receive, self.stats, relays))
        old_relays, self.reception.witness_relays = self.reception.witness_relays, relays
        for r in old_relays.values():
            r.stop()
        await pc.setLocalDescription(await pc.createAnswer())
        await ch.send({"type": "answer", "sdp": pc.localDescription.sdp, "tracks": sending})
        return await self._messages(ch)

    async def _messages(self, ch: Channel) -> None:
        """The witness's messages while live (its break, its bye)."""
        while True:
            msg = await ch.recv()
            if msg["type"] == "bye":
                self.stats.ended_by = self.stats.ended_by or "witness"
                self._set_state("ended")
                self._session_done.set()
                return None
            if msg["type"] == "break":
                self._witness_break(msg.get("on") is True, msg.get("at"))
            elif msg["type"] == "offer":  # the witness set its media up anew (its side had gone after all)
                if self.reception.lost_at is None:
                    self._lost("the witness station set its media up anew")
                self.reception.reconnected()
                return await self._live(ch, msg)

    def _rel(self) -> float:
        return round(time.monotonic() - (self.reception.admitted_at or time.monotonic()), 3)

    def _witness_break(self, on: bool, at: Any) -> None:
        """The witness took (or ended) a break at the witness station: curtain the public display for
        the whole break (frames still arrive: the witness's curtain), say so, log it."""
        at = round(float(at), 3) if isinstance(at, int | float) else None
        st = self.stats
        now = time.monotonic()
        if on and not st.on_break:
            st.on_break = True
            by, self._clerk_break = ("clerk" if self._clerk_break else "witness"), False
            st.breaks.append({"by": by, "start": self._rel(), "end": None, "media_start": at, "media_end": None})
            self.reception.set_curtain(True, now, stall=False)
            self._set_state("break")
        elif not on and st.on_break:
            st.on_break = False
            if st.breaks:
                st.breaks[-1].update(end=self._rel(), media_end=at)
            self._set_state("live")  # the curtain lifts with the next (masked) frame

    def _media_flowing(self, now: float | None = None) -> bool:
        """The witness's media connection is up and a frame came within :data:`MEDIA_GONE_AFTER` (a
        loaded station can pause longer than the 0.5 s stall curtain; a dead network is seen by the
        signalling's 3 s ping timeout, by then the media are older than this)."""
        now = time.monotonic() if now is None else now
        last = self.reception.last_frame_at
        return (self._pc is not None and self._pc.connectionState == "connected" and self.reception.lost_at is None
                and last is not None and now - last <= MEDIA_GONE_AFTER)

    async def _media_arrives(self, within: float = MEDIA_GONE_AFTER) -> bool:
        """A frame arrives on the current media connection after now (within ``within`` s): the media
        really flow, so a re-join may keep them."""
        since = time.monotonic()
        while time.monotonic() - since < within:
            last = self.reception.last_frame_at
            if not self._media_flowing():
                return False
            if last is not None and last > since:
                return True
            await asyncio.sleep(0.02)
        return False

    def _signalling_lost(self) -> None:
        """The witness's signalling went (the court relay restarted, say) while its media still flow:
        keep them, and wait for the witness to re-join (``resume`` asking to keep the media)."""
        if self._session_done.is_set() or self._signal_lost_at is not None:
            return
        log.info("court link: signalling lost, media still flowing: waiting for the witness to re-join")
        self._signal_lost_at = time.monotonic()

    def _lost(self, reason: str) -> None:
        """The witness is gone for now: curtain at once, wait for a re-join."""
        if self._session_done.is_set() or self.reception.lost_at is not None:
            return
        log.info("court link lost (%s): reconnecting", reason)
        self.reception.lost(time.monotonic())
        self._set_state("reconnecting")
        pc, self._pc = self._pc, None
        if pc is not None:
            self.close_later(pc)

    async def _watchdog(self) -> None:
        while True:
            await asyncio.sleep(0.05)
            self.booths.tick()
            now = time.monotonic()
            self.reception.check_stall(now)
            lost_at = self.reception.lost_at if self.reception.lost_at is not None else self._signal_lost_at
            if self._signal_lost_at is not None and not self._media_flowing(now):
                self._signal_lost_at = None
                self._lost("media connection lost")  # then the media stopped too
            if lost_at is not None and now - lost_at > self._reconnect_window and not self._session_done.is_set():
                self.stats.ended_by = self.stats.ended_by or "connection lost"
                self._session_done.set()

    # -- session ---------------------------------------------------------------------------------------
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
        self.reception.finish(time.monotonic())
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
        await self.interpreters.close(reason)
        for r in self.reception.witness_relays.values():
            r.stop()
        st.to_witness_frames_sent = sum(t.frames_sent for t in self._camera_tracks)
        st.booths = self.booths.stats()
        if self.relay is not None:
            st.relay_losses = self._signal.relay_losses
        for t in self._camera_tracks:
            t.stop()
        pc, self._pc = self._pc, None
        if pc is not None:
            await rtc.close_peer(pc)
        if self._closing:
            await asyncio.wait(self._closing)
            self._closing.clear()
        for task in self._tasks:
            task.cancel()
        self.reception.cancel()
        if self._channel is not None:
            await self._channel.close()
        self._signal.close()
        self._set_state("ended")
