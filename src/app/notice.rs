//! A short message in the footer for a moment: every key answers, even one with nothing to do.

use crate::model::Lang;
use std::time::Duration;

/// How long a notice stays in the footer.
pub const NOTICE_FOR: Duration = Duration::from_secs(3);

/// A message shown in the footer until `until` (monotonic time since the runtime started).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What to say.
    pub text: String,
    /// When it goes away.
    pub until: Duration,
}

/// Why a key did nothing, in the interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nothing {
    /// A line key past the last line (`7` with six lines).
    NoSuchLine(char, usize),
    /// `[` at the first snapshot.
    FirstDate,
    /// `]` at the newest snapshot.
    LastDate,
    /// A key with no binding on this screen.
    Unbound(char),
    /// A key for another screen pressed on the help screen.
    InHelp,
    /// A presenter key outside presenter mode, or the like.
    NotHere,
}

impl Nothing {
    /// The footer's words for it.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Nothing::NoSuchLine(k, n) => match lang {
                Lang::Zh => format!("没有键为 {k} 的工作线（共{n}条）"),
                Lang::En => format!("no work line has the key {k} ({n} lines)"),
            },
            Nothing::FirstDate => lang
                .pick("已是最早一期数据", "this is the oldest snapshot")
                .into(),
            Nothing::LastDate => lang
                .pick("已是最新一期数据", "this is the newest snapshot")
                .into(),
            Nothing::Unbound(c) => match lang {
                Lang::Zh => format!("{c} 键在这里没有功能，按 ? 查看帮助"),
                Lang::En => format!("the key {c} does nothing here; ? shows the keys"),
            },
            Nothing::InHelp => lang
                .pick(
                    "这是帮助页：按 Esc 或 ? 返回后再按",
                    "this is help: Esc or ? first",
                )
                .into(),
            Nothing::NotHere => lang.pick("这里没有可做的", "nothing to do here").into(),
        }
    }
}
