"""How this desktop exports a sealed recording, one policy for the judge's window and for
``testimony-shield vault export``:

- a copy for another role carries a watermark (case, recipient and date burnt into every frame,
  :func:`recording.encode.derive.derivative_transform`); a copy for the judge may go without one;
- a plain file is remuxed into a finished, seekable MKV with the breaks as chapters
  (:func:`recording.encode.remux.export_writer`).

The media modules load on first use (they import PyAV/OpenCV; the windows start without them)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

#: ``transform(reader, source_meta, writer) -> meta updates`` for ``Vault.export_to``
Transform = Callable[[BinaryIO, dict, BinaryIO], dict[str, Any]]


class ExportPolicy:
    def copy_transform(self, meta: Mapping[str, Any], role: str, date: str | None = None) -> Transform:
        """The watermark for a copy of the recording with ``meta`` given to ``role`` (today, UTC)."""
        from recording.encode.derive import derivative_transform

        return derivative_transform(str(meta.get("case_number", "")), role,
                                    date or _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d"))

    def write_plain(self, reader: BinaryIO, meta: dict[str, Any], out: BinaryIO | Path) -> None:
        """``Vault.export_plain``'s writer: the decrypted media as a finished MKV with chapters, into
        ``out`` (the new private file the vault made; a path is written privately too)."""
        from recording.encode.remux import export_writer

        export_writer(reader, meta, out)

    def watermarked_plain(self, text: str) -> Callable[[BinaryIO, dict[str, Any], BinaryIO], None]:
        """``Vault.export_plain``'s writer for a share-holder (the defence during a share): ``text``
        (case, role, date) burnt into every frame; a record without video is refused."""
        from recording.encode.derive import watermarked_export

        return watermarked_export(text)


EXPORT_POLICY = ExportPolicy()
