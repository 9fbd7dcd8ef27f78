"""The remote hearing's acceptance, headless, as a court and a witness station run it (two processes):
the court runs a plan saved in its vault (``court --plan ID``) whose case number, languages and
unmasked audiences differ from the demo's; without a plan it refuses.  The court's recordings carry
that case number and those language tracks; the witness station's summary lists the audiences its
panel showed; the witness's local recording reaches the court's vault (``vault import``) and verifies
there, linked to the recording the court received."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.plans import save_plan
from recording.session import GroundRules, Participant, Role, SessionPlan, SpecialMeasures
from tests.helpers.temp_vault import PASS, make_vault

ROOT = Path(__file__).resolve().parents[2]
EXE = [sys.executable, "-m", "desktop"]


def _plan() -> SessionPlan:
    return SessionPlan(
        "HL-2026-0311", "Witness H",
        [Participant("HHJ Mensah", Role.JUDGE), Participant("Clerk H", Role.CLERK),
         Participant("Prosecution counsel", Role.PROSECUTION), Participant("Defence counsel", Role.DEFENCE),
         Participant("Interpretes R", Role.INTERPRETER, "eng>ron"), Participant("Witness H", Role.WITNESS),
         Participant("Ms Support", Role.SUPPORT)],
        SpecialMeasures(face_style="pixelate", unmasked_audiences=("support",)),  # not even the judge
        GroundRules(20, 30, 10), languages=("ron",), floor_language="eng", witness_location="remote")


def _run(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EXE, *args], cwd=ROOT, env=env, text=True, capture_output=True, timeout=timeout)


@pytest.mark.slow
def test_court_runs_the_saved_plan_and_the_witness_recording_reaches_the_court(tmp_path):
    env = dict(os.environ, TESTIMONY_SHIELD_PASSPHRASE=PASS, QT_QPA_PLATFORM="offscreen")
    cv, wv, inv, bundle = (tmp_path / n for n in ("cv", "wv", "invite.json", "delivery.tsbundle"))
    plan_id = save_plan(make_vault(cv), _plan())

    r = _run(["court", "--headless", "--vault", str(cv), "--invite-out", str(inv), "--duration", "3"], env)
    assert r.returncode == 2 and "--plan ID" in r.stderr and not inv.exists()  # no plan: refused
    r = _run(["court", "--headless", "--plan", "0" * 16, "--vault", str(cv), "--invite-out", str(inv)], env)
    assert r.returncode == 2 and "no saved plan" in r.stderr

    court = subprocess.Popen([*EXE, "court", "--headless", "--plan", plan_id[:10], "--vault", str(cv), "--invite-out",
                              str(inv), "--duration", "4", "--admit-all"],
                             cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(600):
            if inv.exists():
                break
            time.sleep(0.1)
        w = _run(["witness", "--headless", "--join", str(inv), "--vault", str(wv), "--duration", "4",
                  "--size", "320x180", "--fps", "15", "--bundle-out", str(bundle)], env, timeout=240)
        cout, cerr = court.communicate(timeout=120)
    finally:
        if court.poll() is None:
            court.kill()
        court.wait()
        for pipe in (court.stdout, court.stderr):  # a failed run must not leak them into the next test
            if pipe is not None:
                pipe.close()
    assert w.returncode == 0, w.stderr[-2000:]
    assert court.returncode == 0, cerr[-2000:]
    cs, ws = json.loads(cout.strip().splitlines()[-1]), json.loads(w.stdout.strip().splitlines()[-1])
    # the court's recording carries the plan's case number and language tracks
    assert cs["recorded_audio_tracks"] == ["eng", "ron"] and cs["recording_id"]
    assert cs["judge_frames_received"] == 0  # the plan does not unmask the judge: no judge tracks at all
    listing = json.loads(_run(["vault", "list", "--vault", str(cv), "--json"], env).stdout)
    received = next(r for r in listing if r["id"] == cs["recording_id"])
    assert received["meta"]["case_number"] == "HL-2026-0311"
    # the witness station ran the court's plan: its panel's audiences are the plan's
    seen = {a["audience"]: (a["sees"], a["hears"]) for a in ws["panel_audiences"]}
    assert seen == {"judge": ("covered face", "changed voice"), "court": ("covered face", "changed voice"),
                    "accused": ("nothing", "changed voice"), "support": ("face", "own voice")}
    assert ws["panel_audiences"][0]["name"] == "HHJ Mensah" and ws["languages"] == ["ron"]
    assert ws["interpretation_tracks_sent"] == ["ron"]
    assert ws["delivery"]["bundle"] == str(bundle) and len(ws["delivery"]["recordings"]) == 2
    # the witness's local recording: into the court's vault, verified there, linked to the received one
    r = _run(["vault", "import", str(bundle), "--vault", str(cv), "--json"], env)
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout.strip().splitlines()[-1])
    assert sorted(res["imported"]) == sorted(ws["delivery"]["recordings"]) and res["received"] == [cs["recording_id"]]
    for v in (cv, wv):
        r = _run(["vault", "verify", "--vault", str(v)], env)
        assert r.returncode == 0, r.stdout + r.stderr
    listing = {r["id"]: r for r in json.loads(_run(["vault", "list", "--vault", str(cv), "--json"], env).stdout)}
    for rid in res["imported"]:
        meta = listing[rid]["meta"]
        assert meta["origin"] == "witness-station" and meta["case_number"] == "HL-2026-0311"
        assert meta["received_recording"] == cs["recording_id"]
    # the station can bundle a hearing again later (e.g. it stopped before writing the bundle)
    again = tmp_path / "again.tsbundle"
    r = _run(["vault", "bundle", "--vault", str(wv), "--link-session", ws["session_id"], "-o", str(again)], env)
    assert r.returncode == 0, r.stderr
    r = _run(["vault", "import", str(again), "--vault", str(cv), "--json"], env)
    assert r.returncode == 0 and sorted(json.loads(r.stdout.strip().splitlines()[-1])["already"]) == sorted(
        res["imported"])
    # a bundle changed by one byte is refused with its own exit code
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 1
    bad = tmp_path / "bad.tsbundle"
    bad.write_bytes(bytes(data))
    r = _run(["vault", "import", str(bad), "--vault", str(cv)], env)
    assert r.returncode == 11 and r.stderr.count("\n") == 1


@pytest.mark.slow
def test_the_court_window_is_the_clerk_console_in_remote_mode(tmp_path):
    """``court`` without ``--headless`` opens the clerk console on the plan (offscreen here): scripted
    with ``--admit-all``, it admits the witness, runs the hearing for ``--duration``, ends and seals,
    and prints its summary; the session record is sealed with the received recording."""
    env = dict(os.environ, TESTIMONY_SHIELD_PASSPHRASE=PASS, QT_QPA_PLATFORM="offscreen")
    cv, wv, inv, plan = (tmp_path / n for n in ("cv", "wv", "invite.json", "plan.json"))
    plan.write_text(json.dumps(_plan().to_dict()))
    court = subprocess.Popen([*EXE, "court", "--plan-file", str(plan), "--vault", str(cv), "--invite-out", str(inv),
                              "--duration", "3", "--admit-all"],
                             cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(600):
            if inv.exists():
                break
            time.sleep(0.1)
        w = _run(["witness", "--headless", "--join", str(inv), "--vault", str(wv), "--duration", "30",
                  "--size", "320x180", "--fps", "15"], env, timeout=240)
        cout, cerr = court.communicate(timeout=120)
    finally:
        court.kill()
    assert court.returncode == 0, cerr[-2000:]
    assert w.returncode == 0, w.stderr[-2000:]
    cs, ws = json.loads(cout.strip().splitlines()[-1]), json.loads(w.stdout.strip().splitlines()[-1])
    assert cs["witness_admitted"] and cs["ended_by"] == "court" and cs["recording_id"] and cs["session_record"]
    assert ws["ended_by"] == "court"
    kinds = {r["meta"]["kind"] for r in json.loads(_run(["vault", "list", "--vault", str(cv), "--json"], env).stdout)}
    assert kinds == {"received-masked", "session"}
