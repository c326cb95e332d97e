//! The one table widget of the list screens (line panel, laggard list, search results): column widths
//! from layout constraints, every cell fitted to its column by display width (wide glyphs, an ellipsis
//! where text is cut), rows that span the whole table (group titles, notes), the whole selected row
//! highlighted, and scrolling that keeps the selected row in view.

mod layout;

use crate::text::{pad, pad_left, width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// How a text cell sits in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text starts at the column's left edge.
    Left,
    /// Text ends at the column's right edge (figures).
    Right,
}

/// A column: its width as a layout constraint, and how text aligns in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The width, laid out with the other columns (one space between columns).
    pub width: Constraint,
    /// Alignment of text cells.
    pub align: Align,
    /// A figure column: it widens to its widest text cell, never cutting a value; the label column
    /// (the widest left-aligned one) gives way.
    pub whole: bool,
    /// The label column: it gives its room to the figure columns that need it.
    pub gives: bool,
}

impl Column {
    /// A left-aligned column `w` cells wide.
    pub fn left(w: usize) -> Column {
        Column {
            width: Constraint::Length(w as u16),
            align: Align::Left,
            whole: false,
            gives: false,
        }
    }

    /// A right-aligned column `w` cells wide.
    pub fn right(w: usize) -> Column {
        Column {
            width: Constraint::Length(w as u16),
            align: Align::Right,
            whole: false,
            gives: false,
        }
    }

    /// A left-aligned label column `w` cells wide that gives way to the figure columns.
    pub fn label(w: usize) -> Column {
        Column {
            gives: true,
            ..Column::left(w)
        }
    }

    /// A left-aligned column at least `w` cells wide that widens to keep its text whole (a progress
    /// `35%/50%`, a deadline `06-30 剩5天`).
    pub fn left_whole(w: usize) -> Column {
        Column {
            whole: true,
            ..Column::left(w)
        }
    }

    /// A right-aligned figure column at least `w` cells wide that widens to keep every value whole.
    pub fn figures(w: usize) -> Column {
        Column {
            whole: true,
            ..Column::right(w)
        }
    }
}

/// One cell.
#[derive(Debug, Clone)]
pub enum Cell<'a> {
    /// Text fitted to the column (cut with an ellipsis, aligned); the padding stays unstyled.
    Text(String, Style),
    /// Styled spans drawn from the column's left edge and clipped at its right edge (bars, lights).
    Spans(Line<'a>),
}

impl<'a> Cell<'a> {
    /// A text cell.
    pub fn text(s: impl Into<String>, style: Style) -> Cell<'a> {
        Cell::Text(s.into(), style)
    }
}

/// One row.
#[derive(Debug, Clone)]
pub enum Row<'a> {
    /// A cell per column, on a row style that fills the table's width.
    Cells(Vec<Cell<'a>>, Style),
    /// One line across the whole table (a group title, a note).
    Across(Line<'a>),
}

/// A table: header rows that stay, body rows that scroll.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    columns: Vec<Column>,
    header: Vec<Row<'a>>,
    body: Vec<Row<'a>>,
    selected: Option<usize>,
    highlight: Style,
}

impl<'a> Table<'a> {
    /// A table with these columns and no rows.
    pub fn new(columns: Vec<Column>) -> Table<'a> {
        Table {
            columns,
            header: Vec::new(),
            body: Vec::new(),
            selected: None,
            highlight: Style::new(),
        }
    }

    /// Adds a header row (always shown, above the body).
    pub fn header(mut self, row: Row<'a>) -> Table<'a> {
        self.header.push(row);
        self
    }

    /// Adds a body row.
    pub fn push(&mut self, row: Row<'a>) {
        self.body.push(row);
    }

    /// The number of body rows.
    pub fn len(&self) -> usize {
        self.body.len()
    }

    /// True when the body has no row.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// Marks body row `row` as selected: it is scrolled into view and highlighted across the table.
    pub fn select(mut self, row: Option<usize>, highlight: Style) -> Table<'a> {
        self.selected = row;
        self.highlight = highlight;
        self
    }

    /// Draws one row at `y`: its cells in the columns' `cells`, or a line across the table.
    fn draw_row(&self, row: &Row<'_>, y: u16, area: Rect, cells: &[Rect], buf: &mut Buffer) {
        let full = Rect {
            y,
            height: 1,
            ..area
        };
        match row {
            Row::Across(line) => {
                buf.set_line(full.x, y, line, full.width);
            }
            Row::Cells(list, style) => {
                buf.set_style(full, *style);
                for ((cell, col), rect) in list.iter().zip(&self.columns).zip(cells) {
                    let w = rect.width as usize;
                    match cell {
                        Cell::Text(s, st) => {
                            let fitted = match col.align {
                                Align::Left => pad(s, w),
                                Align::Right => pad_left(s, w),
                            };
                            let text = fitted.trim_matches(' ');
                            let lead = if text.is_empty() {
                                0
                            } else {
                                width(&fitted[..fitted.find(text).unwrap_or(0)])
                            };
                            buf.set_stringn(rect.x + lead as u16, y, text, w - lead, *st);
                        }
                        Cell::Spans(line) => {
                            buf.set_line(rect.x, y, line, rect.width);
                        }
                    }
                }
            }
        }
    }
}

