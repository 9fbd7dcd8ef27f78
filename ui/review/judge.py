"""Judge review: unlock the vault with the judge's passphrase, list the sealed recordings, play one
decrypting as it plays (:mod:`ui.review.stream`), switch language tracks, jump to breaks (chapters),
check integrity and read the audit trail; private notes at a playback position (encrypted in the
vault), exports (a watermarked copy for a role, or a plain file after a logged confirmation) and
shares that expire (:mod:`ui.review.dialogs`).  The list is sorted by case and session and filterable.

All vault calls run on the op runner (one worker thread); results come back on the GUI thread.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Q_ARG, QLocale, QMetaObject, Qt, QTimer, QUrl, Signal
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

from recording.encode.remux import probe_duration
from ui.concurrency import OpRunner
from ui.errors import user_message
from ui.review.dialogs import ExportDialog, ShareDialog
from ui.review.stream import VaultStreamDevice
from ui.theme import COURT, apply_theme
from ui.widgets.video_view import VideoView
from vault.store import NON_MEDIA_KINDS

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
        filt = QHBoxLayout()
        self.case_filter = QComboBox()
        self.case_filter.setAccessibleName("Show the recordings of one case")
        self.case_filter.addItem("All cases", "")
        self.case_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        filt.addWidget(self.case_filter)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by case, session, witness or kind")
        self.filter_edit.setAccessibleName("Filter recordings")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _t: self._apply_filter())
        filt.addWidget(self.filter_edit, 1)
        ll.addLayout(filt)
        self.all_recordings: list[Any] = []
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(["Case", "Kind", "Created", "Duration", "Sealed", "Session"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)  # the case number is never squeezed
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
        actions = QHBoxLayout()
        actions.addWidget(self.open_btn, 1)
        self.export_btn = QPushButton("Export…")
        self.export_btn.setAccessibleName("Export the selected recording")
        self.export_btn.clicked.connect(self.open_export_dialog)
        actions.addWidget(self.export_btn)
        self.share_btn = QPushButton("Share…")
        self.share_btn.setAccessibleName("Share the selected recording with another role until a time")
        self.share_btn.clicked.connect(self.open_share_dialog)
        actions.addWidget(self.share_btn)
        ll.addLayout(actions)
        self.export_dialog: ExportDialog | None = None
        self.share_dialog: ShareDialog | None = None
        tabs = QTabWidget()
        self.chapters = QListWidget()
        self.chapters.setAccessibleName("Chapters (breaks)")
        self.chapters.itemActivated.connect(self._jump)
        self.chapters.itemClicked.connect(self._jump)
        tabs.addTab(self.chapters, "Chapters")
        notes_tab = QWidget()
        nl = QVBoxLayout(notes_tab)
        nl.setContentsMargins(0, 0, 0, 0)
        self.notes_list = QListWidget()
        self.notes_list.setAccessibleName("My private notes (click to jump)")
        self.notes_list.itemClicked.connect(self._jump)
        self.notes_list.itemActivated.connect(self._jump)
        nl.addWidget(self.notes_list, 1)
        add_row = QHBoxLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("A private note at the current position (encrypted, judge only)")
        self.note_edit.setAccessibleName("New note")
        self.note_edit.returnPressed.connect(self.add_note)
        add_row.addWidget(self.note_edit, 1)
        self.add_note_btn = QPushButton("Add note")
        self.add_note_btn.setAccessibleName("Add the note at the current position")
        self.add_note_btn.clicked.connect(self.add_note)
        add_row.addWidget(self.add_note_btn)
        nl.addLayout(add_row)
        self.notes_tab_index = tabs.addTab(notes_tab, "Notes")
        self.notes: list[Any] = []
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
        for w in (self.table, self.open_btn, self.play_btn, self.slider, self.track_combo, self.tabs,
                  self.case_filter, self.filter_edit, self.export_btn, self.share_btn):
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

    @staticmethod
    def session_of(r: Any) -> str:
        """The session a recording belongs to: its ``session`` meta, else when the session started."""
        m = r.meta
        s = m.get("session") or m.get("started") or (r.created or "")[:16]
        label = str(s).replace("T", " ").rstrip("Z")[:16]
        if m.get("witness"):
            label += f" · {m['witness']}"
        return label

    def _fill(self, recs: list[Any]) -> None:
        self.all_recordings = sorted((r for r in recs if not getattr(r, "shredded", False)),
                                     key=lambda r: (str(r.meta.get("case_number", "")), self.session_of(r),
                                                    r.created or ""))
        current = self.case_filter.currentData()
        self.case_filter.blockSignals(True)
        self.case_filter.clear()
        self.case_filter.addItem("All cases", "")
        for case in sorted({str(r.meta.get("case_number", "")) for r in self.all_recordings} - {""}):
            self.case_filter.addItem(f"Case {case}", case)
        i = self.case_filter.findData(current)
        self.case_filter.setCurrentIndex(max(0, i))
        self.case_filter.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self) -> None:
        case = self.case_filter.currentData() or ""
        words = self.filter_edit.text().lower().split()

        def keep(r: Any) -> bool:
            m = r.meta
            if case and str(m.get("case_number", "")) != case:
                return False
            hay = " ".join(str(x) for x in (m.get("case_number", ""), m.get("kind", ""), m.get("witness", ""),
                                             self.session_of(r), r.id, m.get("recipient", ""))).lower()
            return all(w in hay for w in words)

        self.recordings = [r for r in self.all_recordings if keep(r)]
        self.table.setRowCount(len(self.recordings))
        for row, r in enumerate(self.recordings):
            m = r.meta
            dur = m.get("duration")
            kind = str(m.get("kind", "—"))
            if m.get("derived_from"):
                kind += f" copy ({m.get('recipient', '?')})"
            if m.get("kind") in NON_MEDIA_KINDS:
                kind += " (record, not playable)"
            cells = [m.get("case_number", "—"), kind, (r.created or "")[:16].replace("T", " "),
                     fmt_time(float(dur)) if dur is not None else "—", "sealed" if r.sealed else "open",
                     self.session_of(r)]
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
        info = next((r for r in self.all_recordings if r.id == rec_id), None)
        if info is not None and info.meta.get("kind") in NON_MEDIA_KINDS:
            self.message.setText(f"This is a session {info.meta['kind']} record (encrypted data, not audio or "
                                 "video): it cannot be played.")
            return
        vault, ident = self.vault, self.identity

        meta = info.meta if info is not None else {}

        def open_stream() -> tuple[Any, float | None]:  # on the op runner: may read the whole stream
            reader = vault.open_reader(rec_id, ident, purpose="view")
            duration = meta.get("duration")
            if not duration:  # e.g. recovered after a crash: measure it, so the player can seek
                duration = probe_duration(reader)
            return reader, duration

        def ok(opened: tuple[Any, float | None]) -> None:
            reader, duration = opened
            self._close_device()
            m = meta
            device = VaultStreamDevice(reader, self, duration=duration)
            device.open_read()
            self.device = device
            self.current_id = rec_id
            self.now_playing.setText(f"{m.get('case_number', '')} — {m.get('kind', '')} recording "
                                     f"(decrypting in memory as it plays)")
            self._fill_chapters(m.get("chapters") or [])
            self.track_combo.clear()

            def attach() -> None:  # after the previous source was dropped (queued, see _close_device)
                if self.device is device:
                    self.player.setSourceDevice(device, QUrl("vault-recording.mkv"))
                    self.player.play()

            QTimer.singleShot(0, self, attach)
            self.refresh_audit()
            self.load_notes()
            self.recording_opened.emit(rec_id)

        def bad(exc: BaseException) -> None:
            self.message.setText(user_message(exc))

        self.runner.run(open_stream, ok, bad)

    # notes -------------------------------------------------------------------------------------
    def load_notes(self) -> None:
        if self.identity is None or not self.current_id:
            return
        vault, ident, rec_id = self.vault, self.identity, self.current_id
        self.runner.run(lambda: vault.notes(rec_id, ident), lambda notes: self._fill_notes(rec_id, notes),
                        lambda e: self.message.setText(user_message(e)))

    def _fill_notes(self, rec_id: str, notes: list[Any]) -> None:
        if rec_id != self.current_id:
            return
        self.notes = notes
        self.notes_list.clear()
        for n in notes:
            item = QListWidgetItem(f"{fmt_time(n.at)}  {n.text}")
            item.setData(Qt.ItemDataRole.UserRole, n.at)
            item.setToolTip(f"written {n.created[:16].replace('T', ' ')} UTC")
            self.notes_list.addItem(item)

    def add_note(self) -> None:
        text = self.note_edit.text().strip()
        if not text or self.identity is None:
            return
        if not self.current_id:
            self.message.setText("Open a recording first: a note belongs to a moment of a recording.")
            return
        at = max(0, self.player.position()) / 1000.0
        vault, ident, rec_id = self.vault, self.identity, self.current_id
        self.add_note_btn.setEnabled(False)

        def work() -> list[Any]:
            vault.add_note(rec_id, ident, at, text)
            return vault.notes(rec_id, ident)

        def ok(notes: list[Any]) -> None:
            self.add_note_btn.setEnabled(True)
            self.note_edit.clear()
            self._fill_notes(rec_id, notes)
            self.message.setText(f"Note added at {fmt_time(at)} (encrypted; only the judge can read it).")
            self.refresh_audit()

        def bad(exc: BaseException) -> None:
            self.add_note_btn.setEnabled(True)
            self.message.setText(user_message(exc))

        self.runner.run(work, ok, bad)

    # export and share --------------------------------------------------------------------------
    def _selected(self) -> Any:
        row = self.table.currentRow()
        return self.recordings[row] if 0 <= row < len(self.recordings) else None

    def _other_roles(self) -> list[str]:
        roles = self.vault.roles() if hasattr(self.vault, "roles") else ["clerk", "defence"]
        return [r for r in roles if r not in ("judge", "station")]

    def open_export_dialog(self) -> ExportDialog | None:
        r = self._selected()
        if r is None or self.identity is None:
            return None
        kind = r.meta.get("kind", "raw")
        roles = self._other_roles() + ["judge"]
        d = ExportDialog(f"{r.meta.get('case_number', '')} — {kind}", roles, kind,
                         need_station=not getattr(self.vault, "can_sign", True), parent=self)
        d.path.setText(str(Path.home() / f"{r.meta.get('case_number', 'recording')}-{r.id[:8]}.mkv"))
        d.accepted.connect(lambda: self._do_export(r, d.values()))
        self.export_dialog = d
        d.open()
        return d

    def _do_export(self, r: Any, values: dict[str, Any]) -> None:
        from recording.encode.derive import derivative_transform
        from recording.encode.remux import export_writer

        vault, ident, rec_id = self.vault, self.identity, r.id
        reason = values["reason"]
        self.export_btn.setEnabled(False)
        if values["mode"] == "copy":
            role = values["role"]
            date = datetime.now(UTC).strftime("%Y-%m-%d")
            transform = derivative_transform(str(r.meta.get("case_number", "")), role, date)
            self.message.setText(f"Making a watermarked copy for the {role}…")

            def work() -> str:
                return vault.export_to(rec_id, ident, role, reason, signer_passphrase=values["station_passphrase"],
                                       transform=transform)

            def ok(new_id: str) -> None:
                self.export_btn.setEnabled(True)
                self.message.setText(f"Watermarked copy {new_id[:8]} made for the {role}; it is in the vault "
                                     "and the export is in the audit trail.")
                self.refresh()
        else:
            out = Path(values["path"])
            self.message.setText("Writing the plain file…")

            def work() -> str:  # type: ignore[misc]
                return str(vault.export_plain(rec_id, ident, out, reason, writer=export_writer))

            def ok(path: str) -> None:  # type: ignore[misc]
                self.export_btn.setEnabled(True)
                self.message.setText(f"Exported to {path}. This file is NOT encrypted: keep it safe. "
                                     "The export is in the audit trail.")
                self.refresh_audit()

        def bad(exc: BaseException) -> None:
            self.export_btn.setEnabled(True)
            self.message.setText(user_message(exc))

        self.runner.run(work, ok, bad)

    def open_share_dialog(self) -> ShareDialog | None:
        r = self._selected()
        if r is None or self.identity is None:
            return None
        d = ShareDialog(f"{r.meta.get('case_number', '')} — {r.meta.get('kind', '')}", self._other_roles(), self)
        d.accepted.connect(lambda: self._do_share(r, d.values()))
        self.share_dialog = d
        d.open()
        return d

    def _do_share(self, r: Any, values: dict[str, Any]) -> None:
        vault, ident, rec_id = self.vault, self.identity, r.id
        self.share_btn.setEnabled(False)

        def ok(_sid: str) -> None:
            self.share_btn.setEnabled(True)
            when = values["expires"].astimezone().strftime("%Y-%m-%d %H:%M")
            self.message.setText(f"Shared with the {values['role']} until {when}; recorded in the audit trail.")
            self.refresh_audit()

        def bad(exc: BaseException) -> None:
            self.share_btn.setEnabled(True)
            self.message.setText(user_message(exc))

        self.runner.run(lambda: vault.share(rec_id, ident, values["role"], values["expires"], values["reason"]),
                        ok, bad)

    def _close_device(self) -> None:
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
