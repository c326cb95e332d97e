//! The change beside an item's main figure since the previous snapshot, and its words (`+12`, `持平`,
//! `发现+1`).

use super::board::ItemBoard;
use super::history::{Change, QuantityKey};
use super::wording::{main_key, main_of, Main};
use super::Lang;
use crate::model::numbers::fmt_num;

/// The change of the main figure since the previous snapshot (None when there is no previous snapshot).
pub fn main_change(it: &ItemBoard) -> Option<Change> {
    let key = main_key(it)?;
    it.changes.iter().find(|(k, _)| *k == key).map(|(_, c)| *c)
}

/// The change to show beside the main figure, and its words. A ledger whose 已整改 stayed while
/// more hazards were found says so (`发现+1`), not 持平.
pub fn main_change_shown(it: &ItemBoard, lang: Lang) -> Option<(Change, String)> {
    let c = main_change(it)?;
    let found = || {
        it.changes
            .iter()
            .find(|(k, _)| *k == QuantityKey::Found)
            .map(|(_, c)| *c)
    };
    if let (Main::Ledger(_), Change::Same) = (main_of(&it.item, &it.judgement), c) {
        if let Some(f @ (Change::Up(_) | Change::Down(_))) = found() {
            return Some((
                f,
                format!("{}{}", lang.pick("发现", "found "), change_text(f, lang)),
            ));
        }
    }
    Some((c, change_text(c, lang)))
}

/// A change as words: `+12`, `-3`, `持平`, `新增`, `不详` (withheld: unknown, never from 0).
pub fn change_text(c: Change, lang: Lang) -> String {
    match c {
        Change::Up(d) => format!("+{}", fmt_num(d)),
        Change::Down(d) => format!("-{}", fmt_num(d)),
        Change::Same => lang.pick("持平", "same").into(),
        Change::New => lang.pick("新增", "new").into(),
        Change::Unknown => lang.pick("不详", "n/a").into(),
    }
}
