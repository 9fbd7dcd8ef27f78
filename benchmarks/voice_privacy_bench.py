"""Voice-privacy benchmark: Resemblyzer EER (three attackers), pocketsphinx WER, speed and delay.

Needs the optional ``bench`` extra, installed into a SEPARATE venv (torch is large; never CI):

    python3 -m venv /work/bench-venv && /work/bench-venv/bin/pip install -e '.[bench]'
    /work/bench-venv/bin/python benchmarks/voice_privacy_bench.py > voice_privacy.json

Prints one JSON object.  Nothing is downloaded at run time except, when no ``--corpus-dir`` is given,
the pocketsphinx 5.1.1 *source distribution* through pip (its test data is the real speech used).

Corpus (real speech only, resampled to 16 kHz, split at pauses into utterances of >= 1.5 s):
* pocketsphinx sdist ``test/``: the LibriVox reader (5 utterances + transcripts), the AN4 ``cards``
  speaker (5 + transcripts), ``regression/chan3`` (split), ``vad/leak-test`` (split),
  ``forever/input_*``, ``goforward``/``numbers``/``something``, ``tidigits/dhd``;
* Debian alsa-utils ``/usr/share/sounds/alsa/*.wav`` (one voice; words paired into utterances, the
  file names are the transcripts).
Which recordings share a speaker is fixed in ``SOURCES`` (checked by ear and by Resemblyzer).

Attackers (Resemblyzer utterance embeddings, cosine score, EER over all enrolment/trial utterance
pairs with different utterances; target = same speaker):
* ``ignorant``: enrolment unmasked, trial masked.
* ``lazy_informed``: enrolment and trial both masked with the same preset but different session
  seeds (session A enrols, session B is tested), as an attacker who runs the algorithm himself.
* ``inversion``: enrolment unmasked, trial = an inverse transform applied to the masked trial; the
  attacker knows the algorithm and picks, over a grid of pitch targets x formant warps (run with the
  masker's own re-synthesis, normalisation switched off), the parameters that give the LOWEST EER on
  this very evaluation set (an oracle choice: an upper bound on what a grid search finds).
Each speaker's utterances are masked as one continuous session stream (the masker's speaker
statistics adapt as they would during testimony), after one warm-up pass over the same speech.

McAdams (VoicePrivacy B2, alpha = 0.8, LPC 20, 20 ms / 10 ms) is implemented here as a baseline,
with the inversion attacker searching alpha' (the inverse warp).

WER: pocketsphinx 5.1.1 default English model on the utterances that have transcripts.
Speed: real-time factor and p99 block CPU time (20 ms blocks, one thread) at 16 and 48 kHz, and the
impulse-response delay, from ``benchmarks/voice_bench.py``.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import warnings
import wave

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, HERE)

from recording.audio.dsp import levinson  # noqa: E402
from recording.masking import vocoder as VC  # noqa: E402
from recording.masking import voice as V  # noqa: E402

RATE = 16_000
PS_VERSION = "5.1.1"

# -- corpus -----------------------------------------------------------------------------------------


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
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-binary", ":all:", "--no-deps",
                    f"pocketsphinx=={PS_VERSION}", "-d", dest], check=True, capture_output=True)
    tgz = glob.glob(os.path.join(dest, f"pocketsphinx-{PS_VERSION}.tar.gz"))[0]
    with tarfile.open(tgz) as t:
        members = [m for m in t.getmembers() if "/test/" in m.name]
        t.extractall(dest, members=members, filter="data")
    return os.path.join(dest, f"pocketsphinx-{PS_VERSION}", "test")


def build_corpus(ps_test: str) -> list[dict]:
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


# -- maskers ------------------------------------------------------------------------------------------

GAP = np.zeros(int(0.3 * RATE), np.float32)


def run_stream(proc, pieces: list[np.ndarray], latency: int, warmup: bool = True) -> list[np.ndarray]:
    """Feed pieces (with 0.3 s gaps) as one 20 ms-block stream through ``proc``; compensate the
    latency and cut the output back into the pieces.  ``warmup``: one pass over the same speech
    first, so the speaker statistics are adapted as they are after a while of testimony."""
    x = np.concatenate([np.concatenate([p, GAP]) for p in pieces])
    block = RATE // 50
    if warmup:
        for i in range(0, len(x) - block + 1, block):
            proc(x[i:i + block])
    xp = np.concatenate([x, np.zeros(latency + block, np.float32)])
    y = np.concatenate([proc(xp[i:i + block]) for i in range(0, len(xp) - block + 1, block)])
    y = y[latency:latency + len(x)]
    out, pos = [], 0
    for p in pieces:
        out.append(y[pos:pos + len(p)].astype(np.float32))
        pos += len(p) + len(GAP)
    return out


def mask_session(preset: str, pieces: list[np.ndarray], seed: int) -> list[np.ndarray]:
    m = V.VoiceMasker(preset, RATE, seed=seed)
    return run_stream(m.process, pieces, m.latency_samples)


def engine_transform(pieces: list[np.ndarray], target_f0: float, alpha: float, seed: int = 0):
    """The attacker's re-synthesis with chosen pitch target and formant warp (no normalisation)."""
    prm = VC.Params(target_f0=target_f0, f0_sigma=0.12, alpha_session=alpha, beta=0.0,
                    ltas_lambda=0.0, lpc_order=16, lifter=60)
    eng = VC.Engine(prm, 1, np.random.default_rng(seed))
    lat = 2 * VC.HOP
    return run_stream(lambda b: eng.process(b).astype(np.float32), pieces, lat, warmup=True)


