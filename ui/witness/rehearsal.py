"""Rehearsal and equipment check for the witness, in their language, before going live.

Nothing of it is recorded: it runs its own local pipeline (made by ``pipeline_factory(plan)``, given
by the desktop — camera, microphone, face and voice maskers, interpreter channels) with no recorder
attached, and the voice snippet for the playback is held in memory only and dropped when the check
closes.  The witness sees:

1. their camera with the mask on (the WITNESS_SELF output: exactly what the court's mask looks like);
2. their microphone level, and their masked voice played back (a few seconds, in memory);
3. their interpreter channel (floor, or their language with the floor underneath), through the
   speakers when there are any ("no speakers found" otherwise);
4. the break button: the break screen appears, then "I'm ready to continue" returns here.

Signals:
    ready(): the pipeline started (the check can begin).
    break_tried(): the witness tried the break button.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recording.audio.mixer import FLOOR
from recording.audio.output import close_quietly
from recording.model import AUDIO_RATE, Audience, Decision
from ui.concurrency import on_main
from ui.i18n import WitnessTranslator, language_name
from ui.theme import WITNESS, apply_theme
from ui.widgets.factory import button, card, describe, label, page, stacked
from ui.widgets.level_meter import LevelMeter
from ui.widgets.video_view import PipelineFeed, VideoView
from ui.witness.break_page import BreakPage
from ui.witness.listening import Listening, SpeakerFactory, open_speaker

log = logging.getLogger("testimony_shield.ui.witness.rehearsal")

SNIPPET_SECONDS = 4.0


class VoiceSnippet:
    """A pipeline consumer keeping up to ``seconds`` of the witness's MASKED voice, in memory only."""

    def __init__(self, seconds: float = SNIPPET_SECONDS) -> None:
        self._max = int(seconds * AUDIO_RATE)
        self._blocks: list[np.ndarray] = []
        self._n = 0
        self._lock = threading.Lock()
        self.recording = False

    def start(self) -> None:
        with self._lock:
            self._blocks, self._n, self.recording = [], 0, True

    @property
    def full(self) -> bool:
        return self._n >= self._max

    @property
    def seconds(self) -> float:
        return self._n / AUDIO_RATE

    def samples(self) -> np.ndarray:
        with self._lock:
            return np.concatenate(self._blocks) if self._blocks else np.zeros(0, np.float32)

    def clear(self) -> None:
        with self._lock:
            self._blocks, self._n, self.recording = [], 0, False

    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float,
                 decision: Decision) -> None:
        pass

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        if channel != FLOOR or not self.recording:
            return
        with self._lock:
            if self._n >= self._max:
                self.recording = False
                return
            self._blocks.append(np.array(samples, np.float32, copy=True))
            self._n += len(samples)


