"""Judge review: unlock the vault with the judge's passphrase, list the sealed recordings, play one
decrypting as it plays (:mod:`ui.review.stream`), switch language tracks, jump to breaks (chapters),
check integrity and read the audit trail.

All vault calls run on the op runner (one worker thread); results come back on the GUI thread.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtMultimedia import (
    QAudioOutput,
    QMediaDevices,
    QMediaMetaData,
    QMediaPlayer,
    QVideoFrame,
    QVideoSink,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.concurrency import OpRunner
from ui.errors import user_message
from ui.review.stream import VaultStreamDevice
from ui.theme import COURT, apply_theme
from ui.widgets.video_view import VideoView

log = logging.getLogger("testimony_shield.ui.review")

ROLE = "judge"


def fmt_time(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"


class JudgeReview(QWidget):
    """The judge's review window.  ``vault`` may be None (no vault yet): the window says so.

    Signals:
        unlocked(): the judge's identity is unlocked and the list is loaded.
        recording_opened(str): playback of that recording id started.
    """

    unlocked = Signal()
    recording_opened = Signal(str)

    def __init__(self, vault: Any, runner: OpRunner, hint: str = "", high_contrast: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Testimony Shield — Judge review")
        self.setAccessibleName("Judge review")
        apply_theme(self, COURT, high_contrast)
        self.vault = vault
        self.runner = runner
        self.identity: Any = None
        self.recordings: list[Any] = []
        self.device: VaultStreamDevice | None = None
        self.current_id = ""

        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel("Judge review")
        title.setObjectName("title")
        head.addWidget(title)
        head.addStretch(1)
        self.integrity = QLabel("Integrity: not checked yet")
        self.integrity.setAccessibleName("Vault integrity")
        head.addWidget(self.integrity)
        self.verify_btn = QPushButton("Verify vault")
        self.verify_btn.setAccessibleName("Verify the vault's integrity")
        self.verify_btn.clicked.connect(self.verify)
        head.addWidget(self.verify_btn)
        outer.addLayout(head)

        # unlock row ------------------------------------------------------------------------------
        self.unlock_box = QWidget()
        ul = QHBoxLayout(self.unlock_box)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(QLabel("Judge's passphrase"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Judge's passphrase")
        self.passphrase.returnPressed.connect(self.unlock)
        ul.addWidget(self.passphrase, 1)
        self.unlock_btn = QPushButton("Unlock")
        self.unlock_btn.setObjectName("primary")
        self.unlock_btn.setAccessibleName("Unlock the vault")
        self.unlock_btn.clicked.connect(self.unlock)
        ul.addWidget(self.unlock_btn)
        outer.addWidget(self.unlock_box)
        self.message = QLabel(hint)
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Messages")
        outer.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Horizontal)
        # left: recordings, chapters, audit -------------------------------------------------------
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Case", "Kind", "Created", "Duration", "Sealed"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName("Recordings in the vault")
        self.table.cellDoubleClicked.connect(lambda row, _col: self.play_row(row))
        ll.addWidget(self.table, 2)
        self.open_btn = QPushButton("Play selected recording")
        self.open_btn.setAccessibleName("Play the selected recording")
        self.open_btn.clicked.connect(lambda: self.play_row(self.table.currentRow()))
        ll.addWidget(self.open_btn)
        tabs = QTabWidget()
        self.chapters = QListWidget()
        self.chapters.setAccessibleName("Chapters (breaks)")
        self.chapters.itemActivated.connect(self._jump)
        self.chapters.itemClicked.connect(self._jump)
        tabs.addTab(self.chapters, "Chapters")
        self.audit = QTableWidget(0, 4)
        self.audit.setHorizontalHeaderLabels(["Time", "Event", "By", "Recording"])
        self.audit.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.audit.horizontalHeader().setStretchLastSection(True)
        self.audit.verticalHeader().setVisible(False)
        self.audit.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit.setAccessibleName("Audit trail")
        tabs.addTab(self.audit, "Audit trail")
        self.tabs = tabs
        ll.addWidget(tabs, 2)
        split.addWidget(left)

        # right: player ---------------------------------------------------------------------------
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.now_playing = QLabel("No recording open")
        self.now_playing.setObjectName("subtitle")
        self.now_playing.setAccessibleName("Now playing")
        rl.addWidget(self.now_playing)
        self.view = VideoView("Unlock the vault and choose a recording.")
        self.view.setAccessibleName("Recording video")
        rl.addWidget(self.view, 1)
        controls = QHBoxLayout()
        self.play_btn = QPushButton("Play")
        self.play_btn.setAccessibleName("Play or pause")
        self.play_btn.clicked.connect(self.toggle_play)
        controls.addWidget(self.play_btn)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName("Position")
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(self.seek_ms)
        self.slider.sliderReleased.connect(lambda: self.seek_ms(self.slider.value()))
        controls.addWidget(self.slider, 1)
        self.time_label = QLabel("00:00 / 00:00")
        self.time_label.setAccessibleName("Time")
        controls.addWidget(self.time_label)
        rl.addLayout(controls)
        tracks = QHBoxLayout()
        tracks.addWidget(QLabel("Audio"))
        self.track_combo = QComboBox()
        self.track_combo.setAccessibleName("Audio track (language)")
        self.track_combo.activated.connect(self._choose_track)
        tracks.addWidget(self.track_combo, 1)
        self.sound_note = QLabel("")
        self.sound_note.setObjectName("hint")
        self.sound_note.setAccessibleName("Sound output")
        tracks.addWidget(self.sound_note)
        rl.addLayout(tracks)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 680])
        outer.addWidget(split, 1)

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
            self.sound_note.setText("No speakers found: sound is off")
        self._set_locked(True)
        self.resize(1200, 720)
        if vault is None:
            self.message.setText("No vault is set up on this computer yet.")
            self.unlock_btn.setEnabled(False)

    # unlock and list ---------------------------------------------------------------------------
    def _set_locked(self, locked: bool) -> None:
        for w in (self.table, self.open_btn, self.play_btn, self.slider, self.track_combo, self.tabs):
            w.setEnabled(not locked)
        self.unlock_box.setVisible(locked)

    def unlock(self) -> None:
        if self.vault is None:
            return
        pw = self.passphrase.text()
        if not pw:
            self.message.setText("Enter the judge's passphrase.")
            return
        self.unlock_btn.setEnabled(False)
        self.message.setText("Unlocking…")
        vault = self.vault

        def work() -> tuple[Any, list[Any]]:
            ident = vault.unlock(ROLE, pw)
            return ident, vault.list()

        def ok(result: tuple[Any, list[Any]]) -> None:
            self.passphrase.clear()
            self.identity, recs = result
            self._set_locked(False)
            self.message.setText("Unlocked. Choose a recording to play; every viewing is recorded in the audit trail.")
            self._fill(recs)
            self.refresh_audit()
            self.verify()
            self.unlocked.emit()

        def bad(exc: BaseException) -> None:
            self.unlock_btn.setEnabled(True)
            self.passphrase.selectAll()
            self.message.setText(user_message(exc))

        self.runner.run(work, ok, bad)

    def refresh(self) -> None:
        if self.vault is None or self.identity is None:
            return
        self.runner.run(self.vault.list, self._fill, lambda e: self.message.setText(user_message(e)))
        self.refresh_audit()

    def _fill(self, recs: list[Any]) -> None:
        self.recordings = [r for r in recs if not getattr(r, "shredded", False)]
        self.table.setRowCount(len(self.recordings))
        for row, r in enumerate(self.recordings):
            m = r.meta
            dur = m.get("duration")
            cells = [m.get("case_number", "—"), m.get("kind", "—"), (r.created or "")[:16].replace("T", " "),
                     fmt_time(float(dur)) if dur is not None else "—", "sealed" if r.sealed else "open"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(row, col, item)
        if self.recordings and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def refresh_audit(self) -> None:
        if self.vault is None:
            return
        self.runner.run(self.vault.audit_entries, self._fill_audit,
                        lambda e: self.message.setText(user_message(e)))

    def _fill_audit(self, entries: list[Any]) -> None:
        self.audit.setRowCount(len(entries))
        for row, e in enumerate(reversed(entries)):
            cells = [str(e.time)[:19].replace("T", " "), e.event, e.actor, (e.rec or "")[:8]]
            for col, text in enumerate(cells):
                self.audit.setItem(row, col, QTableWidgetItem(text))

    def verify(self) -> None:
        if self.vault is None:
            return
        self.integrity.setText("Integrity: checking…")
        self.integrity.setObjectName("")
        self.verify_btn.setEnabled(False)

        def ok(report: Any) -> None:
            self.verify_btn.setEnabled(True)
            if report.ok:
                self.integrity.setText("Integrity: ✔ verified, nothing changed")
                self.integrity.setObjectName("okbadge")
            else:
                self.integrity.setText(f"Integrity: ✖ {len(report.problems)} problem(s) — do not rely on this vault")
                self.integrity.setObjectName("badbadge")
                self.integrity.setToolTip("\n".join(report.problems[:20]))
            self.integrity.setStyleSheet("")

        def bad(exc: BaseException) -> None:
            self.verify_btn.setEnabled(True)
            self.integrity.setText("Integrity: ✖ " + user_message(exc))
            self.integrity.setObjectName("badbadge")
            self.integrity.setStyleSheet("")

        self.runner.run(self.vault.verify, ok, bad)

    # playback ----------------------------------------------------------------------------------
    def play_row(self, row: int) -> None:
        if row < 0 or row >= len(self.recordings):
            return
        self.open_recording(self.recordings[row].id)

    def open_recording(self, rec_id: str) -> None:
        if self.identity is None:
            return
        info = next((r for r in self.recordings if r.id == rec_id), None)
        vault, ident = self.vault, self.identity

        def ok(reader: Any) -> None:
            self._close_device()
            m = info.meta if info is not None else {}
            device = VaultStreamDevice(reader, self, duration=m.get("duration"))
            device.open_read()
            self.device = device
            self.current_id = rec_id
            self.now_playing.setText(f"{m.get('case_number', '')} — {m.get('kind', '')} recording "
                                     f"(decrypting in memory as it plays)")
            self._fill_chapters(m.get("chapters") or [])
            self.track_combo.clear()
            self.player.setSourceDevice(device, QUrl("vault-recording.mkv"))
            self.player.play()
            self.refresh_audit()
            self.recording_opened.emit(rec_id)

        def bad(exc: BaseException) -> None:
            self.message.setText(user_message(exc))

        self.runner.run(lambda: vault.open_reader(rec_id, ident, purpose="view"), ok, bad)

    def _close_device(self) -> None:
        self.player.stop()
        self.player.setSourceDevice(None)
        if self.device is not None:
            self.device.close()
            self.device.deleteLater()
            self.device = None

    def _fill_chapters(self, chapters: list[dict]) -> None:
        self.chapters.clear()
        start = QListWidgetItem("Start of recording  00:00")
        start.setData(Qt.ItemDataRole.UserRole, 0.0)
        self.chapters.addItem(start)
        for i, ch in enumerate(chapters, 1):
            s, e = float(ch.get("start", 0.0)), ch.get("end")
            span = f"{fmt_time(s)}–{fmt_time(float(e))}" if e is not None else fmt_time(s)
            item = QListWidgetItem(f"{ch.get('title', 'Break')} {i}  {span}")
            item.setData(Qt.ItemDataRole.UserRole, s)
            self.chapters.addItem(item)

    def _jump(self, item: QListWidgetItem) -> None:
        t = item.data(Qt.ItemDataRole.UserRole)
        if t is not None:
            self.seek_ms(int(float(t) * 1000))

    def toggle_play(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        elif self.device is not None:
            self.player.play()

    def seek_ms(self, ms: int) -> None:
        self.player.setPosition(int(ms))

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
        self.play_btn.setText("Pause" if state == QMediaPlayer.PlaybackState.PlayingState else "Play")

    def _on_tracks(self) -> None:
        self.track_combo.clear()
        active = self.player.activeAudioTrack()
        for i, md in enumerate(self.player.audioTracks()):
            title = md.stringValue(QMediaMetaData.Key.Title)
            lang = md.value(QMediaMetaData.Key.Language)
            lang_name = QLocale.languageToString(lang) if isinstance(lang, QLocale.Language) and \
                lang not in (QLocale.Language.AnyLanguage, QLocale.Language.C) else ""
            label = title or lang_name or f"Track {i + 1}"
            if lang_name and lang_name not in label:
                label += f" ({lang_name})"
            self.track_combo.addItem(label, i)
        if 0 <= active < self.track_combo.count():
            self.track_combo.setCurrentIndex(active)

    def _choose_track(self, index: int) -> None:
        self.player.setActiveAudioTrack(int(self.track_combo.itemData(index)))

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            log.error("player error %s", error)
            self.message.setText("This recording cannot be played: it may be damaged or changed. "
                                 "Run “Verify vault”.")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        self._close_device()
        super().closeEvent(event)
