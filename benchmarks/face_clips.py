#!/usr/bin/env python3
"""Hard face clips: the acceptance check's clip maker, extended with the conditions of a real safe room.

    .venv/bin/python benchmarks/face_clips.py CONDITION -o clip.mkv [--faces astronaut,camera]
        [--seconds 5] [--seed 1]

Conditions (each a 1280x720, 30 fps H.264 clip with one mono Opus track, like
``/work/shared/checks/lib/make_clip.py``, whose moving/rolling/resizing/light-changing face is the
``ordinary`` condition here):

==========  ===================================================================================
ordinary    the check's motion: 50-260 px face, roll +-35 deg, light 0.55-1.0
profile     the head turns toward profile (yaw up to +-75 deg, seen in perspective) and back
hand        a hand passes over the lower face / half the face, and rests there
dim         a dim room: light 0.12-0.35 with amplified sensor noise
blur        fast moves (up to ~45 px per frame) with motion blur (7 sub-frame renders averaged)
two         a support person beside the witness, both moving; the second face smaller, turning
jump        camera switches (another room, the face elsewhere and another size), auto-zoom steps,
            and the face jumping across the frame between two frames
small       a distant face: 20-60 px wide
edge        the face half out of the frame (up to 60 % outside), at every edge
saferoom    everything at once (profile, hand, dim spells, blur, a support person, half out of
            frame) -- the issue's "harder clip"; kept out of tuning
==========  ===================================================================================

Faces are real photographs that ship inside installed packages (``packaged_faces``): scikit-image's
astronaut and cameraman and the 100 LFW faces of ``skimage.data.lfw_subset()``; matplotlib's
``grace_hopper.jpg`` when matplotlib is installed.  Nothing is downloaded.

Writes CLIP and CLIP.boxes.json: ``{"fps", "size", "condition", "face_names", "faces": [[quad or null
per face] per frame], "boxes", "quads"}`` -- ``faces`` holds every face's rotated/perspective face box
(four corners) in every frame (null when it is out of view); ``boxes``/``quads`` are the first face's
(the witness's), in the check's format, so ``face_leaks.py`` reads these clips too.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

W, H, FPS = 1280, 720, 30
CONDITIONS = ("ordinary", "profile", "hand", "dim", "blur", "two", "jump", "small", "edge", "saferoom")


@dataclass
class Face:
    name: str
    crop: np.ndarray  # BGR, the face with a margin of hair/shoulders around it
    box: tuple[int, int, int, int]  # the face's box inside ``crop``

    @property
    def size(self) -> tuple[int, int]:
        return self.box[2] - self.box[0], self.box[3] - self.box[1]


def _with_margin(name: str, img: np.ndarray, box: tuple[int, int, int, int], margin: float = 0.6) -> Face:
    x1, y1, x2, y2 = box
    fw, fh = x2 - x1, y2 - y1
    mx, my = int(fw * margin), int(fh * margin)
    X1, Y1 = max(0, x1 - mx), max(0, y1 - my)
    X2, Y2 = min(img.shape[1], x2 + mx), min(img.shape[0], y2 + my)
    return Face(name, np.ascontiguousarray(img[Y1:Y2, X1:X2]), (x1 - X1, y1 - Y1, x2 - X1, y2 - Y1))


def packaged_faces() -> dict[str, Face]:
    """Real face photographs from installed packages, by name (``lfw00`` ... ``lfw99`` are LFW faces)."""
    import cv2
    from skimage import data

    faces = {
        "astronaut": _with_margin("astronaut", np.ascontiguousarray(data.astronaut()[:, :, ::-1]),
                                  (178, 64, 269, 175)),
        "camera": _with_margin("camera", cv2.cvtColor(data.camera(), cv2.COLOR_GRAY2BGR), (190, 108, 258, 202)),
    }
    try:
        from matplotlib import cbook

        with cbook.get_sample_data("grace_hopper.jpg") as fh:
            buf = np.frombuffer(fh.read(), np.uint8)
        img = cv2.imdecode(buf, cv2.IMREAD_COLOR)
        if img is not None:
            faces["grace_hopper"] = _with_margin("grace_hopper", img, (172, 122, 358, 336))
    except Exception:  # matplotlib is optional (the ``faces`` extra)
        pass
    lfw = data.lfw_subset()[:100]  # the first 100 are faces (the rest are not)
    for i, f in enumerate(lfw):
        g = cv2.resize((f * 255).astype(np.uint8), (100, 100), interpolation=cv2.INTER_CUBIC)
        faces[f"lfw{i:02d}"] = Face(f"lfw{i:02d}", cv2.cvtColor(g, cv2.COLOR_GRAY2BGR), (6, 8, 84, 98))
    return faces


def face_from_spec(spec: str) -> Face:
    """``IMAGE:x1,y1,x2,y2`` as the acceptance check takes it."""
    import cv2

    path, box = spec.rsplit(":", 1)
    x1, y1, x2, y2 = (int(v) for v in box.split(","))
    img = cv2.imread(path, cv2.IMREAD_COLOR)
    if img is None:
        raise SystemExit(f"cannot read {path}")
    return _with_margin(path, img, (x1, y1, x2, y2))


# -- the room ------------------------------------------------------------------------------------------
def room(rng: np.random.Generator) -> np.ndarray:
    """A plausible room: a lit wall gradient, sensor noise, doors, shelves and posters."""
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    c1, c2 = rng.uniform(40, 200, 3), rng.uniform(40, 200, 3)
    t = (xx / W * 0.7 + yy / H * 0.3)[..., None]
    bg = c1 * (1 - t) + c2 * t
    bg += rng.normal(0, 6, (H, W, 1))
    for _ in range(6):
        x, y = rng.integers(0, W - 100), rng.integers(0, H - 100)
        w, h = rng.integers(60, 400), rng.integers(60, 300)
        bg[y:y + h, x:x + w] = rng.uniform(30, 220, 3)
    for _ in range(3):  # posters with stripes: texture a masker must not mistake for a face
        x, y = rng.integers(0, W - 120), rng.integers(0, H - 160)
        w, h = rng.integers(60, 120), rng.integers(80, 160)
        stripes = (np.arange(h)[:, None] // rng.integers(4, 12)) % 2
        bg[y:y + h, x:x + w] = np.where(stripes[..., None], rng.uniform(30, 220, 3), rng.uniform(30, 220, 3))
    return np.clip(bg, 0, 255).astype(np.float32)


# -- a head placed in the frame ----------------------------------------------------------------------
@dataclass
class Pose:
    cx: float  # face centre in the frame
    cy: float
    width: float  # face width in pixels (before yaw)
    roll: float = 0.0  # degrees
    yaw: float = 0.0  # degrees, + turns the face toward the viewer's right


def homography(face: Face, p: Pose) -> np.ndarray:
    x1, y1, x2, y2 = face.box
    fcx, fcy, fw = (x1 + x2) / 2, (y1 + y2) / 2, x2 - x1
    t0 = np.array([[1, 0, -fcx], [0, 1, -fcy], [0, 0, 1]], np.float64)
    yaw = math.radians(p.yaw)
    k = 1.0 / (1.6 * fw)  # perspective of a head about 1.6 face widths deep
    ymat = np.array([[math.cos(yaw), 0, 0], [0, 1, 0], [math.sin(yaw) * k, 0, 1]], np.float64)
    s = p.width / fw
    r = math.radians(p.roll)
    rs = np.array([[s * math.cos(r), s * math.sin(r), p.cx], [-s * math.sin(r), s * math.cos(r), p.cy], [0, 0, 1]])
    return rs @ ymat @ t0


def _alpha(face: Face) -> np.ndarray:
    """A soft rounded mask over the crop: a head and shoulders, not a pasted rectangle."""
    import cv2

    h, w = face.crop.shape[:2]
    a = np.zeros((h, w), np.float32)
    r = max(2, min(w, h) // 5)
    cv2.rectangle(a, (r, r), (w - 1 - r, h - 1), 1.0, -1)
    a = cv2.dilate(a, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1)))
    k = max(3, (r // 2) | 1)
    return cv2.GaussianBlur(a, (k, k), 0)


def place(frame: np.ndarray, face: Face, alpha: np.ndarray, p: Pose, shade: float = 0.0) -> list | None:
    """Draw ``face`` at pose ``p`` into ``frame`` (float32, in place); return its face quad or None."""
    import cv2

    Hm = homography(face, p)
    h, w = face.crop.shape[:2]
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32).reshape(-1, 1, 2)
    cc = cv2.perspectiveTransform(corners, Hm).reshape(-1, 2)
    X1, Y1 = max(0, int(np.floor(cc[:, 0].min()))), max(0, int(np.floor(cc[:, 1].min())))
    X2, Y2 = min(W, int(np.ceil(cc[:, 0].max()))), min(H, int(np.ceil(cc[:, 1].max())))
    x1, y1, x2, y2 = face.box
    fq = np.array([[x1, y1], [x2, y1], [x2, y2], [x1, y2]], np.float32).reshape(-1, 1, 2)
    q = cv2.perspectiveTransform(fq, Hm).reshape(-1, 2)
    if X2 <= X1 or Y2 <= Y1:
        return None
    Ht = np.array([[1, 0, -X1], [0, 1, -Y1], [0, 0, 1]], np.float64) @ Hm
    size = (X2 - X1, Y2 - Y1)
    patch = cv2.warpPerspective(face.crop, Ht, size, flags=cv2.INTER_LINEAR).astype(np.float32)
    a = cv2.warpPerspective(alpha, Ht, size, flags=cv2.INTER_LINEAR)[..., None]
    if shade:
        # the side turned away from the light: darker toward the far edge of a turned head
        ramp = np.linspace(1.0, 1.0 - shade, size[0], dtype=np.float32)
        patch *= (ramp if p.yaw > 0 else ramp[::-1])[None, :, None]
    roi = frame[Y1:Y2, X1:X2]
    roi *= 1 - a
    roi += patch * a
    qx1, qy1, qx2, qy2 = q[:, 0].min(), q[:, 1].min(), q[:, 0].max(), q[:, 1].max()
    if qx2 <= 0 or qy2 <= 0 or qx1 >= W or qy1 >= H:
        return None
    return [[round(float(x), 1), round(float(y), 1)] for x, y in q]


def draw_hand(frame: np.ndarray, cx: float, cy: float, size: float, angle: float, skin: np.ndarray,
              rng: np.random.Generator) -> None:
    """A hand: palm and four fingers in a skin tone, shaded, with a little texture."""
    import cv2

    s = max(8.0, size)
    h = int(s * 2.2)
    m = np.zeros((h, h), np.float32)
    c = h // 2
    cv2.ellipse(m, (c, int(c + s * 0.25)), (int(s * 0.45), int(s * 0.5)), 0, 0, 360, 1.0, -1)
    for i, dx in enumerate((-0.33, -0.11, 0.11, 0.33)):
        length = s * (0.55 + 0.1 * (i in (1, 2)))
        x = int(c + dx * s)
        cv2.ellipse(m, (x, int(c - s * 0.2)), (int(s * 0.1), int(length * 0.6)), 0, 0, 360, 1.0, -1)
    cv2.ellipse(m, (int(c + s * 0.5), int(c + s * 0.3)), (int(s * 0.28), int(s * 0.1)), -35, 0, 360, 1.0, -1)
    m = cv2.GaussianBlur(m, (5, 5), 0)
    M = cv2.getRotationMatrix2D((c, c), angle, 1.0)
    m = cv2.warpAffine(m, M, (h, h))
    shade = np.linspace(1.1, 0.8, h, dtype=np.float32)[:, None]
    tex = (skin[None, None, :] * shade[..., None] + rng.normal(0, 5, (h, h, 1))).astype(np.float32)
    x0, y0 = int(cx - c), int(cy - c)
    X1, Y1, X2, Y2 = max(0, x0), max(0, y0), min(W, x0 + h), min(H, y0 + h)
    if X2 <= X1 or Y2 <= Y1:
        return
    a = m[Y1 - y0:Y2 - y0, X1 - x0:X2 - x0, None]
    roi = frame[Y1:Y2, X1:X2]
    roi *= 1 - a
    roi += tex[Y1 - y0:Y2 - y0, X1 - x0:X2 - x0] * a


def skin_tone(face: Face) -> np.ndarray:
    x1, y1, x2, y2 = face.box
    w, h = x2 - x1, y2 - y1
    patch = face.crop[y1 + h // 2: y1 + 3 * h // 4, x1 + w // 4: x2 - w // 4]
    return patch.reshape(-1, 3).mean(axis=0).astype(np.float32)


# -- the conditions ------------------------------------------------------------------------------------
@dataclass
class Scene:
    """One frame's description: the room, each head's pose (None: not in the frame), extras."""

    room: int
    poses: list[Pose | None]
    gain: float = 1.0
    noise: float = 0.0
    hand: tuple[float, float, float, float] | None = None  # cx, cy, size, angle
    zoom: float = 1.0  # a camera's digital zoom about the frame centre
    shade: float = 0.0


def _wave(t: float, period: float, phase: float) -> float:
    return math.sin(2 * math.pi * t / period + phase)


def ordinary_pose(t: float, ph: np.ndarray, wmin: float = 50, wmax: float = 260, reach: float = 0.8) -> Pose:
    width = wmin + (wmax - wmin) * (0.5 + 0.5 * _wave(t, 7, ph[0]))
    hw = width * 0.9
    cx = W / 2 + (W / 2 - hw - 10) * reach * _wave(t, 9, ph[3])
    cy = H / 2 + (H / 2 - hw * 1.2 - 10) * 0.6 * _wave(t, 4, ph[4])
    return Pose(cx, cy, width, roll=35 * _wave(t, 5, ph[1]))


def scene_fn(condition: str, rng: np.random.Generator, seconds: float) -> Callable[[float], Scene]:
    ph = rng.uniform(0, 2 * math.pi, 8)
    light = lambda t: 0.55 + 0.45 * (0.5 + 0.5 * _wave(t, 6, ph[2]))  # noqa: E731

    if condition == "ordinary":
        return lambda t: Scene(0, [ordinary_pose(t, ph)], gain=light(t))
    if condition == "profile":
        def f(t: float) -> Scene:
            p = ordinary_pose(t, ph, 90, 240, reach=0.5)
            p.roll *= 0.4
            # turns to one side and back, lingering near profile; the sign alternates
            p.yaw = 75 * np.clip(1.4 * _wave(t, 3.2, ph[5]), -1, 1)
            return Scene(0, [p], gain=light(t), shade=0.45 * abs(p.yaw) / 75)
        return f
    if condition == "hand":
        def f(t: float) -> Scene:
            p = ordinary_pose(t, ph, 100, 240, reach=0.5)
            p.roll *= 0.5
            # the hand comes up from below, rests over the mouth / half the face, goes away
            u = np.clip(1.6 * _wave(t, 3.0, ph[6]), -1, 1) * 0.5 + 0.5  # 0 away .. 1 over the face
            side = 0.25 * p.width * _wave(t, 1.3, ph[7])
            hy = p.cy + p.width * (0.35 + 1.6 * (1 - u))
            return Scene(0, [p], gain=light(t), hand=(p.cx + side, hy, p.width * 0.95, 15 * _wave(t, 2, 0)))
        return f
    if condition == "dim":
        return lambda t: Scene(0, [ordinary_pose(t, ph, 70, 240)],
                               gain=0.12 + 0.23 * (0.5 + 0.5 * _wave(t, 4, ph[2])), noise=4.0)
    if condition == "blur":
        def f(t: float) -> Scene:
            # fast sweeps: across most of the frame in about half a second, then a pause
            u = (t % 1.4) / 1.4
            sweep = np.clip((u - 0.3) / 0.4, 0, 1)
            sweep = sweep * sweep * (3 - 2 * sweep)
            leg = int(t // 1.4) % 2
            x = 260 + (W - 520) * (sweep if leg == 0 else 1 - sweep)
            y = H / 2 + 140 * _wave(t, 1.1, ph[4])
            width = 120 + 80 * (0.5 + 0.5 * _wave(t, 3, ph[0]))
            return Scene(0, [Pose(x, y, width, roll=20 * _wave(t, 2, ph[1]))], gain=light(t))
        return f
    if condition == "two":
        def f(t: float) -> Scene:
            a = ordinary_pose(t, ph, 120, 220, reach=0.25)
            a.cx -= 200
            b = Pose(W / 2 + 300 + 80 * _wave(t, 5, ph[5]), H / 2 - 40 + 60 * _wave(t, 3.5, ph[6]),
                     90 + 40 * _wave(t, 6, ph[7]), roll=15 * _wave(t, 4, ph[1]), yaw=45 * _wave(t, 4.5, ph[2]))
            return Scene(0, [a, b], gain=light(t))
        return f
    if condition == "jump":
        cuts = np.sort(rng.uniform(0.5, seconds - 0.3, max(2, int(seconds / 1.2))))
        spots = [(rng.uniform(200, W - 200), rng.uniform(180, H - 180), rng.uniform(70, 240), int(rng.integers(0, 3)),
                  float(rng.choice([1.0, 1.0, 1.45]))) for _ in range(len(cuts) + 1)]

        def f(t: float) -> Scene:
            k = int(np.searchsorted(cuts, t, side="right"))
            x, y, width, room_no, zoom = spots[k]
            tt = t - (cuts[k - 1] if k else 0)
            p = Pose(x + 60 * _wave(tt, 3, ph[3]), y + 30 * _wave(tt, 2.5, ph[4]), width, roll=15 * _wave(tt, 4, ph[1]))
            return Scene(room_no, [p], gain=light(t), zoom=zoom)
        return f
    if condition == "small":
        return lambda t: Scene(0, [ordinary_pose(t, ph, 20, 60)], gain=light(t))
    if condition == "edge":
        def f(t: float) -> Scene:
            width = 110 + 90 * (0.5 + 0.5 * _wave(t, 5, ph[0]))
            # around the frame's border: the face centre runs along an ellipse just inside/outside it
            a = 2 * math.pi * t / seconds + ph[3]
            cx = W / 2 + (W / 2 + width * 0.1) * math.cos(a)
            cy = H / 2 + (H / 2 + width * 0.1) * math.sin(a)
            return Scene(0, [Pose(cx, cy, width, roll=25 * _wave(t, 4, ph[1]))], gain=light(t))
        return f
    if condition == "saferoom":
        prof, hand, two = (
            scene_fn("profile", rng, seconds),
            scene_fn("hand", rng, seconds),
            scene_fn("two", rng, seconds),
        )

        def f(t: float) -> Scene:
            seg = int(t // 2.0) % 5
            if seg == 0:
                s = prof(t)
            elif seg == 1:
                s = hand(t)
            elif seg == 2:
                s = two(t)
                s.poses[1].yaw = 60 * _wave(t, 3, 0)
            elif seg == 3:
                s = prof(t)
                s.gain, s.noise = 0.2, 4.0
            else:
                s = two(t)
                s.poses[0].cx = 30 + 20 * _wave(t, 2, 0)  # half out of the frame at the left
            return s
        return f
    raise SystemExit(f"unknown condition {condition!r} (choose from {', '.join(CONDITIONS)})")


def fast(condition: str) -> bool:
    return condition in ("blur", "saferoom")


def render(scene: Scene, rooms: list[np.ndarray], faces: list[Face], alphas: list[np.ndarray],
           skin: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, list]:
    import cv2

    frame = rooms[scene.room].copy()
    quads: list = []
    for k, p in enumerate(scene.poses):
        if p is None:
            quads.append(None)
            continue
        quads.append(place(frame, faces[k], alphas[k], p, shade=scene.shade if k == 0 else 0.0))
    if scene.hand is not None:
        draw_hand(frame, *scene.hand, skin=skin, rng=rng)
    if scene.zoom != 1.0:
        z = scene.zoom
        M = np.array([[z, 0, W / 2 * (1 - z)], [0, z, H / 2 * (1 - z)]], np.float64)
        frame = cv2.warpAffine(frame, M, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
        zq = []
        for q in quads:
            if q is None:
                zq.append(None)
                continue
            pts = np.array(q, np.float64) * z + np.array([W / 2 * (1 - z), H / 2 * (1 - z)])
            if pts[:, 0].max() <= 0 or pts[:, 1].max() <= 0 or pts[:, 0].min() >= W or pts[:, 1].min() >= H:
                zq.append(None)
            else:
                zq.append([[round(float(x), 1), round(float(y), 1)] for x, y in pts])
        quads = zq
    frame *= scene.gain
    return frame, quads


def make_clip(condition: str, faces: list[Face], out_path: str, seconds: float = 5.0, seed: int = 1) -> dict:
    """Write the clip and its ``.boxes.json``; returns the metadata."""
    import av

    rng = np.random.default_rng(seed)
    n = int(seconds * FPS)
    rooms = [room(rng) for _ in range(3)]
    scene_at = scene_fn(condition, rng, seconds)
    people = max(max(len(scene_at(k * 0.25).poses) for k in range(int(seconds * 4) + 1)), 1)
    # the witness cycles through the given faces every 2.5 s; a support person is the next face
    alphas = {f.name: _alpha(f) for f in faces}
    out = av.open(out_path, "w")
    vs = out.add_stream("libx264", rate=FPS)
    vs.width, vs.height, vs.pix_fmt = W, H, "yuv420p"
    vs.options = {"crf": "16", "preset": "veryfast"}
    ast = out.add_stream("libopus", rate=48000)
    ast.layout = "mono"
    per_frame: list[list] = []
    names: list[list[str]] = []
    for i in range(n):
        t = i / FPS
        first = (i // int(FPS * 2.5)) % len(faces)
        who = [faces[(first + k) % len(faces)] for k in range(people)]
        if fast(condition):
            subs = 7
            acc, quads = None, []
            for j in range(subs):
                img, q = render(scene_at(max(0.0, t + (j - subs // 2) / (FPS * subs))), rooms, who,
                                [alphas[f.name] for f in who],
                                skin_tone(who[0]), rng)
                acc = img if acc is None else acc + img
                if j == subs // 2:
                    quads = q
            frame = acc / subs
        else:
            sc = scene_at(t)
            frame, quads = render(sc, rooms, who, [alphas[f.name] for f in who], skin_tone(who[0]), rng)
        sc = scene_at(t)
        if sc.noise:
            frame += rng.normal(0, sc.noise, frame.shape[:2] + (1,)).astype(np.float32)
        img = np.clip(frame, 0, 255).astype(np.uint8)
        per_frame.append(list(quads) + [None] * (people - len(quads)))
        names.append([f.name for f in who])
        for p in vs.encode(av.VideoFrame.from_ndarray(img, format="bgr24")):
            out.mux(p)
    samples = int(seconds * 48000)
    tone = (0.2 * np.sin(2 * np.pi * 220 * np.arange(samples) / 48000) * 32767).astype(np.int16)
    for k in range(0, samples, 960):
        af = av.AudioFrame.from_ndarray(tone[None, k:k + 960], format="s16", layout="mono")
        af.sample_rate = 48000
        af.pts = k
        for p in ast.encode(af):
            out.mux(p)
    for st in (vs, ast):
        for p in st.encode(None):
            out.mux(p)
    out.close()

    def bbox(q):
        if q is None:
            return None
        a = np.array(q)
        return [int(max(0, a[:, 0].min())), int(max(0, a[:, 1].min())), int(min(W, a[:, 0].max())),
                int(min(H, a[:, 1].max()))]

    meta = {"fps": FPS, "size": [W, H], "condition": condition, "seed": seed,
            "face_names": names, "faces": per_frame,
            "quads": [f[0] for f in per_frame], "boxes": [bbox(f[0]) for f in per_frame]}
    with open(out_path + ".boxes.json", "w") as fh:
        json.dump(meta, fh)
    return meta


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("condition", choices=CONDITIONS)
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--faces", default="astronaut,lfw07",
                    help="comma-separated packaged face names (astronaut, camera, grace_hopper, lfw00..lfw99)")
    ap.add_argument("--face", action="append", default=[], help="IMAGE:x1,y1,x2,y2 (as the acceptance check)")
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.face:
        faces = [face_from_spec(s) for s in a.face]
    else:
        known = packaged_faces()
        missing = [n for n in a.faces.split(",") if n not in known]
        if missing:
            raise SystemExit(f"unknown or unavailable face(s): {', '.join(missing)}")
        faces = [known[n] for n in a.faces.split(",")]
    meta = make_clip(a.condition, faces, a.out, a.seconds, a.seed)
    print(json.dumps({"clip": a.out, "frames": len(meta["faces"]), "condition": a.condition}))


if __name__ == "__main__":
    main()
