"""``testimony-shield mask INPUT -o OUTPUT [--face STYLE|off] [--voice PRESET|off] [--report R.json]``.

Masks faces and/or voices in a recorded file (MKV/MP4/AVI video, WAV/FLAC audio) with
``recording.maskfile.mask_file``.  Prints a one-line JSON summary on stdout; a progress bar goes to
stderr only when stderr is a terminal.  Exit codes: 0 done, 2 bad input (missing, corrupt, nothing to
mask), 1 masking failed, 130 interrupted.  The output appears only when complete (write-then-rename).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

FACE_CHOICES = ("opaque", "silhouette", "pixelate", "blur", "off")


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "mask", help="mask faces and/or voices in a recorded file",
        description="Mask the witness's face (and any other face) and/or voice in a recorded file. "
                    "Frames where the face cannot be confirmed are curtained whole (fail closed). "
                    "pixelate and blur are weaker than opaque/silhouette: they can be reversed by "
                    "re-identification networks.")
    p.add_argument("input", type=Path, metavar="INPUT", help="MKV/MP4/AVI video or WAV/FLAC audio")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUTPUT",
                   help="masked file to write (MKV for video; WAV/FLAC for audio)")
    p.add_argument("--face", choices=FACE_CHOICES, default="opaque",
                   help="face mask style (default opaque; off leaves faces)")
    p.add_argument("--voice", default="off", metavar="PRESET",
                   help="voice-masking preset, or off (default off)")
    p.add_argument("--report", type=Path, default=None, metavar="REPORT.json",
                   help="write per-frame decisions and timings as JSON")
    p.set_defaults(func=run_mask)
    return p


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.t0 = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and (not total or done < total):
            return
        self.last = now
        fps = done / max(1e-6, now - self.t0)
        if total:
            frac = min(1.0, done / total)
            bar = "#" * int(frac * 30)
            self.stream.write(f"\rmasking [{bar:<30}] {done}/{total} frames {fps:5.1f} fps")
        else:
            self.stream.write(f"\rmasking {done} frames {fps:5.1f} fps")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def _fail(code: int, message: str) -> int:
    print(f"testimony-shield mask: {message}", file=sys.stderr)
    return code


def run_mask(args: argparse.Namespace) -> int:
    from recording.errors import MediaFormatError, RecordingError, SourceUnavailable

    face = None if args.face == "off" else args.face
    voice = None if (args.voice or "off").lower() in ("off", "none", "") else args.voice
    src, dst = Path(args.input), Path(args.output)
    if not src.exists():
        return _fail(2, f"input not found: {src}")
    if not src.is_file():
        return _fail(2, f"input is not a file: {src}")
    if face is None and voice is None:
        return _fail(2, "nothing to mask: --face off and --voice off")
    if dst.parent and not dst.parent.exists():
        return _fail(2, f"output folder does not exist: {dst.parent}")
    try:
        if src.resolve() == dst.resolve():
            return _fail(2, "output must not overwrite the input")
    except OSError:
        pass

    from recording.maskfile import mask_file

    progress = _Progress()
    try:
        summary = mask_file(src, dst, face_style=face, voice_preset=voice, report_path=args.report,
                            progress=progress)
    except (SourceUnavailable, MediaFormatError) as exc:
        progress.close()
        return _fail(2, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    except RecordingError as exc:
        progress.close()
        return _fail(1, f"masking failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    except KeyboardInterrupt:
        progress.close()
        return _fail(130, "interrupted; no output written")
    except OSError as exc:
        progress.close()
        return _fail(1, f"cannot write {dst}: {exc.strerror or exc}")
    progress.close()
    print(json.dumps(summary))
    return 0
