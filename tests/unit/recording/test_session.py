from dataclasses import replace

import pytest

from recording.model import Audience
from recording.session import (
    IllegalTransition,
    Participant,
    PlanError,
    Role,
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
    assert d["version"] == 2  # 2 added measures.backdrop
    again = SessionPlan.from_dict(d)
    assert again == plan
    d["version"] = 99
    with pytest.raises(PlanError):
        SessionPlan.from_dict(d)


def _complete(**changes) -> SessionPlan:
    plan = SessionPlan("C1", "W", [Participant("HHJ", Role.JUDGE), Participant("Sam", Role.SUPPORT)])
    return replace(plan, **changes)


def test_plan_validation():
    _complete().validate()
    with pytest.raises(PlanError, match="case number"):
        _complete(case_number=" ").validate()
    with pytest.raises(PlanError, match="ISO 639-2"):
        _complete(languages=("spanish",)).validate()
    # "masked" with the "off" preset would send the natural voice to every masked audience
    with pytest.raises(PlanError, match="voice mask is on"):
        _complete(measures=SpecialMeasures(voice_mask=True, voice_preset="off")).validate()
    _complete(measures=SpecialMeasures(voice_mask=False, voice_preset="off")).validate()


def test_every_problem_names_its_field():
    """The rules the wizard showed are the plan's own, so a plan file, a saved plan and the headless
    demo are held to them too; each problem names the field the clerk must fix."""
    bad = SessionPlan(" ", "", [Participant("", Role.CLERK), Participant("Ana", Role.INTERPRETER, "spanish")],
                      SpecialMeasures(voice_preset="off", support_person_present=True),
                      languages=("spa", "spa", "eng", "es"), floor_language="eng")
    fields = [e.field for e in bad.problems()]
    assert fields == ["case_number", "witness_pseudonym", "participants.0.name", "participants.1.languages",
                      "participants", "measures.support_person_present", "measures.voice_preset",
                      "languages", "languages", "languages"]
    assert "listed twice" in str(bad.problems()[-2]) and "floor language" in str(bad.problems()[-1])
    with pytest.raises(PlanError) as err:
        bad.validate()
    assert err.value.field == "case_number"
    assert [e.field for e in _complete(floor_language="english").problems()] == ["floor_language"]


def test_both_ways_interpreter_serves_both_languages():
    """"spa<>eng" interprets into Spanish and into English (the wizard called Spanish covered while
    ``interpreters_for("spa")`` found nobody)."""
    plan = _complete(participants=[Participant("HHJ", Role.JUDGE), Participant("Sam", Role.SUPPORT),
                                   Participant("Ana", Role.INTERPRETER, "spa<>eng"),
                                   Participant("Luc", Role.INTERPRETER, "eng>fra"),
                                   Participant("Spa Eng", Role.DEFENCE, "spa<>eng")], languages=("spa", "fra"))
    plan.validate()
    assert plan.interpreters_for("spa") == ["Ana"]
    assert plan.interpreters_for("eng") == ["Ana"]
    assert plan.interpreters_for("fra") == ["Luc"]
    assert plan.interpreters_for("pol") == []


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
