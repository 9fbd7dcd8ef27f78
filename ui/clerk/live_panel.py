"""The running session in the clerk console: the masked preview, the witness's microphone level, the
channel matrix with each interpreter desk's controls, the session controls (start, record, planned
break, end and seal), the break schedule, the masks by audience, the event log and the timeline."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMessageBox, QPushButton, QVBoxLayout, QWidget

from common.clock import format_clock
from recording.model import Audience
from recording.service import SessionSummary
from recording.session import State
from ui.clerk.break_schedule import BreakSchedulePanel, notice_label
from ui.clerk.desk_controls import DeskControls
from ui.clerk.mask_status import MaskStatusPanel
from ui.clerk.remote_panel import RemotePanel
from ui.i18n import language_name
from ui.labels import state_label
from ui.session import SessionController
from ui.widgets.channel_matrix import ChannelLevels, ChannelMatrix
from ui.widgets.confirm import confirm
from ui.widgets.level_meter import LevelMeter
from ui.widgets.video_view import VideoView

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "ClerkConsole")


def _fmt_clock(seconds: float) -> str:
    return format_clock(max(0.0, seconds))


def upload_text(st: Any) -> tuple[str, bool]:
    """The upload badge for a ``vault.uploader.UploadState``: (text, whether it needs attention)."""
    mib = st.bytes_pending / (1 << 20)
    if st.state == "waiting":
        return (translate("ClerkConsole", "Court store unreachable — {n} recording(s) kept safely on this "
                                          "station, retrying in {seconds} s").format(
            n=st.pending, seconds=f"{st.retry_in:.0f}"), True)
    if st.state == "failed":
        return translate("ClerkConsole", "Upload problem — kept on this station: {reason}").format(
            reason=st.last_error[:80]), True
    if st.pending:
        return translate("ClerkConsole", "Uploading to the court store: {n} recording(s), {mib} MiB to go").format(
            n=st.pending, mib=f"{mib:.0f}"), False
    return translate("ClerkConsole", "All evidence is in the court store"), False


class LivePanel(QWidget):
    """The running session: preview, channel matrix, mask status, controls, the break schedule
    (countdown, reminder, questioning-limit warning), the timeline and the event log."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.c = controller
        plan = controller.plan
        #: a remote hearing (the witness elsewhere, over the link): the same panel, plus the invitation
        #: and the waiting room; media as the court receives it
        self.remote = bool(getattr(controller.session, "remote", False))
        outer = QVBoxLayout(self)

        head = QHBoxLayout()
        title = QLabel(translate("ClerkConsole", "Case {case} — {pseudonym}").format(
            case=plan.case_number, pseudonym=plan.witness_pseudonym))
        title.setObjectName("title")
        title.setAccessibleName(translate("ClerkConsole", "Case"))
        head.addWidget(title, 1)
        self.state_badge = QLabel("")
        self.state_badge.setObjectName("statebadge")
        self.state_badge.setAccessibleName(translate("ClerkConsole", "Session state"))
        head.addWidget(self.state_badge)
        self.rec_badge = QLabel("")
        self.rec_badge.setAccessibleName(translate("ClerkConsole", "Recording state"))
        head.addWidget(self.rec_badge)
        # a vault in the court's object store: whether the evidence has reached it (docs/storage.md)
        self.upload_badge = QLabel("")
        self.upload_badge.setAccessibleName(translate("ClerkConsole", "Evidence upload to the court store"))
        self.upload_badge.hide()
        head.addWidget(self.upload_badge)
        outer.addLayout(head)

        self.banner = notice_label(translate("ClerkConsole", "Break notice"), "banner")
        outer.addWidget(self.banner)
        self.breaks = BreakSchedulePanel(controller)
        self.schedule = self.breaks.schedule
        self.countdown, self.schedule_note = self.breaks.countdown, self.breaks.schedule_note
        self.reminder, self.limit_warning = self.breaks.reminder, self.breaks.limit_warning
        outer.addWidget(self.reminder)
        outer.addWidget(self.limit_warning)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.remote_panel: RemotePanel | None = None
        if self.remote:  # the invitation and the waiting room come first
            self.remote_panel = RemotePanel(controller.session)
            left.addWidget(self.remote_panel)
        cap = QLabel(translate("ClerkConsole", "What the court sees (masked at the witness station, as received)")
                     if self.remote else translate("ClerkConsole", "What the court sees (masked)"))
        cap.setObjectName("subtitle")
        left.addWidget(cap)
        self.preview = VideoView(translate("ClerkConsole", "The masked picture appears here once the session is "
                                                           "live."))
        self.preview.setAccessibleName(translate("ClerkConsole", "Masked witness preview (court view)"))
        left.addWidget(self.preview, 1)
        # the witness microphone level (the floor as captured, before masking)
        lvl = QHBoxLayout()
        lvl.addWidget(QLabel(translate("ClerkConsole", "Witness floor (as received)") if self.remote
                             else translate("ClerkConsole", "Witness microphone")))
        self.meter = LevelMeter()
        self.meter.setAccessibleName(translate("ClerkConsole", "Witness microphone level"))
        lvl.addWidget(self.meter, 1)
        left.addLayout(lvl)
        channels = [("floor", translate("ClerkConsole", "Floor ({language})").format(language=plan.floor_language),
                     translate("ClerkConsole", "witness, masked for the court"))]
        for lang in plan.languages:
            interp = plan.interpreters_for(lang)
            channels.append((lang, f"{language_name(lang, native=False)} ({lang})",
                             ", ".join(interp) if interp else translate("ClerkConsole", "interpreter")))
        self.levels = ChannelLevels(Audience.COURT)
        controller.pipeline.subscribe({Audience.COURT}, self.levels)
        self.channels = ChannelMatrix(channels, self.levels)
        self.desks = controller.session.desks
        self.desk_controls: dict[str, DeskControls] = {}
        for lang in plan.languages:
            if self.desks is not None and lang in self.desks:
                desk = DeskControls(self.desks, lang, controller.poll,
                                    lambda: self.c.state not in (State.ENDED, State.SEALED))
                self.desk_controls[lang] = desk
                self.channels.add_controls(lang, desk)
        self.live_labels = {lang: d.live for lang, d in self.desk_controls.items()}
        self.hand_over_buttons = {lang: d.button for lang, d in self.desk_controls.items()}
        self.relay_boxes = {lang: d.relay for lang, d in self.desk_controls.items()}
        left.addWidget(self.channels)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        self.start_btn = QPushButton(translate("ClerkConsole", "Start session"))
        self.start_btn.setObjectName("primary")
        self.rec_btn = QPushButton(translate("ClerkConsole", "Start recording"))
        self.break_btn = QPushButton(translate("ClerkConsole", "Break"))
        self.end_btn = QPushButton(translate("ClerkConsole", "End and seal session"))
        self.end_btn.setObjectName("danger")
        for b, name, desc in (
                (self.start_btn, translate("ClerkConsole", "Start session (go live)"),
                 translate("ClerkConsole", "Opens the link: the court sees and hears the witness, masked")),
                (self.rec_btn, translate("ClerkConsole", "Start or stop recording"),
                 translate("ClerkConsole", "Records the masked and the raw recording, encrypted as they are written")),
                (self.break_btn, translate("ClerkConsole", "Start a planned break"),
                 translate("ClerkConsole", "Curtains and mutes the witness for everyone but the support person; "
                                           "the witness resumes when ready")),
                (self.end_btn, translate("ClerkConsole", "End and seal the session"),
                 translate("ClerkConsole", "Asks first; the recordings are then sealed and can no longer change"))):
            b.setAccessibleName(name)
            b.setAccessibleDescription(desc)
            b.setMinimumHeight(36)
            right.addWidget(b)
        self.start_btn.clicked.connect(controller.go_live)
        self.rec_btn.clicked.connect(self._toggle_recording)
        self.break_btn.clicked.connect(self._toggle_break)
        self.end_box: QMessageBox | None = None
        self.end_btn.clicked.connect(self.confirm_end)
        self.new_btn = QPushButton(translate("ClerkConsole", "New session…"))
        self.new_btn.setAccessibleName(translate("ClerkConsole", "Plan a new session"))
        self.new_btn.setAccessibleDescription(translate("ClerkConsole", "Back to the set-up wizard"))
        self.new_btn.setMinimumHeight(36)
        self.new_btn.setVisible(False)  # once this session is sealed
        right.addWidget(self.new_btn)

        right.addWidget(self.breaks)
        self.masks = MaskStatusPanel(controller.pipeline, self.preview, remote=self.remote)
        self.mask_labels, self.feeds = self.masks.mask_labels, self.masks.feeds
        right.addWidget(self.masks)

        log_title = QLabel(translate("ClerkConsole", "Event log"))
        log_title.setObjectName("subtitle")
        right.addWidget(log_title)
        self.events = QListWidget()
        self.events.setAccessibleName(translate("ClerkConsole", "Event log"))
        self.events.setAccessibleDescription(translate("ClerkConsole", "What happened, with the time; the entries "
                                                                       "are the session record's own"))
        right.addWidget(self.events, 1)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName(translate("ClerkConsole", "Session result"))
        right.addWidget(self.result)
        body.addLayout(right, 2)
        outer.addLayout(body, 1)

        self.timeline = self.breaks.timeline
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
        self._refresh()
        self._refresh_events()
        self.tick_schedule()

    def tick_schedule(self, *_: Any) -> None:
        """Poll the break schedule (once a second): countdown, reminder, questioning-limit warning."""
        self.breaks.tick()

    def hand_over(self, lang: str, to: str | None = None) -> None:
        """Hand ``lang``'s channel to ``to`` (default: the other interpreter), crossfaded, no gap."""
        self.desk_controls[lang].hand_over(to)

    def set_relay(self, lang: str, channel: str) -> None:
        self.desk_controls[lang].set_relay(channel)

    def confirm_end(self) -> QMessageBox:
        """Sealing cannot be undone: ask once (not modal; Escape keeps the session going)."""
        if self.end_box is not None:
            self.end_box.raise_()
            return self.end_box

        def forget() -> None:
            self.end_box = None

        self.end_box = confirm(self, translate("ClerkConsole", "End and seal the session?"),
                               translate("ClerkConsole", "The recordings will be sealed in the vault and can no "
                                                         "longer be changed. The witness's link ends."),
                               translate("ClerkConsole", "End and seal"), translate("ClerkConsole", "Keep going"),
                               self.c.end, forget)
        return self.end_box

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

    def _on_ended(self, summary: SessionSummary) -> None:
        ids = [f"{r['kind']}: {r['id']}" for r in summary.recordings]
        text = translate("ClerkConsole", "Session ended and sealed.")
        if ids:
            text += " " + translate("ClerkConsole", "Recordings in the vault — {ids}").format(ids="; ".join(ids))
        if summary.errors:
            text += " " + translate("ClerkConsole", "Problems: {problems}").format(problems="; ".join(summary.errors))
        self.result.setText(text)
        self.new_btn.setVisible(True)
        self.preview.clear(translate("ClerkConsole", "The session has ended."))
        for desk in self.desk_controls.values():
            desk.refresh()
        self._refresh()
        self.tick_schedule()

    def _refresh(self, *_: Any) -> None:
        c = self.c
        state = c.state
        busy = c.busy
        self.state_badge.setText(state_label(state))
        self.state_badge.setObjectName("livebadge" if state is State.LIVE else "statebadge")
        self.state_badge.setStyleSheet("")
        live_or_break = state in (State.LIVE, State.BREAK)
        self.start_btn.setEnabled(state in (State.DRAFT, State.WAITING) and not busy)
        self.rec_btn.setEnabled(live_or_break and not busy)
        self.rec_btn.setText(
            translate("ClerkConsole", "Stop recording") if c.recording else translate("ClerkConsole", "Start recording")
        )
        if self.remote:
            # the waiting room opens on "Start"; the hearing goes live when the clerk admits the witness,
            # and both stations record from then until the end
            self.start_btn.setText({State.DRAFT: translate("ClerkConsole", "Open the waiting room"),
                                    State.WAITING: translate("ClerkConsole", "Waiting room open")}
                                   .get(state, translate("ClerkConsole", "The witness was admitted")))
            self.start_btn.setEnabled(state is State.DRAFT and not busy)
            self.rec_btn.setEnabled(False)
            self.rec_btn.setText(translate("ClerkConsole", "Both stations record from admission to the end"))
        self.rec_btn.setObjectName("recording" if c.recording else "")
        self.rec_btn.setStyleSheet("")
        self.rec_badge.setText(
            translate("ClerkConsole", "● Recording") if c.recording else translate("ClerkConsole", "Not recording")
        )
        self.rec_badge.setObjectName("badbadge" if c.recording else "subtitle")
        self.rec_badge.setStyleSheet("")
        self.break_btn.setEnabled(state is State.LIVE and not busy)
        self.break_btn.setText(
            translate("ClerkConsole", "On a break — the witness resumes when ready")
            if state is State.BREAK
            else translate("ClerkConsole", "Start planned break")
        )
        self.end_btn.setEnabled(live_or_break and not busy or state is State.WAITING and not busy)
        if state is State.BREAK:
            by = c.session.lifecycle.breaks[-1]["by"] if c.session.lifecycle.breaks else "witness"
            who = translate("ClerkConsole", "The witness asked for a break") if by == "witness" \
                else translate("ClerkConsole", "A planned break is running")
            started = c.break_started_at() or c.now()
            at = time.strftime("%H:%M", time.localtime(time.time() - (c.now() - started)))
            self.banner.setText(translate("ClerkConsole", "{who} ({time}). Everyone except the support person sees "
                                                          "a privacy curtain and hears silence. The witness resumes "
                                                          "when they are ready.").format(who=who, time=at))
            self.banner.show()
        else:
            self.banner.hide()

    def _refresh_events(self) -> None:
        events = self.c.session.lifecycle.events
        while self.events.count() < len(events):
            ev = events[self.events.count()]
            self.events.addItem(f"{_fmt_clock(ev.at)}  {ev.kind}: {ev.detail}")
        self.events.scrollToBottom()

    def _refresh_upload(self) -> None:
        vault = getattr(self.c.session, "vault", None)
        st = vault.upload_status() if getattr(vault, "remote", False) else None
        if st is None:
            return
        text, bad = upload_text(st)
        self.upload_badge.setText(text)
        self.upload_badge.setObjectName("badbadge" if bad else "subtitle")
        self.upload_badge.setStyleSheet("")
        self.upload_badge.show()

    def _refresh_status(self) -> None:
        self._refresh_upload()
        status = self.c.pipeline.status
        self.meter.set_level(-90.0 if self.c.state is not State.LIVE else status.floor_level_db)
        self.masks.refresh(self.c.plan, self.c.state, status)
        if status.error:
            self.result.setText(status.error)

    def detach(self) -> None:
        self._status_timer.stop()
        self._schedule_timer.stop()
        self.channels.stop()
        self.c.pipeline.unsubscribe(self.levels)
        self.masks.detach()
        if self.remote_panel is not None:
            self.remote_panel.detach()
