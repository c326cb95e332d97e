//! Word `.docx` reports: paragraphs and table rows from `word/document.xml`, with Word's automatic
//! numbering written out (一、 （一） 1.) from `word/numbering.xml` and heading levels from the paragraph
//! styles (标题 1, Heading 2, outline levels) in `word/styles.xml`.

use super::outline::Para;
use super::Message;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::Read;

mod numbering;
use numbering::{read_numbering, Counters, Numbering};

/// Paragraphs of a `.docx` file as Word shows them. Errors are messages for the clerk.
pub fn paragraphs(bytes: &[u8]) -> Result<Vec<Para>, Message> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| {
        Message::new(
            "不是有效的 .docx 文件（无法按 zip 打开）；请在 Word 或 WPS 中另存为 .docx",
            "not a valid .docx file (it does not open as a zip); save it again as .docx in Word or WPS",
        )
    })?;
    let mut part = |name: &str| -> Option<String> {
        let mut f = zip.by_name(name).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let document = part("word/document.xml").ok_or_else(|| {
        Message::new(
            ".docx 文件中缺少 word/document.xml",
            "the .docx file has no word/document.xml",
        )
    })?;
    let styles = part("word/styles.xml")
        .map(|s| read_styles(&s))
        .unwrap_or_default();
    let numbering = part("word/numbering.xml")
        .map(|s| read_numbering(&s))
        .unwrap_or_default();
    read_document(&document, &styles, &numbering)
}

/// What a paragraph style says: its heading level and its numbering.
#[derive(Debug, Clone, Default)]
struct Style {
    level: Option<u8>,
    num: Option<(String, u32)>,
    based_on: Option<String>,
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"w:val")
}

/// Heading level from a style's id or name: Heading1, 标题 1, heading 2, or the style ids "1"–"3"
/// that Chinese Word gives its heading styles.
fn level_from_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let digits: String = lower.chars().filter(char::is_ascii_digit).collect();
    let n: u8 = digits.parse().ok()?;
    let named = lower.starts_with("heading") || lower.starts_with("标题") || lower == digits;
    (named && (1..=3).contains(&n)).then_some(n)
}

