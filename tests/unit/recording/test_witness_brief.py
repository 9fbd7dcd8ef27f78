"""The witness brief: what a remote witness station is told of the court's plan, and nothing more;
refused when malformed (it comes from another machine); the panel's audiences as data."""

from __future__ import annotations

import copy
import json

import pytest

from recording.session import (
    GroundRules,
    Participant,
    PlanError,
    Role,
    SessionPlan,
    SpecialMeasures,
    State,
    demo_plan,
)
from recording.witness_brief import STATION_PSEUDONYM, panel_audiences, plan_from_brief, witness_brief


def court_plan() -> SessionPlan:
    return SessionPlan(
        "T-2026-77", "Witness Q",
        [Participant("HHJ Ortiz", Role.JUDGE), Participant("Clerk Q", Role.CLERK),
         Participant("Ms Prosecutor", Role.PROSECUTION), Participant("Mr Defender", Role.DEFENCE),
         Participant("The Accused Person", Role.ACCUSED), Participant("Interpreter P", Role.INTERPRETER, "eng>pol"),
         Participant("Witness Q", Role.WITNESS), Participant("Ms Support", Role.SUPPORT)],
        SpecialMeasures(face_style="blur", voice_preset="strong", unmasked_audiences=("judge", "support")),
        GroundRules(15, 25, 7), languages=("pol",), floor_language="deu")


def test_the_brief_carries_what_the_witness_needs_and_nothing_more():
    brief = witness_brief(court_plan())
    text = json.dumps(brief)
    for secret in ("Witness Q", "Prosecutor", "Defender", "Accused Person", "Interpreter P", "Clerk Q"):
        assert secret not in text
    plan = plan_from_brief(json.loads(text))
    assert plan.case_number == "T-2026-77" and plan.witness_pseudonym == STATION_PSEUDONYM
    assert plan.languages == ("pol",) and plan.floor_language == "deu"
    assert plan.measures.face_style == "blur" and plan.measures.voice_preset == "strong"
    assert plan.measures.unmasked_audiences == ("judge", "support")
    assert (plan.rules.break_interval_minutes, plan.rules.break_length_minutes) == (25, 7)
    assert [(p.name, p.role) for p in plan.participants] == [
        ("HHJ Ortiz", Role.JUDGE), (STATION_PSEUDONYM, Role.WITNESS), ("Ms Support", Role.SUPPORT)]


def test_a_court_audience_unmasked_in_the_plan_is_never_unmasked_at_the_witness_station():
    plan = court_plan()
    plan.measures.unmasked_audiences = ("court", "witness_self")
    assert plan_from_brief(witness_brief(plan)).measures.unmasked_audiences == ()


@pytest.mark.parametrize("change", [
    lambda b: b.update(extra=1),
    lambda b: b.pop("judge"),
    lambda b: b.update(version=2),
    lambda b: b.update(version=True),
    lambda b: b.update(case_number=""),
    lambda b: b.update(case_number="x" * 500),
    lambda b: b.update(judge="a\nb"),
    lambda b: b["measures"].update(face_mask="yes"),
    lambda b: b["measures"].update(face_style="none"),
    lambda b: b["measures"].update(voice_preset="loud"),
    lambda b: b["measures"].update(unmasked_audiences=["court"]),
    lambda b: b["measures"].update(unmasked_audiences=["judge", "judge"]),
    lambda b: b["measures"].update(voice_mask=True, voice_preset="off"),
    lambda b: b["measures"].pop("accused_screened"),
    lambda b: b["rules"].update(break_interval_minutes=0),
    lambda b: b["rules"].update(break_interval_minutes=True),
    lambda b: b.update(languages=["es"]),
    lambda b: b.update(languages=["SPA"]),
    lambda b: b.update(languages="spa"),
    lambda b: b.update(floor_language="english"),
    lambda b: b.update(languages=["spa"] * 17),
])
def test_a_malformed_brief_is_refused(change):
    brief = copy.deepcopy(witness_brief(court_plan()))
    change(brief)
    with pytest.raises(PlanError):
        plan_from_brief(brief)
    with pytest.raises(PlanError):
        plan_from_brief([brief])


def _who(rows):
    return {r["audience"]: (r["sees"], r["hears"]) for r in rows}


def test_panel_audiences_follow_the_plan_and_the_state():
    plan = plan_from_brief(witness_brief(court_plan()))
    live = _who(panel_audiences(plan, State.LIVE))
    assert live == {"judge": ("face", "own voice"), "court": ("covered face", "changed voice"),
                    "accused": ("nothing", "changed voice"), "support": ("face", "own voice")}
    assert panel_audiences(plan, State.LIVE)[0]["name"] == "HHJ Ortiz"
    assert _who(panel_audiences(plan, State.BREAK)) == {
        "judge": ("curtain", "nothing"), "court": ("curtain", "nothing"), "support": ("face", "own voice")}
    assert _who(panel_audiences(plan, State.WAITING)) == {"support": ("face", "own voice")}
    assert panel_audiences(plan, State.SEALED) == []
    demo = _who(panel_audiences(demo_plan(), State.LIVE))  # the demo: the judge unmasked, the rest masked
    assert demo["judge"] == ("face", "own voice") and demo["court"] == ("covered face", "changed voice")
    masked = court_plan()
    masked.measures.unmasked_audiences = ()
    assert _who(panel_audiences(masked, State.LIVE))["judge"] == ("covered face", "changed voice")


def test_where_the_witness_is_and_who_joins_remotely_are_plan_fields():
    plan = court_plan()
    assert plan.witness_location == "in_building" and not plan.remote
    plan.witness_location = "remote"
    plan.participants[5].remote = True  # the Polish interpreter joins from elsewhere
    plan.validate()
    back = SessionPlan.from_dict(json.loads(json.dumps(plan.to_dict())))
    assert back.remote and back.participants[5].remote and not back.participants[0].remote
    assert back.to_dict() == plan.to_dict()
    # a plan file without the fields (session-plan v1 as first written) is a hearing in the building
    old = plan.to_dict()
    old.pop("witness_location")
    for p in old["participants"]:
        p.pop("remote")
    assert not SessionPlan.from_dict(old).remote


@pytest.mark.parametrize("change, words", [
    (lambda p: setattr(p, "witness_location", "moon"), "where the witness is"),
    (lambda p: setattr(p.participants[0], "remote", True), "only interpreters"),
    (lambda p: (setattr(p, "witness_location", "in_building"), setattr(p.participants[5], "remote", True)),
     "plan the witness as remote"),
    (lambda p: (setattr(p.participants[5], "remote", True), setattr(p.participants[5], "languages", "eng>ukr")),
     "interprets into none of the plan's"),
    (lambda p: setattr(p.measures, "unmasked_audiences", ("judge", "court")), "always masked for the court"),
])
def test_remote_plan_rules(change, words):
    plan = court_plan()
    plan.witness_location = "remote"
    change(plan)
    with pytest.raises(PlanError, match=words):
        plan.validate()
