"""The judge's monitor of a remote hearing: the unmasked witness, only when the plan authorises the
judge (the witness station then sends the judge's tracks, and the court's session pipeline gives them
to the JUDGE audience alone); otherwise it says so and shows nothing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from recording.model import Audience
from ui.widgets.video_view import PipelineFeed, VideoView

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "ClerkConsole")


class JudgeMonitor(QWidget):
    def __init__(self, pipeline: Any, authorised: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("ClerkConsole", "Judge's monitor — Testimony Shield"))
        self.setAccessibleName(translate("ClerkConsole", "Judge's monitor"))
        self.authorised = authorised
        self._pipeline = pipeline
        lay = QVBoxLayout(self)
        self.note = QLabel(
            translate("ClerkConsole", "Unmasked witness: for the judge only. Do not turn this screen to the courtroom.")
            if authorised
            else translate(
                "ClerkConsole",
                "The session plan does not authorise the judge to see the witness unmasked: "
                "this monitor shows nothing.",
            )
        )
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.view = VideoView(
            translate("ClerkConsole", "Waiting for the witness")
            if authorised
            else translate("ClerkConsole", "Not authorised by the plan")
        )
        self.view.setAccessibleName(translate("ClerkConsole", "Judge's monitor (unmasked)"))
        lay.addWidget(self.view, 1)
        self.feed: PipelineFeed | None = None
        if authorised:
            self.feed = PipelineFeed(self.view, Audience.JUDGE)
            pipeline.subscribe({Audience.JUDGE}, self.feed)
        self.resize(640, 420)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.feed is not None:
            self._pipeline.unsubscribe(self.feed)
            self.feed = None
        super().closeEvent(event)
