"""Plain words for the link's states, shared by both station windows."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP  # marks the court's words for the staff catalogues (no-op)

COURT_STATES = {
    "closed": QT_TRANSLATE_NOOP("LinkStatus", "Not open"),
    "waiting": QT_TRANSLATE_NOOP("LinkStatus", "Waiting room open: no station has joined yet"),
    "admitting": QT_TRANSLATE_NOOP("LinkStatus", "A station is in the waiting room"),
    "connecting": QT_TRANSLATE_NOOP("LinkStatus", "Connecting…"),
    "live": QT_TRANSLATE_NOOP("LinkStatus", "Live"),
    "reconnecting": QT_TRANSLATE_NOOP("LinkStatus", "Reconnecting… (the witness is curtained)"),
    "break": QT_TRANSLATE_NOOP("LinkStatus", "The witness is on a break"),
    "ended": QT_TRANSLATE_NOOP("LinkStatus", "Session ended"),
}

WITNESS_STATES = {
    "idle": "Not connected",
    "joining": "Connecting to the court…",
    "waiting": "In the waiting room: the clerk will let you in",
    "connecting": "Connecting…",
    "live": "Live: the court can see and hear you (masked)",
    "reconnecting": "Reconnecting… (your recording continues)",
    "ended": "Session ended",
}


def court_text(state: str) -> str:
    return COURT_STATES.get(state, state)


def witness_text(state: str) -> str:
    return WITNESS_STATES.get(state, state)
