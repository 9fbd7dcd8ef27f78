"""The clerk's break schedule: the countdown to the next planned break, the questioning stretch, the
reminder before a planned break, the questioning-limit warning, and the timeline of planned and actual
breaks (:func:`recording.schedule.timeline_spans`, computed from the session's lifecycle log)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from recording.schedule import clock_text, timeline_spans
from recording.session import State
from ui.session import SessionController
from ui.widgets.timeline import Timeline

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "ClerkConsole")


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
        super().__init__(translate("ClerkConsole", "Breaks"), parent)
        self.c = controller
        self.schedule = controller.session.schedule
        sl = QVBoxLayout(self)
        self.countdown = QLabel("—")
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName(translate("ClerkConsole", "Time to the next planned break"))
        sl.addWidget(self.countdown)
        self.schedule_note = QLabel("")
        self.schedule_note.setObjectName("hint")
        self.schedule_note.setWordWrap(True)
        self.schedule_note.setAccessibleName(translate("ClerkConsole", "Questioning stretch"))
        self.schedule_note.setMinimumHeight(self.schedule_note.fontMetrics().lineSpacing() * 3 + 4)
        sl.addWidget(self.schedule_note)
        self.reminder = notice_label(translate("ClerkConsole", "Planned break reminder"), "banner")
        self.limit_warning = notice_label(translate("ClerkConsole", "Questioning limit warning"), "alert")
        self.timeline = Timeline()
        self._over_limit = False

    def tick(self, *_: Any) -> None:
        """Poll the break schedule (once a second): countdown, reminder, questioning-limit warning."""
        rules = self.c.plan.rules
        state = self.c.state
        if self.schedule is None or state not in (State.LIVE, State.BREAK):
            self.countdown.setText("—")
            self.schedule_note.setText(translate(
                "ClerkConsole", "A planned break every {interval} min for {length} min; questioning stretches of "
                                "at most {longest} min.").format(interval=rules.break_interval_minutes,
                                                                 length=rules.break_length_minutes,
                                                                 longest=rules.longest_questioning_minutes))
            self.reminder.hide()
            self.limit_warning.hide()
        else:
            st = self.schedule.tick()
            if st.on_break:
                left = st.break_remaining
                self.countdown.setText(translate("ClerkConsole", "On break {time}").format(
                    time=clock_text(st.break_elapsed)))
                self.schedule_note.setText(
                    translate("ClerkConsole", "Planned length {length} min: {left} left.").format(
                        length=rules.break_length_minutes, left=clock_text(left)) if left >= 0 else
                    translate("ClerkConsole", "Planned length {length} min: {over} over — no rush; the witness "
                                              "says when they are ready.").format(
                        length=rules.break_length_minutes, over=clock_text(-left)))
            else:
                if st.next_break_in >= 0:
                    self.countdown.setText(translate("ClerkConsole", "Next break in {time}").format(
                        time=clock_text(st.next_break_in)))
                else:
                    self.countdown.setText(translate("ClerkConsole", "Planned break due ({time} over)").format(
                        time=clock_text(-st.next_break_in)))
                self.schedule_note.setText(translate("ClerkConsole", "Questioning for {time} (limit {limit} "
                                                                     "min).").format(
                    time=clock_text(st.live_seconds), limit=rules.longest_questioning_minutes))
            if st.remind:
                self.reminder.setText(
                    translate("ClerkConsole", "Planned break in {time}. Start it when the witness finishes an "
                                              "answer (“Start planned break”).").format(
                        time=clock_text(st.next_break_in)) if st.next_break_in > 0 else
                    translate("ClerkConsole", "Planned break now. Start it when the witness finishes an answer "
                                              "(“Start planned break”)."))
                self.reminder.show()
            else:
                self.reminder.hide()
            if st.over_limit:
                self.limit_warning.setText(translate(
                    "ClerkConsole", "This questioning stretch ({time}) is over the ground-rules limit of {limit} "
                                    "min. The judge has been told.").format(
                    time=clock_text(st.live_seconds), limit=rules.longest_questioning_minutes))
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
