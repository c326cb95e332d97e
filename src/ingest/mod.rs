//! Bringing data in from what the office already has: figures and deadlines read from prose
//! ([`words`]), drafted data folders written safely ([`write`]), `extract` from a written report
//! ([`extract`]) and `new` for next week's snapshot ([`scaffold`]).

pub mod docx;
pub mod draft;
pub mod extract;
pub mod label;
pub mod outline;
pub mod period;
pub mod plan;
pub mod report;
pub mod review;
pub mod scaffold;
pub mod words;
pub mod write;
