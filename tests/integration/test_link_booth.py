"""Two remote interpreters in one booth (one process, fake maskers): only the one on air reaches the
court and the witness; the hand-over counts down on both stations and then switches; the partner off
air hears the channel's return; relay from another language; both are told of the witness's break."""

from __future__ import annotations

import asyncio
import time

from recording.audio.mixer import ListenerMix
from recording.booth import BoothMicrophone, BoothView
from recording.model import Audience
from recording.pipeline import SessionPipeline
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource
from recording.transport.court import CourtStation
from recording.transport.interpreter import InterpreterLink
from recording.transport.invite import parse_invite
from recording.transport.witness import LinkFeed, RemoteInterpretation, WitnessLink
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.integration.test_link import FPS, SIZE, court_key
from tests.integration.test_link_interpreter import FLOOR_HZ, LOCAL_HZ, Heard, Tone, _wait

A_HZ, B_HZ, FRA_HZ = 660.0, 880.0, 520.0


class Station:
    """An interpreter station as the window runs it: the microphone opens from the court's booth
    messages; what it hears (floor or relay) and the return are kept."""

    def __init__(self, invite, freq: float) -> None:
        self.mic = BoothMicrophone(Tone(freq))
        self.floor, self.back = Heard(), Heard()
        self.views: list[BoothView] = []
        self.link = InterpreterLink(
            invite,
            "spa",
            self.mic,
            on_floor=[lambda s: self.floor(s, 0)],
            on_return=[lambda s: self.back(s, 0)],
            on_booth=[self._booth],
        )

    def _booth(self, msg) -> None:
        view = BoothView.parse(msg)
        self.views.append(view)
        self.mic.set_open(view.microphone_open)

    @property
    def view(self) -> BoothView:
        return self.views[-1] if self.views else BoothView()


def test_partners_hand_over_with_a_countdown_both_see():
    plan = demo_plan(languages=("spa", "fra"))
    remote = RemoteInterpretation("spa", Tone(LOCAL_HZ))
    pipeline = SessionPipeline(
        plan,
        DemoVideoSource(SIZE, FPS),
        Tone(FLOOR_HZ),
        BoxMasker((100, 40, 220, 160)),
        GainVoice,
        interpreters={"spa": remote, "fra": Tone(FRA_HZ)},
        realtime=True,
    )
    heard = Heard()
    pipeline.subscribe(
        {Audience.WITNESS_SELF}, ListenerMix(Audience.WITNESS_SELF, pipeline.channels, heard, "spa")
    )

    async def main():
        court = CourtStation(plan=plan)
        await court.open()
        pub, key = court_key()
        invite = parse_invite(court.invitation(pub, key.sign))
        a = Station(parse_invite(court.interpreter_invitation(pub, key.sign, "spa", name="Ana")), A_HZ)
        b = Station(parse_invite(court.interpreter_invitation(pub, key.sign, "spa", name="Bruno")), B_HZ)
        serving = asyncio.ensure_future(court.serve(duration=40, join_timeout=10))
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(
            invite, feed, media={"fps": FPS}, receive_video=False, remote_channels={"spa": remote}
        )
        await link.join()
        await link.start_media()
        pipeline.start()
        runner = asyncio.ensure_future(link.run_until(lambda: False))
        running = []
        try:
            for st in (a, b):
                await asyncio.wait_for(st.link.join(), 10)
                await asyncio.wait_for(st.link.start_media(), 10)
                running.append(asyncio.ensure_future(st.link.run(40)))
            # Ana joined first: on air; Bruno's microphone is closed and he hears her as the return
            assert await _wait(lambda: a.view.you_on_air and b.view.stations and not b.view.you_on_air, 5)
            assert b.view.name_of(b.view.on_air) == "Ana" and a.view.partner["name"] == "Bruno"
            assert await _wait(lambda: heard.level(A_HZ) > 0.06 and heard.level(B_HZ) < 0.02, 10)
            assert await _wait(lambda: b.back.level(A_HZ) > 0.08, 10)
            assert b.floor.level(FLOOR_HZ) > 0.03 and a.back.level(A_HZ) < 0.02  # no return of her own voice
            assert not b.mic.sending and a.mic.sending
            assert a.view.witness == "live"
            # Ana hands over in 3 s: both see the countdown; Bruno's microphone opens for the take-over
            assert await a.link.control({"type": "handover", "seconds": 3})
            assert await _wait(lambda: a.view.handover is not None and b.view.handover is not None, 2)
            asked = time.monotonic()
            assert a.view.handing_over and b.view.taking_over and b.mic.sending
            assert 2.0 < b.view.countdown() <= 3.0 and abs(a.view.countdown() - b.view.countdown()) < 0.3
            assert (
                heard.level(A_HZ) > 0.03 and heard.level(B_HZ) < 0.02
            )  # still Ana, not Bruno, until the countdown ends
            assert await _wait(lambda: b.view.you_on_air and a.view.on_air == b.view.you, 5)
            assert time.monotonic() - asked > 2.8  # never before the countdown's end
            assert await _wait(lambda: heard.level(B_HZ) > 0.06 and heard.level(A_HZ) < 0.02, 6)
            assert await _wait(lambda: a.back.level(B_HZ) > 0.08 and not a.mic.sending, 6)
            # a hand-over needs the one on air: Ana cannot hand over again
            assert await a.link.control({"type": "handover", "seconds": 3})
            assert await _wait(lambda: a.link.court_errors, 2)
            # relay: Bruno listens to the French channel instead of the floor
            assert "fra" in b.view.sources
            assert await b.link.control({"type": "listen", "channel": "fra"})
            assert await _wait(
                lambda: (
                    b.view.listening == "fra"
                    and b.floor.level(FRA_HZ) > 0.1
                    and b.floor.level(FLOOR_HZ) < 0.01
                ),
                5,
            )
            # the witness takes a break: both booths are told
            pipeline.set_break(True)
            assert await _wait(lambda: a.view.witness == "break" and b.view.witness == "break", 3)
            pipeline.set_break(False)
            assert await _wait(lambda: a.view.witness == "live", 3)
        finally:
            court.end()
            stats = await asyncio.wait_for(serving, 10)
            for r in running:
                await asyncio.wait_for(r, 10)
            await asyncio.wait_for(runner, 10)
            for st in (a, b):
                await st.link.close()
            await link.close()
            pipeline.stop()
        return stats

    stats = asyncio.run(main())
    changes = stats.booths["changes"]
    assert [c["reason"] for c in changes][:2] == ["first on air", "hand-over"]
    assert stats.interpreter_blocks_off_air > 50  # the partner's blocks off air were never delivered
