"""What the clerk reads back before creating a session: the labels of the plan's choices and the
plan summary shown on the wizard's Review step.  No widgets here (the summary is rich text).
Every word goes through the staff screens' translation (context "Wizard")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from recording.model import Audience
from recording.session import SessionPlan
from ui.i18n import language_name
from ui.labels import PRESET_LABELS, STYLE_LABELS, STYLES, preset_label, role_label, style_label

translate = QCoreApplication.translate  # staff screens: Qt catalogues (context "Wizard")

__all__ = [
    "BACKDROP_LABELS",
    "BACKDROP_LIMITS",
    "PRESET_LABELS",
    "STYLES",
    "STYLE_LABELS",
    "UNMASK_CHOICES",
    "language_check",
    "plan_summary_html",
    "unmask_label",
    "backdrop_label",
]

#: recording.session.BACKDROP_MODES with what each means for the clerk
BACKDROP_LABELS = {
    "off": QT_TRANSLATE_NOOP("Wizard", "Shown"),
    "masked": QT_TRANSLATE_NOOP("Wizard", "Hidden from masked audiences"),
    "all": QT_TRANSLATE_NOOP("Wizard", "Hidden from everyone live (the judge too; the judge's sealed recording "
                                       "keeps it)"),
}
BACKDROP_LIMITS = QT_TRANSLATE_NOOP(
    "Wizard", "Hiding the room shows the head and shoulders on a plain backdrop: walls, windows, posters and "
              "furniture are replaced. It does not hide clothing, hair, anything worn or held, the wall just "
              "beside the head, or the sounds of the room. If the head is lost, those audiences get the curtain.")


def backdrop_label(mode: str) -> str:
    text = BACKDROP_LABELS.get(mode)
    return translate("Wizard", text) if text else mode


#: Audiences the clerk can let see/hear the witness unmasked (the recordings follow the plan).
UNMASK_CHOICES = ((Audience.JUDGE, QT_TRANSLATE_NOOP("Wizard", "The judge")),
                  (Audience.COURT, QT_TRANSLATE_NOOP("Wizard", "The court room (lawyers, clerk, interpreters)")),
                  (Audience.SUPPORT, QT_TRANSLATE_NOOP("Wizard", "The support person")))


def unmask_label(text: str) -> str:
    return translate("Wizard", text)


def plan_summary_html(plan: SessionPlan) -> str:
    """The plan in ten lines of rich text: case, people, masks, who sees the witness unmasked,
    the accused, support, privacy, breaks and languages."""
    m, r = plan.measures, plan.rules
    people = ", ".join(f"{p.name} ({role_label(p.role)}{', ' + p.languages if p.languages else ''})"
                       for p in plan.participants)
    unmasked = [unmask_label(label) for a, label in UNMASK_CHOICES if plan.unmasked(a)]
    langs = ", ".join(f"{language_name(code, native=False)} ({code})" for code in plan.languages) \
        or translate("Wizard", "none")
    away = [p.name for p in plan.participants if p.remote]
    if plan.remote:
        where = translate("Wizard", "remote: the console makes an invitation for the witness station and you admit "
                                    "it from the waiting room")
        if away:
            where += translate("Wizard", "; joining remotely too: {names}").format(names=", ".join(away))
    else:
        where = translate("Wizard", "in this court building")
    face = translate("Wizard", "masked ({style})").format(style=style_label(m.face_style).lower()) \
        if m.face_mask else translate("Wizard", "not masked")
    voice = translate("Wizard", "masked ({preset})").format(preset=preset_label(m.voice_preset).lower()) \
        if m.voice_mask else translate("Wizard", "not masked")
    breaks = translate("Wizard", "every {interval} min for {length} min; questioning stretches of at most "
                                 "{longest} min; recording {what} in breaks").format(
        interval=r.break_interval_minutes, length=r.break_length_minutes, longest=r.longest_questioning_minutes,
        what=translate("Wizard", "pauses") if m.pause_recording_in_breaks
        else translate("Wizard", "continues (curtained)"))

    def row(head: str, text: str) -> str:
        return f"<b>{head}</b> {text}"

    lines = [
        row(translate("Wizard", "Case"), translate("Wizard", "{case} — witness “{pseudonym}”").format(
            case=plan.case_number, pseudonym=plan.witness_pseudonym)),
        row(translate("Wizard", "Witness"), where),
        row(translate("Wizard", "People"), people),
        row(translate("Wizard", "Face"), face),
        row(translate("Wizard", "Room"), backdrop_label(m.backdrop).lower()),
        row(translate("Wizard", "Voice"), voice),
        row(translate("Wizard", "Unmasked for"), ", ".join(unmasked) if unmasked else
            translate("Wizard", "nobody (the sealed raw recording is the judge's alone)")),
        row(translate("Wizard", "Accused"), translate("Wizard", "screened from the witness")
            if m.accused_screened else translate("Wizard", "not screened")),
        row(translate("Wizard", "Support person"), translate("Wizard", "present") if m.support_person_present
            else translate("Wizard", "not present")),
        row(translate("Wizard", "Evidence in private"), translate("Wizard", "yes") if m.evidence_in_private
            else translate("Wizard", "no")),
        row(translate("Wizard", "Breaks"), breaks),
        row(translate("Wizard", "Floor"), f"{language_name(plan.floor_language, native=False)} "
                                          f"({plan.floor_language}); ")
        + row(translate("Wizard", "interpretation"), langs),
    ]
    return "<br>".join(lines)


def language_check(languages: tuple[str, ...], plan_covered: frozenset[str]) -> str:
    """One line per interpretation language: its name and whether an interpreter into it is listed."""
    parts = []
    for lang in languages:
        name = language_name(lang, native=False)
        who = translate("Wizard", "interpreter listed") if lang in plan_covered \
            else translate("Wizard", "no interpreter listed yet")
        parts.append(translate("Wizard", "{code}: {name} ({who})").format(
            code=lang, name=name if name != lang else translate("Wizard", "unknown code"), who=who))
    return "; ".join(parts) if parts else translate("Wizard", "No interpretation channels: the floor only.")
