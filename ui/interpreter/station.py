"""The remote interpreter's station: join through the waiting room (the safety code to compare with
the clerk), choose headphones and microphone (level meter, a test), practise before admission, then
the booth: an ON AIR / OFF AIR banner that cannot be missed, the cough key (hold C: the microphone
is closed while it is held), the hand-over to the partner with a countdown both stations see (H;
Esc cancels), what is heard (the floor or another language for relay) with the channel's return at
a chosen level, who is speaking and whether the witness is on a break (interpreters go quiet too).

The sound and the link are driven by :mod:`ui.interpreter.engine`; devices are opened through the
callables given (tests give their own), so the window never imports a device library itself."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)

from recording.audio.output import close_quietly
from recording.booth import (
    FLOOR,
    BoothMicrophone,
    BoothView,
    HeadphoneMix,
)
from recording.sources.base import Silence, listed
from ui.i18n import language_name
from ui.interpreter.engine import InterpreterRunner, RehearsalEngine
from ui.interpreter.layout import StationLayout
from ui.theme import COURT, apply_theme
from ui.widgets.factory import describe

log = logging.getLogger("testimony_shield.ui.interpreter.station")

#: the floor counts as "speaking" above this level (dBFS), held for a moment after
SPEAKING_DB = -42.0
SPEAKING_HOLD = 0.6


class InterpreterStation(StationLayout, QWidget):
    """``runner_factory(microphone, mix)`` makes the :class:`InterpreterRunner` (None: practice only).
    ``list_microphones()`` / ``list_headphones()`` give ``DeviceInfo``s; ``open_microphone(id)`` gives
    an audio source ("demo": the built-in demo interpreter), ``open_headphones(id)`` an opened sound
    output or raises; ``practice_floor()`` the demo floor of the rehearsal; ``test_tone()`` a source
    that plays a short chime then silence (the headphones' test)."""

    def __init__(
        self,
        language: str,
        case_number: str = "",
        name: str = "",
        runner_factory: Callable[[BoothMicrophone, HeadphoneMix], InterpreterRunner] | None = None,
        list_microphones: Callable[[], list[Any]] = list,
        list_headphones: Callable[[], list[Any]] = list,
        open_microphone: Callable[[str], Any] | None = None,
        open_headphones: Callable[[str], Any] | None = None,
        practice_floor: Callable[[], Any] | None = None,
        test_tone: Callable[[], Any] | None = None,
        high_contrast: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        apply_theme(self, COURT, high_contrast)
        self.setObjectName("interpreterStation")
        self.language, self.case_number, self.name = language, case_number, name
        self._open_microphone = open_microphone
        self._open_headphones = open_headphones
        self._practice_floor = practice_floor
        self._test_tone = test_tone
        self.mix = HeadphoneMix(volume=0.8, return_db=-12.0)
        self.microphone = BoothMicrophone(Silence())
        self.microphone.taps.append(self.mix.on_own)  # the return of your own voice (no network delay)
        self.headphones: Any = None
        self.state = "idle"
        self.view = BoothView()
        self.rehearsal: RehearsalEngine | None = None
        self._testing = False
        self._speaking_until = 0.0
        self._announced = ""
        self._refusal = ""
        self._failure = ""

        self.build_layout(self)
        for dev in listed(list_headphones):
            self.headphones_box.addItem(dev.name, dev.id)
        for dev in listed(list_microphones):
            self.mic_box.addItem(f"{dev.name} (#{dev.id})", dev.id)
        self._default_items()
        self.practise.toggled.connect(self._practise)
        self.cough.pressed.connect(lambda: self.set_cough(True))
        self.cough.released.connect(lambda: self.set_cough(False))
        self.handover.clicked.connect(self.hand_over)
        self.cancel.clicked.connect(self.cancel_handover)
        self.source.currentIndexChanged.connect(self._source_picked)
        self.volume.valueChanged.connect(lambda v: setattr(self.mix, "volume", v / 100.0))
        self.return_on.toggled.connect(self._return_changed)
        self.return_level.valueChanged.connect(self._return_changed)
        self.test.toggled.connect(self._test)
        self.leave_button.clicked.connect(self.leave)
        self.headphones_box.currentIndexChanged.connect(lambda _i: self._use_headphones())
        self.mic_box.currentIndexChanged.connect(lambda _i: self._use_microphone())

        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(self._update_live)
        self._tick.start()
        self.runner: InterpreterRunner | None = None
        self._use_microphone()
        self._use_headphones()
        if runner_factory is not None:
            self.runner = runner_factory(self.microphone, self.mix)
            self.runner.state_changed.connect(self._state)
            self.runner.booth_changed.connect(self._booth)
            self.runner.refused.connect(self._refused)
            self.runner.failed.connect(self._failed)
            self.code.setText(_spaced(self.runner.safety_code))
        self.retranslate()
        self.resize(1060, 700)

    # devices ----------------------------------------------------------------------------------
    def _default_items(self) -> None:
        if self.headphones_box.findData("default") < 0:
            self.headphones_box.insertItem(0, "", "default")
        if self.mic_box.findData("demo") < 0:
            self.mic_box.insertItem(0, "", "default")
            self.mic_box.insertItem(1, "", "demo")
        self.headphones_box.setCurrentIndex(0)
        self.mic_box.setCurrentIndex(0)

    def _use_headphones(self) -> None:
        old, self.headphones = self.headphones, None
        self.mix.set_sink(None)
        close_quietly(old, "the headphones")
        device = self.headphones_box.currentData() or "default"
        if self._open_headphones is not None:
            try:
                self.headphones = self._open_headphones(device)
            except Exception as exc:
                log.info("no headphones: %s", type(exc).__name__)
        if self.headphones is not None:
            speaker = self.headphones
            self.mix.set_sink(lambda samples: _push(speaker, samples))
        self._device_note()

    def _use_microphone(self) -> None:
        device = self.mic_box.currentData() or "default"
        source: Any = Silence()
        self._mic_problem = False
        if self._open_microphone is not None:
            try:
                source = self._open_microphone(device)
                source.open()
            except Exception as exc:
                log.info("microphone not available: %s", type(exc).__name__)
                source, self._mic_problem = Silence(), True
        old = self.microphone.source
        self.microphone.source = source
        if old is not source:
            close_quietly(old, "the microphone")
        self._device_note()

    def _device_note(self) -> None:
        if not hasattr(self, "test"):
            return
        notes = []
        if self.headphones is None:
            notes.append(self.tr("No headphones found: you cannot hear the floor at this station."))
        if getattr(self, "_mic_problem", False):
            notes.append(self.tr("This microphone could not be opened. Check that it is plugged in."))
        self.device_note.setText(
            " ".join(notes) or self.tr("Wear headphones: the floor must not reach your microphone.")
        )

    # practice and the test ------------------------------------------------------------------------
    def _practise(self, on: bool) -> None:
        self._stop_rehearsal()
        if on:
            if self.test.isChecked():
                self.test.setChecked(False)
            if self._practice_floor is not None:
                self.rehearsal = RehearsalEngine(self._practice_floor(), self.microphone, self.mix)
                self.rehearsal.start()
        self._refresh()

    def _test(self, on: bool) -> None:
        """The headphones and microphone test: a chime, then the interpreter hears their own voice."""
        self._stop_rehearsal()
        self._testing = False
        if on:
            if self.practise.isChecked():
                self.practise.blockSignals(True)
                self.practise.setChecked(False)
                self.practise.blockSignals(False)
            if self._test_tone is not None:
                self._testing = True
                self.rehearsal = RehearsalEngine(self._test_tone(), self.microphone, self.mix)
                self.rehearsal.start()
        self._return_changed()
        self._refresh()

    def _stop_rehearsal(self) -> None:
        if self.rehearsal is not None:
            self.rehearsal.stop()
            self.rehearsal = None
        self.microphone.set_open(self.view.microphone_open and self.state == "live")
        self.mix.own_on_air = self.view.you_on_air

    # the link's events ------------------------------------------------------------------------
    def _state(self, state: str) -> None:
        self.state = state
        if state == "live":
            for b in (self.practise, self.test):
                if b.isChecked():
                    b.setChecked(False)
        if state == "ended":
            self.microphone.set_open(False)
        self._refresh()

    def _booth(self, view: BoothView) -> None:
        self.view = view
        self._refusal = ""
        self._fill_sources()
        self._refresh()
        text = self._banner_text()[0]
        if (
            view.event in ("on_air_changed", "handover_started", "handover_cancelled")
            and text != self._announced
        ):
            self._announced = text
            self.announce(self._countdown_text() or text)

    def _refused(self, reason: str) -> None:
        self._refusal = {
            "only the interpreter on air hands over": self.tr("Only the interpreter on air can hand over."),
            "no partner interpreter is connected": self.tr(
                "Your partner is not connected: you cannot hand over."
            ),
            "a hand-over is already counting down": self.tr("A hand-over is already counting down."),
        }.get(reason, self.tr("The court refused that request."))
        self._refresh()

    def _failed(self, reason: str) -> None:
        self._failure = reason
        self._refresh()

    def announce(self, text: str) -> None:
        """Tell a screen reader at once (on air changes, a countdown starting)."""
        event = QAccessibleAnnouncementEvent(self.banner, text)
        QAccessible.updateAccessibility(event)

    # actions ----------------------------------------------------------------------------------
    def set_cough(self, on: bool) -> None:
        """The cough key: the microphone is closed while it is held."""
        if on == self.microphone.cough:
            return
        self.microphone.set_cough(on)
        self._refresh()

    def hand_over(self) -> None:
        if self.runner is not None and self.view.you_on_air and self.view.handover is None:
            self.runner.hand_over(self.handover_seconds.value())
        elif self.runner is not None and not self.view.you_on_air:
            self._refused("only the interpreter on air hands over")

    def cancel_handover(self) -> None:
        if self.runner is not None and self.view.handover is not None:
            self.runner.cancel_handover()

    def _source_picked(self, index: int) -> None:
        channel = self.source.itemData(index)
        if channel and self.runner is not None and channel != self.view.listening:
            self.runner.listen(channel)

    def _return_changed(self, *_: Any) -> None:
        if self._testing:  # the test: your own voice at full level
            self.mix.return_db = 0.0
        else:
            self.mix.return_db = float(self.return_level.value()) if self.return_on.isChecked() else None
        self.return_level.setEnabled(self.return_on.isChecked())
        self.return_value.setText(self.tr("{db} dB").format(db=self.return_level.value()))

    def leave(self) -> None:
        if self.runner is not None and self.state not in ("ended",):
            self.runner.leave()
        self.microphone.set_open(False)

    # display ----------------------------------------------------------------------------------
    def _fill_sources(self) -> None:
        self.source.blockSignals(True)
        self.source.clear()
        for ch in self.view.sources:
            if ch == FLOOR:
                self.source.addItem(self.tr("The floor (the court room)"), FLOOR)
            else:
                self.source.addItem(
                    self.tr("{language} (relay)").format(language=language_name(ch, native=False)), ch
                )
        i = self.source.findData(self.view.listening)
        self.source.setCurrentIndex(max(0, i))
        self.source.blockSignals(False)
        self.source.setEnabled(self.source.count() > 1)

    def _banner_text(self) -> tuple[str, str, str]:
        """(text, accessible description, style name) of the ON AIR banner."""
        if self.state == "ended":
            return self.tr("THE HEARING HAS ENDED"), self.tr("Your microphone is closed."), "offAir"
        if self.state != "live" or not self.view.you:
            if self.rehearsal is not None and not self._testing:
                return (
                    self.tr("PRACTICE — nothing is sent"),
                    self.tr("Your microphone is heard only by you. Nothing is recorded."),
                    "practice",
                )
            return self.tr("NOT ON AIR — not admitted yet"), self.tr("Nothing you say is sent."), "offAir"
        if self.view.you_on_air and self.microphone.cough:
            return (
                self.tr("ON AIR — MICROPHONE CLOSED (cough)"),
                self.tr("Release C to speak again."),
                "cough",
            )
        if self.view.you_on_air:
            return (
                self.tr("ON AIR — you are interpreting into {language}").format(
                    language=language_name(self.language, native=False)
                ),
                self.tr("Everything you say goes to the court."),
                "onAir",
            )
        partner = self.view.name_of(self.view.on_air)
        return (
            self.tr("OFF AIR — {name} is on air").format(name=partner)
            if partner
            else self.tr("OFF AIR — nobody is on air"),
            self.tr("Your microphone is closed."),
            "offAir",
        )

    def _countdown_text(self) -> str:
        left = self.view.countdown()
        if left is None or self.state != "live":
            return ""
        secs = max(0, int(left + 0.999))
        if self.view.handing_over:
            return self.tr("Handing over to {name} in {seconds} s").format(
                name=self.view.name_of(self.view.handover["to"]) if self.view.handover else "", seconds=secs
            )
        if self.view.taking_over:
            return self.tr("You take over from {name} in {seconds} s — your microphone is open").format(
                name=self.view.name_of(self.view.handover["from"]) if self.view.handover else "", seconds=secs
            )
        return self.tr("Hand-over in {seconds} s").format(seconds=secs)

    def _update_live(self) -> None:
        self.meter.set_level(self.microphone.level_db)
        if self.mix.floor_db > SPEAKING_DB:
            self._speaking_until = time.monotonic() + SPEAKING_HOLD
        self._refresh_live()

    def _refresh_live(self) -> None:
        text = self._countdown_text()
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text or self.tr("No hand-over"))
        self.countdown.setVisible(bool(text))
        live = self.state == "live"
        if not live and self.rehearsal is None:
            speaking = self.tr("The hearing has not started for you yet.")
        elif live and self.view.witness == "break":
            speaking = self.tr("The witness is on a break. Stay quiet: the court hears nothing.")
        elif live and self.view.witness in ("waiting", "reconnecting"):
            speaking = (
                self.tr("The witness is not connected yet.")
                if self.view.witness == "waiting"
                else self.tr("The witness's connection is being restored.")
            )
        elif time.monotonic() < self._speaking_until:
            speaking = (
                self.tr("Speaking now: the witness (floor)")
                if live
                else self.tr("Speaking now: the practice floor")
            )
        else:
            speaking = self.tr("Nobody is speaking on the floor.")
        self.speaking.setText(speaking)
        self.speaking.setAccessibleName(speaking)

    def _refresh(self) -> None:
        text, desc, style = self._banner_text()
        if self.banner.objectName() != style:
            self.banner.setObjectName(style)
            self.banner.style().unpolish(self.banner)
            self.banner.style().polish(self.banner)
        self.banner.setText(text)
        self.banner.setAccessibleName(text)
        self.banner.setAccessibleDescription(desc)
        live = self.state == "live"
        self.join_box.setVisible(not live)
        v = self.view
        on_air = v.name_of(v.on_air)
        if live:
            self.on_air_line.setText(
                self.tr("On air on {language}: you").format(
                    language=language_name(self.language, native=False)
                )
                if v.you_on_air
                else self.tr("On air on {language}: {name}").format(
                    language=language_name(self.language, native=False), name=on_air or self.tr("nobody")
                )
            )
            partner = v.partner
            self.partner_line.setText(
                self._refusal
                or (
                    self.tr("Your partner: {name} ({state})").format(
                        name=partner["name"],
                        state=self.tr("connected") if partner["connected"] else self.tr("not connected"),
                    )
                    if partner
                    else self.tr("You have no partner in this booth.")
                )
            )
        else:
            self.on_air_line.setText(self._refusal)
            self.partner_line.setText("")
        self.cough.setEnabled(live and v.microphone_open or self.rehearsal is not None)
        self.cough.setText(
            self.tr("Microphone closed — release C") if self.microphone.cough else self.tr("Cough (hold C)")
        )
        self.handover.setEnabled(live and v.you_on_air and v.handover is None and v.partner is not None)
        self.handover_seconds.setEnabled(self.handover.isEnabled())
        self.cancel.setEnabled(live and v.handover is not None)
        self.source.setEnabled(live and self.source.count() > 1)
        self.status.setText(self._status_text())
        self._refresh_live()

    def _status_text(self) -> str:
        if self._failure:
            return self.tr("Could not join the court: {reason}").format(reason=self._failure)
        return {
            "idle": self.tr("Not connected"),
            "joining": self.tr("Connecting to the court…"),
            "waiting": self.tr(
                "In the waiting room: the clerk will admit you. Compare the safety code with the clerk first."
            ),
            "live": self.tr("Admitted: you are in the booth."),
            "reconnecting": self.tr("Reconnecting… (the court hears your partner, or nobody, meanwhile)"),
            "ended": self.tr("The hearing has ended. You can close this window."),
        }.get(self.state, self.state)

    def retranslate(self) -> None:
        lang = language_name(self.language, native=False)
        self.setWindowTitle(self.tr("Testimony Shield — Interpreter ({language})").format(language=lang))
        self.setAccessibleName(self.tr("Interpreter station"))
        self.setAccessibleDescription(
            self.tr("Interpreting into {language} for case {case}").format(
                language=lang, case=self.case_number or "—"
            )
        )
        self.title.setText(
            self.tr("Interpreter station — {language} ({code})").format(language=lang, code=self.language)
            + (self.tr(" · case {case}").format(case=self.case_number) if self.case_number else "")
        )
        self.join_box.setTitle(self.tr("Safety code"))
        describe(self.code, self.tr("Safety code"), self.tr("Compare it with the code on the clerk's screen"))
        self.code_hint.setText(
            self.tr("The clerk sees the same six digits. If they differ, do not go on: tell the clerk by phone.")
        )
        describe(self.practise, self.tr("Practise first"),
                 self.tr("Hear a practice floor and your own voice; try the cough key. Nothing is sent or recorded."),
                 text=self.tr("Practise first (nothing is sent)"))
        describe(self.cough, self.tr("Cough"), self.tr("Hold to close your microphone for a moment. Key: hold C."))
        describe(self.handover, self.tr("Hand over to partner"),
                 self.tr("Starts a countdown both of you see; your partner is on air at its end. Key: H."),
                 text=self.tr("&Hand over to partner"))
        self.handover_seconds.setSuffix(self.tr(" s"))
        describe(self.handover_seconds, self.tr("Hand-over countdown"),
                 self.tr("Seconds before your partner is on air"))
        describe(self.cancel, self.tr("Cancel hand-over"), self.tr("Stops the countdown. Key: Escape."),
                 text=self.tr("Cancel hand-over"))
        self.source_label.setText(self.tr("I &listen to"))
        describe(self.source, self.tr("I listen to"), self.tr("The floor, or another language's interpreter for relay"))
        self.volume_label.setText(self.tr("&Volume"))
        describe(self.volume, self.tr("Volume"), self.tr("How loud the floor (or relay) is in your headphones"))
        self.return_label.setText(self.tr("&Return"))
        describe(self.return_on, self.tr("Return on"),
                 self.tr("Hear your language's channel: your own voice on air, your partner's off air"),
                 text=self.tr("On"))
        describe(self.return_level, self.tr("Return level"), self.tr("How loud the return is, below the floor, in dB"))
        self.devices.setTitle(self.tr("Headphones and microphone"))
        self.headphones_label.setText(self.tr("&Headphones"))
        describe(self.headphones_box, self.tr("Headphones"), self.tr("Where you hear the floor"))
        self.headphones_box.setItemText(self.headphones_box.findData("default"), self.tr("System default"))
        self.mic_label.setText(self.tr("&Microphone"))
        describe(self.mic_box, self.tr("Microphone"), self.tr("The microphone you interpret into"))
        self.mic_box.setItemText(self.mic_box.findData("default"), self.tr("System default"))
        self.mic_box.setItemText(self.mic_box.findData("demo"), self.tr("Demo interpreter (built-in)"))
        self.meter_label.setText(self.tr("Level"))
        describe(self.meter, self.tr("Microphone level"))
        describe(self.test, self.tr("Test headphones and microphone"),
                 self.tr("Plays a chime, then your own voice, in your headphones"),
                 text=self.tr("&Test headphones and microphone"))
        describe(self.device_note, self.tr("Device note"))
        describe(self.leave_button, self.tr("Leave the hearing"),
                 self.tr("Closes your microphone and tells the court you left"),
                 text=self.tr("Leave the hearing"))
        self._device_note()
        self._return_changed()
        self._fill_sources()
        self._refresh()

    # keys: cough (hold C), hand over (H), cancel (Escape) — wherever the focus is in this window
    def showEvent(self, event: Any) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        super().showEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and isinstance(event, QKeyEvent)
            and isinstance(obj, QWidget)
            and obj.window() is self
            and self.isActiveWindow()
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            key = event.key()
            if key == Qt.Key.Key_C:
                if not event.isAutoRepeat():
                    self.set_cough(kind == QEvent.Type.KeyPress)
                return True
            if key == Qt.Key.Key_H and kind == QEvent.Type.KeyPress:
                if not event.isAutoRepeat():
                    self.hand_over()
                return True
            if key == Qt.Key.Key_Escape and kind == QEvent.Type.KeyPress and self.view.handover is not None:
                self.cancel_handover()
                return True
        return super().eventFilter(obj, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "leave_button"):
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._tick.stop()
        self._stop_rehearsal()
        self.leave()
        self.mix.set_sink(None)
        close_quietly(self.headphones, "the headphones")
        self.headphones = None
        super().closeEvent(event)


def _push(speaker: Any, samples: Any) -> None:
    try:
        speaker.push(samples)
    except Exception:
        log.debug("the headphones went away")


def _spaced(code: str) -> str:
    return f"{code[:3]} {code[3:]}" if len(code) == 6 else code
