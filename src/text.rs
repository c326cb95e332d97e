//! Display-width text helpers: every width is a terminal display width, every cut falls between glyphs.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The ellipsis put at the end of truncated text. ASCII, because some CJK terminals draw `…` two wide.
pub const ELLIPSIS: &str = "..";

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    glyphs(s).map(glyph_width).sum()
}

/// The glyphs (grapheme clusters) of `s`. Text made only of characters that always stand alone
/// ([`stands_alone`]) is cut per character without running the segmentation rules: a frame
/// measures and cuts hundreds of such strings.
pub fn glyphs(s: &str) -> Glyphs<'_> {
    if s.chars().all(stands_alone) {
        Glyphs::Chars(s)
    } else {
        Glyphs::Clusters(s.graphemes(true))
    }
}

/// The iterator of [`glyphs`].
pub enum Glyphs<'a> {
    /// What is left of a text whose characters are its glyphs.
    Chars(&'a str),
    /// Any other text, segmented.
    Clusters(unicode_segmentation::Graphemes<'a>),
}

impl<'a> Iterator for Glyphs<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        match self {
            Glyphs::Chars(rest) => {
                let c = rest.chars().next()?;
                let (glyph, after) = rest.split_at(c.len_utf8());
                *rest = after;
                Some(glyph)
            }
            Glyphs::Clusters(g) => g.next(),
        }
    }
}

/// Characters that are a whole glyph next to any other such character (grapheme cluster break
/// "Other", never a mark, joiner, selector, regional indicator or Hangul jamo): printable ASCII,
/// the middle dot, general punctuation (dashes, quotes, the ellipsis), CJK symbols and punctuation
/// except the combining tone marks, CJK ideographs, full-width forms.
fn stands_alone(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E | 0xB7 | 0x2010..=0x2027 | 0x3000..=0x3029 | 0x3030..=0x303F
        | 0x4E00..=0x9FFF | 0xFF01..=0xFF60)
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
    let mut next = None;
    for g in glyphs(s) {
        let w = glyph_width(g);
        if used + w > room {
            next = Some(g);
            break;
        }
        out.push_str(g);
        used += w;
    }
    match next {
        // A figure that ends before a space is whole (`39次 +2`): only a bare number is taken back.
        Some(g) if g.chars().all(char::is_whitespace) && !out.ends_with(in_figure_char) => {}
        Some(_) => out = before_figure(out),
        None => {}
    }
    out.push_str(ell);
    out
}

/// A figure is shown whole or not at all: when a cut falls inside or right after one (`同比增长1..`,
/// `8300多/230..`, `1000万..`, `*..`), the kept text backs off to just before it.
fn before_figure(mut out: String) -> String {
    let bare =
        out.trim_end_matches(|c| UNIT_TAILS.contains(c) || "万亿千百多余年月日号平公".contains(c));
    if bare.chars().next_back().is_some_and(in_figure_char) {
        out.truncate(bare.len());
        while out.chars().next_back().is_some_and(in_figure_char) {
            out.pop();
        }
    }
    out
}

/// True for the glyphs a figure is written with: digits (ASCII and full-width), `**` (withheld),
/// the decimal point, separators and signs, and the `/` between a done amount and its target.
fn in_figure_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "*.,．/%+-~～".contains(c)
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

/// Where a line may end inside `para`: byte offsets (the start of the next line) after the Unicode
/// line-breaking rules (UAX #14: never before ，。、）, never after “（, never inside a number or `**`),
/// tailored so that a figure keeps its unit (`38个`, `1000万元`, `**人次`, `6227平方米`) and closing
/// punctuation stays on its line even after a space.
fn break_points(para: &str) -> Vec<usize> {
    unicode_linebreak::linebreaks(para)
        .filter(|&(i, _)| i < para.len())
        .map(|(i, _)| i)
        .filter(|&i| !inside_figure(para, i) && !para[i..].starts_with(CLOSING))
        .collect()
}

/// Punctuation that never starts a line, even after a space (UAX #14 allows a break after a space).
const CLOSING: [char; 12] = [
    '，', '。', '、', '）', '；', '：', '！', '？', '”', '》', '」', '】',
];

/// Characters that continue a unit after a figure's first unit character (万元, 平方米, 人次, 公里).
const UNIT_TAILS: &str = "元人只吨亩户个方米次里顷斤克台套家件起场期处座";

/// True when a break at byte `i` would separate a figure from its unit, or split a unit.
fn inside_figure(para: &str, i: usize) -> bool {
    let before = &para[..i];
    let (Some(prev), Some(next)) = (before.chars().next_back(), para[i..].chars().next()) else {
        return false;
    };
    if next.is_whitespace() {
        return false;
    }
    let figure_end = |c: char| c.is_ascii_digit() || c == '*';
    if figure_end(prev) {
        return true;
    }
    // 1000万|元, 6227平|方米, 42人|次: the unit goes on while the figure stands before it.
    if !UNIT_TAILS.contains(next) {
        return false;
    }
    for (unit_len, c) in before.chars().rev().enumerate() {
        if figure_end(c) {
            return unit_len > 0;
        }
        if c.is_ascii() || unit_len >= 2 {
            return false;
        }
    }
    false
}

