"""The remote session's flow across the two stations, in one process with fake maskers (fast):
the court's judge camera reaches the witness's "speaking to you" consumer (never a camera of the
accused); a break taken at the witness station reaches the court (state "break", public display
curtained for the whole break, logged in both summaries); the clerk ends the session from the court
and the witness is told ("end"); the court records the floor and every interpretation channel as
tagged audio tracks."""

from __future__ import annotations

import asyncio
import io
import time

import av
import numpy as np
import pytest

from recording.pipeline import SessionPipeline
from recording.session import Participant, Role, demo_plan
from recording.sources.demo import DemoVideoSource
from recording.transport.court import CourtStation, ReceivedRecorder
from recording.transport.court_media import CourtCamera, QuestionerCard, questioner_cameras
from recording.transport.errors import LinkError
from recording.transport.invite import parse_invite
from recording.transport.witness import LinkFeed, WitnessLink
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.helpers.sources import ToneSource
from tests.integration.test_link import FPS, SIZE, MemorySink, court_key


class Speaking:
    def __init__(self) -> None:
        self.frames: list[tuple[str, np.ndarray]] = []

    def on_court_video(self, label, frame, arrival) -> None:
        self.frames.append((label, frame.to_ndarray(format="bgr24")))


class Curtain:
    def __init__(self) -> None:
        self.events: list[tuple[bool, float]] = []

    def __call__(self, on: bool) -> None:
        self.events.append((on, time.monotonic()))


def _pipeline(plan):
    return SessionPipeline(plan, DemoVideoSource(SIZE, FPS), ToneSource(), BoxMasker((100, 40, 220, 160)), GainVoice,
                           interpreters={lang: ToneSource() for lang in plan.languages}, realtime=True)


async def _wait(cond, timeout: float) -> bool:
    t0 = time.monotonic()
    while not cond():
        if time.monotonic() - t0 > timeout:
            return False
        await asyncio.sleep(0.02)
    return True


def test_judge_camera_break_and_clerk_end_across_the_stations():
    plan = demo_plan(languages=("spa",))
    pipeline = _pipeline(plan)
    sink = MemorySink()
    rec = ReceivedRecorder(lambda kind, meta: sink, {"case_number": plan.case_number}, fps=FPS,
                           language=plan.floor_language, channels=plan.languages)
    speaking = Speaking()
    curtain = Curtain()
    states: list[str] = []

    async def main():
        court = CourtStation(consumers=[rec], plan=plan, to_witness=questioner_cameras(plan, (320, 180), 15),
                             on_curtain=curtain, on_state=states.append)
        await court.open()
        rec.start()
        pub, key = court_key()
        invite = parse_invite(court.invitation(pub, key.sign))
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(invite, feed, media={"fps": FPS}, speaking=[speaking])
        serving = asyncio.ensure_future(court.serve(duration=30, join_timeout=10))
        await link.join()
        await link.start_media()
        pipeline.start()
        runner = asyncio.ensure_future(link.run_until(lambda: False))
        assert await _wait(lambda: court.stats.frames_received > 20 and len(speaking.frames) > 10, 10)
        assert not court.curtained
        # the witness takes a break at the witness station
        pipeline.set_break(True)
        assert await _wait(lambda: court.state == "break", 3)
        in_break = court.stats.frames_received
        assert await _wait(lambda: court.stats.frames_received > in_break + 20, 5)  # frames arrive …
        assert court.curtained  # … but the public display stays curtained for the whole break
        pipeline.set_break(False)
        assert await _wait(lambda: court.state == "live" and not court.curtained, 3)
        # the clerk ends the session from the court
        court.end()
        stats = await asyncio.wait_for(serving, 10)
        reason = await asyncio.wait_for(runner, 10)
        await link.close()
        pipeline.stop()
        return court, link, stats, reason

    court, link, stats, reason = asyncio.run(main())
    rid = rec.stop()
    ws = link.stats()
    # court → witness: the judge's card, labelled as the judge, shown in "speaking to you"
    assert stats.to_witness_tracks == ["witness/video/judge"] and ws["court_video_tracks"] == ["witness/video/judge"]
    assert ws["court_video_frames_received"] > 10 and ws["to_witness_tracks_refused"] == 0
    assert stats.to_witness_frames_sent >= ws["court_video_frames_received"]
    assert {label for label, _ in speaking.frames} == {"witness/video/judge"}
    assert speaking.frames[-1][1].shape == (180, 320, 3)
    # break: signalled, logged with both clocks, not counted as a stall
    assert ws["breaks_signalled"] == 2
    assert len(stats.breaks) == 1 and stats.breaks[0]["by"] == "witness"
    b = stats.breaks[0]
    assert 0 < b["start"] < b["end"] and b["media_start"] is not None and b["media_end"] > b["media_start"]
    assert "break" in states and states[-1] == "ended"
    assert not stats.on_break
    # the clerk's end reached the witness
    assert stats.ended_by == "court" and reason == "court"
    assert ws["ended_by"] == "court" and ws["end_reason"] == "the clerk ended the session"
    # the court recorded the floor and the Spanish channel as tagged tracks
    assert stats.interpretation_blocks_received.get("spa", 0) > 50
    assert rid == "mem-1" and rec.audio_blocks["floor"] > 50 and rec.audio_blocks["spa"] > 50
    with av.open(io.BytesIO(sink.getvalue())) as c:
        langs = [s.metadata.get("language") for s in c.streams.audio]
        assert langs == ["eng", "spa"]
        assert [s.metadata.get("title") for s in c.streams.audio][1].startswith("Interpretation spa")
    assert [t["language"] for t in sink.meta.get("tracks", [])] in ([], ["eng", "spa"])


