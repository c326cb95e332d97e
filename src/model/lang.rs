//! The interface language: Chinese by default, English with `--lang en`. The model words its texts in it.

use clap::ValueEnum;

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Lang {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

impl Lang {
    /// True for English.
    pub fn en(self) -> bool {
        self == Lang::En
    }
    /// Picks the Chinese or the English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
