//! Display-width text helpers: every width is a terminal display width, every cut falls between glyphs.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The ellipsis put at the end of truncated text. ASCII, because some CJK terminals draw `…` two wide.
pub const ELLIPSIS: &str = "..";

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(glyph_width).sum()
}

fn glyph_width(g: &str) -> usize {
    UnicodeWidthStr::width(g)
}

/// Cuts `s` to at most `max` columns, ending in an ellipsis when cut; never splits a glyph.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let ell = if max > ELLIPSIS.len() + 1 {
        ELLIPSIS
    } else {
        ""
    };
    let room = max - ell.len();
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = glyph_width(g);
        if used + w > room {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push_str(ell);
    out
}

/// `s` cut to `w` columns and padded with spaces on the right to exactly `w` columns.
pub fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(n))
}

/// `s` cut to `w` columns and padded with spaces on the left to exactly `w` columns.
pub fn pad_left(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = w.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(n))
}

/// Wraps `s` into lines of at most `w` columns, breaking between any two glyphs (Chinese has no spaces);
/// existing line breaks are kept.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut cur = String::new();
        let mut used = 0;
        for g in para.graphemes(true) {
            let gw = glyph_width(g);
            if used + gw > w && !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
                used = 0;
            }
            if gw > w {
                continue;
            }
            cur.push_str(g);
            used += gw;
        }
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_columns_not_chars() {
        assert_eq!(width("党建"), 4);
        assert_eq!(width("a党"), 3);
        assert_eq!(width("你好，世界！"), 12);
    }

    #[test]
    fn truncate_never_exceeds_and_never_halves_a_glyph() {
        assert_eq!(truncate("党风廉政建设专题会议", 9), "党风廉..");
        assert_eq!(width(&truncate("党风廉政建设专题会议", 9)), 8);
        assert_eq!(truncate("党风", 4), "党风");
        assert_eq!(truncate("党风", 3), "党");
        assert_eq!(truncate("ab", 0), "");
        for w in 0..25 {
            let t = truncate("禾源白羽鸡养殖项目（莲花城基地）", w);
            assert!(width(&t) <= w, "{w}: {t}");
        }
    }

    #[test]
    fn pad_is_exact() {
        assert_eq!(width(&pad("禾源白羽鸡养殖项目", 11)), 11);
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad_left("6次", 5), "  6次");
    }

    #[test]
    fn wrap_breaks_chinese_between_glyphs() {
        let lines = wrap("召开党风廉政建设专题会议6次", 10);
        assert!(lines.iter().all(|l| width(l) <= 10));
        assert_eq!(lines.concat(), "召开党风廉政建设专题会议6次");
    }
}
