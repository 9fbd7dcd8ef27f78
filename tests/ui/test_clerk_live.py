"""The clerk's live control: break countdown, reminder and questioning-limit warning on an injected
clock; the timeline of planned and actual breaks; the channel matrix with a level per channel."""

from __future__ import annotations

from PySide6.QtGui import QColor

from recording.pipeline import SessionPipeline
from recording.schedule import BreakSchedule, Span, timeline_spans
from recording.session import GroundRules, SessionLifecycle, State, demo_plan
from tests.helpers.fakes import BoxMasker, FakeClock, GainVoice
from tests.helpers.sources import ToneSource
from ui.clerk.console import ClerkConsole
from ui.session import SessionController
from ui.widgets.timeline import Timeline


def _console(qtbot, runner, session):
    c = SessionController(session, runner)
    w = ClerkConsole(None, runner, controller=c)
    qtbot.addWidget(w)
    w.show()
    return w, c


def test_countdown_reminder_and_limit_on_a_fake_clock(qtbot, runner, fake_session):
    session = fake_session()
    clock = FakeClock(1000.0)
    session.schedule = BreakSchedule(GroundRules(20, 30, 10), clock=clock)
    w, c = _console(qtbot, runner, session)
    live = w.live
    live.tick_schedule()
    assert live.countdown.text() == "—" and "every 30 min" in live.schedule_note.text()
    c.go_live()
    session.schedule.go_live()
    live.tick_schedule()
    assert live.countdown.text() == "Next break in 30:00"
    assert not live.reminder.isVisible() and not live.limit_warning.isVisible()

    clock.advance(21 * 60)
    live.tick_schedule()
    assert live.countdown.text() == "Next break in 9:00"
    assert live.limit_warning.isVisible() and "limit of 20 min" in live.limit_warning.text()
    assert not live.reminder.isVisible()
    live.tick_schedule()
    notices = [e for e in session.lifecycle.events if e.kind == "notice"]
    assert len(notices) == 1 and "20 min limit" in notices[0].detail  # logged once per stretch

    clock.advance(7 * 60 + 30)
    live.tick_schedule()
    assert live.reminder.isVisible() and "Planned break in 1:30" in live.reminder.text()

    clock.advance(120)
    live.tick_schedule()
    assert "due (0:30 over)" in live.countdown.text() and "now" in live.reminder.text()

    c.request_break("clerk")
    session.schedule.break_started()
    clock.advance(180)
    live.tick_schedule()
    assert live.countdown.text() == "On break 3:00" and "7:00 left" in live.schedule_note.text()
    assert not live.reminder.isVisible() and not live.limit_warning.isVisible()

    c.end_break()
    session.schedule.break_ended()
    live.tick_schedule()
    assert live.countdown.text() == "Next break in 30:00" and not live.limit_warning.isVisible()
    c.stop_polling()
    w.close()


def test_timeline_spans_from_the_lifecycle():
    clock = FakeClock(0.0)
    plan = demo_plan()
    plan.rules = GroundRules(20, 30, 10)
    lc = SessionLifecycle(plan, clock=clock)
    lc.transition(State.WAITING)
    clock.t = 10.0
    lc.transition(State.LIVE)
    clock.t = 10.0 + 600
    lc.start_break("witness", 600.0)
    clock.t = 10.0 + 720
    now, planned, actual = timeline_spans(lc, plan.rules)
    assert now == 720 and actual == [Span(600.0, None, "witness")]
    # the witness's early break replaced the first plan; the next one comes after this break's length
    assert planned == [Span(3000.0, 3600.0)]
    lc.end_break(720.0)
    now, planned, actual = timeline_spans(lc, plan.rules)
    assert actual == [Span(600.0, 720.0, "witness")]
    # the new stretch's plan (from the break's end), then two projected
    assert [p.start for p in planned] == [2520.0, 2520.0 + 600 + 1800, 2520.0 + 2 * (600 + 1800)]
    # a planned break taken on time keeps its plan beside it (planned vs actual)
    clock.t = 10.0 + 2500
    lc.start_break("clerk", 2500.0)
    clock.t = 10.0 + 3100
    lc.end_break(3100.0)
    now, planned, actual = timeline_spans(lc, plan.rules)
    assert Span(2520.0, 3120.0) in planned and actual[-1] == Span(2500.0, 3100.0, "clerk")
    # after the end, "now" stays where the session ended (it used to run on after the seal)
    clock.t = 10.0 + 3200
    lc.transition(State.ENDED)
    clock.t = 10.0 + 9000
    now, planned, actual = timeline_spans(lc, plan.rules)
    assert now == 3200


