"""Remux a live-mode recording into a finished, seekable Matroska file: cues, duration and chapters
(breaks), every track kept with its language and title, no re-encoding.  Used for exports; the
output is written to ``<out>.partial`` and renamed when complete."""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path
from typing import Any, BinaryIO

import av

from recording.errors import EncoderError, MediaFormatError


def chapters_for(breaks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PyAV chapter dicts (ms time base) from ``[{"title", "start", "end"}]`` in seconds."""
    out = []
    for i, b in enumerate(breaks, start=1):
        start = int(round(float(b["start"]) * 1000))
        end = int(round(float(b.get("end") if b.get("end") is not None else b["start"]) * 1000))
        out.append({"id": i, "start": start, "end": max(end, start + 1), "time_base": Fraction(1, 1000),
                    "metadata": {"title": str(b.get("title", f"Break {i}"))}})
    return out


def probe_duration(src: BinaryIO) -> float | None:
    """Seconds of media in ``src`` (a readable, seekable file object), found by reading every
    packet's timestamp — for live-mode recordings whose header carries no duration (e.g. one recovered
    after a crash).  None when the stream cannot be read.  Leaves ``src`` where it was."""
    start = src.tell()
    end = 0.0
    try:
        src.seek(0)
        with av.open(src, "r") as inp:
            for packet in inp.demux():
                if packet.pts is None or packet.time_base is None:
                    continue
                end = max(end, float((packet.pts + (packet.duration or 0)) * packet.time_base))
    except av.error.FFmpegError:
        return None
    finally:
        src.seek(start)
    return end or None


def remux(src: BinaryIO, out_path: Path, chapters: list[dict[str, Any]] | None = None,
          title: str = "") -> dict[str, Any]:
    """Copy every stream of ``src`` (a readable file object) into ``out_path`` with ``chapters``."""
    out_path = Path(out_path)
    partial = out_path.with_name(out_path.name + ".partial")
    counts: dict[int, int] = {}
    try:
        with av.open(src, "r") as inp, av.open(str(partial), "w", format="matroska") as out:
            mapping = {}
            for s in inp.streams:
                if s.type not in ("video", "audio"):
                    continue
                o = out.add_stream_from_template(s)
                for k in ("language", "title"):
                    if k in s.metadata:
                        o.metadata[k] = s.metadata[k]
                mapping[s.index] = o
            if title:
                out.metadata["title"] = title
            if chapters:
                out.set_chapters(chapters_for(chapters))
            for packet in inp.demux(*[inp.streams[i] for i in mapping]):
                if packet.dts is None:
                    continue
                packet.stream = mapping[packet.stream.index]
                out.mux(packet)
                counts[packet.stream.index] = counts.get(packet.stream.index, 0) + 1
    except av.error.FFmpegError as exc:
        partial.unlink(missing_ok=True)
        raise MediaFormatError(f"cannot remux the recording: {exc}") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise EncoderError(f"cannot write {out_path.name}: {exc.strerror}") from exc
    os.replace(partial, out_path)
    return {"packets": sum(counts.values()), "chapters": len(chapters or [])}


def export_writer(reader: BinaryIO, meta: dict[str, Any], out_path: Path) -> None:
    """A finished, seekable MKV for a plain export: cues, duration, and the breaks as chapters (from
    the sealed metadata).  A recording without media metadata is copied as is."""
    out_path = Path(out_path)
    if "fps" not in meta:
        partial = out_path.with_name(out_path.name + ".partial")
        with open(partial, "wb") as out:
            while b := reader.read(4 << 20):
                out.write(b)
        os.replace(partial, out_path)
        return
    chapters = [dict(c, title=c.get("title") or f"Break {i}") for i, c in enumerate(meta.get("chapters") or [], 1)]
    remux(reader, out_path, chapters, title=f"{meta.get('case_number', '')} ({meta.get('kind', '')})")
