//! `huibao summary`: a brief for the minutes, in Markdown.

use crate::app::State;
use crate::cli::SummaryFormat;

/// The brief of the state's board in the requested format.
pub fn render(state: &State, format: SummaryFormat) -> String {
    match format {
        SummaryFormat::Markdown => markdown(state),
    }
}

/// The brief as Markdown.
pub fn markdown(state: &State) -> String {
    let _ = state;
    String::new()
}
