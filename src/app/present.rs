//! Presenter mode's state: the slide on screen and its countdown, scheduled from a monotonic clock.
//!
//! A slide's end is a point in monotonic time (`due`), and the next one is `due + interval`, never "a
//! second after the last tick": late or missed ticks do not make the slides drift.

use std::time::Duration;

/// A slide of presenter mode, in agenda order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// The overview.
    Overview,
    /// The report's key indicators (主要指标), when it has them.
    Indicators,
    /// One work line (its position in the town's order).
    Line(usize),
    /// The laggard list.
    Laggards,
    /// The county's ranking of its towns.
    Ranking,
    /// One town of the county (its position in `county.json`).
    Town(usize),
    /// One work line of a county's town (the town's position, the line's on its board), after the
    /// town's own slide.
    TownLine(usize, usize),
}

/// Presenter mode (`--present [SECONDS]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presenter {
    /// Index of the slide shown.
    pub slide: usize,
    /// Seconds per slide when advancing by itself.
    pub interval: Option<u64>,
    /// Whole seconds left on this slide, as shown.
    pub remaining: u64,
    /// Auto-advance paused (`p`).
    pub paused: bool,
    /// Monotonic time at which the slide changes (running auto-advance only).
    pub due: Option<Duration>,
    /// Time that was left on the slide when it was paused.
    held: Duration,
}

impl Presenter {
    /// Starts on the first slide at monotonic time `now`; `interval` seconds per slide (0 or None: stay).
    pub fn new(interval: Option<u64>, now: Duration) -> Presenter {
        let interval = interval.filter(|s| *s > 0);
        let mut p = Presenter {
            slide: 0,
            interval,
            remaining: 0,
            paused: false,
            due: None,
            held: Duration::ZERO,
        };
        p.restart(now);
        p
    }

    fn every(&self) -> Option<Duration> {
        self.interval.map(Duration::from_secs)
    }

    /// Starts this slide's countdown afresh at `now`.
    fn restart(&mut self, now: Duration) {
        self.due = self.every().filter(|_| !self.paused).map(|e| now + e);
        self.held = self.every().unwrap_or_default();
        self.remaining = self.interval.unwrap_or(0);
    }

    /// The clock reached `now`: advances over every slide whose time is up (of `n` slides, wrapping) and
    /// returns when the next change is due.
    pub fn tick(&mut self, now: Duration, n: usize) -> Option<Duration> {
        let (Some(every), Some(mut due)) = (self.every(), self.due) else {
            return None;
        };
        while now >= due {
            self.slide = (self.slide + 1) % n.max(1);
            due += every;
        }
        self.due = Some(due);
        self.remaining = (due - now).as_secs_f64().ceil() as u64;
        Some(due)
    }

    /// Steps to the next or previous slide (of `n`, without wrapping) and restarts the countdown.
    pub fn step(&mut self, forward: bool, n: usize, now: Duration) {
        self.slide = if forward {
            (self.slide + 1).min(n.saturating_sub(1))
        } else {
            self.slide.saturating_sub(1)
        };
        self.restart(now);
    }

    /// Pauses or resumes auto-advance at `now`; a resumed slide keeps the time it had left.
    pub fn toggle_pause(&mut self, now: Duration) {
        self.paused = !self.paused;
        if self.paused {
            if let Some(due) = self.due.take() {
                self.held = due.saturating_sub(now);
            }
        } else if self.interval.is_some() {
            self.due = Some(now + self.held);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    #[test]
    fn late_ticks_do_not_make_slides_drift() {
        // `--present 1` for five minutes, with every tick arriving 30 ms late and some missing.
        let mut p = Presenter::new(Some(1), Duration::ZERO);
        let n = 7;
        let mut t = 0.0;
        for late in [1.03, 1.03, 2.03].iter().cycle() {
            t += late;
            if t >= 300.0 {
                break;
            }
            p.tick(secs(t), n);
        }
        p.tick(secs(300.0), n);
        assert_eq!(
            p.slide,
            300 % n,
            "slide = whole seconds since the start, mod n"
        );
        assert_eq!(p.due, Some(secs(301.0)));
    }

    #[test]
    fn pause_keeps_the_time_left() {
        let mut p = Presenter::new(Some(10), Duration::ZERO);
        p.tick(secs(4.0), 3);
        p.toggle_pause(secs(4.0));
        assert_eq!(p.tick(secs(100.0), 3), None);
        p.toggle_pause(secs(100.0));
        assert_eq!(p.tick(secs(105.5), 3), Some(secs(106.0)));
        assert_eq!(p.remaining, 1);
        assert_eq!(p.slide, 0);
    }
}
