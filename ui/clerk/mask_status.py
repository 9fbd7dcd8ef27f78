"""The clerk's "Masks by audience" box: for the judge, the court, the witness's self-view and the
support person, what each audience gets right now (face covered, tracked, held, privacy curtain,
unmasked as the plan allows), how many frames were curtained, and whether the voice mask failed closed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from recording.model import Audience, Decision
from recording.session import SessionPlan, State
from ui.widgets.video_view import PipelineFeed, VideoView

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "ClerkConsole")

AUDIENCE_LABELS = {Audience.JUDGE: QT_TRANSLATE_NOOP("ClerkConsole", "Judge"),
                   Audience.COURT: QT_TRANSLATE_NOOP("ClerkConsole", "Court"),
                   Audience.WITNESS_SELF: QT_TRANSLATE_NOOP("ClerkConsole", "Witness self-view"),
                   Audience.SUPPORT: QT_TRANSLATE_NOOP("ClerkConsole", "Support person")}
DECISION_LABELS = {Decision.DETECTED: QT_TRANSLATE_NOOP("ClerkConsole", "face covered"),
                   Decision.TRACKED: QT_TRANSLATE_NOOP("ClerkConsole", "face covered (tracked)"),
                   Decision.HELD: QT_TRANSLATE_NOOP("ClerkConsole", "face covered (held)"),
                   Decision.CURTAINED: QT_TRANSLATE_NOOP("ClerkConsole", "privacy curtain")}


class MaskStatusPanel(QGroupBox):
    """Subscribes one :class:`PipelineFeed` per audience to ``pipeline`` (the court's feed also paints
    ``preview``); :meth:`refresh` turns their last decisions into words; :meth:`detach` unsubscribes."""

    AUDIENCES = (Audience.JUDGE, Audience.COURT, Audience.WITNESS_SELF, Audience.SUPPORT)

    #: a remote hearing: what the court cannot see itself (masking happens at the witness station)
    REMOTE_WORDS = {Audience.WITNESS_SELF: QT_TRANSLATE_NOOP("ClerkConsole", "masked, at the witness station"),
                    Audience.SUPPORT: QT_TRANSLATE_NOOP("ClerkConsole", "in the room with the witness")}

    def __init__(self, pipeline: Any, preview: VideoView, parent: QWidget | None = None,
                 remote: bool = False) -> None:
        super().__init__(translate("ClerkConsole", "Masks by audience"), parent)
        self.pipeline = pipeline
        self.remote = remote
        grid = QGridLayout(self)
        self.mask_labels: dict[Audience, QLabel] = {}
        self.feeds: dict[Audience, PipelineFeed] = {}
        for row, audience in enumerate(self.AUDIENCES):
            grid.addWidget(QLabel(translate("ClerkConsole", AUDIENCE_LABELS[audience])), row, 0)
            val = QLabel("—")
            val.setAccessibleName(translate("ClerkConsole", "Mask status for {audience}").format(
                audience=translate("ClerkConsole", AUDIENCE_LABELS[audience])))
            grid.addWidget(val, row, 1)
            grid.setColumnStretch(1, 1)
            self.mask_labels[audience] = val
            feed = PipelineFeed(preview if audience is Audience.COURT else None, audience)
            self.feeds[audience] = feed
            pipeline.subscribe({audience}, feed)

    def refresh(self, plan: SessionPlan, state: State, status: Any) -> None:
        for audience, label in self.mask_labels.items():
            feed = self.feeds[audience]
            if self.remote and audience in self.REMOTE_WORDS:
                label.setText(translate("ClerkConsole", self.REMOTE_WORDS[audience])
                              + (translate("ClerkConsole", " (break)") if state is State.BREAK else ""))
                continue
            if feed.last_decision is None:
                label.setText(translate("ClerkConsole", "no picture yet"))
                continue
            unmasked = plan.unmasked(audience)
            if state is State.BREAK and audience is not Audience.SUPPORT:
                text = translate("ClerkConsole", "privacy curtain (break)")
            elif unmasked:
                text = translate("ClerkConsole", "unmasked (plan allows)")
            else:
                text = translate("ClerkConsole", DECISION_LABELS[feed.last_decision])
            notice = translate("ClerkConsole", "{state} · {n} curtained").format(state=text, n=feed.curtained)
            if not unmasked and status.voice_failed_blocks:
                # fail closed: the voice mask missed blocks, so this audience got silence for them
                notice += "\n" + translate("ClerkConsole", "voice mask failed: {n} blocks silenced").format(
                    n=status.voice_failed_blocks)
            label.setText(notice)

    def detach(self) -> None:
        for feed in self.feeds.values():
            self.pipeline.unsubscribe(feed)
