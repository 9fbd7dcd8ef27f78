"""The judge's player: a sealed recording played while it is decrypted in memory
(:class:`~ui.review.stream.VaultStreamDevice`, no temporary file), with play/pause, a position
slider, the audio track (language) choice and the chapter (break) list, after the PySide6 media
player example.

Signals:
    RecordingPlayer.failed(str): the recording cannot be played (a plain message for the judge).
    ChapterList.jump(float): the judge chose a chapter starting at that many seconds.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Q_ARG, QCoreApplication, QLocale, QMetaObject, Qt, QTimer, QUrl, Signal
from PySide6.QtMultimedia import (
    QAudioOutput,
    QMediaDevices,
    QMediaMetaData,
    QMediaPlayer,
    QVideoFrame,
    QVideoSink,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import language_name
from ui.review.recordings_model import fmt_time
from ui.review.stream import VaultStreamDevice
from ui.widgets.factory import button, label
from ui.widgets.video_view import VideoView

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "JudgeReview")

log = logging.getLogger("testimony_shield.ui.review")


class ChapterList(QListWidget):
    """"Start of recording", then one item per break (``{"title", "start", "end"}`` chapters)."""

    jump = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("JudgeReview", "Chapters (breaks)"))
        self.setAccessibleDescription(translate("JudgeReview", "Enter jumps to the chapter"))
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def fill(self, chapters: list[dict[str, Any]]) -> None:
        self.clear()
        start = QListWidgetItem(translate("JudgeReview", "Start of recording  00:00"))
        start.setData(Qt.ItemDataRole.UserRole, 0.0)
        self.addItem(start)
        for i, ch in enumerate(chapters, 1):
            s, e = float(ch.get("start", 0.0)), ch.get("end")
            span = f"{fmt_time(s)}–{fmt_time(float(e))}" if e is not None else fmt_time(s)
            title = translate("JudgeReview", "Break") if ch.get("title", "Break") == "Break" else ch.get("title")
            item = QListWidgetItem(f"{title} {i}  {span}")
            item.setData(Qt.ItemDataRole.UserRole, s)
            self.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        emit_jump(self.jump, item)


def emit_jump(signal: Any, item: QListWidgetItem) -> None:
    """Emit the position (seconds) an item of a chapter or note list stands for."""
    t = item.data(Qt.ItemDataRole.UserRole)
    if t is not None:
        signal.emit(float(t))


class RecordingPlayer(QWidget):
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rl = QVBoxLayout(self)
        rl.setContentsMargins(0, 0, 0, 0)
        self.now_playing = label(translate("JudgeReview", "No recording open"), "subtitle",
                                 translate("JudgeReview", "Now playing"))
        rl.addWidget(self.now_playing)
        self.view = VideoView(translate("JudgeReview", "Unlock the vault and choose a recording."))
        self.view.setAccessibleName(translate("JudgeReview", "Recording video"))
        rl.addWidget(self.view, 1)
        controls = QHBoxLayout()
        self.play_btn = button(
            translate("JudgeReview", "Play"), translate("JudgeReview", "Play or pause"), self.toggle_play
        )
        self.play_btn.setAccessibleDescription(translate("JudgeReview", "Space plays or pauses"))
        controls.addWidget(self.play_btn)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(translate("JudgeReview", "Position"))
        self.slider.setAccessibleDescription(translate("JudgeReview", "Arrow keys move through the recording"))
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(self.seek_ms)
        self.slider.sliderReleased.connect(lambda: self.seek_ms(self.slider.value()))
        controls.addWidget(self.slider, 1)
        self.time_label = label("00:00 / 00:00", accessible=translate("JudgeReview", "Time"))
        self.time_label.setProperty("i18n_data", True)  # a clock
        controls.addWidget(self.time_label)
        rl.addLayout(controls)
        tracks = QHBoxLayout()
        tracks.addWidget(QLabel(translate("JudgeReview", "Audio")))
        self.track_combo = QComboBox()
        self.track_combo.setAccessibleName(translate("JudgeReview", "Audio track (language)"))
        self.track_combo.setAccessibleDescription(translate("JudgeReview", "The floor or an interpretation channel"))
        self.track_combo.activated.connect(self._choose_track)
        tracks.addWidget(self.track_combo, 1)
        self.sound_note = label("", "hint", translate("JudgeReview", "Sound output"))
        tracks.addWidget(self.sound_note)
        rl.addLayout(tracks)

        self.device: VaultStreamDevice | None = None
        self.player = QMediaPlayer(self)
        # no speakers (a headless court server): play the picture only, and say so
        self.audio: QAudioOutput | None = None
        if QMediaDevices.audioOutputs():
            self.audio = QAudioOutput(self)
            self.player.setAudioOutput(self.audio)
        self.sink = QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._on_frame)
        self.player.setVideoSink(self.sink)
        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self._on_duration)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.tracksChanged.connect(self._on_tracks)
        self.player.errorOccurred.connect(self._on_error)
        if self.audio is None:
            self.sound_note.setText(translate("JudgeReview", "No speakers found: sound is off"))

    def set_controls_enabled(self, enabled: bool) -> None:
        for w in (self.play_btn, self.slider, self.track_combo):
            w.setEnabled(enabled)

    def play(self, reader: Any, duration: float | None, title: str) -> None:
        """Play ``reader`` (a vault RecordingReader) from the start; the previous one is let go."""
        self.close_device()
        device = VaultStreamDevice(reader, self, duration=duration)
        device.open_read()
        self.device = device
        self.now_playing.setText(title)
        self.track_combo.clear()

        def attach() -> None:  # after the previous source was dropped (queued, see close_device)
            if self.device is device:
                self.player.setSourceDevice(device, QUrl("vault-recording.mkv"))
                self.player.play()

        QTimer.singleShot(0, self, attach)

    def position_s(self) -> float:
        return max(0, self.player.position()) / 1000.0

    def close_device(self) -> None:
        """Let the player go of the stream, then close it.

        The media backend reads the device from its own thread through our Python overrides, so
        tearing the source down by a direct call from Python (which holds the GIL while Qt waits for
        that thread) can deadlock.  The player is told to stop and drop its source by queued calls
        that the event loop makes in C++, and the device is closed after them."""
        device, self.device = self.device, None
        QMetaObject.invokeMethod(self.player, "stop", Qt.ConnectionType.QueuedConnection)
        QMetaObject.invokeMethod(self.player, "setSource", Qt.ConnectionType.QueuedConnection,
                                 Q_ARG(QUrl, QUrl()))
        if device is not None:
            def close() -> None:
                device.close()
                device.deleteLater()

            QTimer.singleShot(0, self, close)

    def toggle_play(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        elif self.device is not None:
            self.player.play()

    def seek_ms(self, ms: int) -> None:
        self.player.setPosition(int(ms))

    def seek_s(self, seconds: float) -> None:
        self.seek_ms(int(seconds * 1000))

    def _on_frame(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self.view.set_image(frame.toImage())

    def _on_position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self.time_label.setText(f"{fmt_time(ms / 1000)} / {fmt_time(self.player.duration() / 1000)}")

    def _on_duration(self, ms: int) -> None:
        self.slider.setRange(0, max(0, ms))

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        self.play_btn.setText(
            translate("JudgeReview", "Pause")
            if state == QMediaPlayer.PlaybackState.PlayingState
            else translate("JudgeReview", "Play")
        )

    def _on_tracks(self) -> None:
        self.track_combo.clear()
        active = self.player.activeAudioTrack()
        for i, md in enumerate(self.player.audioTracks()):
            title = md.stringValue(QMediaMetaData.Key.Title)
            lang = md.value(QMediaMetaData.Key.Language)
            code = QLocale.languageToCode(lang, QLocale.LanguageCodeType.ISO639Part2) \
                if isinstance(lang, QLocale.Language) and lang not in (QLocale.Language.AnyLanguage,
                                                                       QLocale.Language.C) else ""
            lang_name = language_name(code, native=False) if code else ""
            if title.lower().startswith("floor"):  # the floor track, in the staff's words
                text = translate("JudgeReview", "Floor ({language})").format(language=lang_name or code or "?")
            elif lang_name:
                text = translate("JudgeReview", "{language} interpretation").format(language=lang_name)
            else:
                text = title or translate("JudgeReview", "Track {n}").format(n=i + 1)
            self.track_combo.addItem(text, i)
        if 0 <= active < self.track_combo.count():
            self.track_combo.setCurrentIndex(active)

    def _choose_track(self, index: int) -> None:
        self.player.setActiveAudioTrack(int(self.track_combo.itemData(index)))

    def _on_error(self, error: QMediaPlayer.Error, _text: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            log.error("player error %s", error)
            self.failed.emit(translate("JudgeReview", "This recording cannot be played: it may be damaged or changed. "
                             "Run “Verify vault”."))
