"""Face-masking benchmark: leaks, curtains and speed of our masker vs the ``deface`` CLI.

    .venv/bin/python benchmarks/face_bench.py [--seeds 1,2] [--seconds 10] [--no-deface]

Makes 1280x720 clips with /work/shared/checks/lib/make_clip.py (scikit-image's astronaut moving,
rolling, scaling, changing light), then for each clip measures:
* the masking stage alone (FaceMasker.process on decoded frames): fps;
* the whole ``mask`` command as a fresh process (start-up, decode, mask, encode, audio): fps;
* leaked and curtained frames of its output with /work/shared/checks/lib/face_leaks.py;
* the same clip through ``deface`` (defaults, ``--replacewith solid``): fps and leaked frames.
Prints one JSON document.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKS_LIB = Path(os.environ.get("TS_CHECKS_LIB", "/work/shared/checks/lib"))
PY = sys.executable
VENV_BIN = Path(PY).parent

# the mask command without relying on desktop/cli.py (so the benchmark runs on its own)
MASK_SCRIPT = """
import argparse, sys
from desktop import mask_cli
p = argparse.ArgumentParser(prog="testimony-shield"); mask_cli.register(p.add_subparsers())
a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))
"""


def make_clip(work: Path, seed: int, seconds: float) -> Path:
    import cv2
    from skimage import data

    face = work / "astronaut.png"
    if not face.exists():
        cv2.imwrite(str(face), data.astronaut()[:, :, ::-1])
    clip = work / f"clip{seed}.mkv"
    subprocess.run([PY, str(CHECKS_LIB / "make_clip.py"), "--face", f"{face}:178,64,269,175", "-o", str(clip),
                    "--seconds", str(seconds), "--seed", str(seed)], check=True, capture_output=True)
    return clip


def leaks(original: Path, masked: Path) -> dict:
    r = subprocess.run([PY, str(CHECKS_LIB / "face_leaks.py"), str(original), str(masked)], check=True,
                       capture_output=True, text=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def masking_stage_fps(clip: Path) -> dict:
    import av

    sys.path.insert(0, str(ROOT))
    from recording.masking.face import FaceMasker
    from recording.model import Frame

    masker = FaceMasker(style="opaque")
    spent = 0.0
    n = 0
    detect_ms = []
    with av.open(str(clip)) as c:
        for f in c.decode(video=0):
            img = f.to_ndarray(format="bgr24")
            t = time.perf_counter()
            masker.process(Frame(img, float(f.time or 0.0), n))
            spent += time.perf_counter() - t
            if masker.last.get("detected"):
                detect_ms.append(masker.last["detect_ms"])
            n += 1
    return {"frames": n, "fps": round(n / spent, 1), "detector_runs": len(detect_ms),
            "detect_ms_mean": round(sum(detect_ms) / max(1, len(detect_ms)), 1),
            "decisions": masker.stats.decisions}


def whole_command(clip: Path, out: Path) -> dict:
    exe = VENV_BIN / "testimony-shield"
    cmd = [str(exe), "mask", str(clip), "-o", str(out), "--face", "opaque"]
    use_cli = exe.exists() and subprocess.run([str(exe), "mask", "--help"], capture_output=True).returncode == 0
    if not use_cli:
        cmd = [PY, "-c", MASK_SCRIPT, "mask", str(clip), "-o", str(out), "--face", "opaque"]
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    secs = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"mask failed: {r.stderr.strip()[-500:]}")
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    return {"via": "testimony-shield" if use_cli else "mask_cli script", "seconds": round(secs, 2),
            "fps": round(summary["frames"] / secs, 1), "summary_decisions": summary["decisions"]}


def deface(clip: Path, out: Path) -> dict:
    exe = VENV_BIN / "deface"
    t = time.perf_counter()
    r = subprocess.run([str(exe), str(clip), "-o", str(out), "--replacewith", "solid", "--keep-audio"],
                       capture_output=True, text=True)
    secs = time.perf_counter() - t
    if r.returncode != 0 or not out.exists():
        return {"error": (r.stderr or r.stdout).strip()[-300:]}
    return {"seconds": round(secs, 2), "cmd": "deface CLIP -o OUT --replacewith solid --keep-audio"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="1,2")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--no-deface", action="store_true")
    a = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="face-bench-") as tmp:
        work = Path(tmp)
        for seed in (int(s) for s in a.seeds.split(",")):
            clip = make_clip(work, seed, a.seconds)
            row: dict = {"seed": seed}
            row["masking_stage"] = masking_stage_fps(clip)
            out = work / f"masked{seed}.mkv"
            row["mask_command"] = whole_command(clip, out)
            row["mask_command"]["check"] = leaks(clip, out)
            if not a.no_deface:
                dout = work / f"deface{seed}.mkv"
                d = deface(clip, dout)
                if "seconds" in d:
                    res = leaks(clip, dout)
                    d["fps"] = round(res["frames"] / d["seconds"], 1)
                    d["check"] = res
                    d["fps_ratio_ours_vs_deface"] = round(row["mask_command"]["fps"] / d["fps"], 2)
                row["deface"] = d
            results.append(row)
    print(json.dumps({"clips": results, "cpu_count": os.cpu_count()}, indent=1))


if __name__ == "__main__":
    main()
