"""What the clerk reads back before creating a session: the labels of the plan's choices and the
plan summary shown on the wizard's Review step.  No widgets here (the summary is rich text)."""

from __future__ import annotations

from recording.model import Audience
from recording.session import ROLE_LABELS, SessionPlan
from ui.i18n import language_name

#: recording.masking.face.STYLES (not imported: that module imports OpenCV, which must load after Qt)
STYLES = ("opaque", "silhouette", "pixelate", "blur")
STYLE_LABELS = {"opaque": "Solid cover", "silhouette": "Silhouette", "pixelate": "Pixelated", "blur": "Blurred"}
PRESET_LABELS = {"off": "Off (natural voice)", "standard": "Standard", "strong": "Strong"}
#: Audiences the clerk can let see/hear the witness unmasked (the recordings follow the plan).
UNMASK_CHOICES = ((Audience.JUDGE, "The judge"), (Audience.COURT, "The court room (lawyers, clerk, interpreters)"),
                  (Audience.SUPPORT, "The support person"))


def plan_summary_html(plan: SessionPlan) -> str:
    """The plan in ten lines of rich text: case, people, masks, who sees the witness unmasked,
    the accused, support, privacy, breaks and languages."""
    m, r = plan.measures, plan.rules
    people = ", ".join(f"{p.name} ({ROLE_LABELS[p.role]}{', ' + p.languages if p.languages else ''})"
                       for p in plan.participants)
    unmasked = [label for a, label in UNMASK_CHOICES if plan.unmasked(a)]
    langs = ", ".join(f"{language_name(code, native=False)} ({code})" for code in plan.languages) or "none"
    away = [p.name for p in plan.participants if p.remote]
    lines = [
        f"<b>Case</b> {plan.case_number} — witness “{plan.witness_pseudonym}”",
        "<b>Witness</b> " + ("remote: the console makes an invitation for the witness station and you admit it "
                             "from the waiting room" + (f"; joining remotely too: {', '.join(away)}" if away else "")
                             if plan.remote else "in this court building"),
        f"<b>People</b> {people}",
        "<b>Face</b> " + (f"masked ({STYLE_LABELS.get(m.face_style, m.face_style).lower()})"
                          if m.face_mask else "not masked"),
        "<b>Voice</b> " + (f"masked ({m.voice_preset})" if m.voice_mask else "not masked"),
        "<b>Unmasked for</b> " + (", ".join(unmasked) if unmasked else "nobody (the sealed raw recording "
                                                                       "is the judge's alone)"),
        "<b>Accused</b> " + ("screened from the witness" if m.accused_screened else "not screened"),
        "<b>Support person</b> " + ("present" if m.support_person_present else "not present"),
        "<b>Evidence in private</b> " + ("yes" if m.evidence_in_private else "no"),
        "<b>Breaks</b> " + (f"every {r.break_interval_minutes} min for {r.break_length_minutes} min; "
                            f"questioning stretches of at most {r.longest_questioning_minutes} min; recording "
                            + ("pauses" if m.pause_recording_in_breaks else "continues (curtained)")
                            + " in breaks"),
        f"<b>Floor</b> {language_name(plan.floor_language, native=False)} ({plan.floor_language}); "
        f"<b>interpretation</b> {langs}",
    ]
    return "<br>".join(lines)


def language_check(languages: tuple[str, ...], plan_covered: frozenset[str]) -> str:
    """One line per interpretation language: its name and whether an interpreter into it is listed."""
    parts = []
    for lang in languages:
        name = language_name(lang, native=False)
        who = "interpreter listed" if lang in plan_covered else "no interpreter listed yet"
        parts.append(f"{lang}: {name if name != lang else 'unknown code'} ({who})")
    return "; ".join(parts) if parts else "No interpretation channels: the floor only."
