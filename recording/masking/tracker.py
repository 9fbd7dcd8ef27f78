"""Face tracks between and beyond detector runs (numpy and OpenCV only; no Qt, no model).

Every frame, before the detector is asked, each track's head is followed on a small grey copy of the
frame (longer side 640 px):

* **flow**: Lucas-Kanade optical flow of corner points on the head, checked forwards and backwards;
  the box moves by the points' median displacement and scales by their median spread.
* **still**: too few points (a dark or smooth face) but the head region looks as it did a frame ago
  (its mean absolute difference on a coarse grid is small): the box stays where it was.
* **lost**: neither -- the head may have moved anywhere (a jump, a camera switch, heavy blur).

A **scene cut** (the whole frame's coarse thumbnail no longer correlates with the previous one: a
camera switch, an auto-zoom step) marks every track lost at once.  A track that moved further in
one frame than a fraction of its size is marked ``abrupt``.  The masker runs the detector on every
frame with a lost or abrupt track, so no frame is released on a box nobody vouched for.

Time is counted in frames (``begin()`` once per frame), not timestamps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

Box = tuple[float, float, float, float]

FLOW_MAX_SIDE = 640
THUMB = (64, 36)
#: thumbnails correlating less than this are a scene cut (camera switch, zoom step)
CUT_NCC = 0.55
#: ... and whose mean grey changed by more than this many levels
CUT_LEVELS = 3.0
#: a lost track (not the witness's) takes only a detection overlapping it this much
LOST_IOU = 0.3
#: a lost face's region may grow over the change it makes up to this fraction of the frame
CONTAIN_AREA = 0.4
#: the frame's mean grey changing by more than this fraction (and FLASH_LEVELS levels) is a light jump
FLASH_RATIO = 0.2
FLASH_LEVELS = 6.0
_LK_CRITERIA = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 20, 0.03)


def _lk(a: np.ndarray, b: np.ndarray, pts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pyramidal Lucas-Kanade from ``a`` to ``b``: (new points, status)."""
    p, st, _err = cv2.calcOpticalFlowPyrLK(a, b, pts, None,  # type: ignore[call-overload, unused-ignore]  # stubs differ between 5.0 and 5.1
                                           winSize=(15, 15), maxLevel=3, criteria=_LK_CRITERIA)
    return p, st


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


def ncc(a: np.ndarray, b: np.ndarray) -> float:
    a = a - a.mean()
    b = b - b.mean()
    den = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / den) if den > 1e-6 else 1.0


