"""Make the target-voice resource of the voice masker (run offline; the app never runs espeak-ng).

    .venv/bin/python scripts/make_voice_target.py [--voices en-us+m3,en-us+f2,...] [--speed 165]
        [-o resources/voice/target-v2.npz]

espeak-ng (Debian package) reads ``resources/voice/target-text.txt`` in each voice; the speech is
analysed with the masker's own analysis (``recording.masking.vocoder.analyse``, LPC order 16, 5 ms hops
at 16 kHz), and the resource keeps, per voice and frame, the MFCCs normalised by that voice's own
speech statistics and the voicing degree, and for every second speech frame (the candidates) the
envelope cepstrum.  Format: docs/voice-masking.md, "Target voice resource".  The output is
deterministic for a given espeak-ng.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recording.masking import knn, vocoder  # noqa: E402
from recording.sources.file import decode_audio_file  # noqa: E402


def analyse_speech(x: np.ndarray) -> tuple[np.ndarray, ...]:
    full = np.concatenate([np.zeros(vocoder._ANA + 1), x.astype(np.float64)])
    nf = len(x) // vocoder.HOP
    full = full[: vocoder._ANA + 1 + nf * vocoder.HOP]
    return vocoder.analyse(full, nf, 16)


#: The shipped voices: espeak-ng accents and voice variants (different formant scales, breathiness).
VOICES = ("en-us+m3", "en-us+f2", "en-us+f4", "en-us+klatt2", "en-gb-scotland+m4")


def voice_arrays(x: np.ndarray) -> dict[str, np.ndarray]:
    p_in, logp, _f0, voiced, _cen = analyse_speech(x)
    db = 10 * np.log10(np.maximum(p_in, 1e-12))
    speech = db > np.percentile(db, 99) - knn.SPEECH_DB
    feat = knn.mfcc(logp)
    mu, sd = feat[speech].mean(axis=0), feat[speech].std(axis=0)
    feat = (feat - mu) / np.maximum(sd, 1e-2)
    cand = np.flatnonzero(speech)[::2]
    cep = knn.envelope_cepstrum(logp[cand])
    return {"feat": feat.astype(np.float16), "voiced": voiced.astype(np.float16),
            "candidate": cand.astype(np.int32), "cep": cep.astype(np.float16),
            "norm": np.stack([mu, np.maximum(sd, 1e-2)]).astype(np.float32)}


def build(voices: list[tuple[str, np.ndarray]]) -> bytes:
    arrays: dict[str, np.ndarray] = {}
    for i, (_name, x) in enumerate(voices):
        arrays.update({f"{i}_{k}": v for k, v in voice_arrays(x).items()})
    buf = io.BytesIO()
    np.savez_compressed(buf, format=np.str_(knn.TARGET_FORMAT), names=np.array([n for n, _ in voices]),
                        **arrays)
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--voices", default=",".join(VOICES))
    ap.add_argument("--speed", type=int, default=165)
    ap.add_argument("--text", default=str(ROOT / "resources" / "voice" / "target-text.txt"))
    ap.add_argument("-o", "--output", default=str(ROOT / "resources" / "voice" / knn.TARGET_FILE))
    args = ap.parse_args()
    voices = []
    with tempfile.TemporaryDirectory() as d:
        for v in args.voices.split(","):
            wav = os.path.join(d, "t.wav")
            subprocess.run(["espeak-ng", "-v", v, "-s", str(args.speed), "-f", args.text, "-w", wav],
                           check=True, capture_output=True)
            voices.append((f"espeak-ng {v} {args.speed} wpm", decode_audio_file(Path(wav), vocoder.INNER_RATE)))
    data = build(voices)
    knn.load_targets(data)  # refuse to write what the masker could not load
    Path(args.output).write_bytes(data)
    secs = sum(len(x) for _, x in voices) / vocoder.INNER_RATE
    print(f"{args.output}: {len(data)} bytes, {len(voices)} voices, {secs:.0f} s of speech")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
