"""Derivative recordings: a copy of a (masked) recording with a visible watermark burnt into every
video frame, for a recipient outside the court (e.g. the defence).

``watermark_copy(src, sink, text)`` decodes the first video stream of ``src`` (any readable, seekable
binary file object — in the app the vault's decrypting reader, so nothing is decrypted to disk),
draws a semi-transparent band with ``text`` across the lower part of each frame (OpenCV), re-encodes
the video as H.264 and copies every audio track packet for packet (no re-encoding) with its language
and title.  The output goes to ``sink``, any writable binary file object (in the app the vault's
encrypting writer of a new recording), as live-mode Matroska.  Further video streams and subtitle /
data streams are dropped.  Qt-free and vault-free.

``watermark_transform(text)`` adapts it to the vault's ``export_to(..., transform=...)`` hook.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from fractions import Fraction
from typing import Any, BinaryIO

import numpy as np

from recording.encode.frames import yuv420p_frame
from recording.errors import EncoderError, MediaFormatError

#: The watermark band: from this fraction of the frame height down, this tall (fractions of height).
BAND_TOP = 0.78
BAND_HEIGHT = 0.14
BAND_ALPHA = 0.55  # darkness of the band (0 = invisible, 1 = opaque black)


def watermark_text(case_number: str, recipient: str, date: str) -> str:
    """The standard text: ``CASE T2026-0142 | DEFENCE COPY | 2026-05-01 | DO NOT DISTRIBUTE``."""
    parts = [f"CASE {case_number}" if case_number else "", f"{recipient.upper()} COPY" if recipient else "",
             date, "DO NOT DISTRIBUTE"]
    return " | ".join(p for p in parts if p)


def _ascii(text: str) -> str:
    """OpenCV's Hershey fonts draw ASCII only: transliterate what can be, '?' for the rest."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(c if 32 <= ord(c) < 127 else "?" for c in t) or "?"


def band_rows(height: int) -> tuple[int, int]:
    """First and one-past-last row of the watermark band for a frame ``height`` pixels tall."""
    top = int(height * BAND_TOP)
    return top, min(height, top + max(12, int(height * BAND_HEIGHT)))


