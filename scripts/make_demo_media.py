"""Regenerate the demo witness media under resources/demo/ (run once; the outputs are committed).

- astronaut.jpg: scikit-image's astronaut photo (NASA, public domain), the demo witness's face.
- speech.ogg: a short testimony-like text spoken by espeak-ng, Opus at 48 kHz mono.
- interpreter-<lang>.ogg: the same idea in Spanish and French for the demo interpreter channels.

    .venv/bin/python scripts/make_demo_media.py
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import av
import cv2
import numpy as np
import skimage.data

OUT = Path(__file__).resolve().parent.parent / "resources" / "demo"

TEXTS = {
    "speech": ("en-gb", "I remember the evening clearly. I was waiting at the bus station when the man "
               "came over and offered me work in the city. He said the job was in a restaurant and that "
               "I would be paid every week. I believed him, because I needed the money for my family. "
               "When we arrived, he took my passport and told me I owed him for the journey."),
    "interpreter-spa": ("es", "Recuerdo claramente aquella tarde. Estaba esperando en la estación de "
                        "autobuses cuando el hombre se acercó y me ofreció trabajo en la ciudad."),
    "interpreter-fra": ("fr", "Je me souviens clairement de cette soirée. J'attendais à la gare routière "
                        "quand l'homme est venu me proposer du travail en ville."),
}


def speak(voice: str, text: str, path: Path) -> None:
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "--stdout", text],
                         check=True, capture_output=True).stdout
    import io
    with av.open(io.BytesIO(wav)) as src, av.open(str(path), "w", format="ogg") as dst:
        out = dst.add_stream("libopus", rate=48000, layout="mono")
        out.bit_rate = 32000
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48000)
        for frame in src.decode(audio=0):
            for f in resampler.resample(frame):
                for p in out.encode(f):
                    dst.mux(p)
        for f in resampler.resample(None):
            for p in out.encode(f):
                dst.mux(p)
        for p in out.encode(None):
            dst.mux(p)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    img = skimage.data.astronaut()[:, :, ::-1]
    cv2.imwrite(str(OUT / "astronaut.jpg"), np.ascontiguousarray(img), [cv2.IMWRITE_JPEG_QUALITY, 90])
    for name, (voice, text) in TEXTS.items():
        speak(voice, text, OUT / f"{name}.ogg")
    for p in sorted(OUT.iterdir()):
        print(p.name, p.stat().st_size)


if __name__ == "__main__":
    main()
