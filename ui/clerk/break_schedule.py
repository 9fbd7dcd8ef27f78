"""The clerk's break schedule: the countdown to the next planned break, the questioning stretch, the
reminder before a planned break, the questioning-limit warning, and the timeline of planned and actual
breaks (:func:`recording.schedule.timeline_spans`, computed from the session's lifecycle log)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from recording.schedule import clock_text, timeline_spans
from recording.session import State
from ui.session import SessionController
from ui.widgets.timeline import Timeline


def notice_label(name: str, object_name: str) -> QLabel:
    """A hidden, word-wrapped notice line (shown when there is something to say)."""
    label = QLabel("")
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.hide()
    return label


class BreakSchedulePanel(QGroupBox):
    """The "Breaks" box (countdown, questioning stretch).  Its ``reminder`` and ``limit_warning``
    banners and its ``timeline`` are placed by the live panel (above and below the session's body);
    :meth:`tick` keeps all of them current."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__("Breaks", parent)
        self.c = controller
        self.schedule = controller.session.schedule
        sl = QVBoxLayout(self)
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
        self.reminder = notice_label("Planned break reminder", "banner")
        self.limit_warning = notice_label("Questioning limit warning", "alert")
        self.timeline = Timeline()
        self._over_limit = False

    def tick(self, *_: Any) -> None:
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
