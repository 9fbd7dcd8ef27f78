"""The clerk console's remote-hearing box: the invitation (save it to a file or copy it, for a secure
route to the witness's support person), the waiting room (who asks to join, the safety code to read
to them, *Admit* / *Send back*), the link's state and its quality, and the remote interpreters'
invitations.

It shows a :class:`desktop.remote_court.RemoteHearing`-like session (``invitation``,
``interpreter_invitations``, ``pending``, ``decide``, ``on_request``, ``on_link_state``, ``court``):
``ui`` never imports ``desktop``; the session's callbacks come on the link's thread and hop here with
:func:`ui.concurrency.on_main`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.concurrency import on_main
from ui.link.status import court_text

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "ClerkConsole")

#: the clipboard holds an invitation (its one-time token) this long, then it is cleared
CLIPBOARD_SECONDS = 120


def _write_private(path: str, data: bytes) -> None:
    from recording.transport.invite import write_invite

    write_invite(Path(path), data)


class RemotePanel(QGroupBox):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(translate("ClerkConsole", "Remote witness"), parent)
        self.setAccessibleName(translate("ClerkConsole", "Remote witness: invitation and waiting room"))
        self.session = session
        self.request: dict[str, Any] | None = None
        self.save_dialog: QFileDialog | None = None
        self.saved_to: dict[str, str] = {}
        lay = QVBoxLayout(self)
        self.status = QLabel(translate("LinkStatus", court_text("closed")))
        self.status.setObjectName("linkStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("ClerkConsole", "Link to the witness station"))
        lay.addWidget(self.status)
        self.invite_note = QLabel(translate("ClerkConsole", "Open the waiting room to make the invitation."))
        self._invite_ready_said = False
        self.invite_note.setObjectName("hint")
        self.invite_note.setWordWrap(True)
        self.invite_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invite_note.setMinimumHeight(self.invite_note.fontMetrics().lineSpacing() * 2 + 4)
        lay.addWidget(self.invite_note)
        inv = QGridLayout()
        self.save_btn = QPushButton(translate("ClerkConsole", "Save invitation…"))
        self.save_btn.setAccessibleName(translate("ClerkConsole", "Save the witness's invitation to a file"))
        self.save_btn.setAccessibleDescription(translate("ClerkConsole", "Readable by you only; send it by a route "
                                                                         "the court trusts"))
        self.copy_btn = QPushButton(translate("ClerkConsole", "Copy invitation"))
        self.copy_btn.setAccessibleName(translate("ClerkConsole", "Copy the witness's invitation to the clipboard"))
        self.copy_btn.setAccessibleDescription(translate("ClerkConsole", "The clipboard is cleared again after a "
                                                                         "few minutes"))
        self.save_btn.clicked.connect(lambda: self.save_invitation("witness"))
        self.copy_btn.clicked.connect(lambda: self.copy_invitation("witness"))
        self.judge_btn = QPushButton(translate("ClerkConsole", "Judge's monitor…"))
        self.judge_btn.setAccessibleName(translate("ClerkConsole", "Open the judge's monitor"))
        self.judge_btn.setAccessibleDescription(translate("ClerkConsole", "The unmasked witness, if the plan allows "
                                                                          "it"))
        self.judge_btn.clicked.connect(self.open_judge_monitor)
        self.judge_monitor: Any = None
        inv.addWidget(self.save_btn, 0, 0)
        inv.addWidget(self.copy_btn, 0, 1)
        inv.addWidget(self.judge_btn, 0, 2)
        inv.setColumnStretch(3, 1)
        self.interpreter_rows: dict[str, tuple[QPushButton, QPushButton]] = {}
        lay.addLayout(inv)
        self._inv_grid = inv

        # the waiting room: shown while a station asks to join
        self.room = QWidget()
        self.room.setObjectName("waitingRoom")
        room = QHBoxLayout(self.room)
        room.setContentsMargins(0, 4, 0, 4)
        self.request_label = QLabel(translate("ClerkConsole", "Nobody is in the waiting room."))
        self.request_label.setWordWrap(True)
        self.request_label.setAccessibleName(translate("ClerkConsole", "Waiting room"))
        room.addWidget(self.request_label, 1)
        self.safety_code = QLabel("")
        self.safety_code.setObjectName("safetyCode")
        self.safety_code.setAccessibleName(translate("ClerkConsole", "Safety code"))
        self.safety_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.safety_code.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.0)
        font.setBold(True)
        self.safety_code.setFont(font)
        room.addWidget(self.safety_code)
        self.admit_btn = QPushButton(translate("ClerkConsole", "Admit"))
        self.admit_btn.setObjectName("primary")
        self.admit_btn.setMinimumHeight(36)
        self.admit_btn.setAccessibleName(translate("ClerkConsole", "Admit the station in the waiting room"))
        self.admit_btn.setAccessibleDescription(translate("ClerkConsole", "Only if the safety codes are the same"))
        self.back_btn = QPushButton(translate("ClerkConsole", "Send back"))
        self.back_btn.setMinimumHeight(36)
        self.back_btn.setAccessibleName(translate("ClerkConsole", "Send the station in the waiting room back"))
        self.back_btn.setAccessibleDescription(translate("ClerkConsole", "Refuses it; nothing is sent to it"))
        self.admit_btn.clicked.connect(lambda: self.decide(True))
        self.back_btn.clicked.connect(lambda: self.decide(False))
        room.addWidget(self.admit_btn)
        room.addWidget(self.back_btn)
        lay.addWidget(self.room)
        self.quality = QLabel("")
        self.quality.setObjectName("hint")
        self.quality.setWordWrap(True)
        self.quality.setAccessibleName(translate("ClerkConsole", "Link quality"))
        lay.addWidget(self.quality)

        session.on_request = lambda request: on_main(self.on_request, request)
        session.on_link_state = lambda state: on_main(self.on_link_state, state)
        self._clip_timer = QTimer(self)
        self._clip_timer.setSingleShot(True)
        self._clip_timer.timeout.connect(self._clear_clipboard)
        self._clip_text = ""
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        pending = getattr(session, "pending", None)
        if pending:
            self.on_request(pending)
        self.refresh()

    # the invitation -------------------------------------------------------------------------------
    def _data(self, who: str) -> bytes:
        if who == "witness":
            return bytes(getattr(self.session, "invitation", b"") or b"")
        return bytes(getattr(self.session, "interpreter_invitations", {}).get(who, b""))

    def _default_name(self, who: str) -> str:
        case = "".join(c if c.isalnum() or c in "-_" else "-" for c in self.session.plan.case_number)
        return f"invitation-{case}.json" if who == "witness" else f"invitation-{case}-interpreter-{who}.json"

    def save_invitation(self, who: str = "witness") -> QFileDialog | None:
        """A save dialog (not modal); the invitation is written readable by this user only."""
        if not self._data(who):
            return None
        d = QFileDialog(self, translate("ClerkConsole", "Save the invitation"))
        d.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        d.setNameFilters([translate("ClerkConsole", "Invitations (*.json)")])
        d.selectFile(self._default_name(who))
        d.fileSelected.connect(lambda path: self.write_invitation(who, path))
        self.save_dialog = d
        d.open()
        return d

    def write_invitation(self, who: str, path: str) -> None:
        try:
            _write_private(path, self._data(who))
        except OSError as exc:
            self.invite_note.setText(translate("ClerkConsole", "The invitation was not saved: {reason}.").format(
                reason=exc.strerror or exc))
            return
        self.saved_to[who] = path
        what = translate("ClerkConsole", "The witness's invitation") if who == "witness" else \
            translate("ClerkConsole", "The {language} interpreter's invitation").format(language=who)
        self.invite_note.setText(translate("ClerkConsole", "{what} is saved in {path} (readable by you only). Send "
                                                           "it by a route the court trusts; it works once, until it "
                                                           "expires.").format(what=what, path=path))

    def copy_invitation(self, who: str = "witness") -> None:
        data = self._data(who)
        if not data:
            return
        text = data.decode("ascii", "replace")
        QGuiApplication.clipboard().setText(text)
        self._clip_text = text
        self._clip_timer.start(CLIPBOARD_SECONDS * 1000)
        self.invite_note.setText(translate("ClerkConsole", "Invitation copied. Paste it only into a secure channel; "
                                                           "the clipboard is cleared in {minutes} minutes.").format(
            minutes=CLIPBOARD_SECONDS // 60))

    def _clear_clipboard(self) -> None:
        cb = QGuiApplication.clipboard()
        if cb.text() == self._clip_text:
            cb.clear()
        self._clip_text = ""

    def open_judge_monitor(self) -> Any:
        from recording.model import Audience
        from ui.clerk.judge_monitor import JudgeMonitor

        if self.judge_monitor is None:
            self.judge_monitor = JudgeMonitor(self.session.pipeline, self.session.plan.unmasked(Audience.JUDGE))
        elif self.judge_monitor.isVisible():
            self.judge_monitor.raise_()  # already open: bring it forward
        self.judge_monitor.show()
        return self.judge_monitor

    # the waiting room -----------------------------------------------------------------------------
    def on_request(self, request: dict[str, Any]) -> None:
        self.request = dict(request)
        media = request.get("media", {}) if isinstance(request.get("media"), dict) else {}
        if request.get("station") == "interpreter":
            self.request_label.setText(translate(
                "ClerkConsole", "The interpreter station ({language}) asks to join. Read this safety code to the "
                                "interpreter by phone; admit only if theirs is the same.").format(
                language=media.get("language", "?")))
        else:
            self.request_label.setText(translate(
                "ClerkConsole", "The witness station asks to join. Read this safety code to the witness's support "
                                "person by phone; admit only if theirs is the same."))
        self.safety_code.setText(str(request.get("safety_code", "")))
        self.admit_btn.setEnabled(True)
        self.back_btn.setEnabled(True)
        self.admit_btn.setVisible(True)
        self.back_btn.setVisible(True)
        self.safety_code.setVisible(True)
        self.admit_btn.setFocus()

    def decide(self, admit: bool) -> None:
        if self.request is None:
            return
        station = self.request.get("station")
        self.request = None
        self.admit_btn.setEnabled(False)
        self.back_btn.setEnabled(False)
        if station == "interpreter":
            text = translate("ClerkConsole", "The interpreter station was admitted.") if admit else \
                translate("ClerkConsole", "The interpreter station was sent back.")
        else:
            text = translate("ClerkConsole", "The witness station was admitted.") if admit else \
                translate("ClerkConsole", "The witness station was sent back.")
        self.request_label.setText(text)
        self.safety_code.setVisible(False)
        self.session.decide(admit)

    def on_link_state(self, state: str) -> None:
        self.status.setText(translate("LinkStatus", court_text(state)))
        self.status.setProperty("state", state)
        self.refresh()

    # refresh --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        has = bool(self._data("witness"))
        self.save_btn.setEnabled(has)
        self.copy_btn.setEnabled(has)
        if has and not self.saved_to and not self._invite_ready_said:
            self._invite_ready_said = True
            self.invite_note.setText(translate("ClerkConsole", "The invitation is ready: save it or copy it, and send "
                                                               "it to the witness's support person by a route the "
                                                               "court trusts."))
        for lang in getattr(self.session, "interpreter_invitations", {}):
            if lang not in self.interpreter_rows:
                r = self._inv_grid.rowCount()
                save = QPushButton(translate("ClerkConsole", "Save {language} interpreter's invitation…").format(
                    language=lang))
                copy = QPushButton(translate("ClerkConsole", "Copy {language} interpreter's invitation").format(
                    language=lang))
                for b in (save, copy):
                    b.setAccessibleDescription(translate("ClerkConsole", "The remote interpreter's own invitation"))
                save.clicked.connect(lambda _=False, lang=lang: self.save_invitation(lang))
                copy.clicked.connect(lambda _=False, lang=lang: self.copy_invitation(lang))
                self._inv_grid.addWidget(save, r, 0)
                self._inv_grid.addWidget(copy, r, 1)
                self.interpreter_rows[lang] = (save, copy)
        if self.request is None:
            self.admit_btn.setEnabled(False)
            self.back_btn.setEnabled(False)
            self.admit_btn.setVisible(False)
            self.back_btn.setVisible(False)
        court = getattr(self.session, "court", None)
        st = getattr(court, "stats", None)
        if st is not None and st.witness_admitted:
            self.quality.setText(self.quality_text(st, getattr(court, "reception", None)))

    def quality_text(self, st: Any, reception: Any) -> str:
        """The link's quality in plain words: a level first (the last few seconds), then what it means
        for the picture and the voice, then the hearing's totals."""
        q = reception.quality() if reception is not None and hasattr(reception, "quality") else None
        lines = []
        if q:
            level = q.get("level", "")
            self.quality.setProperty("level", level)
            lines.append({
                "good": translate("ClerkConsole", "Link quality: good."),
                "fair": translate("ClerkConsole", "Link quality: fair — the picture is reduced to keep the "
                                                  "voice clear."),
                "poor": translate("ClerkConsole", "Link quality: poor — the picture may freeze; the voice "
                                                  "has priority."),
                "lost": translate("ClerkConsole", "Link lost: reconnecting. The witness's own recording "
                                                  "continues."),
            }.get(level, ""))
            now = [translate("ClerkConsole", "{fps} frames/s").format(fps=f"{q['fps']:.0f}")]
            w, h = (q.get("size") or [0, 0])[:2]
            if w and h:
                now.append(translate("ClerkConsole", "picture {w}×{h}").format(w=w, h=h))
            if q.get("latency_ms") is not None:
                now.append(translate("ClerkConsole", "delay {ms} ms").format(ms=q["latency_ms"]))
            now.append(translate("ClerkConsole", "voice continuous") if not q.get("audio_gaps_s")
                       else translate("ClerkConsole", "voice broke up for {s} s").format(s=f"{q['audio_gaps_s']:.1f}"))
            lines.append(translate("ClerkConsole", "Now: {parts}.").format(parts=", ".join(now)))
        parts = [translate("ClerkConsole", "{fps} frames/s received").format(fps=f"{st.fps_received:.0f}"),
                 translate("ClerkConsole", "stalls {n} ({seconds} s)").format(
                     n=st.stalls, seconds=f"{st.stalled_seconds:.1f}")]
        gap = getattr(st, "audio_gap_seconds", 0.0) or 0.0
        if gap:
            parts.append(translate("ClerkConsole", "voice gaps {seconds} s").format(seconds=f"{gap:.1f}"))
        if st.reconnects:
            parts.append(translate("ClerkConsole", "reconnected {n}×").format(n=st.reconnects))
        path = getattr(st, "ice_path", "")
        if path:
            parts.append(translate("ClerkConsole", "through the court relay") if path == "relay"
                         else translate("ClerkConsole", "direct"))
        lines.append(translate("ClerkConsole", "Link: {parts}.").format(parts=", ".join(parts)))
        return "\n".join(x for x in lines if x)

    def detach(self) -> None:
        self._timer.stop()
        if self.judge_monitor is not None:
            self.judge_monitor.close()
        self.session.on_request = None
        self.session.on_link_state = None
