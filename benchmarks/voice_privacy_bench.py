"""Voice-privacy benchmark: the project's masks and their peers, side by side, on two corpora.

Needs the optional ``bench`` extra, installed into a SEPARATE venv (torch is large; never CI), and
Debian ``sox``:

    python3 -m venv /work/bench-venv && /work/bench-venv/bin/pip install -e '.[bench]'
    flock /work/locks/bench.lock /work/bench-venv/bin/python benchmarks/voice_privacy_bench.py > out.json

Prints one JSON object.  Corpora (``benchmarks/voice_corpus.py``): **tuning** (pocketsphinx sdist test
speech + alsa-utils, 7 speakers: what the masks were developed on) and **held-out** (klettres-data, one
speaker per language: never used while developing).  Fetched with pip/apt-get unless folders are given.

Systems: ``standard`` and ``strong`` (this project: envelope replaced by a fixed target voice's),
``vocoder_warp`` (this project's previous ``standard``: the same vocoder with the witness's envelope
warped), ``chimera`` (chimera-voice 0.2.0 ``strong``, PyPI, a key per session), ``sox_pitch`` (sox
pitch shift, -2..-5 semitones drawn per session) and ``mcadams`` (VoicePrivacy B2, alpha 0.8).

Attackers (Resemblyzer utterance embeddings, cosine; EER over all pairs of different utterances):
* ``ignorant``: enrolment unmasked, trial masked.
* ``lazy_informed``: enrolment and trial masked by the same system in two different sessions (a new
  session key / seed): the attacker runs the method himself on the witness's known voice.
  ``lazy_informed_every_voice`` (the project's presets): the attacker enrols once with each shipped
  target voice (he has the software, not the session seed) and keeps the best score.
* ``inversion``: enrolment unmasked, trial = an inverse transform of the masked trial, the best of a
  grid (an oracle choice on this very set): re-synthesis by the project's vocoder at a fixed pitch x
  formant scale, sox pitch shifts up, and McAdams' inverse alpha for ``mcadams``.
Each speaker's utterances are masked as one continuous session stream after a warm-up pass.

WER (pocketsphinx 5.1.1, default English model): ``wer`` against transcripts where there are some;
``relative_wer``: the masked speech's transcript scored against the unmasked speech's (English
utterances only; 0 for unmasked).  Speed and delay: ``benchmarks/voice_bench.py`` (numpy only).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, HERE)

import voice_corpus as C  # noqa: E402

from recording.audio.dsp import levinson  # noqa: E402
from recording.masking import knn  # noqa: E402
from recording.masking import vocoder as VC  # noqa: E402
from recording.masking import voice as V  # noqa: E402

RATE = C.RATE
GAP = np.zeros(int(0.3 * RATE), np.float32)

# -- systems ------------------------------------------------------------------------------------------

def project(preset: str, voice: int | None = None):
    """The project's preset; ``voice``: force that shipped target voice (at no formant scale) in place
    of the session's draw (what an attacker who tries every voice does)."""
    def fn(pieces: list[np.ndarray], seed: int) -> list[np.ndarray]:
        m = V.VoiceMasker(preset, RATE, seed=seed)
        if voice is not None:
            m._target[preset] = ((voice + 0.5) / len(knn.default_targets()), 1.0)
            m._engine = m._last_engine = m._new_engine(preset)
        return run_stream(m.process, pieces, m.latency_samples)
    return fn


def vocoder_warp(pieces: list[np.ndarray], seed: int) -> list[np.ndarray]:
    """The previous ``standard``: the same vocoder, the witness's own envelope warped (no target voice)."""
    rng = np.random.default_rng(seed)
    eng = VC.Engine(VC.draw_params("standard", rng), 1, rng)
    return run_stream(lambda b: eng.process(b).astype(np.float32), pieces, 2 * VC.HOP)


def engine_transform(pieces: list[np.ndarray], target_f0: float, alpha: float, seed: int = 0):
    """The attacker's re-synthesis with chosen pitch target and formant warp (no normalisation)."""
    prm = VC.Params(target_f0=target_f0, f0_sigma=0.12, alpha_session=alpha, beta=0.0,
                    ltas_lambda=0.0, lpc_order=16, lifter=60)
    eng = VC.Engine(prm, 1, np.random.default_rng(seed))
    return run_stream(lambda b: eng.process(b).astype(np.float32), pieces, 2 * VC.HOP, warmup=True)


def sox_shift(x: np.ndarray, semitones: float) -> np.ndarray:
    """sox ``pitch`` (WSOLA time-stretch + resample), length kept."""
    pcm = (np.clip(x, -1, 1) * 32767).astype("<i2").tobytes()
    fmt = ["-t", "raw", "-e", "signed", "-b", "16", "-c", "1", "-r", str(RATE)]
    out = subprocess.run(["sox", *fmt, "-", *fmt, "-", "pitch", f"{100 * semitones:.0f}"], input=pcm,
                         capture_output=True, check=True).stdout
    y = np.frombuffer(out, "<i2").astype(np.float32) / 32768
    return np.concatenate([y, np.zeros(max(0, len(x) - len(y)), np.float32)])[: len(x)]


