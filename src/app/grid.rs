//! How the overview lays out its cards for a terminal size: a grid, or a one-column list when the
//! cards would not get room for a figure each. The view draws it and `update` moves on it.

/// Card rows at least: two borders and one figure.
pub const MIN_CARD_ROWS: u16 = 3;
/// Card columns at least.
pub const MIN_CARD_COLS: u16 = 26;

/// The overview's layout in a body of `width`×`height` for `n` cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Cards in `cols` columns and `rows` rows.
    Grid {
        /// Cards per row.
        cols: usize,
        /// Rows of cards.
        rows: usize,
    },
    /// One line per row: key, name, red and amber counts, the top item when it fits.
    List,
}

/// Chooses the layout: as many columns as fit 36 wide, more (down to 26 wide) when the rows of
/// cards would be too low to hold a figure, the list when even that does not fit.
pub fn layout(n: usize, width: u16, height: u16) -> Layout {
    if n == 0 {
        return Layout::Grid { cols: 1, rows: 1 };
    }
    let fit = |cols: usize| {
        let rows = n.div_ceil(cols);
        let cols = n.div_ceil(rows);
        (cols, rows)
    };
    let widest = (width as usize / 36).clamp(1, n);
    let most = (width / MIN_CARD_COLS).max(1) as usize;
    for c in widest..=most.max(widest).min(n) {
        let (cols, rows) = fit(c);
        if height as usize / rows >= MIN_CARD_ROWS as usize
            && width as usize / cols >= MIN_CARD_COLS as usize
        {
            return Layout::Grid { cols, rows };
        }
    }
    Layout::List
}

/// The overview's body size for a terminal size: less the header (2 rows) and the footer (1).
pub fn body(size: (u16, u16)) -> (u16, u16) {
    (size.0, size.1.saturating_sub(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_terminals_get_room_per_card_or_a_list() {
        assert_eq!(layout(6, 80, 21), Layout::Grid { cols: 2, rows: 3 });
        assert_eq!(layout(6, 60, 17), Layout::Grid { cols: 2, rows: 3 });
        assert_eq!(layout(6, 40, 9), Layout::List);
        assert_eq!(layout(6, 200, 47), Layout::Grid { cols: 3, rows: 2 });
        assert_eq!(layout(12, 120, 37), Layout::Grid { cols: 3, rows: 4 });
    }
}
