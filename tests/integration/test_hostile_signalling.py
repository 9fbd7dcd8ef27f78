"""A hostile station on the court's signalling port (security review, Broken 7): hostile messages
(60,000 nested brackets, NaN, repeated keys, not UTF-8, unknown types) are dropped and logged without
their content; the court neither crashes nor fails the hearing, and the real witness still joins."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from recording.pipeline import SessionPipeline
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource
from recording.transport.court import CourtStation
from recording.transport.invite import parse_invite
from recording.transport.signalling import Channel, SignallingServer
from recording.transport.witness import LinkFeed, WitnessLink
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.helpers.sources import ToneSource
from tests.integration.test_link import FPS, SIZE, court_key

BOMB = "[" * 60_000 + "]" * 60_000
HOSTILE: list[str | bytes] = [
    BOMB,
    '{"type": "join", "session_id": NaN}',
    '{"type": "join", "type": "join"}',
    b"\xff\xfe\x00{",
    '{"type": "launch-missiles"}',
    "[1, 2, 3]",
    '{"type": "bye", "reason": "' + "x" * 1000 + '", "reason": "repeated"}',
]


def test_a_channel_drops_hostile_messages_and_returns_the_next_good_one(caplog):
    got: list[dict] = []

    async def main() -> None:
        done = asyncio.Event()

        async def handler(ch: Channel) -> None:
            got.append(await ch.recv(timeout=10))
            got.append({"dropped": ch.dropped})
            done.set()

        server = SignallingServer(handler)
        host, port = await server.open()
        client = await Channel.connect(host, port, server.tls_fingerprint)
        for raw in HOSTILE:
            await client._ws.send(raw)
        await client.send({"type": "bye", "reason": "fine"})
        await asyncio.wait_for(done.wait(), 10)
        await client.close()
        server.close()

    with caplog.at_level(logging.DEBUG, logger="testimony_shield"):
        asyncio.run(main())
    assert got == [{"type": "bye", "reason": "fine"}, {"dropped": len(HOSTILE)}]
    logged = caplog.text
    assert "dropped a malformed signalling message" in logged
    assert "[[[[" not in logged and "launch-missiles" not in logged and "xxxxxxxx" not in logged


@pytest.mark.slow
def test_a_hostile_station_never_fails_the_hearing(caplog):
    plan = demo_plan()
    pipeline = SessionPipeline(plan, DemoVideoSource(SIZE, FPS), ToneSource(), BoxMasker((100, 40, 220, 160)),
                               GainVoice, realtime=True)

    async def main():
        court = CourtStation(plan=plan)
        await court.open()
        pub, key = court_key()
        invite = parse_invite(court.invitation(pub, key.sign))
        serving = asyncio.ensure_future(court.serve(duration=20, join_timeout=20))
        # a hostile station connects first and sends garbage, then a flood of it
        hostile = await Channel.connect(invite.host, invite.port, invite.tls_fingerprint)
        for raw in HOSTILE * 3:
            if hostile.closed:
                break
            try:
                await hostile._ws.send(raw)
            except Exception:
                break
        await asyncio.sleep(0.5)
        # the real witness joins and testifies
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(invite, feed, media={"fps": FPS})
        await link.join()
        await link.start_media()
        pipeline.max_frames = 2 * FPS
        pipeline.start()
        t0 = time.monotonic()
        reason = await link.run_until(pipeline.finished.is_set)
        await asyncio.sleep(0.3)
        await link.close()
        pipeline.stop()
        stats = await asyncio.wait_for(serving, 20)
        await hostile.close()
        return stats, reason, time.monotonic() - t0

    with caplog.at_level(logging.DEBUG, logger="testimony_shield"):
        stats, reason, _ = asyncio.run(main())
    assert reason == "done"
    assert stats.witness_admitted and stats.frames_received > 10
    assert stats.errors == []
    assert "Traceback" not in caplog.text and "[[[[" not in caplog.text
    assert not [r for r in caplog.records if r.exc_info]
