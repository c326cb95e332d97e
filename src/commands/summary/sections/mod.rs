//! The sections of the brief: lines, changes, laggards, near deadlines, withheld figures.

mod changes;
mod deadlines;
mod laggards;
mod lines;
mod withheld;

pub(super) use changes::changes;
pub(super) use deadlines::near_deadlines;
pub(super) use laggards::laggards;
pub(super) use lines::lines;
pub(super) use withheld::withheld;
