"""The clerk's session set-up wizard: case, people, special measures, ground rules, languages, review.

Steps are listed on the left (click or Alt+number to jump), with Back / Next below; "Create session"
is always there and checks the whole plan: the first problem is shown in the step it belongs to, next
to the field, and the wizard goes there.  ``plan()`` returns a validated
:class:`~recording.session.SessionPlan` or raises :class:`~recording.session.PlanError`.

Signals:
    submitted(object): a valid SessionPlan.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recording.masking.voice import PRESETS
from recording.model import Audience
from recording.session import (
    ROLE_LABELS,
    GroundRules,
    Participant,
    PlanError,
    Role,
    SessionPlan,
    SpecialMeasures,
)
from ui.i18n import language_name

STEPS = ("Case", "People", "Special measures", "Ground rules", "Languages", "Review")
CASE, PEOPLE, MEASURES, RULES, LANGUAGES, REVIEW = range(len(STEPS))

#: recording.masking.face.STYLES (not imported: that module imports OpenCV, which must load after Qt)
STYLES = ("opaque", "silhouette", "pixelate", "blur")
STYLE_LABELS = {"opaque": "Solid cover", "silhouette": "Silhouette", "pixelate": "Pixelated", "blur": "Blurred"}
PRESET_LABELS = {"off": "Off (natural voice)", "standard": "Standard", "strong": "Strong"}
#: stated plainly, with the measured figures (docs/voice-masking.md)
VOICE_MASK_LIMITS = (
    "The voice mask stops listeners recognising the voice by ear. It keeps the words, accent and way "
    "of speaking, and speaker-recognition software can still link voices (measured: 24 % error "
    "standard, 20 % unmasked).")
#: Audiences the clerk can let see/hear the witness unmasked (the recordings follow the plan).
UNMASK_CHOICES = ((Audience.JUDGE, "The judge"), (Audience.COURT, "The court room (lawyers, clerk, interpreters)"),
                  (Audience.SUPPORT, "The support person"))
PAIR = re.compile(r"^\s*([a-z]{3})\s*(<?>)\s*([a-z]{3})\s*$", re.IGNORECASE)


class StepError(PlanError):
    """A plan problem that belongs to one step (and optionally one field)."""

    def __init__(self, message: str, step: int, field: QWidget | None = None) -> None:
        super().__init__(message)
        self.step = step
        self.field = field


def parse_languages(text: str) -> tuple[str, ...]:
    return tuple(x.strip().lower() for x in text.replace(";", ",").replace(" ", ",").split(",") if x.strip())


class SessionWizard(QWidget):
    submitted = Signal(object)

    ROLES = list(Role)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("New session wizard")
        outer = QVBoxLayout(self)
        title = QLabel("New session")
        title.setObjectName("title")
        outer.addWidget(title)
        hint = QLabel("Plan the hearing step by step: who takes part, how the witness is protected, the breaks "
                      "and the interpretation.")
        hint.setObjectName("subtitle")
        hint.setWordWrap(True)
        outer.addWidget(hint)

        body = QHBoxLayout()
        self.steps = QListWidget()
        self.steps.setAccessibleName("Set-up steps")
        self.steps.setMaximumWidth(190)
        for i, name in enumerate(STEPS):
            self.steps.addItem(f"{i + 1}. {name}")
        body.addWidget(self.steps)
        self.pages = QStackedWidget()
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)
        self.page_errors: list[QLabel] = []
        self._invalid: list[QWidget] = []
        self._shown_error = ""

        self._build_case()
        self._build_people()
        self._build_measures()
        self._build_rules()
        self._build_languages()
        self._build_review()
        self.steps.currentRowChanged.connect(self.go_to)

        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Form problems")
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.back = QPushButton("Back")
        self.back.setAccessibleName("Back to the previous step")
        self.back.clicked.connect(lambda: self.go_to(self.pages.currentIndex() - 1))
        self.next = QPushButton("Next")
        self.next.setAccessibleName("Next step")
        self.next.clicked.connect(lambda: self.go_to(self.pages.currentIndex() + 1))
        self.create = QPushButton("Create session")
        self.create.setObjectName("primary")
        self.create.setAccessibleName("Create session")
        self.create.clicked.connect(self._submit)
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
        self.table.itemChanged.connect(self._recheck)
        self.table.model().rowsRemoved.connect(self._recheck)
        self.support_present.toggled.connect(self._recheck)
        self.go_to(CASE)

    # pages -----------------------------------------------------------------------------------
    def _page(self, heading: str, note: str) -> QVBoxLayout:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(12, 0, 0, 0)
        h = QLabel(heading)
        h.setObjectName("title")
        lay.addWidget(h)
        n = QLabel(note)
        n.setObjectName("hint")
        n.setWordWrap(True)
        lay.addWidget(n)
        err = QLabel("")
        err.setObjectName("error")
        err.setWordWrap(True)
        err.setAccessibleName(f"Problems in step {heading}")
        err.hide()
        self.page_errors.append(err)
        self.pages.addWidget(page)
        lay.addWidget(err)
        return lay

    def _build_case(self) -> None:
        lay = self._page("Case", "The case number and the name the witness is known by in this session. The "
                         "witness's real name is never entered here.")
        form = QFormLayout()
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText("e.g. T2026-0142")
        self.case_number.setAccessibleName("Case number")
        self.pseudonym = QLineEdit()
        self.pseudonym.setPlaceholderText("e.g. Witness A")
        self.pseudonym.setAccessibleName("Witness pseudonym")
        form.addRow("&Case number", self.case_number)
        form.addRow("Witness &pseudonym", self.pseudonym)
        for w in (self.case_number, self.pseudonym):
            label = form.labelForField(w)
            if isinstance(label, QLabel):
                label.setBuddy(w)
        lay.addLayout(form)
        lay.addStretch(1)

    def _build_people(self) -> None:
        lay = self._page("People", "Everyone taking part and their role. Interpreters need their language pair "
                         "(from > to, e.g. eng>spa; eng<>spa for both ways). The accused is listed so the plan "
                         "can screen them from the witness.")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Languages (interpreters)"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Participants")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        add = QPushButton("&Add participant")
        add.setAccessibleName("Add participant")
        add.clicked.connect(lambda: self.add_participant("", Role.PROSECUTION, focus=True))
        add_interp = QPushButton("Add &interpreter")
        add_interp.setAccessibleName("Add interpreter")
        add_interp.clicked.connect(lambda: self.add_participant("", Role.INTERPRETER, "eng>", focus=True))
        remove = QPushButton("&Remove selected")
        remove.setAccessibleName("Remove selected participant")
        remove.clicked.connect(self._remove_selected)
        for b in (add, add_interp, remove):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        for role in (Role.JUDGE, Role.CLERK, Role.SUPPORT):
            self.add_participant("", role)

    def _build_measures(self) -> None:
        lay = self._page("Special measures", "How the witness is protected. The raw recording is always "
                         "sealed for the judge alone; these choices decide what each audience gets live and "
                         "in the masked recording.")
        mask = QGroupBox("Masks")
        ml = QFormLayout(mask)
        self.face_mask = QCheckBox("Mask the witness's face")
        self.face_style = QComboBox()
        for s in STYLES:
            self.face_style.addItem(STYLE_LABELS.get(s, s), s)
        self.face_style.setAccessibleName("Face mask style")
        self.voice_mask = QCheckBox("Mask the witness's voice")
        self.voice_preset = QComboBox()
        for s in PRESETS:
            self.voice_preset.addItem(PRESET_LABELS.get(s, s), s)
        self.voice_preset.setCurrentIndex(list(PRESETS).index("standard"))
        self.voice_preset.setAccessibleName("Voice preset")
        ml.addRow(self.face_mask, self.face_style)
        ml.addRow(self.voice_mask, self.voice_preset)
        self.face_mask.toggled.connect(self.face_style.setEnabled)
        self.voice_mask.toggled.connect(self.voice_preset.setEnabled)
        limits = QLabel(VOICE_MASK_LIMITS)
        limits.setObjectName("hint")
        limits.setWordWrap(True)
        limits.setAccessibleName("What the voice mask protects against")
        limits.setMinimumHeight(limits.fontMetrics().lineSpacing() * 4)
        ml.addRow(limits)
        lay.addWidget(mask)

        who = QGroupBox("Who sees and hears the witness unmasked")
        wl = QVBoxLayout(who)
        self.unmasked: dict[Audience, QCheckBox] = {}
        for audience, label in UNMASK_CHOICES:
            box = QCheckBox(label)
            box.setChecked(audience is Audience.JUDGE)
            wl.addWidget(box)
            self.unmasked[audience] = box
        self.judge_unmasked = self.unmasked[Audience.JUDGE]
        lay.addWidget(who)

        other = QGroupBox("In the room and in the record")
        ol = QVBoxLayout(other)
        self.accused_screened = QCheckBox("Screen the accused from the witness")
        self.support_present = QCheckBox("A support person is with the witness")
        self.evidence_private = QCheckBox("Evidence in private (the public gallery is cleared)")
        self.pause_in_breaks = QCheckBox("Pause the recording during breaks")
        for box in (self.accused_screened, self.support_present, self.evidence_private, self.pause_in_breaks):
            ol.addWidget(box)
        lay.addWidget(other)
        for box in (self.face_mask, self.voice_mask, self.accused_screened, self.support_present):
            box.setChecked(True)
        for box in self.findChildren(QCheckBox):
            box.setAccessibleName(box.text())
        lay.addStretch(1)

    def _build_rules(self) -> None:
        lay = self._page("Ground rules", "Agreed at the ground-rules hearing. The console counts down to each "
                         "planned break, reminds you two minutes before, and warns when a questioning stretch "
                         "runs past the limit.")
        form = QFormLayout()
        d = GroundRules()
        self.longest = self._spin(d.longest_questioning_minutes, 1, 240, "Longest questioning stretch")
        self.interval = self._spin(d.break_interval_minutes, 1, 240, "Break interval")
        self.length = self._spin(d.break_length_minutes, 1, 120, "Break length")
        form.addRow("&Longest questioning stretch", self.longest)
        form.addRow("Break &interval (a planned break every)", self.interval)
        form.addRow("Break len&gth", self.length)
        for w in (self.longest, self.interval, self.length):
            label = form.labelForField(w)
            if isinstance(label, QLabel):
                label.setBuddy(w)
        lay.addLayout(form)
        lay.addStretch(1)

    @staticmethod
    def _spin(value: int, lo: int, hi: int, name: str) -> QSpinBox:
        s = QSpinBox()
        s.setRange(lo, hi)
        s.setValue(value)
        s.setSuffix(" min")
        s.setAccessibleName(f"{name} in minutes")
        return s

    def _build_languages(self) -> None:
        lay = self._page("Languages", "The court room's language (the floor) and one interpretation channel per "
                         "language, as ISO 639-2 codes (spa = Spanish, fra = French, pol = Polish, ara = Arabic…). "
                         "Each channel is recorded as its own track; the witness hears their language with the "
                         "floor quietly underneath.")
        form = QFormLayout()
        self.floor_language = QLineEdit("eng")
        self.floor_language.setAccessibleName("Floor language")
        self.floor_language.setMaxLength(3)
        self.languages = QLineEdit()
        self.languages.setPlaceholderText("e.g. spa, fra (empty: no interpretation)")
        self.languages.setAccessibleName("Interpreter languages")
        form.addRow("&Floor language", self.floor_language)
        form.addRow("Interpretation &languages", self.languages)
        for w in (self.floor_language, self.languages):
            label = form.labelForField(w)
            if isinstance(label, QLabel):
                label.setBuddy(w)
        lay.addLayout(form)
        self.language_note = QLabel("")
        self.language_note.setObjectName("hint")
        self.language_note.setWordWrap(True)
        self.language_note.setAccessibleName("Language check")
        lay.addWidget(self.language_note)
        self.languages.textChanged.connect(self._language_check)
        self.floor_language.textChanged.connect(self._language_check)
        lay.addStretch(1)

    def _build_review(self) -> None:
        lay = self._page("Review", "Check the plan, then create the session. You can still go back to any step.")
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setAccessibleName("Plan summary")
        lay.addWidget(self.summary, 1)

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
    def add_participant(self, name: str, role: Role, languages: str = "", focus: bool = False) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(name))
        combo = QComboBox()
        combo.setAccessibleName(f"Role of participant {r + 1}")
        for role_ in self.ROLES:
            combo.addItem(ROLE_LABELS[role_], role_)
        combo.setCurrentIndex(self.ROLES.index(role))
        combo.currentIndexChanged.connect(self._recheck)
        self.table.setCellWidget(r, 1, combo)
        self.table.setItem(r, 2, QTableWidgetItem(languages))
        if focus:
            self.table.setCurrentCell(r, 0)
            self.table.setFocus()
            self.table.editItem(self.table.item(r, 0))

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.table.removeRow(r)

    def participants(self) -> list[Participant]:
        out = []
        for r in range(self.table.rowCount()):
            name_item = self.table.item(r, 0)
            lang_item = self.table.item(r, 2)
            combo = self.table.cellWidget(r, 1)
            role = combo.currentData() if isinstance(combo, QComboBox) else Role.PROSECUTION
            out.append(Participant(name_item.text().strip() if name_item else "", Role(role),
                                   lang_item.text().strip().lower() if lang_item else ""))
        return out

    # the plan --------------------------------------------------------------------------------
    def _language_check(self) -> None:
        langs = parse_languages(self.languages.text())
        covered = {m.group(3).lower() for p in self.participants() if p.role is Role.INTERPRETER
                   for m in [PAIR.match(p.languages)] if m}
        covered |= {m.group(1).lower() for p in self.participants() if p.role is Role.INTERPRETER
                    for m in [PAIR.match(p.languages)] if m and m.group(2) == "<>"}
        parts = []
        for lang in langs:
            name = language_name(lang, native=False)
            who = "interpreter listed" if lang in covered else "no interpreter listed yet"
            parts.append(f"{lang}: {name if name != lang else 'unknown code'} ({who})")
        self.language_note.setText("; ".join(parts) if parts else "No interpretation channels: the floor only.")

    def plan(self) -> SessionPlan:
        """The plan, validated; raises :class:`StepError` naming the step and field of the first problem."""
        pseudonym = self.pseudonym.text().strip()
        if not self.case_number.text().strip():
            raise StepError("the case number is empty", CASE, self.case_number)
        if not pseudonym:
            raise StepError("the witness pseudonym is empty", CASE, self.pseudonym)
        people = self.participants()
        for i, p in enumerate(people):
            if not p.name:
                raise StepError(f"participant {i + 1} has no name", PEOPLE, self.table)
            if p.role is Role.INTERPRETER:
                m = PAIR.match(p.languages)
                if not m:
                    raise StepError(f"give the language pair of {p.name}, the interpreter (e.g. eng>spa)",
                                    PEOPLE, self.table)
        if not any(p.role is Role.JUDGE for p in people):
            raise StepError("add the judge to the participants", PEOPLE, self.table)
        if self.support_present.isChecked() and not any(p.role is Role.SUPPORT for p in people):
            raise StepError("add the support person to the participants, or untick “a support person is "
                            "with the witness”", MEASURES, self.support_present)
        if pseudonym and not any(p.role is Role.WITNESS for p in people):
            people.append(Participant(pseudonym, Role.WITNESS))
        if self.voice_mask.isChecked() and self.voice_preset.currentData() == "off":
            raise StepError("the voice mask is on but its preset is “off” (the natural voice): choose a "
                            "preset, or untick the voice mask", MEASURES, self.voice_preset)
        measures = SpecialMeasures(
            face_mask=self.face_mask.isChecked(), face_style=self.face_style.currentData(),
            voice_mask=self.voice_mask.isChecked(),
            voice_preset=self.voice_preset.currentData() if self.voice_mask.isChecked() else "off",
            unmasked_audiences=tuple(a.value for a, box in self.unmasked.items() if box.isChecked()),
            accused_screened=self.accused_screened.isChecked(),
            support_person_present=self.support_present.isChecked(),
            evidence_in_private=self.evidence_private.isChecked(),
            pause_recording_in_breaks=self.pause_in_breaks.isChecked())
        rules = GroundRules(self.longest.value(), self.interval.value(), self.length.value())
        plan = SessionPlan(self.case_number.text().strip(), pseudonym, people, measures, rules,
                           languages=parse_languages(self.languages.text()),
                           floor_language=self.floor_language.text().strip().lower() or "eng")
        try:
            plan.validate()
        except PlanError as exc:
            raise StepError(str(exc), LANGUAGES, self.languages) from exc
        if len(set(plan.languages)) != len(plan.languages):
            raise StepError("a language is listed twice", LANGUAGES, self.languages)
        if plan.floor_language in plan.languages:
            raise StepError("the floor language is also listed as an interpretation language", LANGUAGES,
                            self.languages)
        return plan

    def _recheck(self, *_: Any) -> None:
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
        for label in self.page_errors:
            label.hide()
            label.setText("")
        for w in self._invalid:
            w.setProperty("invalid", False)
            w.setStyleSheet("")
        self._invalid.clear()

    def show_error(self, exc: PlanError) -> None:
        self._clear_errors()
        message = f"Please fix: {exc}."
        self._shown_error = str(exc)
        self.error.setText(message)
        if isinstance(exc, StepError):
            self.go_to(exc.step)
            label = self.page_errors[exc.step]
            label.setText(message)
            label.show()
            if exc.field is not None:
                exc.field.setProperty("invalid", True)
                exc.field.setStyleSheet("border: 2px solid #b3412f;")
                self._invalid.append(exc.field)
                exc.field.setFocus()

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
            self.summary.setText(f"Not ready yet: {exc}.")
            return
        m, r = plan.measures, plan.rules
        people = ", ".join(f"{p.name} ({ROLE_LABELS[p.role]}{', ' + p.languages if p.languages else ''})"
                           for p in plan.participants)
        unmasked = [label for a, label in UNMASK_CHOICES if plan.unmasked(a)]
        langs = ", ".join(f"{language_name(code, native=False)} ({code})" for code in plan.languages) or "none"
        lines = [
            f"<b>Case</b> {plan.case_number} — witness “{plan.witness_pseudonym}”",
            f"<b>People</b> {people}",
            "<b>Face</b> " + (f"masked ({STYLE_LABELS.get(m.face_style, m.face_style).lower()})"
                              if m.face_mask else "not masked"),
            "<b>Voice</b> " + (f"masked ({m.voice_preset})" if m.voice_mask else "not masked"),
            "<b>Unmasked for</b> " + (", ".join(unmasked) if unmasked else "nobody (the sealed raw recording "
                                                                           "is the judge's alone)"),
            "<b>Accused</b> " + ("screened from the witness" if m.accused_screened else "not screened"),
            "<b>Support person</b> " + ("present" if m.support_person_present else "not present"),
            "<b>Evidence in private</b> " + ("yes" if m.evidence_in_private else "no"),
            "<b>Breaks</b> " + (f"every {r.break_interval_minutes} min for {r.break_length_minutes} min; "
                                f"questioning stretches of at most {r.longest_questioning_minutes} min; recording "
                                + ("pauses" if m.pause_recording_in_breaks else "continues (curtained)")
                                + " in breaks"),
            f"<b>Floor</b> {language_name(plan.floor_language, native=False)} ({plan.floor_language}); "
            f"<b>interpretation</b> {langs}",
        ]
        self.summary.setText("<br>".join(lines))

    def fill_demo(self, languages: tuple[str, ...] = ()) -> None:
        self.case_number.setText("DEMO-2026-001")
        self.pseudonym.setText("Witness A")
        for r, name in enumerate(("HHJ Demo", "Clerk Demo", "Support worker")):
            item = self.table.item(r, 0)
            if item is not None:
                item.setText(name)
        if languages:
            self.languages.setText(", ".join(languages))
            for lang in languages:
                self.add_participant(f"Interpreter ({lang})", Role.INTERPRETER, f"eng>{lang}")

    def set_plan(self, plan: SessionPlan) -> None:
        """Fill the wizard from ``plan`` (e.g. a saved one)."""
        self.case_number.setText(plan.case_number)
        self.pseudonym.setText(plan.witness_pseudonym)
        self.table.setRowCount(0)
        for p in plan.participants:
            if p.role is not Role.WITNESS:
                self.add_participant(p.name, p.role, p.languages)
        m = plan.measures
        self.face_mask.setChecked(m.face_mask)
        self.face_style.setCurrentIndex(max(0, self.face_style.findData(m.face_style)))
        self.voice_mask.setChecked(m.voice_mask)
        self.voice_preset.setCurrentIndex(max(0, self.voice_preset.findData(m.voice_preset)))
        for a, box in self.unmasked.items():
            box.setChecked(a.value in m.unmasked_audiences)
        self.accused_screened.setChecked(m.accused_screened)
        self.support_present.setChecked(m.support_person_present)
        self.evidence_private.setChecked(m.evidence_in_private)
        self.pause_in_breaks.setChecked(m.pause_recording_in_breaks)
        self.longest.setValue(plan.rules.longest_questioning_minutes)
        self.interval.setValue(plan.rules.break_interval_minutes)
        self.length.setValue(plan.rules.break_length_minutes)
        self.floor_language.setText(plan.floor_language)
        self.languages.setText(", ".join(plan.languages))

    def summary_text(self) -> Any:
        return self.summary.text()
