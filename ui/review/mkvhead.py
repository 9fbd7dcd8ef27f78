"""Give a live-mode Matroska stream a Duration, in memory, for the player.

The recorder writes into the vault as a non-seekable stream, so FFmpeg's Matroska muxer writes no
Duration (it only leaves a Void after the SeekHead).  QMediaPlayer then reports duration 0, clamps the
position to 0 and cannot seek.  :func:`with_duration` rewrites the first few hundred bytes — shrinks the
Void by 11 bytes and appends a Duration element to the Segment Info in its place — so every later byte
keeps its offset.  Only the bytes handed to the player change; the sealed recording is never touched.
Returns None when the head is not in the expected shape (then the stream is played as it is).
"""

from __future__ import annotations

import struct

EBML_ID = 0x1A45DFA3
SEGMENT_ID = 0x18538067
SEEKHEAD_ID = 0x114D9B74
SEEK_ID = 0x4DBB
SEEKID_ID = 0x53AB
SEEKPOS_ID = 0x53AC
VOID_ID = 0xEC
INFO_ID = 0x1549A966
TIMESTAMP_SCALE_ID = 0x2AD7B1
DURATION_ID = 0x4489
DURATION_LEN = 2 + 1 + 8  # id, size (0x88), float64


def _vint_width(first: int, most: int, what: str) -> int:
    """The length of an EBML variable-size integer from its first byte (the leading zero bits)."""
    width = 1
    while width <= most and not first & (0x80 >> (width - 1)):
        width += 1
    if width > most:
        raise ValueError(f"bad {what}")
    return width


def _read_id(b: bytes, pos: int) -> tuple[int, int]:
    width = _vint_width(b[pos], 4, "element id")
    return int.from_bytes(b[pos:pos + width], "big"), pos + width


def _read_size(b: bytes, pos: int) -> tuple[int, int, int]:
    """(value, width, next position); unknown sizes come back as -1."""
    first = b[pos]
    width = _vint_width(first, 8, "size")
    value = first & (0xFF >> width)
    for x in b[pos + 1:pos + width]:
        value = (value << 8) | x
    if value == (1 << (7 * width)) - 1:
        value = -1
    return value, width, pos + width


def _encode_size(value: int, width: int) -> bytes:
    if value >= (1 << (7 * width)) - 1:
        raise ValueError("size does not fit")
    return ((1 << (7 * width)) | value).to_bytes(width, "big")


def with_duration(head: bytes, seconds: float) -> bytes | None:
    """The patched head (same length as ``head``), or None if it cannot be patched safely."""
    try:
        return _patch(bytearray(head), seconds)
    except (ValueError, IndexError, struct.error):
        return None


def _patch(b: bytearray, seconds: float) -> bytes | None:
    eid, pos = _read_id(b, 0)
    if eid != EBML_ID:
        return None
    size, _, pos = _read_size(b, pos)
    pos += size
    eid, pos = _read_id(b, pos)
    if eid != SEGMENT_ID:
        return None
    _, _, seg_data = _read_size(b, pos)
    elements = []  # (id, start, data start, size, size width)
    pos = seg_data
    while len(elements) < 3:
        start = pos
        eid, p = _read_id(b, pos)
        size, width, data = _read_size(b, p)
        if size < 0:
            return None
        elements.append((eid, start, data, size, width))
        pos = data + size
    (sh_id, sh_start, sh_data, sh_size, _), (v_id, v_start, v_data, v_size, v_width), \
        (i_id, i_start, i_data, i_size, i_width) = elements
    if (sh_id, v_id, i_id) != (SEEKHEAD_ID, VOID_ID, INFO_ID) or i_data + i_size > len(b):
        return None
    # the Info must have no Duration yet; read its timestamp scale
    scale = 1_000_000
    p = i_data
    while p < i_data + i_size:
        eid, q = _read_id(b, p)
        size, _, d = _read_size(b, q)
        if eid == DURATION_ID:
            return None
        if eid == TIMESTAMP_SCALE_ID:
            scale = int.from_bytes(b[d:d + size], "big") or scale
        p = d + size
    new_void_total = (i_start - v_start) - DURATION_LEN
    new_void_size = new_void_total - 1 - v_width
    if new_void_size < 0:
        return None
    info_body = bytes(b[i_data:i_data + i_size]) + DURATION_ID.to_bytes(2, "big") + b"\x88" + \
        struct.pack(">d", seconds * 1e9 / scale)
    new_info = INFO_ID.to_bytes(4, "big") + _encode_size(len(info_body), i_width) + info_body
    new_void = bytes([VOID_ID]) + _encode_size(new_void_size, v_width) + bytes(new_void_size)
    end = i_data + i_size
    if len(new_void) + len(new_info) != end - v_start:
        return None
    b[v_start:end] = new_void + new_info
    # the SeekHead's entry for Info moves 11 bytes earlier
    new_info_rel = (v_start + len(new_void)) - seg_data
    p = sh_data
    while p < sh_data + sh_size:
        eid, q = _read_id(b, p)
        size, _, d = _read_size(b, q)
        if eid == SEEK_ID:
            target, pos_at, pos_len = None, None, 0
            r = d
            while r < d + size:
                cid, s = _read_id(b, r)
                csize, _, cd = _read_size(b, s)
                if cid == SEEKID_ID:
                    target = int.from_bytes(b[cd:cd + csize], "big")
                elif cid == SEEKPOS_ID:
                    pos_at, pos_len = cd, csize
                r = cd + csize
            if target == INFO_ID and pos_at is not None:
                if new_info_rel >= 1 << (8 * pos_len):
                    return None
                b[pos_at:pos_at + pos_len] = new_info_rel.to_bytes(pos_len, "big")
        p = d + size
    return bytes(b)
