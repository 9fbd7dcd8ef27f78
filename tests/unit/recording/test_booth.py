"""The interpretation booth's rules (recording/booth.py): who is on air, hand-over countdowns,
relay choices, a lost station, and the station's microphone gate and headphone mix."""

from __future__ import annotations

import numpy as np

from recording.booth import HANDOVER_MAX, HANDOVER_MIN, BoothMicrophone, BoothRoster, BoothView, HeadphoneMix


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def roster() -> tuple[BoothRoster, dict[str, list[dict]], Clock]:
    sent: dict[str, list[dict]] = {}
    clock = Clock()
    r = BoothRoster(lambda sid, msg: sent.setdefault(sid, []).append(msg), clock=clock)
    r.add_channel("fra")
    return r, sent, clock


def test_first_on_air_then_hand_over_after_the_countdown():
    r, sent, clock = roster()
    r.join("a", "spa", "Ana")
    r.join("b", "spa")
    assert r.is_on_air("spa", "a") and not r.is_on_air("spa", "b")
    assert sent["b"][-1]["stations"][1]["name"] == "Interpreter 2"
    assert r.request_handover("b", 5) == "only the interpreter on air hands over"
    assert r.request_handover("a", 5) == ""
    assert r.request_handover("a", 5) == "a hand-over is already counting down"
    for sid in ("a", "b"):
        msg = sent[sid][-1]
        assert msg["handover"] == {"from": "a", "to": "b", "seconds": 5.0, "seconds_left": 5.0}
        assert msg["event"] == "handover_started"
    clock.t += 4.9
    r.tick()
    assert r.is_on_air("spa", "a")
    clock.t += 0.2
    r.tick()
    assert r.is_on_air("spa", "b") and sent["a"][-1]["on_air"] == "b" and sent["a"][-1]["handover"] is None
    assert [c["reason"] for c in r.log] == ["first on air", "hand-over"]


def test_countdown_is_clamped_and_can_be_cancelled_by_either():
    r, sent, clock = roster()
    r.join("a", "spa")
    assert r.request_handover("a") == "no partner interpreter is connected"
    r.join("b", "spa")
    r.request_handover("a", 999)
    assert sent["b"][-1]["handover"]["seconds"] == HANDOVER_MAX
    assert r.cancel_handover("b") and sent["a"][-1]["event"] == "handover_cancelled"
    r.request_handover("a", "nonsense")
    assert r.cancel_handover("a")
    r.request_handover("a", 0)
    assert sent["a"][-1]["handover"]["seconds"] == HANDOVER_MIN
    assert not r.cancel_handover("nobody")


def test_lost_station_on_air_passes_the_channel_to_its_partner():
    r, sent, clock = roster()
    r.join("a", "spa")
    r.join("b", "spa")
    r.request_handover("a", 10)
    r.lost("b")  # the partner taking over is gone: the countdown is off, Ana stays on air
    assert r.is_on_air("spa", "a") and sent["a"][-1]["handover"] is None
    r.join("b", "spa")  # back, off air
    assert r.is_on_air("spa", "a")
    r.lost("a")
    assert r.is_on_air("spa", "b") and r.log[-1]["reason"] == "connection lost"
    r.lost("b")
    assert r.on_air.get("spa") is None


def test_relay_only_from_another_language_of_the_court_and_witness_state():
    r, sent, clock = roster()
    r.join("a", "spa")
    assert sent["a"][-1]["sources"] == ["floor", "fra"]
    assert r.listen("a", "fra") and r.listening("a") == "fra" and sent["a"][-1]["listening"] == "fra"
    assert not r.listen("a", "spa") and not r.listen("a", "deu") and not r.listen("a", 3)
    assert r.listen("a", "floor")
    r.set_witness("break")
    assert sent["a"][-1]["witness"] == "break"
    r.set_witness("nonsense")
    assert r.witness == "break"


def test_booth_view_parses_and_refuses_malformed_fields():
    v = BoothView.parse(
        {
            "type": "booth",
            "you": "b",
            "on_air": "a",
            "witness": "break",
            "stations": [{"id": "a", "name": "Ana", "connected": True}, "junk", {"id": "b"}],
            "handover": {"from": "a", "to": "b", "seconds": 5, "seconds_left": 4.0},
            "sources": ["floor", "fra", 3],
        },
        now=10.0,
    )
    assert v.partner == {"id": "a", "name": "Ana", "connected": True} and v.taking_over and v.microphone_open
    assert v.countdown(now=11.5) == 2.5 and v.witness == "break" and v.sources == ["floor", "fra"]
    bad = BoothView.parse(
        {
            "type": "booth",
            "stations": "x",
            "handover": {"seconds_left": "soon"},
            "witness": "dancing",
            "you": 5,
        }
    )
    assert (
        bad.stations == [] and bad.handover is None and bad.witness == "waiting" and not bad.microphone_open
    )


class Steady:
    rate, live = 48_000, True

    def open(self) -> None: ...

    def close(self) -> None: ...

    def read(self, n: int) -> np.ndarray:
        return np.full(n, 0.5, np.float32)


def test_microphone_is_closed_off_air_and_while_coughing():
    mic = BoothMicrophone(Steady())
    heard: list[np.ndarray] = []
    mic.taps.append(heard.append)
    assert not mic.read(960).any()  # off air: silence, the level still measured
    assert mic.level_db > -7
    mic.set_open(True)
    assert mic.read(960).all()
    mic.set_cough(True)
    assert not mic.read(960).any() and not mic.sending
    mic.set_cough(False)
    assert mic.read(960).all() and len(heard) == 4 and mic.blocks_muted == 2


def test_headphone_mix_return_level_and_own_voice_on_air():
    out: list[np.ndarray] = []
    mix = HeadphoneMix(out.append, volume=1.0, return_db=-6.0)
    floor = np.full(960, 0.2, np.float32)
    mix.on_return(np.full(960, 0.4, np.float32))  # no floor yet: the return is played alone
    assert abs(out[-1][0] - 0.4 * 10 ** (-6 / 20)) < 1e-3
    mix.on_floor(floor)
    mix.on_return(np.full(960, 0.4, np.float32))  # the partner, while off air
    mix.on_floor(floor)
    assert abs(out[-1][0] - (0.2 + 0.4 * 10 ** (-6 / 20))) < 1e-3
    mix.on_floor(floor)
    assert abs(out[-1][0] - 0.2) < 1e-6  # nothing more to return
    mix.return_db = None
    mix.on_return(np.full(960, 0.4, np.float32))
    mix.on_floor(floor)
    assert abs(out[-1][0] - 0.2) < 1e-6  # the return switched off
    mix.own_on_air, mix.return_db = True, -12.0
    mix.on_return(np.full(960, 0.4, np.float32))  # ignored on air (own voice comes locally)
    mix.on_own(np.full(480, 0.3, np.float32))
    mix.on_floor(floor)
    assert abs(out[-1][0] - (0.2 + 0.3 * 10 ** (-12 / 20))) < 1e-3 and abs(out[-1][-1] - 0.2) < 1e-6
