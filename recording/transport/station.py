"""The base of the stations that join a court: the witness station and the remote interpreter station.

One place for what they share:

- **join**: connect to the signalling named by the invitation (TLS, certificate pinned), present the
  one-time token and this station's DTLS certificate, wait in the waiting room until admitted
  (:class:`Refused` otherwise); admission gives a resumption token;
- **media**: one offer/answer — the subclass adds its tracks and receive slots
  (:meth:`Station._add_media`) and handles what the court sends on them (:meth:`Station._on_track`);
  the court's answer must present the invitation's DTLS certificate (:class:`FingerprintMismatch`);
- **listen**: the court's ``end`` and ``bye``, and subclass messages (:meth:`Station._on_message`);
- **reconnect**: on a lost signalling or media connection, re-join with the resumption token (single
  use, rotated on every resume) every 0.3 s until the court answers, refuses, the caller is done or
  the reconnect window passes; then a new offer/answer;
- **teardown**: the old peer connection closes in the background (after a loss its DTLS/SCTP
  shutdown can take seconds towards a peer that is gone: the re-join must not wait for it).

The station keeps its DTLS certificate for the whole session: the safety code stays the same across
reconnections, and the court checks every offer against the certificate it admitted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any

from aiortc import RTCPeerConnection, RTCRtpSender, RTCRtpTransceiver, RTCSessionDescription

from common.retry import Backoff
from recording.transport.errors import LinkError, Refused
from recording.transport.invite import Invite, check_sdp_fingerprint, safety_code
from recording.transport.relay_client import dial
from recording.transport.rtc import (
    certificate_fingerprints,
    close_peer,
    ice_path,
    new_certificate,
    peer_connection,
    sha256_fingerprint,
)
from recording.transport.signalling import Channel, table_field, text_field
from recording.transport.turn import TurnConfig, choose

log = logging.getLogger("testimony_shield.recording.transport.station")

#: a station gives up re-joining after this long without the court
RECONNECT_WINDOW = 60.0
#: pause between two re-join attempts
#: the wait between re-join attempts: 0.3 s, doubling up to 1 s, ±25 % (common.retry)
RETRY = Backoff(base=0.3, cap=1.0)


class Station:
    """Join the court named by ``invite``; subclasses say what is sent and received.  ``on_state``
    gets "joining", "waiting", "connecting", "live", "reconnecting", "ended" (on the event loop)."""

    #: the ``station`` field of the join message
    kind = "station"

    def __init__(self, invite: Invite, on_state: Callable[[str], None] | None = None,
                 reconnect_window: float = RECONNECT_WINDOW) -> None:
        self.invite = invite
        self.channel: Channel | None = None
        self.pc: RTCPeerConnection | None = None
        self.certificate = new_certificate()
        self.dtls_fingerprint = sha256_fingerprint(certificate_fingerprints(self.certificate))
        court = next((f.value for f in invite.fingerprints if f.algorithm == "sha-256"), "")
        self.safety_code = safety_code(court, self.dtls_fingerprint)
        self.admitted_at: float | None = None
        self.connected_at: float | None = None
        self.ended_by = ""
        self.end_reason = ""
        self.state = "idle"
        self.reconnects = 0
        self.media_kept = 0  # re-joins that kept the media connection (only the signalling was lost)
        self.reconnecting_seconds = 0.0
        self.recoveries_ms: list[float] = []
        self._on_state = on_state
        self._reconnect_window = reconnect_window
        self._resume = ""
        self._listener: asyncio.Task | None = None
        self._tasks: list[asyncio.Task] = []
        self._closing: set[asyncio.Future] = set()  # old peer connections closing in the background
        #: through the court relay: the hearing's TURN credentials on the URL that answered (relayed
        #: candidates only); ``turn.transport`` is the summary's ``turn_transport``
        self.turn: TurnConfig | None = None
        self._probed: TurnConfig | None = None
        #: the type of this station's candidate in the pair ICE selected ("relay" through the relay)
        self.ice_path = ""
        #: why the last (re-)join attempt failed (the caller's exit code says it)
        self.last_error: LinkError | None = None
        self.lost_mid_hearing = False

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            log.info("%s link %s", self.kind, state)
            if self._on_state is not None:
                try:
                    self._on_state(state)
                except Exception:
                    log.exception("link state listener failed")

    # -- what the subclass sends and receives ---------------------------------------------------
    def _join_media(self) -> dict[str, Any]:
        """The join message's ``media`` section."""
        return {}

    def _add_media(self, pc: RTCPeerConnection) -> tuple[dict[str, RTCRtpSender], dict[RTCRtpTransceiver, str]]:
        """Add this station's tracks to a new peer connection: ``({label: sender}, {slot: wanted})`` —
        ``wanted`` is "video", "audio" (any label of that kind) or the exact label asked for."""
        raise NotImplementedError

    def _on_track(self, pc: RTCPeerConnection, track: Any, label: str) -> None:
        """A track the court sends; ``label`` is what its answer named for that slot ("" if nothing)."""

    def _on_message(self, msg: dict[str, Any]) -> None:
        """A signalling message other than ``end`` / ``bye`` while live."""

    async def _after_media(self) -> None:
        """Called once a new offer/answer is done (e.g. re-send state the court must know)."""

    # -- join and media ---------------------------------------------------------------------------
    async def join(self, admit_timeout: float = 300.0) -> None:
        """Connect (TLS, pinned certificate), present the token, wait in the waiting room until
        admitted (:class:`Refused` otherwise)."""
        inv = self.invite
        self._set_state("joining")
        self.channel = await self._dial()
        await self.channel.send({"type": "join", "session_id": inv.session_id, "token": inv.token,
                                 "station": self.kind, "dtls_fingerprint": self.dtls_fingerprint,
                                 "media": self._join_media()})
        msg = await self.channel.expect("waiting", "admitted", timeout=15.0)
        if msg["type"] == "waiting":
            self._set_state("waiting")
            msg = await self.channel.expect("admitted", timeout=admit_timeout)
        resume = msg.get("resume")
        self._resume = resume if isinstance(resume, str) else ""
        self.admitted_at = time.monotonic()

    async def _dial(self, timeout: float = 10.0) -> Channel:
        """Connect to the court (directly, or through the court relay: then check the TURN server with
        the hearing's credentials once — :class:`TurnRefused`, :class:`TurnUnreachable`)."""
        ch, turn = await dial(self.invite, timeout=timeout)
        if turn is not None:
            try:  # UDP first (or the transport that worked before), then TCP/TLS: turn.choose
                if turn != self._probed:
                    self.turn = await choose(turn, prefer=self.turn.transport if self.turn is not None else "")
                    self._probed = turn
            except BaseException:
                await ch.close()
                raise
        return ch

    def path_stats(self) -> dict[str, Any]:
        """The summary's path fields: ``ice_path``, ``route`` ("relay" | "direct") and
        ``turn_transport`` ("udp" | "tcp" | "tls" through the relay, "" direct)."""
        return {"ice_path": self.ice_path, "route": "relay" if self.invite.via == "relay" else "direct",
                "turn_transport": self.turn.transport if self.turn is not None else ""}

    def _media_up(self) -> bool:
        return self.pc is not None and self.pc.connectionState == "connected"

    async def _resume_channel(self) -> tuple[Channel, bool]:
        """One re-join after a loss: connect again, present the resumption token, keep the next one.
        While this station's media connection is still up (only the signalling was lost: e.g. the
        court relay restarted) it asks to keep it (``"media": "keep"``); True when the court kept
        its side too (no new offer/answer: the media never stopped)."""
        ch = await self._dial(timeout=2.0)
        try:
            msg: dict[str, Any] = {"type": "resume", "session_id": self.invite.session_id, "resume": self._resume}
            if self._media_up():
                msg["media"] = "keep"
            await ch.send(msg)
            reply = await ch.expect("resumed", timeout=5.0)
        except BaseException:
            await ch.close()
            raise
        self._resume = text_field(reply, "resume")
        return ch, reply.get("media") == "kept" and self._media_up()

    async def start_media(self, timeout: float = 20.0) -> None:
        """Offer this station's tracks; accept the answer only if its certificate is the invitation's."""
        assert self.channel is not None, "join() first"
        self._set_state("connecting")
        pc = self.pc = peer_connection(self.certificate, turn=self.turn)
        senders, slots = self._add_media(pc)
        answer_tracks: dict[str, str] = {}

        @pc.on("track")
        def _track(track) -> None:
            mid = next((t.mid for t in pc.getTransceivers() if t.receiver.track is track), None)
            self._on_track(pc, track, answer_tracks.get(str(mid), ""))

        @pc.on("connectionstatechange")
        def _state() -> None:
            if pc is not self.pc:
                return
            if pc.connectionState == "connected":
                self.ice_path = ice_path(pc) or self.ice_path
                if self.connected_at is None:
                    self.connected_at = time.monotonic()
                self._set_state("live")

        await pc.setLocalDescription(await pc.createOffer())
        mids: dict[str, str] = {}
        for t in pc.getTransceivers():
            for label, sender in senders.items():
                if t.sender is sender and t.mid is not None:
                    mids[t.mid] = label
        receive = {str(t.mid): want for t, want in slots.items() if t.mid is not None}
        await self.channel.send({"type": "offer", "sdp": pc.localDescription.sdp, "tracks": mids, "receive": receive})
        answer = await self.channel.expect("answer", timeout=timeout)
        sdp = answer.get("sdp")
        if not isinstance(sdp, str):
            raise LinkError("the court station sent a malformed answer")
        check_sdp_fingerprint(sdp, self.invite)  # FingerprintMismatch: not our court
        got = table_field(answer, "tracks")
        # only what this station asked for, on the slot it asked for it (a "video"/"audio" slot takes
        # a label of that kind, checked by the subclass; a named slot exactly the label it named)
        answer_tracks.update({str(k): v for k, v in got.items() if str(k) in receive and isinstance(v, str)
                              and receive[str(k)] in ("video", "audio", v)})
        await pc.setRemoteDescription(RTCSessionDescription(sdp, "answer"))
        self._listener = asyncio.ensure_future(self._listen(self.channel))
        await self._after_media()

    async def _listen(self, channel: Channel) -> None:
        try:
            while True:
                msg = await channel.recv()
                if msg["type"] == "end":
                    reason = msg.get("reason")
                    self.end_reason = reason if isinstance(reason, str) else "the court ended the session"
                    self.ended_by = self.ended_by or "court"
                elif msg["type"] == "bye":
                    self.ended_by = self.ended_by or "court"
                    return
                else:
                    self._on_message(msg)
        except LinkError:
            pass

    # -- running, loss and re-join ------------------------------------------------------------------
    async def run_until(self, done: Callable[[], bool], poll: float = 0.05, done_reason: str = "done") -> str:
        """Wait until ``done()`` (e.g. the pipeline finished), the court says bye, or the link is
        lost and cannot be re-joined; re-join after a loss.  Returns why it stopped: ``done_reason``,
        "court", "connection lost" (or the court's refusal)."""
        while True:
            if done():
                self.ended_by = self.ended_by or done_reason
                return done_reason
            lost = False
            if self._listener is not None and self._listener.done():
                if self.ended_by == "court":
                    return "court"
                lost = True
            if self.pc is not None and self.pc.connectionState in ("failed", "closed"):
                lost = True
            if lost and not await self._reconnect(done):
                if done():
                    self.ended_by = done_reason
                    return done_reason
                return self.ended_by
            await asyncio.sleep(poll)

    def simulate_loss(self) -> None:
        """Drop the signalling connection and the media connection at once, as a network loss does
        (tests and drills)."""
        if self.channel is not None:
            self.channel.abort()
        if self.pc is not None:
            pc, self.pc = self.pc, None
            self._closing.add(asyncio.ensure_future(close_peer(pc)))

    async def _drop_signalling(self) -> None:
        """Drop the signalling connection only (the media connection and its tracks go on)."""
        if self._listener is not None:
            self._listener.cancel()
            self._listener = None
        if self.channel is not None:
            await self.channel.close()

    async def _teardown(self) -> None:
        """Drop the current connections; the peer connection closes in the background."""
        for t in self._tasks:
            t.cancel()
        self._tasks.clear()
        if self._listener is not None:
            self._listener.cancel()
            self._listener = None
        pc, self.pc = self.pc, None
        if pc is not None:
            self._closing.add(asyncio.ensure_future(close_peer(pc)))
            self._closing = {t for t in self._closing if not t.done()}
        if self.channel is not None:
            await self.channel.close()

    async def _reconnect(self, done: Callable[[], bool]) -> bool:
        """Re-join with the resumption token until the court answers, the session is refused or over,
        or the reconnect window passes.  True when media flows again (or is being set up)."""
        if not self._resume:
            self.ended_by = self.ended_by or "connection lost"
            return False
        lost_at = time.monotonic()
        self._set_state("reconnecting")
        if self._media_up():  # only the signalling is gone: media keep flowing while it re-joins
            await self._drop_signalling()
        else:
            await self._teardown()
        attempt = 0
        while time.monotonic() - lost_at < self._reconnect_window and not done():
            attempt += 1
            ch = None
            try:
                ch, kept = await self._resume_channel()
                if kept:
                    self.media_kept += 1
                    self.channel = ch
                    self._listener = asyncio.ensure_future(self._listen(ch))
                    self._set_state("live")
                    await self._after_media()
                else:
                    if self.pc is not None:  # the court set up its media anew: so does this station
                        self.channel = None
                        await self._teardown()
                    self.channel = ch
                    await self.start_media()
            except Refused as exc:
                self.ended_by = f"court refused the resume ({exc})"
                if ch is not None:
                    await ch.close()
                return False
            except LinkError as exc:  # FingerprintMismatch included: keep trying only the real court
                log.info("%s re-join attempt %d failed: %s", self.kind, attempt, exc)
                self.last_error = exc
                if ch is not None:
                    await ch.close()
                if self._media_up():
                    await self._drop_signalling()
                else:
                    await self._teardown()
                await asyncio.sleep(RETRY.delay(attempt))
                continue
            self.last_error = None
            self.reconnects += 1
            self.reconnecting_seconds = round(self.reconnecting_seconds + time.monotonic() - lost_at, 3)
            self.recoveries_ms.append(round((time.monotonic() - lost_at) * 1000, 1))
            return True
        self.ended_by = self.ended_by or "connection lost"
        self.lost_mid_hearing = True
        return False

    # -- end ------------------------------------------------------------------------------------------
    def _before_close(self) -> None:
        """Stop feeding the tracks (called by :meth:`close` before the connections go)."""

    async def close(self, reason: str = "session ended") -> None:
        if self.channel is not None and not self.channel.closed:
            with contextlib.suppress(LinkError):
                await self.channel.send({"type": "bye", "reason": reason})
        self._before_close()
        pc, self.pc = self.pc, None
        await self._teardown()
        if pc is not None:  # the current connection: a clean close (the court sees the end at once)
            await close_peer(pc, 3.0)
        if self._closing:  # connections lost earlier: each close ends (or gives up) within its timeout
            await asyncio.wait(self._closing)
            self._closing.clear()
        self._set_state("ended")
