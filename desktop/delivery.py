"""Delivery of a remote witness station's local recording to the court (docs/delivery.md).

The court's signed invitation names where the witness station's own recordings go
(``media.deliver``: the court vault's id and its judge's and clerk's X25519 public keys, and — when
the court runs an object store — its delivery inbox): the station records locally at full quality,
encrypted to those keys, so it cannot read them back.  After the hearing they reach the court as a
delivery bundle (``vault/bundle.py``): a file the clerk imports with ``testimony-shield vault
import``, or an object the station puts into the court store's inbox with write-only credentials
(:func:`upload_bundle`), which the court imports from there (:func:`import_inbox`).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import Any

from recording.transport.errors import InviteError

#: the court roles a witness station's recordings may be encrypted to
DELIVERY_ROLES = ("judge", "clerk")
_VAULT_ID = re.compile(r"^[0-9a-f]{32}$")


def court_recipients(deliver: Any) -> dict[str, bytes]:
    """The court vault's role public keys from the invitation's ``deliver`` section (InviteError when
    it is malformed: the invitation is refused rather than a recording made to a wrong key)."""
    if not isinstance(deliver, dict) or not {"vault", "recipients"} <= set(deliver) <= {"vault", "recipients",
                                                                                           "inbox"}:
        raise InviteError("the invitation's delivery section is malformed")
    if "inbox" in deliver:
        inbox_of(deliver)
    if not isinstance(deliver["vault"], str) or not _VAULT_ID.match(deliver["vault"]):
        raise InviteError("the invitation names no valid court vault")
    rec = deliver["recipients"]
    if not isinstance(rec, dict) or set(rec) != set(DELIVERY_ROLES):
        raise InviteError("the invitation must name the court's judge and clerk keys")
    out = {}
    for role, value in rec.items():
        try:
            key = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
        except (binascii.Error, ValueError):
            key = b""
        if len(key) != 32:
            raise InviteError(f"the invitation's {role} key is malformed")
        out[role] = key
    return out


# -- the court store's delivery inbox (S3) --------------------------------------------------------------

#: a bundle in the inbox: <prefix><court vault id>/<link session>-<first 16 of the station key>.tsbundle
_KEY = re.compile(r"^[0-9a-f]{32}-[0-9a-f]{16}\.tsbundle$")


def inbox_of(deliver: Any) -> str:
    """The court store's delivery inbox the invitation names (``s3://bucket/prefix``), or ""."""
    url = deliver.get("inbox", "") if isinstance(deliver, dict) else ""
    if not url:
        return ""
    from vault.errors import VaultError
    from vault.storage.s3 import parse_url

    try:
        parse_url(str(url))
    except VaultError:
        raise InviteError("the invitation's delivery inbox is not an s3://bucket/prefix URL") from None
    return str(url)


def inbox_key(inbox: str, court_vault: str, link_session: str, station_key: str) -> tuple[str, str]:
    """(bucket, key) of one hearing's bundle from one station in the inbox."""
    from vault.storage.s3 import parse_url

    bucket, prefix = parse_url(inbox)
    return bucket, f"{prefix}{court_vault}/{link_session}-{station_key[:16]}.tsbundle"


def upload_bundle(path: Any, inbox: str, court_vault: str, link_session: str, station_key: str,
                  client: Any = None) -> str:
    """Put the bundle at ``path`` into the court's inbox (write-only credentials are enough: one
    conditional put, never an overwrite).  Returns the object key; VaultError when the store refuses
    or cannot be reached (the bundle stays on the station)."""
    from vault.errors import VaultError
    from vault.storage.s3 import make_client

    bucket, key = inbox_key(inbox, court_vault, link_session, station_key)
    client = client or make_client()
    try:
        with open(path, "rb") as body:
            client.put_object(Bucket=bucket, Key=key, Body=body, IfNoneMatch="*",
                              ContentType="application/octet-stream")
    except Exception as exc:  # botocore errors, network down: the station keeps the bundle
        code = getattr(exc, "response", {}).get("Error", {}).get("Code", "") if hasattr(exc, "response") else ""
        if code in ("PreconditionFailed", "412"):
            return key  # already delivered (the same hearing's bundle, put before)
        raise VaultError(f"the court's store did not take the bundle ({code or exc.__class__.__name__})") from None
    return key


@dataclass
class InboxResult:
    imported: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # object key -> why


def import_inbox(vault: Any, inbox: str, client: Any = None, signer_passphrase: str | None = None) -> InboxResult:
    """Import every bundle waiting for ``vault`` in the court store's inbox (each one checked
    completely, as a file would be: ``vault.bundle.import_bundle``).  Every object version is looked
    at, so a bundle a station hid or tried to replace is still seen.  Downloads go to a private
    temporary folder (ciphertext only) and are deleted after."""
    import shutil
    import tempfile
    from pathlib import Path

    from vault.bundle import MAX_BUNDLE_DOWNLOAD, BundleRefused, import_bundle
    from vault.storage.s3 import make_client, parse_url

    bucket, prefix = parse_url(inbox)
    client = client or make_client()
    base = f"{prefix}{vault.id}/"
    out = InboxResult()
    seen = {str(r.meta.get("imported", {}).get("inbox_object", "")) for r in vault.list()}
    versions: list[tuple[str, str, int]] = []
    for page in client.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=base):
        for v in page.get("Versions", []):
            versions.append((v["Key"], v["VersionId"], int(v.get("Size", 0))))
    tmp = Path(tempfile.mkdtemp(prefix="ts-inbox-"))
    try:
        for key, version, size in sorted(versions):
            name = key[len(base):]
            ref = f"{key}@{version}"
            if ref in seen:
                out.already.append(ref)
                continue
            if not _KEY.match(name):
                out.refused[ref] = "not a delivery bundle's name"
                continue
            if size > MAX_BUNDLE_DOWNLOAD:
                out.refused[ref] = "too large to be a delivery bundle"
                continue
            path = tmp / "bundle"
            with open(path, "wb") as f:
                client.download_fileobj(bucket, key, f, ExtraArgs={"VersionId": version})
            try:
                res = import_bundle(vault, path, signer_passphrase, inbox_object=ref)
            except BundleRefused as exc:
                out.refused[ref] = str(exc)
                continue
            finally:
                path.unlink(missing_ok=True)
            out.imported += res.imported
            out.already += res.already
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out