fn read_styles(xml: &str) -> HashMap<String, Style> {
    let mut out = HashMap::new();
    let mut r = Reader::from_str(xml);
    let mut cur: Option<(String, Style)> = None;
    let mut num_id = None;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:style" => {
                    let id = attr(&e, b"w:styleId").unwrap_or_default();
                    let level = level_from_name(&id);
                    cur = Some((
                        id,
                        Style {
                            level,
                            ..Style::default()
                        },
                    ));
                }
                b"w:name" => {
                    if let (Some((_, s)), Some(v)) = (cur.as_mut(), val(&e)) {
                        s.level = s.level.or(level_from_name(&v));
                    }
                }
                b"w:basedOn" => {
                    if let Some((_, s)) = cur.as_mut() {
                        s.based_on = val(&e);
                    }
                }
                b"w:outlineLvl" => {
                    if let (Some((_, s)), Some(v)) =
                        (cur.as_mut(), val(&e).and_then(|v| v.parse::<u8>().ok()))
                    {
                        s.level = s.level.or((v < 3).then_some(v + 1));
                    }
                }
                b"w:numId" => num_id = val(&e),
                b"w:ilvl" => {
                    if let (Some((_, s)), Some(n)) = (cur.as_mut(), num_id.clone()) {
                        s.num = Some((n, val(&e).and_then(|v| v.parse().ok()).unwrap_or(0)));
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.name().as_ref() == b"w:style" => {
                if let Some((id, mut s)) = cur.take() {
                    if let (None, Some(n)) = (&s.num, num_id.take()) {
                        s.num = Some((n, 0));
                    }
                    out.insert(id, s);
                }
                num_id = None;
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// One paragraph being read.
#[derive(Default)]
struct Reading {
    text: String,
    style: Option<String>,
    num: Option<(String, u32)>,
    in_text: bool,
}

fn read_document(
    xml: &str,
    styles: &HashMap<String, Style>,
    numbering: &Numbering,
) -> Result<Vec<Para>, Message> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut p = Reading::default();
    let mut counters = Counters::default();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<String> = None;
    let mut header: Option<Vec<String>> = None;
    loop {
        let ev = r.read_event().map_err(|e| {
            Message::new(
                format!(".docx 内容无法读取：{e}"),
                format!("cannot read the .docx content: {e}"),
            )
        })?;
        match ev {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:p" => p = Reading::default(),
                b"w:pStyle" => p.style = val(&e),
                b"w:numId" => p.num = val(&e).map(|n| (n, p.num.as_ref().map_or(0, |x| x.1))),
                b"w:ilvl" => {
                    let l = val(&e).and_then(|v| v.parse().ok()).unwrap_or(0);
                    p.num = Some((p.num.take().map(|x| x.0).unwrap_or_default(), l));
                }
                b"w:t" => p.in_text = true,
                b"w:tab" => p.text.push(' '),
                b"w:tbl" => header = None,
                b"w:tr" => row = Some(Vec::new()),
                b"w:tc" => cell = Some(String::new()),
                _ => {}
            },
            Event::Text(t) if p.in_text => {
                p.text.push_str(&t.decode().map_err(|e| {
                    Message::new(
                        format!(".docx 文字无法解码：{e}"),
                        format!("cannot decode the .docx text: {e}"),
                    )
                })?);
            }
            Event::GeneralRef(g) if p.in_text => p.text.extend(entity(&g)),
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => p.in_text = false,
                b"w:p" => {
                    let done = std::mem::take(&mut p);
                    let para = finish(done, styles, numbering, &mut counters);
                    // Paragraphs of a cell make one cell (责任⏎领导 → 责任领导).
                    match (&mut cell, para) {
                        (Some(c), Some(para)) => c.push_str(&para.text),
                        (None, Some(para)) => out.push(para),
                        _ => {}
                    }
                }
                b"w:tc" => {
                    if let (Some(cells), Some(c)) = (row.as_mut(), cell.take()) {
                        cells.push(c);
                    }
                }
                b"w:tr" => {
                    if let Some(p) = row.take().and_then(|cells| table_row(cells, &mut header)) {
                        out.push(p);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The character of an entity reference in text (&amp; → &, &#x4E00; → 一).
fn entity(g: &quick_xml::events::BytesRef) -> Option<char> {
    let named = match g.decode().unwrap_or_default().as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    };
    g.resolve_char_ref().ok().flatten().or(named)
}

/// A table row as a paragraph: its non-empty cells joined by ， (ending in 。), its cells, and the
/// table's header (its first row, kept for the rows after it).
fn table_row(cells: Vec<String>, header: &mut Option<Vec<String>>) -> Option<Para> {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if filled.is_empty() {
        return None;
    }
    let mut text = String::new();
    for c in &filled {
        if !text.is_empty() && !text.ends_with(['。', '；', '，']) {
            text.push('，');
        }
        text.push_str(c);
    }
    if !text.ends_with(['。', '；']) {
        text.push('。');
    }
    let head = header.get_or_insert_with(|| cells.clone()).clone();
    Some(Para {
        text,
        table: true,
        cells,
        header: head,
        ..Default::default()
    })
}

/// A read paragraph with its numbering written out and its heading level; None when it is empty.
fn finish(
    p: Reading,
    styles: &HashMap<String, Style>,
    numbering: &Numbering,
    counters: &mut Counters,
) -> Option<Para> {
    let mut style = p.style.as_deref().and_then(|s| styles.get(s));
    let mut level = style.and_then(|s| s.level);
    let mut num = p.num.clone();
    // Follow basedOn a few steps for a level or numbering the style inherits.
    for _ in 0..4 {
        let Some(s) = style else { break };
        level = level.or(s.level);
        num = num.or_else(|| s.num.clone());
        style = s.based_on.as_deref().and_then(|b| styles.get(b));
    }
    let text = p.text.trim().to_string();
    if text.is_empty() {
        return None;
    }
    let prefix = num
        .filter(|(id, _)| id != "0")
        .and_then(|(id, ilvl)| counters.next(numbering, &id, ilvl))
        .unwrap_or_default();
    Some(Para {
        text: format!("{prefix}{text}"),
        level,
        table: false,
        ..Default::default()
    })
}

#[cfg(test)]
mod tests;
