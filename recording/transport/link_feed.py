"""The witness pipeline's consumer that feeds the link's labelled tracks.

- :attr:`Audience.COURT` — masked video and masked floor voice (or the privacy curtain and silence
  when masking cannot be confirmed or during a break); the feed refuses to attach to a COURT
  audience the plan leaves unmasked, so raw frames never reach these tracks by a wiring mistake;
- each interpretation channel of the pipeline as its own audio track (``court/audio/<lang>``);
- :attr:`Audience.JUDGE` — the unmasked witness on separate ``judge/…`` tracks, only when the plan
  authorises the judge (``plan.unmasked(Audience.JUDGE)``) AND the caller asks for them (the court's
  signed invitation says it has a judge's monitor).

Queues are bounded and drop the oldest item under pressure: the court gets the newest masked frame,
never a growing backlog.
"""

from __future__ import annotations

import asyncio
import time

import numpy as np
from aiortc import MediaStreamTrack

from recording.model import Audience, Decision
from recording.pipeline import FLOOR, SessionPipeline
from recording.transport import tracks as labels
from recording.transport.adapt import SendController
from recording.transport.errors import LinkError
from recording.transport.media_tracks import PipelineAudioTrack, PipelineVideoTrack, TrackCounter
from recording.transport.queues import DropOldest

#: the judge's monitor (a window beside the court's picture) gets at most 540 lines: a second 720p
#: stream would cost the witness station's small machine the frame rate of both
JUDGE_MAX_HEIGHT = 540


class LinkFeed:
    """A pipeline consumer that feeds the link's labelled tracks: the masked COURT audience (video,
    floor, interpretation channels) and, when authorised, the JUDGE's unmasked video and floor."""

    def __init__(self, loop: asyncio.AbstractEventLoop, audience: Audience = Audience.COURT,
                 video_queue: int = 3, audio_queue: int = 50, max_height: int = 720) -> None:
        """``audio_queue``: 1 s of voice — a loaded pipeline delivers its blocks in bursts, and the
        sender drains them faster than real time, so the depth never becomes delay.  ``max_height``:
        the tallest picture the link sends (:class:`recording.transport.adapt.SendController`)."""
        self.audience = audience
        #: the masked video's adaptation to the court's feedback, kept across reconnections
        self.controller: SendController | None = None
        self.max_height = max_height
        self.loop = loop
        self._vlen, self._alen = video_queue, audio_queue
        self._queues: dict[str, DropOldest] = {}
        self.counters: dict[str, TrackCounter] = {}
        self._add(labels.COURT_VIDEO, video_queue)
        self._add(labels.COURT_FLOOR, audio_queue)
        self.pipeline: SessionPipeline | None = None
        #: the wall-clock time of the pipeline's media time 0, from its first frame's capture: a frame's
        #: capture stamp is anchor + its media time (a frame the pipeline processed late was late)
        self._anchor: float | None = None
        self.judge = False  # sending the judge's unmasked tracks
        self.channels: list[str] = []  # interpretation channels sent

    def _add(self, label: str, maxlen: int) -> None:
        self._queues[label] = DropOldest(self.loop, maxlen)
        self.counters[label] = TrackCounter(label)

    @property
    def video(self) -> TrackCounter:
        return self.counters[labels.COURT_VIDEO]

    @property
    def audio(self) -> TrackCounter:
        return self.counters[labels.COURT_FLOOR]

    @property
    def labels(self) -> list[str]:
        return list(self._queues)

    def attach(self, pipeline: SessionPipeline, judge: bool = False) -> None:
        """Subscribe to ``pipeline``.  ``judge``: also send the judge's unmasked tracks — only if the
        plan authorises the judge (otherwise they are silently not sent)."""
        if pipeline.plan.unmasked(self.audience):
            raise LinkError(f"the plan lets the '{self.audience.value}' audience see the witness unmasked; "
                            "the link sends masked media only")
        self.channels = [c for c in pipeline.channels if c != FLOOR and labels.valid(labels.interpretation(c))]
        for c in self.channels:
            self._add(labels.interpretation(c), self._alen)
        audiences = {self.audience}
        if judge and pipeline.plan.unmasked(Audience.JUDGE):
            self.judge = True
            self._add(labels.JUDGE_VIDEO, self._vlen)
            self._add(labels.JUDGE_FLOOR, self._alen)
            audiences.add(Audience.JUDGE)
        self.pipeline = pipeline
        w, h = pipeline.size
        self.controller = SendController((int(w), int(h)), float(pipeline.fps), max_height=self.max_height)
        # the judge's unmasked video rides beside the masked one on the same uplink: each has its own
        # controller (its own feedback, keyframes and rung), and each takes half of the path's budget
        self.judge_controller: SendController | None = None
        if self.judge:
            self.controller.streams = 2
            self.judge_controller = SendController((int(w), int(h)), float(pipeline.fps),
                                                   max_height=min(self.max_height, JUDGE_MAX_HEIGHT))
            self.judge_controller.streams = 2
        pipeline.subscribe(audiences, self)

    def new_tracks(self) -> list[tuple[str, MediaStreamTrack]]:
        """Fresh tracks for a new peer connection, reading the same queues and counting into the
        same counters."""
        out: list[tuple[str, MediaStreamTrack]] = []
        for label, q in self._queues.items():
            if labels.channel(label) is None:
                ctl = self.judge_controller if label == labels.JUDGE_VIDEO else self.controller
                track: MediaStreamTrack = PipelineVideoTrack(q, self.counters[label], controller=ctl)
            else:
                track = PipelineAudioTrack(q, self.counters[label])
            out.append((label, track))
        return out

    def detach(self) -> None:
        if self.pipeline is not None:
            self.pipeline.unsubscribe(self)
            self.pipeline = None
        for q in self._queues.values():
            q.close()

    @property
    def dropped_frames(self) -> int:
        return self._queues[labels.COURT_VIDEO].dropped

    @property
    def dropped_audio_blocks(self) -> int:
        return self._queues[labels.COURT_FLOOR].dropped

    # Consumer protocol (pipeline thread) ----------------------------------------------------
    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float,
                 decision: Decision) -> None:
        if self._anchor is None:  # the wall-clock time of media time 0 (the court's latency figure)
            self._anchor = self._captured_wall() - pts
        if audience is self.audience:
            self._queues[labels.COURT_VIDEO].put((image, pts, decision, self._anchor))
        elif audience is Audience.JUDGE and self.judge:
            self._queues[labels.JUDGE_VIDEO].put((image, pts, decision, self._anchor))

    def _captured_wall(self) -> float:
        """The capture time of the frame being delivered, on the wall clock."""
        at = getattr(getattr(self.pipeline, "status", None), "captured_at", 0.0) or 0.0
        now_m, now_w = time.monotonic(), time.time()
        return now_w - max(0.0, now_m - at) if 0 < now_m - at < 10 else now_w

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        if audience is self.audience:
            q = self._queues.get(labels.COURT_FLOOR if channel == FLOOR else labels.interpretation(channel))
        elif audience is Audience.JUDGE and self.judge and channel == FLOOR:
            q = self._queues[labels.JUDGE_FLOOR]
        else:
            q = None
        if q is not None:
            q.put((samples, start_sample))
