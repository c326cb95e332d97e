//! Every user intent the dashboard understands.

use chrono::NaiveTime;
use std::time::Duration;

/// The time a tick carries: the wall clock for the header, monotonic time for schedules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    /// Wall-clock time of day, shown in the header.
    pub clock: NaiveTime,
    /// Monotonic time since the runtime started; presenter slides are scheduled on it.
    pub mono: Duration,
}

/// A user intent (or an outside event) handed to [`crate::app::update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Open the n-th work line (0-based).
    JumpLine(usize),
    /// A key with no binding on this screen: the footer says so.
    Unbound(char),
    /// Next work line.
    NextLine,
    /// Previous work line.
    PrevLine,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Move the selection left (the overview's grid).
    Left,
    /// Move the selection right (the overview's grid).
    Right,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// First row.
    First,
    /// Last row.
    Last,
    /// Drill down / open / apply.
    Enter,
    /// Back to the previous screen.
    Back,
    /// Search every line.
    OpenSearch,
    /// Filter by leader, office or light.
    OpenFilter,
    /// The laggard list (滞后清单).
    OpenLaggards,
    /// The help screen.
    OpenHelp,
    /// A character typed into the search box.
    Input(char),
    /// Delete the last character of the search box.
    InputBackspace,
    /// Step to the previous snapshot date.
    PrevDate,
    /// Step to the next snapshot date.
    NextDate,
    /// Reload the data folder now.
    Reload,
    /// Suspend to the shell (Ctrl-Z); the terminal is restored first.
    Suspend,
    /// Presenter mode: next slide.
    NextSlide,
    /// Presenter mode: previous slide.
    PrevSlide,
    /// Presenter mode: pause or resume auto-advance.
    TogglePause,
    /// Fill the screen with the focused pane, or restore it.
    ToggleZoom,
    /// The county overview: the next order (red count, staleness, county order).
    CycleSort,
    /// Time passed: the header clock's minute turned, a notice or a presenter second is due, or an
    /// event is about to be handled (see [`crate::app::clock`]).
    Tick(Now),
    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
}

impl Action {
    /// True for what the help screen answers: scrolling it, closing it (Esc, `?`), quitting,
    /// reloading, suspending, and the clock and size. Other keys would reach the screen beneath
    /// it — over the county, the screens of whichever town was open last.
    pub fn works_on_help(self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::First
                | Action::Last
                | Action::Back
                | Action::OpenHelp
                | Action::Quit
                | Action::Reload
                | Action::Suspend
                | Action::Tick(_)
                | Action::Resize(..)
        )
    }
}
