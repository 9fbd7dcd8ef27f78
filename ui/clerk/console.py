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
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recording.model import Audience, Decision
from recording.schedule import clock_text
from recording.session import PlanError, SessionPlan, State
from ui.clerk.wizard import SessionWizard
from ui.concurrency import OpRunner
from ui.errors import user_message
from ui.i18n import language_name
from ui.session import SessionController, SessionHub
from ui.theme import COURT, apply_theme
from ui.widgets.channel_matrix import ChannelLevels, ChannelMatrix
from ui.widgets.level_meter import LevelMeter
from ui.widgets.timeline import Span, Timeline
from ui.widgets.video_view import PipelineFeed, VideoView

SessionFactory = Callable[[SessionPlan], Any]

AUDIENCE_LABELS = {Audience.JUDGE: "Judge", Audience.COURT: "Court", Audience.WITNESS_SELF: "Witness self-view",
                   Audience.SUPPORT: "Support person"}
DECISION_LABELS = {Decision.DETECTED: "face covered", Decision.TRACKED: "face covered (tracked)",
                   Decision.HELD: "face covered (held)", Decision.CURTAINED: "privacy curtain"}

def _fmt_clock(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"

PlanForm = SessionWizard  # the former one-page form; the wizard keeps its fields and buttons


REMIND_WINDOW = 120.0  # seconds: BreakSchedule's default reminder time


def timeline_spans(lifecycle: Any, rules: Any, now: float | None = None) -> tuple[float, list[Span], list[Span]]:
    """(now, planned, actual) on the session timeline (seconds since the session went live), from the
    lifecycle's log: planned breaks come ``break_interval`` after each questioning stretch starts
    (going live, or the end of a break), with the next two projected ahead."""
    events = [e for e in lifecycle.events if e.kind == "state"]
    t0 = next((e.at for e in events if e.detail.split(" (")[0].endswith("-> live")), None)
    if t0 is None:
        return 0.0, [], []
    now = lifecycle.now() if now is None else now
    end = next((e.at for e in reversed(events) if e.detail.split(" (")[0].endswith("-> ended")), None)
    if end is not None:  # the session is over: "now" stays where it ended
        now = min(now, end)
    now -= t0
    interval = rules.break_interval_minutes * 60.0
    length = rules.break_length_minutes * 60.0
    stretches = [0.0]
    actual: list[Span] = []
    who = [b.get("by", "witness") for b in getattr(lifecycle, "breaks", [])]
    for e in events:
        head = e.detail.split(" (")[0]
        if head.endswith("-> break"):
            actual.append(Span(e.at - t0, None, who[len(actual)] if len(actual) < len(who) else "witness"))
        elif head.startswith("break ->") and actual and actual[-1].end is None:
            actual[-1] = Span(actual[-1].start, e.at - t0, actual[-1].label)
            if head.endswith("-> live"):
                stretches.append(e.at - t0)
    # a stretch's planned break is shown when that stretch was still running near it (a witness break
    # long before it replaced it: the next stretch has its own plan)
    planned = []
    for i, s in enumerate(stretches):
        p = s + interval
        ended_by = actual[i].start if i < len(actual) else None
        if ended_by is None or ended_by >= p - min(REMIND_WINDOW, interval / 4):
            planned.append(Span(p, p + length))
    on_break = bool(actual) and actual[-1].end is None
    ended = lifecycle.state.value in ("ended", "sealed")
    if on_break and not ended:  # the next plan: after this break's planned length
        nxt = max(now, actual[-1].start + length) + interval
        planned.append(Span(nxt, nxt + length))
    elif not ended and planned:
        for _ in range(2):  # the next two, projected from the current one
            nxt = max(planned[-1].end or 0.0, now) + interval
            planned.append(Span(nxt, nxt + length))
    return now, planned, actual


class LivePanel(QWidget):
    """The running session: preview, channel matrix, mask status, controls, the break schedule
    (countdown, reminder, questioning-limit warning), the timeline and the event log."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.c = controller
        plan = controller.plan
        self.schedule = getattr(controller.session, "schedule", None)
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
        self.reminder = QLabel("")
        self.reminder.setObjectName("banner")
        self.reminder.setWordWrap(True)
        self.reminder.setAccessibleName("Planned break reminder")
        self.reminder.hide()
        outer.addWidget(self.reminder)
        self.limit_warning = QLabel("")
        self.limit_warning.setObjectName("alert")
        self.limit_warning.setWordWrap(True)
        self.limit_warning.setAccessibleName("Questioning limit warning")
        self.limit_warning.hide()
        outer.addWidget(self.limit_warning)

        body = QHBoxLayout()
        left = QVBoxLayout()
        cap = QLabel("What the court sees (masked)")
        cap.setObjectName("subtitle")
        left.addWidget(cap)
        self.preview = VideoView("The masked picture appears here once the session is live.")
        self.preview.setAccessibleName("Masked witness preview (court view)")
        left.addWidget(self.preview, 1)
        # the witness microphone level (the floor as captured, before masking)
        lvl = QHBoxLayout()
        lvl.addWidget(QLabel("Witness microphone"))
        self.meter = LevelMeter()
        self.meter.setAccessibleName("Witness microphone level")
        lvl.addWidget(self.meter, 1)
        left.addLayout(lvl)
        channels = [("floor", f"Floor ({plan.floor_language})", "witness, masked for the court")]
        for lang in plan.languages:
            interp = plan.interpreters_for(lang)
            channels.append((lang, f"{language_name(lang, native=False)} ({lang})",
                             ", ".join(interp) if interp else "interpreter"))
        self.levels = ChannelLevels(Audience.COURT)
        controller.pipeline.subscribe({Audience.COURT}, self.levels)
        self.channels = ChannelMatrix(channels, self.levels)
        self.desks = getattr(controller.session, "desks", None)
        self.live_labels: dict[str, QLabel] = {}
        self.hand_over_buttons: dict[str, QPushButton] = {}
        self.relay_boxes: dict[str, QComboBox] = {}
        for lang in plan.languages:
            if self.desks is not None and lang in self.desks:
                self.channels.add_controls(lang, self._desk_controls(lang))
        left.addWidget(self.channels)
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
            b.setMinimumHeight(36)
            right.addWidget(b)
        self.start_btn.clicked.connect(controller.go_live)
        self.rec_btn.clicked.connect(self._toggle_recording)
        self.break_btn.clicked.connect(self._toggle_break)
        self.end_box: QMessageBox | None = None
        self.end_btn.clicked.connect(self.confirm_end)
        self.new_btn = QPushButton("New session…")
        self.new_btn.setAccessibleName("Plan a new session")
        self.new_btn.setMinimumHeight(36)
        self.new_btn.setVisible(False)  # once this session is sealed
        right.addWidget(self.new_btn)

        sched = QGroupBox("Breaks")
        sl = QVBoxLayout(sched)
        self.countdown = QLabel("—")
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName("Time to the next planned break")
        sl.addWidget(self.countdown)
        self.schedule_note = QLabel("")
        self.schedule_note.setObjectName("hint")
        self.schedule_note.setWordWrap(True)
        self.schedule_note.setAccessibleName("Questioning stretch")
        self.schedule_note.setMinimumHeight(self.schedule_note.fontMetrics().lineSpacing() * 3 + 4)
        sl.addWidget(self.schedule_note)
        right.addWidget(sched)

        masks = QGroupBox("Masks by audience")
        grid = QGridLayout(masks)
        self.mask_labels: dict[Audience, QLabel] = {}
        self.feeds: dict[Audience, PipelineFeed] = {}
        for row, audience in enumerate((Audience.JUDGE, Audience.COURT, Audience.WITNESS_SELF, Audience.SUPPORT)):
            grid.addWidget(QLabel(AUDIENCE_LABELS[audience]), row, 0)
            val = QLabel("—")
            val.setAccessibleName(f"Mask status for {AUDIENCE_LABELS[audience]}")
            grid.addWidget(val, row, 1)
            grid.setColumnStretch(1, 1)
            self.mask_labels[audience] = val
            feed = PipelineFeed(self.preview if audience is Audience.COURT else None, audience)
            self.feeds[audience] = feed
            controller.pipeline.subscribe({audience}, feed)
        right.addWidget(masks)

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

        self.timeline = Timeline()
        outer.addWidget(self.timeline)

        controller.state_changed.connect(self._refresh)
        controller.state_changed.connect(self.tick_schedule)
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
        self._schedule_timer = QTimer(self)
        self._schedule_timer.setInterval(1000)
        self._schedule_timer.timeout.connect(self.tick_schedule)
        self._schedule_timer.start()
        self._over_limit = False
        self._refresh()
        self._refresh_events()
        self.tick_schedule()

    def _desk_controls(self, lang: str) -> QWidget:
        """The interpreter desk of ``lang``: who is live, "Hand over to …", and the relay choice (what
        the interpreters listen to: the floor or another language channel)."""
        name = language_name(lang, native=False)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        live = QLabel("")
        live.setAccessibleName(f"{name} interpreter on air")
        row.addWidget(live)
        btn = QPushButton("")
        btn.setAccessibleName(f"Hand the {name} channel over to the other interpreter")
        btn.clicked.connect(lambda _=False, lang=lang: self.hand_over(lang))
        row.addWidget(btn)
        relay = QComboBox()
        relay.setAccessibleName(f"What the {name} interpreters listen to")
        for ch in self.desks.relay_choices(lang):
            relay.addItem("Listens to the floor" if ch == "floor" else
                          f"Relay from {language_name(ch, native=False)} ({ch})", ch)
        relay.setCurrentIndex(max(0, relay.findData(self.desks.relay(lang))))
        relay.currentIndexChanged.connect(lambda _i, lang=lang: self.set_relay(lang, self.relay_boxes[lang].currentData()))
        row.addWidget(relay)
        self.live_labels[lang], self.hand_over_buttons[lang], self.relay_boxes[lang] = live, btn, relay
        self._refresh_desk(lang)
        return box

    def _refresh_desk(self, lang: str) -> None:
        active, nxt = self.desks.active(lang), self.desks.next_interpreter(lang)
        self.live_labels[lang].setText(f"On air: {active}")
        btn = self.hand_over_buttons[lang]
        btn.setText(f"Hand over to {nxt}" if nxt else "No second interpreter")
        btn.setEnabled(nxt is not None and self.c.state not in (State.ENDED, State.SEALED))

    def hand_over(self, lang: str, to: str | None = None) -> None:
        """Hand ``lang``'s channel to ``to`` (default: the other interpreter), crossfaded, no gap."""
        self.desks.hand_over(lang, to)
        self._refresh_desk(lang)
        self.c.poll()

    def set_relay(self, lang: str, channel: str) -> None:
        self.desks.set_relay(lang, channel)
        i = self.relay_boxes[lang].findData(channel)
        if i != self.relay_boxes[lang].currentIndex():
            self.relay_boxes[lang].blockSignals(True)
            self.relay_boxes[lang].setCurrentIndex(i)
            self.relay_boxes[lang].blockSignals(False)
        self.c.poll()

    def confirm_end(self) -> QMessageBox:
        """Sealing cannot be undone: ask once (not modal; Escape keeps the session going)."""
        if self.end_box is not None:
            self.end_box.raise_()
            return self.end_box
        box = QMessageBox(QMessageBox.Icon.Question, "End and seal the session?",
                          "The recordings will be sealed in the vault and can no longer be changed. "
                          "The witness's link ends.", parent=self)
        box.setAccessibleName("End and seal the session?")
        end = box.addButton("End and seal", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
        for b in (end, keep):
            b.setAccessibleName(b.text())
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def finished(_result: int) -> None:
            self.end_box = None
            if box.clickedButton() is end:
                self.c.end()

        box.finished.connect(finished)
        self.end_box = box
        box.open()
        return box

    # slots -----------------------------------------------------------------------------------
    def _toggle_recording(self) -> None:
        if self.c.recording:
            self.c.stop_recording()
        else:
            self.c.start_recording()

    def _toggle_break(self) -> None:
        # the clerk starts planned breaks; only the witness ends a break, when they are ready
        if self.c.state is State.LIVE:
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
        self.new_btn.setVisible(True)
        self.preview.clear("The session has ended.")
        for lang in self.hand_over_buttons:
            self._refresh_desk(lang)
        self._refresh()
        self.tick_schedule()

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
        self.break_btn.setEnabled(state is State.LIVE and not busy)
        self.break_btn.setText("On a break — the witness resumes when ready" if state is State.BREAK
                               else "Start planned break")
        self.end_btn.setEnabled(live_or_break and not busy or state is State.WAITING and not busy)
        if state is State.BREAK:
            by = c.session.lifecycle.breaks[-1]["by"] if c.session.lifecycle.breaks else "witness"
            who = "The witness asked for a break" if by == "witness" else "A planned break is running"
            started = c.break_started_at() or c.now()
            self.banner.setText(f"{who} ({time.strftime('%H:%M', time.localtime(time.time() - (c.now() - started)))}). "
                                "Everyone except the support person sees a privacy curtain and hears silence. "
                                "The witness resumes when they are ready.")
            self.banner.show()
        else:
            self.banner.hide()

    def tick_schedule(self, *_: Any) -> None:
        """Poll the break schedule (once a second): countdown, reminder, questioning-limit warning."""
        rules = self.c.plan.rules
        state = self.c.state
        if self.schedule is None or state not in (State.LIVE, State.BREAK):
            self.countdown.setText("—")
            self.schedule_note.setText(f"A planned break every {rules.break_interval_minutes} min for "
                                       f"{rules.break_length_minutes} min; questioning stretches of at most "
                                       f"{rules.longest_questioning_minutes} min.")
            self.reminder.hide()
            self.limit_warning.hide()
        else:
            st = self.schedule.tick()
            if st.on_break:
                left = st.break_remaining
                self.countdown.setText(f"On break {clock_text(st.break_elapsed)}")
                self.schedule_note.setText(
                    f"Planned length {rules.break_length_minutes} min: " +
                    (f"{clock_text(left)} left." if left >= 0 else f"{clock_text(-left)} over — no rush; the "
                     "witness says when they are ready."))
            else:
                if st.next_break_in >= 0:
                    self.countdown.setText(f"Next break in {clock_text(st.next_break_in)}")
                else:
                    self.countdown.setText(f"Planned break due ({clock_text(-st.next_break_in)} over)")
                self.schedule_note.setText(f"Questioning for {clock_text(st.live_seconds)} "
                                           f"(limit {rules.longest_questioning_minutes} min).")
            if st.remind:
                when = (f"in {clock_text(st.next_break_in)}" if st.next_break_in > 0 else "now")
                self.reminder.setText(f"Planned break {when}. Start it when the witness finishes an answer "
                                      "(“Start planned break”).")
                self.reminder.show()
            else:
                self.reminder.hide()
            if st.over_limit:
                self.limit_warning.setText(
                    f"This questioning stretch ({clock_text(st.live_seconds)}) is over the ground-rules limit of "
                    f"{rules.longest_questioning_minutes} min. The judge has been told.")
                self.limit_warning.show()
                if not self._over_limit:
                    self.c.session.lifecycle.log(
                        "notice", f"questioning stretch over the {rules.longest_questioning_minutes} min limit")
                    self.c.poll()
            else:
                self.limit_warning.hide()
            self._over_limit = st.over_limit
        now, planned, actual = timeline_spans(self.c.session.lifecycle, rules)
        self.timeline.set_data(now, planned, actual)

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
                text = "unmasked (plan allows)"
            else:
                text = DECISION_LABELS[feed.last_decision]
            notice = f"{text} · {feed.curtained} curtained"
            if not unmasked and status.voice_failed_blocks:
                # fail closed: the voice mask missed blocks, so this audience got silence for them
                notice += f"\nvoice mask failed: {status.voice_failed_blocks} blocks silenced"
            label.setText(notice)
        if status.error:
            self.result.setText(status.error)

    def detach(self) -> None:
        self._status_timer.stop()
        self._schedule_timer.stop()
        self.channels.stop()
        self.c.pipeline.unsubscribe(self.levels)
        for feed in self.feeds.values():
            self.c.pipeline.unsubscribe(feed)


class SavedPlansDialog(QDialog):
    """Pick one of the plans saved in the vault: ``plans`` are (id, label) pairs."""

    def __init__(self, plans: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open saved plan")
        self.setAccessibleName("Open saved plan")
        lay = QVBoxLayout(self)
        note = QLabel("Plans saved in the vault (encrypted; the newest first)." if plans else
                      "No plan has been saved in this vault yet.")
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.list = QListWidget()
        self.list.setAccessibleName("Saved plans")
        for pid, label in plans:
            self.list.addItem(label)
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, pid)
        if plans:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        for b in buttons.buttons():
            b.setAccessibleName(b.text().replace("&", ""))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(plans))
        lay.addWidget(buttons)
        self.resize(460, 320)

    def chosen(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""


class ClerkConsole(QWidget):
    """The clerk's window.  Give ``controller`` to show a running session (the demo), or
    ``session_factory`` to plan one with the form.

    Plans are kept in the vault through callables (``ui`` never imports ``desktop``):
    ``save_plan(plan) -> id`` stores the wizard's plan (a draft, before the session is created),
    ``list_plans() -> [(id, label)]`` and ``load_plan(id) -> SessionPlan`` give "Open saved plan…".
    All three run on the op runner."""

    session_created = Signal(object)
    plan_saved = Signal(str)

    def __init__(self, session_factory: SessionFactory | None, runner: OpRunner, hub: SessionHub | None = None,
                 controller: SessionController | None = None, high_contrast: bool = False,
                 parent: QWidget | None = None, save_plan: Callable[[SessionPlan], str] | None = None,
                 list_plans: Callable[[], list[tuple[str, str]]] | None = None,
                 load_plan: Callable[[str], SessionPlan] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Testimony Shield — Clerk console")
        self.setAccessibleName("Clerk console")
        apply_theme(self, COURT, high_contrast)
        self._factory = session_factory
        self._runner = runner
        self._hub = hub
        self._save_plan = save_plan
        self._list_plans = list_plans
        self._load_plan = load_plan
        self.plan_id = ""
        self._saved_plan: dict[str, Any] | None = None
        self.plans_dialog: SavedPlansDialog | None = None
        self.controller: SessionController | None = None
        self.live: LivePanel | None = None
        self.close_box: QMessageBox | None = None
        self._closing_after_end = False
        self._close_hooked = False
        self.stack = QStackedWidget()
        page = QWidget()
        pl = QVBoxLayout(page)
        pl.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.open_plan_btn = QPushButton("Open saved plan…")
        self.open_plan_btn.setAccessibleName("Open a plan saved in the vault")
        self.open_plan_btn.clicked.connect(self.open_saved_plan)
        self.save_plan_btn = QPushButton("Save plan")
        self.save_plan_btn.setAccessibleName("Save the plan in the vault as a draft")
        self.save_plan_btn.clicked.connect(self.save_draft)
        self.plan_status = QLabel("")
        self.plan_status.setObjectName("hint")
        self.plan_status.setWordWrap(True)
        self.plan_status.setAccessibleName("Plan status")
        self.open_plan_btn.setEnabled(list_plans is not None and load_plan is not None)
        self.save_plan_btn.setEnabled(save_plan is not None)
        bar.addWidget(self.open_plan_btn)
        bar.addWidget(self.save_plan_btn)
        bar.addWidget(self.plan_status, 1)
        pl.addLayout(bar)
        self.form = SessionWizard()
        self.form.submitted.connect(self._create_session)
        pl.addWidget(self.form, 1)
        self.stack.addWidget(page)
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)
        self.resize(1100, 720)
        if controller is not None:
            self.attach(controller)

    # saved plans --------------------------------------------------------------------------------
    def save_draft(self) -> None:
        """Check the wizard's plan and store it in the vault (encrypted) without creating a session."""
        if self._save_plan is None:
            return
        try:
            plan = self.form.plan()
        except PlanError as exc:
            self.form.show_error(exc)
            return
        save = self._save_plan
        self.save_plan_btn.setEnabled(False)
        self.plan_status.setText("Saving the plan in the vault…")

        def ok(pid: str) -> None:
            self.save_plan_btn.setEnabled(True)
            self._saved(pid, plan)

        def bad(exc: BaseException) -> None:
            self.save_plan_btn.setEnabled(True)
            self.plan_status.setText("The plan was not saved: " + user_message(exc))

        self._runner.run(lambda: save(plan), ok, bad)

    def _saved(self, pid: str, plan: SessionPlan | None = None) -> None:
        self.plan_id = pid
        self._saved_plan = plan.to_dict() if plan is not None else None
        self.plan_status.setText(f"Plan saved in the vault (encrypted), {time.strftime('%H:%M')} — id {pid[:8]}.")
        self.plan_saved.emit(pid)

    def open_saved_plan(self) -> None:
        """List the vault's plans; the chosen one fills the wizard (:meth:`load_saved_plan`)."""
        if self._list_plans is None:
            return
        self.open_plan_btn.setEnabled(False)
        self.plan_status.setText("Looking for saved plans…")

        def listed(plans: list[tuple[str, str]]) -> None:
            self.open_plan_btn.setEnabled(True)
            self.plan_status.setText("")
            d = SavedPlansDialog(plans, self)
            self.plans_dialog = d
            d.accepted.connect(lambda: self.load_saved_plan(d.chosen()))
            d.open()

        self._runner.run(self._list_plans, listed, self._plans_failed)

    def load_saved_plan(self, pid: str) -> None:
        if self._load_plan is None or not pid:
            return
        loader = self._load_plan
        self.plan_status.setText("Opening the plan…")

        def loaded(plan: SessionPlan) -> None:
            self.form.set_plan(plan)
            self.form.go_to(0)
            self.plan_id = pid
            try:  # the plan as the wizard reads it back, to recognise it unchanged at "Create session"
                self._saved_plan = self.form.plan().to_dict()
            except PlanError:
                self._saved_plan = None
            self.plan_status.setText(f"Opened the saved plan for case {plan.case_number}. Check it, then "
                                     "“Create session”.")

        self._runner.run(lambda: loader(pid), loaded, self._plans_failed)

    def _plans_failed(self, exc: BaseException) -> None:
        self.open_plan_btn.setEnabled(True)
        self.plan_status.setText("The saved plans could not be read: " + user_message(exc))

    def _create_session(self, plan: SessionPlan) -> None:
        if self._factory is None:
            self.form.error.setText("This station cannot start sessions.")
            return
        self.form.create.setEnabled(False)
        self.form.error.setText("")
        save = self._save_plan
        # the plan as saved a moment ago ("Save plan") is not stored a second time
        unchanged = self.plan_id if self._saved_plan == plan.to_dict() else ""

        def work() -> tuple[str, Any]:
            # the plan is stored (encrypted) before the session exists, so it is there even if going
            # live fails
            pid = unchanged or (save(plan) if save is not None else "")
            return pid, factory(plan)

        def ok(result: tuple[str, Any]) -> None:
            pid, session = result
            self.form.create.setEnabled(True)
            if pid:
                self._saved(pid, plan)
                lifecycle = getattr(session, "lifecycle", None)
                if lifecycle is not None:
                    lifecycle.log("plan", f"plan {pid} stored in the vault")
            self.attach(SessionController(session, self._runner, self))

        def bad(exc: BaseException) -> None:
            self.form.create.setEnabled(True)
            self.form.error.setText(user_message(exc))

        factory = self._factory
        self._runner.run(work, ok, bad)

    def attach(self, controller: SessionController) -> None:
        self.controller = controller
        self.live = LivePanel(controller)
        self.live.new_btn.clicked.connect(self.new_session)
        self.stack.addWidget(self.live)
        self.stack.setCurrentWidget(self.live)
        if self._hub is not None:
            self._hub.set_controller(controller)
        self.session_created.emit(controller)

    def new_session(self) -> None:
        """After a sealed session: back to the wizard (the sealed session's panel is let go)."""
        if self.session_running() or self.live is None:
            return
        live, self.live, self.controller = self.live, None, None
        live.detach()
        self.stack.removeWidget(live)
        live.deleteLater()
        self.form.go_to(0)
        self.plan_status.setText("Plan the next session, or open a saved plan.")
        self.stack.setCurrentIndex(0)

    def session_running(self) -> bool:
        c = self.controller
        return c is not None and c.state in (State.WAITING, State.LIVE, State.BREAK)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        if self.session_running():
            # closing would leave the session running (and recording) with nobody to run the breaks or
            # end it: ask first, and end and seal it before closing
            event.ignore()
            self.ask_end_before_close()
            return
        if self.close_box is not None:
            self.close_box.close()
        if self.live is not None:
            self.live.detach()
        super().closeEvent(event)

    def ask_end_before_close(self) -> QMessageBox:
        if self.close_box is not None:
            self.close_box.raise_()
            return self.close_box
        recording = self.controller is not None and self.controller.recording
        box = QMessageBox(QMessageBox.Icon.Warning, "The session is still running",
                          "The session is still running" + (" and recording" if recording else "") +
                          ". If this console closes, nobody can start a planned break or end the session.\n\n"
                          "End and seal the session now, then close the console?", parent=self)
        box.setAccessibleName("The session is still running")
        end = box.addButton("End and seal, then close", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep the console open", QMessageBox.ButtonRole.RejectRole)
        for b in (end, keep):
            b.setAccessibleName(b.text())
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def finished(_result: int) -> None:
            self.close_box = None
            if box.clickedButton() is end:
                self.end_and_close()

        box.finished.connect(finished)
        self.close_box = box
        box.open()
        return box

    def end_and_close(self) -> None:
        """End and seal the running session (on the op runner), then close the console."""
        c = self.controller
        if c is None or not self.session_running():
            self.close()
            return
        if not self._close_hooked:
            self._close_hooked = True
            c.ended.connect(self._ended_then_close)
            c.failed.connect(self._end_failed)
        self._closing_after_end = True
        if c.busy:  # e.g. recording still starting: end once that is done
            QTimer.singleShot(200, self.end_and_close)
            return
        c.end()

    def _ended_then_close(self, _summary: Any) -> None:
        if self._closing_after_end:
            self.close()

    def _end_failed(self, _message: str) -> None:
        # the console stays open and shows the problem (LivePanel._on_failed)
        self._closing_after_end = False