def burn_watermark(image: np.ndarray, text: str) -> np.ndarray:
    """Draw the band and ``text`` onto a BGR image (in place; returns it)."""
    import cv2

    h, w = image.shape[:2]
    top, bottom = band_rows(h)
    band = image[top:bottom]
    band[:] = (band.astype(np.float32) * (1.0 - BAND_ALPHA)).astype(np.uint8)
    label = _ascii(text)
    font = cv2.FONT_HERSHEY_SIMPLEX
    # largest scale that fits the band's height and the frame's width
    thickness = max(1, h // 360)
    scale = 1.0
    (tw, th), base = cv2.getTextSize(label, font, scale, thickness)
    scale = min((bottom - top) * 0.6 / max(1, th + base), (w * 0.96) / max(1, tw))
    scale = max(0.25, scale)
    (tw, th), base = cv2.getTextSize(label, font, scale, thickness)
    x = max(2, (w - tw) // 2)
    y = top + ((bottom - top) + th) // 2
    cv2.putText(image, label, (x, y), font, scale, (255, 255, 255), thickness, cv2.LINE_AA)
    return image


def watermark_copy(src: BinaryIO, sink: BinaryIO, text: str, *, preset: str = "veryfast",
                   crf: int = 20, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Copy ``src`` to ``sink`` with ``text`` burnt into every video frame; see the module docstring.
    Returns ``{"frames", "audio_tracks": [{"language", "title", "packets"}], "size": [w, h]}``."""
    import av

    from recording.encode.remux import GuardedReader

    guarded = GuardedReader(src)  # an error of the source (a chunk that fails authentication) never
    try:                          # crosses PyAV's callbacks: it is raised as is, without a traceback print
        summary = _watermark_copy(av, guarded, sink, text, preset, crf, progress)
    except (MediaFormatError, EncoderError):
        guarded.check()
        raise
    guarded.check()
    return summary


def _watermark_copy(av: Any, src: Any, sink: BinaryIO, text: str, preset: str, crf: int,
                    progress: Callable[[int], None] | None) -> dict[str, Any]:
    try:
        inp = av.open(src, "r")
    except av.error.FFmpegError as exc:
        raise MediaFormatError(f"the source is not a readable media file ({type(exc).__name__})") from None
    try:
        if not inp.streams.video:
            raise MediaFormatError("the source has no video stream to watermark")
        vin = inp.streams.video[0]
        vin.thread_type = "AUTO"
        audios = list(inp.streams.audio)
        try:
            out = av.open(sink, "w", format="matroska")
        except av.error.FFmpegError as exc:
            raise EncoderError(f"cannot start the encoder: {exc}") from exc
        try:
            if inp.metadata.get("title"):
                out.metadata["title"] = inp.metadata["title"]
            rate = vin.average_rate or vin.guessed_rate or Fraction(30)
            tb = vin.time_base or Fraction(1, 1000)
            vout = out.add_stream("libx264", rate=rate)
            vout.width, vout.height = vin.codec_context.width, vin.codec_context.height
            vout.pix_fmt = "yuv420p"
            vout.time_base = tb
            vout.codec_context.time_base = tb
            # no B-frames (as the recorder): Matroska stores no DTS, and reordered frames would leave the
            # first packets without one, which a later remux drops
            vout.options = {"preset": preset, "crf": str(crf), "tune": "zerolatency"}
            for k in ("language", "title"):
                if k in vin.metadata:
                    vout.metadata[k] = vin.metadata[k]
            amap = {}
            for a in audios:
                o = out.add_stream_from_template(a)
                for k in ("language", "title"):
                    if k in a.metadata:
                        o.metadata[k] = a.metadata[k]
                amap[a.index] = o
            frames = 0
            last_pts = None
            for packet in inp.demux(vin, *audios):
                if packet.stream.index == vin.index:
                    for f in packet.decode():
                        img = burn_watermark(f.to_ndarray(format="bgr24"), text)
                        vf = yuv420p_frame(img)
                        pts = f.pts if f.pts is not None else (last_pts + 1 if last_pts is not None else 0)
                        if last_pts is not None and pts <= last_pts:
                            pts = last_pts + 1
                        vf.pts, vf.time_base = pts, tb
                        last_pts = pts
                        for p in vout.encode(vf):
                            out.mux(p)
                        frames += 1
                        if progress is not None:
                            progress(frames)
                elif packet.stream.index in amap:
                    if packet.dts is None:
                        continue
                    packet.stream = amap[packet.stream.index]
                    out.mux(packet)
            for p in vout.encode(None):
                out.mux(p)
        except av.error.FFmpegError as exc:
            raise MediaFormatError(f"cannot watermark the recording: {exc}") from exc
        except OSError as exc:
            raise EncoderError(f"cannot write the copy: {exc}") from exc
        finally:
            out.close()
    finally:
        inp.close()
    if frames == 0:
        raise MediaFormatError("no video frame could be decoded from the source")
    return {"frames": frames, "size": [vout.width, vout.height],
            "audio_tracks": [{"language": a.metadata.get("language", "und"), "title": a.metadata.get("title", "")}
                             for a in audios]}


def watermarked_export(text: str, **kw: Any) -> Callable[[BinaryIO, dict, BinaryIO], None]:
    """A plain-export ``writer(reader, meta, out)`` that burns ``text`` into every frame: what a
    share-holder's export goes through (``Vault.export_plain(..., watermark=...)``).  A record without
    video is refused (``MediaFormatError``): never an unmarked copy."""

    def writer(reader: BinaryIO, meta: dict, out: BinaryIO) -> None:
        watermark_copy(reader, out, text, **kw)

    return writer


def watermark_transform(text: str, **kw: Any) -> Callable[[BinaryIO, dict, BinaryIO], dict[str, Any]]:
    """A ``transform(reader, source_meta, writer) -> meta updates`` for ``Vault.export_to``."""

    def transform(reader: BinaryIO, meta: dict, writer: BinaryIO) -> dict[str, Any]:
        summary = watermark_copy(reader, writer, text, **kw)
        return {"watermark": text, "frames": summary["frames"], "derivation": "watermarked-copy"}

    return transform


MATROSKA_MAGIC = b"\x1a\x45\xdf\xa3"


def derivative_transform(case_number: str, recipient: str, date: str,
                         **kw: Any) -> Callable[[BinaryIO, dict, BinaryIO], dict[str, Any]]:
    """The transform for a copy given to ``recipient``: case, recipient and date burnt into every
    video frame.  A source that is not a Matroska file (no video to mark) is copied as is, and says
    so (``derivation: "copy"``); a media file that cannot be decoded is an error, never an unmarked
    copy."""
    import io

    mark = watermark_transform(watermark_text(case_number, recipient, date), **kw)

    def transform(reader: BinaryIO, meta: dict, writer: BinaryIO) -> dict[str, Any]:
        head = reader.read(4)
        reader.seek(0, io.SEEK_SET)
        if head == MATROSKA_MAGIC:
            return mark(reader, meta, writer)
        while b := reader.read(4 << 20):
            writer.write(b)
        return {"derivation": "copy"}

    return transform
