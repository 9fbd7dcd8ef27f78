"""A remote hearing end to end, in one process on loopback, with real vaults, real maskers and the
real link: the court's side is the console's :class:`RemoteHearing` on a saved-plan-like remote plan
(case number, languages and unmasked audiences other than the demo's); the witness station's session
comes from the court's signed invitation (the witness brief), its recordings are encrypted to the
court vault's roles (the station cannot read them back).  The clerk admits the witness from the
waiting room, the witness takes a break, the clerk ends: the court's recordings carry the plan's case
number and language tracks, the session record names the link, the panel's audiences are the plan's."""

from __future__ import annotations

import asyncio
import io
import json
import threading
import time

import av
import pytest

from desktop.remote_court import RemoteSettings, open_remote_hearing
from desktop.remote_witness import PanelLog, build_session, join_media
from desktop.settings import Settings
from recording.session import GroundRules, Participant, Role, SessionPlan, SpecialMeasures, State
from recording.sources.demo import DemoVideoSource
from recording.transport.court_media import questioner_cameras
from recording.transport.invite import parse_invite
from recording.transport.witness import LinkFeed, WitnessLink
from tests.helpers.sources import ToneSource
from tests.helpers.temp_vault import PASS, make_vault
from vault.errors import VaultError
from vault.store import STATION

SIZE = (320, 180)
FPS = 15


def remote_plan() -> SessionPlan:
    return SessionPlan(
        "R-2026-0917", "Witness R",
        [Participant("HHJ Okafor", Role.JUDGE), Participant("Clerk R", Role.CLERK),
         Participant("Prosecution counsel", Role.PROSECUTION), Participant("Defence counsel", Role.DEFENCE),
         Participant("Interpreter P (pol)", Role.INTERPRETER, "eng>pol"), Participant("Witness R", Role.WITNESS),
         Participant("Ms Support", Role.SUPPORT)],
        SpecialMeasures(face_style="blur", voice_preset="strong", unmasked_audiences=("judge", "support")),
        GroundRules(15, 25, 5), languages=("pol",), floor_language="deu", witness_location="remote")


def _court(tmp_path, plan):
    vault = make_vault(tmp_path / "court")
    hearing = open_remote_hearing(plan, Settings(), vault, PASS, remote=RemoteSettings(), speakers=False,
                                  cameras=questioner_cameras(plan, (160, 90), 10))
    return vault, hearing


