"""Witness station: a calm screen for the witness in the safe room.

* their own MASKED self-view (reassurance that the court cannot see their face);
* the person questioning them (a calm card until the remote link exists) — never the accused;
* a very large "I need a break" button (also B or Space): the break starts at once, with no
  confirmation and no reason asked;
* during a break a grounding screen with a gentle timer and "I'm ready to continue";
* "Who can see and hear me now", derived from the plan and the session state.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recording.model import Audience
from recording.session import Role, SessionPlan, State
from ui.session import SessionController, SessionHub
from ui.theme import WITNESS, apply_theme
from ui.widgets.video_view import PipelineFeed, VideoView

GROUNDING = ("Nobody in court can see or hear you now.\n\n"
             "Breathe in slowly for four… and out for six.\n"
             "Notice five things you can see around you.\n\n"
             "Take as long as you need.")


def _first(plan: SessionPlan, role: Role) -> str:
    return next((p.name for p in plan.participants if p.role is role and p.name), "")


def who_can_see_me(plan: SessionPlan, state: State | None, recording: bool) -> list[str]:
    """Plain sentences for the "Who can see and hear me now" panel.  Never names the accused."""
    support = _first(plan, Role.SUPPORT)
    if state is None or state in (State.DRAFT, State.WAITING):
        lines = ["Nobody in court yet — the hearing has not started."]
        if support:
            lines.append(f"{support} (your support person) is with you.")
        return lines
    if state is State.BREAK:
        who = f"{support}, your support person" if support else "your support person"
        return [f"Nobody except {who}. The court sees a curtain and hears nothing."]
    if state in (State.ENDED, State.SEALED):
        return ["Nobody. The hearing has finished. Thank you."]
    m = plan.measures
    judge = _first(plan, Role.JUDGE) or "The judge"
    face = m.face_mask
    voice = m.voice_mask
    masked = ("with your face covered" if face else "your face") + (
        " and your voice changed" if voice else "")
    if plan.unmasked(Audience.JUDGE):
        lines = [f"{judge} (the judge) sees your face and hears your own voice."]
    else:
        lines = [f"{judge} (the judge) sees you {masked}."]
    lines.append(f"The lawyers, the clerk and interpreters see you {masked}.")
    if m.accused_screened:
        lines.append("The accused cannot see you.")
    if support:
        lines.append(f"{support} (your support person) is with you.")
    lines.append("This is being recorded for the court." if recording else "Nothing is being recorded.")
    return lines


class WitnessStation(QWidget):
    """The witness's window.  Shows the hub's session (or the one given)."""

    def __init__(self, hub: SessionHub | None = None, controller: SessionController | None = None,
                 high_contrast: bool = False, text_scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Testimony Shield — Witness")
        self.setAccessibleName("Witness station")
        apply_theme(self, WITNESS, high_contrast, text_scale)
        self.c: SessionController | None = None
        self._feed: PipelineFeed | None = None

        self.stack = QStackedWidget()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

        # main page -------------------------------------------------------------------------------
        main = QWidget()
        main.setObjectName("mainPage")
        ml = QVBoxLayout(main)
        ml.setContentsMargins(28, 22, 28, 22)
        ml.setSpacing(16)
        self.greeting = QLabel("Welcome. Take your time.")
        self.greeting.setObjectName("title")
        self.greeting.setAccessibleName("Greeting")
        ml.addWidget(self.greeting)

        views = QHBoxLayout()
        views.setSpacing(16)
        questioner = QFrame()
        questioner.setObjectName("card")
        ql = QVBoxLayout(questioner)
        ql.setContentsMargins(20, 20, 20, 20)
        q_cap = QLabel("Speaking to you")
        q_cap.setObjectName("subtitle")
        ql.addWidget(q_cap)
        ql.addStretch(1)
        self.questioner = QLabel("Judge")
        self.questioner.setObjectName("title")
        self.questioner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.questioner.setWordWrap(True)
        self.questioner.setAccessibleName("Person speaking to you")
        ql.addWidget(self.questioner)
        ql.addStretch(1)
        views.addWidget(questioner, 3)

        selfcard = QFrame()
        selfcard.setObjectName("card")
        sl = QVBoxLayout(selfcard)
        sl.setContentsMargins(16, 16, 16, 16)
        s_cap = QLabel("How the court sees you")
        s_cap.setObjectName("subtitle")
        sl.addWidget(s_cap)
        self.self_view = VideoView("Your picture will appear here, with your face covered.")
        self.self_view.setAccessibleName("Your own picture, masked as the court sees it")
        sl.addWidget(self.self_view, 1)
        views.addWidget(selfcard, 2)
        ml.addLayout(views, 3)

        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        who = QFrame()
        who.setObjectName("card")
        wl = QVBoxLayout(who)
        wl.setContentsMargins(20, 16, 20, 16)
        w_cap = QLabel("Who can see and hear me now")
        w_cap.setObjectName("subtitle")
        wl.addWidget(w_cap)
        self.who = QLabel("")
        self.who.setWordWrap(True)
        self.who.setAccessibleName("Who can see and hear me now")
        wl.addWidget(self.who)
        wl.addStretch(1)
        bottom.addWidget(who, 3)

        self.break_button = QPushButton("I need a break")
        self.break_button.setObjectName("breakButton")
        self.break_button.setAccessibleName("I need a break")
        self.break_button.setAccessibleDescription("Stops the court seeing and hearing you at once. Shortcut: B or Space.")
        self.break_button.setToolTip("Press at any time. You do not have to say why. (B or Space)")
        self.break_button.clicked.connect(self.take_break)
        bottom.addWidget(self.break_button, 2)
        ml.addLayout(bottom, 2)
        self.stack.addWidget(main)

        # break page ------------------------------------------------------------------------------
        brk = QWidget()
        brk.setObjectName("breakPage")
        bl = QVBoxLayout(brk)
        bl.setContentsMargins(40, 40, 40, 40)
        bl.addStretch(1)
        head = QLabel("You are on a break")
        head.setObjectName("title")
        head.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bl.addWidget(head)
        self.grounding = QLabel(GROUNDING)
        self.grounding.setObjectName("grounding")
        self.grounding.setWordWrap(True)
        self.grounding.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grounding.setAccessibleName("Break guidance")
        bl.addWidget(self.grounding)
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("breakTimer")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label.setAccessibleName("Time on break")
        bl.addWidget(self.timer_label)
        self.ready_button = QPushButton("I'm ready to continue")
        self.ready_button.setObjectName("readyButton")
        self.ready_button.setAccessibleName("I'm ready to continue")
        self.ready_button.clicked.connect(self.resume)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ready_button)
        row.addStretch(1)
        bl.addLayout(row)
        bl.addStretch(1)
        self.stack.addWidget(brk)
        self.break_page = brk

        for key in ("B", "Space"):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(self._shortcut_break)

        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._update_timer)
        self._break_started_at: float | None = None

        self.resize(1100, 720)
        if hub is not None:
            hub.session_changed.connect(self.attach)
            if hub.controller is not None and controller is None:
                controller = hub.controller
        self.attach(controller)

    # session ---------------------------------------------------------------------------------
    def attach(self, controller: SessionController | None) -> None:
        if self.c is not None and self._feed is not None:
            self.c.pipeline.unsubscribe(self._feed)
        self.c = controller
        self._feed = None
        if controller is not None:
            self._feed = PipelineFeed(self.self_view, Audience.WITNESS_SELF)
            controller.pipeline.subscribe({Audience.WITNESS_SELF}, self._feed)
            controller.state_changed.connect(self._refresh)
            controller.events_changed.connect(self._refresh)
            plan = controller.plan
            judge = _first(plan, Role.JUDGE) or "the judge"
            self.questioner.setText(f"Judge — {judge}\n(speaking)")
            self.greeting.setText(f"Welcome, {plan.witness_pseudonym}. Take your time.")
        self._refresh()

    def _refresh(self, *_: Any) -> None:
        c = self.c
        state = c.state if c is not None else None
        lines = who_can_see_me(c.plan, state, c.recording) if c is not None else [
            "Nobody yet — the hearing has not started."]
        self.who.setText("\n".join(f"•  {line}" for line in lines))
        self.break_button.setEnabled(state is State.LIVE)
        if state is State.BREAK:
            if self.stack.currentWidget() is not self.break_page:
                self._break_started_at = c.break_started_at() if c is not None else None
                self.stack.setCurrentWidget(self.break_page)
                self.ready_button.setFocus()
                self._tick.start()
                self._update_timer()
        else:
            if self.stack.currentWidget() is self.break_page:
                self.stack.setCurrentIndex(0)
                self._tick.stop()
        if state in (State.ENDED, State.SEALED):
            self.self_view.clear("The hearing has finished. Thank you.")

    def _update_timer(self) -> None:
        if self.c is None:
            return
        start = self._break_started_at if self._break_started_at is not None else self.c.now()
        s = max(0, int(self.c.now() - start))
        self.timer_label.setText(f"{s // 60:02d}:{s % 60:02d}")

    # actions ---------------------------------------------------------------------------------
    def take_break(self) -> None:
        """The witness's break: at once, no confirmation, no reason."""
        if self.c is None or self.c.state is not State.LIVE:
            return
        self.c.request_break("witness")
        self._refresh()

    def _shortcut_break(self) -> None:
        if self.stack.currentWidget() is not self.break_page:
            self.take_break()

    def resume(self) -> None:
        if self.c is not None:
            self.c.end_break()
        self._refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        if self.c is not None and self._feed is not None:
            self.c.pipeline.unsubscribe(self._feed)
            self._feed = None
        super().closeEvent(event)
