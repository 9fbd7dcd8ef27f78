"""The remote interpreter station, in one process with fake maskers (fast): its channel reaches the
witness's listening mix through the court (instead of the witness station's local interpreter
source), and it re-joins by itself after a network loss."""

from __future__ import annotations

import asyncio
import time

import numpy as np

from recording.audio.mixer import ListenerMix
from recording.model import AUDIO_RATE, Audience
from recording.pipeline import SessionPipeline
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource
from recording.transport.court import CourtStation
from recording.transport.interpreter import InterpreterLink
from recording.transport.invite import parse_invite
from recording.transport.witness import LinkFeed, RemoteInterpretation, WitnessLink
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.integration.test_link import FPS, SIZE, court_key


class Tone:
    """A steady sine "microphone" at -12 dBFS."""

    name = "tone"
    rate = AUDIO_RATE
    live = False

    def __init__(self, freq: float) -> None:
        self.freq = freq
        self._pos = 0

    def open(self) -> None:
        self._pos = 0

    def read(self, n: int) -> np.ndarray:
        t = (self._pos + np.arange(n)) / AUDIO_RATE
        self._pos += n
        return (0.25 * np.sin(2 * np.pi * self.freq * t)).astype(np.float32)

    def close(self) -> None:
        pass


class Heard:
    """The witness's listening mix: the last blocks it played."""

    def __init__(self) -> None:
        self.blocks: list[np.ndarray] = []

    def __call__(self, samples: np.ndarray, start: int) -> None:
        self.blocks.append(samples.copy())
        del self.blocks[:-100]

    def level(self, freq: float, blocks: int = 25) -> float:
        """Amplitude of ``freq`` over the last ``blocks`` blocks (0.5 s)."""
        x = np.concatenate(self.blocks[-blocks:]) if self.blocks else np.zeros(960, np.float32)
        t = np.arange(len(x)) / AUDIO_RATE
        return float(2 * abs(np.mean(x * np.exp(-2j * np.pi * freq * t))))


async def _wait(cond, timeout: float) -> bool:
    t0 = time.monotonic()
    while not cond():
        if time.monotonic() - t0 > timeout:
            return False
        await asyncio.sleep(0.02)
    return True


FLOOR_HZ, LOCAL_HZ, REMOTE_HZ = 440.0, 300.0, 660.0


def _three_stations(check) -> tuple:
    """Court + witness (its Spanish channel's local source: 300 Hz) + remote Spanish interpreter
    (660 Hz); the witness listens to Spanish.  ``check(court, link, interp, remote, heard)`` runs live."""
    plan = demo_plan(languages=("spa",))
    remote = RemoteInterpretation("spa", Tone(LOCAL_HZ))
    pipeline = SessionPipeline(plan, DemoVideoSource(SIZE, FPS), Tone(FLOOR_HZ), BoxMasker((100, 40, 220, 160)),
                               GainVoice, interpreters={"spa": remote}, realtime=True)
    heard = Heard()
    listening = ListenerMix(Audience.WITNESS_SELF, pipeline.channels, heard, "spa")
    pipeline.subscribe({Audience.WITNESS_SELF}, listening)

    async def main():
        court = CourtStation()
        await court.open()
        pub, key = court_key()
        invite = parse_invite(court.invitation(pub, key.sign))
        iinvite = parse_invite(court.interpreter_invitation(pub, key.sign, "spa"))
        serving = asyncio.ensure_future(court.serve(duration=30, join_timeout=10))
        feed = LinkFeed(asyncio.get_running_loop())
        feed.attach(pipeline)
        link = WitnessLink(invite, feed, media={"fps": FPS}, receive_video=False, remote_channels={"spa": remote})
        await link.join()
        await link.start_media()
        pipeline.start()
        runner = asyncio.ensure_future(link.run_until(lambda: False))
        interp = InterpreterLink(iinvite, "spa", Tone(REMOTE_HZ))
        running = None
        try:
            # before the interpreter joins, the witness hears its station's local Spanish source
            assert await _wait(lambda: len(heard.blocks) > 30, 5)
            assert heard.level(LOCAL_HZ) > 0.15 and heard.level(REMOTE_HZ) < 0.02
            await asyncio.wait_for(interp.join(), 10)
            await asyncio.wait_for(interp.start_media(), 10)
            running = asyncio.ensure_future(interp.run(30))
            await check(court, link, interp, remote, heard)
        finally:
            court.end()
            stats = await asyncio.wait_for(serving, 10)
            if running is not None:
                await asyncio.wait_for(running, 10)
            await asyncio.wait_for(runner, 10)
            await interp.close()
            await link.close()
            pipeline.stop()
        return stats, link.stats(), interp.stats()

    return asyncio.run(main())


