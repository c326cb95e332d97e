//! Bringing data in from what the office already has: figures and deadlines read from prose
//! ([`words`]), drafted data folders written safely ([`write`]), `extract` from a written report
//! ([`extract`]) and `new` for next week's snapshot ([`scaffold`]).

pub mod docx;
pub mod draft;
pub mod emit;
pub mod extract;
pub mod html;
pub mod kind;
pub mod label;
pub mod outline;
pub mod period;
pub mod plan;
pub mod report;
pub mod review;
pub mod scaffold;
pub mod table;
pub mod words;
pub mod write;

/// A message for the clerk in both languages; Chinese unless `--lang en`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message {
    /// 中文.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Message {
    /// A message from its Chinese and English wording.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The wording for the interface language.
    pub fn text(&self, en: bool) -> &str {
        if en {
            &self.en
        } else {
            &self.zh
        }
    }

    /// The same message about a file: `path: …`.
    pub fn about(self, path: &str) -> Self {
        Message {
            zh: format!("{path}：{}", self.zh),
            en: format!("{path}: {}", self.en),
        }
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.zh)
    }
}
