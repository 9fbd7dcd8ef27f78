"""FaceMasker between detections: follows the head by optical flow, never releases a frame on a box
nobody vouched for after an abrupt change (a jump, a camera switch), curtains only when the head's
position is unknown.  Real frames (a textured room and a real face photograph), scripted detector."""

import cv2
import numpy as np
from skimage import data

from recording.masking.face import OPAQUE_COLOUR, FaceMasker
from recording.masking.tracker import CUT_NCC, ncc
from recording.model import Decision, Frame

SIZE = 120  # face patch side (pixels)


def room(seed=0, shape=(480, 640)):
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 255, (shape[0] // 8, shape[1] // 8, 3), dtype=np.uint8)
    return cv2.resize(small, (shape[1], shape[0]), interpolation=cv2.INTER_CUBIC)


FACE_PATCH = cv2.resize(np.ascontiguousarray(data.astronaut()[64:175, 178:269, ::-1]), (SIZE, SIZE))


def scene(x, y, seed=0, face=True):
    img = room(seed)
    if face:
        img[y:y + SIZE, x:x + SIZE] = FACE_PATCH
    return img


class Detector:
    """Finds the face where the scene put it, on the frames the test allows (``sees(i)``)."""

    def __init__(self, sees=lambda i: True):
        self.sees = sees
        self.where = None  # (x, y) of the face in the current frame, set by the test
        self.calls = []  # frame index of every call
        self.index = 0

    def detect(self, image):
        self.calls.append(self.index)
        if self.where is None or not self.sees(self.index):
            return []
        x, y = self.where
        return [(float(x), float(y), float(x + SIZE), float(y + SIZE), 0.9)]


def run(m, det, positions, seeds=None, door_from=None):
    """Feed the scenes; from frame ``door_from`` on, a door in the room's corner opens a little more
    every frame (a change the faces' tracks do not explain)."""
    outs = []
    for i, pos in enumerate(positions):
        det.index = i
        det.where = pos
        img = scene(*pos, seed=(seeds[i] if seeds else 0)) if pos else room(seeds[i] if seeds else 0)
        if door_from is not None and i >= door_from:
            img[380:470, 560:560 + 8 * (i - door_from + 1)] = (30, 60, 90)
        out, d = m.process(Frame(img, i / 30, i))
        outs.append((out, d))
    return outs


def covered(out, pos):
    x, y = pos
    return bool((out[y:y + SIZE, x:x + SIZE] == OPAQUE_COLOUR).all())


def test_jump_between_detector_runs_is_confirmed_before_release():
    # detected at frame 0; at frame 1 (no scheduled detection) the face jumps across the frame
    det = Detector()
    m = FaceMasker(detector=det, detect_every=2)
    outs = run(m, det, [(60, 60), (420, 300), (420, 300)])
    assert outs[1][1] is not Decision.CURTAINED
    assert covered(outs[1][0], (420, 300))  # the new place is masked in the very frame of the jump
    assert 1 in det.calls  # the abrupt change made the detector run out of schedule


def test_jump_the_detector_cannot_confirm_is_curtained():
    det = Detector(sees=lambda i: i == 0)
    m = FaceMasker(detector=det, detect_every=2)
    outs = run(m, det, [(60, 60), (420, 300), (420, 300)])
    assert [d for _, d in outs[1:]] == [Decision.CURTAINED, Decision.CURTAINED]


def test_camera_switch_is_a_scene_cut():
    det = Detector(sees=lambda i: i < 2)
    m = FaceMasker(detector=det, detect_every=2)
    # frames 0-1 in one room; frame 2 another camera (another room), the face elsewhere and unseen
    outs = run(m, det, [(100, 100), (100, 100), (300, 200)], seeds=[0, 0, 7])
    assert outs[2][1] is Decision.CURTAINED
    assert m.last.get("cut") is True
    a, b = room(0), room(7)
    assert ncc(cv2.resize(a, (64, 36)).astype(np.float32), cv2.resize(b, (64, 36)).astype(np.float32)) < CUT_NCC


def test_head_followed_by_flow_while_the_detector_misses():
    # the detector sees the face once, then never again (a turn, a hand, dim light): the head keeps
    # moving 5 px a frame and stays masked wherever it is, with no curtain
    det = Detector(sees=lambda i: i == 0)
    m = FaceMasker(detector=det, detect_every=2)
    positions = [(80 + 5 * i, 100 + 2 * i) for i in range(40)]
    outs = run(m, det, positions)
    kinds = [d for _, d in outs]
    assert Decision.CURTAINED not in kinds
    # tracked on the frame the detector was not due, held (followed, wider) once it had missed
    assert kinds[:2] == [Decision.DETECTED, Decision.TRACKED] and set(kinds[2:]) == {Decision.HELD}
    for (out, _), pos in zip(outs, positions, strict=True):
        assert covered(out, pos)


def test_followed_too_long_without_a_detection_is_curtained():
    det = Detector(sees=lambda i: i == 0)
    m = FaceMasker(detector=det, detect_every=2, max_follow=10)
    outs = run(m, det, [(100, 100)] * 14)
    kinds = [d for _, d in outs]
    assert kinds[2:11] == [Decision.HELD] * 9
    assert kinds[11:] == [Decision.CURTAINED] * 3


def test_masks_widen_while_unconfirmed():
    det = Detector(sees=lambda i: i == 0)
    m = FaceMasker(detector=det, detect_every=2)
    run(m, det, [(200, 150)] * 12)
    x1, y1, x2, y2 = m.last["boxes"][0]
    assert x2 - x1 > SIZE * 1.6 * 1.15  # the 1.6 pad, widened by the frames without a detection


def test_witness_leaving_curtains_although_a_support_person_stays():
    # two faces: the witness (detected, large) and a support person; the witness leaves the frame
    # (their region changes), the detector keeps seeing only the support person
    support = (20.0, 20.0, 80.0, 90.0, 0.9)

    class Two(Detector):
        def detect(self, image):
            self.calls.append(self.index)
            return ([] if self.where is None else super().detect(image)) + [support]

    det = Two()
    m = FaceMasker(detector=det, detect_every=1, hold_frames=2)
    kinds = [d for _, d in run(m, det, [(300, 200)] * 3 + [None] * 5, door_from=3)]
    assert kinds[:3] == [Decision.DETECTED] * 3
    assert set(kinds[3:]) == {Decision.CURTAINED}


def test_lost_face_covered_where_it_was_while_nothing_else_changes():
    # the face stops being followable (it turns away, a hand covers it) and the detector misses it,
    # but nothing changes anywhere else in the frame: the face is still in that region, which stays
    # covered; once anything changes elsewhere, it may be anywhere: curtained until found
    det = Detector(sees=lambda i: i == 0)
    m = FaceMasker(detector=det, detect_every=2)
    positions = [(200, 150)] * 2 + [None] * 4 + [None] * 3
    outs = run(m, det, positions, door_from=6)
    kinds = [d for _, d in outs]
    assert kinds[2:6] == [Decision.HELD] * 4
    for out, _ in outs[2:6]:
        assert covered(out, (200, 150))
    assert kinds[6:] == [Decision.CURTAINED] * 3


def test_lost_face_covered_at_most_contain_frames():
    det = Detector(sees=lambda i: i == 0)
    m = FaceMasker(detector=det, detect_every=2)
    m.tracker.contain_frames = 5
    kinds = [d for _, d in run(m, det, [(200, 150)] * 2 + [None] * 8)]
    assert kinds[2:7] == [Decision.HELD] * 5 and kinds[7:] == [Decision.CURTAINED] * 3


def test_scene_with_no_texture_still_face_is_held():
    # a dark, flat frame: no corners to follow, but nothing changes either -- the box is held
    flat = np.full((480, 640, 3), 20, np.uint8)

    class Once:
        calls = 0

        def detect(self, image):
            self.calls += 1
            return [(200.0, 150.0, 300.0, 260.0, 0.8)] if self.calls == 1 else []

    m = FaceMasker(detector=Once(), detect_every=2)
    kinds = [m.process(Frame(flat.copy(), i / 30, i))[1] for i in range(8)]
    assert kinds[0] is Decision.DETECTED and Decision.CURTAINED not in kinds


def test_light_jump_curtains_the_frame_until_confirmed():
    # the room's light drops by half from one frame to the next (a light switched off, a dissolve
    # between two views): that frame may hold two pictures at once -- curtained, then confirmed
    det = Detector()
    m = FaceMasker(detector=det, detect_every=2)
    outs, reasons = [], []
    for i in range(4):
        det.index, det.where = i, (100, 100)
        img = scene(100, 100)
        if i >= 2:
            img = (img * 0.5).astype(np.uint8)
        outs.append(m.process(Frame(img, i / 30, i))[1])
        reasons.append(m.last.get("reason"))
    assert outs[1] is not Decision.CURTAINED
    assert outs[2] is Decision.CURTAINED and reasons[2] == "the whole picture changed at once"
    assert outs[3] is not Decision.CURTAINED


def test_lost_support_person_never_takes_a_face_found_far_away():
    # two faces; the support person's head is lost (not followable) and a face is found far from it:
    # that face is a new one (it may be the witness), not the support person's old track
    from recording.masking.tracker import FaceTracker

    tr = FaceTracker()
    tr.begin(room(0))
    tr.update([(40.0, 40.0, 160.0, 160.0, 0.9), (400.0, 300.0, 460.0, 370.0, 0.9)])
    witness, support = tr.tracks
    support.lost, support.motion = 1, "lost"
    far = (380.0, 240.0, 470.0, 330.0, 0.9)  # overlaps the support person's old box a little
    matched = tr.update([far], witness=witness.id)
    assert support.id not in matched and len(tr.tracks) == 3
    support.lost, support.motion = 1, "lost"
    assert support.id in tr.update([(402.0, 302.0, 462.0, 372.0, 0.9)], witness=witness.id)


def test_detections_shrink_a_face_gradually():
    # a turned or dim face is often found as a part of itself: the box shrinks at most 15 % a detection
    from recording.masking.tracker import FaceTracker

    tr = FaceTracker()
    tr.begin(room(0))
    tr.update([(100.0, 100.0, 200.0, 220.0, 0.9)])
    tr.tracks[0].since_detect = 1
    tr.update([(130.0, 140.0, 170.0, 180.0, 0.9)])
    w, h = tr.tracks[0].size
    assert w >= 85 - 1e-6 and h >= 102 - 1e-6


def test_head_and_shoulders_changing_at_once_stays_covered():
    # the face stops being followable and its whole head-and-shoulders region changes at once (wider
    # than three face boxes, less than 40 % of the frame), nothing else changes: it is in there,
    # and that region is covered as it is -- no curtain, not a frame-wide square mask
    det = Detector(sees=lambda i: i == 0)
    m = FaceMasker(detector=det, detect_every=2)
    band = np.random.default_rng(9).integers(0, 255, (140, 400, 3), dtype=np.uint8)
    kinds, boxes = [], []
    for i in range(6):
        det.index, det.where = i, (200, 150)
        img = scene(200, 150)
        if i >= 2:
            img[150:290, 100:500] = band
        kinds.append(m.process(Frame(img, i / 30, i))[1])
        boxes.append(m.last["boxes"])
    assert Decision.CURTAINED not in kinds
    x1, y1, x2, y2 = boxes[-1][0]
    assert x1 <= 100 and x2 >= 500 and y1 <= 150 and y2 >= 290  # the changed region is covered
    assert (x2 - x1) * (y2 - y1) < 0.6 * 640 * 480


def _lost_track_on(img, x, y):
    """A tracker whose one face (placed by a detection at x, y in ``img``) was just lost, contained,
    with the points seeded on it at that detection."""
    from recording.masking.tracker import FaceTracker

    tr = FaceTracker()
    tr.begin(img)
    tr.update([(float(x), float(y), float(x + SIZE), float(y + SIZE), 0.9)])
    t = tr.tracks[0]
    t.lost, t.motion, t.contained = 1, "lost", True
    assert t.points is not None and len(t.points) >= 6
    return tr, t


def test_lost_region_follows_the_head_instead_of_growing():
    # the detector lost the face (it turned away), but the points seeded on it still move as one: the
    # covered region moves with them, keeps about a face's size and always covers the face
    flat = np.full((480, 640, 3), 90, np.uint8)

    def card(x):
        img = flat.copy()
        img[150:150 + SIZE, x:x + SIZE] = FACE_PATCH
        return img

    tr, t = _lost_track_on(card(60), 60, 150)
    for i in range(1, 40):
        x = 60 + 7 * i
        tr.begin(card(x))
        assert t.lost == i + 1 and t.contained
        x1, y1, x2, y2 = t.mask_box()
        assert x1 <= x and y1 <= 150 and x2 >= x + SIZE and y2 >= 150 + SIZE  # never uncovered
    assert t.points is not None
    assert t.box[2] - t.box[0] < 1.5 * SIZE  # followed, not grown over its whole trail (273 px)


def test_lost_region_stays_where_it_was_when_its_points_are_lost():
    # the head's picture changes wholesale (it turned its back, a hand covers it): its points cannot be
    # followed any more -- they are dropped and the region stays over where the face was (fail closed)
    flat = np.full((480, 640, 3), 90, np.uint8)
    first, other = flat.copy(), flat.copy()
    first[150:150 + SIZE, 200:200 + SIZE] = FACE_PATCH
    other[150:150 + SIZE, 200:200 + SIZE] = np.random.default_rng(3).integers(0, 255, (SIZE, SIZE, 3), np.uint8)
    tr, t = _lost_track_on(first, 200, 150)
    for _ in range(4):
        tr.begin(other)
    assert t.points is None and t.follow is None and t.contained
    x1, y1, x2, y2 = t.mask_box()
    assert x1 <= 200 and y1 <= 150 and x2 >= 200 + SIZE and y2 >= 150 + SIZE
