//! Word's automatic numbering: the levels of `word/numbering.xml` and the counters that write out
//! each numbered paragraph's text (一、 （一） 1.).

use super::{attr, val};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// A numbering level: its format (decimal, chineseCounting …), its text (%1、) and its start.
#[derive(Debug, Clone, Default)]
struct Level {
    fmt: String,
    text: String,
    start: u32,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, HashMap<u32, Level>>,
    nums: HashMap<String, String>,
}

pub(super) fn read_numbering(xml: &str) -> Numbering {
    let mut n = Numbering::default();
    let mut r = Reader::from_str(xml);
    let (mut abs, mut lvl, mut num): (Option<String>, Option<u32>, Option<String>) =
        (None, None, None);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:abstractNum" => abs = attr(&e, b"w:abstractNumId"),
                b"w:lvl" => lvl = attr(&e, b"w:ilvl").and_then(|v| v.parse().ok()),
                b"w:num" => num = attr(&e, b"w:numId"),
                b"w:abstractNumId" => {
                    if let (Some(id), Some(v)) = (num.clone(), val(&e)) {
                        n.nums.insert(id, v);
                    }
                }
                name @ (b"w:numFmt" | b"w:lvlText" | b"w:start") => {
                    if let (Some(a), Some(l)) = (abs.clone(), lvl) {
                        let level = n.abstracts.entry(a).or_default().entry(l).or_default();
                        let v = val(&e).unwrap_or_default();
                        match name {
                            b"w:numFmt" => level.fmt = v,
                            b"w:lvlText" => level.text = v,
                            _ => level.start = v.parse().unwrap_or(1),
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.name().as_ref() == b"w:abstractNum" => abs = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    n
}

/// 1 → 一, 12 → 十二, 20 → 二十.
pub(super) fn chinese_number(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].into(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n - 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// Counters of Word's automatic numbering, and the text each numbered paragraph shows.
#[derive(Default)]
pub(super) struct Counters(HashMap<String, Vec<u32>>);

impl Counters {
    pub(super) fn next(&mut self, num: &Numbering, num_id: &str, ilvl: u32) -> Option<String> {
        let abs = num.abstracts.get(num.nums.get(num_id)?)?;
        let lvl = abs.get(&ilvl)?;
        let counts = self
            .0
            .entry(num.nums.get(num_id)?.clone())
            .or_insert_with(|| vec![0; 9]);
        let i = ilvl as usize;
        if i >= counts.len() {
            return None;
        }
        counts[i] = if counts[i] == 0 {
            lvl.start.max(1)
        } else {
            counts[i] + 1
        };
        for c in counts.iter_mut().skip(i + 1) {
            *c = 0;
        }
        let mut text = lvl.text.clone();
        for (k, count) in counts.iter().enumerate().take(i + 1) {
            let fmt = abs.get(&(k as u32)).map_or("decimal", |l| l.fmt.as_str());
            let shown = match fmt {
                "bullet" | "none" => String::new(),
                f if f.starts_with("chinese")
                    || f.starts_with("ideograph")
                    || f.starts_with("taiwanese") =>
                {
                    chinese_number((*count).max(1))
                }
                _ => (*count).max(1).to_string(),
            };
            text = text.replace(&format!("%{}", k + 1), &shown);
        }
        (lvl.fmt != "bullet").then_some(text)
    }
}
