//! Bringing data in from what the office already has: figures and deadlines read from prose
//! ([`words`]), drafted data folders written safely ([`write`]).

pub mod words;
pub mod write;
