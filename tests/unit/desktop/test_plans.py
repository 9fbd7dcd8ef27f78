"""Session plans stored encrypted in the vault: round trip, nothing of the plan in clear on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.plans import list_plans, load_plan, plan_label, save_plan
from recording.session import (
    PLAN_VERSION,
    GroundRules,
    Participant,
    PlanError,
    Role,
    SessionPlan,
    SpecialMeasures,
)
from tests.helpers.temp_vault import PASS, make_vault, write_recording

PSEUDONYM = "Witness Zephyrine-Quillbottom"


def _plan() -> SessionPlan:
    return SessionPlan(
        "T2026-0777", PSEUDONYM,
        [Participant("HHJ Marjoribanks", Role.JUDGE), Participant("Interpreter Oyelaran-Schmidt", Role.INTERPRETER,
                                                                  "eng>spa"),
         Participant("Support worker", Role.SUPPORT)],
        SpecialMeasures(face_style="blur", unmasked_audiences=("judge", "support")),
        GroundRules(15, 25, 8), languages=("spa",))


def test_round_trip_for_clerk_and_judge(tmp_path: Path):
    v = make_vault(tmp_path / "vault")
    plan = _plan()
    pid = save_plan(v, plan, PASS)
    [info] = list_plans(v)
    assert info.id == pid and info.sealed
    assert info.meta == {"kind": "plan", "case_number": "T2026-0777", "format": "testimony-shield/session-plan",
                         "version": PLAN_VERSION, "recipients": ["judge", "clerk"]}
    assert "T2026-0777" in plan_label(info)
    for role in ("clerk", "judge"):
        back = load_plan(v, pid, v.unlock(role, PASS))
        assert back == plan
    assert any(e.event == "view" and e.rec == pid for e in v.audit_entries())


def test_nothing_of_the_plan_in_clear_on_disk(tmp_path: Path):
    v = make_vault(tmp_path / "vault")
    save_plan(v, _plan(), PASS)
    needles = [s.encode() for s in (PSEUDONYM, "Zephyrine", "Marjoribanks", "Oyelaran", "eng>spa")]
    for f in (tmp_path / "vault").rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            for n in needles:
                assert n not in data, f"{n!r} in clear in {f.relative_to(tmp_path)}"


def test_only_plans_are_listed_and_loaded(tmp_path: Path):
    v = make_vault(tmp_path / "vault")
    media = write_recording(v, b"\x1a\x45\xdf\xa3" + b"x" * 5000, recipients=("judge", "clerk"),
                            meta={"case_number": "T-1", "kind": "masked"})
    older = save_plan(v, _plan(), PASS)
    newer = save_plan(v, _plan(), PASS)
    assert [r.id for r in list_plans(v)] == [newer, older]
    with pytest.raises(PlanError):
        load_plan(v, media, v.unlock("clerk", PASS))


def test_an_invalid_plan_is_not_stored(tmp_path: Path):
    v = make_vault(tmp_path / "vault")
    with pytest.raises(PlanError):
        save_plan(v, SessionPlan("", "W"), PASS)
    assert v.list() == []