def sox_pitch(pieces: list[np.ndarray], seed: int) -> list[np.ndarray]:
    st = float(np.random.default_rng(seed).uniform(-5, -2))  # one shift per session
    return [sox_shift(p, st) for p in pieces]


def chimera(pieces: list[np.ndarray], seed: int) -> list[np.ndarray]:
    import chimera as ch

    x = np.concatenate([np.concatenate([p, GAP]) for p in pieces]).astype(np.float64)
    res = ch.mask_array(x, RATE, key=f"session-{seed}", preset="strong", mode=ch.types.MaskMode.ALL_SAME)
    y = np.asarray(res.audio, np.float32).reshape(-1)
    y = np.concatenate([y, np.zeros(max(0, len(x) - len(y)), np.float32)])
    out, pos = [], 0
    for p in pieces:
        out.append(y[pos:pos + len(p)])
        pos += len(p) + len(GAP)
    return out


def mcadams_system(pieces: list[np.ndarray], seed: int) -> list[np.ndarray]:
    return [mcadams(p, 0.8) for p in pieces]  # deterministic: a session seed changes nothing


SYSTEMS = {"standard": project("standard"), "strong": project("strong"), "vocoder_warp": vocoder_warp,
           "chimera": chimera, "sox_pitch": sox_pitch, "mcadams": mcadams_system}


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


def eer(enrol: np.ndarray, trial: np.ndarray | None, spk: list[str], scores: np.ndarray | None = None) -> float:
    s = enrol @ trial.T if scores is None else scores
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
        return C._words(h.hypstr) if h is not None else ""


# -- the benchmark ------------------------------------------------------------------------------------

def by_speaker(src: list[np.ndarray], spk: list[str], fn) -> list[np.ndarray]:
    """Apply fn(speaker_index, pieces) per speaker's session; return outputs in utterance order."""
    groups: dict[str, list[int]] = {}
    for i, s in enumerate(spk):
        groups.setdefault(s, []).append(i)
    out: list[np.ndarray] = [np.zeros(0, np.float32)] * len(src)
    for k, idx in enumerate(groups.values()):
        for i, y in zip(idx, fn(k, [src[i] for i in idx]), strict=True):
            out[i] = y
    return out


def inversions(name: str, grid) -> dict:
    """name -> fn(k, pieces): the attacker's inverse transforms for this system."""
    pairs = {(f0, al) for f0 in grid["f0"] for al in grid["alpha"]}
    pairs |= {(150, al) for al in grid.get("alpha_at_150", ())}  # formant scale, at the middle pitch
    inv = {f"resynth f0={f0},alpha={al}": (lambda k, p, f=f0, a=al: engine_transform(p, f, a))
           for f0, al in sorted(pairs)}
    inv.update({f"sox +{s}": (lambda k, p, s=s: [sox_shift(x, s) for x in p]) for s in grid["sox"]})
    if name == "mcadams":
        inv.update({f"mcadams alpha'={a}": (lambda k, p, a=a: [mcadams(x, a) for x in p]) for a in grid["mc"]})
    return inv


