"""A vault in an S3 bucket prefix (``s3://bucket/prefix``), through boto3 — docs/storage.md.

The vault's files map to objects under the prefix, with two differences (layout
``testimony-shield-s3/1.1``):
  * ``recordings/<id>/data.tsv`` is stored as parts ``recordings/<id>/data.tsv/<n:06d>`` of
    ``PART_SIZE`` bytes (the last one shorter): uploaded while a session records, read with range GETs;
  * the audit trail is one object per entry, ``audit/<seq:012d>.json``, each a signed checkpoint that
    carries its entry's line (created with If-None-Match, so two stations never fork the trail).
Objects are created once (If-None-Match) and carry Object Lock retention when the vault has a
retention policy.  The store may hold newer versions written over ours by someone else: immutable
objects are read at their *oldest* version, and files the trail pins by hash at the version that
matches (``read(rel, pin)``), so a vault survives overwrites and delete markers too.

Endpoint, keys and region come from boto3's standard sources: the ``AWS_*`` variables
(``AWS_ENDPOINT_URL``, ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_DEFAULT_REGION``,
``AWS_PROFILE``) or the shared ``~/.aws/config`` and ``~/.aws/credentials`` files.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import AccessDenied, IntegrityError, StoreUnavailable, VaultError
from .s3state import STATE

LAYOUT = "testimony-shield-s3/1.1"  # 1.1: state checkpoints (audit-state/)
PART_SIZE = 8 * 1024 * 1024
PARTS = "data.tsv"
AUDIT = "audit"


def parse_url(url: str) -> tuple[str, str]:
    """``s3://bucket/prefix`` -> (bucket, "prefix/"); VaultError for anything else."""
    if not url.startswith("s3://"):
        raise VaultError(f"not an S3 vault URL: {url!r} (expected s3://bucket/prefix)")
    rest = url[5:]
    bucket, _, prefix = rest.partition("/")
    prefix = prefix.strip("/")
    if not (3 <= len(bucket) <= 63) or not all(c.islower() or c.isdigit() or c in ".-" for c in bucket):
        raise VaultError(f"invalid bucket name in {url!r}")
    if any(p in ("", ".", "..") for p in prefix.split("/")) and prefix:
        raise VaultError(f"invalid prefix in {url!r}")
    return bucket, (prefix + "/") if prefix else ""


def make_client() -> Any:
    """A boto3 S3 client configured from the standard AWS variables and files."""
    try:
        import boto3
        from botocore.config import Config
    except ImportError:  # pragma: no cover - boto3 is a dependency
        raise VaultError("boto3 is not installed: an S3 vault needs it") from None
    session = boto3.session.Session()
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    s3cfg = {"addressing_style": "path"} if endpoint else {}
    cfg = Config(retries={"mode": "standard", "max_attempts": 3}, connect_timeout=5, read_timeout=30,
                 max_pool_connections=32, s3=s3cfg,
                 request_checksum_calculation="when_required", response_checksum_validation="when_required")
    return session.client("s3", config=cfg, region_name=session.region_name or "us-east-1")


@dataclass(frozen=True)
class Retention:
    """Object Lock for what the vault stores: mode COMPLIANCE (nobody can shorten it, not even the
    store's admin) or GOVERNANCE, for ``days`` days from the moment an object is stored."""
    mode: str = "COMPLIANCE"
    days: float = 0.0

    def until(self, start: datetime | None = None) -> datetime | None:
        if self.days <= 0:
            return None
        return (start or datetime.now(UTC)) + timedelta(days=self.days)


def _code(e: Exception) -> str:
    return str(getattr(e, "response", {}).get("Error", {}).get("Code", ""))


def _status(e: Exception) -> int:
    return int(getattr(e, "response", {}).get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)


