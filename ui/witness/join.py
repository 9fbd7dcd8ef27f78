"""Joining a remote hearing, for the witness: one step, in calm words.

1. *Open the invitation…* (the file the court sent) — or paste it (the text of the invitation, as a
   secure message carries it).
2. The safety code, large: the court reads its code to the witness (or their support person); if
   both are the same, this is the right court.
3. Wait: "You are in the waiting room. The clerk will let you in." The rehearsal can be done meanwhile.

The page never parses anything itself: it hands the invitation's bytes to the station's ``join``
callable (the desktop checks the signature, builds the session and the link) and shows the link's
states as :func:`link_words` says them.  Every string goes through the witness's translator.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.factory import describe, label

Tr = Callable[[str], str]

#: The link's states in words for the witness: calm, never technical, never a count of failures.
#: (Module-level constants, each passed to ``tr`` by name, so the catalogue extractor finds them.)
NOT_CONNECTED = "Not connected yet."
JOINING = "Connecting to the court…"
WAITING = "You are in the waiting room. The clerk will let you in soon. You can practise while you wait."
CONNECTING = "The clerk has let you in. Connecting the picture and sound…"
LIVE = "You are connected to the court."
RECONNECTING = ("The connection is being restored. Nothing is lost: your recording continues. Nobody in court "
                "can see or hear you until it is back.")
ENDED = "The hearing has finished. Thank you. Your camera and microphone are off."
FAILED = "The connection to the court could not be made. Please tell your support person; the court will help."
LOST = ("The connection to the court could not be restored. Your recording is safe on this station. Please tell "
        "your support person; the court will contact you.")
LEFT = "You have left the hearing. Your camera and microphone are off."
REFUSED = "The court did not let this station in. Please tell your support person; the court will contact you."


def link_words(state: str, tr: Tr) -> str:
    """The witness's words for the link's ``state`` (the station's own end states included)."""
    if state == "joining":
        return tr(JOINING)
    if state == "waiting":
        return tr(WAITING)
    if state == "connecting":
        return tr(CONNECTING)
    if state == "live":
        return tr(LIVE)
    if state == "reconnecting":
        return tr(RECONNECTING)
    if state == "ended":
        return tr(ENDED)
    if state == "failed":
        return tr(FAILED)
    if state == "lost":
        return tr(LOST)
    if state == "left":
        return tr(LEFT)
    if state == "refused":
        return tr(REFUSED)
    return tr(NOT_CONNECTED)


class JoinPage(QWidget):
    """The join page of the witness station.  ``invitation_given(bytes)`` carries the opened or pasted
    invitation; ``leave_requested()`` and ``rehearse_requested()`` the two buttons of the waiting step."""

    invitation_given = Signal(bytes)
    leave_requested = Signal()
    rehearse_requested = Signal()

    def __init__(self, tr: Tr, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joinPage")
        self._tr = tr
        self._state = "idle"
        self._error = ""
        self.file_dialog: QFileDialog | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 28, 40, 28)
        lay.setSpacing(14)
        self.steps = QStackedWidget()
        lay.addWidget(self.steps, 1)

        choose = QWidget()
        cl = QVBoxLayout(choose)
        cl.setSpacing(14)
        self.heading = label(object_name="title", wrap=True)
        cl.addWidget(self.heading)
        self.intro = label(wrap=True)
        cl.addWidget(self.intro)
        self.open_button = QPushButton("")
        self.open_button.setObjectName("primary")
        self.open_button.setMinimumHeight(56)
        self.open_button.clicked.connect(self.choose_file)
        cl.addWidget(self.open_button)
        self.paste_label = label(wrap=True)
        cl.addWidget(self.paste_label)
        self.paste = QPlainTextEdit()
        self.paste.setMaximumHeight(110)
        self.paste_label.setBuddy(self.paste)
        cl.addWidget(self.paste)
        row = QHBoxLayout()
        self.practise_button = QPushButton("")  # the equipment check, before joining too
        self.practise_button.clicked.connect(self.rehearse_requested)
        row.addWidget(self.practise_button)
        row.addStretch(1)
        self.paste_button = QPushButton("")
        self.paste_button.clicked.connect(self._pasted)
        row.addWidget(self.paste_button)
        cl.addLayout(row)
        self.error = label(object_name="hint", wrap=True)
        cl.addWidget(self.error)
        cl.addStretch(1)
        self.steps.addWidget(choose)

        wait = QWidget()
        wl = QVBoxLayout(wait)
        wl.setSpacing(16)
        self.code_caption = label(object_name="subtitle")
        self.code_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        wl.addWidget(self.code_caption)
        self.safety_code = label(object_name="safetyCode")
        self.safety_code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.safety_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.safety_code.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 3.2)
        font.setBold(True)
        font.setLetterSpacing(font.SpacingType.AbsoluteSpacing, 4.0)
        self.safety_code.setFont(font)
        wl.addWidget(self.safety_code)
        self.code_help = label(wrap=True)
        self.code_help.setAlignment(Qt.AlignmentFlag.AlignCenter)
        wl.addWidget(self.code_help)
        self.status = label(object_name="linkStatus", wrap=True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        wl.addWidget(self.status)
        wl.addStretch(1)
        buttons = QHBoxLayout()
        self.rehearse_button = QPushButton("")
        self.rehearse_button.clicked.connect(self.rehearse_requested)
        self.leave_button = QPushButton("")
        self.leave_button.clicked.connect(self.leave_requested)
        buttons.addWidget(self.rehearse_button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        wl.addLayout(buttons)
        self.steps.addWidget(wait)
        self.retranslate()

    # the two steps -------------------------------------------------------------------------------
    def choose_file(self) -> QFileDialog:
        """The file dialog for the invitation (not modal; the chosen file is read at once)."""
        d = QFileDialog(self, self._tr("Open the invitation"))
        d.setFileMode(QFileDialog.FileMode.ExistingFile)
        d.setNameFilters([self._tr("Invitations (*.json *.invite)"), self._tr("All files (*)")])
        d.fileSelected.connect(self.open_file)
        self.file_dialog = d
        d.open()
        return d

    def open_file(self, path: str) -> None:
        try:
            with open(path, "rb") as f:
                data = f.read(64 * 1024 + 1)
        except OSError:
            self.show_error(self._tr("That file cannot be opened. Please choose the invitation the court sent."))
            return
        self.invitation_given.emit(data)

    def _pasted(self) -> None:
        text = self.paste.toPlainText().strip()
        if not text:
            self.show_error(self._tr("Paste the invitation the court sent into the box first."))
            return
        self.invitation_given.emit(text.encode("utf-8"))

    def show_error(self, message: str) -> None:
        self._error = message
        self.error.setText(message)
        self.steps.setCurrentIndex(0)

    def joined(self, safety_code: str) -> None:
        """The invitation was accepted: show the safety code and wait."""
        self.error.setText("")
        self.safety_code.setText(safety_code)
        self.safety_code.setAccessibleName(self._tr("Safety code") + " " + safety_code)
        self.steps.setCurrentIndex(1)
        self.set_state("joining")

    def set_state(self, state: str) -> None:
        self._state = state
        self.status.setText(link_words(state, self._tr))
        self.status.setProperty("state", state)
        self.rehearse_button.setEnabled(state in ("joining", "waiting", "failed"))

    @property
    def waiting(self) -> bool:
        return self.steps.currentIndex() == 1

    def retranslate(self) -> None:
        t = self._tr
        self.heading.setText(t("Join your hearing"))
        self.intro.setText(t("The court has sent you an invitation. Open it here. You do not need to do "
                             "anything else: the court lets you in when it is time."))
        describe(self.open_button, t("Open the invitation the court sent"), text=t("Open the invitation…"))
        self.paste_label.setText(t("Or paste the invitation here:"))
        self.paste.setAccessibleName(t("The invitation, pasted"))
        describe(self.paste_button, t("Join with the pasted invitation"), text=t("Join"))
        self.code_caption.setText(t("Your safety code"))
        self.code_help.setText(t("Someone from the court will read you a code. If it is the same as this one, you "
                                 "are connected to the right court. If it is different, tell your support "
                                 "person and press “Leave”."))
        for button in (self.rehearse_button, self.practise_button):
            describe(button, t("Practise first (equipment check)"), text=t("Practise first (equipment check)"))
        describe(self.leave_button, t("Leave the hearing"), text=t("Leave"))
        self.status.setAccessibleName(t("Connection"))
        if self.safety_code.text():
            self.safety_code.setAccessibleName(t("Safety code") + " " + self.safety_code.text())
        self.set_state(self._state)
