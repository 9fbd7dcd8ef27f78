"""Session plans kept in the vault: the clerk's wizard result, stored encrypted as a draft before the
session goes live, and opened again later ("Open saved plan…").  Qt-free.

A plan is a vault recording whose clear, signed metadata is only
``{"kind": "plan", "case_number", "format", "version"}`` and whose encrypted content is the UTF-8 JSON
of :meth:`SessionPlan.to_dict` (recipients: judge and clerk) — the witness's pseudonym and the
participants are never in clear (docs/session-format.md).
"""

from __future__ import annotations

import json
from typing import Any

from common import jsonio
from recording.session import PLAN_FORMAT, PLAN_VERSION, PlanError, SessionPlan
from vault.store import RecordingInfo, Vault

PLAN_KIND = "plan"
RECIPIENTS = ("judge", "clerk")
#: a plan is a few KiB; the bounded loader refuses anything far larger or deeper
MAX_PLAN_BYTES = 1 << 20


def save_plan(vault: Vault, plan: SessionPlan, passphrase: str | None = None) -> str:
    """Store ``plan`` (validated) encrypted in ``vault``; returns its id.  ``passphrase`` unlocks the
    station's signing key (None: the vault's own, opened with ``Vault.open_or_init``)."""
    plan.validate()
    meta = {"kind": PLAN_KIND, "case_number": plan.case_number, "format": PLAN_FORMAT, "version": PLAN_VERSION}
    w = vault.create_recording(meta, recipients=list(RECIPIENTS), signer_passphrase=passphrase)
    try:
        w.write(json.dumps(plan.to_dict(), ensure_ascii=False).encode("utf-8"))
    except BaseException:
        w.abort()
        raise
    return w.seal()


def list_plans(vault: Vault) -> list[RecordingInfo]:
    """The vault's sealed plans, the newest first."""
    plans = [r for r in vault.list() if r.sealed and not r.shredded and r.meta.get("kind") == PLAN_KIND]
    return sorted(plans, key=lambda r: (r.created, r.id), reverse=True)


def plan_label(info: RecordingInfo) -> str:
    created = (info.created or "")[:16].replace("T", " ")
    return f"Case {info.meta.get('case_number', '?')} — saved {created} UTC ({info.id[:8]})"


def load_plan(vault: Vault, plan_id: str, identity: Any) -> SessionPlan:
    """Decrypt and parse a saved plan (``identity``: the clerk's or the judge's); audited as a view."""
    info = next((r for r in vault.list() if r.id == plan_id or r.id.startswith(plan_id)), None)
    if info is not None and info.meta.get("kind") != PLAN_KIND:
        raise PlanError("that vault record is not a session plan")
    with vault.open_reader(plan_id, identity, purpose="open session plan") as reader:
        if reader.size() > MAX_PLAN_BYTES:
            raise PlanError("the saved plan is too large to be a session plan")
        data = reader.read()
    try:
        obj = jsonio.loads(data, max_bytes=MAX_PLAN_BYTES, what="saved plan")
    except jsonio.JsonError:
        raise PlanError("the saved plan is not readable JSON") from None
    if not isinstance(obj, dict):
        raise PlanError("the saved plan is not readable JSON") from None
    try:
        plan = SessionPlan.from_dict(obj)
    except (KeyError, TypeError, ValueError, AttributeError):  # a field of the wrong shape
        raise PlanError("the saved plan is malformed") from None
    plan.validate()
    return plan