class S3Storage:
    """The ``Storage`` of a vault under ``s3://bucket/prefix``."""

    #: root names the backend itself uses (verify accepts them)
    layout_names = frozenset({AUDIT, STATE})
    #: a sealed recording's open.json stays (locked) beside its header: verify checks it, not warns
    keeps_open_json = True
    #: folders are key prefixes: an empty one does not exist
    has_folders = False

    def __init__(self, url: str, client: Any = None):
        self.bucket, self.prefix = parse_url(url)
        self.location = f"s3://{self.bucket}/{self.prefix.rstrip('/')}" if self.prefix else f"s3://{self.bucket}"
        self._client = client
        self._client_lock = threading.Lock()
        #: Object Lock applied to objects created from now on (set from the vault's policy)
        self.retention = Retention()

    # -- plumbing ----------------------------------------------------------------------------------
    @property
    def client(self) -> Any:
        with self._client_lock:
            if self._client is None:
                self._client = make_client()
            return self._client

    def key(self, rel: str) -> str:
        return self.prefix + rel

    def call(self, what: str, fn: Any, **kw: Any) -> Any:
        """One S3 request, its failures mapped to the vault's errors: FileNotFoundError (no such key),
        FileExistsError (a conditional create lost), AccessDenied, StoreUnavailable, VaultError."""
        from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

        try:
            return fn(Bucket=self.bucket, **kw)
        except ClientError as e:
            code, status = _code(e), _status(e)
            if code in ("NoSuchKey", "404", "NotFound", "NoSuchVersion") or (status == 404 and code != "NoSuchBucket"):
                raise FileNotFoundError(what) from None
            if code in ("PreconditionFailed", "ConditionalRequestConflict") or status in (409, 412):
                raise FileExistsError(what) from None
            if code == "NoSuchBucket":
                raise VaultError(f"the store has no bucket '{self.bucket}' ({self.location})") from None
            if code in ("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "403") or status == 403:
                raise AccessDenied(f"the store refused {what} ({code or status}): check the credentials "
                                   "(AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or ~/.aws/credentials)") from None
            if status >= 500 or code in ("SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout"):
                raise StoreUnavailable(f"the store is unavailable ({code or status}) during {what}") from None
            if code == "InvalidRequest" and ("lock" in str(e).lower() or "ObjectLockMode" in kw):
                raise VaultError(f"the bucket '{self.bucket}' has no Object Lock: create it with Object Lock "
                                 "enabled, or make the vault with --retention-days 0") from None
            raise VaultError(f"the store refused {what}: {code or status}") from None
        except NoCredentialsError:
            raise VaultError("no credentials for the store: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                             "(or a profile in ~/.aws/credentials)") from None
        except BotoCoreError as e:
            raise StoreUnavailable(f"cannot reach the store for {what} ({type(e).__name__})") from None

    def _lock_args(self) -> dict[str, Any]:
        until = self.retention.until()
        if until is None:
            return {}
        return {"ObjectLockMode": self.retention.mode, "ObjectLockRetainUntilDate": until}

    def versions(self, rel: str) -> list[dict[str, Any]]:
        """The versions of one object (not delete markers), oldest first."""
        key = self.key(rel)
        out = []
        for page in self._paginate("list_object_versions", Prefix=key):
            out += [v for v in page.get("Versions", []) if v["Key"] == key]
        return out[::-1]  # S3 lists the versions of a key newest first (times have 1 s resolution)

    def _paginate(self, op: str, **kw: Any) -> Iterator[dict[str, Any]]:
        it = iter(self.client.get_paginator(op).paginate(Bucket=self.bucket, **kw))
        while True:
            try:
                page = self.call(op, lambda **_: next(it))
            except StopIteration:
                return
            yield page

    def get(self, rel: str, version: str | None = None, rng: str | None = None) -> bytes:
        kw: dict[str, Any] = {"Key": self.key(rel)}
        if version:
            kw["VersionId"] = version
        if rng:
            kw["Range"] = rng
        r = self.call(rel, self.client.get_object, **kw)
        try:
            return r["Body"].read()
        except Exception as e:  # a connection lost mid-body
            raise StoreUnavailable(f"the store stopped answering while {rel} was read ({type(e).__name__})") from None

    def create(self, rel: str, data: bytes, lock: bool = True) -> bool:
        """Store ``data`` at ``rel`` only if nothing is there (If-None-Match); False if something is."""
        try:
            self.call(rel, self.client.put_object, Key=self.key(rel), Body=data, IfNoneMatch="*",
                      **(self._lock_args() if lock else {}))
            return True
        except FileExistsError:
            return False

    # -- Storage -----------------------------------------------------------------------------------
    def read(self, rel: str, pin: str | None = None) -> bytes:
        try:
            data = self.get(rel)
            if pin is None or hashlib.sha256(data).hexdigest() == pin:
                return data
        except FileNotFoundError:
            if pin is None:
                raise
            data = None
        for v in self.versions(rel):  # the authentic version under a newer one, or under a delete marker
            b = self.get(rel, version=v["VersionId"])
            if hashlib.sha256(b).hexdigest() == pin:
                return b
        if data is None:
            raise FileNotFoundError(rel)
        return data

    def read_original(self, rel: str) -> bytes:
        """An object created once (vault.json): its first version, whatever was written over it since."""
        vs = self.versions(rel)
        if not vs:
            raise FileNotFoundError(rel)
        return self.get(rel, version=vs[0]["VersionId"])

    def write(self, rel: str, data: bytes, lock: bool = True) -> None:
        self.call(rel, self.client.put_object, Key=self.key(rel), Body=data,
                  **(self._lock_args() if lock else {}))

    def delete(self, rel: str) -> None:
        """Delete every version of ``rel`` (refused by the store while Object Lock holds one)."""
        for v in self.versions(rel):
            self.call(rel, self.client.delete_object, Key=self.key(rel), VersionId=v["VersionId"])
        with contextlib.suppress(FileNotFoundError):
            self.call(rel, self.client.delete_object, Key=self.key(rel))

    def exists(self, rel: str) -> bool:
        try:
            self.call(rel, self.client.head_object, Key=self.key(rel))
            return True
        except FileNotFoundError:
            return False

    def is_dir(self, rel: str) -> bool:
        prefix = self.key(rel.rstrip("/") + "/") if rel else self.prefix
        r = self.call(rel or "the vault", self.client.list_objects_v2, Prefix=prefix, MaxKeys=1)
        return bool(r.get("KeyCount", 0))

    def listdir(self, rel: str) -> list[str]:
        prefix = self.key(rel.rstrip("/") + "/") if rel else self.prefix
        names: set[str] = set()
        for page in self._paginate("list_objects_v2", Prefix=prefix, Delimiter="/"):
            names.update(c["Prefix"][len(prefix):].rstrip("/") for c in page.get("CommonPrefixes", []))
            names.update(o["Key"][len(prefix):] for o in page.get("Contents", []))
        if not names:
            raise FileNotFoundError(rel)
        return sorted(names)

    def list_keys(self, rel: str) -> list[dict[str, Any]]:
        """Every object under folder ``rel`` (latest versions): [{"Key", "Size", "ETag"}...]."""
        prefix = self.key(rel.rstrip("/") + "/")
        out: list[dict[str, Any]] = []
        for page in self._paginate("list_objects_v2", Prefix=prefix):
            out += page.get("Contents", [])
        return out

    def mkdir(self, rel: str) -> None:
        pass

    def size(self, rel: str) -> int:
        if rel.endswith("/" + PARTS):
            return sum(p[1] for p in self.parts(rel))
        r = self.call(rel, self.client.head_object, Key=self.key(rel))
        return int(r["ContentLength"])

    def parts(self, rel: str) -> list[tuple[str, int, str]]:
        """The parts of a stream, in order: [(key, size, version id of the oldest version)];
        IntegrityError when their names are not 000000, 000001, ... or their sizes are uneven."""
        prefix = self.key(rel + "/")
        found: dict[str, dict[str, Any]] = {}
        for page in self._paginate("list_object_versions", Prefix=prefix):
            for v in page.get("Versions", []):
                found[v["Key"]] = v  # newest first: the last one listed is the oldest
        names = sorted(found)
        out = []
        for i, k in enumerate(names):
            if k != f"{prefix}{i:06d}":
                raise IntegrityError(f"{rel}: part {i} is missing or misnamed ({k[len(prefix):]})")
            out.append((k, int(found[k]["Size"]), str(found[k]["VersionId"])))
        if any(s != out[0][1] for _, s, _ in out[:-1]) or (len(out) > 1 and out[-1][1] > out[0][1]):
            raise IntegrityError(f"{rel}: its parts have uneven sizes")
        return out

    def open_blob(self, rel: str) -> S3Blob:
        parts = self.parts(rel)
        if not parts:
            raise IntegrityError(f"{rel}: missing")
        return S3Blob(self, rel, parts)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        yield  # stations never share a lock: the audit trail's conditional creates arbitrate

    def audit_log(self, vault_id: str) -> Any:
        from .s3audit import S3AuditTrail

        return S3AuditTrail(self, vault_id)


class S3Blob:
    """A stored stream read with range GETs over its parts (a record may span two parts)."""

    #: reads are network requests: a reader fetches the records of one read at the same time
    remote = True

    def __init__(self, store: S3Storage, rel: str, parts: list[tuple[str, int, str]]):
        self._s, self._rel, self._parts = store, rel, parts
        self._starts = []
        off = 0
        for _, n, _ in parts:
            self._starts.append(off)
            off += n
        self._size = off

    def size(self) -> int:
        return self._size

    def pread(self, n: int, offset: int) -> bytes:
        out = []
        end = min(self._size, offset + n)
        while offset < end:
            i = bisect.bisect_right(self._starts, offset) - 1
            key, size, version = self._parts[i]
            a = offset - self._starts[i]
            b = min(size, end - self._starts[i]) - 1
            r = self._s.call(self._rel, self._s.client.get_object, Key=key, VersionId=version,
                             Range=f"bytes={a}-{b}")
            try:
                chunk = r["Body"].read()
            except Exception as e:
                raise StoreUnavailable(f"the store stopped answering while {self._rel} was read "
                                       f"({type(e).__name__})") from None
            if len(chunk) != b - a + 1:
                raise IntegrityError(f"{self._rel}: part {i} is shorter than listed")
            out.append(chunk)
            offset += len(chunk)
        return b"".join(out)

    def close(self) -> None:
        pass
