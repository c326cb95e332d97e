//! Big digits for the projector: a 3×5 pixel font, each pixel two cells wide so it looks square.

/// Rows of a glyph: `#` is a lit pixel. Only what figures need: digits, `.`, `*`, `+`, `-`, `%`, `/`.
fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => [" # ", "## ", " # ", " # ", "###"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", "###", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", "  #", "  #", "  #"],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        '.' => [" ", " ", " ", " ", "#"],
        '*' => ["   ", "# #", " # ", "# #", "   "],
        '+' => ["   ", " # ", "###", " # ", "   "],
        '-' => ["   ", "   ", "###", "   ", "   "],
        '%' => ["# #", "  #", " # ", "#  ", "# #"],
        '/' => ["  #", "  #", " # ", "#  ", "#  "],
        ' ' => [" ", " ", " ", " ", " "],
        _ => return None,
    })
}

/// Height of big text in rows.
pub const HEIGHT: usize = 5;

/// True when every character of `s` has a big glyph.
pub fn supported(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| glyph(c).is_some())
}

/// Width of `s` in big text, in columns (each pixel 2 columns, 1 column between glyphs).
pub fn width(s: &str) -> usize {
    let w: usize = s
        .chars()
        .filter_map(glyph)
        .map(|g| g[0].len() * 2 + 1)
        .sum();
    w.saturating_sub(1)
}

/// The five rows of `s` in big text (`█` for lit pixels), or None when a character has no glyph.
pub fn render(s: &str) -> Option<Vec<String>> {
    let glyphs: Vec<[&str; 5]> = s.chars().map(glyph).collect::<Option<_>>()?;
    Some(
        (0..HEIGHT)
            .map(|row| {
                let parts: Vec<String> = glyphs
                    .iter()
                    .map(|g| {
                        g[row]
                            .chars()
                            .map(|p| if p == '#' { "██" } else { "  " })
                            .collect()
                    })
                    .collect();
                parts.join(" ")
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_five_rows_and_measured_right() {
        let rows = render("1.2").unwrap();
        assert_eq!(rows.len(), HEIGHT);
        for r in &rows {
            assert_eq!(crate::text::width(r), width("1.2"));
        }
        assert_eq!(width("1898"), 4 * 7 - 1);
        assert!(render("亿").is_none());
        assert!(supported("**"));
        assert!(!supported(""));
    }
}
