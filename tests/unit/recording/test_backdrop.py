"""Hiding the room: the backdrop keeps head and shoulders only, the plan chooses who gets it, and the
pipeline fails closed (curtain) when it cannot say where the people are."""

import numpy as np
import pytest

from recording.masking.backdrop import Backdrop, backdrop, person_region
from recording.model import Audience, Decision, Frame
from recording.pipeline import SessionPipeline, curtain_like
from recording.session import PLAN_VERSION, PlanError, SessionPlan, demo_plan
from recording.sources.demo import DemoVideoSource
from tests.helpers.fakes import BoxMasker, Collector, GainVoice
from tests.unit.recording.test_pipeline import ALL, ToneSource

HEAD = (560.0, 200.0, 720.0, 380.0)  # a face box in a 1280x720 frame


def room(shape=(720, 1280)):
    rng = np.random.default_rng(1)
    return rng.integers(0, 255, (*shape, 3), dtype=np.uint8)


def test_backdrop_keeps_head_and_shoulders_and_replaces_the_rest():
    img = room()
    raw = img.copy()
    out = Backdrop().apply(img, [HEAD])
    assert out is not img and np.array_equal(img, raw)
    plain = backdrop(img.shape)
    # the face and the chest below it are the camera's pixels
    assert np.array_equal(out[220:360, 580:700], img[220:360, 580:700])
    assert np.array_equal(out[600:700, 540:740], img[600:700, 540:740])
    # the room far from the person is the plain backdrop: corners, the wall above, the sides
    for sl in [(slice(0, 60), slice(0, 200)), (slice(0, 40), slice(560, 720)), (slice(200, 400), slice(0, 300)),
               (slice(100, 300), slice(1000, 1280))]:
        assert np.array_equal(out[sl], plain[sl])
    # a soft edge: some pixels are a blend of both
    mixed = (out != img).any(axis=2) & (out != plain).any(axis=2)
    assert mixed.sum() > 1000


def test_no_heads_means_no_room_at_all():
    img = room()
    assert np.array_equal(Backdrop().apply(img, []), backdrop(img.shape))


def test_every_person_keeps_their_region():
    other = (100.0, 300.0, 180.0, 390.0)
    r = person_region((720, 1280), [HEAD, other])
    assert r[290 // 8, 640 // 8] == pytest.approx(1.0) and r[345 // 8, 140 // 8] == pytest.approx(1.0)
    assert r[10, 10] == 0.0


def test_backdrop_is_read_only_and_calm():
    b = backdrop((720, 1280, 3))
    assert not b.flags.writeable
    assert 100 < b.mean() < 200 and b.std() < 25


# -- the plan -------------------------------------------------------------------------------------
def test_plan_backdrop_validated_and_versioned():
    plan = demo_plan()
    assert plan.measures.backdrop == "off"
    plan.measures.backdrop = "masked"
    plan.validate()
    again = SessionPlan.from_dict(plan.to_dict())
    assert again.measures.backdrop == "masked" and plan.to_dict()["version"] == PLAN_VERSION == 2
    plan.measures.backdrop = "sometimes"
    with pytest.raises(PlanError, match="backdrop"):
        plan.validate()
    plan.measures.backdrop, plan.measures.face_mask = "all", False
    with pytest.raises(PlanError, match="face mask"):
        plan.validate()


def test_version_1_plans_still_open_with_the_room_shown():
    d = demo_plan().to_dict()
    d["version"] = 1
    del d["measures"]["backdrop"]
    assert SessionPlan.from_dict(d).measures.backdrop == "off"
    d["version"] = 3
    with pytest.raises(PlanError):
        SessionPlan.from_dict(d)


# -- the pipeline ---------------------------------------------------------------------------------
class HeadMasker(BoxMasker):
    """Covers a box and says where the head is, like FaceMasker.heads."""

    def __init__(self, heads=((40.0, 20.0, 80.0, 60.0),)):
        super().__init__((40, 20, 80, 60))
        self.heads = list(heads)


class NoHeads(BoxMasker):
    """An old masker that cannot say where the head is."""


def make(mode, masker, frames=6):
    plan = demo_plan()
    plan.measures.backdrop = mode
    video = DemoVideoSource((320, 180), 30.0)
    p = SessionPipeline(plan, video, ToneSource(), masker, GainVoice, realtime=False)
    c = Collector()
    p.subscribe(ALL, c)
    p.max_frames = frames
    p.start()
    assert p.finished.wait(20)
    p.stop()
    return c


def corner_is_backdrop(img):
    return np.array_equal(img[:10, 280:], backdrop(img.shape)[:10, 280:])


def test_masked_audiences_get_the_backdrop_the_judge_the_room():
    c = make("masked", HeadMasker())
    for a in (Audience.COURT, Audience.RECORD_MASKED, Audience.WITNESS_SELF):
        _, img, dec = c.video[a][-1]
        assert dec is Decision.DETECTED and corner_is_backdrop(img)
        assert (img[30:50, 50:70] == 0).all()  # the face mask is still there (its edge may blend)
    for a in (Audience.JUDGE, Audience.RECORD_RAW):
        assert not corner_is_backdrop(c.video[a][-1][1])


def test_all_hides_the_room_from_the_judge_live_but_not_in_the_raw_recording():
    c = make("all", HeadMasker())
    judge = c.video[Audience.JUDGE][-1][1]
    assert corner_is_backdrop(judge) and not (judge[20:60, 40:80] == 0).all()  # face shown, room hidden
    assert not corner_is_backdrop(c.video[Audience.RECORD_RAW][-1][1])


def test_no_head_regions_curtains_every_audience_the_room_is_hidden_from():
    c = make("all", NoHeads())
    for a in (Audience.COURT, Audience.JUDGE, Audience.RECORD_MASKED):
        _, img, dec = c.video[a][-1]
        assert dec is Decision.CURTAINED and np.array_equal(img, curtain_like(img))
    assert c.video[Audience.RECORD_RAW][-1][2] is Decision.CURTAINED  # its decision, but raw pixels
    assert not np.array_equal(c.video[Audience.RECORD_RAW][-1][1], curtain_like(img))


def test_masker_curtain_stays_a_curtain_with_the_backdrop():
    m = HeadMasker()
    m.fail = True
    c = make("masked", m)
    _, img, dec = c.video[Audience.COURT][-1]
    assert dec is Decision.CURTAINED and np.array_equal(img, curtain_like(img))


def test_real_masker_gives_head_regions():
    from recording.masking.face import FaceMasker
    from tests.unit.recording.test_face_tracking import Detector, scene

    det = Detector()
    det.where = (200, 150)
    m = FaceMasker(detector=det)
    m.process(Frame(scene(200, 150), 0.0, 0))
    assert m.heads == [(200.0, 150.0, 320.0, 270.0)]
    det.where = None
    m.reset()
    m.process(Frame(scene(200, 150), 0.0, 0))
    assert m.heads == []  # curtained: nothing to keep
