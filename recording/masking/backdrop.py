"""Hide the room: keep each tracked person's head and shoulders, replace everything else with a neutral
backdrop, softly blended.

A safe room's walls, windows, posters and furniture can tell someone where it is.  ``Backdrop.apply``
takes a frame and the face boxes the face masker tracks in it (``FaceMasker.heads``) and returns a new
frame: a calm gradient everywhere except a head-and-shoulders region around each face (head, neck and
shoulders widened for hair, ears and movement), with a feathered edge.

What it hides: the room behind and around the people -- walls, windows, doors, posters, furniture, the
view, other objects.  What it does **not** hide: whatever lies inside the kept region -- clothing,
hair, jewellery, a badge or logo on the chest, the wall just beside the head and shoulders, and
anything held up in front of the body; nor sound (a voice, an echo, a street outside), nor the light
falling on the person.  The face itself is covered separately by the face mask.

The region is built at 1/8 resolution (``cv2.ellipse`` and a blur), scaled up only over its bounding
box and blended there with ``cv2.blendLinear``: about 1-3 ms per 1280x720 frame.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

#: BGR, top and bottom of the backdrop's soft vertical gradient: a calm light grey-blue
BACKDROP_TOP = (178, 170, 160)
BACKDROP_BOTTOM = (132, 126, 118)
_SMALL = 8  # the region is drawn at 1/_SMALL resolution

_backdrops: dict[tuple[int, int], np.ndarray] = {}


def backdrop(shape) -> np.ndarray:
    """The plain backdrop of ``shape`` (h, w[, 3]) -- a shared read-only array; copy before drawing."""
    h, w = int(shape[0]), int(shape[1])
    cached = _backdrops.get((h, w))
    if cached is None:
        t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None]
        col = np.array(BACKDROP_TOP, np.float32) * (1 - t) + np.array(BACKDROP_BOTTOM, np.float32) * t
        cached = np.ascontiguousarray(np.broadcast_to(col[:, None, :], (h, w, 3)).round().astype(np.uint8))
        cached.flags.writeable = False
        if len(_backdrops) > 8:
            _backdrops.clear()
        _backdrops[(h, w)] = cached
    return cached


def person_region(shape, heads: Sequence[Sequence[float]], small: int = _SMALL) -> np.ndarray:
    """The kept region at 1/``small`` resolution as float32 in [0, 1], feathered."""
    h, w = int(shape[0]), int(shape[1])
    sh, sw = max(1, -(-h // small)), max(1, -(-w // small))
    m = np.zeros((sh, sw), np.float32)
    feather = 1.0
    for box in heads:
        x1, y1, x2, y2 = (float(v) / small for v in box[:4])
        fw, fh = max(x2 - x1, 1.0), max(y2 - y1, 1.0)
        side = max(fw, fh * 0.85)
        cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
        # head with hair and ears, a margin for movement and roll
        cv2.ellipse(m, (round(cx), round(cy - 0.12 * fh)), (max(1, round(0.95 * side)), max(1, round(1.05 * fh))),
                    0, 0, 360, 1.0, -1)
        # neck
        cv2.rectangle(m, (round(cx - 0.55 * side), round(cy)), (round(cx + 0.55 * side), round(y2 + 0.9 * fh)), 1.0, -1)
        # shoulders and chest down to the frame's bottom edge
        top = y2 + 0.55 * fh
        cv2.ellipse(m, (round(cx), round(top + 0.9 * fh)), (max(1, round(2.0 * side)), max(1, round(0.9 * fh))),
                    0, 180, 360, 1.0, -1)
        cv2.rectangle(m, (round(cx - 2.0 * side), round(top + 0.9 * fh)), (round(cx + 2.0 * side), sh), 1.0, -1)
        feather = max(feather, 0.18 * side)
    if not heads:
        return m
    k = int(feather) * 2 + 1
    return cv2.GaussianBlur(m, (k, k), feather / 2)


class Backdrop:
    """``apply(image, heads) -> new image`` with the room replaced; see the module docstring."""

    def apply(self, image: np.ndarray, heads: Sequence[Sequence[float]]) -> np.ndarray:
        h, w = image.shape[:2]
        out = backdrop(image.shape).copy()
        if not heads:
            return out
        region = person_region(image.shape, heads)
        ys, xs = np.nonzero(region > 1.0 / 255)
        if ys.size == 0:
            return out
        sy1, sy2, sx1, sx2 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
        Y1, Y2 = sy1 * _SMALL, min(h, sy2 * _SMALL)
        X1, X2 = sx1 * _SMALL, min(w, sx2 * _SMALL)
        # scale the small region up over its bounding box only
        alpha = cv2.resize(region[sy1:sy2, sx1:sx2], ((sx2 - sx1) * _SMALL, (sy2 - sy1) * _SMALL),
                           interpolation=cv2.INTER_LINEAR)[: Y2 - Y1, : X2 - X1]
        alpha = np.ascontiguousarray(alpha)
        out[Y1:Y2, X1:X2] = cv2.blendLinear(image[Y1:Y2, X1:X2], out[Y1:Y2, X1:X2], alpha, 1.0 - alpha)
        return out
