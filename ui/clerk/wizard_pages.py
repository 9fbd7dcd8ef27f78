"""The six steps of the clerk's set-up wizard (:mod:`ui.clerk.wizard`), one widget each.

Each page holds its fields and reads/writes its part of a :class:`~recording.session.SessionPlan`;
the rules that decide whether a plan is complete live in ``SessionPlan.problems()``, not here.

Signals:
    PeoplePage.changed(): a participant was edited, added, removed or given another role.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recording.masking.voice import PRESETS
from recording.model import Audience
from recording.session import (
    IN_BUILDING,
    REMOTE,
    GroundRules,
    Participant,
    Role,
    SpecialMeasures,
)
from ui.clerk.plan_summary import (
    BACKDROP_LABELS,
    BACKDROP_LIMITS,
    UNMASK_CHOICES,
    backdrop_label,
    unmask_label,
)
from ui.labels import STYLES, preset_label, role_label, style_label
from ui.widgets.factory import buddy_form, button, label

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "Wizard")

#: stated plainly, with the measured figures (docs/voice-masking.md)
VOICE_MASK_LIMITS = QT_TRANSLATE_NOOP(
    "Wizard",
    "Both presets stop listeners recognising the voice by ear; neither hides the words, accent or way of "
    "speaking. Speaker-recognition software, comparing with the natural voice (error rate, 5 % unmasked): "
    "Standard 28 % (live, 12 ms delay); Strong 38 %, 33 % for someone who knows the method (a synthetic "
    "voice drawn for each session, 90 ms delay, words harder to follow). Someone who masks a recording of "
    "the witness's own voice the same way can still link them: Standard 15 %, Strong 23-35 %.")


def parse_languages(text: str) -> tuple[str, ...]:
    return tuple(x.strip().lower() for x in text.replace(";", ",").replace(" ", ",").split(",") if x.strip())


class WizardPage(QWidget):
    """A step: its heading, a note saying what it is for, the step's problem (hidden until there is
    one), then the page's own fields in ``body``."""

    def __init__(self, heading: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 0, 0, 0)
        self.body.addWidget(label(heading, "title"))
        self.body.addWidget(label(note, "hint", wrap=True))
        self.error = label("", "error", translate("Wizard", "Problems in step {step}").format(step=heading),
                           wrap=True)
        self.error.hide()
        self.body.addWidget(self.error)


class CasePage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("Wizard", "Case"),
            translate(
                "Wizard",
                "The case number and the name the witness is known by in this session. The "
                "witness's real name is never entered here.",
            ),
            parent,
        )
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText(translate("Wizard", "e.g. T2026-0142"))
        self.case_number.setAccessibleName(translate("Wizard", "Case number"))
        self.pseudonym = QLineEdit()
        self.pseudonym.setPlaceholderText(translate("Wizard", "e.g. Witness A"))
        self.pseudonym.setAccessibleName(translate("Wizard", "Witness pseudonym"))
        self.body.addLayout(buddy_form(((translate("Wizard", "&Case number"), self.case_number),
                                        (translate("Wizard", "Witness &pseudonym"), self.pseudonym))))
        where = QGroupBox(translate("Wizard", "Where is the witness?"))
        wl = QVBoxLayout(where)
        self.in_building = QRadioButton(
            translate("Wizard", "In this court building (the witness room of this station)")
        )
        self.remote = QRadioButton(
            translate(
                "Wizard",
                "Somewhere else (a remote hearing: you send the witness station an "
                "invitation and admit it from the waiting room)",
            )
        )
        for b in (self.in_building, self.remote):
            b.setAccessibleName(b.text())
            b.setAccessibleDescription(translate("Wizard", "Where is the witness? Arrow keys choose."))
            wl.addWidget(b)
        self.in_building.setChecked(True)
        self.body.addWidget(where)
        self.body.addStretch(1)

    def witness_location(self) -> str:
        return REMOTE if self.remote.isChecked() else IN_BUILDING

    def set_witness_location(self, where: str) -> None:
        (self.remote if where == REMOTE else self.in_building).setChecked(True)


