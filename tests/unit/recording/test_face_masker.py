"""FaceMasker: fails closed (curtain), never returns the raw face, never mutates its input."""

import numpy as np
import pytest
from skimage import data

from recording.errors import MaskingError
from recording.masking.face import OPAQUE_COLOUR, STYLES, FaceMasker, curtain
from recording.model import Decision, Frame

FACE = (300.0, 200.0, 380.0, 300.0, 0.9)


class FakeDetector:
    """Returns scripted detections: a list per call, an Exception instance to raise, or None for []."""

    def __init__(self, script=None, default=None):
        self.script = list(script or [])
        self.default = default if default is not None else [FACE]
        self.calls = 0

    def detect(self, image):
        self.calls += 1
        item = self.script.pop(0) if self.script else self.default
        if isinstance(item, Exception):
            raise item
        return list(item or [])


_ROOM = np.random.default_rng(0).integers(0, 255, (480, 640, 3), dtype=np.uint8)


def frame(i=0, image=None):
    """Frame ``i`` of a still scene (a textured room, nothing moving), or of ``image``."""
    return Frame(_ROOM.copy() if image is None else image, i / 30, i)


def is_curtain(img):
    return np.array_equal(img, curtain(img.shape))


def test_curtain_helper_is_calm_and_new():
    a, b = curtain((720, 1280, 3)), curtain((720, 1280))
    assert a.shape == (720, 1280, 3) and a.dtype == np.uint8
    assert a is not b and np.array_equal(a, b)
    a[:] = 0  # callers may draw on it without changing the next curtain
    assert not np.array_equal(curtain((720, 1280)), a)
    assert np.median(b) > 40  # a neutral fill, not black


def test_face_is_covered_and_input_not_mutated():
    m = FaceMasker(detector=FakeDetector())
    f = frame()
    raw = f.image.copy()
    out, decision = m.process(f)
    assert decision is Decision.DETECTED
    assert out is not f.image and np.array_equal(f.image, raw)
    x1, y1, x2, y2, _ = FACE
    assert (out[int(y1):int(y2), int(x1):int(x2)] == OPAQUE_COLOUR).all()
    # padded >= 1.5x: the area around the box is covered too
    assert (out[int(y1) - 15:int(y2) + 15, int(x1) - 15:int(x2) + 15] == OPAQUE_COLOUR).all()
    # the rest of the frame is untouched
    assert np.array_equal(out[:, :200], raw[:, :200])


def test_curtain_at_start_up_until_first_confirmed_detection():
    det = FakeDetector([[], [], [(*FACE[:4], 0.25)]])  # 0.25: masked but below confirmation
    m = FaceMasker(detector=det)
    for i in range(3):
        out, d = m.process(frame(i))
        assert d is Decision.CURTAINED and is_curtain(out)
    out, d = m.process(frame(3))
    assert d is Decision.DETECTED
    assert m.stats.curtained_frames == 3 and m.stats.masked_frames == 1


def test_detector_every_second_frame_tracked_between():
    det = FakeDetector()
    m = FaceMasker(detector=det, detect_every=2)
    decisions = [m.process(frame(i))[1] for i in range(6)]
    assert decisions == [Decision.DETECTED, Decision.TRACKED] * 3
    assert det.calls == 3


def test_still_face_is_held_while_the_detector_misses():
    # the scene does not change: the face is where it was, so it stays masked (held, followed by the
    # tracker) instead of the whole frame being curtained
    det = FakeDetector([[FACE]], default=[])
    m = FaceMasker(detector=det, hold_frames=3, detect_every=2)
    decisions = [m.process(frame(i)) for i in range(8)]
    kinds = [d for _, d in decisions]
    assert kinds[:2] == [Decision.DETECTED, Decision.TRACKED]
    assert kinds[2:] == [Decision.HELD] * 6
    x1, y1, x2, y2, _ = FACE
    for out, _ in decisions:
        assert (out[int(y1):int(y2), int(x1):int(x2)] == OPAQUE_COLOUR).all()
    # the detector runs on every frame while the face is not confirmed
    assert det.calls == 7


def test_curtain_on_detector_error_then_recovers():
    det = FakeDetector([[FACE], RuntimeError("boom"), MaskingError("model"), [FACE]])
    m = FaceMasker(detector=det, detect_every=1)
    kinds = [m.process(frame(i))[1] for i in range(4)]
    assert kinds == [Decision.DETECTED, Decision.CURTAINED, Decision.CURTAINED, Decision.DETECTED]
    assert m.stats.curtained_frames == 2


def test_curtain_when_late():
    m = FaceMasker(detector=FakeDetector())
    m.process(frame(0))
    out, d = m.process(frame(1), late=True)
    assert d is Decision.CURTAINED and is_curtain(out)
    assert m.process(frame(2))[1] in (Decision.DETECTED, Decision.TRACKED)


def test_other_faces_are_masked_too():
    other = (50.0, 50.0, 110.0, 120.0, 0.8)
    m = FaceMasker(detector=FakeDetector(default=[FACE, other]))
    out, _ = m.process(frame())
    assert (out[50:120, 50:110] == OPAQUE_COLOUR).all()
    assert (out[200:300, 300:380] == OPAQUE_COLOUR).all()


