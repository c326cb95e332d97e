//! Presenter mode and zoom through `update`, with a fake clock: slide order, stepping, auto-advance, pause.

use chrono::{NaiveDate, NaiveTime};
use huibao::app::{update, Action, Effect, Effects, Now, Route, Slide, State};
use huibao::cli::Lang;
use huibao::model::board::LineId;
use huibao::model::load;
use std::time::Duration;

fn state() -> State {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    State::new(
        load::load_dir(&dir),
        Lang::Zh,
        NaiveDate::from_ymd_opt(2023, 7, 3).unwrap(),
    )
}

fn press(s: &mut State, keys: &str) {
    huibao::app::update::press_keys(s, keys).unwrap();
}

/// A tick of the fake clock at `mono` (monotonic time since start), the wall clock from 09:00.
fn tick_at(s: &mut State, mono: Duration) -> Effects {
    let wall = 9 * 3600 + mono.as_secs() as u32;
    let clock = NaiveTime::from_num_seconds_from_midnight_opt(wall, 0).unwrap();
    update(s, Action::Tick(Now { clock, mono }))
}

/// `secs` seconds of the fake clock, one tick a second.
fn tick(s: &mut State, secs: u32) {
    for _ in 0..secs {
        let next = s.now + Duration::from_secs(1);
        tick_at(s, next);
    }
}

#[test]
fn slides_follow_the_agenda() {
    let mut s = state();
    s.start_presenting(None);
    let slides = s.slides();
    let n = s.board.lines.len();
    assert_eq!(slides.len(), n + 2);
    assert_eq!(slides[0], Slide::Overview);
    assert_eq!(
        slides[1..=n],
        (0..n).map(Slide::Line).collect::<Vec<_>>()[..],
        "lines in the town's order"
    );
    assert_eq!(slides[n + 1], Slide::Laggards);
}

#[test]
fn stepping_with_space_pagedown_arrows() {
    let mut s = state();
    s.start_presenting(None);
    assert_eq!(s.slide(), Some(Slide::Overview));
    press(&mut s, "Space");
    assert_eq!(s.slide(), Some(Slide::Line(0)));
    press(&mut s, "PageDown Right");
    assert_eq!(s.slide(), Some(Slide::Line(2)));
    press(&mut s, "PageUp Left");
    assert_eq!(s.slide(), Some(Slide::Line(0)));
    press(&mut s, "Left Left");
    assert_eq!(s.slide(), Some(Slide::Overview), "stops at the first slide");
    for _ in 0..20 {
        press(&mut s, "Space");
    }
    assert_eq!(s.slide(), Some(Slide::Laggards), "stops at the last slide");
    // Browsing keys do not act in presenter mode.
    press(&mut s, "/");
    assert_eq!(s.route(), Route::Overview);
}

#[test]
fn auto_advance_and_pause() {
    let mut s = state();
    s.start_presenting(Some(10));
    tick(&mut s, 9);
    assert_eq!(s.slide(), Some(Slide::Overview));
    assert_eq!(
        s.present.as_ref().unwrap().remaining,
        1,
        "the countdown shows 1 second left"
    );
    tick(&mut s, 1);
    assert_eq!(s.slide(), Some(Slide::Line(0)));
    assert_eq!(s.present.as_ref().unwrap().remaining, 10);
    press(&mut s, "p");
    tick(&mut s, 60);
    assert_eq!(s.slide(), Some(Slide::Line(0)), "paused");
    press(&mut s, "p");
    tick(&mut s, 10);
    assert_eq!(s.slide(), Some(Slide::Line(1)));
    // A manual step restarts the countdown.
    tick(&mut s, 7);
    press(&mut s, "Space");
    assert_eq!(s.present.as_ref().unwrap().remaining, 10);
    // After the last slide it starts over.
    let n = s.slides().len();
    tick(&mut s, 10 * n as u32);
    assert_eq!(s.slide(), Some(Slide::Line(2)));
}

#[test]
fn without_seconds_the_slides_stay() {
    let mut s = state();
    s.start_presenting(Some(0));
    tick(&mut s, 120);
    assert_eq!(s.slide(), Some(Slide::Overview));
    // `p` has nothing to pause: the footer says how to get auto-advance, and nothing moves.
    press(&mut s, "p");
    let said = s
        .notice
        .as_ref()
        .map(|n| n.text.as_str())
        .unwrap_or_default();
    assert!(
        said.starts_with("未开启自动翻页：启动时写 --present 秒数"),
        "{said:?}"
    );
    tick(&mut s, 120);
    assert_eq!(s.slide(), Some(Slide::Overview));
}

