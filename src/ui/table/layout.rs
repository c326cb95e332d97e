//! The table's column widths: each column's wish, fitted into the room there is, figures kept whole.

use super::{Cell, Row, Table};
use crate::text::width;
use ratatui::layout::{Constraint, Flex, Layout, Rect};

impl Table<'_> {
    /// The widest text cell of column `c` over all rows.
    pub(super) fn widest(&self, c: usize) -> usize {
        self.header
            .iter()
            .chain(&self.body)
            .filter_map(|r| match r {
                Row::Cells(cells, _) => match cells.get(c) {
                    Some(Cell::Text(s, _)) => Some(width(s)),
                    _ => None,
                },
                Row::Across(_) => None,
            })
            .max()
            .unwrap_or(0)
    }

    /// The column widths: figure columns widened to their widest value, the room taken from the
    /// label column (marked [`Column::label`]), which keeps at least 2 cells.
    pub(super) fn widths(&self) -> Vec<Constraint> {
        let mut widths: Vec<Constraint> = self.columns.iter().map(|c| c.width).collect();
        let label = self.columns.iter().position(|c| c.gives);
        for (i, col) in self.columns.iter().enumerate() {
            let (true, Constraint::Length(have), Some(l)) = (col.whole, widths[i], label) else {
                continue;
            };
            let need = (self.widest(i) as u16).saturating_sub(have);
            let Constraint::Length(lw) = widths[l] else {
                continue;
            };
            let give = need.min(lw.saturating_sub(2));
            widths[l] = Constraint::Length(lw - give);
            widths[i] = Constraint::Length(have + give);
        }
        widths
    }

    /// The widths fitted to `room` columns: when the columns (and the spaces between them) are wider,
    /// the label gives way first (down to 2), then the other columns from the right; the figure
    /// columns last, so the layout never squeezes a value while a label or an owner still has room.
    pub(super) fn fitted(&self, room: u16) -> Vec<Constraint> {
        let mut widths = self.widths();
        let lengths: Option<Vec<u16>> = widths
            .iter()
            .map(|c| match c {
                Constraint::Length(n) => Some(*n),
                _ => None,
            })
            .collect();
        let Some(mut lengths) = lengths else {
            return widths;
        };
        let spacing = lengths.len().saturating_sub(1) as u16;
        let mut over = (lengths.iter().sum::<u16>() + spacing).saturating_sub(room);
        let label = self.columns.iter().position(|c| c.gives);
        let order = label
            .into_iter()
            .chain(
                (0..lengths.len())
                    .rev()
                    .filter(|&i| Some(i) != label && !self.columns[i].whole),
            )
            .chain((0..lengths.len()).rev().filter(|&i| self.columns[i].whole));
        for i in order {
            if over == 0 {
                break;
            }
            let keep = if Some(i) == label { 2 } else { 0 };
            let give = over.min(lengths[i].saturating_sub(keep));
            lengths[i] -= give;
            over -= give;
        }
        for (c, n) in widths.iter_mut().zip(lengths) {
            *c = Constraint::Length(n);
        }
        widths
    }

    /// The columns' areas on a one-row strip of `area`.
    pub(super) fn cells(&self, area: Rect) -> Vec<Rect> {
        let strip = Rect { height: 1, ..area };
        Layout::horizontal(self.fitted(area.width))
            .flex(Flex::Start)
            .spacing(1)
            .split(strip)
            .to_vec()
    }
}
