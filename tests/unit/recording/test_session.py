import pytest

from recording.model import Audience
from recording.session import (
    IllegalTransition,
    PlanError,
    SessionLifecycle,
    SessionPlan,
    SpecialMeasures,
    State,
    demo_plan,
)
from tests.helpers.fakes import FakeClock


def test_plan_round_trip_and_version():
    plan = demo_plan(("spa", "fra"))
    d = plan.to_dict()
    assert d["version"] == 1
    again = SessionPlan.from_dict(d)
    assert again == plan
    d["version"] = 99
    with pytest.raises(PlanError):
        SessionPlan.from_dict(d)


def test_plan_validation():
    with pytest.raises(PlanError, match="case number"):
        SessionPlan(" ", "W").validate()
    with pytest.raises(PlanError, match="ISO 639-2"):
        SessionPlan("C1", "W", languages=("spanish",)).validate()
    # "masked" with the "off" preset would send the natural voice to every masked audience
    with pytest.raises(PlanError, match="voice mask is on"):
        SessionPlan("C1", "W", measures=SpecialMeasures(voice_mask=True, voice_preset="off")).validate()
    SessionPlan("C1", "W", measures=SpecialMeasures(voice_mask=False, voice_preset="off")).validate()


def test_only_authorised_audiences_unmasked():
    plan = demo_plan()
    assert plan.unmasked(Audience.JUDGE)
    assert plan.unmasked(Audience.RECORD_RAW)
    assert not plan.unmasked(Audience.COURT)
    assert not plan.unmasked(Audience.WITNESS_SELF)
    assert not plan.unmasked(Audience.RECORD_MASKED)
    # a plan file listing them does not unmask the masked recording or the witness's self-view
    d = plan.to_dict()
    d["measures"]["unmasked_audiences"] = [a.value for a in Audience]
    listed = SessionPlan.from_dict(d)
    assert listed.unmasked(Audience.COURT) and listed.unmasked(Audience.SUPPORT)
    assert not listed.unmasked(Audience.RECORD_MASKED) and not listed.unmasked(Audience.WITNESS_SELF)


def test_lifecycle_and_event_log_times():
    clock = FakeClock(100.0)
    s = SessionLifecycle(demo_plan(), clock)
    with pytest.raises(IllegalTransition):
        s.transition(State.LIVE)
    s.transition(State.WAITING)
    clock.advance(5)
    s.transition(State.LIVE)
    clock.advance(60)
    s.start_break("witness", 60.0)
    with pytest.raises(IllegalTransition):
        s.transition(State.SEALED)
    clock.advance(300)
    s.end_break(360.0)
    s.transition(State.ENDED)
    s.transition(State.SEALED)
    assert [e.at for e in s.events] == [0.0, 5.0, 65.0, 365.0, 365.0, 365.0]
    assert s.breaks == [{"by": "witness", "start": 60.0, "end": 360.0}]