#[test]
fn esc_leaves_for_the_dashboard_on_the_same_line() {
    let mut s = state();
    s.start_presenting(None);
    press(&mut s, "Space Space Esc");
    assert!(s.present.is_none());
    assert_eq!(
        s.stack,
        vec![Route::Overview, Route::Line(s.board.line_id(1).unwrap())]
    );
    assert_eq!(s.stack[1], Route::Line(LineId("economy".into())));
}

#[test]
fn help_opens_over_the_slides_and_closes() {
    let mut s = state();
    s.start_presenting(None);
    press(&mut s, "?");
    assert_eq!(s.route(), Route::Help);
    press(&mut s, "Esc");
    assert_eq!(s.route(), Route::Overview);
    assert!(s.present.is_some(), "closing help returns to the slides");
}

/// Help over the slides takes only its own keys: a line key there used to close help silently.
#[test]
fn help_over_the_slides_takes_only_its_own_keys() {
    let mut s = state();
    s.start_presenting(None);
    press(&mut s, "?");
    press(&mut s, "2 w f");
    assert_eq!(s.route(), Route::Help);
    assert_eq!(s.stack.len(), 2, "{:?}", s.stack);
    press(&mut s, "Esc");
    assert_eq!(s.route(), Route::Overview);
    assert!(s.present.is_some());
}

#[test]
fn zoom_toggles_in_any_mode() {
    let mut s = state();
    press(&mut s, "z");
    assert!(s.zoom);
    press(&mut s, "z");
    assert!(!s.zoom);
    s.start_presenting(None);
    press(&mut s, "z");
    assert!(s.zoom);
}

#[test]
fn slides_keep_to_the_start_time_however_late_the_ticks() {
    // `--present 1` for five minutes; every tick comes 40 ms late, every seventh a second later still.
    let mut s = state();
    s.start_presenting(Some(1));
    let n = s.slides().len() as u64;
    let mut t = Duration::ZERO;
    let mut k = 0;
    while t < Duration::from_secs(299) {
        k += 1;
        t += Duration::from_millis(if k % 7 == 6 { 2040 } else { 1040 });
        tick_at(&mut s, t.min(Duration::from_secs(299)));
    }
    let last = tick_at(&mut s, Duration::from_millis(300_000));
    assert_eq!(
        s.present.as_ref().unwrap().slide as u64,
        300 % n,
        "after 300 s, slide 300 mod {n}: no drift"
    );
    assert_eq!(
        last,
        Effects::one(Effect::WakeAt(Duration::from_secs(301))),
        "the runtime is asked to wake when the next slide is due, not a tick later"
    );
}

#[test]
fn a_manual_step_schedules_the_next_slide_from_the_press() {
    let mut s = state();
    s.start_presenting(Some(10));
    tick_at(&mut s, Duration::from_millis(3_500));
    let fx = update(&mut s, Action::NextSlide);
    assert_eq!(
        fx,
        Effects::one(Effect::WakeAt(Duration::from_millis(13_500)))
    );
    tick_at(&mut s, Duration::from_millis(13_499));
    assert_eq!(s.slide(), Some(Slide::Line(0)));
    tick_at(&mut s, Duration::from_millis(13_500));
    assert_eq!(s.slide(), Some(Slide::Line(1)));
}

/// The top line of `s` drawn at 120x40.
fn header(s: &State) -> String {
    let buf = huibao::commands::render::render_buffer(s.clone(), (120, 40), "").unwrap();
    let text = huibao::commands::render::to_text(&buf);
    text.lines().next().unwrap_or_default().to_string()
}

#[test]
fn the_header_clock_shows_hours_and_minutes() {
    // The loop wakes once a minute for the clock (see app::clock), so it shows no seconds.
    let mut s = state();
    tick_at(&mut s, Duration::from_secs(305));
    let top = header(&s);
    assert!(top.trim_end().ends_with("09:05"), "{top}");
    s.start_presenting(Some(30));
    tick_at(&mut s, Duration::from_secs(306));
    let top = header(&s);
    assert!(top.contains(" 09:05 ") && !top.contains("09:05:"), "{top}");
}

/// Slides have no footer: why a key did nothing shows under the slide's bar while it lasts.
#[test]
fn a_key_that_does_nothing_says_why_on_the_slide() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huibao"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "--today",
            "2023-07-03",
            "render",
            "--present",
            "--size",
            "80x24",
            "--keys",
            "p",
        ])
        .output()
        .expect("run huibao render");
    let screen = String::from_utf8_lossy(&out.stdout);
    let second = screen.lines().nth(1).unwrap_or_default();
    assert!(
        second.starts_with(" 未开启自动翻页：启动时写 --present 秒数"),
        "{screen}"
    );
}
