"""What the link commands print and how they exit: one line on stderr for people, the last stdout line
a JSON summary for scripts.  Exit codes: 0 done, 1 finished with errors, 2 bad input (invitation
refused, no passphrase, a bad option), 3 link failure (court unreachable, refused, wrong fingerprint,
no witness joined); through a court relay: 4 relay unreachable, 5 the relay's certificate is not
the pinned one, 6 TURN refused the hearing's credentials (or they expired), 7 the TURN server is
down, 8 the relay went away in the middle of the hearing and did not come back; 143/129/130 stopped by
SIGTERM/SIGHUP/SIGINT — the session was ended as the
clerk's "End" would, the recordings sealed and the summary printed first (``"stopped_by"``;
desktop/signals.py)."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_BAD_INPUT = 2
EXIT_LINK = 3
EXIT_RELAY_UNREACHABLE = 4
EXIT_RELAY_CERT = 5
EXIT_TURN_REFUSED = 6
EXIT_TURN_DOWN = 7
EXIT_RELAY_LOST = 8


def link_exit(exc: BaseException | None, mid_hearing: bool = False) -> int:
    """The exit code for a link failure (see the module docstring); ``mid_hearing``: the relay or
    TURN went away after the hearing had started."""
    from recording.transport.errors import (
        RelayCertMismatch,
        RelayLost,
        RelayUnreachable,
        TurnRefused,
        TurnUnreachable,
    )

    if isinstance(exc, RelayLost) or (mid_hearing and isinstance(exc, RelayUnreachable)):
        return EXIT_RELAY_LOST
    for cls, code in ((RelayUnreachable, EXIT_RELAY_UNREACHABLE), (RelayCertMismatch, EXIT_RELAY_CERT),
                      (TurnRefused, EXIT_TURN_REFUSED), (TurnUnreachable, EXIT_TURN_DOWN)):
        if isinstance(exc, cls):
            return code
    return EXIT_LINK


def fail(msg: str, code: int) -> int:
    """One plain line on stderr; returns ``code``."""
    print(f"testimony-shield: {msg}", file=sys.stderr)
    return code


def note(msg: str) -> None:
    """Human-readable progress (stderr: stdout's last line is the JSON summary)."""
    print(msg, file=sys.stderr, flush=True)


def emit(summary: dict[str, Any]) -> None:
    print(json.dumps(summary), flush=True)


def open_station_vault(vault_dir: Path, passphrase: str) -> Any:
    """The station's vault, created on first use (per role when every role's passphrase variable is
    set), this station's interrupted recordings recovered, unknown folders quarantined (told on stderr)."""
    from desktop.station_vault import open_station_vault as open_vault

    return open_vault(vault_dir, passphrase)


def court_summary(stats: Any, recorders: list[Any], errors: list[str], inv: Any, vault: Any,
                  invite_out: Path, duration: float, t0: float) -> dict[str, Any]:
    """Seal the court's received recordings and return the court's summary (blocking: run it off the
    event loop)."""
    recording_ids = []
    for rec in recorders:
        rec.extra_meta["breaks"] = list(stats.breaks)
        rid = rec.stop()
        if rid:
            recording_ids.append(rid)
        if rec.error:
            errors.append(rec.error)
    out = dataclasses.asdict(stats)
    out.update(errors=errors, recording_id=recording_ids[0] if recording_ids else "", recordings=recording_ids,
               recorded_frames=sum(r.frames for r in recorders),
               recorded_audio_tracks=[t.language for t in recorders[0].audio_tracks()] if recorders else [],
               recorded_audio_blocks=recorders[0].audio_blocks if recorders else {},
               recorder_dropped=sum(r.dropped for r in recorders),
               court_key_fingerprint=inv.court_key_fingerprint, vault=str(vault.root), invite=str(invite_out),
               duration=duration, wall_seconds=round(time.monotonic() - t0, 2))
    return out


def witness_summary(session_summary: Any, link_stats: dict[str, Any], invite: Any, size: tuple[int, int], fps: int,
                    duration: float, vault: Any, t0: float, **extra: Any) -> dict[str, Any]:
    """The witness station's summary: the live session's (recordings, breaks, errors) and the link's."""
    out = dataclasses.asdict(session_summary)
    out.update(link_stats)
    out.update(extra)
    out.update(session_id=invite.session_id, court_key_fingerprint=invite.court_key_fingerprint,
               recording_id=next((r["id"] for r in session_summary.recordings if r["kind"] == "masked"), ""),
               size=list(size), fps=fps, duration=duration, vault=str(vault.root),
               wall_seconds=round(time.monotonic() - t0, 2))
    return out


def finish_after_close(app: Any, stop: Any, result: dict[str, Any], seconds: float) -> None:
    """A station window was closed before its session ended: ``stop()`` the link, then let Qt deliver
    the final summary (into ``result``) for up to ``seconds``."""
    stop()
    deadline = time.monotonic() + seconds
    while not result and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)


def run_window(app: Any, stop: Any, result: dict[str, Any], leave: Any, seconds: float) -> None:
    """Run a station window's event loop.  SIGTERM/SIGHUP leave it (exit(), never vetoed by a window),
    then the station ends as a closed window does: ``leave()`` ends the hearing (its recordings are
    sealed) and the summary comes into ``result`` within ``seconds``."""
    stop.on_stop(lambda: app.exit(0))
    heartbeat = stop.keep_qt_responsive(app)
    app.exec()
    if not result:  # the window was closed (or the station told to stop) before the session ended
        finish_after_close(app, leave, result, seconds=seconds)
    heartbeat.stop()


def window_exit(result: dict[str, Any], stop: Any, done: str) -> int:
    """A station window's exit code: 1 when the session had errors, 128+N when a signal stopped it,
    :data:`EXIT_LINK` when the summary's ``done`` field says the hearing never happened, else 0."""
    if result.get("errors"):
        return 1
    if stop.requested:
        return stop.exit_code
    if not result or not result.get(done):
        return EXIT_LINK
    return 0