def mcadams(x: np.ndarray, alpha: float, order: int = 20) -> np.ndarray:
    """VoicePrivacy B2: LPC pole angles phi -> phi ** alpha, 20 ms hann frames, 10 ms hop, OLA."""
    from scipy.signal import lfilter

    win, hop = 320, 160
    w = np.hanning(win + 1)[:-1]
    xp = np.concatenate([np.zeros(win), x.astype(np.float64), np.zeros(win)])
    y = np.zeros(len(xp))
    for st in range(0, len(xp) - win, hop):
        fr = xp[st:st + win] * w
        if not fr.any():
            continue
        r = np.correlate(fr, fr, "full")[win - 1:win + order]
        r[0] *= 1.0001
        a = levinson(r[None, :], order)[0]
        res = lfilter(a, [1.0], fr)
        poles = np.roots(a)
        cx = (np.imag(poles) != 0)
        ang = np.angle(poles)
        new = poles.copy()
        new[cx] = np.abs(poles[cx]) * np.exp(1j * np.sign(ang[cx]) * np.abs(ang[cx]) ** alpha)
        a2 = np.real(np.poly(new))
        y[st:st + win] += lfilter([1.0], a2, res) * w
    y = y[win:win + len(x)] * (hop * 2 / win)
    return np.clip(y, -1, 1).astype(np.float32)


# -- scoring ------------------------------------------------------------------------------------------

class Embedder:
    def __init__(self):
        warnings.filterwarnings("ignore")
        from resemblyzer import VoiceEncoder, preprocess_wav

        self._pre = preprocess_wav
        self.enc = VoiceEncoder("cpu", verbose=False)

    def __call__(self, xs: list[np.ndarray]) -> np.ndarray:
        return np.array([self.enc.embed_utterance(self._pre(x, RATE)) for x in xs])


def eer(enrol: np.ndarray, trial: np.ndarray, spk: list[str]) -> float:
    s = enrol @ trial.T
    same = np.equal.outer(spk, spk)
    off = ~np.eye(len(spk), dtype=bool)
    return _eer(s[same & off], s[~same])


