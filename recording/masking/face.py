"""Face masker: covers the witness's face (and any other face) in every frame, or curtains the frame.

Fail closed.  The whole frame is curtained (a calm neutral fill with a small "privacy curtain" label):

* at start-up, until the first confirmed detection of the witness's face;
* when the witness's face (the primary track) has had no confirmed detection for more than
  ``hold_frames`` frames;
* on any detector exception;
* when the caller says the frame is late (``process(frame, late=True)``).

The CenterFace detector runs every ``detect_every`` frames, and on every frame where anything is
uncertain; in between, heads are followed by ``tracker.FaceTracker`` (optical flow, stillness, motion
continuity).  A frame whose whole picture changed at once (a scene cut, a light jump) is curtained and
confirmed on the next.  The witness's face is the largest confirmed face at start-up.  Once it is
lost, a face the detector found beside the witness in ``BESIDE`` runs (a support person's face,
tracked all along) never becomes the witness again, so it never lifts the curtain; ``reset()``
forgets everything and starts over.  Masks are the face box scaled by ``pad`` (>= 1.5, to cover hair
and ears); a lost face's region is covered as it is.  Styles:

* ``opaque`` (default): a flat neutral fill.  Nothing of the face survives.
* ``silhouette``: a neutral head-and-shoulders shape on a flat fill; as safe as opaque.
* ``pixelate`` and ``blur``: WEAKER.  Blurred and pixelated faces can be re-identified by neural
  networks (McPherson et al. 2016; Revelio 2025).  Offered for audiences who only need to see
  movement; never use them where identification is the threat.

``process`` never mutates the input frame (it is the raw frame other audiences may legitimately get):
it returns a new image.
"""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np

from recording.errors import MaskingError
from recording.masking.tracker import FaceTracker, _centre_close, iou
from recording.model import Decision, Frame, MaskStats

STYLES = ("opaque", "silhouette", "pixelate", "blur")
CURTAIN_COLOUR = (92, 86, 80)  # BGR: a calm slate grey
CURTAIN_TEXT_COLOUR = (200, 196, 192)
OPAQUE_COLOUR = (128, 128, 128)
SILHOUETTE_BACK = (176, 172, 168)
SILHOUETTE_FORE = (104, 100, 96)
#: a face found beside the witness in this many detector runs is another person (never the witness)
BESIDE = 3

_curtains: dict[tuple[int, ...], np.ndarray] = {}


