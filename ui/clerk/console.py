"""Clerk console: plan a session ("New session" form), run it (live masked preview, level, mask
status per audience, recording, breaks, event log) and end and seal it.

The LiveSession is built by ``session_factory(plan)`` given to the constructor, so the desktop wires
the real one (camera, vault) and tests inject their own.  Building it runs on the op runner (loading
the face detector takes a moment).

Signals:
    session_created(object): the SessionController of the new session.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recording.model import Audience, Decision
from recording.session import ROLE_LABELS, Participant, PlanError, Role, SessionPlan, SpecialMeasures, State
from ui.concurrency import OpRunner
from ui.errors import user_message
from ui.session import SessionController, SessionHub
from ui.theme import COURT, apply_theme
from ui.widgets.level_meter import LevelMeter
from ui.widgets.video_view import PipelineFeed, VideoView

SessionFactory = Callable[[SessionPlan], Any]

AUDIENCE_LABELS = {Audience.JUDGE: "Judge", Audience.COURT: "Court", Audience.WITNESS_SELF: "Witness self-view",
                   Audience.SUPPORT: "Support person"}
DECISION_LABELS = {Decision.DETECTED: "face covered", Decision.TRACKED: "face covered (tracked)",
                   Decision.HELD: "face covered (held)", Decision.CURTAINED: "privacy curtain"}

def _fmt_clock(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"

class PlanForm(QWidget):
    """The "New session" form.  ``plan()`` returns a validated SessionPlan or raises PlanError.

    Signals:
        submitted(object): a valid SessionPlan.
    """

    submitted = Signal(object)

    ROLES = [r for r in Role if r is not Role.ACCUSED]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        title = QLabel("New session")
        title.setObjectName("title")
        outer.addWidget(title)
        hint = QLabel("Plan the hearing: who takes part, and how the witness is protected.")
        hint.setObjectName("subtitle")
        outer.addWidget(hint)

        form = QFormLayout()
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText("e.g. T2026-0142")
        self.case_number.setAccessibleName("Case number")
        self.pseudonym = QLineEdit()
        self.pseudonym.setPlaceholderText("e.g. Witness A")
        self.pseudonym.setAccessibleName("Witness pseudonym")
        self.languages = QLineEdit()
        self.languages.setPlaceholderText("ISO 639-2 codes, e.g. spa, fra (empty: none)")
        self.languages.setAccessibleName("Interpreter languages")
        form.addRow("Case number", self.case_number)
        form.addRow("Witness pseudonym", self.pseudonym)
        form.addRow("Interpreter languages", self.languages)
        outer.addLayout(form)

        people = QGroupBox("Participants")
        pl = QVBoxLayout(people)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Languages"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Participants")
        pl.addWidget(self.table)
        row = QHBoxLayout()
        add = QPushButton("Add participant")
        add.setAccessibleName("Add participant")
        add.clicked.connect(lambda: self.add_participant("", Role.PROSECUTION))
        remove = QPushButton("Remove selected")
        remove.setAccessibleName("Remove selected participant")
        remove.clicked.connect(self._remove_selected)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        pl.addLayout(row)
        outer.addWidget(people, 1)

        measures = QGroupBox("Special measures")
        ml = QVBoxLayout(measures)
        self.face_mask = QCheckBox("Mask the witness's face for the court")
        self.voice_mask = QCheckBox("Mask the witness's voice for the court")
        self.judge_unmasked = QCheckBox("The judge sees and hears the witness unmasked")
        self.accused_screened = QCheckBox("Screen the accused from the witness")
        for box in (self.face_mask, self.voice_mask, self.judge_unmasked, self.accused_screened):
            box.setChecked(True)
            box.setAccessibleName(box.text())
            ml.addWidget(box)
        outer.addWidget(measures)

        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Form problems")
        outer.addWidget(self.error)
        self.create = QPushButton("Create session")
        self.create.setObjectName("primary")
        self.create.setAccessibleName("Create session")
        self.create.clicked.connect(self._submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create)
        outer.addLayout(buttons)

        for name, role in (("", Role.JUDGE), ("", Role.CLERK), ("", Role.SUPPORT)):
            self.add_participant(name, role)

    def add_participant(self, name: str, role: Role, languages: str = "") -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        item = QTableWidgetItem(name)
        self.table.setItem(r, 0, item)
        combo = QComboBox()
        combo.setAccessibleName(f"Role of participant {r + 1}")
        for role_ in self.ROLES:
            combo.addItem(ROLE_LABELS[role_], role_)
        combo.setCurrentIndex(self.ROLES.index(role))
        self.table.setCellWidget(r, 1, combo)
        self.table.setItem(r, 2, QTableWidgetItem(languages))

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.table.removeRow(r)

    def participants(self) -> list[Participant]:
        out = []
        for r in range(self.table.rowCount()):
            name_item = self.table.item(r, 0)
            lang_item = self.table.item(r, 2)
            combo = self.table.cellWidget(r, 1)
            role = combo.currentData() if isinstance(combo, QComboBox) else Role.PROSECUTION
            out.append(Participant(name_item.text().strip() if name_item else "", Role(role),
                                   lang_item.text().strip() if lang_item else ""))
        return out

    def plan(self) -> SessionPlan:
        languages = tuple(x.strip().lower() for x in self.languages.text().replace(";", ",").split(",")
                          if x.strip())
        people = self.participants()
        unmasked = ("judge",) if self.judge_unmasked.isChecked() else ()
        measures = SpecialMeasures(face_mask=self.face_mask.isChecked(), voice_mask=self.voice_mask.isChecked(),
                                   unmasked_audiences=unmasked, accused_screened=self.accused_screened.isChecked(),
                                   support_person_present=any(p.role is Role.SUPPORT for p in people))
        pseudonym = self.pseudonym.text().strip()
        if pseudonym and not any(p.role is Role.WITNESS for p in people):
            people.append(Participant(pseudonym, Role.WITNESS))
        plan = SessionPlan(self.case_number.text().strip(), pseudonym, people, measures, languages=languages)
        plan.validate()
        blank = [i + 1 for i, p in enumerate(people) if not p.name]
        if blank:
            raise PlanError(f"participant {blank[0]} has no name")
        if not any(p.role is Role.JUDGE for p in people):
            raise PlanError("add the judge to the participants")
        return plan

    def _submit(self) -> None:
        try:
            plan = self.plan()
        except PlanError as exc:
            self.error.setText(f"Please fix: {exc}.")
            return
        self.error.setText("")
        self.submitted.emit(plan)

    def fill_demo(self) -> None:
        self.case_number.setText("DEMO-2026-001")
        self.pseudonym.setText("Witness A")
        for r, name in enumerate(("HHJ Demo", "Clerk Demo", "Support worker")):
            self.table.item(r, 0).setText(name)

class LivePanel(QWidget):
    """The running session: preview, level, mask status, controls, banner, event log."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.c = controller
        plan = controller.plan
        outer = QVBoxLayout(self)

        head = QHBoxLayout()
        title = QLabel(f"Case {plan.case_number} — {plan.witness_pseudonym}")
        title.setObjectName("title")
        title.setAccessibleName("Case")
        head.addWidget(title, 1)
        self.state_badge = QLabel("")
        self.state_badge.setObjectName("statebadge")
        self.state_badge.setAccessibleName("Session state")
        head.addWidget(self.state_badge)
        self.rec_badge = QLabel("")
        self.rec_badge.setAccessibleName("Recording state")
        head.addWidget(self.rec_badge)
        outer.addLayout(head)

        self.banner = QLabel("")
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Break notice")
        self.banner.hide()
        outer.addWidget(self.banner)

        body = QHBoxLayout()
        left = QVBoxLayout()
        cap = QLabel("What the court sees (masked)")
        cap.setObjectName("subtitle")
        left.addWidget(cap)
        self.preview = VideoView("The masked picture appears here once the session is live.")
        self.preview.setAccessibleName("Masked witness preview (court view)")
        left.addWidget(self.preview, 1)
        lvl = QHBoxLayout()
        lvl_label = QLabel("Witness microphone")
        lvl.addWidget(lvl_label)
        self.meter = LevelMeter()
        self.meter.setAccessibleName("Witness microphone level")
        lvl.addWidget(self.meter, 1)
        left.addLayout(lvl)

        masks = QGroupBox("Masks by audience")
        grid = QGridLayout(masks)
        self.mask_labels: dict[Audience, QLabel] = {}
        self.feeds: dict[Audience, PipelineFeed] = {}
        for row, audience in enumerate((Audience.JUDGE, Audience.COURT, Audience.WITNESS_SELF, Audience.SUPPORT)):
            name = QLabel(AUDIENCE_LABELS[audience])
            grid.addWidget(name, row, 0)
            val = QLabel("—")
            val.setAccessibleName(f"Mask status for {AUDIENCE_LABELS[audience]}")
            grid.addWidget(val, row, 1)
            grid.setColumnStretch(1, 1)
            self.mask_labels[audience] = val
            feed = PipelineFeed(self.preview if audience is Audience.COURT else None, audience)
            self.feeds[audience] = feed
            controller.pipeline.subscribe({audience}, feed)
        left.addWidget(masks)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        self.start_btn = QPushButton("Start session")
        self.start_btn.setObjectName("primary")
        self.rec_btn = QPushButton("Start recording")
        self.break_btn = QPushButton("Break")
        self.end_btn = QPushButton("End and seal session")
        self.end_btn.setObjectName("danger")
        for b, name in ((self.start_btn, "Start session (go live)"), (self.rec_btn, "Start or stop recording"),
                        (self.break_btn, "Start or end a break"), (self.end_btn, "End and seal the session")):
            b.setAccessibleName(name)
            b.setMinimumHeight(40)
            right.addWidget(b)
        self.start_btn.clicked.connect(controller.go_live)
        self.rec_btn.clicked.connect(self._toggle_recording)
        self.break_btn.clicked.connect(self._toggle_break)
        self.end_btn.clicked.connect(controller.end)

        log_title = QLabel("Event log")
        log_title.setObjectName("subtitle")
        right.addWidget(log_title)
        self.events = QListWidget()
        self.events.setAccessibleName("Event log")
        right.addWidget(self.events, 1)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName("Session result")
        right.addWidget(self.result)
        body.addLayout(right, 2)
        outer.addLayout(body, 1)

        controller.state_changed.connect(self._refresh)
        controller.events_changed.connect(self._refresh_events)
        controller.busy_changed.connect(self._refresh)
        controller.break_started.connect(self._on_break_started)
        controller.break_ended.connect(self._refresh)
        controller.ended.connect(self._on_ended)
        controller.failed.connect(self._on_failed)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(200)
        self._status_timer.timeout.connect(self._refresh_status)
        self._status_timer.start()
        self._refresh()
        self._refresh_events()

    # slots -----------------------------------------------------------------------------------
    def _toggle_recording(self) -> None:
        if self.c.recording:
            self.c.stop_recording()
        else:
            self.c.start_recording()

    def _toggle_break(self) -> None:
        if self.c.state is State.BREAK:
            self.c.end_break()
        else:
            self.c.request_break("clerk")

    def _on_break_started(self, by: str) -> None:
        self._refresh()

    def _on_failed(self, message: str) -> None:
        self.result.setText(message)
        self.result.setObjectName("error")
        self.result.setStyleSheet(self.result.styleSheet())  # re-polish for the new object name

    def _on_ended(self, summary: Any) -> None:
        ids = [f"{r['kind']}: {r['id']}" for r in getattr(summary, "recordings", [])]
        text = "Session ended and sealed."
        if ids:
            text += " Recordings in the vault — " + "; ".join(ids)
        errors = getattr(summary, "errors", [])
        if errors:
            text += " Problems: " + "; ".join(errors)
        self.result.setText(text)
        self.preview.clear("The session has ended.")
        self._refresh()

    def _refresh(self, *_: Any) -> None:
        c = self.c
        state = c.state
        busy = c.busy
        self.state_badge.setText(state.value.capitalize())
        self.state_badge.setObjectName("livebadge" if state is State.LIVE else "statebadge")
        self.state_badge.setStyleSheet("")
        live_or_break = state in (State.LIVE, State.BREAK)
        self.start_btn.setEnabled(state in (State.DRAFT, State.WAITING) and not busy)
        self.rec_btn.setEnabled(live_or_break and not busy)
        self.rec_btn.setText("Stop recording" if c.recording else "Start recording")
        self.rec_btn.setObjectName("recording" if c.recording else "")
        self.rec_btn.setStyleSheet("")
        self.rec_badge.setText("● Recording" if c.recording else "Not recording")
        self.rec_badge.setObjectName("badbadge" if c.recording else "subtitle")
        self.rec_badge.setStyleSheet("")
        self.break_btn.setEnabled(live_or_break and not busy)
        self.break_btn.setText("Resume after break" if state is State.BREAK else "Planned break")
        self.end_btn.setEnabled(live_or_break and not busy or state is State.WAITING and not busy)
        if state is State.BREAK:
            by = c.session.lifecycle.breaks[-1]["by"] if c.session.lifecycle.breaks else "witness"
            who = "The witness asked for a break" if by == "witness" else "A planned break is running"
            started = c.break_started_at() or c.now()
            self.banner.setText(f"{who} ({time.strftime('%H:%M', time.localtime(time.time() - (c.now() - started)))}). "
                                "Everyone except the support person sees a privacy curtain and hears silence.")
            self.banner.show()
        else:
            self.banner.hide()

    def _refresh_events(self) -> None:
        events = self.c.session.lifecycle.events
        while self.events.count() < len(events):
            ev = events[self.events.count()]
            self.events.addItem(f"{_fmt_clock(ev.at)}  {ev.kind}: {ev.detail}")
        self.events.scrollToBottom()

    def _refresh_status(self) -> None:
        status = self.c.pipeline.status
        self.meter.set_level(-90.0 if self.c.state is not State.LIVE else status.floor_level_db)
        plan = self.c.plan
        for audience, label in self.mask_labels.items():
            feed = self.feeds[audience]
            if feed.last_decision is None:
                label.setText("no picture yet")
                continue
            unmasked = plan.unmasked(audience)
            if self.c.state is State.BREAK and audience is not Audience.SUPPORT:
                text = "privacy curtain (break)"
            elif unmasked:
                text = "unmasked (allowed by the plan)"
            else:
                text = DECISION_LABELS[feed.last_decision]
            label.setText(f"{text} · {feed.curtained} curtained frames")
        if status.error:
            self.result.setText(status.error)

    def detach(self) -> None:
        self._status_timer.stop()
        for feed in self.feeds.values():
            self.c.pipeline.unsubscribe(feed)

