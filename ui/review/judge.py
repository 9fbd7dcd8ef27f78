"""Judge review: unlock the vault with the judge's passphrase, list the sealed recordings, play one
decrypting as it plays (:mod:`ui.review.player`), switch language tracks, jump to breaks (chapters),
check integrity and read the audit trail (:mod:`ui.review.integrity_panel`); private notes at a
playback position, encrypted in the vault (:mod:`ui.review.notes_panel`); exports (a watermarked
copy for a role, or a plain file after a logged confirmation) and shares that expire
(:mod:`ui.review.dialogs`), following the export policy the desktop injects.  The list
(:mod:`ui.review.recordings_model`) is sorted by case and session and filterable.

All vault calls run on the op runner (one worker thread); results come back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recording.encode.remux import probe_duration
from ui.concurrency import OpRunner
from ui.errors import user_message
from ui.labels import role_label
from ui.review.dialogs import ExportDialog, ShareDialog
from ui.review.integrity_panel import AuditTrail, IntegrityBadge
from ui.review.notes_panel import NotesPanel
from ui.review.player import ChapterList, RecordingPlayer
from ui.review.recordings_model import RecordingsFilter, RecordingsModel, kind_label, session_of
from ui.theme import COURT, apply_theme
from ui.widgets.factory import button, label
from vault.store import NON_MEDIA_KINDS

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "JudgeReview")

ROLE = "judge"


class ExportPolicy(Protocol):
    """How the desktop exports (``desktop.export_policy.ExportPolicy``; the vault CLI uses the same)."""

    def copy_transform(self, meta: Mapping[str, Any], role: str, date: str | None = None) -> Callable[..., Any]:
        ...

    def write_plain(self, reader: Any, meta: dict[str, Any], out_path: Path) -> None:
        ...


class JudgeReview(QWidget):
    """The judge's review window.  ``vault`` may be None (no vault yet): the window says so.
    ``export_policy`` None: the window offers no export.

    Signals:
        unlocked(): the judge's identity is unlocked and the list is loaded.
        recording_opened(str): playback of that recording id started.
    """

    unlocked = Signal()
    recording_opened = Signal(str)

    session_of = staticmethod(session_of)

    def __init__(self, vault: Any, runner: OpRunner, hint: str = "", high_contrast: bool = False,
                 parent: QWidget | None = None, export_policy: ExportPolicy | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("JudgeReview", "Testimony Shield — Judge review"))
        self.setAccessibleName(translate("JudgeReview", "Judge review"))
        apply_theme(self, COURT, high_contrast)
        self.vault = vault
        self.runner = runner
        self.export_policy = export_policy
        self.identity: Any = None
        self.current_id = ""

        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(label(translate("JudgeReview", "Judge review"), "title"))
        head.addStretch(1)
        self.integrity_badge = IntegrityBadge(runner)
        self.integrity, self.verify_btn = self.integrity_badge.label, self.integrity_badge.verify_btn
        self.verify_btn.clicked.connect(self.verify)
        head.addWidget(self.integrity_badge)
        outer.addLayout(head)

        # unlock row ------------------------------------------------------------------------------
        self.unlock_box = QWidget()
        ul = QHBoxLayout(self.unlock_box)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(QLabel(translate("JudgeReview", "Judge's passphrase")))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(translate("JudgeReview", "Judge's passphrase"))
        self.passphrase.setAccessibleDescription(
            translate("JudgeReview", "Opens the judge's key for this session; never stored")
        )
        self.passphrase.returnPressed.connect(self.unlock)
        ul.addWidget(self.passphrase, 1)
        self.unlock_btn = button(
            translate("JudgeReview", "Unlock"),
            translate("JudgeReview", "Unlock the vault"),
            self.unlock,
            object_name="primary",
        )
        self.unlock_btn.setAccessibleDescription(
            translate("JudgeReview", "Unlocks the vault with the passphrase; recorded in the audit trail")
        )
        ul.addWidget(self.unlock_btn)
        outer.addWidget(self.unlock_box)
        self.message = label(hint, "hint", translate("JudgeReview", "Messages"), wrap=True)
        outer.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._build_list())
        self.player_panel = RecordingPlayer()
        self.player_panel.failed.connect(self.message.setText)
        split.addWidget(self.player_panel)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 680])
        outer.addWidget(split, 1)
        pp = self.player_panel
        self.player, self.view, self.track_combo = pp.player, pp.view, pp.track_combo
        self.play_btn, self.slider, self.now_playing = pp.play_btn, pp.slider, pp.now_playing
        self.chapters.jump.connect(pp.seek_s)
        self.notes_panel.jump.connect(pp.seek_s)

        self._set_locked(True)
        self.resize(1200, 720)
        if vault is None:
            self.message.setText(translate("JudgeReview", "No vault is set up on this computer yet."))
            self.unlock_btn.setEnabled(False)

    def _build_list(self) -> QWidget:
        """The left side: the filter, the recordings, their actions, and chapters / notes / audit tabs."""
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        filt = QHBoxLayout()
        self.case_filter = QComboBox()
        self.case_filter.setAccessibleName(translate("JudgeReview", "Show the recordings of one case"))
        self.case_filter.setAccessibleDescription(translate("JudgeReview", "Only this case's recordings are listed"))
        self.case_filter.addItem(translate("JudgeReview", "All cases"), "")
        self.case_filter.currentIndexChanged.connect(lambda _i: self.filter.set_case(self.case_filter.currentData()
                                                                                     or ""))
        filt.addWidget(self.case_filter)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(translate("JudgeReview", "Filter by case, session, witness or kind"))
        self.filter_edit.setAccessibleName(translate("JudgeReview", "Filter recordings"))
        self.filter_edit.setAccessibleDescription(
            translate("JudgeReview", "Words of the case, session, witness or kind")
        )
        self.filter_edit.setClearButtonEnabled(True)
        filt.addWidget(self.filter_edit, 1)
        ll.addLayout(filt)
        self.model = RecordingsModel(self)
        self.filter = RecordingsFilter(self.model, self)
        self.filter_edit.textChanged.connect(self.filter.set_text)
        self.table = QTableView()
        self.table.setModel(self.filter)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)  # the case number is never squeezed
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(translate("JudgeReview", "Recordings in the vault"))
        self.table.setAccessibleDescription(translate("JudgeReview", "Enter plays the selected recording"))
        self.table.doubleClicked.connect(lambda index: self.play_row(index.row()))
        ll.addWidget(self.table, 2)
        actions = QHBoxLayout()
        self.open_btn = button(
            translate("JudgeReview", "Play selected recording"),
            translate("JudgeReview", "Play the selected recording"),
            lambda: self.play_row(self.table.currentIndex().row()),
        )
        self.open_btn.setAccessibleDescription(
            translate("JudgeReview", "Decrypted in memory as it plays; the viewing is audited")
        )
        actions.addWidget(self.open_btn, 1)
        self.export_btn = button(
            translate("JudgeReview", "Export…"),
            translate("JudgeReview", "Export the selected recording"),
            self.open_export_dialog,
        )
        self.export_btn.setAccessibleDescription(
            translate("JudgeReview", "A watermarked copy for a role, or a plain file; audited with its reason")
        )
        actions.addWidget(self.export_btn)
        self.share_btn = button(
            translate("JudgeReview", "Share…"),
            translate("JudgeReview", "Share the selected recording with another role until a time"),
            self.open_share_dialog,
        )
        self.share_btn.setAccessibleDescription(
            translate("JudgeReview", "Another role may open it until the time you choose")
        )
        actions.addWidget(self.share_btn)
        ll.addLayout(actions)
        self.export_dialog: ExportDialog | None = None
        self.share_dialog: ShareDialog | None = None
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(translate("JudgeReview", "Chapters, notes and audit trail"))
        self.tabs.tabBar().setAccessibleName(translate("JudgeReview", "Chapters, notes and audit trail"))
        self.tabs.tabBar().setAccessibleDescription(translate("JudgeReview", "Arrow keys change the tab"))
        self.chapters = ChapterList()
        self.tabs.addTab(self.chapters, translate("JudgeReview", "Chapters"))
        self.tabs.setTabToolTip(0, translate("JudgeReview", "The witness's breaks, as chapters to jump to"))
        self.notes_panel = NotesPanel(self.runner, lambda: self.player_panel.position_s())
        self.notes_panel.message.connect(self.message.setText)
        self.notes_panel.added.connect(self.refresh_audit)
        self.notes_list, self.note_edit = self.notes_panel.notes_list, self.notes_panel.note_edit
        self.add_note_btn = self.notes_panel.add_note_btn
        self.notes_tab_index = self.tabs.addTab(self.notes_panel, translate("JudgeReview", "Notes"))
        self.tabs.setTabToolTip(self.notes_tab_index, translate("JudgeReview", "Your private, encrypted notes"))
        self.audit = AuditTrail()
        audit_tab = self.tabs.addTab(self.audit, translate("JudgeReview", "Audit trail"))
        self.tabs.setTabToolTip(audit_tab, translate("JudgeReview", "Who opened, exported or shared what, and when"))
        ll.addWidget(self.tabs, 2)
        return left

    # the player's state, as before the split ------------------------------------------------------
    @property
    def device(self) -> Any:
        return self.player_panel.device

    @property
    def recordings(self) -> list[Any]:
        """The recordings shown, in the order of the table's rows."""
        return self.filter.recordings()

    @property
    def all_recordings(self) -> list[Any]:
        return self.model.recordings()

    # unlock and list ---------------------------------------------------------------------------
    def _set_locked(self, locked: bool) -> None:
        for w in (self.table, self.open_btn, self.tabs, self.case_filter, self.filter_edit, self.share_btn):
            w.setEnabled(not locked)
        self.export_btn.setEnabled(not locked and self.export_policy is not None)
        self.player_panel.set_controls_enabled(not locked)
        self.unlock_box.setVisible(locked)

    def unlock(self) -> None:
        if self.vault is None:
            return
        pw = self.passphrase.text()
        if not pw:
            self.message.setText(translate("JudgeReview", "Enter the judge's passphrase."))
            return
        self.unlock_btn.setEnabled(False)
        self.message.setText(translate("JudgeReview", "Unlocking…"))
        vault = self.vault

        def work() -> tuple[Any, list[Any]]:
            ident = vault.unlock(ROLE, pw)
            return ident, vault.list()

        def ok(result: tuple[Any, list[Any]]) -> None:
            self.passphrase.clear()
            self.identity, recs = result
            self._set_locked(False)
            self.message.setText(
                translate(
                    "JudgeReview", "Unlocked. Choose a recording to play; every viewing is recorded in the audit trail."
                )
            )
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
        selected = self._selected()
        self.model.set_recordings(recs)
        current = self.case_filter.currentData()
        self.case_filter.blockSignals(True)
        self.case_filter.clear()
        self.case_filter.addItem(translate("JudgeReview", "All cases"), "")
        for case in self.model.cases():
            self.case_filter.addItem(translate("JudgeReview", "Case {case}").format(case=case), case)
        self.case_filter.setCurrentIndex(max(0, self.case_filter.findData(current)))
        self.case_filter.blockSignals(False)
        self.filter.set_case(self.case_filter.currentData() or "")
        row = self.filter.row_of(selected.id) if selected is not None else -1
        if self.filter.rowCount():
            self.table.selectRow(max(0, row))

    def refresh_audit(self) -> None:
        if self.vault is None:
            return
        self.runner.run(self.vault.audit_entries, self.audit.fill, lambda e: self.message.setText(user_message(e)))

    def verify(self) -> None:
        self.integrity_badge.verify(self.vault)

    # playback ----------------------------------------------------------------------------------
    def play_row(self, row: int) -> None:
        if 0 <= row < self.filter.rowCount():
            self.open_recording(self.filter.recording(row).id)

    def open_recording(self, rec_id: str) -> None:
        if self.identity is None:
            return
        info = next((r for r in self.model.recordings() if r.id == rec_id), None)
        if info is not None and info.meta.get("kind") in NON_MEDIA_KINDS:
            self.message.setText(translate("JudgeReview", "This is a session {kind} record (encrypted data, not "
                                                          "audio or video): it cannot be played.").format(
                kind=kind_label(info.meta["kind"])))
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
            self.player_panel.play(reader, duration, translate(
                "JudgeReview", "{case} — {kind} recording (decrypting in memory as it plays)").format(
                case=meta.get("case_number", ""), kind=kind_label(meta.get("kind", ""))))
            self.current_id = rec_id
            self.chapters.fill(meta.get("chapters") or [])
            self.refresh_audit()
            self.notes_panel.show_recording(vault, ident, rec_id)
            self.recording_opened.emit(rec_id)

        self.runner.run(open_stream, ok, lambda exc: self.message.setText(user_message(exc)))

    def _jump(self, item: Any) -> None:
        """Go to the position a chapter or note item stands for."""
        t = item.data(Qt.ItemDataRole.UserRole)
        if t is not None:
            self.seek_ms(int(float(t) * 1000))

    def seek_ms(self, ms: int) -> None:
        self.player_panel.seek_ms(ms)

    def toggle_play(self) -> None:
        self.player_panel.toggle_play()

    # export and share --------------------------------------------------------------------------
    def _selected(self) -> Any:
        row = self.table.currentIndex().row()
        return self.filter.recording(row) if 0 <= row < self.filter.rowCount() else None

    def _other_roles(self) -> list[str]:
        roles = self.vault.roles() if hasattr(self.vault, "roles") else ["clerk", "defence"]
        return [r for r in roles if r not in ("judge", "station")]

    def open_export_dialog(self) -> ExportDialog | None:
        r = self._selected()
        if r is None or self.identity is None or self.export_policy is None:
            return None
        kind = r.meta.get("kind", "raw")
        roles = self._other_roles() + ["judge"]
        d = ExportDialog(f"{r.meta.get('case_number', '')} — {kind_label(kind)}", roles, kind,
                         need_station=not getattr(self.vault, "can_sign", True), parent=self)
        d.path.setText(str(Path.home() / f"{r.meta.get('case_number', 'recording')}-{r.id[:8]}.mkv"))
        d.accepted.connect(lambda: self._do_export(r, d.values()))
        self.export_dialog = d
        d.open()
        return d

    def _do_export(self, r: Any, values: dict[str, Any]) -> None:
        policy = self.export_policy
        if policy is None:  # the dialog is only offered with a policy
            return
        vault, ident, rec_id, reason = self.vault, self.identity, r.id, values["reason"]
        self.export_btn.setEnabled(False)

        def bad(exc: BaseException) -> None:
            self.export_btn.setEnabled(True)
            self.message.setText(user_message(exc))

        if values["mode"] == "copy":
            role = values["role"]
            transform = policy.copy_transform(r.meta, role, datetime.now(UTC).strftime("%Y-%m-%d"))
            self.message.setText(translate("JudgeReview", "Making a watermarked copy for the {role}…").format(
                role=role_label(role).lower()))

            def copied(new_id: str) -> None:
                self.export_btn.setEnabled(True)
                self.message.setText(translate("JudgeReview", "Watermarked copy {id} made for the {role}; it is in the "
                                                              "vault and the export is in the audit trail.").format(
                    id=new_id[:8], role=role_label(role).lower()))
                self.refresh()

            self.runner.run(lambda: vault.export_to(rec_id, ident, role, reason, transform=transform,
                                                    signer_passphrase=values["station_passphrase"]), copied, bad)
            return
        out = Path(values["path"])
        self.message.setText(translate("JudgeReview", "Writing the plain file…"))

        def written(path: Path) -> None:
            self.export_btn.setEnabled(True)
            self.message.setText(translate("JudgeReview", "Exported to {path}. This file is NOT encrypted: keep it "
                                                          "safe. The export is in the audit trail.").format(path=path))
            self.refresh_audit()

        self.runner.run(lambda: vault.export_plain(rec_id, ident, out, reason, writer=policy.write_plain),
                        written, bad)

    def open_share_dialog(self) -> ShareDialog | None:
        r = self._selected()
        if r is None or self.identity is None:
            return None
        d = ShareDialog(f"{r.meta.get('case_number', '')} — {kind_label(r.meta.get('kind', ''))}", self._other_roles(),
                        self)
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
            self.message.setText(translate("JudgeReview", "Shared with the {role} until {time}; recorded in the audit "
                                                          "trail.").format(role=role_label(values["role"]).lower(),
                                                                           time=when))
            self.refresh_audit()

        def bad(exc: BaseException) -> None:
            self.share_btn.setEnabled(True)
            self.message.setText(user_message(exc))

        self.runner.run(lambda: vault.share(rec_id, ident, values["role"], values["expires"], values["reason"]),
                        ok, bad)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.player_panel.close_device()
        super().closeEvent(event)
