"""The witness station's side of the link: :class:`WitnessLink` joins the court (a
:class:`recording.transport.station.Station`) and sends the pipeline's labelled tracks
(:class:`recording.transport.link_feed.LinkFeed`: the masked COURT audience, interpretation
channels, the judge's unmasked tracks only when authorised).

Court → witness: the offer asks for one video slot (``"receive": {mid: "video"}``); the court puts
the camera of the person speaking to the witness on it and names it in its answer
(``witness/video/judge``…).  A track whose label is not a valid witness-bound label — any label
naming the accused is invalid — is drained and never shown (``to_witness_tracks_refused``).  With
``remote_channels`` the offer also asks for one audio slot per language, on which the court relays a
remote interpreter's channel into :class:`recording.transport.remote_interpretation.RemoteInterpretation`.

Control: a break taken at the witness station (the pipeline's break listener) is sent to the court
as ``{"type": "break", "on", "at"}`` (re-sent after a reconnection while it lasts); the court's
``end`` message ends the session here (the caller then ends and seals its local session).

Resilience (the station base): on a lost signalling connection or a failed media connection the
link goes "reconnecting" and re-joins with the one-time resumption token; the pipeline and the local
recording never stop: the send queues just drop the oldest items meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any

from aiortc import RTCPeerConnection, RTCRtpSender, RTCRtpTransceiver

from recording.transport import tracks as labels
from recording.transport.errors import LinkError
from recording.transport.invite import Invite
from recording.transport.link_feed import LinkFeed
from recording.transport.remote_interpretation import RemoteInterpretation
from recording.transport.rtc import frames, mono_blocks
from recording.transport.station import RECONNECT_WINDOW, Station

# LinkFeed and RemoteInterpretation are imported from here by callers written before the split
__all__ = ["RECONNECT_WINDOW", "LinkFeed", "RemoteInterpretation", "WitnessLink"]

log = logging.getLogger("testimony_shield.recording.transport.witness")


class WitnessLink(Station):
    """Join the court named by ``invite`` and send ``feed``'s tracks once admitted; re-join by itself
    after a loss.  ``on_state`` gets "joining", "waiting", "connecting", "live", "reconnecting",
    "ended" (on the event loop)."""

    kind = "witness"

    def __init__(self, invite: Invite, feed: LinkFeed, media: dict[str, Any] | None = None,
                 on_state: Callable[[str], None] | None = None,
                 reconnect_window: float = RECONNECT_WINDOW, speaking: list[Any] | None = None,
                 receive_video: bool = True, remote_channels: dict[str, RemoteInterpretation] | None = None) -> None:
        """``speaking``: consumers of the court's camera (``on_court_video(label, frame, arrival)``,
        on the event loop) — the witness window's "speaking to you" panel.  ``remote_channels``: the
        pipeline's language sources that play a remote interpreter's channel when the court forwards
        one (an audio slot is offered for each)."""
        super().__init__(invite, on_state=on_state, reconnect_window=reconnect_window)
        self.feed = feed
        self.media = dict(media or {})
        self.speaking = list(speaking or [])
        self.receive_video = receive_video
        self.court_video_frames = 0
        self.court_video_labels: list[str] = []
        self.remote_channels = {lang: src for lang, src in (remote_channels or {}).items()
                                if labels.is_to_witness_audio(f"witness/audio/{lang}")}
        self.remote_blocks_received: dict[str, int] = {}
        self.to_witness_tracks_refused = 0
        self.breaks_signalled = 0
        #: the clerk asked for a planned break (on the loop): the caller takes it (LiveSession.request_break)
        self.on_court_break: Callable[[], None] | None = None
        self.court_breaks = 0
        self._on_break: tuple[bool, float] | None = None
        self._loop = feed.loop
        if feed.pipeline is not None:
            feed.pipeline.add_break_listener(self._pipeline_break)

    # -- the station base's hooks ---------------------------------------------------------------------
    def _join_media(self) -> dict[str, Any]:
        return {**self.media, "tracks": self.feed.labels}

    def _add_media(self, pc: RTCPeerConnection) -> tuple[dict[str, RTCRtpSender], dict[RTCRtpTransceiver, str]]:
        senders = {label: pc.addTrack(track) for label, track in self.feed.new_tracks()}
        slots: dict[RTCRtpTransceiver, str] = {}
        if self.receive_video:
            slots[pc.addTransceiver("video", direction="recvonly")] = "video"
        for lang in self.remote_channels:
            slots[pc.addTransceiver("audio", direction="recvonly")] = labels.to_witness_channel(lang)
        return senders, slots

    async def _after_media(self) -> None:
        if self._on_break is not None and self._on_break[0]:  # a break that started while reconnecting
            await self._send_break(*self._on_break)

    def _before_close(self) -> None:
        self.feed.detach()

    def _on_message(self, msg: dict[str, Any]) -> None:
        if msg["type"] == "break" and msg.get("on") is True and msg.get("by") == "clerk":
            self.court_breaks += 1
            if self.on_court_break is not None:
                try:
                    self.on_court_break()
                except Exception:
                    log.exception("taking the clerk's break failed")

    # -- court → witness ------------------------------------------------------------------------------
    def _on_track(self, pc: RTCPeerConnection, track: Any, label: str) -> None:
        if track.kind == "video" and labels.is_to_witness(label):
            if label not in self.court_video_labels:
                self.court_video_labels.append(label)
            self._tasks.append(asyncio.ensure_future(self._court_video(track, label)))
        elif (
            track.kind == "audio"
            and labels.is_to_witness_audio(label)
            and labels.channel(label) in self.remote_channels
        ):
            self._tasks.append(asyncio.ensure_future(self._court_audio(track, str(labels.channel(label)))))
        elif track.kind == "audio" and not label:
            self._tasks.append(asyncio.ensure_future(self._drain(track)))  # a slot the court left empty
        else:  # unlabelled, or a label no witness may see (the accused has none): drain, never show
            self.to_witness_tracks_refused += 1
            log.warning("a court track labelled %r was refused", label[:40])
            self._tasks.append(asyncio.ensure_future(self._drain(track)))

    async def _drain(self, track: Any) -> None:
        async for _ in frames(track):
            pass

    async def _court_video(self, track: Any, label: str) -> None:
        async for frame in frames(track):
            self.court_video_frames += 1
            now = time.monotonic()
            for c in self.speaking:
                try:
                    c.on_court_video(label, frame, now)
                except Exception:
                    log.exception("a speaking-to-you consumer failed")

    async def _court_audio(self, track: Any, lang: str) -> None:
        """A remote interpreter's channel, forwarded by the court: into the pipeline's source."""
        target = self.remote_channels[lang]
        async for _, blocks in mono_blocks(track):
            for samples in blocks:
                target.push(samples)
                self.remote_blocks_received[lang] = self.remote_blocks_received.get(lang, 0) + 1

    # -- control ------------------------------------------------------------------------------------
    def _pipeline_break(self, on: bool, t: float) -> None:  # pipeline or caller thread
        self._on_break = (on, t)
        with contextlib.suppress(RuntimeError):  # the loop is closed: the session is over
            self._loop.call_soon_threadsafe(lambda: self._tasks.append(
                asyncio.ensure_future(self._send_break(on, t))))

    async def _send_break(self, on: bool, t: float) -> None:
        ch = self.channel
        if ch is None or ch.closed or self._listener is None:
            return  # not live on this channel yet: start_media() sends the break state
        with contextlib.suppress(LinkError):
            await ch.send({"type": "break", "on": on, "by": "witness", "at": round(float(t), 3)})
            self.breaks_signalled += 1

    def stats(self) -> dict[str, Any]:
        v, a = self.feed.video, self.feed.audio
        first = (round((v.first_sent_at - self.admitted_at) * 1000, 1)
                 if v.first_sent_at is not None and self.admitted_at is not None else None)
        return {"frames_sent": v.frames_sent, "curtained_frames_sent": v.curtained_sent,
                "audio_blocks_sent": a.blocks_sent, "samples_sent": a.samples_sent,
                "frames_dropped": self.feed.dropped_frames, "audio_blocks_dropped": self.feed.dropped_audio_blocks,
                "audience_sent": self.feed.audience.value, "judge_tracks_sent": self.feed.judge,
                "judge_frames_sent": self.feed.counters[labels.JUDGE_VIDEO].frames_sent if self.feed.judge else 0,
                "interpretation_tracks_sent": self.feed.channels,
                "tracks_sent": {k: c.frames_sent or c.blocks_sent for k, c in self.feed.counters.items()},
                "safety_code": self.safety_code, "first_frame_sent_ms": first, "ended_by": self.ended_by,
                "reconnects": self.reconnects, "media_kept": self.media_kept,
                "reconnecting_seconds": self.reconnecting_seconds,
                "recoveries_ms": self.recoveries_ms, "end_reason": self.end_reason,
                "court_video_frames_received": self.court_video_frames, "court_video_tracks": self.court_video_labels,
                "to_witness_tracks_refused": self.to_witness_tracks_refused,
                "breaks_signalled": self.breaks_signalled, "court_breaks": self.court_breaks,
                "remote_interpretation_blocks_received": dict(self.remote_blocks_received),
                **self.path_stats()}
