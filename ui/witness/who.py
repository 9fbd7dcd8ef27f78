"""The witness's "Who can see and hear me now" panel, in plain sentences from the plan and the
session's state.  It never names the accused."""

from __future__ import annotations

from collections.abc import Callable

from recording.model import Audience
from recording.session import Role, SessionPlan, State

Tr = Callable[[str], str]


def _same(text: str) -> str:
    return text


def first_named(plan: SessionPlan, role: Role) -> str:
    """The name of the plan's first participant in ``role`` ("" if none is named)."""
    return next((p.name for p in plan.participants if p.role is role and p.name), "")


def who_can_see_me(plan: SessionPlan, state: State | None, recording: bool, tr: Tr = _same) -> list[str]:
    """Plain sentences for the "Who can see and hear me now" panel.  Never names the accused."""
    support = first_named(plan, Role.SUPPORT)
    if state is None or state in (State.DRAFT, State.WAITING):
        lines = [tr("Nobody in court yet — the hearing has not started.")]
        if support:
            lines.append(tr("{support} (your support person) is with you.").format(support=support))
        return lines
    if state is State.BREAK:
        if support:
            return [tr("Nobody except {support}, your support person. The court sees a curtain and hears "
                       "nothing.").format(support=support)]
        return [tr("Nobody except your support person. The court sees a curtain and hears nothing.")]
    if state in (State.ENDED, State.SEALED):
        return [tr("Nobody. The hearing has finished. Thank you.")]
    m = plan.measures
    judge = first_named(plan, Role.JUDGE) or tr("The judge")
    if plan.unmasked(Audience.JUDGE) or (not m.face_mask and not m.voice_mask):
        lines = [tr("{judge} (the judge) sees your face and hears your own voice.").format(judge=judge)]
    elif m.face_mask and m.voice_mask:
        lines = [tr("{judge} (the judge) sees you with your face covered and hears a changed voice.")
                 .format(judge=judge)]
    elif m.face_mask:
        lines = [tr("{judge} (the judge) sees you with your face covered and hears your own voice.")
                 .format(judge=judge)]
    else:
        lines = [tr("{judge} (the judge) sees your face and hears a changed voice.").format(judge=judge)]
    if m.face_mask and m.voice_mask:
        lines.append(tr("The lawyers, the clerk and interpreters see you with your face covered and hear a "
                        "changed voice."))
    elif m.face_mask:
        lines.append(tr("The lawyers, the clerk and interpreters see you with your face covered and hear "
                        "your own voice."))
    elif m.voice_mask:
        lines.append(tr("The lawyers, the clerk and interpreters see your face and hear a changed voice."))
    else:
        lines.append(tr("The lawyers, the clerk and interpreters see your face and hear your own voice."))
    if m.accused_screened:
        lines.append(tr("The accused cannot see you."))
    if support:
        lines.append(tr("{support} (your support person) is with you.").format(support=support))
    lines.append(tr("This is being recorded for the court.") if recording else tr("Nothing is being recorded."))
    return lines