def test_primary_is_the_largest_face_and_its_loss_curtains():
    small = (50.0, 50.0, 90.0, 100.0, 0.9)
    back = (400.0, 220.0, 470.0, 310.0, 0.9)
    det = FakeDetector([[FACE, small]] * 3 + [[small]] * 5 + [[small, back]], default=[small, back])
    m = FaceMasker(detector=det, detect_every=1, hold_frames=2)
    gone = _ROOM.copy()
    gone[190:310, 290:390] = np.random.default_rng(5).integers(0, 255, (120, 100, 3), dtype=np.uint8)
    kinds = []
    for i in range(10):
        img = _ROOM.copy() if i < 3 else gone.copy()
        img[400:470, 500:500 + 10 * i] = 40  # and a door opens: something changes elsewhere, too
        kinds.append(m.process(frame(i, img))[1])
    # the witness (largest) leaves (their place changes): curtained at once although another face,
    # found beside the witness all along, is still seen; a face that appears afterwards (the witness
    # back) lifts it
    assert kinds == [Decision.DETECTED] * 3 + [Decision.CURTAINED] * 5 + [Decision.DETECTED, Decision.DETECTED]


def test_face_found_beside_the_witness_once_only_may_be_the_witness():
    # a face first found in the very frame the witness was last confirmed (a dissolve: the witness's
    # old place and new place at once) is not "another person" yet: when the old place is lost, the
    # new face becomes the witness instead of a curtain that never lifts
    old, new = (300.0, 200.0, 380.0, 300.0, 0.9), (100.0, 100.0, 180.0, 200.0, 0.9)
    det = FakeDetector([[old, new]], default=[new])
    m = FaceMasker(detector=det, detect_every=1, hold_frames=2)
    gone = _ROOM.copy()
    gone[190:310, 290:390] = np.random.default_rng(5).integers(0, 255, (120, 100, 3), dtype=np.uint8)
    kinds = [m.process(frame(i, _ROOM.copy() if i == 0 else gone.copy()))[1] for i in range(8)]
    assert kinds[0] is Decision.DETECTED and kinds[-1] is Decision.DETECTED
    assert kinds.count(Decision.CURTAINED) <= 3


def test_reset_starts_over():
    m = FaceMasker(detector=FakeDetector())
    assert m.process(frame(0))[1] is Decision.DETECTED
    m.reset()
    assert m.process(frame(1))[1] is Decision.DETECTED  # re-acquired by the detector at once


def test_bad_options():
    with pytest.raises(MaskingError):
        FaceMasker(style="sparkles", detector=FakeDetector())
    with pytest.raises(MaskingError):
        FaceMasker(pad=1.2, detector=FakeDetector())


@pytest.fixture(scope="module")
def real_detector():
    from recording.masking.detector import CenterFaceDetector

    return CenterFaceDetector()


@pytest.mark.parametrize("style", STYLES)
def test_real_face_never_returned_raw(style, real_detector):
    img = np.ascontiguousarray(data.astronaut()[:, :, ::-1])
    raw = img.copy()
    m = FaceMasker(style=style, detector=real_detector)
    out, d = m.process(Frame(img, 0.0, 0))
    assert d is Decision.DETECTED
    assert np.array_equal(img, raw)
    x1, y1, x2, y2 = 178, 64, 269, 175
    face_out = out[y1:y2, x1:x2].astype(np.float32)
    if style in ("opaque", "silhouette"):
        assert face_out.std(axis=(0, 1)).max() < 40  # flat fills and a smooth shape only
    # no detail of the face survives: cut it into cells (as the acceptance check does) and count
    # the textured cells that still match the original
    side = 15
    textured = visible = 0
    for y in range(y1, y2 - side + 1, side):
        for x in range(x1, x2 - side + 1, side):
            a = raw[y:y + side, x:x + side].astype(np.float32).mean(axis=2)
            b = out[y:y + side, x:x + side].astype(np.float32).mean(axis=2)
            if a.std() < 6:
                continue
            textured += 1
            if b.std() < 2:
                continue
            a, b = a - a.mean(), b - b.mean()
            visible += float((a * b).sum() / (np.sqrt((a * a).sum() * (b * b).sum()) + 1e-6)) > 0.5
    assert textured > 20
    # opaque leaves nothing (silhouette: only its drawn edges may correlate by chance); pixelate and blur are
    # documented as weaker: coarse shading
    # survives in some cells (the acceptance check's leak rule would count such frames)
    limit = {"opaque": 0.0, "silhouette": 0.1}.get(style, 0.4)  # silhouette: its own edges may match
    assert visible / textured <= limit, (visible, textured)


def test_one_face_never_gets_two_tracks():
    # the full frame finds the face once, a closer look finds it again: still one track, one witness
    near = (302.0, 203.0, 381.0, 301.0, 0.8)
    m = FaceMasker(detector=FakeDetector([[FACE, near]], default=[FACE]), detect_every=1)
    for i in range(3):
        m.process(frame(i))
    assert len(m.tracker.tracks) == 1 and m.tracker.tracks[0].id == m.primary
