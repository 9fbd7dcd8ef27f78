"""Speech corpora for the voice-privacy benchmark: real speech that ships in packages, nothing else.

* **tuning** (what the masks were developed on): the pocketsphinx 5.1.1 source distribution's
  ``test/`` folder (LibriVox reader, AN4 ``cards``, ``chan3``, ``leak-test``, ``forever``, the AN4
  ``goforward``/``numbers``/``something``/``dhd`` voice) and Debian alsa-utils' voice: 7 speakers.
* **held-out** (never used while developing): Debian ``klettres-data`` (KDE's alphabet tutor): letters
  and syllables read by native speakers, one speaker per language folder.  Clips are trimmed and
  joined with short gaps into ~3 s utterances (no transcripts; English folders get the letter names).

Both are fetched through the ordinary clients (``pip download`` of an sdist, ``apt-get download`` of
a .deb) when no folder is given, and unpacked in a temporary folder.
"""

from __future__ import annotations

import glob
import math
import os
import re
import subprocess
import sys
import tarfile
import wave

import numpy as np

RATE = 16_000
PS_VERSION = "5.1.1"




def _read(path: str) -> tuple[np.ndarray, int]:
    if path.endswith(".raw"):
        return np.fromfile(path, "<i2").astype(np.float32) / 32768, 16_000
    with wave.open(path, "rb") as w:
        ch, rate, n = w.getnchannels(), w.getframerate(), w.getnframes()
        x = np.frombuffer(w.readframes(n), "<i2").astype(np.float32) / 32768
    return x.reshape(-1, ch)[:, 0].copy(), rate


def _to16k(x: np.ndarray, rate: int) -> np.ndarray:
    if rate == RATE:
        return x.astype(np.float32)
    from scipy.signal import resample_poly

    g = math.gcd(rate, RATE)
    return resample_poly(x.astype(np.float64), RATE // g, rate // g).astype(np.float32)


def _split(x: np.ndarray, min_s: float = 1.5, max_s: float = 6.0) -> list[np.ndarray]:
    """Cut at pauses (>= 150 ms below -35 dB re the loud frames) into pieces of min_s..max_s."""
    hop = RATE // 100
    e = np.array([np.mean(x[i:i + hop] ** 2) for i in range(0, len(x) - hop + 1, hop)])
    thr = np.percentile(e, 95) * 10 ** -3.5
    quiet = e < thr
    cuts, run = [], 0
    for i, q in enumerate(quiet):
        run = run + 1 if q else 0
        if run == 15:
            cuts.append((i - 7) * hop)
    pieces, start = [], 0
    for c in [*cuts, len(x)]:
        if (c - start) / RATE >= min_s or c == len(x):
            if (c - start) / RATE > max_s:  # no pause: cut evenly
                k = math.ceil((c - start) / RATE / max_s)
                edges = np.linspace(start, c, k + 1).astype(int)
                pieces += [x[a:b] for a, b in zip(edges[:-1], edges[1:], strict=True)]
            else:
                pieces.append(x[start:c])
            start = c
    if len(pieces) > 1 and len(pieces[-1]) / RATE < min_s:
        last = pieces.pop()
        pieces[-1] = np.concatenate([pieces[-1], last])
    return [p for p in pieces if len(p) / RATE >= 1.0]


def _words(s: str) -> str:
    s = re.sub(r"</?s>|\(.*?\)", " ", s.lower())
    return " ".join(re.sub(r"[^a-z' ]", " ", s).split())


def fetch_pocketsphinx_sdist(dest: str) -> str:
    """pip download the pocketsphinx sdist (a package registry, not a data hub) and unpack test/."""
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-binary", "pocketsphinx", "--no-deps",
                    f"pocketsphinx=={PS_VERSION}", "-d", dest], check=True, capture_output=True)
    tgz = glob.glob(os.path.join(dest, f"pocketsphinx-{PS_VERSION}.tar.gz"))[0]
    with tarfile.open(tgz) as t:
        members = [m for m in t.getmembers() if "/test/" in m.name]
        t.extractall(dest, members=members, filter="data")
    return os.path.join(dest, f"pocketsphinx-{PS_VERSION}", "test")


