//! Turning byte offsets and serde_json's byte columns into lines and character columns.

/// Turns serde_json's position (1-based line, column counted in bytes up to and including the
/// character it points at) into a column counted in characters. Never less than 1.
pub fn char_column(text: &str, line: usize, byte_col: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_col.max(1);
    };
    l.char_indices()
        .take_while(|(b, _)| *b < byte_col)
        .count()
        .max(1)
}

/// Line starts of a text, for turning byte offsets into (line, column in characters).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` (one pass).
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// The 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self.text.get(start..).map_or(0, |rest| {
            rest.char_indices()
                .take_while(|(b, _)| start + b < offset)
                .count()
        });
        (line, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_json_byte_columns_become_character_columns() {
        let text = "{\n  \"label\": \"禾源\", \"x\": 1\n}";
        // serde_json would say column 27 (bytes) for the `1`; it is the 23rd character.
        assert_eq!(char_column(text, 2, 27), 23);
        assert_eq!(char_column(text, 9, 5), 5);
        assert_eq!(char_column(text, 3, 0), 1);
    }
}
