//! What `update` asks the runtime to do: the only way the pure state transition reaches the outside.

use std::time::Duration;

/// One thing the runtime must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// End the program (exit code 0).
    Quit,
    /// Load the data folder again, off the UI thread, and hand the result back.
    Reload,
    /// Restore the terminal, stop the process (Ctrl-Z) and take the terminal back on resume.
    Suspend,
    /// Load the whole history of the county's town at this position (opened from its newest snapshots)
    /// off the UI thread, and hand it back.
    LoadTown(usize),
    /// Send a tick at this monotonic time (since the runtime started), e.g. when the next slide is due.
    WakeAt(Duration),
}

/// The effects of one update, in the order they were asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effects(Vec<Effect>);

impl Effects {
    /// No effect.
    pub fn none() -> Effects {
        Effects(Vec::new())
    }

    /// A single effect.
    pub fn one(e: Effect) -> Effects {
        Effects(vec![e])
    }

    /// Adds an effect.
    pub fn push(&mut self, e: Effect) {
        self.0.push(e);
    }

    /// True when `e` was asked for.
    pub fn contains(&self, e: Effect) -> bool {
        self.0.contains(&e)
    }

    /// True when nothing was asked for.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The effects in order.
    pub fn iter(&self) -> impl Iterator<Item = Effect> + '_ {
        self.0.iter().copied()
    }
}

impl From<Option<Effect>> for Effects {
    fn from(e: Option<Effect>) -> Effects {
        Effects(e.into_iter().collect())
    }
}
