"""The clerk's session set-up wizard: case, people, special measures, ground rules, languages, review.

Steps are listed on the left (click or Alt+number to jump), with Back / Next below; "Create session"
is always there and checks the whole plan with ``SessionPlan.validate()``: the first problem is shown
in the step its field belongs to, next to the field, and the wizard goes there.  ``plan()`` returns a
validated :class:`~recording.session.SessionPlan` or raises :class:`~recording.session.PlanError`.
The pages are in :mod:`ui.clerk.wizard_pages`, the review summary in :mod:`ui.clerk.plan_summary`.

Signals:
    submitted(object): a valid SessionPlan.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recording.model import Audience
from recording.session import Participant, PlanError, Role, SessionPlan
from ui.clerk.plan_summary import language_check, plan_summary_html
from ui.clerk.wizard_pages import (
    CasePage,
    LanguagesPage,
    MeasuresPage,
    PeoplePage,
    ReviewPage,
    RulesPage,
    WizardPage,
)
from ui.widgets.factory import button, label

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "Wizard")

STEPS = (QT_TRANSLATE_NOOP("Wizard", "Case"), QT_TRANSLATE_NOOP("Wizard", "People"),
         QT_TRANSLATE_NOOP("Wizard", "Special measures"), QT_TRANSLATE_NOOP("Wizard", "Ground rules"),
         QT_TRANSLATE_NOOP("Wizard", "Languages"), QT_TRANSLATE_NOOP("Wizard", "Review"))
CASE, PEOPLE, MEASURES, RULES, LANGUAGES, REVIEW = range(len(STEPS))
#: the step each part of the plan is entered in (``PlanError.field`` up to its first dot)
FIELD_STEPS = {"case_number": CASE, "witness_pseudonym": CASE, "participants": PEOPLE, "measures": MEASURES,
               "rules": RULES, "languages": LANGUAGES, "floor_language": LANGUAGES, "witness_location": CASE}


class SessionWizard(QWidget):
    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Wizard", "New session wizard"))
        outer = QVBoxLayout(self)
        outer.addWidget(label(translate("Wizard", "New session"), "title"))
        outer.addWidget(
            label(
                translate(
                    "Wizard",
                    "Plan the hearing step by step: who takes part, how the witness is protected, "
                    "the breaks and the interpretation.",
                ),
                "subtitle",
                wrap=True,
            )
        )
        body = QHBoxLayout()
        self.steps = QListWidget()
        self.steps.setAccessibleName(translate("Wizard", "Set-up steps"))
        for i, name in enumerate(STEPS):
            self.steps.addItem(f"{i + 1}. {translate('Wizard', name)}")
        # as wide as the longest step's name in the screen language (Spanish and French are longer)
        self.steps.setFixedWidth(max(150, self.steps.sizeHintForColumn(0) + 2 * self.steps.frameWidth() + 48))
        self.steps.setAccessibleDescription(translate("Wizard", "Go to a step; Alt and the step's number jump there"))
        body.addWidget(self.steps)
        self.pages = QStackedWidget()
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)

        self.case_page, self.people_page = CasePage(), PeoplePage()
        self.measures_page, self.rules_page = MeasuresPage(), RulesPage()
        self.languages_page, self.review_page = LanguagesPage(), ReviewPage()
        self.page_list: list[WizardPage] = [self.case_page, self.people_page, self.measures_page,
                                            self.rules_page, self.languages_page, self.review_page]
        for name, page in zip(STEPS, self.page_list, strict=True):
            # a step taller than the window (long notes, large text, Spanish and French) scrolls; its
            # notes are never squeezed into a box too small to read
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            scroll.setAccessibleName(translate("Wizard", name))
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take the focus; it scrolls to them
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # notes wrap instead
            self.pages.addWidget(scroll)
        self.page_errors = [page.error for page in self.page_list]
        self._invalid: list[QWidget] = []
        self._shown_error = ""
        # the fields, by the names the console, the tests and the screenshots use
        self.case_number, self.pseudonym = self.case_page.case_number, self.case_page.pseudonym
        self.in_building, self.remote = self.case_page.in_building, self.case_page.remote
        self.table = self.people_page.table
        mp = self.measures_page
        self.face_mask, self.face_style, self.voice_mask, self.voice_preset = (
            mp.face_mask, mp.face_style, mp.voice_mask, mp.voice_preset)
        self.unmasked, self.judge_unmasked = mp.unmasked, mp.unmasked[Audience.JUDGE]
        self.accused_screened, self.support_present = mp.accused_screened, mp.support_present
        self.evidence_private, self.pause_in_breaks = mp.evidence_private, mp.pause_in_breaks
        self.longest, self.interval, self.length = (
            self.rules_page.longest, self.rules_page.interval, self.rules_page.length)
        self.floor_language, self.languages = self.languages_page.floor_language, self.languages_page.languages
        self.language_note = self.languages_page.language_note
        self.summary = self.review_page.summary
        self.languages.textChanged.connect(self._language_check)
        self.floor_language.textChanged.connect(self._language_check)
        self.steps.currentRowChanged.connect(self.go_to)

        self.error = label("", "error", translate("Wizard", "Form problems"), wrap=True)
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.back = button(translate("Wizard", "Back"), translate("Wizard", "Back to the previous step"),
                           lambda: self.go_to(self.pages.currentIndex() - 1),
                           description=translate("Wizard", "Shows the previous step; nothing is lost"))
        self.next = button(translate("Wizard", "Next"), translate("Wizard", "Next step"),
                           lambda: self.go_to(self.pages.currentIndex() + 1),
                           description=translate("Wizard", "Shows the next step; nothing is lost"))
        self.create = button(translate("Wizard", "Create session"), translate("Wizard", "Create session"),
                             self._submit, object_name="primary",
                             description=translate("Wizard", "Checks the whole plan, saves it in the vault and "
                                                             "opens the live console"))
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        buttons.addStretch(1)
        buttons.addWidget(self.create)
        outer.addLayout(buttons)
        for i in range(len(STEPS)):
            sc = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            sc.activated.connect(lambda i=i: self.go_to(i))
        # a problem shown goes away once the clerk has fixed it (not only at the next "Create session")
        for line in (self.case_number, self.pseudonym, self.floor_language, self.languages):
            line.textChanged.connect(self._recheck)
        self.people_page.changed.connect(self._recheck)
        self.support_present.toggled.connect(self._recheck)
        self.remote.toggled.connect(self._recheck)
        self.go_to(CASE)

    # navigation ------------------------------------------------------------------------------
    def go_to(self, step: int) -> None:
        step = max(0, min(len(STEPS) - 1, step))
        self.pages.setCurrentIndex(step)
        if self.steps.currentRow() != step:
            self.steps.blockSignals(True)
            self.steps.setCurrentRow(step)
            self.steps.blockSignals(False)
        self.back.setEnabled(step > 0)
        self.next.setEnabled(step < len(STEPS) - 1)
        if step == REVIEW:
            self._fill_summary()
        if step == LANGUAGES:
            self._language_check()

    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    # participants ----------------------------------------------------------------------------
    def add_participant(self, name: str, role: Role, languages: str = "", focus: bool = False,
                        remote: bool = False) -> None:
        self.people_page.add_participant(name, role, languages, focus, remote)

    def participants(self) -> list[Participant]:
        return self.people_page.participants()

    # the plan --------------------------------------------------------------------------------
    def _language_check(self) -> None:
        covered = frozenset().union(*(p.interprets_into() for p in self.participants()))
        self.language_note.setText(language_check(self.languages_page.language_codes(), covered))

    def plan(self) -> SessionPlan:
        """The plan, validated; raises :class:`PlanError` naming the field of the first problem."""
        pseudonym = self.pseudonym.text().strip()
        people = self.participants()
        if pseudonym and not any(p.role is Role.WITNESS for p in people):
            people.append(Participant(pseudonym, Role.WITNESS))
        plan = SessionPlan(self.case_number.text().strip(), pseudonym, people, self.measures_page.measures(),
                           self.rules_page.rules(), languages=self.languages_page.language_codes(),
                           floor_language=self.languages_page.floor(),
                           witness_location=self.case_page.witness_location())
        plan.validate()
        return plan

    def place_of(self, field: str) -> tuple[int, QWidget | None]:
        """The step and the widget where the plan field ``field`` is entered."""
        widgets: dict[str, QWidget] = {
            "case_number": self.case_number, "witness_pseudonym": self.pseudonym, "participants": self.table,
            "measures.support_person_present": self.support_present, "measures.voice_preset": self.voice_preset,
            "languages": self.languages, "floor_language": self.floor_language,
            "measures.backdrop": self.measures_page.backdrop,
            "witness_location": self.remote, "measures.unmasked_audiences": self.measures_page.unmasked[Audience.COURT]}
        head = field.split(".")[0]
        widget = widgets.get(field) or widgets.get(head)
        return FIELD_STEPS.get(head, REVIEW), widget

    def _recheck(self, *_: object) -> None:
        """After an edit: clear the problem shown once it is fixed (a new one shows at the next check)."""
        if not self._shown_error:
            return
        try:
            self.plan()
        except PlanError as exc:
            if str(exc) == self._shown_error:
                return
        self._clear_errors()

    def _clear_errors(self) -> None:
        self._shown_error = ""
        self.error.setText("")
        for err in self.page_errors:
            err.hide()
            err.setText("")
        for w in self._invalid:
            w.setProperty("invalid", False)
            w.setStyleSheet("")
        self._invalid.clear()

    def show_error(self, exc: PlanError) -> None:
        self._clear_errors()
        message = translate("Wizard", "Please fix: {problem}.").format(problem=exc)
        self._shown_error = str(exc)
        self.error.setText(message)
        if not exc.field:
            return
        step, widget = self.place_of(exc.field)
        self.go_to(step)
        err = self.page_errors[step]
        err.setText(message)
        err.show()
        if widget is not None:
            widget.setProperty("invalid", True)
            widget.setStyleSheet("border: 2px solid #b3412f;")
            self._invalid.append(widget)
            widget.setFocus()

    def _submit(self) -> None:
        try:
            plan = self.plan()
        except PlanError as exc:
            self.show_error(exc)
            return
        self._clear_errors()
        self.submitted.emit(plan)

    def _fill_summary(self) -> None:
        try:
            plan = self.plan()
        except PlanError as exc:
            self.summary.setText(translate("Wizard", "Not ready yet: {problem}.").format(problem=exc))
            return
        self.summary.setText(plan_summary_html(plan))

    def fill_demo(self, languages: tuple[str, ...] = ()) -> None:
        self.case_number.setText("DEMO-2026-001")
        self.pseudonym.setText("Witness A")
        self.people_page.set_names(("HHJ Demo", "Clerk Demo", "Support worker"))
        if languages:
            self.languages.setText(", ".join(languages))
            for lang in languages:
                self.add_participant(translate("Wizard", "Interpreter ({language})").format(language=lang),
                                     Role.INTERPRETER, f"eng>{lang}")

    def set_plan(self, plan: SessionPlan) -> None:
        """Fill the wizard from ``plan`` (e.g. a saved one)."""
        self.case_number.setText(plan.case_number)
        self.pseudonym.setText(plan.witness_pseudonym)
        self.case_page.set_witness_location(plan.witness_location)
        self.people_page.set_participants([p for p in plan.participants if p.role is not Role.WITNESS])
        self.measures_page.set_measures(plan.measures)
        self.rules_page.set_rules(plan.rules)
        self.floor_language.setText(plan.floor_language)
        self.languages.setText(", ".join(plan.languages))

    def summary_text(self) -> str:
        return self.summary.text()
