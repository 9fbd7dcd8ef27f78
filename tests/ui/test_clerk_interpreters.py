"""The clerk's interpreter desks in the channel matrix ("Hand over to …", relay choice), and the plan
kept in the vault ("Open saved plan…", the wizard's plan stored before the session is created)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from recording.audio.mixer import FLOOR, DeskSource, InterpreterDesks
from recording.model import Audience
from recording.pipeline import SessionPipeline
from recording.session import demo_plan
from tests.helpers.fake_session import FakeLiveSession
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.helpers.sources import ToneSource
from ui.clerk.console import ClerkConsole
from ui.session import SessionController


class DeskSession(FakeLiveSession):
    """The fake session with LiveSession's interpreter desks: two Spanish interpreters, one French."""

    def __init__(self) -> None:
        super().__init__(demo_plan(("spa", "fra")))
        self.desks = InterpreterDesks(
            {"spa": DeskSource("spa", {"Interpreter A (spa)": ToneSource(660), "Interpreter B (spa)": ToneSource(880)}),
             "fra": DeskSource("fra", {"Interpreter A (fra)": ToneSource(550)})},
            on_event=lambda d: self.lifecycle.log("interpreter", d))
        self.pipeline = SessionPipeline(self.plan, self.video, ToneSource(), BoxMasker((100, 40, 220, 160)),
                                        GainVoice, interpreters=self.desks.sources(), realtime=True)
        self.desks.attach(self.pipeline)


class Spanish:
    """Keeps the court's Spanish channel."""

    def __init__(self) -> None:
        self.blocks: list[tuple[int, np.ndarray]] = []

    def on_video(self, *a) -> None:
        pass

    def on_audio(self, audience, channel, samples, start) -> None:
        if channel == "spa":
            self.blocks.append((start, samples.copy()))


def test_hand_over_and_relay_from_the_channel_matrix(qtbot, runner):
    session = DeskSession()
    c = SessionController(session, runner)
    w = ClerkConsole(None, runner, controller=c)
    qtbot.addWidget(w)
    w.show()
    live = w.live
    spa_btn, fra_btn = live.hand_over_buttons["spa"], live.hand_over_buttons["fra"]
    assert spa_btn.text() == "Hand over to Interpreter B (spa)" and spa_btn.isEnabled()
    assert spa_btn.accessibleName() and not fra_btn.isEnabled()  # French has one interpreter only
    assert live.live_labels["spa"].text() == "On air: Interpreter A (spa)"
    spa = Spanish()
    session.pipeline.subscribe({Audience.COURT}, spa)
    c.go_live()
    qtbot.waitUntil(lambda: len(spa.blocks) >= 25, timeout=4000)
    qtbot.mouseClick(spa_btn, Qt.MouseButton.LeftButton)
    assert session.desks.active("spa") == "Interpreter B (spa)"
    assert live.live_labels["spa"].text() == "On air: Interpreter B (spa)"
    assert spa_btn.text() == "Hand over to Interpreter A (spa)"
    n = len(spa.blocks)
    qtbot.waitUntil(lambda: len(spa.blocks) >= n + 25, timeout=4000)
    x = np.concatenate([s for _, s in sorted(spa.blocks, key=lambda b: b[0])])
    starts = sorted(t for t, _ in spa.blocks)
    assert starts == list(range(0, len(x), 960))  # no block missing
    env = np.sqrt(np.convolve(x.astype(np.float64) ** 2, np.ones(480) / 480, "valid"))
    assert env.min() > 0.13, "the Spanish channel went quiet"  # a 0.25 tone: 0.18 RMS

    relay = live.relay_boxes["spa"]
    assert [relay.itemData(i) for i in range(relay.count())] == [FLOOR, "fra"]
    assert relay.accessibleName() == "What the Spanish interpreters listen to"
    relay.setCurrentIndex(relay.findData("fra"))
    assert session.desks.relay("spa") == "fra" and session.desks.returns["spa"].channel == "fra"
    qtbot.waitUntil(lambda: any("relay" in live.events.item(i).text() for i in range(live.events.count())),
                    timeout=2000)
    texts = [live.events.item(i).text() for i in range(live.events.count())]
    assert any("hand-over from Interpreter A (spa) to Interpreter B (spa)" in t for t in texts)
    c.end()
    qtbot.waitUntil(lambda: not spa_btn.isEnabled(), timeout=5000)
    c.stop_polling()
    w.close()


def test_the_plan_is_saved_before_the_session_and_opened_again(qtbot, runner, fake_session):
    store: dict[str, object] = {}

    def save(plan):
        pid = f"{len(store):016x}"
        store[pid] = plan
        return pid

    made = []

    def factory(plan):
        assert store, "the plan is stored before the session is created"
        made.append(plan)
        return fake_session(plan)

    w = ClerkConsole(factory, runner, save_plan=save,
                     list_plans=lambda: [(pid, f"Case {p.case_number}") for pid, p in store.items()],
                     load_plan=lambda pid: store[pid])
    qtbot.addWidget(w)
    w.show()
    assert w.open_plan_btn.accessibleName() and w.save_plan_btn.accessibleName()
    w.form.fill_demo(("spa",))
    w.form.case_number.setText("T2026-0901")
    with qtbot.waitSignal(w.plan_saved, timeout=3000):
        qtbot.mouseClick(w.save_plan_btn, Qt.MouseButton.LeftButton)
    assert "saved in the vault" in w.plan_status.text() and len(store) == 1

    w.form.case_number.setText("something else")
    qtbot.mouseClick(w.open_plan_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.plans_dialog is not None and w.plans_dialog.isVisible(), timeout=3000)
    d = w.plans_dialog
    assert d.list.count() == 1 and d.list.item(0).text() == "Case T2026-0901"
    d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open).click()
    qtbot.waitUntil(lambda: w.form.case_number.text() == "T2026-0901", timeout=3000)
    assert "Opened the saved plan" in w.plan_status.text()

    with qtbot.waitSignal(w.session_created, timeout=5000):
        qtbot.mouseClick(w.form.create, Qt.MouseButton.LeftButton)
    # the opened plan is unchanged, so it is not stored a second time
    assert len(store) == 1 and made[0].case_number == "T2026-0901"
    assert any(e.kind == "plan" for e in w.controller.session.lifecycle.events)
    w.close()


def test_the_saved_plans_dialog_with_none(qtbot, runner):
    w = ClerkConsole(None, runner, list_plans=lambda: [], load_plan=lambda pid: None)
    qtbot.addWidget(w)
    assert not w.save_plan_btn.isEnabled()
    qtbot.mouseClick(w.open_plan_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.plans_dialog is not None and w.plans_dialog.isVisible(), timeout=3000)
    ok = w.plans_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open)
    assert not ok.isEnabled()
    w.plans_dialog.reject()
    w.close()