impl Widget for Table<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cells = self.cells(area);
        let mut y = area.y;
        for row in &self.header {
            if y >= area.bottom() {
                return;
            }
            self.draw_row(row, y, area, &cells, buf);
            y += 1;
        }
        let height = area.bottom().saturating_sub(y) as usize;
        let sel = self.selected.unwrap_or(0);
        let first = super::scroll_to(sel, self.body.len(), height);
        for (i, row) in self.body.iter().enumerate().skip(first).take(height) {
            let ground = buf[(area.x, y)].bg;
            self.draw_row(row, y, area, &cells, buf);
            if self.selected == Some(i) {
                // Every cell of the row takes the highlight, except what is drawn on a background of
                // its own (a bar's fill and track, a light's badge), which would vanish in it.
                for x in area.left()..area.right() {
                    let cell = &mut buf[(x, y)];
                    if cell.bg == ground {
                        cell.set_style(self.highlight);
                    }
                }
            }
            y += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn text(buf: &Buffer, y: u16) -> String {
        let mut s = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = width(sym).saturating_sub(1);
            s.push_str(sym);
        }
        s.trim_end().to_string()
    }

    #[test]
    fn cells_fit_their_columns_by_display_width() {
        let mut t = Table::new(vec![Column::left(8), Column::right(9)]);
        t.push(Row::Cells(
            vec![
                Cell::text("禾源白羽鸡养殖项目", Style::new()),
                Cell::text("1.2亿元", Style::new()),
            ],
            Style::new(),
        ));
        t.push(Row::Across(Line::raw("〔推动镇域经济稳步增长〕")));
        let area = Rect::new(0, 0, 24, 2);
        let mut buf = Buffer::empty(area);
        t.render(area, &mut buf);
        assert_eq!(
            text(&buf, 0),
            "禾源白..   1.2亿元",
            "cut to 8 columns; a figure on the right"
        );
        assert_eq!(
            text(&buf, 1),
            "〔推动镇域经济稳步增长〕",
            "a row across is not cut"
        );
    }

    #[test]
    fn a_figure_column_keeps_its_values_whole_and_the_label_gives_way() {
        let mut t = Table::new(vec![Column::label(12), Column::figures(8), Column::left(4)]);
        t.push(Row::Cells(
            vec![
                Cell::text("镇村道路提升改造工程", Style::new()),
                Cell::text("8300多/23000万元", Style::new()),
                Cell::text("正常", Style::new()),
            ],
            Style::new(),
        ));
        let area = Rect::new(0, 0, 27, 1);
        let mut buf = Buffer::empty(area);
        t.render(area, &mut buf);
        assert_eq!(text(&buf, 0), "镇.. 8300多/23000万元 正常");
    }

    #[test]
    fn on_a_narrow_table_the_label_then_the_last_columns_give_way_before_a_figure() {
        let mut t = Table::new(vec![
            Column::label(8),
            Column::figures(12),
            Column::left(10),
            Column::left(10),
        ]);
        t.push(Row::Cells(
            vec![
                Cell::text("示例冷链物流园", Style::new()),
                Cell::text("8300多/23000万元", Style::new()),
                Cell::text("● 正常", Style::new()),
                Cell::text("张副镇长", Style::new()),
            ],
            Style::new(),
        ));
        let area = Rect::new(0, 0, 30, 1);
        let mut buf = Buffer::empty(area);
        t.render(area, &mut buf);
        assert_eq!(text(&buf, 0), "示 8300多/23000万元 ● 正常");
    }

    #[test]
    fn the_whole_selected_row_is_highlighted_and_kept_in_view() {
        let mut t = Table::new(vec![Column::left(4), Column::left(4)]);
        for i in 0..10 {
            t.push(Row::Cells(
                vec![
                    Cell::text(format!("r{i}"), Style::new()),
                    Cell::text("x", Style::new()),
                ],
                Style::new(),
            ));
        }
        let hl = Style::new().add_modifier(Modifier::REVERSED);
        let t = t.select(Some(8), hl);
        let area = Rect::new(0, 0, 12, 4);
        let mut buf = Buffer::empty(area);
        t.render(area, &mut buf);
        let row = (0..4)
            .find(|&y| text(&buf, y).starts_with("r8"))
            .expect("r8 shown");
        for x in 0..12 {
            assert!(
                buf[(x, row)].modifier.contains(Modifier::REVERSED),
                "cell {x} of the selected row"
            );
        }
        let other = (row + 1) % 4;
        assert!(!buf[(0, other)].modifier.contains(Modifier::REVERSED));
    }
}
