"""The judge's list shows session plans and session records as records, never offers them to the
player (they hold encrypted JSON, not media)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.plans import save_plan
from recording.session import demo_plan


def test_plan_records_are_listed_but_not_played(qtbot, unlocked_judge, sealed_vault):
    v, rec_id = sealed_vault
    plan_id = save_plan(v, demo_plan(("spa",)))
    w = unlocked_judge(v)
    kinds = {w.table.model().index(r, 0).data(Qt.ItemDataRole.UserRole): w.table.model().index(r, 1).data()
             for r in range(w.table.model().rowCount())}
    assert kinds[plan_id] == "plan (record, not playable)" and kinds[rec_id] == "masked"
    opened: list[str] = []
    w.recording_opened.connect(opened.append)
    w.play_row([r.id for r in w.recordings].index(plan_id))
    assert "cannot be played" in w.message.text()
    assert w.current_id == "" and not opened
    assert not any(e.event == "view" and e.rec == plan_id for e in v.audit_entries())
    w.close()
