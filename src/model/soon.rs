//! What falls due soon: open milestones, item deadlines and ledger entries due within a few days of
//! today, and those that passed after the data's date (已到期 待更新), for the first screen.

use super::board::{Board, ItemRef};
use super::item::ItemKind;
use super::status::Light;
use super::wording::Countdown;
use chrono::NaiveDate;

/// One open deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The item it belongs to.
    pub at: ItemRef,
    /// The date.
    pub date: NaiveDate,
    /// What falls due: the milestone, `完成期限`, or the ledger entry.
    pub what: String,
    /// How it stands today.
    pub countdown: Countdown,
}

/// Open deadlines due from today up to `days` days ahead, and those that passed since the data's
/// date, soonest first.
pub fn due_within(board: &Board, today: NaiveDate, days: i64, en: bool) -> Vec<Due> {
    let mut out = Vec::new();
    for (l, line) in board.lines.iter().enumerate() {
        for (i, it) in line.items.iter().enumerate() {
            if it.judgement.light == Light::Done {
                continue;
            }
            let at = ItemRef { line: l, item: i };
            let mut push = |date: NaiveDate, what: String| {
                let countdown = Countdown::until(date, line.as_of, today);
                let soon = match countdown {
                    Countdown::Left(n) => n <= days,
                    Countdown::AwaitingUpdate => true,
                    Countdown::Late(_) => false,
                };
                if soon {
                    out.push(Due {
                        at,
                        date,
                        what,
                        countdown,
                    });
                }
            };
            let x = &it.item;
            if let Some(d) = x.deadline {
                push(d.date(), if en { "deadline" } else { "完成期限" }.into());
            }
            match &x.kind {
                ItemKind::Project(p) => {
                    for m in p.milestones.iter().filter(|m| !m.done) {
                        push(m.due.date(), m.what.clone().into());
                    }
                }
                ItemKind::Ledger(lg) => {
                    for e in lg.entries.iter().filter(|e| e.closed.is_none()) {
                        if let Some(d) = e.deadline {
                            push(d.date(), format!("{} {}", e.id, e.description));
                        }
                    }
                }
                ItemKind::Quantity | ItemKind::Target | ItemKind::Text | ItemKind::Rate => {}
            }
        }
    }
    out.sort_by_key(|d| (d.date, d.at.line, d.at.item));
    out
}
