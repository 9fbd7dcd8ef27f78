"""Station windows of the remote link (offscreen): the court's waiting room shows the joining
witness station with the safety code both sides display; the clerk admits it and the masked
picture reaches the public display (and the unmasked one the judge's monitor, the plan authorising
the judge); or refuses it and the witness station says so.  The court's judge camera reaches the
witness's "Speaking to you" panel; the witness's break shows at the court ("The witness is on a
break", public display curtained); the clerk's *End session* ends both stations."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt

from recording.pipeline import SessionPipeline
from recording.session import demo_plan
from recording.sources.demo import DemoVideoSource
from recording.transport.court_media import questioner_cameras
from recording.transport.invite import parse_invite
from tests.helpers.fake_session import SMALL
from tests.helpers.fakes import BoxMasker, GainVoice
from tests.helpers.sources import ToneSource
from ui.link.court_window import BREAK_TEXT, CourtLink, CourtStationWindow, JudgeMonitorWindow
from ui.link.loop import LoopThread
from ui.link.status import court_text, witness_text
from ui.link.witness_window import WitnessLinkRunner, WitnessStationWindow


class BreakOnly:
    """The part of the live session the witness window uses: the break."""

    def __init__(self, pipeline: SessionPipeline) -> None:
        self.pipeline = pipeline
        self.breaks: list[str] = []

    def request_break(self, by: str = "witness") -> None:
        self.breaks.append(by)
        self.pipeline.set_break(True)

    def end_break(self) -> None:
        self.pipeline.set_break(False)


def _stations(qtbot, duration: float = 30.0):
    loop = LoopThread()
    judge = JudgeMonitorWindow(authorised=True)
    plan = demo_plan()
    link = CourtLink(loop, judge_monitor=True, judge_consumers=[judge.consumer], plan=plan,
                     to_witness=questioner_cameras(plan, (160, 90), 15))
    court = CourtStationWindow(link, "T-1", judge=judge)
    link.court.consumers.append(court.public)
    qtbot.addWidget(court)
    qtbot.addWidget(judge)
    key = Ed25519PrivateKey.generate()
    pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    data = link.open(pub, key.sign)
    link.serve(duration=duration, join_timeout=20)
    pipeline = SessionPipeline(demo_plan(), DemoVideoSource(SMALL, 30), ToneSource(), BoxMasker((100, 40, 220, 160)),
                               GainVoice, realtime=True)
    runner = WitnessLinkRunner(loop, parse_invite(data), pipeline, media={"fps": 30},
                               on_admitted=pipeline.start, done=lambda: False)
    witness = WitnessStationWindow(runner, "T-1", session=BreakOnly(pipeline))
    qtbot.addWidget(witness)
    return loop, link, court, judge, pipeline, runner, witness


def test_waiting_room_admit_flow(qtbot):
    loop, link, court, judge, pipeline, runner, witness = _stations(qtbot)
    try:
        qtbot.waitUntil(lambda: court.status.text() == court_text("waiting"), timeout=5_000)
        assert not court.admit_button.isEnabled()
        runner.start()
        qtbot.waitUntil(court.admit_button.isEnabled, timeout=10_000)
        # both stations show the same safety code before anything is admitted
        assert runner.safety_code and runner.safety_code in court.safety_code.text()
        assert witness.safety_code.text() == runner.safety_code
        qtbot.waitUntil(lambda: witness.status.text() == witness_text("waiting"), timeout=5_000)
        assert court.status.text() == court_text("admitting")
        assert "judge's unmasked tracks" in court.request_label.text()
        assert link.court.stats.frames_received == 0  # no media before admission
        qtbot.mouseClick(court.admit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: court.public.frames > 10 and judge.consumer.frames > 10, timeout=15_000)
        qtbot.waitUntil(lambda: court.status.text() == court_text("live"), timeout=5_000)
        qtbot.waitUntil(lambda: witness.status.text() == witness_text("live"), timeout=5_000)
        assert court.public_view.current_image() is not None and judge.view.current_image() is not None
        qtbot.mouseClick(witness.leave_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: court.stats is not None and witness.stats is not None, timeout=15_000)
        assert court.stats.witness_admitted and court.stats.ended_by == "witness"
        assert court.stats.judge_frames_received > 0
        assert court.stats.safety_code == runner.safety_code
        assert witness.stats["frames_sent"] > 10
    finally:
        pipeline.stop()
        loop.stop()


def test_waiting_room_refusal(qtbot):
    loop, link, court, judge, pipeline, runner, witness = _stations(qtbot)
    try:
        runner.start()
        qtbot.waitUntil(court.refuse_button.isEnabled, timeout=10_000)
        qtbot.mouseClick(court.refuse_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: court.stats is not None and witness.stats is not None, timeout=15_000)
        assert "did not admit" in witness.status.text()
        assert not court.stats.witness_admitted and court.stats.ended_by == "refused"
        assert court.stats.frames_received == 0 and witness.stats["frames_sent"] == 0
    finally:
        pipeline.stop()
        loop.stop()


def test_speaking_to_you_break_and_end_from_the_court(qtbot):
    loop, link, court, judge, pipeline, runner, witness = _stations(qtbot)
    try:
        runner.start()
        qtbot.waitUntil(court.admit_button.isEnabled, timeout=10_000)
        qtbot.mouseClick(court.admit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: court.public.frames > 10, timeout=15_000)
        # the judge's camera in the witness's "Speaking to you" panel
        qtbot.waitUntil(lambda: witness.speaking.frames > 5, timeout=10_000)
        qtbot.waitUntil(lambda: witness.speaking_caption.text() == "Speaking to you: Judge", timeout=5_000)
        assert witness.speaking_view.current_image() is not None
        # the witness takes a break at the witness station
        qtbot.waitUntil(witness.break_button.isEnabled, timeout=5_000)
        qtbot.mouseClick(witness.break_button, Qt.MouseButton.LeftButton)
        assert not witness.continue_button.isHidden() and witness.break_button.isHidden()
        qtbot.waitUntil(lambda: court.status.text() == BREAK_TEXT, timeout=5_000)
        frames, received = court.public.frames, court.public.received
        qtbot.waitUntil(lambda: court.public.received > received + 10, timeout=5_000)  # frames kept coming
        assert court.public.curtained and court.public.frames == frames  # nothing shown during the break
        assert court.public_view.current_image() is None
        qtbot.mouseClick(witness.continue_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: court.status.text() == court_text("live") and court.public.frames > frames,
                        timeout=5_000)
        # the clerk ends the session from the court window: both stations end
        qtbot.mouseClick(court.end_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: court.stats is not None and witness.stats is not None, timeout=15_000)
        assert court.stats.ended_by == "court" and len(court.stats.breaks) == 1
        assert witness.stats["ended_by"] == "court" and "by the court" in witness.status.text()
        assert witness.stats["breaks_signalled"] == 2
    finally:
        pipeline.stop()
        loop.stop()


def test_court_window_invites_an_interpreter(qtbot, tmp_path):
    """*Invite an interpreter…* writes the interpreter's invitation file; the interpreter station then
    shows in the waiting room with its language and safety code, and the clerk admits it."""
    import asyncio

    from recording.transport.interpreter import InterpreterLink
    from recording.transport.invite import load_invite, write_invite

    loop = LoopThread()
    link = CourtLink(loop)
    written: list[str] = []

    def write(language: str, data: bytes) -> str:
        path = tmp_path / f"interpreter-{language}.json"
        write_invite(path, data)
        written.append(str(path))
        return str(path)

    court = CourtStationWindow(link, "T-1", write_interpreter_invite=write)
    qtbot.addWidget(court)
    key = Ed25519PrivateKey.generate()
    pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    link.open(pub, key.sign)
    link.serve(duration=30, join_timeout=20)
    interp = None
    try:
        # a code that is not ISO 639-2: said plainly, nothing written
        court.interpreter_language.setCurrentText("spanish")
        qtbot.mouseClick(court.invite_interpreter_button, Qt.MouseButton.LeftButton)
        assert "No interpreter invitation written" in court.interpreter_note.text() and not written
        court.interpreter_language.setCurrentText("spa")
        qtbot.mouseClick(court.invite_interpreter_button, Qt.MouseButton.LeftButton)
        assert len(written) == 1 and written[0] in court.interpreter_note.text()
        invite = load_invite(written[0], court_key=pub)
        assert invite.media["station"] == "interpreter" and invite.media["language"] == "spa"
        interp = InterpreterLink(invite, "spa", ToneSource())

        async def join() -> None:
            await interp.join(admit_timeout=10)
            await interp.start_media()

        joined = loop.submit(join())
        qtbot.waitUntil(court.admit_button.isEnabled, timeout=10_000)
        assert "interpreter station (spa)" in court.request_label.text()
        assert interp.safety_code and interp.safety_code in court.safety_code.text()
        qtbot.mouseClick(court.admit_button, Qt.MouseButton.LeftButton)
        joined.result(10)
        qtbot.waitUntil(lambda: link.court.stats.interpreters.get("spa", {}).get("blocks_received", 0) > 5,
                        timeout=5_000)
        assert link.court.stats.interpreters["spa"]["admitted"]
        qtbot.mouseClick(court.end_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: court.stats is not None, timeout=10_000)
        assert court.stats.interpreters["spa"]["ended_by"] == "court"
    finally:
        if interp is not None:
            loop.submit(asyncio.wait_for(interp.close(), 5)).result(10)
        loop.stop()
