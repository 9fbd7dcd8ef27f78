"""Delivery bundles: a remote witness station's own recordings, carried to the court's vault.

The witness station records its hearing locally at full quality, encrypted to the COURT vault's
roles (``Vault.create_recording(..., recipient_keys=...)``: the station cannot read it back).  After
the hearing :func:`export_bundle` packs the sealed recordings — their signed headers and encrypted
streams, byte for byte — into one file signed with the station's key; the court's clerk imports it
(:func:`import_bundle`, ``testimony-shield vault import``).  Nothing is decrypted on either side: the
court vault adopts the ciphertext under the same recording id, with a header its own station signs.

Format ``testimony-shield/delivery-bundle`` version 1 (docs/delivery.md)::

    MAGIC (b"TSBUNDLE\\x01\\n")
    u32 BE n || manifest (n bytes, canonical JSON):
        {"format", "version", "body": {...}, "signature": hex Ed25519(station, CONTEXT || cjson(body))}
    for each body.recordings[i], in order: header.json bytes (header_size), data.tsv bytes (data_size)

Import refuses (:class:`BundleRefused`, nothing written) a bundle that is malformed, truncated or
padded, signed by another key than the witness station the court admitted for that hearing (the
court's received recording and session record name it), meant for another vault, or whose headers,
stanzas or streams do not match (every record hash and the stream root are checked; the headers'
signatures too).  A recording already imported is reported, not imported twice.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import jsonio
from common.atomic import private_output

from .errors import VaultError
from .format import recipients as rcp
from .format import stream as st
from .format.canonical import b64d, cjson, load_canonical, sha256_hex
from .keys import fingerprint, verify_sig
from .layout import DATA, HEADER, OPEN, OPEN_FORMAT, header_message, rec_path, unpack_index

BUNDLE_FORMAT = "testimony-shield/delivery-bundle"
BUNDLE_VERSION = 1
MAGIC = b"TSBUNDLE\x01\n"
CONTEXT = b"testimony-shield delivery-bundle v1\n"
MAX_MANIFEST = 256 * 1024
MAX_HEADER = 4 * 1024 * 1024
MAX_RECORDINGS = 16
#: a bundle fetched from a store inbox is refused above this size (a few hours of 1080p masked + raw)
MAX_BUNDLE_DOWNLOAD = 64 << 30
#: the roles a delivered recording may be encrypted to (never a two-person group: the witness station
#: records masked → judge, clerk and raw → judge)
DELIVERY_ROLES = ("judge", "clerk")
_U32 = struct.Struct(">I")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_BODY = {"from", "to", "link_session", "case_number", "created", "recordings"}
_REC = {"id", "kind", "header_size", "header_sha256", "data_size", "root"}


class BundleRefused(VaultError):
    """The bundle is not one this vault accepts; the message says why.  Nothing was imported."""

    exit_code = 11


@dataclass
class BundleRecording:
    id: str
    kind: str
    header: dict
    header_bytes: bytes
    data_offset: int
    data_size: int
    lens: list[int]
    hashes: list[bytes]


# -- export (the witness station) ---------------------------------------------------------------------


def deliverable(vault: Any, link_session: str) -> list[str]:
    """The sealed recordings of hearing ``link_session`` this vault holds for another vault."""
    out = []
    for r in vault.list():
        m = r.meta
        if r.sealed and not r.shredded and m.get("link_session") == link_session and m.get("deliver_to"):
            out.append(r.id)
    return out


def export_bundle(vault: Any, rec_ids: list[str], out: Path | str, signer: Any) -> dict[str, Any]:
    """Write the bundle of ``rec_ids`` (sealed, all for one court vault and one hearing) to ``out``
    (atomically, readable by the owner only), signed with ``signer`` (this vault's station identity).
    Returns the manifest's body."""
    if not rec_ids:
        raise VaultError("nothing to deliver: no recording of this hearing is waiting for the court")
    recs, to, session, case = [], None, None, None
    parts: list[tuple[bytes, str]] = []
    for rid in rec_ids:
        hb = vault.storage.read(rec_path(rid, HEADER))
        header = load_canonical(hb, rec_path(rid, HEADER))
        signed = header["signed"]
        meta = signed["meta"]
        to = to or meta.get("deliver_to")
        session = session or meta.get("link_session")
        case = case or meta.get("case_number", "")
        if meta.get("deliver_to") != to or meta.get("link_session") != session:
            raise VaultError("these recordings are not all of one hearing for one court")
        data = rec_path(rid, DATA)
        size = vault.storage.size(data)
        if size != signed["data_size"]:
            raise VaultError(f"recording {rid} is not sealed completely (its stream has another size)")
        recs.append({"id": rid, "kind": str(meta.get("kind", "")), "header_size": len(hb),
                     "header_sha256": sha256_hex(hb), "data_size": size, "root": signed["root"]})
        parts.append((hb, data))
    body = {"from": {"vault": vault.id, "station_key": signer.ed25519_public.hex()}, "to": {"vault": to},
            "link_session": session, "case_number": case, "created": _now(), "recordings": recs}
    manifest = cjson({"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "body": body,
                      "signature": signer.sign(CONTEXT + cjson(body)).hex()})
    out = Path(out)
    # a private partial file beside the bundle, renamed when complete (a stale one is never reused)
    with private_output(out, out.with_name(f".{out.name}.{secrets.token_hex(4)}.partial")) as f:
        f.write(MAGIC + _U32.pack(len(manifest)) + manifest)
        for hb, data in parts:
            f.write(hb)
            blob = vault.storage.open_blob(data)
            try:
                pos, size = 0, blob.size()
                while pos < size:
                    chunk = blob.pread(min(1 << 20, size - pos), pos)
                    if not chunk:
                        raise VaultError(f"{data}: shorter than its header says")
                    f.write(chunk)
                    pos += len(chunk)
            finally:
                blob.close()
    return body


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# -- import (the court) -------------------------------------------------------------------------------


def read_manifest(f: Any, size: int) -> tuple[dict[str, Any], int]:
    """The bundle's manifest and the offset of its first header (BundleRefused when malformed)."""
    head = f.read(len(MAGIC) + 4)
    if len(head) < len(MAGIC) + 4 or head[:len(MAGIC)] != MAGIC:
        raise BundleRefused("this file is not a Testimony Shield delivery bundle")
    (n,) = _U32.unpack(head[len(MAGIC):])
    if not 2 <= n <= MAX_MANIFEST or len(MAGIC) + 4 + n > size:
        raise BundleRefused("the bundle's manifest is malformed or truncated")
    raw = f.read(n)
    try:
        doc = jsonio.loads(raw, max_bytes=MAX_MANIFEST, max_depth=8)
    except ValueError as exc:
        raise BundleRefused(f"the bundle's manifest is not readable ({exc})") from None
    if not isinstance(doc, dict) or set(doc) != {"format", "version", "body", "signature"} \
            or doc["format"] != BUNDLE_FORMAT:
        raise BundleRefused("the bundle's manifest is malformed")
    if doc["version"] != BUNDLE_VERSION or isinstance(doc["version"], bool):
        raise BundleRefused(f"delivery bundle version {doc['version']!r} is not supported")
    if cjson(doc) != raw:
        raise BundleRefused("the bundle's manifest is not in canonical form (changed after it was written)")
    return doc, len(MAGIC) + 4 + n


def _check_body(doc: dict[str, Any]) -> dict[str, Any]:
    body = doc["body"]
    if not isinstance(body, dict) or set(body) != _BODY:
        raise BundleRefused("the bundle's manifest is malformed (unknown or missing fields)")
    frm, to = body["from"], body["to"]
    if not isinstance(frm, dict) or set(frm) != {"vault", "station_key"} or not isinstance(to, dict) \
            or set(to) != {"vault"}:
        raise BundleRefused("the bundle's manifest names no valid sender or recipient")
    for v, pat in ((frm["vault"], _HEX32), (frm["station_key"], _HEX64), (to["vault"], _HEX32),
                   (body["link_session"], _HEX32)):
        if not isinstance(v, str) or not pat.match(v):
            raise BundleRefused("the bundle's manifest is malformed (an id or key)")
    sig = doc["signature"]
    if not isinstance(sig, str) or not re.fullmatch(r"[0-9a-f]{128}", sig) or not verify_sig(
            bytes.fromhex(frm["station_key"]), bytes.fromhex(sig), CONTEXT + cjson(body)):
        raise BundleRefused("the bundle's signature does not verify: it was changed after the witness station "
                            "signed it")
    recs = body["recordings"]
    if not isinstance(recs, list) or not 1 <= len(recs) <= MAX_RECORDINGS:
        raise BundleRefused("the bundle lists no recordings (or too many)")
    seen = set()
    for r in recs:
        if not isinstance(r, dict) or set(r) != _REC or not isinstance(r["id"], str) or not _HEX16.match(r["id"]) \
                or r["id"] in seen or not isinstance(r["kind"], str) or len(r["kind"]) > 40:
            raise BundleRefused("a recording in the bundle's manifest is malformed")
        seen.add(r["id"])
        for k, hi in (("header_size", MAX_HEADER), ("data_size", 1 << 50)):
            if not isinstance(r[k], int) or isinstance(r[k], bool) or not 0 < r[k] <= hi:
                raise BundleRefused("a recording in the bundle's manifest has an impossible size")
        for k in ("header_sha256", "root"):
            if not isinstance(r[k], str) or not _HEX64.match(r[k]):
                raise BundleRefused("a recording in the bundle's manifest is malformed")
    return body


def _scan(fd: int, offset: int, size: int, what: str) -> tuple[bytes, list[int], list[bytes]]:
    """Key-less check of one stream inside the bundle: the file header, every record's hash."""
    if size < st.FILE_HEADER_LEN:
        raise BundleRefused(f"{what}: the stream is truncated")
    fhdr = os.pread(fd, st.FILE_HEADER_LEN, offset)
    lens: list[int] = []
    hashes: list[bytes] = []
    off = st.FILE_HEADER_LEN
    while off < size:
        if size - off < st.PREFIX_LEN:
            raise BundleRefused(f"{what}: record {len(lens)} is torn")
        prefix = os.pread(fd, st.PREFIX_LEN, offset + off)
        (n,) = _U32.unpack(prefix)
        if n < st.TAG_LEN or n > st.MAX_RECORD_CT or off + st.PREFIX_LEN + n + st.HASH_LEN > size:
            raise BundleRefused(f"{what}: record {len(lens)} has an impossible length")
        h = hashlib.sha256(prefix)
        pos, left = offset + off + st.PREFIX_LEN, n
        while left:
            piece = os.pread(fd, min(left, 1 << 20), pos)
            if not piece:
                raise BundleRefused(f"{what}: the stream is truncated")
            h.update(piece)
            pos += len(piece)
            left -= len(piece)
        want = os.pread(fd, st.HASH_LEN, pos)
        if not hmac.compare_digest(h.digest(), want):
            raise BundleRefused(f"{what}: record {len(lens)} fails its hash (damaged or changed)")
        lens.append(n)
        hashes.append(want)
        off += st.PREFIX_LEN + n + st.HASH_LEN
    return fhdr, lens, hashes


def check_bundle(path: Path | str, vault_id: str, roles: list[str],
                 station_key_for: Any) -> tuple[dict[str, Any], list[BundleRecording], str]:
    """Check the whole bundle at ``path`` for the vault ``vault_id`` (with ``roles``) without writing
    anything.  ``station_key_for(link_session)`` gives the witness station key the court admitted for
    that hearing (hex), or "" when this vault has no such hearing.  Returns (body, recordings, sha256
    of the whole file)."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise BundleRefused(f"cannot read the bundle {path.name}: {exc.strerror}") from None
    try:
        size = os.fstat(fd).st_size
        with os.fdopen(os.dup(fd), "rb") as f:
            doc, off = read_manifest(f, size)
        body = _check_body(doc)
        if body["to"]["vault"] != vault_id:
            raise BundleRefused("this bundle is for another court's vault")
        pinned = station_key_for(body["link_session"])
        if not pinned:
            raise BundleRefused("this vault has no hearing with the bundle's link session: import it into the "
                                "vault of the court station that ran the hearing")
        if not hmac.compare_digest(pinned.encode(), body["from"]["station_key"].encode()):
            raise BundleRefused("the bundle is signed by a station other than the witness station the court "
                                "admitted for this hearing")
        key = bytes.fromhex(body["from"]["station_key"])
        total = off + sum(r["header_size"] + r["data_size"] for r in body["recordings"])
        if total != size:
            raise BundleRefused("the bundle is truncated or has extra bytes")
        out = []
        for r in body["recordings"]:
            what = f"recording {r['id']}"
            hb = os.pread(fd, r["header_size"], off)
            if sha256_hex(hb) != r["header_sha256"]:
                raise BundleRefused(f"{what}: its header differs from the manifest")
            header = _check_header(hb, r, body, key, vault_id, roles, what)
            off += r["header_size"]
            fhdr, lens, hashes = _scan(fd, off, r["data_size"], what)
            signed = header["signed"]
            if b64d(signed["stream_header"]) != fhdr or st.parse_file_header(fhdr, what)[0] != r["id"]:
                raise BundleRefused(f"{what}: the stream is not the one its header names")
            if lens != unpack_index(signed["index"]) or st.root_hash(fhdr, hashes) != signed["root"] \
                    or signed["root"] != r["root"] or signed["data_size"] != r["data_size"]:
                raise BundleRefused(f"{what}: the stream does not match its signed header")
            out.append(BundleRecording(r["id"], r["kind"], header, hb, off, r["data_size"], lens, hashes))
            off += r["data_size"]
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
        return body, out, digest.hexdigest()
    finally:
        os.close(fd)


def _check_header(hb: bytes, r: dict[str, Any], body: dict[str, Any], key: bytes, vault_id: str,
                  roles: list[str], what: str) -> dict[str, Any]:
    try:
        header = load_canonical(hb, what)
        signed, sig, stanzas = header["signed"], b64d(header["sig"]), header["stanzas"]
        ok = set(header) == {"signed", "sig", "stanzas"} and verify_sig(key, sig, header_message(signed))
    except (VaultError, KeyError, TypeError, ValueError):
        raise BundleRefused(f"{what}: its header is malformed") from None
    if not ok:
        raise BundleRefused(f"{what}: its header is not signed by the witness station")
    try:
        meta = signed["meta"]
        if signed["id"] != r["id"] or signed["vault"] != body["from"]["vault"] \
                or signed["key"] != fingerprint(key) or signed["signer"] != "station":
            raise BundleRefused(f"{what}: its header belongs to another recording or station")
        if meta.get("deliver_to") != vault_id or meta.get("link_session") != body["link_session"]:
            raise BundleRefused(f"{what}: it was not recorded for this court's hearing")
        recipients = signed["recipients"]
        if (
            not isinstance(recipients, list)
            or not recipients
            or any(x not in DELIVERY_ROLES or x not in roles for x in recipients)
            or len(set(recipients)) != len(recipients)
        ):
            raise BundleRefused(f"{what}: it is encrypted to roles this vault does not give it to")
        if not isinstance(stanzas, list) or [s.get("role") for s in stanzas] != recipients \
                or any(s.get("share") != "full" or s.get("type") != "x25519" for s in stanzas) \
                or [rcp.stanza_digest(s) for s in stanzas] != signed["stanza_digests"]:
            raise BundleRefused(f"{what}: its key stanzas do not match its signed header")
        if not isinstance(signed["commitment"], str) or not _HEX64.match(signed["commitment"]) \
                or signed["recovered"] not in (True, False):
            raise BundleRefused(f"{what}: its header is malformed")
    except (KeyError, TypeError, AttributeError):
        raise BundleRefused(f"{what}: its header is malformed") from None
    return header


def iter_data(path: Path | str, rec: BundleRecording) -> Iterator[bytes]:
    with open(path, "rb") as f:
        f.seek(rec.data_offset)
        left = rec.data_size
        while left:
            chunk = f.read(min(left, 1 << 20))
            if not chunk:
                raise BundleRefused("the bundle changed while it was being imported")
            left -= len(chunk)
            yield chunk


def hearing_station_key(vault: Any, link_session: str) -> str:
    """The witness station key the court admitted for hearing ``link_session`` (hex), from the clear
    metadata of the court's received recording or session record; "" when there is none."""
    for r in vault.list():
        m = r.meta
        if m.get("link_session") == link_session and isinstance(m.get("witness_station_key"), str):
            return str(m["witness_station_key"])
    return ""


@dataclass
class ImportResult:
    imported: list[str]
    already: list[str]
    link_session: str
    case_number: str
    received: list[str]


def import_bundle(vault: Any, path: Path | str, signer_passphrase: str | None = None,
                  inbox_object: str = "") -> ImportResult:
    """Check the bundle at ``path`` completely, then adopt its recordings into ``vault`` under their
    own ids (the ciphertext byte for byte; a new header signed by this vault's station; audited
    ``create`` + ``seal`` with ``imported`` details).  BundleRefused before anything is written."""
    from .audit import now_iso
    from .format.canonical import dump_canonical
    from .fsutil import disk_errors, fsync_dir
    from .writer import SealInput

    body, recs, digest = check_bundle(path, vault.id, vault.roles(), lambda ls: hearing_station_key(vault, ls))
    signer = vault._signer(signer_passphrase)
    listing = {r.id: r for r in vault.list()}
    received = [r.id for r in listing.values() if r.meta.get("link_session") == body["link_session"]
                and r.meta.get("kind") == "received-masked"]
    result = ImportResult([], [], body["link_session"], str(body["case_number"]), received)
    for rec in recs:
        have = listing.get(rec.id)
        if have is not None:
            if have.meta.get("imported", {}).get("root") == rec.header["signed"]["root"]:
                result.already.append(rec.id)
                continue
            raise BundleRefused(f"recording {rec.id}: this vault already holds another recording with this id")
        if vault.storage.exists(rec_path(rec.id)) or vault.spool.exists(rec_path(rec.id)):
            raise BundleRefused(f"recording {rec.id}: an unfinished import left its folder: run "
                                "`vault verify` and remove it, then import again")
    for rec in recs:
        if rec.id in result.already:
            continue
        signed = rec.header["signed"]
        meta = dict(signed["meta"])
        meta["imported"] = {"from_vault": body["from"]["vault"], "station_key": body["from"]["station_key"],
                            "bundle_sha256": digest, "header_sha256": sha256_hex(rec.header_bytes),
                            "root": signed["root"], "recorded_created": signed["created"],
                            "recovered_at_station": signed["recovered"], "imported_at": now_iso()}
        if inbox_object:  # fetched from the court store's inbox: which object (and version) it was
            meta["imported"]["inbox_object"] = inbox_object
        if received:
            meta["received_recording"] = received[0]
        fhdr = b64d(signed["stream_header"])
        open_obj = {"format": OPEN_FORMAT, "vault": vault.id, "id": rec.id, "created": signed["created"],
                    "chunk_size": signed["chunk_size"], "stream_header": signed["stream_header"],
                    "commitment": signed["commitment"], "recipients": list(signed["recipients"]),
                    "stanzas": rec.header["stanzas"], "meta": meta}
        folder = vault.spool.path(rec_path(rec.id))
        with disk_errors(rec_path(rec.id)):
            folder.mkdir(parents=True)
            fd = os.open(folder / DATA, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                for chunk in iter_data(path, rec):
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
            # the copy is checked again (the bundle could have changed since it was checked)
            rfd = os.open(folder / DATA, os.O_RDONLY)
            try:
                lens, hashes, _end, problem = st.scan_records(rfd, os.fstat(rfd).st_size)
                copied = os.pread(rfd, st.FILE_HEADER_LEN, 0)
            finally:
                os.close(rfd)
            if problem or lens != rec.lens or hashes != rec.hashes or copied != fhdr:
                import shutil

                shutil.rmtree(folder, ignore_errors=True)
                raise BundleRefused(f"recording {rec.id}: the bundle changed while it was being imported")
        opened = dump_canonical(open_obj)
        vault.spool.write(rec_path(rec.id, OPEN), opened)
        fsync_dir(folder.parent)
        vault._append(signer, "create", rec=rec.id, details={
            "open_json": sha256_hex(opened), "recipients": list(signed["recipients"]),
            "imported": {"bundle_sha256": digest, "station_key": body["from"]["station_key"]}})
        vault._finish_seal(SealInput(rec.id, folder, open_obj, fhdr, rec.lens, rec.hashes,
                                     int(signed["plaintext_size"]), meta, signer, recovered=False,
                                     extra={"imported": True}))
        result.imported.append(rec.id)
    return result
