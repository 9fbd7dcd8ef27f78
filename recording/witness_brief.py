"""What a remote witness station is told of the court's plan: the *witness brief*.

The court's plan names everyone (counsel, the accused, interpreters), the witness's pseudonym and the
ground rules.  The witness station needs much less, and gets only that (inside the court's signed
invitation, so it is authentic and there before the witness joins — the rehearsal and the panel use it):

* how to mask (face on/off and style, voice on/off and preset), whether the judge (and the support
  person) may see and hear the witness unmasked, whether the accused is screened, whether a support
  person is with the witness, whether the recording pauses in breaks;
* the interpretation languages and the floor language (the witness's listening channel, the screen
  language, the tracks the station sends);
* the ground rules (how often and how long the planned breaks are);
* the judge's name and the support person's name (the "who can see and hear me now" panel names them);
* the case number (it is on every recording's clear metadata already).

Not in it: counsel's, interpreters' and the accused's names, the witness's pseudonym, any other measure.

:func:`panel_audiences` is the panel's content as data (who sees what and hears what, in each state);
the witness station's window turns it into sentences and its summary lists it.  Qt-free.
See docs/session-format.md (*Witness brief*).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from recording.model import Audience
from recording.session import (
    GroundRules,
    Participant,
    PlanError,
    Role,
    SessionPlan,
    SpecialMeasures,
    State,
)

BRIEF_VERSION = 1
#: the pseudonym the witness station's own plan carries (it is never told the court's)
STATION_PSEUDONYM = "Witness"
_MAX_NAME = 120
_MEASURE_BOOLS = ("face_mask", "voice_mask", "accused_screened", "support_person_present",
                  "pause_recording_in_breaks")
_FACE_STYLES = ("opaque", "silhouette", "pixelate", "blur")
_VOICE_PRESETS = ("off", "standard", "strong")
#: audiences a brief may name as unmasked: the others never are at a remote witness station (the
#: court's public display always gets the masked stream; the self-view is always masked)
_UNMASKABLE = (Audience.JUDGE.value, Audience.SUPPORT.value)
_KEYS = {"version", "case_number", "judge", "support", "measures", "rules", "languages", "floor_language"}
_RULES = ("longest_questioning_minutes", "break_interval_minutes", "break_length_minutes")


def _first(plan: SessionPlan, role: Role) -> str:
    return next((p.name for p in plan.participants if p.role is role and p.name), "")


def witness_brief(plan: SessionPlan) -> dict[str, Any]:
    """The brief of ``plan`` (validated first): a JSON object, see the module docstring."""
    plan.validate()
    m = plan.measures
    return {
        "version": BRIEF_VERSION,
        "case_number": plan.case_number,
        "judge": _first(plan, Role.JUDGE),
        "support": _first(plan, Role.SUPPORT),
        "measures": {"face_mask": m.face_mask, "face_style": m.face_style, "voice_mask": m.voice_mask,
                     "voice_preset": m.voice_preset,
                     "unmasked_audiences": [a for a in m.unmasked_audiences if a in _UNMASKABLE],
                     "accused_screened": m.accused_screened, "support_person_present": m.support_person_present,
                     "pause_recording_in_breaks": m.pause_recording_in_breaks},
        "rules": {k: getattr(plan.rules, k) for k in _RULES},
        "languages": list(plan.languages),
        "floor_language": plan.floor_language,
    }


def _text(v: Any, what: str, empty: bool = True) -> str:
    if not isinstance(v, str) or len(v) > _MAX_NAME or (not empty and not v.strip()) \
            or any(ord(c) < 32 for c in v):
        raise PlanError(f"the court's brief: {what} is malformed")
    return v


def _lang(v: Any) -> str:
    if not isinstance(v, str) or len(v) != 3 or not v.isascii() or not v.isalpha() or not v.islower():
        raise PlanError("the court's brief: a language is not an ISO 639-2 code")
    return v


def plan_from_brief(brief: Any) -> SessionPlan:
    """The plan a remote witness station runs: the brief's measures, rules and languages, the judge and
    the support person by name, the station's own pseudonym.  Raises :class:`PlanError` for anything
    malformed or unknown (the brief comes from another machine)."""
    if not isinstance(brief, dict) or set(brief) != _KEYS:
        raise PlanError("the court's brief is malformed (unknown or missing fields)")
    if brief["version"] != BRIEF_VERSION or isinstance(brief["version"], bool):
        raise PlanError(f"the court's brief version {brief['version']!r} is not supported")
    case = _text(brief["case_number"], "the case number", empty=False)
    judge = _text(brief["judge"], "the judge's name")
    support = _text(brief["support"], "the support person's name")
    m = brief["measures"]
    if not isinstance(m, dict) or set(m) != {*_MEASURE_BOOLS, "face_style", "voice_preset", "unmasked_audiences"}:
        raise PlanError("the court's brief: the measures are malformed")
    for k in _MEASURE_BOOLS:
        if not isinstance(m[k], bool):
            raise PlanError(f"the court's brief: measure {k} is malformed")
    if m["face_style"] not in _FACE_STYLES or m["voice_preset"] not in _VOICE_PRESETS:
        raise PlanError("the court's brief: the mask style or voice preset is unknown")
    unmasked = m["unmasked_audiences"]
    if not isinstance(unmasked, list) or any(a not in _UNMASKABLE for a in unmasked) \
            or len(set(unmasked)) != len(unmasked):
        raise PlanError("the court's brief: the unmasked audiences are malformed")
    r = brief["rules"]
    if not isinstance(r, dict) or set(r) != set(_RULES) or any(
            not isinstance(r[k], int) or isinstance(r[k], bool) or not 1 <= r[k] <= 24 * 60 for k in _RULES):
        raise PlanError("the court's brief: the ground rules are malformed")
    langs = brief["languages"]
    if not isinstance(langs, list) or len(langs) > 16:
        raise PlanError("the court's brief: the languages are malformed")
    languages = tuple(dict.fromkeys(_lang(x) for x in langs))
    participants = [Participant(STATION_PSEUDONYM, Role.WITNESS)]
    if judge:
        participants.insert(0, Participant(judge, Role.JUDGE))
    if support:
        participants.append(Participant(support, Role.SUPPORT))
    measures = SpecialMeasures(face_mask=m["face_mask"], face_style=m["face_style"], voice_mask=m["voice_mask"],
                               voice_preset=m["voice_preset"], unmasked_audiences=tuple(unmasked),
                               accused_screened=m["accused_screened"],
                               support_person_present=m["support_person_present"],
                               pause_recording_in_breaks=m["pause_recording_in_breaks"])
    plan = SessionPlan(case, STATION_PSEUDONYM, participants, measures, GroundRules(**{k: r[k] for k in _RULES}),
                       languages=languages, floor_language=_lang(brief["floor_language"]))
    plan.validate()
    return plan


def with_languages(plan: SessionPlan, languages: tuple[str, ...]) -> SessionPlan:
    """``plan`` with ``languages`` added to its channels (e.g. a remote interpreter's the court named)."""
    return replace(plan, languages=tuple(dict.fromkeys([*plan.languages, *languages])))


# -- the "who can see and hear me now" panel, as data -------------------------------------------------


def _face(plan: SessionPlan, audience: Audience) -> str:
    return "covered" if plan.measures.face_mask and not plan.unmasked(audience) else "visible"


def _voice(plan: SessionPlan, audience: Audience) -> str:
    return "changed" if plan.measures.voice_mask and not plan.unmasked(audience) else "own"


def panel_audiences(plan: SessionPlan, state: State | None) -> list[dict[str, str]]:
    """Who sees and hears the witness in ``state``, as the witness's panel shows it: a list of
    ``{"audience", "name", "sees", "hears"}`` with ``sees`` one of ``face``, ``covered face``,
    ``curtain``, ``nothing`` and ``hears`` one of ``own voice``, ``changed voice``, ``nothing``.
    Before the hearing and after it nobody in court does; during a break only the support person."""
    support = _first(plan, Role.SUPPORT)
    with_you = plan.measures.support_person_present or bool(support)
    out: list[dict[str, str]] = []
    if state is State.LIVE:
        for audience, name in ((Audience.JUDGE, _first(plan, Role.JUDGE)), (Audience.COURT, "")):
            face = _face(plan, audience)
            out.append({"audience": audience.value, "name": name,
                        "sees": "face" if face == "visible" else "covered face",
                        "hears": "own voice" if _voice(plan, audience) == "own" else "changed voice"})
        if plan.measures.accused_screened:
            out.append({"audience": "accused", "name": "", "sees": "nothing",
                        "hears": "own voice" if _voice(plan, Audience.COURT) == "own" else "changed voice"})
    elif state is State.BREAK:  # the judge too: a break curtains every audience but the support person
        for audience, name in ((Audience.JUDGE, _first(plan, Role.JUDGE)), (Audience.COURT, "")):
            out.append({"audience": audience.value, "name": name, "sees": "curtain", "hears": "nothing"})
    if with_you and state not in (State.ENDED, State.SEALED):
        out.append({"audience": Audience.SUPPORT.value, "name": support, "sees": "face", "hears": "own voice"})
    return out
