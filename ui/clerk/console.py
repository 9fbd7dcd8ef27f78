"""Clerk console: plan a session (the wizard, with saved plans), run it (:class:`LivePanel`) and end
and seal it.

The LiveSession is built by ``session_factory(plan)`` given to the constructor, so the desktop wires
the real one (camera, vault) and tests inject their own.  Building it runs on the op runner (loading
the face detector takes a moment).

Signals:
    session_created(object): the SessionController of the new session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from recording.service import LiveSessionService
from recording.session import EventKind, SessionPlan, State
from ui.clerk.live_panel import LivePanel
from ui.clerk.saved_plans import SavedPlansBar, SavedPlansDialog
from ui.clerk.wizard import SessionWizard
from ui.concurrency import OpRunner
from ui.errors import user_message
from ui.session import SessionController, SessionHub
from ui.theme import COURT, apply_theme
from ui.widgets.confirm import confirm

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "ClerkConsole")

SessionFactory = Callable[[SessionPlan], LiveSessionService]


class ClerkConsole(QWidget):
    """The clerk's window.  Give ``controller`` to show a running session (the demo), or
    ``session_factory`` to plan one with the form.

    Plans are kept in the vault through callables (``ui`` never imports ``desktop``):
    ``save_plan(plan) -> id`` stores the wizard's plan (a draft, before the session is created),
    ``list_plans() -> [(id, label)]`` and ``load_plan(id) -> SessionPlan`` give "Open saved plan…".
    All three run on the op runner."""

    session_created = Signal(object)
    plan_saved = Signal(str)

    def __init__(self, session_factory: SessionFactory | None, runner: OpRunner, hub: SessionHub | None = None,
                 controller: SessionController | None = None, high_contrast: bool = False,
                 parent: QWidget | None = None, save_plan: Callable[[SessionPlan], str] | None = None,
                 list_plans: Callable[[], list[tuple[str, str]]] | None = None,
                 load_plan: Callable[[str], SessionPlan] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ClerkConsole", "Testimony Shield — Clerk console"))
        self.setAccessibleName(translate("ClerkConsole", "Clerk console"))
        apply_theme(self, COURT, high_contrast)
        self._factory = session_factory
        self._runner = runner
        self._hub = hub
        self.controller: SessionController | None = None
        self.live: LivePanel | None = None
        self.close_box: QMessageBox | None = None
        self._closing_after_end = False
        self._close_hooked = False
        self.stack = QStackedWidget()
        page = QWidget()
        pl = QVBoxLayout(page)
        pl.setContentsMargins(0, 0, 0, 0)
        self.form = SessionWizard()
        self.plans = SavedPlansBar(self.form, runner, save_plan, list_plans, load_plan)
        self.plans.plan_saved.connect(self.plan_saved)
        self.open_plan_btn, self.save_plan_btn = self.plans.open_plan_btn, self.plans.save_plan_btn
        self.plan_status = self.plans.plan_status
        pl.addWidget(self.plans)
        self.form.submitted.connect(self._create_session)
        pl.addWidget(self.form, 1)
        self.stack.addWidget(page)
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)
        self.resize(1100, 720)
        if controller is not None:
            self.attach(controller)

    # saved plans (SavedPlansBar) ---------------------------------------------------------------
    @property
    def plan_id(self) -> str:
        return self.plans.plan_id

    @property
    def plans_dialog(self) -> SavedPlansDialog | None:
        return self.plans.plans_dialog

    def save_draft(self) -> None:
        self.plans.save_draft()

    def open_saved_plan(self) -> None:
        self.plans.open_saved_plan()

    def load_saved_plan(self, pid: str) -> None:
        self.plans.load_saved_plan(pid)

    def _create_session(self, plan: SessionPlan) -> None:
        if self._factory is None:
            self.form.error.setText(translate("ClerkConsole", "This station cannot start sessions."))
            return
        self.form.create.setEnabled(False)
        self.form.error.setText("")
        save = self.plans.save_plan
        # the plan as saved a moment ago ("Save plan") is not stored a second time
        unchanged = self.plans.unchanged_id(plan)

        def work() -> tuple[str, LiveSessionService]:
            # the plan is stored (encrypted) before the session exists, so it is there even if going
            # live fails
            pid = unchanged or (save(plan) if save is not None else "")
            return pid, factory(plan)

        def ok(result: tuple[str, LiveSessionService]) -> None:
            pid, session = result
            self.form.create.setEnabled(True)
            if pid:
                self.plans.saved(pid, plan)
                session.lifecycle.log(EventKind.PLAN, f"plan {pid} stored in the vault")
            self.attach(SessionController(session, self._runner, self))

        def bad(exc: BaseException) -> None:
            self.form.create.setEnabled(True)
            self.form.error.setText(user_message(exc))

        factory = self._factory
        self._runner.run(work, ok, bad)

    def attach(self, controller: SessionController) -> None:
        self.controller = controller
        self.live = LivePanel(controller)
        self.live.new_btn.clicked.connect(self.new_session)
        self.stack.addWidget(self.live)
        self.stack.setCurrentWidget(self.live)
        if self._hub is not None:
            self._hub.set_controller(controller)
        self.session_created.emit(controller)

    def new_session(self) -> None:
        """After a sealed session: back to the wizard (the sealed session's panel is let go)."""
        if self.session_running() or self.live is None:
            return
        live, self.live, self.controller = self.live, None, None
        live.detach()
        self.stack.removeWidget(live)
        live.deleteLater()
        self.form.go_to(0)
        self.plans.plan_status.setText(translate("ClerkConsole", "Plan the next session, or open a saved plan."))
        self.stack.setCurrentIndex(0)

    def session_running(self) -> bool:
        c = self.controller
        return c is not None and c.state in (State.WAITING, State.LIVE, State.BREAK)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session_running():
            # closing would leave the session running (and recording) with nobody to run the breaks or
            # end it: ask first, and end and seal it before closing
            event.ignore()
            self.ask_end_before_close()
            return
        if self.close_box is not None:
            self.close_box.close()
        if self.live is not None:
            self.live.detach()
        super().closeEvent(event)

    def ask_end_before_close(self) -> QMessageBox:
        if self.close_box is not None:
            self.close_box.raise_()
            return self.close_box
        recording = self.controller is not None and self.controller.recording

        def forget() -> None:
            self.close_box = None

        self.close_box = confirm(
            self, translate("ClerkConsole", "The session is still running"),
            (translate("ClerkConsole", "The session is still running and recording.") if recording
             else translate("ClerkConsole", "The session is still running.")) + " " +
            translate("ClerkConsole", "If this console closes, nobody can start a planned break or end the "
                                      "session.\n\nEnd and seal the session now, then close the console?"),
            translate("ClerkConsole", "End and seal, then close"),
            translate("ClerkConsole", "Keep the console open"), self.end_and_close, forget,
            icon=QMessageBox.Icon.Warning)
        return self.close_box

    def end_and_close(self) -> None:
        """End and seal the running session (on the op runner), then close the console."""
        c = self.controller
        if c is None or not self.session_running():
            self.close()
            return
        if not self._close_hooked:
            self._close_hooked = True
            c.ended.connect(self._ended_then_close)
            c.failed.connect(self._end_failed)
        self._closing_after_end = True
        if c.busy:  # e.g. recording still starting: end once that is done
            QTimer.singleShot(200, self.end_and_close)
            return
        c.end()

    def _ended_then_close(self, _summary: Any) -> None:
        if self._closing_after_end:
            self.close()

    def _end_failed(self, _message: str) -> None:
        # the console stays open and shows the problem (LivePanel._on_failed)
        self._closing_after_end = False

