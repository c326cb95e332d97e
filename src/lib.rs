//! huibao (汇报): a terminal dashboard for a township's weekly work-review meeting.

pub mod app;
pub mod cli;
pub mod commands;
pub mod import;
pub mod ingest;
pub mod look;
pub mod model;
pub mod text;
pub mod ui;
pub mod watch;

/// The bundled `data/` folder, compiled in by `build.rs`.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