@pytest.mark.timeout(180)
def test_remote_hearing_from_the_console_surface(tmp_path):
    plan = remote_plan()
    court_vault, hearing = _court(tmp_path, plan)
    requests: list[dict] = []
    hearing.on_request = requests.append
    data = hearing.open_waiting_room()
    assert hearing.lifecycle.state is State.WAITING
    invite = parse_invite(data)
    # the invitation tells the witness station what it needs, nothing more
    text = json.dumps(invite.media)
    assert "Witness R" not in text and "counsel" not in text and "Interpreter P" not in text
    assert invite.media["brief"]["case_number"] == "R-2026-0917"

    wvault = make_vault(tmp_path / "witness")
    session, remote = build_session(invite, Settings(encoder_preset="ultrafast"), wvault, PASS,
                                    video=DemoVideoSource(SIZE, FPS), audio=ToneSource())
    assert session.plan.case_number == "R-2026-0917" and session.plan.languages == ("pol",)
    assert session.plan.measures.face_style == "blur" and session.plan.floor_language == "deu"
    panel = PanelLog(session.plan)
    result: dict = {}

    def witness() -> None:
        async def run() -> None:
            feed = LinkFeed(asyncio.get_running_loop())
            feed.attach(session.pipeline, judge=invite.media.get("judge_monitor") is True)
            link = WitnessLink(invite, feed, media=join_media(wvault, FPS, SIZE), remote_channels=remote)
            session.open_waiting_room()
            panel.saw(session.lifecycle.state)
            await link.join(admit_timeout=30)
            await link.start_media()
            session.start_recording()
            session.go_live()
            panel.saw(session.lifecycle.state)
            await asyncio.sleep(2.0)
            session.request_break("witness")
            panel.saw(session.lifecycle.state)
            await asyncio.sleep(1.0)
            session.end_break()
            result["reason"] = await link.run_until(lambda: False)
            await link.close()
            result["stats"] = link.stats()

        asyncio.run(run())
        result["summary"] = session.end()
        panel.saw(session.lifecycle.state)

    t = threading.Thread(target=witness)
    t.start()
    deadline = time.monotonic() + 30
    while not requests and time.monotonic() < deadline:
        time.sleep(0.05)
    assert requests and requests[0]["safety_code"], "the witness never reached the waiting room"
    assert hearing.pending is not None
    hearing.decide(True)
    deadline = time.monotonic() + 30
    while not hearing.lifecycle.breaks or hearing.lifecycle.state is not State.LIVE:
        assert time.monotonic() < deadline, hearing.lifecycle.events
        time.sleep(0.05)
    time.sleep(1.0)
    summary = hearing.end()  # the clerk's "End and seal"
    t.join(60)
    assert not t.is_alive()
    assert result["reason"] == "court"
    assert hearing.lifecycle.state is State.SEALED
    assert [b["by"] for b in hearing.lifecycle.breaks] == ["witness"]

    # the court's recording carries the plan's case number and its language tracks
    received = [r for r in court_vault.list() if r.meta.get("kind") == "received-masked"]
    assert len(received) == 1 and summary.recordings[0]["id"] == received[0].id
    meta = received[0].meta
    assert meta["case_number"] == "R-2026-0917" and meta["link_session"] == invite.session_id
    assert [t["language"] for t in meta["tracks"]] == ["deu", "pol"]
    assert meta["witness_station_key"] == join_media(wvault, FPS, SIZE)["station_key"]
    sessions = [r for r in court_vault.list() if r.meta.get("kind") == "session"]
    assert len(sessions) == 1 and summary.session_record == sessions[0].id
    clerk = court_vault.unlock("clerk", PASS)
    with court_vault.open_reader(received[0].id, clerk, purpose="test") as r:
        head = r.read(1 << 20)

    with av.open(io.BytesIO(head)) as c:
        assert [s.metadata.get("language") for s in c.streams.audio] == ["deu", "pol"]
    with court_vault.open_reader(sessions[0].id, clerk, purpose="test") as r:
        record = json.loads(r.read())
    assert record["plan"]["case_number"] == "R-2026-0917" and record["remote"]["link_session"] == invite.session_id
    assert court_vault.verify().ok

    # the witness station's own recordings: the court's roles only (the station cannot read them back)
    w = result["summary"]
    kinds = {r["kind"] for r in w.recordings}
    assert kinds == {"masked", "raw"}
    for rec in wvault.list():
        if rec.meta.get("kind") in ("masked", "raw"):
            assert rec.meta["deliver_to"] == court_vault.id and rec.meta["case_number"] == "R-2026-0917"
            for role in ("judge", "clerk"):
                with pytest.raises(VaultError):
                    wvault.open_reader(rec.id, wvault.unlock(role, PASS), purpose="test").read(16)
    assert wvault.verify().ok

    # the panel showed the plan's audiences: the judge sees the face (the plan unmasks the judge), the
    # court a covered face and a changed voice, the support person is with the witness
    shown = panel.summary()
    live = {a["audience"]: (a["sees"], a["hears"]) for a in shown["panel_audiences"]}
    assert live == {"judge": ("face", "own voice"), "court": ("covered face", "changed voice"),
                    "accused": ("nothing", "changed voice"), "support": ("face", "own voice")}
    assert set(shown["panel_by_state"]) >= {"waiting room", "live", "break", "sealed"}

    # the witness's local recording reaches the court: a bundle the clerk imports; it verifies there,
    # linked to the received recording; the court's judge and clerk can open it
    from vault.bundle import deliverable, export_bundle, import_bundle

    bundle = tmp_path / "delivery.tsbundle"
    ids = deliverable(wvault, invite.session_id)
    assert len(ids) == 2
    export_bundle(wvault, ids, bundle, wvault.unlock(STATION, PASS))
    assert bundle.stat().st_mode & 0o777 == 0o600
    res = import_bundle(court_vault, bundle)
    assert sorted(res.imported) == sorted(ids) and res.received == [received[0].id]
    assert import_bundle(court_vault, bundle).already == res.imported  # twice: reported, not imported
    assert court_vault.verify().ok
    local = {r.meta["kind"]: r for r in court_vault.list() if r.meta.get("origin") == "witness-station"}
    assert set(local) == {"masked", "raw"}
    assert local["masked"].meta["received_recording"] == received[0].id
    assert local["masked"].meta["case_number"] == "R-2026-0917"
    judge = court_vault.unlock("judge", PASS)
    for kind, who in (("masked", clerk), ("raw", judge)):
        with court_vault.open_reader(local[kind].id, who, purpose="test") as r:
            data = r.read()
        with av.open(io.BytesIO(data)) as c:
            assert c.streams.video and [s.metadata.get("language") for s in c.streams.audio][:2] == ["deu", "pol"]
            assert sum(1 for _ in c.decode(video=0)) == local[kind].meta["frames"] > 5
    # the judge's review says which is which, and shows them as one hearing
    from ui.review.recordings_model import recording_cells

    rows = {r.id: recording_cells(r) for r in court_vault.list()}
    assert rows[received[0].id][1] == "masked, as the court received it over the link"
    assert rows[local["masked"].id][1] == "masked, the witness station's own (full quality)"
    assert rows[local["raw"].id][1] == "raw, the witness station's own (full quality)"
    assert rows[received[0].id][5] == rows[local["raw"].id][5] == f"remote hearing {invite.session_id[:8]}"
