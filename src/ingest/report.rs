//! Reading a report: `.txt` / `.md` in UTF-8, GBK or UTF-16 (the loader's own decoding), or a Word
//! `.docx`, as paragraphs.

use super::outline::Para;
use std::path::Path;

/// The paragraphs of a plain-text or Markdown report: one per line, blank lines dropped, Markdown
/// `#` headings given their level.
pub fn paras_from_text(text: &str) -> Vec<Para> {
    text.lines()
        .flat_map(super::outline::split_run_on_headings)
        .filter_map(|line| {
            let t = line
                .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}');
            if t.is_empty() {
                return None;
            }
            let hashes = t.chars().take_while(|&c| c == '#').count();
            if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
                return Some(Para {
                    text: t[hashes..].trim().to_string(),
                    level: Some(hashes.min(3) as u8),
                    table: false,
                });
            }
            Some(Para {
                text: t.to_string(),
                level: None,
                table: false,
            })
        })
        .collect()
}

/// Reads a report file into paragraphs. Errors are messages for the clerk, in Chinese.
pub fn read_report(path: &Path) -> Result<Vec<Para>, String> {
    let shown = path.display().to_string();
    let bytes = crate::model::load::read_capped(path).map_err(|e| format!("{shown}: {e}"))?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let paras = match ext.as_str() {
        "docx" => super::docx::paragraphs(&bytes).map_err(|e| format!("{shown}: {e}"))?,
        "doc" | "wps" => {
            return Err(format!(
                "{shown}：旧版 Word/WPS 文件（.doc/.wps）无法直接读取，请在 Word 或 WPS 中“另存为” .docx 或 .txt"
            ))
        }
        _ => {
            let (text, _) = crate::model::encoding::decode(&bytes, &shown).map_err(|d| {
                format!("{shown}：无法识别文字编码（支持 UTF-8、GBK、UTF-16）：{}", d.message)
            })?;
            paras_from_text(&text)
        }
    };
    if paras.is_empty() {
        return Err(format!("{shown}：文件里没有文字"));
    }
    Ok(paras)
}
