"""Remux a live-mode recording into a finished, seekable Matroska file: cues, duration and chapters
(breaks), every track kept with its language and title, no re-encoding.  Used for exports.

The output is either a binary file object the caller owns (the vault's export creates it private and
removes it on failure), or a path: then it is written to ``<out>.partial`` — created 0600 from its
first byte, never following a link — and renamed when complete; on any failure it is removed.

The source is read through :class:`GuardedReader`: an exception in the source (a chunk that fails
authentication) never crosses PyAV's I/O callbacks, which would print it with a traceback; it ends
the input instead and is raised again, unchanged, once PyAV has let go.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import av

from common.atomic import private_output
from recording.errors import EncoderError, MediaFormatError

if TYPE_CHECKING:  # a TypedDict of PyAV's stubs only
    from av.container.core import Chapter


def chapters_for(breaks: list[dict[str, Any]]) -> list[Chapter]:
    """PyAV chapter dicts (ms time base) from ``[{"title", "start", "end"}]`` in seconds (an open
    break, ``end`` None, lasts 1 ms)."""
    out: list[Chapter] = []
    for i, b in enumerate(breaks, start=1):
        start = int(round(float(b["start"]) * 1000))
        end_s = b.get("end")
        end = int(round(float(end_s if end_s is not None else b["start"]) * 1000))
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


class GuardedReader:
    """A read-only view of ``src`` for PyAV that never raises into PyAV: the first exception of the
    source is kept (and the input ends there) for :meth:`check` to raise once PyAV returns."""

    def __init__(self, src: BinaryIO) -> None:
        self._src = src
        self.error: BaseException | None = None

    def read(self, n: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            return self._src.read(n)
        except BaseException as exc:
            self.error = exc
            return b""

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if self.error is not None:
            return self._safe_tell()
        try:
            return self._src.seek(offset, whence)
        except BaseException as exc:
            self.error = exc
            return self._safe_tell()

    def _safe_tell(self) -> int:
        try:
            return self._src.tell()
        except BaseException:
            return 0

    def tell(self) -> int:
        return self._safe_tell()

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def check(self) -> None:
        if self.error is not None:
            raise self.error


def _remux_into(src: BinaryIO, out: BinaryIO, chapters: list[dict[str, Any]] | None, title: str,
                counts: dict[int, int]) -> None:
    guarded = GuardedReader(src)
    try:
        with av.open(guarded, "r") as inp, av.open(out, "w", format="matroska") as o:
            mapping = {}
            for s in inp.streams:
                if s.type not in ("video", "audio"):
                    continue
                ost = o.add_stream_from_template(s)
                for k in ("language", "title"):
                    if k in s.metadata:
                        ost.metadata[k] = s.metadata[k]
                mapping[s.index] = ost
            if title:
                o.metadata["title"] = title
            if chapters:
                o.set_chapters(chapters_for(chapters))
            for packet in inp.demux(*[inp.streams[i] for i in mapping]):
                if packet.dts is None:
                    continue
                packet.stream = mapping[packet.stream.index]
                o.mux(packet)
                counts[packet.stream.index] = counts.get(packet.stream.index, 0) + 1
    except av.error.FFmpegError as exc:
        guarded.check()  # the source's own error (e.g. a chunk failed authentication) comes first
        raise MediaFormatError(f"cannot remux the recording ({type(exc).__name__})") from None
    except OSError as exc:
        guarded.check()
        raise EncoderError(f"cannot write the export: {exc.strerror or type(exc).__name__}") from None
    guarded.check()


def remux(src: BinaryIO, out: Path | BinaryIO, chapters: list[dict[str, Any]] | None = None,
          title: str = "") -> dict[str, Any]:
    """Copy every stream of ``src`` (a readable file object) into ``out`` (a path, or a binary file
    object the caller owns) with ``chapters``."""
    counts: dict[int, int] = {}
    if isinstance(out, (str, os.PathLike)):
        with private_output(Path(out)) as f:
            _remux_into(src, f, chapters, title, counts)
    else:
        _remux_into(src, out, chapters, title, counts)
    return {"packets": sum(counts.values()), "chapters": len(chapters or [])}


def copy_plain(reader: BinaryIO, out: BinaryIO) -> None:
    """Copy a document's plaintext as is (no media metadata)."""
    while b := reader.read(4 << 20):
        out.write(b)


def export_writer(reader: BinaryIO, meta: dict[str, Any], out: Path | BinaryIO) -> None:
    """A finished, seekable MKV for a plain export: cues, duration, and the breaks as chapters (from
    the sealed metadata).  A recording without media metadata is copied as is.  ``out``: a binary
    file object (the vault's export owns it) or a path (written private, removed on failure)."""
    if isinstance(out, (str, os.PathLike)):
        with private_output(Path(out)) as f:
            export_writer(reader, meta, f)
        return
    if "fps" not in meta:
        copy_plain(reader, out)
        return
    chapters = [dict(c, title=c.get("title") or f"Break {i}") for i, c in enumerate(meta.get("chapters") or [], 1)]
    remux(reader, out, chapters, title=f"{meta.get('case_number', '')} ({meta.get('kind', '')})")


#: what the vault's plain export calls: ``writer(reader, meta, out)``
ExportWriter = Callable[[BinaryIO, dict[str, Any], BinaryIO], None]
