"""Witness station: a calm screen for the witness in the safe room, in their own language.

* their own MASKED self-view (reassurance that the court cannot see their face);
* the person questioning them (a calm card until the remote link exists) — never the accused;
* a very large "I need a break" button (also B or Space): the break starts at once, with no
  confirmation and no reason asked;
* during a break a grounding screen with a gentle timer and "I'm ready to continue";
* "Who can see and hear me now", derived from the plan and the session state;
* screen language (Qt translations, one translator per witness), the channel they listen to (floor or
  their interpretation language, played through the speakers when there are any), text size and
  high contrast;
* a rehearsal / equipment check before going live (:mod:`ui.witness.rehearsal`), never recorded;
* for a remote hearing (``join`` given): the join page first (open or paste the invitation, the safety
  code, the waiting room: :mod:`ui.witness.join`), the court's camera in "Speaking to you", calm
  words for the connection, and at the end "your camera and microphone are off".

Signals:
    language_changed(str): the screen language ("en", "es", "fr").
    text_scale_changed(float):
    high_contrast_changed(bool):
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from common.clock import format_clock
from recording.audio.mixer import FLOOR
from recording.model import Audience
from recording.session import Role, SessionPlan, State
from recording.witness_brief import STATION_PSEUDONYM
from ui.i18n import WitnessTranslator, language_name, screen_language_for, screen_languages
from ui.session import SessionController, SessionHub
from ui.theme import WITNESS, apply_theme
from ui.widgets.factory import card, describe, label, page, stacked
from ui.widgets.video_view import PipelineFeed, VideoView
from ui.witness.break_page import BreakPage
from ui.witness.join import JoinPage, link_words
from ui.witness.listening import Listening, SpeakerFactory, default_speaker_factory
from ui.witness.who import first_named, who_can_see_me

__all__ = ["GROUNDING", "TEXT_SCALES", "WitnessStation", "who_can_see_me"]

GROUNDING = ("Nobody in court can see or hear you now.\n\n"
             "Breathe in slowly for four… and out for six.\n"
             "Notice five things you can see around you.\n\n"
             "Take as long as you need.")

TEXT_SCALES = (0.85, 1.0, 1.15, 1.3, 1.5, 1.75)

class WitnessStation(QWidget):
    """The witness's window.  Shows the hub's session (or the one given).

    ``language`` is the screen language ("en", "es", "fr" or an ISO 639-2 code; empty: from the plan's
    first interpretation language).  ``speaker_factory`` makes the sound output (None: no sound);
    ``rehearsal_factory`` makes the local, unrecorded pipeline of the equipment check (None: no
    rehearsal at this station).

    ``join(data)`` (a remote witness station) takes the invitation's bytes the witness opened or
    pasted; it raises with a plain message when the invitation cannot be used, else the desktop
    attaches the session (:meth:`attach`) and the link (:meth:`attach_link`)."""

    language_changed = Signal(str)
    text_scale_changed = Signal(float)
    high_contrast_changed = Signal(bool)

    def __init__(self, hub: SessionHub | None = None, controller: SessionController | None = None,
                 high_contrast: bool = False, text_scale: float = 1.0, parent: QWidget | None = None,
                 language: str = "", speaker_factory: SpeakerFactory | None = default_speaker_factory,
                 rehearsal_factory: Callable[[SessionPlan | None], Any] | None = None,
                 join: Callable[[bytes], None] | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Witness station")
        self._join = join
        self.link: Any = None
        self.link_state = ""
        self.speaking: Any = None
        self._went_live = False
        self._translator = WitnessTranslator(language or "en")
        self._language_explicit = bool(language)
        self._high_contrast = high_contrast
        self._text_scale = text_scale
        self._speaker_factory = speaker_factory
        self._rehearsal_factory = rehearsal_factory
        self.listening: Listening | None = None
        self.rehearsal: Any = None
        apply_theme(self, WITNESS, high_contrast, text_scale)
        self.c: SessionController | None = None
        self._feed: PipelineFeed | None = None

        self.stack = stacked(self)

        # main page -------------------------------------------------------------------------------
        main, ml = page("mainPage", (28, 18, 28, 22), 14)

        head = QHBoxLayout()
        self.greeting = label(object_name="title", wrap=True)
        head.addWidget(self.greeting, 1)
        self.code_small = label(object_name="hint")  # the safety code, to compare again at any time (remote)
        self.code_small.setVisible(False)
        head.addWidget(self.code_small)
        ml.addLayout(head)
        self.link_status = label(object_name="linkStatus", wrap=True)  # the connection, in calm words (remote)
        self.link_status.setVisible(False)
        ml.addWidget(self.link_status)
        bar = QHBoxLayout()
        bar.setSpacing(10)
        self.screen_label = QLabel("")
        self.screen_language = QComboBox()
        for code, name in screen_languages().items():
            self.screen_language.addItem(name, code)
        self.screen_label.setBuddy(self.screen_language)
        self.screen_language.currentIndexChanged.connect(self._screen_language_picked)
        self.channel_label = QLabel("")
        self.channel = QComboBox()
        self.channel_label.setBuddy(self.channel)
        self.channel.currentIndexChanged.connect(self._channel_picked)
        self.smaller = QPushButton("A−")
        self.larger = QPushButton("A+")
        self.smaller.clicked.connect(lambda: self.step_text_size(-1))
        self.larger.clicked.connect(lambda: self.step_text_size(1))
        self.contrast = QPushButton("")
        self.contrast.setCheckable(True)
        self.contrast.setChecked(high_contrast)
        self.contrast.toggled.connect(self.set_high_contrast)
        for w in (self.screen_label, self.screen_language, self.channel_label, self.channel):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.smaller, self.larger, self.contrast):
            bar.addWidget(w)
        ml.addLayout(bar)

        views = QHBoxLayout()
        views.setSpacing(16)
        questioner, ql = card((20, 20, 20, 20))
        self.q_cap = label(object_name="subtitle")
        ql.addWidget(self.q_cap)
        self.speaking_view = VideoView("")  # the court's camera (remote hearing)
        self.speaking_view.setVisible(False)
        ql.addWidget(self.speaking_view, 4)
        ql.addStretch(1)
        self.questioner = label(object_name="title")
        self.questioner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.questioner.setWordWrap(True)
        ql.addWidget(self.questioner)
        ql.addStretch(1)
        self.sound = label(object_name="hint", wrap=True)
        ql.addWidget(self.sound)
        views.addWidget(questioner, 3)

        selfcard, sl = card((16, 16, 16, 16))
        self.s_cap = label(object_name="subtitle")
        sl.addWidget(self.s_cap)
        self.self_view = VideoView("")
        sl.addWidget(self.self_view, 1)
        views.addWidget(selfcard, 2)
        ml.addLayout(views, 3)

        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        who, wl = card((20, 16, 20, 16))
        self.w_cap = label(object_name="subtitle")
        wl.addWidget(self.w_cap)
        self.who = QLabel("")
        self.who.setWordWrap(True)
        wl.addWidget(self.who)
        wl.addStretch(1)
        bottom.addWidget(who, 3)

        right = QVBoxLayout()
        right.setSpacing(10)
        self.break_button = QPushButton("")
        self.break_button.setObjectName("breakButton")
        self.break_button.clicked.connect(self.take_break)
        right.addWidget(self.break_button, 1)
        self.rehearse_button = QPushButton("")
        self.rehearse_button.clicked.connect(self.open_rehearsal)
        self.rehearse_button.setVisible(rehearsal_factory is not None)
        right.addWidget(self.rehearse_button)
        bottom.addLayout(right, 2)
        ml.addLayout(bottom, 2)
        self.stack.addWidget(main)

        # break page ------------------------------------------------------------------------------
        self.break_page = BreakPage(with_timer=True)
        self.break_head, self.grounding = self.break_page.head, self.break_page.guidance
        self.timer_label, self.ready_button = self.break_page.timer, self.break_page.ready
        self.ready_button.clicked.connect(self.resume)
        self.stack.addWidget(self.break_page)

        # join page (a remote hearing) ------------------------------------------------------------
        self.join_page = JoinPage(self.tr)
        self.join_page.invitation_given.connect(self.join_with)
        self.join_page.rehearse_requested.connect(self.open_rehearsal)
        self.join_page.leave_requested.connect(self.leave)
        self.join_page.rehearse_button.setVisible(rehearsal_factory is not None)
        self.join_page.practise_button.setVisible(rehearsal_factory is not None)
        self.stack.addWidget(self.join_page)

        for key in ("B", "Space"):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(self._shortcut_break)
        for key, step in (("Ctrl++", 1), ("Ctrl+=", 1), ("Ctrl+-", -1)):
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(lambda s=step: self.step_text_size(s))

        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._update_timer)
        self._sound_timer = QTimer(self)
        self._sound_timer.setInterval(1000)
        self._sound_timer.timeout.connect(self._update_sound)
        self._break_started_at: float | None = None

        self.resize(1100, 720)
        self._fill_channels(None)
        self.retranslate()
        if hub is not None:
            hub.session_changed.connect(self.attach)
            if hub.controller is not None and controller is None:
                controller = hub.controller
        self.attach(controller)

    # translation -------------------------------------------------------------------------------
    def tr(self, text: str) -> str:  # type: ignore[override]  (the witness's own translator)
        return self._translator.tr(text)

    @property
    def language(self) -> str:
        return self._translator.language

    def set_language(self, lang: str, explicit: bool = True) -> None:
        """Switch the screen language ("en", "es", "fr", or an ISO 639-2 code)."""
        self._translator.set_language(lang)
        self._language_explicit = self._language_explicit or explicit
        i = self.screen_language.findData(self._translator.language)
        if i >= 0 and i != self.screen_language.currentIndex():
            self.screen_language.blockSignals(True)
            self.screen_language.setCurrentIndex(i)
            self.screen_language.blockSignals(False)
        self.retranslate()
        self.language_changed.emit(self._translator.language)

    def _screen_language_picked(self, index: int) -> None:
        code = self.screen_language.itemData(index)
        if code and code != self._translator.language:
            self.set_language(code)

    def retranslate(self) -> None:
        t = self.tr
        self.setWindowTitle(t("Testimony Shield — Witness"))
        self.screen_label.setText(t("Screen language"))
        describe(self.screen_language, t("Screen language"), t("Changes the language of this screen"))
        self.channel_label.setText(t("I listen to"))
        describe(self.channel, t("The channel you hear"),
                 t("What you hear: the court room, or your interpreter with the court room quietly underneath"))
        for button, name, description in (
            (self.smaller, t("Smaller text"), t("Makes the text of this screen smaller")),
            (self.larger, t("Larger text"), t("Makes the text of this screen larger")),
        ):
            describe(button, name, description)
            button.setToolTip(name)
        describe(self.contrast, t("High contrast"), t("White and yellow on black, easier to read"),
                 text=t("High contrast"))
        self.q_cap.setText(t("Speaking to you"))
        self.questioner.setAccessibleName(t("Person speaking to you"))
        self.s_cap.setText(t("How the court sees you"))
        self.self_view.set_placeholder(t("Your picture will appear here, with your face covered."))
        self.self_view.setAccessibleName(t("Your own picture, masked as the court sees it"))
        self.w_cap.setText(t("Who can see and hear me now"))
        self.who.setAccessibleName(t("Who can see and hear me now"))
        describe(self.break_button, t("I need a break"),
                 t("Stops the court seeing and hearing you at once. Shortcut: B or Space."), text=t("I need a break"))
        self.break_button.setToolTip(t("Press at any time. You do not have to say why. (B or Space)"))
        describe(self.rehearse_button, t("Practise first (equipment check)"),
                 t("Try your camera, your microphone and the break button. Nothing is recorded."),
                 text=t("Practise first (equipment check)"))
        self.break_head.setText(t("You are on a break"))
        describe(self.grounding, t("Break guidance"), text=t(GROUNDING))
        self.timer_label.setAccessibleName(t("Time on break"))
        describe(self.ready_button, t("I'm ready to continue"),
                 t("Ends your break. The court sees and hears you again."), text=t("I'm ready to continue"))
        self.speaking_view.setAccessibleName(t("Person speaking to you"))
        self.speaking_view.set_placeholder(t("The person speaking to you appears here."))
        self.join_page.retranslate()
        if self.link is not None:
            self.code_small.setText(t("Safety code") + f": {self.link.safety_code}")
            self._show_link_state(self.link_state)
        floor_i = self.channel.findData(FLOOR)
        if floor_i >= 0:
            self.channel.setItemText(floor_i, t("The court room (no interpretation)"))
        self._refresh()
        self._update_sound()

    # text size and contrast --------------------------------------------------------------------
    @property
    def text_scale(self) -> float:
        return self._text_scale

    def step_text_size(self, step: int) -> None:
        i = min(range(len(TEXT_SCALES)), key=lambda k: abs(TEXT_SCALES[k] - self._text_scale))
        self.set_text_scale(TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, i + step))])

    def set_text_scale(self, scale: float) -> None:
        if abs(scale - self._text_scale) < 1e-6:
            return
        self._text_scale = scale
        apply_theme(self, WITNESS, self._high_contrast, scale)
        self.smaller.setEnabled(scale > TEXT_SCALES[0])
        self.larger.setEnabled(scale < TEXT_SCALES[-1])
        self.text_scale_changed.emit(scale)

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    def set_high_contrast(self, on: bool) -> None:
        if on == self._high_contrast:
            return
        self._high_contrast = on
        apply_theme(self, WITNESS, on, self._text_scale)
        if self.contrast.isChecked() != on:
            self.contrast.setChecked(on)
        self.high_contrast_changed.emit(on)

    # listening channel -------------------------------------------------------------------------
    def _fill_channels(self, plan: SessionPlan | None) -> None:
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("The court room (no interpretation)"), FLOOR)
        for lang in plan.languages if plan is not None else ():
            self.channel.addItem(f"{language_name(lang)} ({lang})", lang)
        self.channel.blockSignals(False)
        self.channel.setEnabled(self.channel.count() > 1)

    def choose_channel(self, channel: str) -> None:
        i = self.channel.findData(channel)
        if i >= 0:
            self.channel.setCurrentIndex(i)
            self._channel_picked(i)

    def _channel_picked(self, index: int) -> None:
        channel = self.channel.itemData(index) or FLOOR
        if self.listening is not None:
            self.listening.choose(channel)
        self._update_sound()

    @property
    def listening_channel(self) -> str:
        return self.channel.currentData() or FLOOR

    def _update_sound(self) -> None:
        if self.c is None or self.listening is None:
            self.sound.setText("")
            return
        if not self.listening.available:
            self.sound.setText(self.tr("No speakers found — the court's sound cannot be played here."))
        elif self.listening_channel == FLOOR:
            self.sound.setText(self.tr("You hear the court room."))
        else:
            self.sound.setText(self.tr("You hear the interpreter, with the court room quietly underneath."))

    # session ---------------------------------------------------------------------------------
    def attach(self, controller: SessionController | None) -> None:
        if self.c is not None and self._feed is not None:
            self.c.pipeline.unsubscribe(self._feed)
        if self.listening is not None:
            self.listening.close()
            self.listening = None
        self.c = controller
        self._feed = None
        plan = controller.plan if controller is not None else None
        self._fill_channels(plan)
        if controller is not None:
            self._feed = PipelineFeed(self.self_view, Audience.WITNESS_SELF)
            controller.pipeline.subscribe({Audience.WITNESS_SELF}, self._feed)
            controller.state_changed.connect(self._refresh)
            controller.events_changed.connect(self._refresh)
            # the witness hears their language when the plan has one (they can change it)
            channel = plan.languages[0] if plan.languages else FLOOR
            if not self._language_explicit and plan.languages:
                self._translator.set_language(screen_language_for(plan.languages[0]))
                i = self.screen_language.findData(self._translator.language)
                self.screen_language.blockSignals(True)
                self.screen_language.setCurrentIndex(max(0, i))
                self.screen_language.blockSignals(False)
            self.listening = Listening(controller.pipeline, self._speaker_factory, channel)
            self.channel.blockSignals(True)
            self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
            self.channel.blockSignals(False)
            self._sound_timer.start()
        else:
            self._sound_timer.stop()
        self.retranslate()

    def _refresh(self, *_: Any) -> None:
        c = self.c
        t = self.tr
        state = c.state if c is not None else None
        if c is not None:
            plan = c.plan
            judge = first_named(plan, Role.JUDGE) or t("The judge")
            if state in (State.ENDED, State.SEALED):
                self.questioner.setText(t("The hearing has finished. Thank you."))
            elif state in (State.DRAFT, State.WAITING):
                self.questioner.setText(t("Nobody in court yet — the hearing has not started."))
            else:  # nobody is said to be speaking before the hearing starts or after it ends
                self.questioner.setText(t("Judge — {judge}\n(speaking)").format(judge=judge))
            if plan.witness_pseudonym == STATION_PSEUDONYM:  # a remote station is never told the pseudonym
                self.greeting.setText(t("Welcome. Take your time."))
            else:
                self.greeting.setText(t("Welcome, {name}. Take your time.").format(name=plan.witness_pseudonym))
            lines = who_can_see_me(plan, state, c.recording, t)
        else:
            self.questioner.setText(t("The judge"))
            self.greeting.setText(t("Welcome. Take your time."))
            lines = [t("Nobody yet — the hearing has not started.")]
        self.who.setText("\n".join(f"•  {line}" for line in lines))
        self.break_button.setEnabled(state is State.LIVE)
        self.rehearse_button.setEnabled(state not in (State.LIVE, State.BREAK))
        if state in (State.LIVE, State.BREAK) and self.rehearsal is not None:
            self.rehearsal.close()  # the hearing has started: the camera and microphone are the hearing's
        if state in (State.LIVE, State.BREAK):
            self._went_live = True
        if self._join is not None and not self._went_live:
            if self.stack.currentWidget() is not self.join_page:  # a remote witness not yet let in
                self.stack.setCurrentWidget(self.join_page)
                self._tick.stop()
        elif state is State.BREAK:
            if self.stack.currentWidget() is not self.break_page:
                self._break_started_at = c.break_started_at() if c is not None else None
                self.stack.setCurrentWidget(self.break_page)
                self.ready_button.setFocus()
                self._tick.start()
                self._update_timer()
        else:
            if self.stack.currentWidget() is not self.stack.widget(0):
                self.stack.setCurrentIndex(0)
                self._tick.stop()
        if state in (State.ENDED, State.SEALED):
            self.self_view.clear(t("The hearing has finished. Thank you."))
            self.speaking_view.clear(t("The hearing has finished. Thank you."))

    def _update_timer(self) -> None:
        if self.c is None:
            return
        start = self._break_started_at if self._break_started_at is not None else self.c.now()
        self.timer_label.setText(format_clock(max(0.0, self.c.now() - start)))

    # actions ---------------------------------------------------------------------------------
    def take_break(self) -> None:
        """The witness's break: at once, no confirmation, no reason."""
        if self.c is None or self.c.state is not State.LIVE:
            return
        self.c.request_break("witness")
        self._refresh()

    def _shortcut_break(self) -> None:
        if self.stack.currentWidget() is not self.break_page and self.rehearsal is None:
            self.take_break()

    def resume(self) -> None:
        if self.c is not None:
            self.c.end_break()
        self._refresh()

    # a remote hearing -----------------------------------------------------------------------------
    @property
    def remote(self) -> bool:
        return self._join is not None

    def join_with(self, data: bytes) -> None:
        """The invitation the witness opened or pasted: hand it to ``join`` (the desktop), or say calmly
        why it cannot be used."""
        if self._join is None or self.link is not None:
            return
        from recording.transport.errors import InviteError

        try:
            self._join(data)
        except InviteError as exc:  # the invitation itself: refused, calmly, with its reason
            self.join_page.show_error(
                self.tr("This invitation cannot be used. Please ask the court to send a new one.") +
                "\n(" + str(exc) + ")")
        except Exception as exc:  # this station (its vault, camera or microphone): said plainly
            self.join_page.show_error(
                self.tr("This station could not start the hearing. Please tell your support person.") +
                "\n(" + str(exc) + ")")

    def attach_link(self, link: Any) -> None:
        """The link to the court (``ui.link.witness_window.WitnessLinkRunner``): its safety code, its
        states in calm words, the court's camera in "Speaking to you"."""
        from ui.link.witness_window import SpeakingConsumer

        self.link = link
        self.join_page.joined(link.safety_code)
        self.code_small.setText(self.tr("Safety code") + f": {link.safety_code}")
        self.code_small.setVisible(True)
        self.link_status.setVisible(True)
        self.speaking = SpeakingConsumer(self.speaking_view)
        self.speaking.speaker_changed.connect(self._on_speaker)
        link.add_speaking(self.speaking)
        link.state_changed.connect(self._show_link_state)
        link.failed.connect(lambda message: self._show_link_state(
            "refused" if "did not admit" in message else "failed"))
        link.finished.connect(self._on_link_finished)
        self._refresh()

    def _show_link_state(self, state: str) -> None:
        if self.link_state in ("ended", "failed", "refused") and state not in ("failed", "refused"):
            return
        self.link_state = state
        self.join_page.set_state(state)
        self.link_status.setText(link_words(state, self.tr))
        self.link_status.setProperty("state", state)
        if state in ("live", "connecting") and not self.speaking_view.isVisible():
            self.speaking_view.setVisible(True)
            self.questioner.setVisible(False)

    def _on_speaker(self, role: str) -> None:
        self.q_cap.setText(self.tr("Speaking to you") + (f": {self.tr(role)}" if role else ""))

    def _on_link_finished(self, stats: Any) -> None:
        failed = self.link_state in ("failed", "refused")
        if not failed:
            ended_by = str(stats.get("ended_by", "")) if isinstance(stats, dict) else ""
            how = (
                "left"
                if getattr(self.link, "left", False)
                else "lost"
                if ended_by.startswith("connection lost") or ended_by.startswith("court refused")
                else "ended"
            )
            self.link_state = "ended"  # the end words below stay, whatever comes after
            self.link_status.setText(link_words(how, self.tr))
            self.join_page.set_state(how)
        self.speaking_view.clear(self.tr("The hearing has finished. Thank you."))
        self._refresh()

    def delivered(self, where: str) -> None:
        """The station's own recording of the hearing is bundled for the court (said for the support
        person, after the calm end words)."""
        self.link_status.setText(self.link_status.text().split("\n")[0] + "\n" +
                                 self.tr("The recording for the court is saved. (For the court's staff: {where})")
                                 .format(where=where))

    def leave(self) -> None:
        """The witness leaves (the waiting room, or the hearing): the link closes; the desktop ends
        and seals what was recorded."""
        if self.link is not None:
            self.link.leave()

    def open_rehearsal(self) -> Any:
        """The equipment check, in the witness's language; nothing of it is recorded."""
        if self._rehearsal_factory is None or self.rehearsal is not None:
            return self.rehearsal
        from ui.witness.rehearsal import RehearsalDialog

        plan = self.c.plan if self.c is not None else None
        dlg = RehearsalDialog(self._rehearsal_factory, plan, self._translator, self._speaker_factory,
                              high_contrast=self._high_contrast, text_scale=self._text_scale, parent=self)
        self.rehearsal = dlg

        def closed(*_: Any) -> None:
            self.rehearsal = None

        dlg.finished.connect(closed)
        dlg.open()
        return dlg

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.c is not None and self._feed is not None:
            self.c.pipeline.unsubscribe(self._feed)
            self._feed = None
        if self.listening is not None:
            self.listening.close()
            self.listening = None
        if self.rehearsal is not None:
            self.rehearsal.close()
        super().closeEvent(event)