def test_timeline_paints_planned_and_actual_breaks(qtbot):
    t = Timeline()
    qtbot.addWidget(t)
    t.resize(600, 80)
    t.set_data(900.0, [Span(1800.0, 2400.0)], [Span(300.0, 480.0, "witness"), Span(600.0, None, "clerk")],
               span=3000.0)
    img = t.grab().toImage()
    assert t.painted >= 1
    x = lambda s: int(8 + (600 - 16) * s / 3000.0)  # noqa: E731
    mid = 18 + 13
    assert img.pixelColor(x(390), mid) == Timeline.WITNESS
    assert img.pixelColor(x(750), mid) == Timeline.CLERK
    planned = img.pixelColor(x(2100), mid)
    assert planned.blue() > planned.red()  # the planned block's tint
    assert img.pixelColor(x(1200), mid) != QColor(Timeline.WITNESS)
    assert "planned break at 30:00" in t.accessibleDescription()


def test_channel_matrix_levels(qtbot, runner, fake_session):
    plan = demo_plan(("spa",))
    session = fake_session(plan)
    session.pipeline = SessionPipeline(plan, session.video, ToneSource(), BoxMasker((100, 40, 220, 160)),
                                       GainVoice, interpreters={"spa": ToneSource()}, realtime=True)
    w, c = _console(qtbot, runner, session)
    m = w.live.channels
    texts = [lab.text() for lab in m.findChildren(type(w.live.result))]
    assert set(m.meters) == {"floor", "spa"} and "Spanish (spa)" in texts
    assert "Interpreter A (spa), Interpreter B (spa)" in texts
    c.go_live()
    # the court hears the masked floor (GainVoice: x0.25 of -12 dB ≈ -24 dB) and the interpretation
    qtbot.waitUntil(lambda: m.meters["spa"].level_db > -20 and m.meters["floor"].level_db > -30, timeout=5000)
    assert m.meters["floor"].level_db < m.meters["spa"].level_db
    assert "dB" in m.values["spa"].text()
    c.request_break("witness")
    qtbot.waitUntil(lambda: m.meters["floor"].level_db <= -60 and m.meters["spa"].level_db <= -60, timeout=3000)
    assert m.values["floor"].text() == "silent"
    c.stop_polling()
    w.close()


def test_closing_the_console_mid_session_asks_and_ends_and_seals_first(qtbot, runner, fake_session):
    """Closing the console used to leave the session live and recording with no console to run it."""
    session = fake_session()
    w, c = _console(qtbot, runner, session)
    c.go_live()
    c.start_recording()
    qtbot.waitUntil(lambda: c.recording and not c.busy, timeout=3000)
    assert not w.close()  # refused: the session is still running
    box = w.close_box
    assert box is not None and box.isVisible() and "recording" in box.text()
    assert w.isVisible() and c.state is State.LIVE
    keep = next(b for b in box.buttons() if b.text() == "Keep the console open")
    keep.click()
    assert w.isVisible() and c.state is State.LIVE and w.close_box is None
    w.close()
    end = next(b for b in w.close_box.buttons() if b.text().startswith("End and seal"))
    with qtbot.waitSignal(c.ended, timeout=10000):
        end.click()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=3000)
    assert c.state is State.SEALED and session.ended.is_set()


def test_closing_the_console_after_the_session_ended_just_closes(qtbot, runner, fake_session):
    w, c = _console(qtbot, runner, fake_session())
    assert w.close()  # a draft session: nothing running
    w2, c2 = _console(qtbot, runner, fake_session())
    c2.go_live()
    with qtbot.waitSignal(c2.ended, timeout=10000):
        c2.end()
    assert w2.close() and w2.close_box is None
