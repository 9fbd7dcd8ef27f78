"""Judge review dialogs: export (a watermarked copy for a role, or a plain MKV file after an explicit,
logged confirmation) and share (another role may open the recording until a time).

The dialogs only collect choices; the judge review window does the vault work off the GUI thread.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.labels import role_label
from ui.widgets.factory import button, combo, ok_cancel

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "JudgeReview")


class ExportDialog(QDialog):
    """``values()`` -> {"mode": "copy"|"plain", "role", "reason", "path", "station_passphrase"}."""

    def __init__(self, label: str, roles: list[str], kind: str, need_station: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("JudgeReview", "Export recording"))
        self.setAccessibleName(translate("JudgeReview", "Export recording"))
        lay = QVBoxLayout(self)
        head = QLabel(translate("JudgeReview", "Export <b>{recording}</b>. Every export is recorded in the audit trail "
                                               "with its reason.").format(recording=label))
        head.setWordWrap(True)
        lay.addWidget(head)
        self.copy_radio = QRadioButton(
            translate("JudgeReview", "Watermarked copy for a role (stays encrypted in the vault)")
        )
        self.copy_radio.setAccessibleName(translate("JudgeReview", "Watermarked copy for a role"))
        self.plain_radio = QRadioButton(translate("JudgeReview", "Plain MKV file on this computer (not encrypted)"))
        self.plain_radio.setAccessibleName(translate("JudgeReview", "Plain MKV file"))
        group = QButtonGroup(self)
        group.addButton(self.copy_radio)
        group.addButton(self.plain_radio)
        lay.addWidget(self.copy_radio)
        lay.addWidget(self.plain_radio)
        form = QFormLayout()
        self.role = combo(translate("JudgeReview", "Recipient role"), [(role_label(r), r) for r in roles])
        form.addRow(translate("JudgeReview", "Recipient"), self.role)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(translate("JudgeReview", "Reason for the export"))
        self.reason.setPlaceholderText(translate("JudgeReview", "e.g. disclosure to the defence, order of 12 May"))
        form.addRow(translate("JudgeReview", "Reason"), self.reason)
        path_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(translate("JudgeReview", "File to write"))
        self.path.setPlaceholderText(translate("JudgeReview", "…/recording.mkv"))
        path_row.addWidget(self.path, 1)
        self.browse = button(
            translate("JudgeReview", "Choose…"), translate("JudgeReview", "Choose the file to write"), self._browse
        )
        path_row.addWidget(self.browse)
        form.addRow(translate("JudgeReview", "File"), path_row)
        self.station = QLineEdit()
        self.station.setEchoMode(QLineEdit.EchoMode.Password)
        self.station.setAccessibleName(translate("JudgeReview", "Recording station passphrase"))
        self.station_label = QLabel(translate("JudgeReview", "Station passphrase"))
        form.addRow(self.station_label, self.station)
        self.station.setVisible(need_station)
        self.station_label.setVisible(need_station)
        lay.addLayout(form)
        self.confirm = QCheckBox(
            translate(
                "JudgeReview",
                "I confirm this decrypted file is needed. I will keep it safe; this export "
                "and its reason are recorded in the audit trail.",
            )
        )
        self.confirm.setAccessibleName(translate("JudgeReview", "Confirm the plain export"))
        lay.addWidget(self.confirm)
        self.note = QLabel("")
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.buttons, self.ok_btn = ok_cancel(self, translate("JudgeReview", "Export"))
        lay.addWidget(self.buttons)
        self._raw = kind == "raw"
        self._need_station = need_station
        for sig in (self.copy_radio.toggled, self.confirm.toggled):
            sig.connect(self._update)
        for sig in (self.reason.textChanged, self.path.textChanged, self.station.textChanged):
            sig.connect(self._update)
        self.role.currentIndexChanged.connect(self._update)
        self.copy_radio.setChecked(True)
        self._update()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("JudgeReview", "Export to"), self.path.text(),
                                              translate("JudgeReview", "Matroska video (*.mkv)"))
        if path:
            self.path.setText(path)

    def mode(self) -> str:
        return "copy" if self.copy_radio.isChecked() else "plain"

    def _update(self) -> None:
        copy = self.mode() == "copy"
        self.role.setEnabled(copy)
        for w in (self.path, self.browse, self.confirm):
            w.setEnabled(not copy)
        self.station.setEnabled(copy)
        ok = bool(self.reason.text().strip())
        if copy:
            role = self.role.currentData()
            if self._raw and role != "judge":
                ok = False
                self.note.setText(
                    translate(
                        "JudgeReview", "This is the raw (unmasked) recording: it may only be copied for the judge."
                    )
                )
            else:
                self.note.setText(
                    translate(
                        "JudgeReview",
                        "The copy gets a fresh key for this role only and a visible watermark "
                        "(case, recipient, date) in every frame.",
                    )
                )
            if self._need_station and not self.station.text():
                ok = False
        else:
            ok = ok and bool(self.path.text().strip()) and self.confirm.isChecked()
            self.note.setText(
                translate("JudgeReview", "The file will NOT be encrypted. Tick the confirmation to continue.")
            )
        self.ok_btn.setEnabled(ok)

    def values(self) -> dict[str, Any]:
        return {"mode": self.mode(), "role": self.role.currentData(), "reason": self.reason.text().strip(),
                "path": self.path.text().strip(), "station_passphrase": self.station.text() or None}


class ShareDialog(QDialog):
    """``values()`` -> {"role", "expires" (aware datetime, UTC), "reason"}."""

    def __init__(self, label: str, roles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("JudgeReview", "Share recording"))
        self.setAccessibleName(translate("JudgeReview", "Share recording"))
        lay = QVBoxLayout(self)
        head = QLabel(translate("JudgeReview", "Let another role open <b>{recording}</b> until a time. After it, "
                                               "opening is refused and the key can be destroyed. The share is "
                                               "recorded in the audit trail.").format(recording=label))
        head.setWordWrap(True)
        lay.addWidget(head)
        form = QFormLayout()
        self.role = combo(translate("JudgeReview", "Role to share with"), [(role_label(r), r) for r in roles])
        form.addRow(translate("JudgeReview", "Share with"), self.role)
        self.expires = QDateTimeEdit(QDateTime.currentDateTime().addDays(7))
        self.expires.setCalendarPopup(True)
        self.expires.setMinimumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.expires.setAccessibleName(translate("JudgeReview", "Share expires at"))
        form.addRow(translate("JudgeReview", "Until"), self.expires)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(translate("JudgeReview", "Reason for the share"))
        form.addRow(translate("JudgeReview", "Reason"), self.reason)
        lay.addLayout(form)
        self.buttons, self.ok_btn = ok_cancel(self, translate("JudgeReview", "Share"))
        lay.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda t: self.ok_btn.setEnabled(bool(t.strip())))
        self.ok_btn.setEnabled(False)

    def set_expiry(self, when: datetime) -> None:
        self.expires.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))

    def values(self) -> dict[str, Any]:
        secs = self.expires.dateTime().toSecsSinceEpoch()
        return {"role": self.role.currentData(), "expires": datetime.fromtimestamp(secs, UTC),
                "reason": self.reason.text().strip()}


def default_expiry(days: int = 7) -> datetime:
    return datetime.now(UTC) + timedelta(days=days)
