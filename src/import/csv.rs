//! `.csv` 台账: decoding (UTF-8, UTF-16 with a byte-order mark, or GBK/GB18030 as WPS saves it) and
//! splitting into cells (quoted fields, doubled quotes, line breaks inside quotes; comma, or tab when
//! the file is tab-separated).

use super::sheet::{Cell, ReadError, Sheet};

/// Reads a `.csv` file's bytes as one sheet without a name (places read `file.csv!C4`). No merge information: a merged cell
/// saved as CSV is its value followed by blanks.
pub fn read(bytes: &[u8], path: &str) -> Result<Sheet, ReadError> {
    let (text, _) = crate::model::encoding::decode(bytes, path).map_err(|d| match d.place {
        crate::model::Place::Text { line, col } => ReadError::Encoding(line, col),
        _ => ReadError::Encoding(0, 0),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let sep = separator(text);
    let rows = split(text, sep)
        .into_iter()
        .map(|fields| {
            let mut cells: Vec<Cell> = fields
                .into_iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(crate::model::sanitize::clean_text(&f))
                    }
                })
                .collect();
            while cells.last().is_some_and(Cell::is_blank) {
                cells.pop();
            }
            cells
        })
        .collect();
    Ok(Sheet {
        name: String::new(),
        rows,
        merges: Vec::new(),
        merges_known: false,
    })
}

/// Tab when the first lines hold more tabs than commas, else comma.
fn separator(text: &str) -> char {
    let head: String = text.lines().take(10).collect();
    let tabs = head.matches('\t').count();
    let commas = head.matches(',').count();
    if tabs > commas {
        '\t'
    } else {
        ','
    }
}

/// Splits CSV text into rows of fields (RFC 4180, lenient: a stray quote inside a field is kept).
fn split(text: &str, sep: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            c if c == sep => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_doubled_quotes_and_line_breaks() {
        let rows = split("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",\r\n", ',');
        assert_eq!(
            rows,
            vec![vec!["a", "b,c", "say \"hi\""], vec!["1", "two\nlines", ""],]
        );
    }

    #[test]
    fn gbk_and_tabs() {
        let (bytes, _, _) = encoding_rs::GBK.encode("序号\t重点工作\n1\t秸秆禁烧\n");
        let sheet = read(&bytes, "x.csv").unwrap();
        assert_eq!(sheet.cell(1, 1), &Cell::Text("秸秆禁烧".into()));
        assert!(!sheet.merges_known);
    }

    #[test]
    fn bytes_in_no_known_encoding_are_refused() {
        assert!(matches!(
            read(b"\xff\xff\xff\x80\x80", "x.csv"),
            Err(ReadError::Encoding(..))
        ));
    }
}
