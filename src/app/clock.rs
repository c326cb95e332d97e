//! When the screen next changes by itself, so an idle dashboard sleeps until then: the header
//! clock's next minute (which also turns the day for the deadline countdowns), a footer notice
//! going away, and, while presenter mode advances by itself, its countdown's next second.

use super::State;
use chrono::{NaiveTime, Timelike};
use std::time::Duration;

/// A little past each change, so the tick lands after it on every clock.
const MARGIN: Duration = Duration::from_millis(1);

/// The monotonic time (since the runtime started) of the next change on screen, given the
/// monotonic time `mono` and the wall-clock time `wall` of the same moment.
pub fn next_change(state: &State, mono: Duration, wall: NaiveTime) -> Duration {
    let into_minute = Duration::new(u64::from(wall.second()), wall.nanosecond() % 1_000_000_000);
    let mut next = mono + (Duration::from_secs(60) - into_minute) + MARGIN;
    if let Some(n) = &state.notice {
        next = next.min(n.until.max(mono) + MARGIN);
    }
    if let Some(due) = state.present.as_ref().and_then(|p| p.due) {
        // The countdown shows whole seconds left, rounded up: it changes as each whole second
        // before `due` passes.
        let left = due.saturating_sub(mono);
        let step = due - Duration::from_secs(left.as_secs());
        let step = if step > mono {
            step
        } else {
            mono + Duration::from_secs(1)
        };
        next = next.min(step + MARGIN);
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn state() -> State {
        let data = crate::model::load::load_embedded();
        State::new(
            data,
            Lang::Zh,
            chrono::NaiveDate::from_ymd_opt(2023, 7, 3).unwrap(),
        )
    }

    fn hms(h: u32, m: u32, s: u32, ms: u32) -> NaiveTime {
        NaiveTime::from_hms_milli_opt(h, m, s, ms).unwrap()
    }

    const S: fn(f64) -> Duration = Duration::from_secs_f64;

    #[test]
    fn an_idle_screen_wakes_once_a_minute() {
        let s = state();
        // 10:15:42.500 at 100 s: the clock turns to 10:16 17.5 s later.
        assert_eq!(next_change(&s, S(100.0), hms(10, 15, 42, 500)), S(117.501));
        // Just past a minute: nearly a whole minute; midnight is a minute like any other.
        assert_eq!(next_change(&s, S(5.0), hms(23, 59, 0, 0)), S(65.001));
    }

    #[test]
    fn a_notice_wakes_when_it_goes() {
        let mut s = state();
        s.now = S(100.0);
        s.say("x".into());
        assert_eq!(next_change(&s, S(100.0), hms(9, 0, 0, 0)), S(103.001));
        // Overdue (the loop was busy): at once.
        assert_eq!(next_change(&s, S(200.0), hms(9, 0, 0, 0)), S(200.001));
    }

    #[test]
    fn presenter_countdown_wakes_each_second_only_while_it_runs() {
        let mut s = state();
        s.start_presenting(Some(30));
        let due = s.present.as_ref().unwrap().due.unwrap();
        // 4.3 s before the slide changes the screen says 5; it says 4 from 4.0 s before.
        let at = due - S(4.3);
        assert_eq!(next_change(&s, at, hms(9, 0, 0, 0)), due - S(4.0) + MARGIN);
        // On a whole second: the next one.
        let at = due - S(4.0);
        assert_eq!(next_change(&s, at, hms(9, 0, 0, 0)), at + S(1.0) + MARGIN);
        // Paused: the countdown stands still, so only the minute wakes.
        let p = s.present.as_mut().unwrap();
        p.toggle_pause(at);
        assert_eq!(next_change(&s, at, hms(9, 0, 0, 0)), at + S(60.0) + MARGIN);
    }
}
