"""The wizard's "room behind the witness" choice reaches the plan, says what it hides, and needs the
face mask."""

from __future__ import annotations

from ui.clerk.plan_summary import BACKDROP_LIMITS, plan_summary_html
from ui.clerk.wizard import SessionWizard


def test_backdrop_choice_in_the_plan_and_its_limits_shown(qtbot):
    w = SessionWizard()
    qtbot.addWidget(w)
    w.fill_demo()
    page = w.measures_page
    assert page.backdrop.currentData() == "off"
    page.backdrop.setCurrentIndex(page.backdrop.findData("masked"))
    plan = w.plan()
    plan.validate()
    assert plan.measures.backdrop == "masked"
    # the clerk reads what it hides and what it does not, beside the choice and in the summary
    assert "does not hide" in BACKDROP_LIMITS and page.backdrop.toolTip() == BACKDROP_LIMITS
    assert "<b>Room</b> hidden from masked audiences" in plan_summary_html(plan)
    # no face mask, no backdrop: the choice is disabled and the plan says off
    w.face_mask.setChecked(False)
    assert not page.backdrop.isEnabled() and w.plan().measures.backdrop == "off"
    w.face_mask.setChecked(True)
    page.backdrop.setCurrentIndex(page.backdrop.findData("all"))
    again = SessionWizard()
    qtbot.addWidget(again)
    again.set_plan(w.plan())
    assert again.measures_page.backdrop.currentData() == "all"
