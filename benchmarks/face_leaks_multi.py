#!/usr/bin/env python3
"""The acceptance check's leak counter, extended to every face of a clip (the support person's too).

    .venv/bin/python benchmarks/face_leaks_multi.py ORIGINAL.mkv MASKED.mkv [--boxes ORIGINAL.mkv.boxes.json]

Imports the cell rules of ``/work/shared/checks/lib/face_leaks.py`` unchanged (``TS_CHECKS_LIB`` points
elsewhere): a face's textured cells are "still visible" when the masked frame still matches the
original there; a face leaks in a frame when more than 10 % of its textured cells are visible; a frame
is curtained when more than 80 % of the whole frame's textured cells no longer match (a curtained frame
leaks nothing) -- and, where the frame has too little texture for that rule to speak for the whole
picture (a dim or bare room: under 20 % of its 16x9 cells textured, so a face mask alone changes most
of them), when more than 80 % of *all* its cells no longer show the original (a flat cell shows it
while its mean grey is within 8 levels and it stays flat).  A frame the check's rule alone calls
curtained is counted under ``curtained_check_rule`` and examined for leaks like any other.  Reads the ``faces`` list
of ``face_clips.py`` clips (falls back to ``quads``).
Prints JSON: frames, expected_frames, leaked (frames where any face leaked), curtained,
leaked_by_face (per face slot), leaked_frames (first 20).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
from pathlib import Path

import numpy as np

CHECKS_LIB = Path(os.environ.get("TS_CHECKS_LIB", "/work/shared/checks/lib"))


def shared_rules():
    """The check's own ``face_leaks`` module (the independent counter), imported from its file."""
    path = CHECKS_LIB / "face_leaks.py"
    if not path.is_file():
        raise SystemExit(f"the acceptance check's leak counter is not at {path} (set TS_CHECKS_LIB)")
    spec = importlib.util.spec_from_file_location("ts_shared_face_leaks", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


class Counter:
    """Counts leaks frame by frame (also used in-process by the benchmark's tuning harness)."""

    def __init__(self, faces_per_frame: list[list]):
        self.rules = shared_rules()
        self.faces = faces_per_frame
        slots = max((len(f) for f in faces_per_frame), default=1)
        self.leaked_by_face = [0] * slots
        self.leaked: list[int] = []
        self.curtained = 0
        self.curtained_check_rule = 0
        self.frames = 0

    def face_leaks(self, fo: np.ndarray, fm: np.ndarray, quad) -> bool:
        textured = visible = 0
        for sl in self.rules.face_cells(quad, fo.shape):
            t, v = self.rules.cell_state(fo[sl], fm[sl])
            textured += t
            visible += v
        return bool(textured and visible / textured > 0.1)

    def add(self, k: int, fo: np.ndarray, fm: np.ndarray) -> tuple[bool, bool]:
        """Feed frame ``k`` (gray float32 original and masked); returns (curtained, leaked)."""
        self.frames += 1
        if fo.shape != fm.shape:
            raise SystemExit(f"frame {k}: size {fm.shape} differs from original {fo.shape}")
        if self.rules.frame_curtained(fo, fm):
            self.curtained_check_rule += 1
            if self.replaced(fo, fm):
                self.curtained += 1
                return True, False
        if k >= len(self.faces):
            return False, False
        any_leak = False
        for slot, quad in enumerate(self.faces[k]):
            if quad is not None and self.face_leaks(fo, fm, quad):
                self.leaked_by_face[slot] += 1
                any_leak = True
        if any_leak:
            self.leaked.append(k)
        return False, any_leak

    def replaced(self, fo: np.ndarray, fm: np.ndarray, nx: int = 16, ny: int = 9) -> bool:
        """Most of the picture no longer shows the original (the frame was curtained, not a face masked).
        Judged on all cells where under 20 % are textured; otherwise the check's rule stands."""
        h, w = fo.shape
        textured = gone = 0
        for j in range(ny):
            for i in range(nx):
                sl = (slice(j * h // ny, (j + 1) * h // ny), slice(i * w // nx, (i + 1) * w // nx))
                t, v = self.rules.cell_state(fo[sl], fm[sl])
                textured += t
                if t:
                    gone += not v
                else:
                    a, b = fo[sl], fm[sl]
                    gone += abs(float(a.mean()) - float(b.mean())) > 8.0 or float(b.std()) >= 6.0
        cells = nx * ny
        return textured >= 0.2 * cells or gone > 0.8 * cells

    def result(self) -> dict:
        return {
            "frames": self.frames,
            "expected_frames": len(self.faces),
            "leaked": len(self.leaked),
            "curtained": self.curtained,
            "curtained_check_rule": self.curtained_check_rule,
            "leaked_by_face": self.leaked_by_face,
            "leaked_frames": self.leaked[:20],
        }


def faces_of(meta: dict) -> list[list]:
    if "faces" in meta:
        return meta["faces"]
    return [[q] for q in meta["quads"]]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("original")
    ap.add_argument("masked")
    ap.add_argument("--boxes")
    a = ap.parse_args()
    print(json.dumps(measure(a.original, a.masked, a.boxes)))


def measure(original: str, masked: str, boxes: str | None = None) -> dict:
    with open(boxes or original + ".boxes.json") as fh:
        meta = json.load(fh)
    counter = Counter(faces_of(meta))
    g = counter.rules.gray_frames
    for k, (fo, fm) in enumerate(zip(g(original), g(masked), strict=False)):
        counter.add(k, fo, fm)
    return counter.result()


if __name__ == "__main__":
    main()