class _Playback:
    """Feeds a snippet to a speaker in real time from a GUI-thread timer, a little ahead."""

    AHEAD = 0.25

    def __init__(self, speaker: Any, samples: np.ndarray, done: Callable[[], None]) -> None:
        self.speaker = speaker
        self.samples = samples
        self.pos = 0
        self.t0 = time.monotonic()
        self.done = done
        self.timer = QTimer()
        self.timer.setInterval(40)
        self.timer.timeout.connect(self._feed)
        self._feed()
        self.timer.start()

    def _feed(self) -> None:
        due = int((time.monotonic() - self.t0 + self.AHEAD) * AUDIO_RATE)
        end = min(len(self.samples), due)
        try:
            if end > self.pos:
                self.speaker.push(self.samples[self.pos:end], self.pos)
                self.pos = end
        except Exception:
            self.pos = len(self.samples)
        if self.pos >= len(self.samples) and time.monotonic() - self.t0 > len(self.samples) / AUDIO_RATE:
            self.stop()

    def stop(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.done()


class RehearsalDialog(QDialog):
    ready = Signal()
    break_tried = Signal()

    def __init__(self, pipeline_factory: Callable[[Any], Any], plan: Any, translator: WitnessTranslator,
                 speaker_factory: SpeakerFactory | None, high_contrast: bool = False, text_scale: float = 1.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tr = translator.tr
        t = self._tr
        self.setWindowTitle(t("Practice and equipment check"))
        self.setAccessibleName(t("Practice and equipment check"))
        self.setModal(True)
        apply_theme(self, WITNESS, high_contrast, text_scale)
        self._factory = pipeline_factory
        self._plan = plan
        self._speaker_factory = speaker_factory
        self.pipeline: Any = None
        self.failed = ""
        self._feed = PipelineFeed(None, Audience.WITNESS_SELF)
        self.snippet = VoiceSnippet()
        self.listening: Listening | None = None
        self._speaker: Any = None
        self._playback: _Playback | None = None
        self._closed = False

        self.stack = stacked(self)

        # the check page ------------------------------------------------------------------------
        check, pl = page("mainPage", (28, 20, 28, 20), 12)
        head = label(t("Let's check everything before we start"), object_name="title", wrap=True)
        pl.addWidget(head)
        note = label(t("Nothing here is recorded, and nobody in court can see or hear it. Take your time."),
                     object_name="subtitle", wrap=True)
        pl.addWidget(note)

        body = QHBoxLayout()
        body.setSpacing(16)
        cam, cl = card()
        cap = label(t("1. Your camera, with your face covered"), object_name="subtitle", wrap=True)
        cl.addWidget(cap)
        self.view = VideoView(t("Starting your camera…"))
        self.view.setAccessibleName(t("Your camera, with your face covered"))
        self._feed.view = self.view
        cl.addWidget(self.view, 1)
        body.addWidget(cam, 1)

        right = QVBoxLayout()
        right.setSpacing(12)
        mic, ml = card()
        cap = label(t("2. Your microphone"), object_name="subtitle")
        ml.addWidget(cap)
        self.mic_meter = LevelMeter()
        self.mic_meter.setAccessibleName(t("Your microphone level"))
        ml.addWidget(self.mic_meter)
        row = QHBoxLayout()
        self.record_btn = button(t("Record a few words"), t("Record a few words"), self.record_snippet,
                                 description=t("Records a few seconds from your microphone, only on this computer"))
        self.play_btn = button(t("Hear my changed voice"), t("Hear my changed voice"),
                               description=t("Plays your words back with the changed voice the court hears"))
        self.play_btn.setEnabled(False)
        self.play_btn.clicked.connect(self.play_snippet)
        row.addWidget(self.record_btn)
        row.addWidget(self.play_btn)
        ml.addLayout(row)
        self.mic_status = label(t("Say a few words, then listen to how the court hears your voice."),
                                object_name="hint", wrap=True)
        ml.addWidget(self.mic_status)
        right.addWidget(mic)

        interp, il = card()
        cap = label(t("3. What you will hear"), object_name="subtitle")
        il.addWidget(cap)
        row = QHBoxLayout()
        self.channel = QComboBox()
        self.channel.setAccessibleName(t("The channel you hear"))
        self.channel.setAccessibleDescription(
            t("What you hear: the court room, or your interpreter with the court room quietly underneath")
        )
        self.channel.addItem(t("The court room (no interpretation)"), FLOOR)
        for lang in getattr(plan, "languages", ()) or ():
            self.channel.addItem(f"{language_name(lang)} ({lang})", lang)
        if self.channel.count() > 1:
            self.channel.setCurrentIndex(1)
        self.channel.currentIndexChanged.connect(self._channel_picked)
        row.addWidget(self.channel, 1)
        self.listen_btn = button(t("Listen"), t("Listen to this channel"),
                                 description=t("Plays the chosen channel in your speakers"))
        self.listen_btn.setCheckable(True)
        self.listen_btn.toggled.connect(self.set_listening)
        row.addWidget(self.listen_btn)
        il.addLayout(row)
        self.listen_meter = LevelMeter()
        self.listen_meter.setAccessibleName(t("Level of what you hear"))
        il.addWidget(self.listen_meter)
        self.listen_status = label(object_name="hint", wrap=True)
        il.addWidget(self.listen_status)
        right.addWidget(interp)

        brk, bl = card()
        cap = label(t("4. Try the break button"), object_name="subtitle")
        bl.addWidget(cap)
        self.try_break = QPushButton(t("I need a break"))
        self.try_break.setObjectName("breakButton")
        self.try_break.setStyleSheet("padding: 12px 24px; min-height: 40px;")
        self.try_break.setAccessibleName(t("Try the break button"))
        self.try_break.setAccessibleDescription(
            t("Shows what happens when you take a break. Nothing reaches the court.")
        )
        self.try_break.clicked.connect(self.show_break)
        bl.addWidget(self.try_break)
        right.addWidget(brk)
        right.addStretch(1)
        body.addLayout(right, 1)
        pl.addLayout(body, 1)

        foot = QHBoxLayout()
        self.status = label(object_name="hint", wrap=True)
        foot.addWidget(self.status, 1)
        self.done_btn = button(t("I'm ready — finish the check"), t("I'm ready — finish the check"), self.accept,
                               object_name="primary", description=t("Closes the check. Nothing was recorded."))
        foot.addWidget(self.done_btn)
        pl.addLayout(foot)
        self.stack.addWidget(check)
        self.check_page = check

        # the practice break page --------------------------------------------------------------
        bp = BreakPage()
        bp.head.setText(t("You are on a break"))
        describe(bp.guidance, t("Break guidance"),
                 text=t("This is what a break looks like. During the hearing, the court would now see a "
                        "curtain and hear nothing, straight away. You never have to say why."))
        self.back_btn = bp.ready
        describe(self.back_btn, t("I'm ready to continue"), t("Goes back to the check"),
                 text=t("I'm ready to continue"))
        self.back_btn.clicked.connect(self.end_break)
        self.stack.addWidget(bp)
        self.break_page = bp

        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)
        self.resize(1100, 760)
        self._start_pipeline()

    # pipeline --------------------------------------------------------------------------------
    def _start_pipeline(self) -> None:
        self.status.setText(self._tr("Starting your camera and microphone…"))

        def work() -> None:
            try:
                p = self._factory(self._plan)
                p.start()
            except Exception as exc:
                log.warning("rehearsal could not start: %s", type(exc).__name__)
                on_main(self._failed)
                return
            on_main(self._started, p)

        threading.Thread(target=work, name="rehearsal-start", daemon=True).start()

    def _started(self, pipeline: Any) -> None:
        if self._closed:
            pipeline.stop()
            return
        self.pipeline = pipeline
        pipeline.subscribe({Audience.WITNESS_SELF}, self._feed)
        pipeline.subscribe({Audience.WITNESS_SELF}, self.snippet)
        self._speaker = open_speaker(self._speaker_factory)
        self.status.setText("" if self._speaker is not None else
                            self._tr("No speakers found — you can still check your camera and microphone."))
        self._timer.start()
        self.ready.emit()

    def _failed(self) -> None:
        self.failed = "start"
        self.status.setText(self._tr("The camera or microphone could not be started. Please tell the court staff."))

    def _poll(self) -> None:
        if self.pipeline is None:
            return
        self.mic_meter.set_level(self.pipeline.status.floor_level_db)
        if self.listening is not None:
            self.listen_meter.set_level(self.listening.level)
        if self.snippet.recording:
            self.mic_status.setText(self._tr("Recording… ({seconds:.0f} s)").format(seconds=self.snippet.seconds))
        elif self.record_btn.property("recording"):
            self.record_btn.setProperty("recording", False)
            self.record_btn.setEnabled(True)
            self.play_btn.setEnabled(self.snippet.seconds >= 0.25)
            self.mic_status.setText(self._tr("Done. Press “Hear my changed voice”."))

    # microphone -----------------------------------------------------------------------------
    def record_snippet(self) -> None:
        if self.pipeline is None:
            return
        self.snippet.start()
        self.record_btn.setProperty("recording", True)
        self.record_btn.setEnabled(False)
        self.play_btn.setEnabled(False)

    def play_snippet(self) -> bool:
        samples = self.snippet.samples()
        if not len(samples):
            return False
        if self._speaker is None:
            self.mic_status.setText(self._tr("No speakers found — your voice cannot be played back here."))
            return False
        if self._playback is not None:
            self._playback.stop()
        self.play_btn.setEnabled(False)
        self.mic_status.setText(self._tr("Playing your changed voice…"))

        def done() -> None:
            self._playback = None
            self.play_btn.setEnabled(True)
            self.mic_status.setText(self._tr("This is how the court hears your voice."))

        self._playback = _Playback(self._speaker, samples, done)
        return True

    # listening -------------------------------------------------------------------------------
    def _channel_picked(self, index: int) -> None:
        if self.listening is not None:
            self.listening.choose(self.channel.itemData(index))

    def set_listening(self, on: bool) -> None:
        if self.listening is not None:
            self.listening.close()
            self.listening = None
        if on and self.pipeline is not None:
            self.listening = Listening(self.pipeline, self._speaker_factory, self.channel.currentData() or FLOOR)
            self.listen_status.setText(self._tr("You hear the interpreter, with the court room quietly underneath.")
                                       if self.listening.channel != FLOOR else self._tr("You hear the court room."))
            if not self.listening.available:
                self.listen_status.setText(self._tr("No speakers found — the court's sound cannot be played here."))
        else:
            self.listen_status.setText("")
            self.listen_meter.set_level(-90)
        self.listen_btn.setText(self._tr("Stop") if on else self._tr("Listen"))

    # the break -------------------------------------------------------------------------------
    def show_break(self) -> None:
        if self.pipeline is not None:
            self.pipeline.set_break(True)
        self.stack.setCurrentWidget(self.break_page)
        self.back_btn.setFocus()
        self.break_tried.emit()

    def end_break(self) -> None:
        if self.pipeline is not None:
            self.pipeline.set_break(False)
        self.stack.setCurrentWidget(self.check_page)
        self.try_break.setFocus()

    # closing: stop everything and forget the snippet --------------------------------------------
    def done(self, result: int) -> None:
        self._shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._shutdown()
        super().closeEvent(event)

    def _shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        if self._playback is not None:
            self._playback.timer.stop()
            self._playback = None
        if self.listening is not None:
            self.listening.close()
            self.listening = None
        self.snippet.clear()
        close_quietly(self._speaker, "the speaker")
        self._speaker = None
        if self.pipeline is not None:
            self.pipeline.unsubscribe(self._feed)
            self.pipeline.unsubscribe(self.snippet)
            self.pipeline.stop()
            self.pipeline = None
