//! The model layer: the data format, loading, validation, status rules and history. No UI code here.

pub mod agenda;
pub mod board;
pub mod checks;
pub mod county;
pub mod county_rank;
pub mod diag;
pub mod encoding;
pub mod failed;
pub mod figure;
pub mod format;
pub mod history;
pub mod item;
pub mod jsonpos;
pub mod lang;
pub mod line_file;
pub mod load;
pub mod money_words;
pub mod numbers;
pub mod read;
pub mod reload;
pub mod sanitize;
pub mod say;
pub mod soon;
pub mod stamp;
pub mod status;
pub mod validate;
pub mod values;
pub mod wording;

pub use diag::{Diagnostic, Place, Severity};
pub use format::*;
pub use item::{Item, ItemFile, ItemKind};
pub use lang::Lang;
pub use line_file::{Group, LineFile, LineRole};
pub use load::{DataSource, Dataset, LineHistory, Snapshot};
pub use status::{judge, Judgement, Light};
