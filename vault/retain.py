"""Keeping evidence longer than the vault's retention policy (docs/storage.md "Extending retention").

The judge extends the retention of the whole vault or of some recordings to ``now + days``: audited
first (``retain``: `until`, `days`, `reason`, `recordings` — the ids, or ``"*"`` for the whole vault),
then, in an object store, every locked object version concerned gets its Object Lock retain-until date
moved to that time (S3 ``PutObjectRetention``; never shortened: a later date already there stays).
Crypto-shredding is refused until the latest such date as well as the policy's (``VaultState.retained``).
Running it again with the same arguments finishes what a failure left (objects stored after it get
the policy's period from their own creation: run it again to cover them too).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from .errors import AccessDenied, NotFound, VaultError
from .format.extras import parse_time
from .layout import RECORDINGS, SHARES
from .storage.s3 import S3Storage

if TYPE_CHECKING:
    from .keys import Identity
    from .store import Vault

ALL = "*"


@dataclass
class RetainReport:
    until: str = ""
    #: object versions whose lock now ends at ``until``, and those already locked at least that long
    extended: int = 0
    already: int = 0
    problems: list[str] = field(default_factory=list)


def held_until(v: Vault, rec_id: str) -> datetime | None:
    """The latest retention the judge set for ``rec_id`` or the whole vault (None: none)."""
    held = v.state().retained
    times = [parse_time(held[k]) for k in (rec_id, ALL) if k in held]
    return max(times, default=None)


def retain(v: Vault, judge: Identity, days: float, reason: str, recordings: Sequence[str] = ()) -> RetainReport:
    if judge.role != "judge":
        raise AccessDenied("only the judge extends the retention of evidence")
    if not 0 < days <= 36600:
        raise VaultError("the retention to set is a number of days from now, 1 to 36600")
    if not reason.strip():
        raise VaultError("say why the evidence is kept longer (a reason is recorded in the audit trail)")
    known = v.state().recs
    for rid in recordings:
        if rid not in known:
            raise NotFound(f"no recording {rid} in the audit trail")
    until = v.clock() + timedelta(days=days)
    when = until.isoformat(timespec="seconds").replace("+00:00", "Z")
    rep = RetainReport(until=when)
    v._append(judge, "retain", rec=recordings[0] if len(recordings) == 1 else None,
              details={"until": when, "days": days, "reason": reason, "recordings": list(recordings) or ALL})
    if isinstance(v.storage, S3Storage) and v.retention.days > 0:
        prefixes = [f"{RECORDINGS}/{r}/" for r in recordings] or [""]
        _extend(v.storage, v.retention.mode, prefixes, until, rep)
    return rep


def _extend(store: S3Storage, mode: str, prefixes: list[str], until: datetime, rep: RetainReport) -> None:
    versions: list[dict[str, Any]] = []
    for rel in prefixes:
        for page in store._paginate("list_object_versions", Prefix=store.key(rel)):
            versions += [v for v in page.get("Versions", [])
                         if not v["Key"][len(store.prefix):].startswith(SHARES + "/")]  # shares are never locked

    def one(v: dict[str, Any]) -> str:
        what = v["Key"][len(store.prefix):]
        try:
            cur = store.call(what, store.client.get_object_retention, Key=v["Key"], VersionId=v["VersionId"])
            have = cur.get("Retention", {}).get("RetainUntilDate")
        except (FileNotFoundError, VaultError):
            have = None
        if have is not None and have >= until:
            return "already"
        try:
            store.call(what, store.client.put_object_retention, Key=v["Key"], VersionId=v["VersionId"],
                       Retention={"Mode": mode, "RetainUntilDate": until})
        except (FileNotFoundError, VaultError) as e:
            return f"{what}: retention not extended ({e})"
        return "extended"

    with ThreadPoolExecutor(8) as pool:
        for r in pool.map(one, versions):
            if r == "extended":
                rep.extended += 1
            elif r == "already":
                rep.already += 1
            else:
                rep.problems.append(r)
