"""``testimony-shield demo --headless``: the demo session without windows, scripted — go live,
record, optional witness break, end, seal — and a JSON summary on stdout."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time

import numpy as np

from desktop import settings as settings_mod
from desktop.live import LiveSession
from desktop.passphrase import NoPassphrase, read_passphrase
from desktop.signals import StopRequest
from desktop.station_vault import open_station_vault
from recording.model import Audience, Decision
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource, demo_audio_source
from vault.store import Vault


class BreakScript:
    """Takes the witness's break at media time ``at`` and resumes after ``length`` seconds, driven by
    the frames the pipeline produces (deterministic, whatever the machine's speed)."""

    def __init__(self, session: LiveSession, at: float | None, length: float) -> None:
        self.session, self.at, self.length = session, at, length
        self.taken = False
        self.resumed = False

    def on_video(self, audience: Audience, image: np.ndarray, index: int, pts: float, decision: Decision) -> None:
        if self.at is None:
            return
        if not self.taken and pts >= self.at:
            self.taken = True
            self.session.request_break("witness")
        elif self.taken and not self.resumed and pts >= self.at + self.length:
            self.resumed = True
            self.session.end_break()

    def on_audio(self, audience: Audience, channel: str, samples: np.ndarray, start_sample: int) -> None:
        pass


def wait_for_upload(vault: Vault, args: argparse.Namespace) -> dict | None:
    """A vault in an object store: give the uploader a while to move the session into the store.  The
    session is sealed either way (in this station's spool); whatever is left waits for `vault sync`.
    The headless demo and the headless link stations (court, witness) end with it; None: a folder vault."""
    if not vault.remote:
        return None
    done = vault.uploader.drain(float(getattr(args, "upload_wait", None) or 60.0))
    st = vault.upload_status()
    if not done:
        print(f"testimony-shield: {st.pending} recording(s) are sealed on this station but not yet in the store "
              f"({st.last_error or st.state}); run `testimony-shield vault sync --vault {vault.location}`",
              file=sys.stderr)
    return {"complete": done, "pending": st.pending, "state": st.state}


def run_headless_demo(args: argparse.Namespace) -> int:
    """Exit codes: 0 done, 1 finished with errors, 2 bad input or set-up failure (3 wrong passphrase,
    other vault errors their own), 143/129/130 stopped by SIGTERM/SIGHUP/SIGINT after sealing (see
    :mod:`desktop.signals`)."""
    with StopRequest() as stop:
        return _run(args, stop)


def _run(args: argparse.Namespace, stop: StopRequest) -> int:
    settings = settings_mod.load()
    try:
        passphrase = read_passphrase(args.passphrase_file, role="station")
    except NoPassphrase as exc:
        print(f"testimony-shield: {exc}", file=sys.stderr)
        return 2
    vault_dir = args.vault or settings.vault_path
    plan = demo_plan(tuple(args.languages))
    try:
        plan.validate()
        vault = open_station_vault(vault_dir, passphrase)
        session = LiveSession(plan, settings, vault, passphrase, realtime=False,
                              video=DemoVideoSource(settings.video_size, settings.fps), audio=demo_audio_source())
    except Exception as exc:  # a clear message for any set-up failure (VaultError carries an exit code)
        print(f"testimony-shield: cannot start the demo session: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 2)
    if stop.requested:  # told to stop before the session began: nothing was recorded
        print(f"testimony-shield: {stop.name} before the session began; nothing recorded", file=sys.stderr)
        return stop.exit_code

    length = args.break_length if args.break_length is not None else min(
        plan.rules.break_length_minutes * 60, max(1.0, args.duration / 4))
    script = BreakScript(session, args.break_at, length)
    session.pipeline.subscribe({Audience.COURT}, script)
    session.pipeline.max_frames = int(round(args.duration * session.video.fps))
    t0 = time.monotonic()
    session.start_recording()  # before going live, so the recording holds the whole session
    session.go_live()
    while not session.pipeline.finished.wait(0.2):
        if stop.requested:  # SIGTERM/SIGHUP/SIGINT: end as the clerk's "End" would, and seal
            break
    summary = session.end()
    upload = wait_for_upload(vault, args)
    out = dataclasses.asdict(summary)
    out["recording_id"] = next((r["id"] for r in summary.recordings if r["kind"] == "masked"), "")
    out["duration"] = args.duration
    out["wall_seconds"] = round(time.monotonic() - t0, 2)
    out["vault"] = str(vault_dir)
    out["events"] = [dataclasses.asdict(e) for e in session.lifecycle.events]
    if upload is not None:
        out["upload"] = upload
    out["stopped_by"] = stop.name or None
    print(json.dumps(out), flush=True)
    if summary.errors:
        return 1
    return stop.exit_code if stop.requested else 0
