"""Plain words for the link's states, shared by both station windows."""

from __future__ import annotations

COURT_STATES = {
    "closed": "Not open",
    "waiting": "Waiting room open: no station has joined yet",
    "admitting": "A station is in the waiting room",
    "connecting": "Connecting…",
    "live": "Live",
    "reconnecting": "Reconnecting… (the witness is curtained)",
    "break": "The witness is on a break",
    "ended": "Session ended",
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
