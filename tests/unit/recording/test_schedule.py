from recording.schedule import BreakSchedule, clock_text
from recording.session import GroundRules
from tests.helpers.fakes import FakeClock


def test_planned_break_countdown_reminder_and_limit():
    clock = FakeClock()
    s = BreakSchedule(GroundRules(longest_questioning_minutes=20, break_interval_minutes=30,
                                  break_length_minutes=10), clock, remind_before_s=120)
    s.go_live()
    clock.advance(60)
    st = s.tick()
    assert st.next_break_in == 29 * 60 and not st.remind and not st.over_limit
    clock.advance(19 * 60 + 1)
    assert s.tick().over_limit  # past 20 minutes of questioning: warn the judge
    clock.advance(8 * 60)
    st = s.tick()
    assert st.remind and 0 < st.next_break_in <= 120
    s.break_started()
    clock.advance(4 * 60)
    st = s.tick()
    assert st.on_break and st.break_elapsed == 240 and st.break_remaining == 360
    assert not st.remind and not st.over_limit
    s.break_ended()
    st = s.tick()
    assert st.live_seconds == 0 and st.next_break_in == 30 * 60


def test_clock_text():
    assert clock_text(725) == "12:05"
    assert clock_text(-30) == "−0:30"