def _hears_the_remote_interpreter(heard: Heard, remote: RemoteInterpretation) -> bool:
    # the remote 660 Hz channel, the floor underneath at -14 dB (0.25 → ~0.05), no local source
    return remote.remote and heard.level(REMOTE_HZ) > 0.12 and heard.level(LOCAL_HZ) < 0.02


def test_remote_interpreter_reaches_the_witness_listening_channel():
    async def check(court, link, interp, remote, heard):
        assert await _wait(lambda: _hears_the_remote_interpreter(heard, remote), 5)
        # the (masked) floor is still there underneath, at -14 dB at most (0.25 → 0.05)
        assert 0.003 < heard.level(FLOOR_HZ) < 0.06

    stats, ws, istats = _three_stations(check)
    info = stats.interpreters["spa"]
    assert info["to_witness_blocks_sent"] > 20 and ws["remote_interpretation_blocks_received"]["spa"] > 20
    assert stats.to_witness_channels == ["witness/audio/spa"]
    # the witness station's own copy of the Spanish channel is not delivered while the remote one is live
    assert stats.interpretation_blocks_superseded.get("spa", 0) > 0
    assert istats["ended_by"] == "court"


def test_interpreter_rejoins_after_a_network_loss():
    async def check(court, link, interp, remote, heard):
        info = court.stats.interpreters
        assert await _wait(lambda: info.get("spa", {}).get("blocks_received", 0) > 25
                           and _hears_the_remote_interpreter(heard, remote), 5)
        interp.simulate_loss()
        before = info["spa"]["blocks_received"]
        floor_before = interp.floor_blocks_received
        assert await _wait(lambda: interp.reconnects == 1 and info["spa"]["blocks_received"] > before + 25
                           and interp.floor_blocks_received > floor_before + 25
                           and _hears_the_remote_interpreter(heard, remote), 60)

    stats, ws, istats = _three_stations(check)
    info = stats.interpreters["spa"]
    assert info["reconnects"] == 1 and istats["reconnects"] == 1 and len(istats["recoveries_ms"]) == 1
    assert istats["recoveries_ms"][0] > 0
    assert istats["ended_by"] == "court" and info["ended_by"] == "court"


def test_interpreter_keeps_its_media_when_only_the_signalling_is_lost():
    """The court relay restarting drops every signalling connection while the media go on through
    TURN: the interpreter station re-joins asking to keep its media, and the court keeps its side
    (the same peer connection, the channel never pauses)."""
    async def check(court, link, interp, remote, heard):
        info = court.stats.interpreters
        assert await _wait(lambda: info.get("spa", {}).get("blocks_received", 0) > 25
                           and _hears_the_remote_interpreter(heard, remote), 5)
        pc = interp.pc
        before = info["spa"]["blocks_received"]
        await interp.channel.close()  # the signalling only
        assert await _wait(lambda: interp.reconnects == 1 and info["spa"]["blocks_received"] > before + 50, 30)
        assert interp.pc is pc and interp.media_kept == 1
        assert _hears_the_remote_interpreter(heard, remote)

    stats, ws, istats = _three_stations(check)
    info = stats.interpreters["spa"]
    assert info["reconnects"] == 1 and info["media_kept"] == 1
    assert istats["reconnects"] == 1 and istats["media_kept"] == 1
    assert istats["ended_by"] == "court" and info["ended_by"] == "court"