class ClerkConsole(QWidget):
    """The clerk's window.  Give ``controller`` to show a running session (the demo), or
    ``session_factory`` to plan one with the form."""

    session_created = Signal(object)

    def __init__(self, session_factory: SessionFactory | None, runner: OpRunner, hub: SessionHub | None = None,
                 controller: SessionController | None = None, high_contrast: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Testimony Shield — Clerk console")
        self.setAccessibleName("Clerk console")
        apply_theme(self, COURT, high_contrast)
        self._factory = session_factory
        self._runner = runner
        self._hub = hub
        self.controller: SessionController | None = None
        self.live: LivePanel | None = None
        self.stack = QStackedWidget()
        self.form = PlanForm()
        self.form.submitted.connect(self._create_session)
        self.stack.addWidget(self.form)
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)
        self.resize(1100, 720)
        if controller is not None:
            self.attach(controller)

    def _create_session(self, plan: SessionPlan) -> None:
        if self._factory is None:
            self.form.error.setText("This station cannot start sessions.")
            return
        self.form.create.setEnabled(False)
        self.form.error.setText("")

        def ok(session: Any) -> None:
            self.form.create.setEnabled(True)
            self.attach(SessionController(session, self._runner, self))

        def bad(exc: BaseException) -> None:
            self.form.create.setEnabled(True)
            self.form.error.setText(user_message(exc))

        factory = self._factory
        self._runner.run(lambda: factory(plan), ok, bad)

    def attach(self, controller: SessionController) -> None:
        self.controller = controller
        self.live = LivePanel(controller)
        self.stack.addWidget(self.live)
        self.stack.setCurrentWidget(self.live)
        if self._hub is not None:
            self._hub.set_controller(controller)
        self.session_created.emit(controller)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        if self.live is not None:
            self.live.detach()
        super().closeEvent(event)