def curtain(image_shape) -> np.ndarray:
    """A new whole-frame privacy curtain (BGR uint8) of ``image_shape`` (h, w[, 3])."""
    h, w = int(image_shape[0]), int(image_shape[1])
    key = (h, w)
    cached = _curtains.get(key)
    if cached is None:
        cached = np.empty((h, w, 3), np.uint8)
        cached[:] = CURTAIN_COLOUR
        text = "privacy curtain"
        scale = max(0.4, min(w, h) / 900)
        thick = 1 if scale < 0.8 else 2
        (tw, th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thick)
        org = ((w - tw) // 2, (h + th) // 2)
        cv2.putText(cached, text, org, cv2.FONT_HERSHEY_SIMPLEX, scale, CURTAIN_TEXT_COLOUR, thick, cv2.LINE_AA)
        if len(_curtains) > 8:
            _curtains.clear()
        _curtains[key] = cached
    return cached.copy()


def padded_box(box, pad: float, shape) -> tuple[int, int, int, int] | None:
    """``box`` scaled by ``pad`` about its centre (a little more upwards, for hair), clipped to the frame."""
    x1, y1, x2, y2 = box[:4]
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    w, h = (x2 - x1) * pad, (y2 - y1) * pad
    side = max(w, h * 0.85)  # heads are nearly as wide as tall once ears and hair count
    w = max(w, side)
    h = max(h, side)
    cy -= (y2 - y1) * 0.05
    H, W = shape[:2]
    ix1, iy1 = max(0, int(np.floor(cx - w / 2))), max(0, int(np.floor(cy - h / 2)))
    ix2, iy2 = min(W, int(np.ceil(cx + w / 2))), min(H, int(np.ceil(cy + h / 2)))
    if ix2 <= ix1 or iy2 <= iy1:
        return None
    return ix1, iy1, ix2, iy2


def region_box(t, shape) -> tuple[int, int, int, int] | None:
    """The region a lost face is in (its box, grown over the change it made): covered as it is (not
    made square, it may be a head and shoulders), with hair and ears' room around it."""
    x1, y1, x2, y2 = t.mask_box()
    mx, my = 0.3 * max(t.det_size[0], 8.0), 0.3 * max(t.det_size[1], 8.0)
    H, W = shape[:2]
    ix1, iy1 = max(0, int(np.floor(x1 - mx))), max(0, int(np.floor(y1 - my)))
    ix2, iy2 = min(W, int(np.ceil(x2 + mx))), min(H, int(np.ceil(y2 + my)))
    if ix2 <= ix1 or iy2 <= iy1:
        return None
    return ix1, iy1, ix2, iy2


def _silhouette(roi: np.ndarray) -> None:
    h, w = roi.shape[:2]
    roi[:] = SILHOUETTE_BACK
    # head: an ellipse in the upper part; shoulders: a wide ellipse cut by the bottom edge
    cv2.ellipse(roi, (w // 2, int(h * 0.42)), (max(1, int(w * 0.28)), max(1, int(h * 0.34))), 0, 0, 360,
                SILHOUETTE_FORE, -1, cv2.LINE_AA)
    cv2.ellipse(roi, (w // 2, h + int(h * 0.12)), (max(1, int(w * 0.48)), max(1, int(h * 0.3))), 0, 0, 360,
                SILHOUETTE_FORE, -1, cv2.LINE_AA)


def _pixelate(roi: np.ndarray) -> None:
    h, w = roi.shape[:2]
    blocks = 5  # across the padded box: about 3 blocks across the face itself
    bw, bh = max(1, blocks), max(1, round(blocks * h / max(w, 1)))
    small = cv2.resize(roi, (bw, bh), interpolation=cv2.INTER_AREA)
    roi[:] = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)


def _blur(roi: np.ndarray) -> None:
    h, w = roi.shape[:2]
    k = max(3, (min(w, h) // 2) | 1)
    blurred = cv2.blur(roi, (k, k))
    roi[:] = cv2.blur(blurred, (k, k))


def apply_style(image: np.ndarray, box: tuple[int, int, int, int], style: str) -> None:
    """Cover ``box`` (integer, clipped) of ``image`` in place with ``style``."""
    x1, y1, x2, y2 = box
    roi = image[y1:y2, x1:x2]
    if style == "opaque":
        roi[:] = OPAQUE_COLOUR
    elif style == "silhouette":
        _silhouette(roi)
    elif style == "pixelate":
        _pixelate(roi)
    elif style == "blur":
        _blur(roi)
    else:
        raise MaskingError(f"unknown face mask style {style!r}")


class FaceMasker:
    """``process(frame, late=False) -> (new masked image, Decision)``; see the module docstring."""

    def __init__(self, style: str = "opaque", detect_every: int = 2, pad: float = 1.6, hold_frames: int = 3,
                 detector=None, confirm_threshold: float = 0.35, roi_detector=None, max_follow: int = 150,
                 search_detector=None):
        if style not in STYLES:
            raise MaskingError(f"unknown face mask style {style!r} (choose from {', '.join(STYLES)})")
        if pad < 1.5:
            raise MaskingError("face masks must be padded at least 1.5x to cover hair and ears")
        self.style = style
        self.detect_every = max(1, int(detect_every))
        self.pad = float(pad)
        self.hold_frames = max(0, int(hold_frames))
        self.confirm_threshold = float(confirm_threshold)
        if detector is None:
            from recording.masking.detector import CenterFaceDetector

            detector = CenterFaceDetector()
            if roi_detector is None:
                # a second, small network input for crops around a face the full frame lost (small,
                # half out of frame, turned): the crop is seen at up to 4x the full frame's resolution
                roi_detector = _LazyDetector(lambda: CenterFaceDetector(input_size=(256, 256)))
            if search_detector is None:
                # while no witness is confirmed, every third detector run looks at full 720p
                # resolution: a distant face is too small for the 640-wide input
                search_detector = _LazyDetector(lambda: CenterFaceDetector(input_size=(1280, 736)))
        self.detector = detector
        self.roi_detector = roi_detector
        self.search_detector = search_detector
        self._searches = 0
        self.tracker = FaceTracker(hold_frames=self.hold_frames, confirm_threshold=self.confirm_threshold,
                                   max_follow=max_follow)
        self.stats = MaskStats()
        self.primary: int | None = None  # track id of the witness's face
        self._since_detect = 10**9  # frames since the detector last ran
        self._primary_missed = True  # the last detector run did not confirm the primary
        # after the witness is lost, a face the detector has found beside the witness (in the same
        # detector run, BESIDE times or more) never becomes the witness: a support person's face
        # tracked all along must not lift the curtain.  Only counted while the witness's track is
        # sure to be the witness: the first face acquired, never re-placed far from where it was
        self._sure = False
        self._ever = False
        #: details of the last processed frame, for reports: boxes masked, detector ran, timings (ms)
        self.last: dict = {}
        #: the head boxes (face boxes, frame pixels) of the last frame that was not curtained; empty
        #: when it was curtained -- the backdrop keeps these people's head and shoulders
        self.heads: list[tuple[float, float, float, float]] = []

    def reset(self) -> None:
        """Forget every track: the next frame is curtained until the face is confirmed again."""
        self.tracker.reset()
        self.primary = None
        self._since_detect = 10**9
        self._primary_missed = True
        self._sure = self._ever = False
        self.heads = []

    def curtain(self, image_shape) -> np.ndarray:
        return curtain(image_shape)

    def _finish(self, image: np.ndarray, decision: Decision, info: dict) -> tuple[np.ndarray, Decision]:
        self.stats.count(decision)
        info["decision"] = decision.value
        if decision is Decision.CURTAINED:
            self.heads = []
        self.last = info
        return image, decision

    def _dedupe(self) -> None:
        """Two tracks on one face (a refined or ghost detection): keep the witness's, else the older."""
        tracks = sorted(self.tracker.tracks, key=lambda t: (t.id != self.primary, t.id))
        keep: list = []
        for t in tracks:
            if not any(iou(tuple(k.box.tolist()), tuple(t.box.tolist())) >= 0.6 for k in keep):
                keep.append(t)
        if len(keep) < len(self.tracker.tracks):
            ids = {t.id for t in keep}
            self.tracker.tracks = [t for t in self.tracker.tracks if t.id in ids]

    def _refine(self, image: np.ndarray, tracks: list, info: dict) -> set[int]:
        """Look again, closer, around tracks the full-frame detector did not confirm; returns the ids
        of those a detection now places."""
        found: set[int] = set()
        if self.roi_detector is None:
            return found
        H, W = image.shape[:2]
        for t in tracks[:2]:
            x1, y1, x2, y2 = t.mask_box()
            cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
            side = max(96.0, 2.2 * max(x2 - x1, y2 - y1))
            X1, Y1 = int(max(0, cx - side / 2)), int(max(0, cy - side / 2))
            X2, Y2 = int(min(W, cx + side / 2)), int(min(H, cy + side / 2))
            if X2 - X1 < 16 or Y2 - Y1 < 16:
                continue
            t1 = time.perf_counter()
            dets = self.roi_detector.detect(image[Y1:Y2, X1:X2])
            info["roi_ms"] = info.get("roi_ms", 0.0) + (time.perf_counter() - t1) * 1000
            box = tuple(t.box.tolist())
            others = [tuple(o.box.tolist()) for o in self.tracker.tracks if o is not t]
            best = None
            for d in dets:
                g = (d[0] + X1, d[1] + Y1, d[2] + X1, d[3] + Y1, d[4])
                o = iou(box, g[:4])
                if any(iou(b, g[:4]) >= 0.3 for b in others):
                    continue  # another track's face: never two tracks on one face
                if (o >= 0.1 or _centre_close(box, g[:4])) and (best is None or o > best[0]):
                    best = (o, g)
            if best is not None:
                self.tracker.confirm(t, best[1])
                found.add(t.id)
        return found

    def process(self, frame: Frame, late: bool = False) -> tuple[np.ndarray, Decision]:
        t0 = time.perf_counter()
        image = frame.image
        info: dict = {"index": frame.index, "detected": False, "boxes": [], "detect_ms": 0.0}
        if late:
            info["reason"] = "late"
            return self._finish(curtain(image.shape), Decision.CURTAINED, info)
        tracker = self.tracker
        try:
            cut = tracker.begin(image)
        except Exception as exc:  # fail closed on anything
            tracker.reset()
            info["reason"] = f"tracker error: {type(exc).__name__}"
            return self._finish(curtain(image.shape), Decision.CURTAINED, info)
        self._since_detect += 1
        if cut:
            info["cut"] = True
        if tracker.flash:
            info["flash"] = True
        primary = tracker.get(self.primary)
        # run the detector on schedule, and on every frame where anything is uncertain: the witness
        # not freshly confirmed, a scene cut, a confirmed face lost or moved abruptly
        uncertain = any(t.confirmed and (t.abrupt or t.motion == "lost") for t in tracker.tracks)
        run = (primary is None or self._primary_missed or self._since_detect >= self.detect_every or cut
               or tracker.flash or uncertain)
        detected_now = False
        if run:
            t1 = time.perf_counter()
            try:
                dets = self.detector.detect(image)
                big = image.shape[1] > 2 * 640 * 0.75 or image.shape[0] > 2 * 384 * 0.75  # more than 1.5x the input
                if primary is None and big and self.search_detector is not None and not any(
                        d[4] >= self.confirm_threshold for d in dets):
                    self._searches += 1
                    if self._searches % 3 == 1:
                        dets = self.search_detector.detect(image)
                        info["search"] = True
                info["detect_ms"] = (time.perf_counter() - t1) * 1000
                info["detected"] = True
                self._since_detect = 0
                matched = tracker.update(dets, witness=self.primary)
                if cut:
                    # a camera switch or zoom step: where faces were means nothing now; the detector
                    # alone says where they are (the witness not found: curtained until found)
                    tracker.tracks = [t for t in tracker.tracks if t.id in matched]
                missing = [t for t in tracker.tracks if t.id not in matched and t.confirmed]
                missing.sort(key=lambda t: (t.id != self.primary, -t.size[0]))
                refound = self._refine(image, missing, info) if missing else set()
            except Exception as exc:  # fail closed on anything, MaskingError or not
                self._primary_missed = True
                self._since_detect = 0
                info["reason"] = f"detector error: {exc}"
                info["detect_ms"] = (time.perf_counter() - t1) * 1000
                return self._finish(curtain(image.shape), Decision.CURTAINED, info)
            if self.primary is not None and (self.primary in matched or self.primary in refound):
                detected_now = True
                self._primary_missed = False
                p = tracker.get(self.primary)
                if p is not None and p.jumped:
                    self._sure = False  # the witness's track was re-placed far from where it was
            elif self.primary is not None:
                self._primary_missed = True
            primary = tracker.get(self.primary)
            if primary is None or primary.lost:
                # acquire the witness: the largest confidently detected face first seen after the
                # witness's last confirmation (a jump: the witness reappears elsewhere as a new track)
                best = None
                for t in tracker.tracks:
                    if t.since_detect or not t.confirmed or t.beside >= BESIDE or t.id == self.primary:
                        continue
                    area = t.size[0] * t.size[1]
                    if best is None or area > best[0]:
                        best = (area, t.id)
                if best is not None:
                    if primary is not None:
                        # the witness jumped: the lost track is where they were, not a second face
                        tracker.tracks = [t for t in tracker.tracks if t.id != primary.id]
                    self._sure = self.primary is None and not self._ever
                    self._ever = True
                    self.primary = best[1]
                    detected_now = True
                    self._primary_missed = False
        tracker.prune(image.shape)
        self._dedupe()
        primary = tracker.get(self.primary)
        if primary is None:
            self.primary = None
        if detected_now and self._sure:
            for t in tracker.tracks:  # found beside the witness in this detector run: another person
                if t.id != self.primary and t.since_detect == 0:
                    t.beside += 1
        info["tracks"] = [(t.id, t.motion) for t in tracker.tracks]
        if primary is None:
            info["reason"] = "no confirmed face"
            return self._finish(curtain(image.shape), Decision.CURTAINED, info)
        if cut or tracker.flash:
            # the whole picture changed at once (a camera switch, a zoom step, a light switched, a
            # dissolve): the frame may hold two pictures at once, and a detector finds the old faces
            # in it -- curtained; the detections are confirmed on the next frame before any release
            info["reason"] = "the whole picture changed at once"
            return self._finish(curtain(image.shape), Decision.CURTAINED, info)
        if primary.lost and not primary.contained:
            info["reason"] = "the witness's face moved where nothing can follow it"
            return self._finish(curtain(image.shape), Decision.CURTAINED, info)
        for t in tracker.tracks:
            if t.confirmed and t.lost and not t.contained and not tracker.near_edge(t, image.shape):
                info["reason"] = "a face moved where nothing can follow it"
                return self._finish(curtain(image.shape), Decision.CURTAINED, info)

        out = image.copy()
        heads = []
        for t in tracker.tracks:
            box = region_box(t, image.shape) if t.lost else padded_box(t.mask_box(), self.pad, image.shape)
            if box is not None:
                apply_style(out, box, self.style)
                info["boxes"].append(list(box))
            if t.confirmed:
                heads.append((float(t.box[0]), float(t.box[1]), float(t.box[2]), float(t.box[3])))
        self.heads = heads
        if detected_now:
            decision = Decision.DETECTED
        elif self._primary_missed:
            decision = Decision.HELD
        else:
            decision = Decision.TRACKED
        info["mask_ms"] = (time.perf_counter() - t0) * 1000 - info["detect_ms"]
        return self._finish(out, decision, info)


class _LazyDetector:
    """A helper detector built on a background thread when it is first asked for, so neither start-up
    nor a live frame waits for it: until it is ready (or if it cannot be built) it finds nothing -- it
    only ever adds detections to the main detector's, so the fail-closed rules never depend on it."""

    def __init__(self, factory):
        self._factory = factory
        self._detector = None
        self._ready = threading.Event()
        self._started = False

    def _build(self) -> None:
        try:
            self._detector = self._factory()
        except Exception:  # no helper detector: the masker works without it
            self._detector = None
        finally:
            self._ready.set()

    def start(self) -> None:
        if not self._started:
            self._started = True
            threading.Thread(target=self._build, name="face-helper-detector", daemon=True).start()

    def wait(self, timeout: float | None = None) -> bool:
        self.start()
        return self._ready.wait(timeout)

    def detect(self, bgr: np.ndarray):
        self.start()
        if not self._ready.is_set() or self._detector is None:
            return []
        return self._detector.detect(bgr)
