//! How firmly a target is stated: 确保, 力争 / 争取, 预计, 计划.

/// How firmly a target is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Firmness {
    /// 确保: must.
    Must,
    /// 力争 / 争取: strive for.
    Strive,
    /// 预计: expected.
    Expected,
    /// 计划: planned.
    Planned,
}

impl Firmness {
    /// The word as reports write it.
    pub fn zh(self) -> &'static str {
        match self {
            Firmness::Must => "确保",
            Firmness::Strive => "力争",
            Firmness::Expected => "预计",
            Firmness::Planned => "计划",
        }
    }
}

/// The firmness word a clause uses, if any (the first one).
pub fn firmness(clause: &str) -> Option<Firmness> {
    firmness_word(clause).map(|(f, _)| f)
}

/// The firmness word a clause uses (the first one) as written: 争取 as well as 力争.
pub fn firmness_word(clause: &str) -> Option<(Firmness, &'static str)> {
    [
        ("确保", Firmness::Must),
        ("力争", Firmness::Strive),
        ("争取", Firmness::Strive),
        ("预计", Firmness::Expected),
        ("计划", Firmness::Planned),
    ]
    .iter()
    .filter_map(|(w, f)| clause.find(w).map(|i| (i, *f, *w)))
    .min_by_key(|(i, _, _)| *i)
    .map(|(_, f, w)| (f, w))
}
