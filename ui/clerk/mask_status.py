"""The clerk's "Masks by audience" box: for the judge, the court, the witness's self-view and the
support person, what each audience gets right now (face covered, tracked, held, privacy curtain,
unmasked as the plan allows), how many frames were curtained, and whether the voice mask failed closed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from recording.model import Audience, Decision
from recording.session import SessionPlan, State
from ui.widgets.video_view import PipelineFeed, VideoView

AUDIENCE_LABELS = {Audience.JUDGE: "Judge", Audience.COURT: "Court", Audience.WITNESS_SELF: "Witness self-view",
                   Audience.SUPPORT: "Support person"}
DECISION_LABELS = {Decision.DETECTED: "face covered", Decision.TRACKED: "face covered (tracked)",
                   Decision.HELD: "face covered (held)", Decision.CURTAINED: "privacy curtain"}


class MaskStatusPanel(QGroupBox):
    """Subscribes one :class:`PipelineFeed` per audience to ``pipeline`` (the court's feed also paints
    ``preview``); :meth:`refresh` turns their last decisions into words; :meth:`detach` unsubscribes."""

    AUDIENCES = (Audience.JUDGE, Audience.COURT, Audience.WITNESS_SELF, Audience.SUPPORT)

    #: a remote hearing: what the court cannot see itself (masking happens at the witness station)
    REMOTE_WORDS = {Audience.WITNESS_SELF: "masked, at the witness station",
                    Audience.SUPPORT: "in the room with the witness"}

    def __init__(self, pipeline: Any, preview: VideoView, parent: QWidget | None = None,
                 remote: bool = False) -> None:
        super().__init__("Masks by audience", parent)
        self.pipeline = pipeline
        self.remote = remote
        grid = QGridLayout(self)
        self.mask_labels: dict[Audience, QLabel] = {}
        self.feeds: dict[Audience, PipelineFeed] = {}
        for row, audience in enumerate(self.AUDIENCES):
            grid.addWidget(QLabel(AUDIENCE_LABELS[audience]), row, 0)
            val = QLabel("—")
            val.setAccessibleName(f"Mask status for {AUDIENCE_LABELS[audience]}")
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
                label.setText(self.REMOTE_WORDS[audience] + (" (break)" if state is State.BREAK else ""))
                continue
            if feed.last_decision is None:
                label.setText("no picture yet")
                continue
            unmasked = plan.unmasked(audience)
            if state is State.BREAK and audience is not Audience.SUPPORT:
                text = "privacy curtain (break)"
            elif unmasked:
                text = "unmasked (plan allows)"
            else:
                text = DECISION_LABELS[feed.last_decision]
            notice = f"{text} · {feed.curtained} curtained"
            if not unmasked and status.voice_failed_blocks:
                # fail closed: the voice mask missed blocks, so this audience got silence for them
                notice += f"\nvoice mask failed: {status.voice_failed_blocks} blocks silenced"
            label.setText(notice)

    def detach(self) -> None:
        for feed in self.feeds.values():
            self.pipeline.unsubscribe(feed)
