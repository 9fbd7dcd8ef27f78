"""The court's remote interpreter stations: their invitations, admission, re-joins and media.

Each interpreter invitation has its own session id and one-time token; the station joins the same
signalling and waiting room as the witness.  Once admitted it sends its channel
(``court/audio/<lang>``, delivered and recorded as that language) and receives the masked floor as
the court receives it (``interpreter/audio/floor``, a bounded relay).

When only an interpreter station's signalling is lost (the court relay restarted) while its voice
still arrives, the court keeps its media connection, booth place and floor relay, and the station
re-joins asking to keep them (``"media": "keep"``, as the witness's does): the channel never pauses.
If the voice stops (:data:`recording.transport.receive.MEDIA_GONE_AFTER`) or no re-join comes within
the reconnect window, the connection is closed as after any loss and the station re-joins anew.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiortc import RTCPeerConnection, RTCSessionDescription

from recording.transport import tracks as labels
from recording.transport.admission import Refusal, check_join, resume_matches
from recording.transport.errors import LinkError
from recording.transport.invite import Invite, safety_code
from recording.transport.media_tracks import RelayAudioTrack
from recording.transport.receive import MEDIA_GONE_AFTER
from recording.transport.rtc import close_peer, sha256_fingerprint
from recording.transport.signalling import Channel
from recording.transport.station import RECONNECT_WINDOW

if TYPE_CHECKING:
    from recording.transport.court import CourtStation


@dataclass
class InterpreterSlot:
    """One interpreter invitation and, once admitted, its station."""

    invite: Invite
    language: str
    used: bool = False
    dtls: str = ""
    resume: str = ""
    channel: Channel | None = None
    relay: RelayAudioTrack | None = None  # the masked floor to this station (current connection)
    name: str = ""  # as the invitation names the interpreter (the booth shows it to the partner)
    back: RelayAudioTrack | None = None  # its language's channel while the partner is on air (return)
    #: the summary entry (``CourtStats.interpreters[language]``)
    info: dict[str, Any] = field(default_factory=dict)
    #: its media connection, kept while its signalling is gone (until it re-joins or the voice stops)
    kept: KeptMedia | None = None


@dataclass
class KeptMedia:
    channel: Channel  # the signalling channel that was lost
    pc: RTCPeerConnection
    relay: RelayAudioTrack | None
    back: RelayAudioTrack | None
    expiry: asyncio.Future[None]


def _new_info(code: str) -> dict[str, Any]:
    return {"admitted": False, "blocks_received": 0, "floor_blocks_sent": 0, "ended_by": "", "safety_code": code,
            "reconnects": 0, "media_kept": 0, "to_witness_blocks_sent": 0}


class CourtInterpreters:
    """The interpreter stations of one court station (on its event loop)."""

    def __init__(self, court: CourtStation) -> None:
        self._court = court
        self.slots: dict[str, InterpreterSlot] = {}  # by the invitation's session id
        self.connections: list[tuple[Channel, RTCPeerConnection]] = []

    def add(self, invite: Invite, language: str, name: str = "") -> None:
        self.slots[invite.session_id] = InterpreterSlot(invite, language, name=name)

    def send(self, station: str, msg: dict[str, Any]) -> None:
        """A booth message to one interpreter station (queued on its signalling channel)."""
        slot = self.slots.get(station)
        ch = slot.channel if slot is not None else None
        if ch is not None and not ch.closed:
            self._court.background(ch.send(msg))

    def handles(self, msg: dict[str, Any]) -> bool:
        return msg.get("session_id") in self.slots

    async def join(self, ch: Channel, msg: dict[str, Any]) -> None:
        court = self._court
        slot = self.slots[msg["session_id"]]
        lang = slot.language
        try:
            dtls = check_join(slot.invite, msg, slot.used)
        except Refusal as r:
            return await court.refuse(ch, "error", r.reason)
        slot.used = True
        slot.dtls = dtls
        code = safety_code(sha256_fingerprint(court.fingerprints), dtls)
        await ch.send({"type": "waiting", "safety_code": code})
        slot.info = court.stats.interpreters.setdefault(lang, _new_info(code))
        if not await court.admit_request({"station": "interpreter", "peer": ch.peer, "safety_code": code,
                                          "media": {"language": lang, "tracks": [labels.interpretation(lang)]}}):
            slot.info["ended_by"] = "refused"
            return await court.refuse(ch, "refused", "the clerk did not admit this station")
        slot.resume = secrets.token_hex(32)
        await ch.send({"type": "admitted", "resume": slot.resume})
        slot.info["admitted"] = True
        return await self._live(ch, slot)

    async def resume(self, ch: Channel, msg: dict[str, Any]) -> None:
        """An admitted interpreter station re-joins after a loss with its resumption token (single-use,
        rotated on every resume, like the witness's)."""
        court = self._court
        slot = self.slots[msg["session_id"]]
        if not slot.info.get("admitted") or court.session_done or not resume_matches(slot.resume, msg.get("resume")):
            return await court.refuse(ch, "error", "this session cannot be resumed")
        old = slot.channel
        if old is not None and old is not ch:
            await old.close()
        slot.resume = secrets.token_hex(32)
        slot.info["reconnects"] += 1
        kept, slot.kept = slot.kept, None
        if kept is not None:
            kept.expiry.cancel()
            if msg.get("media") == "keep" and self._media_flowing(slot, kept.pc):
                slot.info["media_kept"] += 1
                await ch.send({"type": "resumed", "resume": slot.resume, "media": "kept"})
                self.connections.append((ch, kept.pc))
                return await self._serve(ch, slot, kept.pc, kept.relay, kept.back)
            self._release(slot, kept.channel, kept.pc, kept.relay, kept.back)
        await ch.send({"type": "resumed", "resume": slot.resume, "media": "new"})
        return await self._live(ch, slot)

    def _media_flowing(self, slot: InterpreterSlot, pc: RTCPeerConnection) -> bool:
        heard = self._court.reception.remote_heard.get(slot.invite.session_id)
        return (pc.connectionState == "connected" and heard is not None
                and time.monotonic() - heard <= MEDIA_GONE_AFTER)

    async def _expire(self, slot: InterpreterSlot) -> None:
        """The kept media go when the voice stops or no re-join comes within the reconnect window."""
        since = time.monotonic()
        while True:
            await asyncio.sleep(0.25)
            kept = slot.kept
            if kept is None:
                return
            if not self._media_flowing(slot, kept.pc) or time.monotonic() - since > RECONNECT_WINDOW:
                slot.kept = None
                self._release(slot, kept.channel, kept.pc, kept.relay, kept.back)
                return

    async def _live(self, ch: Channel, slot: InterpreterSlot) -> None:
        court = self._court
        reception = court.reception
        lang = slot.language
        station = slot.invite.session_id
        slot.channel = ch
        offer = await court.checked_offer(ch, await ch.expect("offer", timeout=20.0), slot.dtls, "interpreter")
        label = labels.interpretation(lang)
        mine = {str(k) for k, v in offer.tracks.items() if v == label}  # only its own language: nothing else
        receive = offer.receive
        pc = court.peer_connection()
        self.connections.append((ch, pc))

        @pc.on("track")
        def _track(track) -> None:
            mid = next((t.mid for t in pc.getTransceivers() if t.receiver.track is track), None)
            if track.kind == "audio" and str(mid) in mine:
                reception.remote_live.add(lang)
                reception.tasks.append(asyncio.ensure_future(reception.audio(track, label, remote=True,
                                                                             station=station)))
            else:
                reception.discard(track)

        await pc.setRemoteDescription(RTCSessionDescription(offer.sdp, "offer"))
        sending: dict[str, str] = {}
        relay: RelayAudioTrack | None = None
        back: RelayAudioTrack | None = None
        for t in pc.getTransceivers():
            want = receive.get(str(t.mid))
            if t.kind != "audio" or want not in ("audio", labels.INTERPRETER_RETURN):
                continue
            if (want == "audio" and relay is not None) or (want != "audio" and back is not None):
                continue
            track = RelayAudioTrack(station=station, role=want)  # booth routing
            reception.floor_taps.append(track)
            t.sender.replaceTrack(track)
            t.direction = "sendonly"
            if want == "audio":  # the floor, or the language it relays from
                sending[str(t.mid)] = labels.INTERPRETER_FLOOR
                relay = slot.relay = track
            else:  # its own language's channel while the partner is on air
                sending[str(t.mid)] = labels.INTERPRETER_RETURN
                back = slot.back = track
        await pc.setLocalDescription(await pc.createAnswer())
        await ch.send({"type": "answer", "sdp": pc.localDescription.sdp, "tracks": sending})
        court.booths.join(station, lang, slot.name)
        return await self._serve(ch, slot, pc, relay, back)

    async def _serve(self, ch: Channel, slot: InterpreterSlot, pc: RTCPeerConnection, relay: RelayAudioTrack | None,
                     back: RelayAudioTrack | None) -> None:
        """The station's booth messages until it leaves or its signalling is lost."""
        court = self._court
        booths = court.booths
        station = slot.invite.session_id
        slot.channel = ch
        keep = False
        try:
            while True:
                try:
                    m = await ch.recv()
                except LinkError:
                    keep = not court.session_done and self._media_flowing(slot, pc)
                    if keep:  # only the signalling went: keep the media for the station's re-join
                        slot.kept = KeptMedia(ch, pc, relay, back, asyncio.ensure_future(self._expire(slot)))
                    raise
                if m["type"] == "bye":
                    slot.info["ended_by"] = slot.info["ended_by"] or "interpreter"
                    slot.resume = ""  # it left: no re-join
                    return None
                if m["type"] == "handover":  # recording/booth.py: the booth's requests
                    why = booths.request_handover(station, m.get("seconds"))
                    if why:
                        await ch.send({"type": "error", "reason": why})
                elif m["type"] == "handover_cancel":
                    booths.cancel_handover(station)
                elif m["type"] == "listen":
                    booths.listen(station, m.get("channel"))
        finally:
            if not keep:
                self._release(slot, ch, pc, relay, back)

    def _release(self, slot: InterpreterSlot, ch: Channel, pc: RTCPeerConnection, relay: RelayAudioTrack | None,
                 back: RelayAudioTrack | None) -> None:
        """The station's connection ``(ch, pc)`` is over: its booth place (unless it has re-joined on
        another channel), its relays, its peer connection."""
        court = self._court
        if slot.channel is ch:
            court.booths.lost(slot.invite.session_id)
            if not court.booths.on_air.get(slot.language):
                court.reception.remote_live.discard(slot.language)
        self._drop_relay(slot, relay)
        self._drop_relay(slot, back)
        court.close_later(pc)

    def _drop_relay(self, slot: InterpreterSlot, relay: RelayAudioTrack | None) -> None:
        """Stop ``relay`` (this connection's floor, or return, to the station) and count what it sent."""
        if slot.relay is relay:
            slot.relay = None
        if slot.back is relay:
            slot.back = None
        if relay is not None and relay.readyState == "live":
            if relay.role == "audio":
                slot.info["floor_blocks_sent"] += relay.blocks_sent
            with contextlib.suppress(ValueError):
                self._court.reception.floor_taps.remove(relay)
            relay.stop()

    async def close(self, reason: str) -> None:
        """The session is over: tell every interpreter station, close their connections."""
        for slot in self.slots.values():
            if slot.kept is not None:
                slot.kept.expiry.cancel()
                slot.kept = None
        for slot in self.slots.values():
            if slot.info.get("admitted") and not slot.info["ended_by"]:
                slot.info["ended_by"] = "court"
        for side, _ in self.connections:
            if not side.closed:
                with contextlib.suppress(LinkError):
                    await side.send({"type": "end", "reason": "the session ended"})
                    await side.send({"type": "bye", "reason": reason})
        for slot in self.slots.values():
            self._drop_relay(slot, slot.relay)
            self._drop_relay(slot, slot.back)
        for side, pc in self.connections:
            await close_peer(pc, 3.0)
            await side.close()
