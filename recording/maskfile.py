"""Mask a recorded file: faces (FaceMasker) and voices (VoiceMasker), written with write-then-rename.

``mask_file(input, output, face_style="opaque", voice_preset=None, report_path=None, progress=None)``

* Video files (MKV, MP4, AVI, ...): the first video stream is decoded, run through the FaceMasker and
  encoded as H.264 (libx264 superfast, crf 20 capped at 0.2 bits per pixel, yuv420p); any further video
  streams are dropped (never copied unmasked).
  EVERY audio track is kept: re-encoded to Opus at 48 kHz, language/title metadata kept; with a voice
  preset each track goes through ``recording.masking.voice.VoiceMasker`` (mono), its latency removed
  so sound stays in sync.  Subtitle/data streams are dropped.
* Plain audio files (WAV/FLAC): ``mask_audio_file``: decoded by PyAV, voice-masked, written as mono
  WAV/FLAC at the input's rate and length.

Decoding (with audio), face masking and video encoding run on three threads so they overlap on two
cores (PyAV, onnxruntime and OpenCV release the GIL).  The output is written to ``output + ".partial"``
and renamed into place only when complete; a failure removes the partial file.
Returns a summary dict; ``report_path`` gets the summary plus per-frame decisions and timings as JSON.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import threading
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

from recording.encode.frames import yuv420p_frame
from recording.errors import MaskingError, MediaFormatError, RecordingError, SourceUnavailable
from recording.model import AUDIO_RATE, Decision, Frame

AUDIO_SUFFIXES = {".wav", ".flac"}
VIDEO_TIME_BASE = Fraction(1, 90000)
#: the masked video's bit-rate ceiling (VBV maxrate) in bits per pixel per frame
BITS_PER_PIXEL = 0.2
_CONTAINER_FORMATS = {".mkv": "matroska", ".mka": "matroska", ".webm": "matroska", ".mp4": "mp4",
                      ".mov": "mov", ".avi": "matroska"}
_END = object()


class _Abort(Exception):
    pass


def _container_format(output: Path) -> str:
    return _CONTAINER_FORMATS.get(output.suffix.lower(), "matroska")


class _AudioTrack:
    """Decode -> resample to 48 kHz float -> (voice mask) -> Opus, for one input audio stream."""

    def __init__(self, out, in_stream, voice_preset: str | None):
        import av

        cc = in_stream.codec_context
        channels = cc.layout.nb_channels if cc.layout is not None else 1
        self.layout = "mono" if voice_preset or channels <= 1 else "stereo"
        self.stream = out.add_stream("libopus", rate=AUDIO_RATE)
        self.stream.layout = self.layout
        self.stream.format = "flt"
        self.stream.time_base = Fraction(1, AUDIO_RATE)
        meta = {k: v for k, v in (in_stream.metadata or {}).items() if k.lower() in ("language", "title")}
        for k, v in meta.items():
            self.stream.metadata[k] = v
        self.metadata = meta
        self.resampler = av.AudioResampler(format="flt", layout=self.layout, rate=AUDIO_RATE)
        self.voice = None
        self.skip = 0  # voice-masker latency still to drop from the front
        if voice_preset:
            from recording.masking.voice import VoiceMasker

            self.voice = VoiceMasker(voice_preset, sample_rate=AUDIO_RATE, seed=None)
            self.skip = int(getattr(self.voice, "latency_samples", 0) or 0)
        self.latency = self.skip
        self.samples_in = 0
        self.samples_out = 0

    def _emit(self, samples: np.ndarray, mux) -> None:
        import av

        if samples.size == 0:
            return
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples, np.float32).reshape(1, -1)
                                           if self.layout == "mono" else samples, format="flt",
                                           layout=self.layout)
        frame.sample_rate = AUDIO_RATE
        frame.pts = self.samples_out
        frame.time_base = Fraction(1, AUDIO_RATE)
        self.samples_out += frame.samples
        mux(self.stream.encode(frame))

    def _push(self, frames, mux) -> None:
        for rf in frames:
            data = rf.to_ndarray()  # flt packed: (1, samples * channels)
            if self.layout == "mono":
                block = data.reshape(-1).astype(np.float32, copy=False)
                self.samples_in += block.size
                if self.voice is not None:
                    block = np.asarray(self.voice.process(block), np.float32).reshape(-1)
                    if self.skip:
                        cut = min(self.skip, block.size)
                        block, self.skip = block[cut:], self.skip - cut
                self._emit(block, mux)
            else:
                self.samples_in += data.size // 2
                self._emit(data.reshape(1, -1), mux)

    def feed(self, frame, mux) -> None:
        frame.pts = None  # let the resampler count samples: input timestamps may jump
        self._push(self.resampler.resample(frame), mux)

    def finish(self, mux) -> None:
        self._push(self.resampler.resample(None), mux)
        if self.voice is not None and self.latency:
            # flush the voice masker's delay line so the track keeps its length
            tail = np.asarray(self.voice.process(np.zeros(self.latency, np.float32)), np.float32).reshape(-1)
            if self.skip:
                cut = min(self.skip, tail.size)
                tail, self.skip = tail[cut:], self.skip - cut
            self._emit(tail[: max(0, self.samples_in - self.samples_out)], mux)
        mux(self.stream.encode(None))


def _audio_rate(path: Path) -> int:
    """The sample rate of the first audio stream (PyAV), or MediaFormatError."""
    import av

    try:
        with av.open(str(path)) as c:
            if not c.streams.audio:
                raise MediaFormatError(f"{path.name} has no audio track")
            st = c.streams.audio[0]
            return int(st.rate or st.codec_context.sample_rate)
    except av.error.FFmpegError as exc:
        raise MediaFormatError(f"cannot read {path.name}: not a readable audio file ({exc})") from exc


def _write_mono(path: Path, y: np.ndarray, rate: int, work_rate: int, n: int) -> None:
    """Encode mono float ``y`` (at ``work_rate``) as 16-bit WAV or FLAC at ``rate``, exactly ``n`` samples."""
    import av

    fmt = "wav" if path.suffix.lower() == ".wav" else "flac"
    codec = "pcm_s16le" if fmt == "wav" else "flac"
    pcm = np.clip(y, -1.0, 1.0).astype(np.float32)
    if work_rate != rate:
        rs = av.AudioResampler(format="flt", layout="mono", rate=rate)
        fr = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="flt", layout="mono")
        fr.sample_rate = work_rate
        parts = [o.to_ndarray().reshape(-1) for o in [*rs.resample(fr), *rs.resample(None)]]
        pcm = np.concatenate(parts) if parts else np.zeros(0, np.float32)
    pcm = np.concatenate([pcm[:n], np.zeros(max(0, n - len(pcm)), np.float32)])
    s16 = np.round(np.clip(pcm, -1.0, 1.0) * 32767).astype(np.int16)
    with av.open(str(path), "w", format=fmt) as c:
        st = c.add_stream(codec, rate=rate)
        assert isinstance(st, av.AudioStream)  # pcm_s16le and flac are audio codecs
        st.layout = "mono"
        st.format = "s16"
        for i in range(0, len(s16), 4096):
            frame = av.AudioFrame.from_ndarray(s16[None, i:i + 4096], format="s16", layout="mono")
            frame.sample_rate = rate
            for pkt in st.encode(frame):
                c.mux(pkt)
        for pkt in st.encode(None):
            c.mux(pkt)


def mask_audio_file(input_path, output_path, preset: str, seed: int | None = None) -> dict:
    """Mask the voice in an audio file (anything PyAV decodes); mono WAV/FLAC out at the same rate and
    exactly the same length (the masker's latency is compensated).

    Rates that are not a multiple of 16 kHz are masked at 48 kHz (PyAV's resampler both ways).  The
    output is written to ``output + ".partial"`` and renamed when complete.  The summary holds no
    session parameters.
    """
    from recording.masking.voice import PRESETS, VoiceMasker
    from recording.sources.file import decode_audio_file

    src, dst = Path(input_path), Path(output_path)
    if preset not in PRESETS or preset == "off":
        raise MaskingError(f"unknown voice preset {preset!r}; expected one of {PRESETS[1:]}")
    if dst.suffix.lower() not in AUDIO_SUFFIXES:
        raise MaskingError(f"unsupported audio output {dst.name!r}: use .wav or .flac")
    t0 = time.process_time()
    rate = _audio_rate(src)
    work_rate = rate if rate % 16_000 == 0 else AUDIO_RATE
    x = decode_audio_file(src, work_rate)
    n = int(round(len(x) * rate / work_rate))
    m = VoiceMasker(preset, work_rate, seed)
    lat = m.latency_samples
    padded = np.concatenate([x, np.zeros(lat, np.float32)])
    step = int(0.5 * work_rate) // 960 * 960 or 960
    out = np.concatenate([m.process(padded[i:i + step]) for i in range(0, len(padded), step)] or
                         [np.zeros(0, np.float32)])
    y = out[lat:lat + len(x)]
    tmp = dst.with_name(dst.name + ".partial")
    try:
        _write_mono(tmp, y, rate, work_rate, n)
        os.replace(tmp, dst)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    cpu = time.process_time() - t0
    dur = n / rate if rate else 0.0
    return {"input": str(src), "output": str(dst), "preset": preset, "sample_rate": rate, "samples": n,
            "duration_s": round(dur, 3), "latency_samples_compensated": lat, "cpu_s": round(cpu, 3),
            "rtf": round(cpu / dur, 4) if dur else None}


def _mask_audio_only(input: Path, output: Path, voice_preset: str | None) -> dict:
    if not voice_preset:
        raise MaskingError("an audio file has no face to mask: give a voice preset")
    import wave

    import av

    t0 = time.perf_counter()
    try:
        result = mask_audio_file(str(input), str(output), voice_preset)
    except (av.FFmpegError, wave.Error, EOFError, ValueError) as exc:  # damaged past the first frame
        raise MediaFormatError(f"cannot read {input.name}: not a readable audio file "
                               f"({type(exc).__name__})") from None
    summary = {"input": str(input), "output": str(output), "kind": "audio", "voice": voice_preset,
               "seconds": round(time.perf_counter() - t0, 3)}
    summary.update({k: v for k, v in result.items() if k not in summary})
    return summary


def probe_media(path: Path) -> None:
    """Refuse, with :class:`MediaFormatError`, a file that is not media PyAV can decode (whatever its
    name says): it must hold an audio or video stream whose first frame decodes."""
    import av

    try:
        with av.open(str(path)) as c:
            streams = [st for st in c.streams if st.type in ("audio", "video")]
            if not streams:
                raise MediaFormatError(f"{path.name} has no video or audio stream")
            for _frame in c.decode(streams[0]):
                break
            else:
                raise MediaFormatError(f"{path.name}: no frame can be decoded (empty or damaged)")
    except av.FFmpegError as exc:
        raise MediaFormatError(f"cannot read {path.name}: not a readable media file ({type(exc).__name__})") from None
    except (ValueError, OSError, EOFError) as exc:
        raise MediaFormatError(f"cannot read {path.name}: not a readable media file ({type(exc).__name__})") from None


def mask_file(input, output, face_style: str | None = "opaque", voice_preset: str | None = None,
              report_path=None, progress=None, *, masker=None, x264_preset: str = "superfast",
              crf: int = 20) -> dict:
    """Mask ``input`` into ``output``; see the module docstring.  Returns the summary dict.

    ``face_style`` None leaves faces as they are (voice-only masking); ``masker`` may be a ready
    FaceMasker (tests, benchmarks).  ``progress(done_frames, total_frames_or_None)`` is called from the
    masking thread.
    """
    input, output = Path(input), Path(output)
    if not input.is_file():
        raise SourceUnavailable(f"input file not found: {input}")
    if input.resolve() == output.resolve():
        raise MaskingError("output must not overwrite the input")
    probe_media(input)
    if input.suffix.lower() in AUDIO_SUFFIXES or output.suffix.lower() in AUDIO_SUFFIXES:
        summary = _mask_audio_only(input, output, voice_preset)
        if report_path:
            _write_json(Path(report_path), summary)
        return summary

    import av

    t_start = time.perf_counter()
    try:
        src = av.open(str(input))
    except Exception as exc:
        raise MediaFormatError(f"cannot read {input.name}: not a readable media file ({exc})") from exc
    partial = Path(str(output) + ".partial")
    try:
        summary, per_frame = _run(src, partial, output, input, face_style, voice_preset, progress, masker,
                                  x264_preset, crf)
        os.replace(partial, output)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    finally:
        src.close()
    summary["seconds"] = round(time.perf_counter() - t_start, 3)
    summary["fps"] = round(summary["frames"] / summary["seconds"], 2) if summary["seconds"] else None
    if report_path:
        _write_json(Path(report_path), dict(summary, per_frame=per_frame))
    return summary


def _write_json(path: Path, data: dict) -> None:
    tmp = Path(str(path) + ".partial")
    tmp.write_text(json.dumps(data, indent=1))
    os.replace(tmp, path)


def _run(src, partial: Path, output: Path, input: Path, face_style, voice_preset, progress, masker,
         x264_preset, crf):
    import av

    videos = list(src.streams.video)
    audios = list(src.streams.audio)
    if not videos and not audios:
        raise MediaFormatError(f"{input.name} has no video or audio stream")
    vin = videos[0] if videos else None
    if vin is not None and face_style is not None and masker is None:
        from recording.masking.face import FaceMasker

        masker = FaceMasker(style=face_style)
    if face_style is None:
        masker = None

    out = av.open(str(partial), "w", format=_container_format(output))
    lock = threading.Lock()
    stop = threading.Event()
    errors: list[BaseException] = []

    def mux(packets):
        with lock:
            for p in packets:
                out.mux(p)

    try:
        vout = None
        total = None
        if vin is not None:
            vin.thread_type = "AUTO"
            rate = vin.average_rate or vin.guessed_rate or Fraction(30)
            vout = out.add_stream("libx264", rate=rate)
            vout.width = vin.codec_context.width
            vout.height = vin.codec_context.height
            vout.pix_fmt = "yuv420p"
            vout.time_base = VIDEO_TIME_BASE
            vout.codec_context.time_base = VIDEO_TIME_BASE
            # constant quality, but never more than 0.2 bits per pixel (5.5 Mbit/s at 720p30): a dim,
            # noisy picture otherwise spends 16 Mbit/s and three times the encoder's time on sensor noise
            cap = max(64, round(BITS_PER_PIXEL * vout.width * vout.height * float(rate) / 1000))
            vout.options = {"preset": x264_preset, "crf": str(crf), "maxrate": f"{cap}k", "bufsize": f"{2 * cap}k"}
            if vin.frames:
                total = vin.frames
            elif vin.duration and vin.time_base:
                total = int(float(vin.duration * vin.time_base) * float(rate))
            elif src.duration:
                total = int(src.duration / 1_000_000 * float(rate))
        tracks = {s.index: _AudioTrack(out, s, voice_preset) for s in audios}
        if vout is not None and vout.width % 2 or vout is not None and vout.height % 2:
            raise MediaFormatError("video width and height must be even for H.264 yuv420p")

        q_in: queue.Queue = queue.Queue(maxsize=8)
        q_out: queue.Queue = queue.Queue(maxsize=8)

        def put(q, item):
            while not stop.is_set():
                try:
                    q.put(item, timeout=0.2)
                    return
                except queue.Full:
                    continue
            raise _Abort

        def get(q):
            while not stop.is_set():
                try:
                    return q.get(timeout=0.2)
                except queue.Empty:
                    continue
            raise _Abort

        def reader():
            try:
                streams = ([vin] if vin is not None else []) + audios
                index = 0
                for packet in src.demux(*streams):
                    if stop.is_set():
                        return
                    if vin is not None and vout is not None and packet.stream.index == vin.index:
                        for f in packet.decode():
                            t = f.time if f.time is not None else index / float(vout.average_rate or 30)
                            put(q_in, (index, t, f.to_ndarray(format="bgr24")))
                            index += 1
                    elif packet.stream.index in tracks:
                        track = tracks[packet.stream.index]
                        for f in packet.decode():
                            track.feed(f, mux)
                for track in tracks.values():
                    track.finish(mux)
            except _Abort:
                return
            except BaseException as exc:
                errors.append(exc)
                stop.set()
            finally:
                with contextlib.suppress(_Abort):
                    put(q_in, _END)

        def encoder(vs: av.VideoStream):
            try:
                last_pts = -1
                while True:
                    item = get(q_out)
                    if item is _END:
                        break
                    t, image = item
                    vf = yuv420p_frame(image)
                    pts = int(round(t / VIDEO_TIME_BASE))
                    pts = max(pts, last_pts + 1)  # monotonic even when input timestamps are not
                    last_pts = pts
                    vf.pts = pts
                    vf.time_base = VIDEO_TIME_BASE
                    mux(vs.encode(vf))
                mux(vs.encode(None))
            except _Abort:
                return
            except BaseException as exc:
                errors.append(exc)
                stop.set()

        threads = [threading.Thread(target=reader, name="mask-read", daemon=True)]
        if vout is not None:
            threads.append(threading.Thread(target=encoder, args=(vout,), name="mask-encode", daemon=True))
        for th in threads:
            th.start()

        per_frame: list[dict] = []
        decisions: dict[str, int] = {}
        frames = 0
        t0 = None
        try:
            while vout is not None:
                item = get(q_in)
                if item is _END:
                    break
                index, t, image = item
                if t0 is None:
                    t0 = t
                t = max(0.0, t - t0)
                ts = time.perf_counter()
                if masker is not None:
                    masked, decision = masker.process(Frame(image, t, index))
                    info = dict(masker.last)
                else:
                    masked, decision, info = image, None, {}
                row = {"index": index, "pts": round(t, 4),
                       "decision": decision.value if decision else "unmasked",
                       "ms": round((time.perf_counter() - ts) * 1000, 2)}
                if info.get("detected"):
                    row["detect_ms"] = round(info.get("detect_ms", 0.0), 2)
                if info.get("boxes"):
                    row["boxes"] = info["boxes"]
                if info.get("reason"):
                    row["reason"] = info["reason"]
                per_frame.append(row)
                decisions[row["decision"]] = decisions.get(row["decision"], 0) + 1
                frames += 1
                put(q_out, (t, masked))
                if progress is not None:
                    progress(frames, total)
            if vout is not None:
                put(q_out, _END)
        except _Abort:
            pass
        except BaseException:
            stop.set()
            raise
        finally:
            for th in threads:
                th.join(timeout=None if not stop.is_set() else 10)
        if errors:
            exc = errors[0]
            if isinstance(exc, RecordingError):
                raise exc
            if isinstance(exc, av.FFmpegError | EOFError | ValueError):
                raise MediaFormatError(f"{input.name}: corrupt or unsupported media ({exc})") from exc
            raise exc
        if vin is not None and frames == 0:
            raise MediaFormatError(f"{input.name}: no video frame could be decoded")
    finally:
        with lock:
            out.close()

    summary = {
        "input": str(input),
        "output": str(output),
        "face": face_style,
        "voice": voice_preset,
        "frames": frames,
        "decisions": decisions,
        "curtained_frames": decisions.get(Decision.CURTAINED.value, 0),
        "video_streams_dropped": max(0, len(videos) - 1),
        "audio_tracks": [
            {"index": i, "layout": tr.layout, "samples": tr.samples_out, "metadata": tr.metadata}
            for i, tr in tracks.items()
        ],
    }
    if vin is not None and vout is not None:
        summary["size"] = [vout.width, vout.height]
    return summary, per_frame