def eer_ci(enrol: np.ndarray, trial: np.ndarray, spk: list[str], n: int = 400, seed: int = 0) -> list[float]:
    """5-95 % interval of the EER when the SPEAKERS are resampled with replacement (the corpus has few
    speakers, so this is the dominant uncertainty)."""
    s = enrol @ trial.T
    spk = np.asarray(spk)
    names = np.unique(spk)
    rng = np.random.default_rng(seed)
    vals = []
    for _ in range(n):
        pick = rng.choice(len(names), len(names))
        idx = np.concatenate([np.flatnonzero(spk == names[k]) for k in pick])
        copy = np.concatenate([np.full(np.sum(spk == names[k]), c) for c, k in enumerate(pick)])
        sb = s[np.ix_(idx, idx)]
        same_copy = np.equal.outer(copy, copy)
        same_utt = np.equal.outer(idx, idx)
        same_spk = np.equal.outer(spk[idx], spk[idx])
        tgt, non = sb[same_copy & ~same_utt], sb[~same_spk]
        if len(tgt) and len(non):
            vals.append(_eer(tgt, non))
    return [round(float(v), 1) for v in np.percentile(vals, [5, 95])]


def _eer(tgt: np.ndarray, non: np.ndarray) -> float:
    thr = np.sort(np.concatenate([tgt, non]))
    frr = np.searchsorted(np.sort(tgt), thr, side="left") / len(tgt)
    far = 1 - np.searchsorted(np.sort(non), thr, side="left") / len(non)
    i = int(np.argmin(np.abs(frr - far)))
    return float(100 * (frr[i] + far[i]) / 2)


