"""Failed unlocks are audited wherever an unlock happens (docs/vault-format.md §14); so is a folder
recovery quarantined while no key was unlocked.

A wrong passphrase means no key is unlocked, and an audit entry must be signed.  When the station key
is unlocked in the same process (a station, the clerk's console), the failure is signed into the
trail at once.  Otherwise (the command line, the judge's review opened without the station key) the
failure is written as a small *pending report* — ``pending/<time>-<id>.json``, canonical JSON with no
secret in it — and the next signed append by anyone folds every pending report into the trail as
``unlock-failed`` entries (``"reported"``: when it happened, ``"where"``), then deletes it.  Until then
``vault audit`` shows the pending reports and ``vault verify`` warns about them.

Pending reports are not signed: someone with write access to the folder could add or delete them.
They are a tripwire for guessing at the command line, not evidence; docs/security.md says so.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from common import jsonio

from .audit import now_iso
from .format.canonical import dump_canonical

if TYPE_CHECKING:
    from .storage import Storage

PENDING = "pending"
PENDING_FORMAT = "testimony-shield-pending/1"
#: what may be reported without a key: a failed unlock; a folder recovery quarantined (docs/vault-format.md §15)
EVENTS = ("unlock-failed", "quarantine")
FIELDS = ("role", "where", "folder", "to", "reason")
#: reports folded into the trail one by one per append; beyond it, one summary entry
FOLD_MAX = 32
_NAME = re.compile(r"^[0-9TZ:.-]{10,32}-[0-9a-f]{16}\.json$")


@dataclass(frozen=True)
class PendingReport:
    name: str
    event: str
    time: str
    details: dict[str, Any]


def _safe_time(t: str) -> str:
    return t.replace(":", "-")


def report(storage: Storage, event: str, details: dict[str, Any]) -> None:
    """Queue an unsigned report (never raises: a report that cannot be written is logged by the caller)."""
    t = now_iso()
    obj = {"format": PENDING_FORMAT, "event": event, "time": t, "details": details}
    storage.mkdir(PENDING)
    storage.write(f"{PENDING}/{_safe_time(t)}-{secrets.token_hex(8)}.json", dump_canonical(obj))


def pending(storage: Storage) -> list[PendingReport]:
    """The queued reports, oldest first; malformed ones are skipped (verify reports them)."""
    if not storage.is_dir(PENDING):
        return []
    out: list[PendingReport] = []
    for name in sorted(storage.listdir(PENDING)):
        if not _NAME.match(name):
            continue
        with contextlib.suppress(FileNotFoundError, jsonio.JsonError, OSError):
            obj = jsonio.loads(storage.read(f"{PENDING}/{name}"), max_bytes=4096, max_depth=3,
                               what=f"{PENDING}/{name}")
            if isinstance(obj, dict) and obj.get("format") == PENDING_FORMAT and obj.get("event") in EVENTS \
                    and isinstance(obj.get("details"), dict) and isinstance(obj.get("time"), str):
                out.append(PendingReport(name, obj["event"], obj["time"][:40], _clean(obj["details"])))
    return out


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    """Only short strings of the known fields reach the signed trail."""
    return {k: v[:160] for k, v in d.items() if k in FIELDS and isinstance(v, str)}


def is_pending_name(name: str) -> bool:
    return bool(_NAME.match(name))


def fold(reports: Iterable[PendingReport]) -> list[tuple[str, dict[str, Any]]]:
    """The (event, details) entries that fold ``reports`` into the trail."""
    reports = list(reports)
    out = [(r.event, {**r.details, "reported": r.time, "unsigned_report": True}) for r in reports[:FOLD_MAX]]
    if len(reports) > FOLD_MAX:
        rest = reports[FOLD_MAX:]
        out.append(("unsigned-reports", {"unsigned_report": True, "more": len(rest), "first": rest[0].time,
                                         "last": rest[-1].time,
                                         "events": sorted({r.event for r in rest})}))
    return out
