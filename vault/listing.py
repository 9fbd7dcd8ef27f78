"""What a vault holds, without a key (``Vault.list`` and ``Vault.info``): each recording's id, times,
meta and size from its signed header (sealed) or ``open.json`` (still being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import IntegrityError
from .format import stream as st
from .format.canonical import load_canonical
from .layout import DATA, HEADER, NON_MEDIA_KINDS, OPEN, RECORDINGS, RecordingInfo, rec_path

if TYPE_CHECKING:
    from .store import Vault


def list_recordings(v: Vault) -> list[RecordingInfo]:
    """Media recordings first (oldest first), then the non-media records (plans, session records); a
    folder the audit trail does not know, or cannot be read, is listed with an ``error`` in its meta."""
    out: list[RecordingInfo] = []
    s = v.storage
    if not s.is_dir(RECORDINGS):
        return out
    known = v.state().recs
    for name in s.listdir(RECORDINGS):
        if not s.is_dir(rec_path(name)):
            continue
        if name not in known:  # planted (or left by a crash before its create entry): never evidence
            out.append(RecordingInfo(name[:32], "", False, {
                "error": "not in the audit trail: quarantined by the next start (run vault verify)"}, 0))
            continue
        try:
            if s.exists(rec_path(name, HEADER)):
                h = load_canonical(s.read(rec_path(name, HEADER)), rec_path(name, HEADER))
                sg = h["signed"]
                meta = dict(sg["meta"])
                meta.setdefault("recipients", sg["recipients"])
                shredded = not any("wrapped" in x for x in h["stanzas"])
                out.append(RecordingInfo(sg["id"], sg["created"], True, meta, sg["plaintext_size"], shredded))
            elif s.exists(rec_path(name, OPEN)):
                o = load_canonical(s.read(rec_path(name, OPEN)), rec_path(name, OPEN))
                meta = dict(o["meta"])
                meta.setdefault("recipients", o["recipients"])
                size = max(0, s.size(rec_path(name, DATA)) - st.FILE_HEADER_LEN) \
                    if s.exists(rec_path(name, DATA)) else 0
                out.append(RecordingInfo(o["id"], o["created"], False, meta, size))
        except (IntegrityError, KeyError, TypeError, OSError):
            out.append(RecordingInfo(name, "", False, {"error": "unreadable (run vault verify)"}, 0))
    out.sort(key=lambda r: (r.meta.get("kind") in NON_MEDIA_KINDS, r.created, r.id))
    return out


def recording_info(v: Vault, rec_id: str) -> dict:
    """The signed header of a sealed recording (its stanzas summarised, no index), or what open.json
    says of one still being written."""
    rec_id = v._resolve(rec_id)
    if v.storage.exists(rec_path(rec_id, HEADER)):
        h = load_canonical(v.storage.read(rec_path(rec_id, HEADER)), rec_path(rec_id, HEADER))
        s = dict(h["signed"])
        s.pop("index", None)
        s["stanzas"] = [{"role": x["role"], "share": x.get("share"), "shredded": "shredded" in x}
                        for x in h["stanzas"]]
        return s
    o = load_canonical(v.storage.read(rec_path(rec_id, OPEN)), rec_path(rec_id, OPEN))
    return {"id": rec_id, "created": o["created"], "sealed": None, "meta": o["meta"],
            "recipients": o["recipients"]}