def evaluate(utts: list[dict], systems: list[str], emb, rec, seed: int, grid, log, wer_only: bool = False,
             every_voice: bool = True) -> dict:
    spk = [u["speaker"] for u in utts]
    clean = [u["audio"] for u in utts]
    eng = [i for i, u in enumerate(utts) if u["text"] is not None]
    refs = [C._words(utts[i]["text"]) for i in eng]
    hyp_clean = [rec(clean[i]) for i in eng]
    e_clean = emb(clean)
    res: dict = {"unmasked": {"eer": round(eer(e_clean, e_clean, spk), 1),
                              "eer_ci90": eer_ci(e_clean, e_clean, spk),
                              "wer": round(wer(refs, hyp_clean), 1), "relative_wer": 0.0}}
    log(f"  unmasked {res['unmasked']}")
    for name in systems:
        t0 = time.time()
        fn = SYSTEMS[name]
        sess_a = by_speaker(clean, spk, lambda k, p, f=fn: f(p, seed * 1000 + k))
        if wer_only:
            hyp = [rec(sess_a[i]) for i in eng]
            res[name] = {"wer": round(wer(refs, hyp), 1), "relative_wer": round(wer(hyp_clean, hyp), 1)}
            log(f"  {name} {res[name]}")
            continue
        sess_b = by_speaker(clean, spk, lambda k, p, f=fn: f(p, seed * 1000 + 500 + k))
        ea, eb = emb(sess_a), emb(sess_b)
        r = {"eer_ignorant": round(eer(e_clean, ea, spk), 1), "eer_ignorant_ci90": eer_ci(e_clean, ea, spk),
             "eer_lazy_informed": round(eer(ea, eb, spk), 1), "eer_lazy_informed_ci90": eer_ci(ea, eb, spk)}
        if every_voice and name in ("standard", "strong"):  # the attacker enrols with every shipped voice; best score
            sv = np.max(
                [
                    ea
                    @ emb(by_speaker(clean, spk, lambda k, p, v=v, n=name: project(n, v)(p, seed * 1000 + 700 + k))).T
                    for v in range(len(knn.default_targets()))
                ],
                axis=0,
            )
            r["eer_lazy_informed_every_voice"] = round(eer(ea, None, spk, scores=sv), 1)
        embs = {k: emb(by_speaker(sess_a, spk, f)) for k, f in inversions(name, grid).items()}
        scores = {k: eer(e_clean, v, spk) for k, v in embs.items()}
        best = min(scores, key=scores.__getitem__)
        r.update({"eer_inversion": round(scores[best], 1), "eer_inversion_ci90": eer_ci(e_clean, embs[best], spk),
                  "inversion_best": best, "inversion_grid": {k: round(v, 1) for k, v in scores.items()}})
        hyp = [rec(sess_a[i]) for i in eng]
        r["wer"] = round(wer(refs, hyp), 1)
        r["relative_wer"] = round(wer(hyp_clean, hyp), 1)
        r["seconds"] = round(time.time() - t0, 1)
        res[name] = r
        log(f"  {name} { {k: v for k, v in r.items() if k != 'inversion_grid'} }")
    return res


def describe(utts: list[dict]) -> dict:
    spk = sorted({u["speaker"] for u in utts})
    return {"speakers": len(spk), "utterances": len(utts),
            "seconds": round(sum(len(u["audio"]) for u in utts) / RATE, 1),
            "per_speaker": {s: sum(u["speaker"] == s for u in utts) for s in spk},
            "with_transcript": sum(u["text"] is not None for u in utts)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus-dir", help="an unpacked pocketsphinx sdist test/ folder (else pip download)")
    ap.add_argument("--heldout-dir", help="an unpacked klettres-data usr/share/klettres (else apt-get download)")
    ap.add_argument("--sets", default="tuning,heldout")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--systems", default="standard,strong,chimera,sox_pitch,mcadams",
                    help=f"comma-separated, of {','.join(SYSTEMS)}")
    ap.add_argument("--grid", choices=("quick", "default", "full"), default="default",
                    help="inversion grid: quick (3 inverses), default (7), full (29; slow)")
    ap.add_argument("--per-speaker", type=int, default=3, help="held-out utterances per speaker")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--wer-only", action="store_true", help="intelligibility only (no attackers)")
    ap.add_argument("--no-every-voice", action="store_true", help="skip the attacker who tries every voice")
    args = ap.parse_args()
    if torch_threads := os.environ.get("BENCH_TORCH_THREADS"):
        import torch

        torch.set_num_threads(int(torch_threads))
    if not shutil.which("sox"):
        print("voice_privacy_bench: sox is not installed (apt-get install sox)", file=sys.stderr)
        return 2

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    corpora: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        sets = args.sets.split(",")
        if "tuning" in sets:
            corpora["tuning"] = C.build_tuning(args.corpus_dir or C.fetch_pocketsphinx_sdist(tmp))
        if "heldout" in sets:
            corpora["heldout"] = C.build_heldout(args.heldout_dir or C.fetch_klettres(tmp), args.per_speaker)
    grid = {"quick": {"f0": (110, 150), "alpha": (1.0,), "sox": (3,), "mc": (1.25,)},
            "default": {"f0": (110, 150, 200), "alpha": (1.0,), "alpha_at_150": (0.9, 1.12), "sox": (3,),
                        "mc": (1.0, 1.25)},
            "full": {"f0": (100, 125, 150, 185, 230), "alpha": (0.84, 0.92, 1.0, 1.08, 1.18), "sox": (2, 3, 4, 5),
                     "mc": (1.0, 1.1, 1.2, 1.25, 1.3, 1.4)}}[args.grid]
    res: dict = {"attacker": "Resemblyzer 0.1.4 utterance embeddings, cosine; EER over all utterance pairs",
                 "inversion_grid": grid, "corpora": {k: describe(v) for k, v in corpora.items()}}
    log(json.dumps(res["corpora"]))
    emb, rec = Embedder(), Recogniser()
    for name, utts in corpora.items():
        log(name)
        res[name] = evaluate(utts, args.systems.split(","), emb, rec, args.seed, grid, log, args.wer_only,
                             not args.no_every_voice)
    if not args.no_speed:
        import voice_bench as VB

        res["speed_48k"] = VB.speed_table(48_000, args.seed)
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