/// Wraps `s` into lines of at most `w` columns at the Unicode line-break opportunities (see
/// [`break_points`]); a piece that cannot fit a line alone is cut between glyphs. Existing line
/// breaks are kept; spaces at the end of a wrapped line are dropped.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut pieces = Vec::new();
        let mut start = 0;
        for end in break_points(para).into_iter().chain([para.len()]) {
            if end > start {
                pieces.push(&para[start..end]);
                start = end;
            }
        }
        let mut cur = String::new();
        let mut used = 0;
        for piece in pieces {
            let pw = width(piece.trim_end());
            if used > 0 && used + pw > w {
                lines.push(cur.trim_end().to_string());
                cur.clear();
                used = 0;
            }
            if pw <= w {
                cur.push_str(piece);
                used += width(piece);
                continue;
            }
            // Longer than a line by itself: cut between glyphs.
            for g in glyphs(piece) {
                let gw = glyph_width(g);
                if used + gw > w && used > 0 {
                    lines.push(std::mem::take(&mut cur));
                    used = 0;
                }
                if gw > w {
                    continue;
                }
                cur.push_str(g);
                used += gw;
            }
        }
        lines.push(cur.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_that_stand_alone_are_their_own_glyphs() {
        let alone: String = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| stands_alone(c))
            .collect();
        // Each beside the next and, reversed, beside the one before: no two are one cluster.
        let back: String = alone.chars().rev().collect();
        for s in [alone.as_str(), back.as_str()] {
            assert!(s.graphemes(true).eq(glyphs(s)));
        }
        assert!(matches!(
            glyphs("1000万元，同比+2%“完成”…"),
            Glyphs::Chars(_)
        ));
        for s in ["e\u{301}", "中\u{FE0F}", "👍🏽中", "\r\n"] {
            assert!(matches!(glyphs(s), Glyphs::Clusters(_)));
        }
    }

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
    fn truncate_never_cuts_a_figure() {
        assert_eq!(truncate("同比增长12.5%，高于全县", 12), "同比增长..");
        assert_eq!(truncate("8300多/23000万元", 12), "8300多..");
        assert_eq!(truncate("总投资1000万元", 12), "总投资..");
        assert_eq!(truncate("整修改造约1900平方米", 18), "整修改造约..");
        assert_eq!(
            truncate("2023年工作总结和2024年计划", 22),
            "2023年工作总结和.."
        );
        assert_eq!(truncate("隐患**个", 6), "隐患..");
        assert_eq!(truncate("主题党日 39次 +2", 15), "主题党日 39次..");
        assert_eq!(truncate("一个项目建设", 8), "一个项..");
        for (s, w) in [("共38个村完成改造提升", 7), ("完成3000/6000万元", 13)] {
            let t = truncate(s, w);
            let kept = t.trim_end_matches(ELLIPSIS);
            assert!(
                !kept.ends_with(|c: char| c.is_ascii_digit() || "个万元".contains(c)),
                "{s} at {w}: {t}"
            );
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

    /// Every line of `s` wrapped at every width from 10 to 40 — the joined lines give back the text
    /// (less spaces at line ends), no line is too wide, and `forbidden(line_end, next_line)` never holds.
    fn check_wraps(s: &str, forbidden: impl Fn(&str, &str) -> bool) {
        for w in 10..=40 {
            let lines = wrap(s, w);
            let joined: String = lines.concat();
            let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(squeeze(&joined), squeeze(s), "{w}");
            for pair in lines.windows(2) {
                assert!(width(&pair[0]) <= w, "{w}: {pair:?}");
                assert!(!forbidden(&pair[0], &pair[1]), "{w}: {pair:?}");
            }
        }
    }

    #[test]
    fn wrap_never_splits_a_figure_or_its_unit() {
        let s = "成功引进总投资1.2亿元禾源白羽鸡养殖项目，规划了5处养殖区，占地400多亩，目前莲花城基地**个棚\
                 主体建设接近尾声；开展安全生产检查38个，整改隐患1000万元，道路6227平方米，培训42人次。";
        check_wraps(s, |a, b| {
            let (l, r) = (a.chars().last().unwrap(), b.chars().next().unwrap());
            let digitish = |c: char| c.is_ascii_digit() || c == '*' || c == '.';
            digitish(l) && !r.is_whitespace()
                || a.ends_with("万") && b.starts_with('元')
                || a.ends_with("亿") && b.starts_with('元')
                || a.ends_with("平") && b.starts_with('方')
                || a.ends_with("人") && b.starts_with('次')
        });
    }

    #[test]
    fn wrap_never_starts_a_line_with_closing_punctuation() {
        let s = "召开专题会议（扩大）6次，党委书记讲党课2次。整改“回头看”、督导检查、约谈提醒，全部完成）。";
        check_wraps(s, |a, b| {
            b.starts_with(['，', '。', '、', '）', '”', '；']) || a.ends_with(['“', '（'])
        });
    }

    #[test]
    fn wrap_cuts_what_cannot_fit_and_keeps_line_breaks() {
        assert_eq!(wrap("12345678901234", 6), ["123456", "789012", "34"]);
        assert_eq!(wrap("第一行\n第二行", 20), ["第一行", "第二行"]);
        assert_eq!(wrap("plan the work", 9), ["plan the", "work"]);
    }
}