def test_a_camera_of_the_accused_is_never_offered():
    plan = demo_plan()
    plan.participants.append(Participant("Mr Accused", Role.ACCUSED))
    card = QuestionerCard("x", (64, 36), 15)
    with pytest.raises(LinkError, match="accused"):
        CourtStation(plan=plan, to_witness=[CourtCamera("accused", "Mr Accused", card)])
    # labelled as someone else, but showing the accused (by name): refused as well
    with pytest.raises(LinkError, match="accused"):
        CourtStation(plan=plan, to_witness=[CourtCamera("judge", " mr accused", card)])
    # a camera for a role the plan does not have, or may not face the witness: left out
    court = CourtStation(plan=plan, to_witness=[CourtCamera("intermediary", "I", card),
                                               CourtCamera("clerk", "Clerk Demo", card),
                                               *questioner_cameras(plan, (64, 36))])
    assert [c.label for c in court.to_witness] == ["witness/video/judge"]


def test_witness_refuses_a_court_track_labelled_for_the_accused(monkeypatch):
    """A (broken or malicious) court that labels its camera ``witness/video/accused``: the witness
    drains it and never shows a frame."""
    plan = demo_plan()
    pipeline = _pipeline(plan)
    speaking = Speaking()
    from recording.transport import court_media as court_mod
    from recording.transport import tracks

    monkeypatch.setattr(court_mod.CameraTrack, "__init__", _unchecked_track_init)
    class LaxLabels:  # the broken court's own gate lets anything through (the witness keeps its own)
        def __getattr__(self, name):
            return (lambda label: True) if name == "is_to_witness" else getattr(tracks, name)

    monkeypatch.setattr(court_mod, "labels", LaxLabels())
    monkeypatch.setattr(court_mod.CourtCamera, "label", property(lambda self: "witness/video/accused"))

    async def main():
        court = CourtStation(plan=plan, to_witness=questioner_cameras(plan, (160, 90), 15))
        await court.open()
        pub, key = court_key()
        invite = parse_invite(court.invitation(pub, key.sign))
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(invite, feed, speaking=[speaking])
        serving = asyncio.ensure_future(court.serve(duration=30, join_timeout=10))
        await link.join()
        await link.start_media()
        pipeline.start()
        await _wait(lambda: court.stats.frames_received > 15, 10)
        await asyncio.sleep(0.5)
        await link.close()
        pipeline.stop()
        await asyncio.wait_for(serving, 10)
        return link.stats()

    ws = asyncio.run(main())
    assert not tracks.valid("witness/video/accused")
    assert ws["to_witness_tracks_refused"] == 1 and ws["court_video_frames_received"] == 0 and not speaking.frames


def _unchecked_track_init(self, source, label) -> None:
    from aiortc import MediaStreamTrack

    MediaStreamTrack.__init__(self)
    self.source, self.label, self.frames_sent, self._t0 = source, label, 0, None


def test_remote_interpreter_as_a_third_station():
    """The interpreter joins with its own invitation, hears the masked floor relayed by the court and
    sends its Spanish channel, which the court delivers (and records) as the ``spa`` channel.  Its
    invitation is one-time and only for the interpreter's own language."""
    from recording.transport.errors import Refused
    from recording.transport.interpreter import InterpreterLink

    plan = demo_plan()
    pipeline = _pipeline(plan)
    sink = MemorySink()
    rec = ReceivedRecorder(lambda kind, meta: sink, {"case_number": plan.case_number}, fps=FPS, channels=("spa",))

    async def main():
        court = CourtStation(consumers=[rec])
        await court.open()
        rec.start()
        pub, key = court_key()
        invite = parse_invite(court.invitation(pub, key.sign))
        iinvite = parse_invite(court.interpreter_invitation(pub, key.sign, "spa"))
        assert iinvite.media["station"] == "interpreter" and iinvite.token != invite.token
        with pytest.raises(LinkError, match="not for an interpreter"):
            InterpreterLink(invite, "spa", ToneSource())
        with pytest.raises(LinkError, match="'spa' channel"):
            InterpreterLink(iinvite, "fra", ToneSource())
        serving = asyncio.ensure_future(court.serve(duration=30, join_timeout=10))
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(invite, feed, media={"fps": FPS})
        await link.join()
        await link.start_media()
        pipeline.start()
        source = ToneSource()
        source.open()
        interp = InterpreterLink(iinvite, "spa", source)
        await interp.join()
        await interp.start_media()
        again = InterpreterLink(iinvite, "spa", ToneSource())
        with pytest.raises(Refused, match="already used"):
            await again.join()
        await again.close()
        running = asyncio.ensure_future(interp.run(20))
        assert await _wait(lambda: interp.floor_blocks_received > 50
                           and court.stats.interpretation_blocks_received.get("spa", 0) > 50, 10)
        court.end()
        stats = await asyncio.wait_for(serving, 10)
        reason = await asyncio.wait_for(running, 10)
        await interp.close()
        await link.close()
        pipeline.stop()
        return stats, interp.stats(), reason

    stats, istats, reason = asyncio.run(main())
    rec.stop()
    info = stats.interpreters["spa"]
    assert info["admitted"] and info["blocks_received"] > 50 and info["floor_blocks_sent"] > 50
    assert info["ended_by"] == "court" and reason == "court" and istats["ended_by"] == "court"
    assert istats["floor_blocks_received"] > 50 and istats["blocks_sent"] > 50
    assert rec.audio_blocks.get("spa", 0) > 50
    with av.open(io.BytesIO(sink.getvalue())) as c:
        assert [s.metadata.get("language") for s in c.streams.audio][1:] == ["spa"]  # "und": untagged
