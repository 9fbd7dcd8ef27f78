"""A light face tracker between detector runs (pure numpy, no Qt, no model).

Each track keeps its last box and a constant-velocity estimate of its centre and size.  Between
detections the box is predicted forward and widened by the distance it may have moved; when a detection
drops, the box is held and grown for ``hold_frames`` frames, then the track is dropped.  Time is counted
in frames the caller steps through (``step()`` once per frame), not in timestamps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Box = tuple[float, float, float, float]


def iou(a: Box, b: Box) -> float:
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _centre_close(a: Box, b: Box) -> bool:
    """True when b's centre lies within a's box widened by half its size (a fast-moving face)."""
    w, h = a[2] - a[0], a[3] - a[1]
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    return a[0] - w / 2 <= cx <= a[2] + w / 2 and a[1] - h / 2 <= cy <= a[3] + h / 2


@dataclass
class Track:
    id: int
    state: np.ndarray  # cx, cy, w, h at the last detection
    velocity: np.ndarray  # per-frame change of cx, cy, w, h
    score: float
    age: int = 0  # frames since the last detection matched this track
    hits: int = 1

    def box(self, grow_per_frame: float = 0.08) -> Box:
        """The predicted box now: moved with the velocity, widened for uncertainty, grown when held."""
        cx, cy, w, h = self.state + self.velocity * self.age
        # never predict a face smaller than it was last seen (noisy sizes must not shrink the mask)
        w, h = max(w, self.state[2], 2.0), max(h, self.state[3], 2.0)
        speed = float(np.hypot(self.velocity[0], self.velocity[1]))
        margin = speed * self.age * 0.5  # half a frame's travel per frame of prediction, each side
        grow = 1.0 + grow_per_frame * self.age
        hw, hh = w * grow / 2 + margin, h * grow / 2 + margin
        return cx - hw, cy - hh, cx + hw, cy + hh


def _to_state(box) -> np.ndarray:
    x1, y1, x2, y2 = box[:4]
    return np.array([(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1], np.float64)


class FaceTracker:
    """Associates detections with tracks (IoU, then centre distance) and predicts between them."""

    def __init__(self, hold_frames: int = 3, min_iou: float = 0.1, smoothing: float = 0.5):
        self.hold_frames = int(hold_frames)
        self.min_iou = float(min_iou)
        self.smoothing = float(smoothing)
        self.tracks: list[Track] = []
        self._next_id = 1

    @property
    def next_id(self) -> int:
        """The id the next new track will get (ids only grow)."""
        return self._next_id

    def reset(self) -> None:
        self.tracks.clear()

    def step(self) -> None:
        """Advance one frame: every track's prediction moves on; tracks held too long are dropped."""
        for t in self.tracks:
            t.age += 1
        self.tracks = [t for t in self.tracks if t.age <= self.hold_frames]

    def update(self, detections) -> dict[int, int]:
        """Feed this frame's detections ``[(x1, y1, x2, y2, score), ...]`` (call after ``step()``).

        Unmatched detections start new tracks.  Returns {track id: detection index} for every
        detection (matched to an existing track or starting a new one).
        """
        pairs = []
        for ti, t in enumerate(self.tracks):
            pred = t.box(grow_per_frame=0.0)
            for di, d in enumerate(detections):
                o = iou(pred, d[:4])
                if o >= self.min_iou or _centre_close(pred, d[:4]):
                    pairs.append((o, ti, di))
        pairs.sort(reverse=True)
        used_t, used_d, matched = set(), set(), {}
        for _o, ti, di in pairs:
            if ti in used_t or di in used_d:
                continue
            used_t.add(ti)
            used_d.add(di)
            t, d = self.tracks[ti], detections[di]
            new = _to_state(d)
            if t.age > 0:
                inst = (new - t.state) / t.age
                t.velocity = self.smoothing * t.velocity + (1 - self.smoothing) * inst if t.hits > 1 else inst
            t.state, t.score, t.age = new, float(d[4]), 0
            t.hits += 1
            matched[t.id] = di
        for di, d in enumerate(detections):
            if di not in used_d:
                self.tracks.append(Track(self._next_id, _to_state(d), np.zeros(4), float(d[4]), 0, 1))
                matched[self._next_id] = di
                self._next_id += 1
        return matched

    def get(self, track_id: int | None) -> Track | None:
        for t in self.tracks:
            if t.id == track_id:
                return t
        return None
