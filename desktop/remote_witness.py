"""The witness station of a remote hearing: the session it runs comes from the court's invitation.

* :func:`witness_plan`: the plan is the court's *witness brief* (masks, languages, ground rules, the
  judge's and the support person's names: :mod:`recording.witness_brief`) — never the demo plan.  An
  invitation without a brief is refused (the court station is older than this witness station).
* :func:`build_session`: the :class:`desktop.live.LiveSession` on that plan, with a listening channel
  for each language a remote interpreter may fill; its recordings carry the link session and the case
  number, and go to the court's roles when the invitation names them (:func:`delivery_sink`).
* :func:`join_media`: what the station tells the court when it joins (frame rate, size, the masked
  audience it sends, its vault's station key — which signs its recordings, so the court can link them).
* :func:`panel_summary`: the audiences the "who can see and hear me now" panel showed, for the
  station's JSON summary.
"""

from __future__ import annotations

from typing import Any

from recording.session import SessionPlan, State
from recording.transport.errors import InviteError
from recording.witness_brief import panel_audiences, plan_from_brief, with_languages


def invite_languages(invite: Any) -> tuple[str, ...]:
    """The interpretation channels the court's signed invitation names (ISO 639-2 codes only)."""
    from recording.transport import tracks as labels

    raw = invite.media.get("languages", [])
    if not isinstance(raw, list):
        return ()
    return tuple(dict.fromkeys(x for x in raw if isinstance(x, str) and len(x) == 3 and x.isalpha()
                               and labels.is_to_witness_audio(f"witness/audio/{x}")))


def witness_plan(invite: Any) -> SessionPlan:
    """The plan this witness station runs, from the court's signed invitation (:class:`InviteError`
    when it carries none, or a malformed one)."""
    from recording.session import PlanError

    brief = invite.media.get("brief")
    if brief is None:
        raise InviteError("the invitation does not carry the court's plan (the court station is older than "
                          "this witness station): ask the court to update its station and invite again")
    try:
        plan = plan_from_brief(brief)
    except PlanError as exc:
        raise InviteError(str(exc)) from None
    return with_languages(plan, invite_languages(invite))


def station_key_hex(vault: Any) -> str:
    """This station's vault signing key (Ed25519 public, hex): it signs the station's recordings."""
    from vault.format.canonical import b64d

    role = getattr(vault, "station_role", "station")
    keys = vault._keys()  # the pinned public keys of the vault's roles
    return b64d(keys[role]).hex() if isinstance(keys.get(role), str) else bytes(keys[role]).hex()


def join_media(vault: Any, fps: int, size: tuple[int, int], audience: str = "court") -> dict[str, Any]:
    return {"fps": fps, "size": list(size), "audience": audience, "station_key": station_key_hex(vault)}


def recording_meta(invite: Any) -> dict[str, Any]:
    """Clear metadata of the station's own recordings: where they come from, the hearing they are of."""
    return {"origin": "witness-station", "link_session": invite.session_id,
            "court_key": invite.court_key_fingerprint}


def build_session(invite: Any, settings: Any, vault: Any, passphrase: str, *, video: Any = None, audio: Any = None,
                  realtime: bool = True) -> tuple[Any, dict[str, Any]]:
    """The live session of this witness station and its remote-interpretation sources by language."""
    from desktop.live import LiveSession
    from recording.sources.demo import demo_interpreter_source
    from recording.transport.witness import RemoteInterpretation

    plan = witness_plan(invite)
    remote = {lang: RemoteInterpretation(lang, demo_interpreter_source(lang)) for lang in invite_languages(invite)}
    session = LiveSession(plan, settings, vault, passphrase, realtime=realtime, video=video, audio=audio,
                          interpreters=remote or None, sink=delivery_sink(invite, vault, passphrase),
                          meta=recording_meta(invite))
    return session, remote


def delivery_sink(invite: Any, vault: Any, passphrase: str) -> Any:
    """Where the station's recordings go: encrypted to the court vault's roles when the invitation
    names them (the station cannot read them back), else None (the station's own vault roles)."""
    deliver = invite.media.get("deliver")
    if not isinstance(deliver, dict):
        return None
    from desktop.delivery import court_recipients

    keys = court_recipients(deliver)
    court_vault = str(deliver.get("vault", ""))

    def sink(kind: str, meta: dict[str, Any]) -> Any:
        recipients = ["judge"] if kind == "raw" else ["judge", "clerk"]
        return vault.create_recording({**meta, "deliver_to": court_vault}, recipients=recipients,
                                      signer_passphrase=passphrase, recipient_keys=keys)

    return sink


class PanelLog:
    """The audiences the witness's panel showed, state by state (for the summary)."""

    def __init__(self, plan: SessionPlan) -> None:
        self.plan = plan
        self.shown: dict[str, list[dict[str, str]]] = {}

    def saw(self, state: State) -> None:
        if state.value not in self.shown:
            self.shown[state.value] = panel_audiences(self.plan, state)

    def summary(self) -> dict[str, Any]:
        live = self.shown.get(State.LIVE.value, panel_audiences(self.plan, State.LIVE))
        return {"panel_audiences": live, "panel_by_state": self.shown,
                "languages": list(self.plan.languages), "floor_language": self.plan.floor_language}


def panel_summary(plan: SessionPlan, states: list[State]) -> dict[str, Any]:
    log = PanelLog(plan)
    for s in states:
        log.saw(s)
    return log.summary()