@dataclass
class Track:
    id: int
    box: np.ndarray  # x1, y1, x2, y2 in frame pixels: where the face is now
    score: float
    det_size: np.ndarray = field(default_factory=lambda: np.zeros(2))  # w, h at the last detection
    velocity: np.ndarray = field(default_factory=lambda: np.zeros(2))  # centre change per frame
    hits: int = 1
    confirmed: bool = False  # a confident detection (or several) matched it: a real face
    since_detect: int = 0  # frames since a detection matched
    lost: int = 0  # consecutive frames in which nothing placed the face
    motion: str = "detected"  # detected | flow | still | lost
    abrupt: bool = False  # moved further this frame than the flow can vouch for
    contained: bool = False  # lost, but nothing changed in the frame outside its region: it is in there
    points: np.ndarray | None = None  # (n, 1, 2) float32 corner points, flow-image coordinates
    beside: int = 0  # detector runs that found this face beside the witness's (another person)
    jumped: bool = False  # the last detection placed it far from where it was lost
    seeded: int = 0  # corner points seeded on the face when it was last placed
    moved_from: np.ndarray | None = None  # a lost region's box before its points moved it this frame
    follow: np.ndarray | None = None  # lost: the face's box moved with its points (where they say it is)

    @property
    def size(self) -> tuple[float, float]:
        return float(self.box[2] - self.box[0]), float(self.box[3] - self.box[1])

    def mask_box(self) -> Box:
        """The box to cover: wider the longer the detector has not confirmed the face, and, while the
        face is lost, widened by the distance it may have travelled."""
        x1, y1, x2, y2 = (float(v) for v in self.box)
        cx, cy, w, h = (x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1
        w, h = max(w, self.det_size[0] * 0.9, 2.0), max(h, self.det_size[1] * 0.9, 2.0)
        # the growth is the face's (a lost region wider than the face grows by as much as the face
        # would, not in proportion to the region: it is where the face is, with room for its edges)
        fw, fh = (min(w, self.det_size[0]), min(h, self.det_size[1])) if self.det_size[0] > 0 else (w, h)
        grow = 0.02 * min(self.since_detect, 20)
        margin = 0.0
        if self.lost:
            # about the last place it was seen (never extrapolated away from it: a face that stopped
            # there must stay covered).  Contained, it cannot have left that region (it would have
            # changed pixels outside it): a little wider for its edges.  Otherwise wider each frame and
            # by the distance it may have travelled.
            grow = (1.0 + grow) * min(1.0 + 0.05 * self.lost, 1.3) - 1.0
            if not self.contained:
                margin = min(float(np.hypot(*self.velocity)) * self.lost, 1.5 * max(w, h))
        hw, hh = w / 2 + fw * grow / 2 + margin, h / 2 + fh * grow / 2 + margin
        return cx - hw, cy - hh, cx + hw, cy + hh


def _grown(box, k: float) -> Box:
    x1, y1, x2, y2 = (float(v) for v in box)
    cx, cy, hw, hh = (x1 + x2) / 2, (y1 + y2) / 2, (x2 - x1) * k / 2, (y2 - y1) * k / 2
    return cx - hw, cy - hh, cx + hw, cy + hh


def _moved(box, dx: float, dy: float, s: float) -> np.ndarray:
    """``box`` scaled by ``s`` about its centre and moved by (dx, dy)."""
    x1, y1, x2, y2 = (float(v) for v in box)
    cx, cy, hw, hh = (x1 + x2) / 2 + dx, (y1 + y2) / 2 + dy, (x2 - x1) * s / 2, (y2 - y1) * s / 2
    return np.array([cx - hw, cy - hh, cx + hw, cy + hh])


def _box_of(det) -> np.ndarray:
    return np.array(det[:4], np.float64)


class FaceTracker:
    """Follows faces frame to frame (``begin``), associates detections with them (``update``)."""

    def __init__(self, hold_frames: int = 3, min_iou: float = 0.1, confirm_threshold: float = 0.35,
                 max_follow: int = 150, contain_frames: int = 45):
        self.hold_frames = int(hold_frames)
        self.min_iou = float(min_iou)
        self.confirm_threshold = float(confirm_threshold)
        #: a track followed this many frames without any detection is dropped (drift is possible)
        self.max_follow = int(max_follow)
        #: a lost face whose region alone changes is covered there (not curtained) this many frames
        self.contain_frames = int(contain_frames)
        self._coarse: np.ndarray | None = None
        self._noise = 0.0
        self.tracks: list[Track] = []
        self._next_id = 1
        self._gray: np.ndarray | None = None
        self._thumb: np.ndarray | None = None
        self._scale = 1.0
        self._shape: tuple[int, int] = (0, 0)
        #: the last frame was a scene cut
        self.cut = False
        #: the last frame's overall brightness jumped
        self.flash = False

    @property
    def next_id(self) -> int:
        """The id the next new track will get (ids only grow)."""
        return self._next_id

    def reset(self) -> None:
        self.tracks.clear()
        self._gray = None
        self._thumb = None

    def get(self, track_id: int | None) -> Track | None:
        for t in self.tracks:
            if t.id == track_id:
                return t
        return None

    # -- per frame ---------------------------------------------------------------------------------
    def begin(self, image: np.ndarray) -> bool:
        """Follow every track into ``image`` (BGR); returns True on a scene cut."""
        h, w = image.shape[:2]
        scale = min(1.0, FLOW_MAX_SIDE / max(h, w))
        small = cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA) \
            if scale < 1.0 else image
        gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
        thumb = cv2.resize(gray, THUMB, interpolation=cv2.INTER_AREA).astype(np.float32)
        prev, prev_thumb = self._gray, self._thumb
        same = prev is not None and prev.shape == gray.shape and self._shape == (h, w)
        self.cut = self.flash = False
        if same and prev_thumb is not None:
            # judged on the picture around the faces: a face that changes (turns, is covered, swaps
            # places with another) is not the camera's view changing
            room = self._room_cells(thumb.shape, w)
            a, b = (prev_thumb, thumb) if room is None else (prev_thumb[room], thumb[room])
            # and a change of most of the picture, not a caption ticking on a flat wall
            self.cut = ncc(a, b) < CUT_NCC and float(np.abs(a - b).mean()) > CUT_LEVELS
            # the whole picture's light jumped (a light switched, a dissolve between two views, a
            # camera re-exposing): such a frame may mix two pictures, where a detector finds old faces
            m0, m1 = float(a.mean()), float(b.mean())
            self.flash = abs(m1 - m0) > max(FLASH_LEVELS, FLASH_RATIO * max(m0, m1))
        if same and prev is not None and self.tracks:
            # the frame's own noise: the typical grey difference between two frames
            self._noise = float(np.median(cv2.absdiff(prev[::4, ::4], gray[::4, ::4])))
        for t in self.tracks:
            t.since_detect += 1
            t.abrupt, t.moved_from = False, None
            if not same or self.cut:
                t.motion, t.points, t.abrupt = "lost", None, True
            elif t.lost:
                # once lost, only a detection places a face again (following the room where it was
                # would look like a steady track on nothing); but the region it is covered by follows
                # the points seeded on the face while they move as one
                t.motion, t.abrupt = "lost", True
                if t.contained and t.points is not None:
                    assert prev is not None
                    self._follow_lost(t, prev, gray, scale)
                else:
                    t.points = t.follow = None
            else:
                assert prev is not None
                self._follow(t, prev, gray, scale)
            t.lost = t.lost + 1 if t.motion == "lost" else 0
        coarse = cv2.resize(gray, (max(1, gray.shape[1] // 4), max(1, gray.shape[0] // 4)),
                            interpolation=cv2.INTER_AREA)
        lost = [t for t in self.tracks if t.lost]
        if lost:
            contained = (same and not self.cut and self._coarse is not None
                         and self._coarse.shape == coarse.shape
                         and not self._unexplained(self._coarse, coarse, coarse.shape[1] / w))
            for t in lost:
                # contained from the frame it was lost on, every frame since: one unexplained change and
                # the face may be anywhere until a detection places it again
                t.contained = (bool(contained) and t.lost <= self.contain_frames
                               and (t.lost == 1 or t.contained))
        for t in self.tracks:
            if not t.lost:
                t.contained = False
        self._gray, self._thumb, self._scale, self._shape, self._coarse = gray, thumb, scale, (h, w), coarse
        return self.cut

    def _room_cells(self, shape: tuple[int, ...], frame_w: int) -> np.ndarray | None:
        """Thumbnail cells outside every face's surroundings (a boolean mask), or None when the faces
        cover most of the picture (then the whole thumbnail is the room)."""
        if not self.tracks:
            return None
        k = shape[1] / frame_w
        room = np.ones(shape[:2], bool)
        for t in self.tracks:
            x1, y1, x2, y2 = _grown(t.box, 3.0)  # the head and shoulders
            room[
                max(0, int(y1 * k)) : max(0, int(np.ceil(y2 * k))), max(0, int(x1 * k)) : max(0, int(np.ceil(x2 * k)))
            ] = False
        return room if room.mean() >= 0.3 else None

    def _unexplained(self, a: np.ndarray, b: np.ndarray, k: float) -> bool:
        """Motion continuity.  True when the picture changed (coarse grey, 1/4 of the flow image) in a
        region no track explains: a blob of change touching neither a lost face's region nor the
        surroundings of a followed one.  A lost face's region grows over the blobs of change that
        touch it (a face that moves leaves a connected trail of change; one that jumps does not), up
        to 3 face widths.  ``k`` maps frame pixels to coarse pixels."""
        diff = cv2.absdiff(a, b)
        # a change is well above the frame's own noise (a dim, noisy room) and at least 6 grey levels
        level = max(6.0, 5.0 * float(np.median(diff)))
        changed: np.ndarray = cv2.dilate((diff > level).astype(np.uint8), np.ones((3, 3), np.uint8))
        n, labels, stats, _ = cv2.connectedComponentsWithStats(changed, connectivity=8)
        if n <= 1:
            return False
        H, W = changed.shape
        explained = np.zeros(n, bool)
        explained[0] = True  # the unchanged background
        grow: dict[int, list[int]] = {}
        for t in self.tracks:
            was, t.contained = t.contained, True  # the region it is covered by if contained
            x1, y1, x2, y2 = t.mask_box() if t.lost else _grown(t.box, 1.6)
            t.contained = was
            X1, Y1 = max(0, int(np.floor(x1 * k))), max(0, int(np.floor(y1 * k)))
            X2, Y2 = min(W, int(np.ceil(x2 * k))), min(H, int(np.ceil(y2 * k)))
            if X2 <= X1 or Y2 <= Y1:
                continue
            touching = np.unique(labels[Y1:Y2, X1:X2])
            explained[touching] = True
            if t.lost:
                grow[t.id] = [int(v) for v in touching if v]
        unexplained = int(stats[~explained, cv2.CC_STAT_AREA].sum())
        if unexplained > max(2, int(0.0004 * H * W)):
            return True
        for t in self.tracks:
            hull = None
            if t.moved_from is not None:
                # the region moved with the face's points: the change inside where it was and where it
                # went (with half a face of room) is that move; only change beyond it grows the region
                fw, fh = 0.5 * max(t.det_size[0], 8.0), 0.5 * max(t.det_size[1], 8.0)
                hull = (min(t.moved_from[0], t.box[0]) - fw, min(t.moved_from[1], t.box[1]) - fh,
                        max(t.moved_from[2], t.box[2]) + fw, max(t.moved_from[3], t.box[3]) + fh)
            for lab in grow.get(t.id, []):
                x, y, w, h = stats[lab, :4]
                if hull is not None and x / k >= hull[0] and y / k >= hull[1] and (x + w) / k <= hull[2] \
                        and (y + h) / k <= hull[3]:
                    continue
                ux1, uy1 = min(t.box[0], x / k), min(t.box[1], y / k)
                ux2, uy2 = max(t.box[2], (x + w) / k), max(t.box[3], (y + h) / k)
                t.box = np.array([ux1, uy1, ux2, uy2])
            bw, bh = t.box[2] - t.box[0], t.box[3] - t.box[1]
            if t.lost and (bw > 3 * max(t.det_size[0], 8) or bh > 3 * max(t.det_size[1], 8)) and \
                    bw * bh > CONTAIN_AREA * (W / k) * (H / k):
                # the region the face may be in is too wide to call it contained: wider than three
                # face boxes and than a good part of the picture (a head and shoulders that changed
                # at once, e.g. a turn with the hair swinging, stays contained)
                return True
        return False

    def _seed(self, t: Track, gray: np.ndarray, scale: float) -> None:
        x1, y1, x2, y2 = (t.box * scale).tolist()
        w, h = x2 - x1, y2 - y1
        # the inner part of the face box: points on the face, not on the room behind it
        X1, Y1 = max(0, int(x1 + 0.12 * w)), max(0, int(y1 + 0.08 * h))
        X2, Y2 = min(gray.shape[1], int(x2 - 0.12 * w)), min(gray.shape[0], int(y2 - 0.05 * h))
        if X2 - X1 < 4 or Y2 - Y1 < 4:
            t.points = None
            return
        pts = cv2.goodFeaturesToTrack(gray[Y1:Y2, X1:X2], maxCorners=40, qualityLevel=0.01,
                                      minDistance=max(2.0, min(w, h) / 12), blockSize=3)
        t.points = None if pts is None else (pts + np.array([X1, Y1], np.float32)).astype(np.float32)
        t.seeded = 0 if t.points is None else len(t.points)

    @staticmethod
    def _patch(gray: np.ndarray, box, scale: float) -> np.ndarray | None:
        """The box's inner part on a coarse 12x12 grid (float32), or None when it is (nearly) outside."""
        x1, y1, x2, y2 = (float(v) * scale for v in box)
        w, h = x2 - x1, y2 - y1
        X1, Y1 = max(0, int(x1 + 0.1 * w)), max(0, int(y1 + 0.1 * h))
        X2, Y2 = min(gray.shape[1], int(np.ceil(x2 - 0.1 * w))), min(gray.shape[0], int(np.ceil(y2 - 0.1 * h)))
        if X2 - X1 < 3 or Y2 - Y1 < 3 or 0.3 * w * h * 0.64 > (X2 - X1) * (Y2 - Y1):
            return None
        return cv2.resize(gray[Y1:Y2, X1:X2], (12, 12), interpolation=cv2.INTER_AREA).astype(np.float32)

    @staticmethod
    def _alike(a: np.ndarray | None, b: np.ndarray | None, ncc_min: float) -> bool:
        """The same structure on a coarse grid (correlation: light may change), or, where neither has
        any structure (a dark or flat face), about the same brightness."""
        if a is None or b is None:
            return False
        if a.std() < 4.0 and b.std() < 4.0:
            return abs(float(a.mean()) - float(b.mean())) < 6.0
        return ncc(a, b) > ncc_min

    def _still(self, t: Track, prev: np.ndarray, gray: np.ndarray, scale: float) -> bool:
        if not self._alike(self._patch(prev, t.box, scale), self._patch(gray, t.box, scale), 0.7):
            return False
        # and pixel by pixel hardly anything changed there (beyond the frame's own noise): a coarse
        # likeness alone passes a smooth head that jumped by most of its height
        x1, y1, x2, y2 = (float(v) * scale for v in t.box)
        X1, Y1 = max(0, int(x1)), max(0, int(y1))
        X2, Y2 = min(gray.shape[1], int(np.ceil(x2))), min(gray.shape[0], int(np.ceil(y2)))
        if X2 - X1 < 2 or Y2 - Y1 < 2:
            return False
        change = float(cv2.absdiff(prev[Y1:Y2, X1:X2], gray[Y1:Y2, X1:X2]).mean())
        return change < 4.0 + 2.0 * self._noise

    def _flow(self, t: Track, prev: np.ndarray, gray: np.ndarray, scale: float, width: float | None = None):
        """Lucas-Kanade of ``t.points`` near ``t.box``, checked forwards and backwards.  When enough
        points survive and move as one: (their new positions, median displacement in frame pixels,
        scale change, each point's distance from the median move in frame pixels); else None.  ``width``: the face's
        width in frame pixels, when the box is a wider region."""
        p0 = t.points
        if p0 is None or len(p0) < 4:
            return None
        w_s = max(4.0, (width or t.box[2] - t.box[0]) * scale)
        # only the neighbourhood the head can reach in a frame (a face width each side): the image
        # pyramids are built for that region, not the whole frame
        x1, y1, x2, y2 = (t.box * scale).tolist()
        reach = max(x2 - x1, y2 - y1, 16.0)
        X1, Y1 = max(0, int(x1 - reach)), max(0, int(y1 - reach))
        X2, Y2 = min(gray.shape[1], int(x2 + reach) + 1), min(gray.shape[0], int(y2 + reach) + 1)
        off = np.array([X1, Y1], np.float32)
        a_roi, b_roi = prev[Y1:Y2, X1:X2], gray[Y1:Y2, X1:X2]
        p1, st1 = _lk(a_roi, b_roi, p0 - off)
        p0r, st2 = _lk(b_roi, a_roi, p1)
        p1, p0r = p1 + off, p0r + off
        fb = np.linalg.norm((p0 - p0r).reshape(-1, 2), axis=1)
        good = (st1.reshape(-1) == 1) & (st2.reshape(-1) == 1) & (fb < max(0.8, 0.04 * w_s))
        if int(good.sum()) < max(4, int(0.4 * len(p0))):
            return None
        a, b = p0.reshape(-1, 2)[good], p1.reshape(-1, 2)[good]
        d = b - a
        med = np.median(d, axis=0)
        dev = np.linalg.norm(d - med, axis=1)
        if float(np.median(dev)) >= 0.08 * w_s + 0.5:
            return None
        ca, cb = a.mean(axis=0), b.mean(axis=0)
        ra, rb = np.linalg.norm(a - ca, axis=1), np.linalg.norm(b - cb, axis=1)
        keep = ra > 1.0
        s = float(np.clip(np.median(rb[keep] / ra[keep]), 0.85, 1.18)) if keep.sum() >= 3 else 1.0
        return b, (float(med[0]) / scale, float(med[1]) / scale), s, dev / scale

    def _follow(self, t: Track, prev: np.ndarray, gray: np.ndarray, scale: float) -> None:
        if t.points is None or len(t.points) < 6:
            self._seed(t, prev, scale)
        flow = self._flow(t, prev, gray, scale)
        ok = False
        x1, y1, x2, y2 = t.box
        if flow is not None:
            b, (dx, dy), s, _dev = flow
            box = _moved(t.box, dx, dy, s)
            # the head looks as it did where the flow says it went (points that agree by
            # chance on a changed picture do not)
            if self._alike(self._patch(prev, t.box, scale), self._patch(gray, box, scale), 0.5):
                t.box = box
                t.velocity = 0.5 * t.velocity + 0.5 * np.array([dx, dy])
                t.points = b.reshape(-1, 1, 2).astype(np.float32)
                t.motion = "flow"
                t.abrupt = float(np.hypot(dx, dy)) > 0.3 * max(x2 - x1, 8.0) or abs(s - 1.0) > 0.12
                ok = True
        if not ok:
            t.points = None
            if self._still(t, prev, gray, scale):
                t.motion = "still"
            else:
                t.motion, t.abrupt = "lost", True
                if flow is not None and self._steady(t, flow):
                    # its points move as one but it no longer looks as it did (it turns, a hand comes
                    # over it): lost, covered where it was and where its points went, which the region
                    # then follows while they move as one
                    b, (dx, dy), s, _dev = flow
                    t.moved_from, t.points = t.box.copy(), b.reshape(-1, 1, 2).astype(np.float32)
                    m = t.follow = _moved(t.box, dx, dy, s)
                    t.box = np.array([min(m[0], x1), min(m[1], y1), max(m[2], x2), max(m[3], y2)])

    @staticmethod
    def _steady(t: Track, flow) -> bool:
        """The points moved less than 0.3 face widths and the face's size by less than 12 %."""
        _b, (dx, dy), s, _dev = flow
        return float(np.hypot(dx, dy)) <= 0.3 * max(t.det_size[0], 8.0) and abs(s - 1.0) <= 0.12

    def _follow_lost(self, t: Track, prev: np.ndarray, gray: np.ndarray, scale: float) -> None:
        """A lost, contained face whose points still move as one (at least 40 % of those seeded on it
        when it was last placed, checked forwards and backwards, 80 % of them within a tenth of a face
        of their median move, no jump): its region moves with them
        and shrinks back, at most a tenth of a face per side and frame, towards a face-sized box around
        the points (the face's box moved with them) -- never inside it.  Otherwise the points are
        dropped and the region stays."""
        flow = self._flow(t, prev, gray, scale, float(t.det_size[0])) if t.points is not None and \
            len(t.points) >= max(6, int(0.4 * t.seeded)) else None
        fw, fh = max(t.det_size[0], 8.0), max(t.det_size[1], 8.0)
        # as one: at least 80 % of them within a tenth of a face of the median move
        if flow is None or not self._steady(t, flow) or float((flow[3] <= 0.1 * fw + 1.0).mean()) < 0.8:
            t.points = t.follow = None
            return
        b, (dx, dy), s, devs = flow
        dev = float(devs.max())
        m = _moved(t.box, dx, dy, s)
        t.follow = _moved(t.box if t.follow is None else t.follow, dx, dy, s)
        pts = b.reshape(-1, 2) / scale
        lo, hi = pts.min(axis=0) - 2.0, pts.max(axis=0) + 2.0
        f = t.follow
        est = (min(lo[0], f[0] - dev), min(lo[1], f[1] - dev), max(hi[0], f[2] + dev), max(hi[1], f[3] + dev))
        t.moved_from = t.box.copy()
        t.box = np.array([min(est[0], m[0] + 0.1 * fw), min(est[1], m[1] + 0.1 * fh),
                          max(est[2], m[2] - 0.1 * fw), max(est[3], m[3] - 0.1 * fh)])
        t.velocity = 0.5 * t.velocity + 0.5 * np.array([dx, dy])
        t.points = b.reshape(-1, 1, 2).astype(np.float32)

    # -- detections --------------------------------------------------------------------------------
    def update(self, detections, witness: int | None = None) -> dict[int, int]:
        """Feed this frame's detections ``[(x1, y1, x2, y2, score), ...]`` (after ``begin``).

        Unmatched detections start new tracks.  Returns {track id: detection index} for every
        detection (matched to an existing track or starting a new one).  A lost track other than
        ``witness`` takes only a detection that overlaps where it was (IoU >= ``LOST_IOU``): where a
        lost face went is unknown, so a face found further away is a face first seen now (it may be
        the witness, who jumped), never the support person's old track.
        """
        pairs = []
        for ti, t in enumerate(self.tracks):
            box = tuple(t.box.tolist())
            far_ok = not (t.lost and not t.contained and t.id != witness)
            for di, d in enumerate(detections):
                o = iou(box, d[:4])
                if o >= LOST_IOU or (far_ok and (o >= self.min_iou or _centre_close(box, d[:4]))):
                    pairs.append((o, ti, di))
        pairs.sort(reverse=True)
        used_t, used_d, matched = set(), set(), {}
        for o, ti, di in pairs:
            if ti in used_t or di in used_d:
                continue
            used_t.add(ti)
            used_d.add(di)
            t = self.tracks[ti]
            t.jumped = bool(t.lost and not t.contained and o < LOST_IOU)
            self.confirm(t, detections[di])
            matched[t.id] = di
        for di, d in enumerate(detections):
            if di not in used_d:
                t = Track(self._next_id, _box_of(d), float(d[4]))
                self.confirm(t, d, new=True)
                self.tracks.append(t)
                matched[t.id] = di
                self._next_id += 1
        return matched

    def confirm(self, t: Track, det, new: bool = False) -> None:
        """A detection places ``t`` now."""
        box = _box_of(det)
        if not new and t.det_size[0] > 0:
            # a detection may say the face grew at once, but shrank only gradually (a turned, dim or
            # half-hidden face is often found as a part of itself): at most 15 % per detection
            w, h = max(box[2] - box[0], 0.85 * t.det_size[0]), max(box[3] - box[1], 0.85 * t.det_size[1])
            c = (box[:2] + box[2:]) / 2
            box = np.array([c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2])
        if not new and t.since_detect > 0:
            old = (t.box[:2] + t.box[2:]) / 2
            inst = ((box[:2] + box[2:]) / 2 - old)
            t.velocity = 0.5 * t.velocity + 0.5 * inst if t.hits > 1 else inst
        t.box = box
        t.det_size = np.array([box[2] - box[0], box[3] - box[1]])
        t.score = float(det[4])
        t.since_detect, t.lost, t.motion, t.abrupt, t.contained = 0, 0, "detected", False, False
        t.follow = None
        if not new:
            t.hits += 1
        t.confirmed = t.confirmed or t.score >= self.confirm_threshold or t.hits >= 3
        if self._gray is not None:
            self._seed(t, self._gray, self._scale)

    def prune(self, frame_shape) -> None:
        """Drop tracks lost too long, followed too long without a detection, unconfirmed ones that
        the detector stopped seeing, and tracks wholly outside the frame."""
        H, W = frame_shape[:2]
        keep = []
        for t in self.tracks:
            x1, y1, x2, y2 = t.box
            gone = x2 <= 0 or y2 <= 0 or x1 >= W or y1 >= H
            if gone or (t.lost > self.hold_frames and not t.contained) or t.since_detect > self.max_follow:
                continue
            if not t.confirmed and t.since_detect > self.hold_frames:
                continue
            keep.append(t)
        self.tracks = keep

    def near_edge(self, t: Track, frame_shape) -> bool:
        H, W = frame_shape[:2]
        x1, y1, x2, y2 = t.box
        m = 0.3 * max(x2 - x1, y2 - y1)
        return x1 < m or y1 < m or x2 > W - m or y2 > H - m