def build_tuning(ps_test: str) -> list[dict]:
    """[{speaker, id, audio (16 kHz float32), text or None}]"""
    d = os.path.join(ps_test, "data")
    utts: list[dict] = []

    def add(spk, uid, x, text=None):
        utts.append({"speaker": spk, "id": uid, "audio": x, "text": text})

    for p in sorted(glob.glob(os.path.join(d, "librivox", "*.wav"))):
        x, r = _read(p)
        with open(p[:-4] + ".txt") as f:
            add("librivox", os.path.basename(p)[-8:-4], _to16k(x, r), f.read())
    trans = {}
    with open(os.path.join(d, "cards", "cards.transcription")) as f:
        for line in f:
            m = re.match(r"(.*)\((\d+)\)", line.strip())
            if m:
                trans[m.group(2)] = m.group(1)
    for p in sorted(glob.glob(os.path.join(d, "cards", "*.wav"))):
        x, r = _read(p)
        add("cards", os.path.basename(p)[:3], _to16k(x, r), trans.get(os.path.basename(p)[:3]))
    for spk, rel in SOURCES.items():
        parts = []
        for f in rel:
            p = os.path.join(ps_test, f)
            if os.path.exists(p):
                x, r = _read(p)
                parts.append((os.path.basename(f), _to16k(x, r)))
        for name, x in parts:
            for i, piece in enumerate(_split(x) if len(x) / RATE > 4.5 else [x]):
                add(spk, f"{name}:{i}", piece, TEXTS.get(name) if len(x) / RATE <= 4.5 else None)
    alsa = [p for p in sorted(glob.glob("/usr/share/sounds/alsa/*.wav")) if "Noise" not in p]
    for a, b in zip(alsa[0::2], alsa[1::2], strict=False):
        xs, text = [], []
        for p in (a, b):
            x, r = _read(p)
            xs += [_to16k(x, r), np.zeros(RATE // 5, np.float32)]
            text.append(os.path.basename(p)[:-4].replace("_", " "))
        add("alsa", f"{os.path.basename(a)[:-4]}+{os.path.basename(b)[:-4]}", np.concatenate(xs),
            " ".join(text))
    return utts


#: Further pocketsphinx test recordings, grouped by speaker.
SOURCES = {
    "chan3": ["regression/chan3.wav"],
    "leak": ["data/vad/leak-test.wav"],
    "forever": ["data/forever/input_2_16k.wav", "data/forever/input_4_16k.wav"],
    # one AN4/TIDIGITS-style male voice (Resemblyzer cosine 0.74-0.82 between these files)
    "an4": ["data/goforward.raw", "data/numbers.raw", "data/something.raw", "data/tidigits/dhd.2934z.raw"],
}
TEXTS = {"goforward.raw": "go forward ten meters", "dhd.2934z.raw": "two nine three four zero"}




# -- held-out: klettres-data ------------------------------------------------------------------------

def fetch_klettres(dest: str) -> str:
    """apt-get download klettres-data (a Debian package) and unpack it; the folder of languages."""
    subprocess.run(["apt-get", "download", "-qq", "klettres-data"], cwd=dest, check=True, capture_output=True)
    deb = glob.glob(os.path.join(dest, "klettres-data_*.deb"))[0]
    subprocess.run(["dpkg-deb", "-x", deb, os.path.join(dest, "kl")], check=True, capture_output=True)
    return os.path.join(dest, "kl", "usr", "share", "klettres")


def _decode(path: str) -> np.ndarray:
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    from pathlib import Path

    from recording.sources.file import decode_audio_file

    return decode_audio_file(Path(path), RATE)


def _trim(x: np.ndarray) -> np.ndarray:
    hop = RATE // 100
    e = np.array([np.mean(x[i:i + hop] ** 2) for i in range(0, max(len(x) - hop, 0) + 1, hop)])
    if not len(e) or e.max() <= 0:
        return x[:0]
    on = np.flatnonzero(e > e.max() * 10 ** -3.5)
    return x[max(0, on[0] * hop - hop):min(len(x), (on[-1] + 2) * hop)]


def build_heldout(kl_dir: str, per_speaker: int = 3, seconds: float = 3.0) -> list[dict]:
    """One speaker per language folder: clips (alpha, then syllab) joined into ~``seconds`` utterances."""
    utts: list[dict] = []
    gap = np.zeros(int(0.12 * RATE), np.float32)
    for lang in sorted(os.listdir(kl_dir)):
        clips = sorted(glob.glob(os.path.join(kl_dir, lang, "alpha", "*.ogg")))
        clips += sorted(glob.glob(os.path.join(kl_dir, lang, "syllab", "*.ogg")))
        if len(clips) < 10:
            continue
        rng = np.random.default_rng(len(utts))  # a fixed, arbitrary order of the clips
        cur, text, k = [], [], 0
        for p in [clips[i] for i in rng.permutation(len(clips))]:
            try:
                x = _trim(_decode(p))
            except Exception:  # a few clips use codecs FFmpeg cannot decode: skip them
                continue
            if len(x) < RATE // 20:
                continue
            cur += [x, gap]
            text.append(os.path.basename(p)[:-4])
            if sum(len(c) for c in cur) >= seconds * RATE:
                english = lang in ("en", "en_GB")
                utts.append({"speaker": f"kl-{lang}", "id": f"{lang}:{k}", "audio": np.concatenate(cur),
                             "text": " ".join(text) if english else None})
                cur, text, k = [], [], k + 1
                if k == per_speaker:
                    break
        if 0 < k < 2:  # one utterance gives no same-speaker pair
            utts = [u for u in utts if u["speaker"] != f"kl-{lang}"]
    return utts