class PeoplePage(WizardPage):
    changed = Signal()

    ROLES = list(Role)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("Wizard", "People"),
            translate(
                "Wizard",
                "Everyone taking part and their role. Interpreters need their language pair "
                "(from > to, e.g. eng>spa; eng<>spa for both ways) and, in a remote hearing, whether "
                "they join from elsewhere. The accused is listed so the plan can screen them from the "
                "witness.",
            ),
            parent,
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Wizard", "Name"),
                translate("Wizard", "Role"),
                translate("Wizard", "Languages (interpreters)"),
                translate("Wizard", "Joins remotely"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(translate("Wizard", "Participants"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.body.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(button(translate("Wizard", "&Add participant"), translate("Wizard", "Add participant"),
                             lambda: self.add_participant("", Role.PROSECUTION, focus=True)))
        row.addWidget(button(translate("Wizard", "Add &interpreter"), translate("Wizard", "Add interpreter"),
                             lambda: self.add_participant("", Role.INTERPRETER, "eng>", focus=True)))
        row.addWidget(
            button(
                translate("Wizard", "&Remove selected"),
                translate("Wizard", "Remove selected participant"),
                self.remove_selected,
            )
        )
        row.addStretch(1)
        self.body.addLayout(row)
        for role in (Role.JUDGE, Role.CLERK, Role.SUPPORT):
            self.add_participant("", role)
        self.table.itemChanged.connect(self.changed)
        self.table.model().rowsRemoved.connect(self.changed)

    def add_participant(self, name: str, role: Role, languages: str = "", focus: bool = False,
                        remote: bool = False) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(name))
        combo = QComboBox()
        combo.setAccessibleName(translate("Wizard", "Role of participant {n}").format(n=r + 1))
        combo.setAccessibleDescription(translate("Wizard", "What this person does in the hearing"))
        for role_ in self.ROLES:
            combo.addItem(role_label(role_), role_)
        combo.setCurrentIndex(self.ROLES.index(role))
        combo.currentIndexChanged.connect(self.changed)
        self.table.setCellWidget(r, 1, combo)
        self.table.setItem(r, 2, QTableWidgetItem(languages))
        away = QCheckBox()
        away.setAccessibleName(translate("Wizard", "Participant {n} joins remotely").format(n=r + 1))
        away.setAccessibleDescription(translate("Wizard", "Interpreters, in a remote hearing: they get their own "
                                                          "invitation"))
        away.setChecked(remote)
        away.setEnabled(role is Role.INTERPRETER)
        away.toggled.connect(self.changed)
        def role_changed(_i: int, combo: QComboBox = combo, away: QCheckBox = away) -> None:
            interpreter = combo.currentData() is Role.INTERPRETER
            away.setEnabled(interpreter)  # only interpreters join remotely
            if not interpreter:
                away.setChecked(False)

        combo.currentIndexChanged.connect(role_changed)
        self.table.setCellWidget(r, 3, away)
        if focus:
            self.table.setCurrentCell(r, 0)
            self.table.setFocus()
            self.table.editItem(self.table.item(r, 0))

    def remove_selected(self) -> None:
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
            away = self.table.cellWidget(r, 3)
            out.append(Participant(name_item.text().strip() if name_item else "", Role(role),
                                   lang_item.text().strip().lower() if lang_item else "",
                                   isinstance(away, QCheckBox) and away.isChecked()))
        return out

    def set_participants(self, people: list[Participant]) -> None:
        self.table.setRowCount(0)
        for p in people:
            self.add_participant(p.name, p.role, p.languages, remote=p.remote)

    def set_names(self, names: tuple[str, ...]) -> None:
        """Name the first rows (the demo's judge, clerk and support person)."""
        for r, name in enumerate(names):
            item = self.table.item(r, 0)
            if item is not None:
                item.setText(name)


class MeasuresPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("Wizard", "Special measures"),
            translate(
                "Wizard",
                "How the witness is protected. The raw recording is always "
                "sealed for the judge alone; these choices decide what each audience gets live and "
                "in the masked recording.",
            ),
            parent,
        )
        mask = QGroupBox(translate("Wizard", "Masks"))
        ml = QFormLayout(mask)
        self.face_mask = QCheckBox(translate("Wizard", "Mask the witness's face"))
        self.face_style = QComboBox()
        for s in STYLES:
            self.face_style.addItem(style_label(s), s)
        self.face_style.setAccessibleName(translate("Wizard", "Face mask style"))
        self.voice_mask = QCheckBox(translate("Wizard", "Mask the witness's voice"))
        self.voice_preset = QComboBox()
        for s in PRESETS:
            self.voice_preset.addItem(preset_label(s), s)
        self.voice_preset.setCurrentIndex(list(PRESETS).index("standard"))
        self.voice_preset.setAccessibleName(translate("Wizard", "Voice preset"))
        self.backdrop = QComboBox()
        for mode in BACKDROP_LABELS:
            self.backdrop.addItem(backdrop_label(mode), mode)
        # its long choices (Spanish, French) never widen the page past the window: the closed box shows
        # what fits, the open list shows them whole
        self.backdrop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.backdrop.setMinimumContentsLength(24)
        self.backdrop.view().setMinimumWidth(self.backdrop.view().sizeHintForColumn(0) + 24)
        room_name = translate("Wizard", "The room behind the witness")
        self.backdrop.setAccessibleName(room_name)
        self.backdrop.setToolTip(translate("Wizard", BACKDROP_LIMITS))
        ml.addRow(self.face_mask, self.face_style)
        ml.addRow(room_name, self.backdrop)
        room_limits = label(translate("Wizard", BACKDROP_LIMITS), "hint",
                            translate("Wizard", "What hiding the room does"), wrap=True)
        room_limits.setMinimumHeight(room_limits.fontMetrics().lineSpacing() * 4)
        ml.addRow(room_limits)
        ml.addRow(self.voice_mask, self.voice_preset)
        self.face_mask.toggled.connect(self.face_style.setEnabled)
        self.face_mask.toggled.connect(self.backdrop.setEnabled)
        self.voice_mask.toggled.connect(self.voice_preset.setEnabled)
        limits = label(translate("Wizard", VOICE_MASK_LIMITS), "hint",
                       translate("Wizard", "What the voice mask protects against"), wrap=True)
        limits.setMinimumHeight(limits.fontMetrics().lineSpacing() * 4)
        ml.addRow(limits)
        self.body.addWidget(mask)

        who = QGroupBox(translate("Wizard", "Who sees and hears the witness unmasked"))
        wl = QVBoxLayout(who)
        self.unmasked: dict[Audience, QCheckBox] = {}
        for audience, text in UNMASK_CHOICES:
            box = QCheckBox(unmask_label(text))
            box.setChecked(audience is Audience.JUDGE)
            wl.addWidget(box)
            self.unmasked[audience] = box
        self.body.addWidget(who)

        other = QGroupBox(translate("Wizard", "In the room and in the record"))
        ol = QVBoxLayout(other)
        self.accused_screened = QCheckBox(translate("Wizard", "Screen the accused from the witness"))
        self.support_present = QCheckBox(translate("Wizard", "A support person is with the witness"))
        self.evidence_private = QCheckBox(translate("Wizard", "Evidence in private (the public gallery is cleared)"))
        self.pause_in_breaks = QCheckBox(translate("Wizard", "Pause the recording during breaks"))
        for box in (self.accused_screened, self.support_present, self.evidence_private, self.pause_in_breaks):
            ol.addWidget(box)
        self.body.addWidget(other)
        for box in (self.face_mask, self.voice_mask, self.accused_screened, self.support_present):
            box.setChecked(True)
        for box in self.findChildren(QCheckBox):
            box.setAccessibleName(box.text())
        self.body.addStretch(1)

    def measures(self) -> SpecialMeasures:
        voice = self.voice_mask.isChecked()
        return SpecialMeasures(
            face_mask=self.face_mask.isChecked(), face_style=self.face_style.currentData(),
            voice_mask=voice, voice_preset=self.voice_preset.currentData() if voice else "off",
            unmasked_audiences=tuple(a.value for a, box in self.unmasked.items() if box.isChecked()),
            accused_screened=self.accused_screened.isChecked(),
            support_person_present=self.support_present.isChecked(),
            evidence_in_private=self.evidence_private.isChecked(),
            pause_recording_in_breaks=self.pause_in_breaks.isChecked(),
            backdrop=self.backdrop.currentData() if self.face_mask.isChecked() else "off")

    def set_measures(self, m: SpecialMeasures) -> None:
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
        self.backdrop.setCurrentIndex(max(0, self.backdrop.findData(m.backdrop)))


def minutes_spin(value: int, lo: int, hi: int, name: str) -> QSpinBox:
    s = QSpinBox()
    s.setRange(lo, hi)
    s.setValue(value)
    s.setSuffix(translate("Wizard", " min"))
    s.setAccessibleName(name)
    s.setAccessibleDescription(translate("Wizard", "In minutes"))
    return s


class RulesPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("Wizard", "Ground rules"),
            translate(
                "Wizard",
                "Agreed at the ground-rules hearing. The console counts down to each "
                "planned break, reminds you two minutes before, and warns when a questioning stretch "
                "runs past the limit.",
            ),
            parent,
        )
        d = GroundRules()
        self.longest = minutes_spin(d.longest_questioning_minutes, 1, 240,
                                    translate("Wizard", "Longest questioning stretch"))
        self.interval = minutes_spin(d.break_interval_minutes, 1, 240, translate("Wizard", "Break interval"))
        self.length = minutes_spin(d.break_length_minutes, 1, 120, translate("Wizard", "Break length"))
        self.body.addLayout(buddy_form(((translate("Wizard", "&Longest questioning stretch"), self.longest),
                                        (translate("Wizard", "Break &interval (a planned break every)"), self.interval),
                                        (translate("Wizard", "Break len&gth"), self.length))))
        self.body.addStretch(1)

    def rules(self) -> GroundRules:
        return GroundRules(self.longest.value(), self.interval.value(), self.length.value())

    def set_rules(self, rules: GroundRules) -> None:
        self.longest.setValue(rules.longest_questioning_minutes)
        self.interval.setValue(rules.break_interval_minutes)
        self.length.setValue(rules.break_length_minutes)


class LanguagesPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("Wizard", "Languages"),
            translate(
                "Wizard",
                "The court room's language (the floor) and one interpretation channel per "
                "language, as ISO 639-2 codes (spa = Spanish, fra = French, pol = Polish, ara = Arabic…). "
                "Each channel is recorded as its own track; the witness hears their language with the "
                "floor quietly underneath.",
            ),
            parent,
        )
        self.floor_language = QLineEdit("eng")
        self.floor_language.setAccessibleName(translate("Wizard", "Floor language"))
        self.floor_language.setMaxLength(3)
        self.languages = QLineEdit()
        self.languages.setPlaceholderText(translate("Wizard", "e.g. spa, fra (empty: no interpretation)"))
        self.languages.setAccessibleName(translate("Wizard", "Interpreter languages"))
        self.body.addLayout(buddy_form(((translate("Wizard", "&Floor language"), self.floor_language),
                                        (translate("Wizard", "Interpretation &languages"), self.languages))))
        self.language_note = label("", "hint", translate("Wizard", "Language check"), wrap=True)
        self.body.addWidget(self.language_note)
        self.body.addStretch(1)

    def language_codes(self) -> tuple[str, ...]:
        return parse_languages(self.languages.text())

    def floor(self) -> str:
        return self.floor_language.text().strip().lower() or "eng"


class ReviewPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("Wizard", "Review"),
            translate("Wizard", "Check the plan, then create the session. You can still go back to any step."),
            parent,
        )
        self.summary = label("", accessible=translate("Wizard", "Plan summary"), wrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.summary, 1)