def wer(refs: list[str], hyps: list[str]) -> float:
    err = tot = 0
    for r, h in zip(refs, hyps, strict=True):
        a, b = r.split(), h.split()
        d = np.arange(len(b) + 1)
        for i in range(1, len(a) + 1):
            prev, d[0] = d.copy(), i
            for j in range(1, len(b) + 1):
                d[j] = min(prev[j] + 1, d[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
        err += int(d[-1])
        tot += len(a)
    return float(100 * err / max(tot, 1))


class Recogniser:
    def __init__(self):
        from pocketsphinx import Decoder

        self.d = Decoder(loglevel="FATAL")

    def __call__(self, x: np.ndarray) -> str:
        pcm = (np.clip(x, -1, 1) * 32767).astype("<i2").tobytes()
        self.d.start_utt()
        self.d.process_raw(pcm, full_utt=True)
        self.d.end_utt()
        h = self.d.hyp()
        return _words(h.hypstr) if h is not None else ""


# -- the benchmark ------------------------------------------------------------------------------------

def session_outputs(src: list[np.ndarray], by_spk, fn) -> list[np.ndarray]:
    """Apply fn(speaker_index, pieces) per speaker's session; return outputs in utterance order."""
    out: list[np.ndarray | None] = [None] * len(src)
    for k, (_spk, idx) in enumerate(by_spk.items()):
        ys = fn(k, [src[i] for i in idx])
        for i, y in zip(idx, ys, strict=True):
            out[i] = y
    return out  # type: ignore[return-value]


def privacy(utts, emb, rec, systems, seed, inv_grid, mc_grid, log) -> dict:
    spk = [u["speaker"] for u in utts]
    by_spk: dict[str, list[int]] = {}
    for i, s in enumerate(spk):
        by_spk.setdefault(s, []).append(i)
    wer_idx = [i for i, u in enumerate(utts) if u["text"]]
    refs = [_words(utts[i]["text"]) for i in wer_idx]
    clean = [u["audio"] for u in utts]
    e_clean = emb(clean)
    res = {"unmasked": {"eer": round(eer(e_clean, e_clean, spk), 1),
                        "eer_ci90_speakers": eer_ci(e_clean, e_clean, spk),
                        "wer": round(wer(refs, [rec(clean[i]) for i in wer_idx]), 1)}}
    log(f"unmasked {res['unmasked']}")
    for name in systems:
        t0 = time.time()
        if name == "mcadams":
            sess_a = [mcadams(x, 0.8) for x in clean]
            sess_b = sess_a  # deterministic: a session seed changes nothing
        else:
            sess_a = session_outputs(clean, by_spk, lambda k, p, n=name: mask_session(n, p, seed * 1000 + k))
            sess_b = session_outputs(clean, by_spk,
                                     lambda k, p, n=name: mask_session(n, p, seed * 1000 + 500 + k))
        ea, eb = emb(sess_a), emb(sess_b)
        r = {"eer_ignorant": round(eer(e_clean, ea, spk), 1),
             "eer_ignorant_ci90": eer_ci(e_clean, ea, spk),
             "eer_lazy_informed": round(eer(ea, eb, spk), 1),
             "eer_lazy_informed_ci90": eer_ci(ea, eb, spk)}
        grid, embs = {}, {}
        if name == "mcadams":
            for al in mc_grid:
                embs[f"alpha'={al}"] = emb([mcadams(x, al) for x in sess_a])
        else:
            for f0 in inv_grid[0]:
                for al in inv_grid[1]:
                    inv = session_outputs(sess_a, by_spk, lambda k, p, f=f0, a=al: engine_transform(p, f, a))
                    embs[f"f0={f0},alpha={al}"] = emb(inv)
        grid = {k: eer(e_clean, v, spk) for k, v in embs.items()}
        best = min(grid, key=grid.get)
        r["eer_inversion"] = round(grid[best], 1)
        r["eer_inversion_ci90"] = eer_ci(e_clean, embs[best], spk)
        r["inversion_best_params"] = best
        r["inversion_grid"] = {k: round(v, 1) for k, v in grid.items()}
        r["wer"] = round(wer(refs, [rec(sess_a[i]) for i in wer_idx]), 1)
        r["seconds"] = round(time.time() - t0, 1)
        res[name] = r
        log(f"{name} { {k: v for k, v in r.items() if k != 'inversion_grid'} }")
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus-dir", help="an unpacked pocketsphinx sdist test/ folder (else pip download)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--systems", default="standard,strong,mcadams")
    ap.add_argument("--quick", action="store_true", help="small inversion grids")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    torch_threads = os.environ.get("BENCH_TORCH_THREADS")
    if torch_threads:
        import torch

        torch.set_num_threads(int(torch_threads))

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        ps_test = args.corpus_dir or fetch_pocketsphinx_sdist(tmp)
        utts = build_corpus(ps_test)
    spk = sorted({u["speaker"] for u in utts})
    res: dict = {
        "corpus": {"speakers": len(spk), "utterances": len(utts),
                   "seconds": round(sum(len(u["audio"]) for u in utts) / RATE, 1),
                   "per_speaker": {s: sum(u["speaker"] == s for u in utts) for s in spk},
                   "with_transcript": sum(bool(u["text"]) for u in utts)},
        "attacker": "Resemblyzer 0.1.4 utterance embeddings, cosine; EER over all utterance pairs",
    }
    log(json.dumps(res["corpus"]))
    if args.quick:
        inv_grid = ((110, 150, 200), (0.88, 1.0, 1.12))
        mc_grid = (1.0, 1.25)
    else:
        inv_grid = ((100, 125, 150, 185, 230), (0.84, 0.92, 1.0, 1.08, 1.18))
        mc_grid = (1.0, 1.1, 1.2, 1.25, 1.3, 1.4)
    res["privacy_utility"] = privacy(utts, Embedder(), Recogniser(), args.systems.split(","), args.seed,
                                     inv_grid, mc_grid, log)
    if not args.no_speed:
        import voice_bench as VB

        for rate in (16_000, 48_000):
            x = VB.alsa_speech(rate)
            x = np.tile(x, math.ceil(20 * rate / len(x)))[: 20 * rate]
            res[f"speed_{rate // 1000}k"] = {p: VB.speed(p, rate, x, args.seed) for p in ("standard", "strong")}
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
