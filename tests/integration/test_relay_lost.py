"""The court relay goes away in the middle of a hearing and does not come back (in process, real coturn
and WebRTC on loopback, a short reconnect window): the witness keeps trying through the relay, then
ends the hearing with "connection lost" and the failure the command line turns into exit code 8; the
court ends the session too.  Skipped without coturn's ``turnserver``."""

from __future__ import annotations

import asyncio
import time

import pytest

from desktop.link.summary import EXIT_RELAY_LOST, link_exit
from recording.transport.court import CourtStation
from recording.transport.errors import RelayUnreachable
from recording.transport.invite import parse_invite
from recording.transport.relay import RelayServer
from recording.transport.witness import LinkFeed, WitnessLink
from tests.helpers.coturn import SECRET, Coturn, turnserver_binary
from tests.integration.test_link import FPS, court_key, witness_pipeline

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600),
              pytest.mark.skipif(turnserver_binary() is None,
                                 reason="no turnserver binary (Debian package coturn; scripts/setup.sh installs it)")]


def test_the_relay_gone_for_good_ends_the_hearing_with_its_own_failure(tmp_path):
    turn = Coturn(tmp_path / "coturn", SECRET)
    turn.start()
    pipeline = witness_pipeline()

    async def main():
        relay = RelayServer("127.0.0.1", 0, turn.url, SECRET.encode(), tmp_path / "tls.pem")
        info = await relay.open()
        court = CourtStation(relay=info, reconnect_window=4.0)
        await court.open()
        pub, key = court_key()
        data = court.invitation(pub, key.sign)
        await court.ready()
        invite = parse_invite(data)
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(invite, feed, media={"fps": FPS}, reconnect_window=4.0)
        serving = asyncio.ensure_future(court.serve(duration=60, join_timeout=60))
        await link.join()
        await link.start_media()
        pipeline.start()
        runner = asyncio.ensure_future(link.run_until(pipeline.finished.is_set))
        deadline = time.monotonic() + 120
        while court.stats.frames_received < 10 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert court.stats.ice_path == "relay" and link.ice_path == "relay"
        await relay.close()  # gone for good
        reason = await asyncio.wait_for(runner, 120)
        await link.close(reason)
        pipeline.stop()
        stats = await asyncio.wait_for(serving, 120)
        return reason, link, stats

    try:
        reason, link, stats = asyncio.run(main())
    finally:
        pipeline.stop()
        turn.stop()
    assert reason == "connection lost" and link.lost_mid_hearing
    assert isinstance(link.last_error, RelayUnreachable)
    assert link_exit(link.last_error, mid_hearing=True) == EXIT_RELAY_LOST == 8
    assert stats.ended_by == "connection lost" and stats.relay_losses == 1
