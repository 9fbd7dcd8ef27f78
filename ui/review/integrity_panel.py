"""The vault's integrity and its audit trail, as the judge sees them: a badge with "Verify vault"
(every file and the audit chain checked on the op runner) and the audit trail, newest first.

Signals:
    IntegrityBadge.failed(str): verifying could not run (the badge says so too).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.concurrency import OpRunner
from ui.errors import user_message
from ui.widgets.factory import button, label

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "JudgeReview")


class IntegrityBadge(QWidget):
    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = label(
            translate("JudgeReview", "Integrity: not checked yet"),
            accessible=translate("JudgeReview", "Vault integrity"),
        )
        lay.addWidget(self.label)
        self.verify_btn = button(
            translate("JudgeReview", "Verify vault"), translate("JudgeReview", "Verify the vault's integrity")
        )
        self.verify_btn.setAccessibleDescription(
            translate("JudgeReview", "Checks every recording, key and the audit trail")
        )
        lay.addWidget(self.verify_btn)

    def _show(self, text: str, badge: str, tip: str = "") -> None:
        self.label.setText(text)
        self.label.setObjectName(badge)
        if tip:
            self.label.setToolTip(tip)
        self.label.setStyleSheet("")  # re-polish: the badge's look follows its object name

    def verify(self, vault: Any) -> None:
        """Check ``vault`` (``vault.verify()`` → a report with ``ok`` and ``problems``)."""
        if vault is None:
            return
        self.label.setText(translate("JudgeReview", "Integrity: checking…"))
        self.label.setObjectName("")
        self.verify_btn.setEnabled(False)

        def ok(report: Any) -> None:
            self.verify_btn.setEnabled(True)
            if report.ok:
                self._show(translate("JudgeReview", "Integrity: ✔ verified, nothing changed"), "okbadge")
            else:
                self._show(translate("JudgeReview", "Integrity: ✖ {n} problem(s) — do not rely on this vault").format(
                    n=len(report.problems)),
                           "badbadge", "\n".join(report.problems[:20]))

        def bad(exc: BaseException) -> None:
            self.verify_btn.setEnabled(True)
            self._show(translate("JudgeReview", "Integrity: ✖ {reason}").format(reason=user_message(exc)), "badbadge")

        self.runner.run(vault.verify, ok, bad)


class AuditTrail(QTableWidget):
    """The vault's audit entries, the newest first: time, event, who, recording."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [
                translate("JudgeReview", "Time"),
                translate("JudgeReview", "Event"),
                translate("JudgeReview", "By"),
                translate("JudgeReview", "Recording"),
            ]
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(translate("JudgeReview", "Audit trail"))

    def fill(self, entries: list[Any]) -> None:
        self.setRowCount(len(entries))
        for row, e in enumerate(reversed(entries)):
            cells = [str(e.time)[:19].replace("T", " "), e.event, e.actor, (e.rec or "")[:8]]
            for col, text in enumerate(cells):
                self.setItem(row, col, QTableWidgetItem(text))
