"""What a court station's session came to (``CourtStation.stats``; the link commands print it as JSON
and docs/link-protocol.md describes the fields): the witness's admission and media counts, stalls and
recoveries, latency, breaks, the remote interpreters and booths, and the route the media took."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class CourtStats:
    session_id: str = ""
    witness_admitted: bool = False
    refused_joins: int = 0
    frames_received: int = 0
    audio_blocks_received: int = 0
    samples_received: int = 0
    judge_frames_received: int = 0
    judge_audio_blocks_received: int = 0
    judge_tracks_ignored: int = 0  # judge tracks offered to a court without a judge's monitor
    tracks_received: dict[str, int] = field(default_factory=dict)
    stalls: int = 0
    stalled_seconds: float = 0.0
    first_frame_ms: float | None = None  # admission → first decoded frame
    fps_received: float = 0.0
    reconnects: int = 0
    reconnecting_seconds: float = 0.0
    recoveries_ms: list[float] = field(default_factory=list)  # loss → first frame again
    #: capture at the witness → decoded here (recording/transport/quality.py; docs/network.md)
    latency_ms_p50: float | None = None
    latency_ms_p95: float | None = None
    #: holes over 60 ms in the witness's floor as the courtroom would play it, outside breaks
    audio_gap_seconds: float = 0.0
    audio_gaps: int = 0
    #: the receiving side's adaptation figures (estimate, frames given up, NACKs, PLIs…)
    link: dict[str, Any] = field(default_factory=dict)
    safety_code: str = ""
    ended_by: str = ""
    #: the witness's breaks as the court saw them: {"by", "start", "end"} in seconds since admission,
    #: "media_start"/"media_end" on the witness's media clock
    breaks: list[dict[str, Any]] = field(default_factory=list)
    on_break: bool = False
    interpretation_blocks_received: dict[str, int] = field(default_factory=dict)
    to_witness_tracks: list[str] = field(default_factory=list)  # labels sent to the witness
    to_witness_frames_sent: int = 0
    #: remote interpreter stations by language: {"admitted", "blocks_received", "floor_blocks_sent", "ended_by",
    #: "reconnects", "to_witness_blocks_sent"}
    interpreters: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the witness's own copy of a channel a remote interpreter is live on: not delivered (blocks)
    interpretation_blocks_superseded: dict[str, int] = field(default_factory=dict)
    to_witness_channels: list[str] = field(default_factory=list)  # witness/audio/<lang> slots answered
    interpreter_blocks_off_air: int = 0  # blocks of a partner interpreter off air (never delivered)
    booths: dict[str, Any] = field(default_factory=dict)  # who was on air when (recording/booth.py)
    width: int = 0
    height: int = 0
    errors: list[str] = field(default_factory=list)
    #: the type of this station's candidate in the pair ICE selected (relay, host, srflx, prflx)
    ice_path: str = ""
    #: "relay" (through the court relay and TURN) or "direct" (one network)
    route: str = "direct"
    #: through the relay, how this station reaches TURN: "udp", else "tcp"/"tls" (UDP blocked)
    turn_transport: str = ""
    relay_losses: int = 0  # times the court relay went away during the session
