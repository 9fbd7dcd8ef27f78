"""Plans saved in the vault, from the clerk console: "Open saved plan…" (the list of plans, the chosen
one fills the wizard) and "Save plan" (a draft, encrypted, before any session exists).

The vault is reached through callables (``ui`` never imports ``desktop``), run on the op runner:
``save_plan(plan) -> id``, ``list_plans() -> [(id, label)]``, ``load_plan(id) -> SessionPlan``."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recording.session import PlanError, SessionPlan
from ui.clerk.wizard import SessionWizard
from ui.concurrency import OpRunner
from ui.errors import user_message

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "ClerkConsole")


class SavedPlansDialog(QDialog):
    """Pick one of the plans saved in the vault: ``plans`` are (id, label) pairs."""

    def __init__(self, plans: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ClerkConsole", "Open saved plan"))
        self.setAccessibleName(translate("ClerkConsole", "Open saved plan"))
        lay = QVBoxLayout(self)
        note = QLabel(translate("ClerkConsole", "Plans saved in the vault (encrypted; the newest first).") if plans else
                      translate("ClerkConsole", "No plan has been saved in this vault yet."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("ClerkConsole", "Saved plans"))
        self.list.setAccessibleDescription(translate("ClerkConsole", "Enter opens the chosen plan in the wizard"))
        for pid, label in plans:
            self.list.addItem(label)
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, pid)
        if plans:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        for b in buttons.buttons():
            b.setAccessibleName(b.text().replace("&", ""))
            b.setAccessibleDescription(translate("ClerkConsole", "Fill the wizard from the chosen plan")
                                       if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
                                       else translate("ClerkConsole", "Close without opening a plan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(plans))
        lay.addWidget(buttons)
        self.resize(460, 320)

    def chosen(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""


class SavedPlansBar(QWidget):
    """The bar above the wizard: "Open saved plan…", "Save plan" and what happened to the plan.

    ``plan_id`` is the id of the plan in the wizard as last saved or opened; :meth:`unchanged_id` gives
    it only while the wizard's plan is still that one (so "Create session" does not store it twice)."""

    plan_saved = Signal(str)

    def __init__(self, form: SessionWizard, runner: OpRunner,
                 save_plan: Callable[[SessionPlan], str] | None = None,
                 list_plans: Callable[[], list[tuple[str, str]]] | None = None,
                 load_plan: Callable[[str], SessionPlan] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self._runner = runner
        self._save_plan = save_plan
        self._list_plans = list_plans
        self._load_plan = load_plan
        self.plan_id = ""
        self._saved_plan: dict[str, Any] | None = None
        self.plans_dialog: SavedPlansDialog | None = None
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.open_plan_btn = QPushButton(translate("ClerkConsole", "Open saved plan…"))
        self.open_plan_btn.setAccessibleName(translate("ClerkConsole", "Open a plan saved in the vault"))
        self.open_plan_btn.setAccessibleDescription(translate("ClerkConsole", "Lists the plans saved (encrypted) in "
                                                                              "this station's vault"))
        self.open_plan_btn.clicked.connect(self.open_saved_plan)
        self.save_plan_btn = QPushButton(translate("ClerkConsole", "Save plan"))
        self.save_plan_btn.setAccessibleName(translate("ClerkConsole", "Save the plan in the vault as a draft"))
        self.save_plan_btn.setAccessibleDescription(translate("ClerkConsole", "Encrypted; no session is created"))
        self.save_plan_btn.clicked.connect(self.save_draft)
        self.plan_status = QLabel("")
        self.plan_status.setObjectName("hint")
        self.plan_status.setWordWrap(True)
        self.plan_status.setAccessibleName(translate("ClerkConsole", "Plan status"))
        self.open_plan_btn.setEnabled(list_plans is not None and load_plan is not None)
        self.save_plan_btn.setEnabled(save_plan is not None)
        bar.addWidget(self.open_plan_btn)
        bar.addWidget(self.save_plan_btn)
        bar.addWidget(self.plan_status, 1)

    @property
    def save_plan(self) -> Callable[[SessionPlan], str] | None:
        return self._save_plan

    def unchanged_id(self, plan: SessionPlan) -> str:
        """The saved plan's id if ``plan`` is the plan as saved or opened, else ""."""
        return self.plan_id if self._saved_plan == plan.to_dict() else ""

    def save_draft(self) -> None:
        """Check the wizard's plan and store it in the vault (encrypted) without creating a session."""
        if self._save_plan is None:
            return
        try:
            plan = self.form.plan()
        except PlanError as exc:
            self.form.show_error(exc)
            return
        save = self._save_plan
        self.save_plan_btn.setEnabled(False)
        self.plan_status.setText(translate("ClerkConsole", "Saving the plan in the vault…"))

        def ok(pid: str) -> None:
            self.save_plan_btn.setEnabled(True)
            self.saved(pid, plan)

        def bad(exc: BaseException) -> None:
            self.save_plan_btn.setEnabled(True)
            self.plan_status.setText(translate("ClerkConsole", "The plan was not saved: {reason}").format(
                reason=user_message(exc)))

        self._runner.run(lambda: save(plan), ok, bad)

    def saved(self, pid: str, plan: SessionPlan | None = None) -> None:
        self.plan_id = pid
        self._saved_plan = plan.to_dict() if plan is not None else None
        self.plan_status.setText(translate("ClerkConsole", "Plan saved in the vault (encrypted), {time} — id "
                                                           "{id}.").format(time=time.strftime("%H:%M"), id=pid[:8]))
        self.plan_saved.emit(pid)

    def open_saved_plan(self) -> None:
        """List the vault's plans; the chosen one fills the wizard (:meth:`load_saved_plan`)."""
        if self._list_plans is None:
            return
        self.open_plan_btn.setEnabled(False)
        self.plan_status.setText(translate("ClerkConsole", "Looking for saved plans…"))

        def listed(plans: list[tuple[str, str]]) -> None:
            self.open_plan_btn.setEnabled(True)
            self.plan_status.setText("")
            d = SavedPlansDialog(plans, self)
            self.plans_dialog = d
            d.accepted.connect(lambda: self.load_saved_plan(d.chosen()))
            d.open()

        self._runner.run(self._list_plans, listed, self._plans_failed)

    def load_saved_plan(self, pid: str) -> None:
        if self._load_plan is None or not pid:
            return
        loader = self._load_plan
        self.plan_status.setText(translate("ClerkConsole", "Opening the plan…"))

        def loaded(plan: SessionPlan) -> None:
            self.form.set_plan(plan)
            self.form.go_to(0)
            self.plan_id = pid
            try:  # the plan as the wizard reads it back, to recognise it unchanged at "Create session"
                self._saved_plan = self.form.plan().to_dict()
            except PlanError:
                self._saved_plan = None
            self.plan_status.setText(translate("ClerkConsole", "Opened the saved plan for case {case}. Check it, "
                                                               "then “Create session”.").format(case=plan.case_number))

        self._runner.run(lambda: loader(pid), loaded, self._plans_failed)

    def _plans_failed(self, exc: BaseException) -> None:
        self.open_plan_btn.setEnabled(True)
        self.plan_status.setText(translate("ClerkConsole", "The saved plans could not be read: {reason}").format(
            reason=user_message(exc)))
