//! Reading a report: `.txt` / `.md` in UTF-8, GBK or UTF-16 (the loader's own decoding), or a Word
//! `.docx`, as paragraphs.

use super::outline::Para;
use super::Message;
use std::path::Path;

/// The paragraphs of a plain-text or Markdown report: one per line, blank lines dropped, Markdown
/// `#` headings given their level.
pub fn paras_from_text(text: &str) -> Vec<Para> {
    text.lines()
        .flat_map(super::outline::split_run_on_headings)
        .filter_map(|line| {
            // Web copies frame titles with table bars (东柳街道…工作思路 |).
            let t = line.trim_matches(|c: char| {
                c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}' || c == '|'
            });
            if t.is_empty() {
                return None;
            }
            let hashes = t.chars().take_while(|&c| c == '#').count();
            if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
                return Some(Para {
                    text: t[hashes..].trim().to_string(),
                    level: Some(hashes.min(3) as u8),
                    table: false,
                    ..Default::default()
                });
            }
            Some(Para {
                text: t.to_string(),
                level: None,
                table: false,
                ..Default::default()
            })
        })
        .collect()
}

/// Reads a report file into paragraphs. Errors are messages for the clerk that name the file.
pub fn read_report(path: &Path) -> Result<Vec<Para>, Message> {
    let shown = path.display().to_string();
    let bytes = crate::model::load::read_capped(path).map_err(|e| {
        let missing = !path.exists();
        match missing {
            true => Message::new("找不到这个文件", "no such file"),
            false => Message::new(format!("无法读取：{e}"), format!("cannot read it: {e}")),
        }
        .about(&shown)
    })?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    use super::kind::Kind;
    let paras = match super::kind::sniff(&bytes, &ext) {
        Kind::Docx => titled(
            super::docx::paragraphs(&bytes).map_err(|e| e.about(&shown))?,
            false,
        ),
        Kind::Refused(m) => return Err(m.about(&shown)),
        Kind::Html => {
            let text = super::html::text(&decoded(&bytes, &shown)?);
            titled(paras_from_text(&text), true)
        }
        Kind::Text => {
            let text = without_comments(&decoded(&bytes, &shown)?);
            titled(paras_from_text(&text), false)
        }
    };
    if paras.is_empty() {
        return Err(Message::new("文件里没有文字", "the file holds no text").about(&shown));
    }
    Ok(paras)
}

/// The title of a page, Markdown or Word report that is set as a level-1 heading (`<h1>`, `# `,
/// Word's 标题 1): a plain first line, as the title of a `.txt` is. That is the one unnumbered
/// level-1 heading, or a first paragraph set so that reads like a report's title (…总结, …报告)
/// among other unnumbered level-1 headings. On a saved `page`, what comes before such a heading
/// that reads like a title is the site's menus and breadcrumb, and is left out.
fn titled(mut paras: Vec<Para>, page: bool) -> Vec<Para> {
    let unnumbered_h1 =
        |p: &Para| p.level == Some(1) && super::outline::heading_mark(&p.text).is_none();
    let reads_as_title = |p: &Para| {
        ["总结", "报告", "汇报", "计划", "要点", "情况"]
            .iter()
            .any(|w| p.text.contains(w))
    };
    if paras
        .first()
        .is_some_and(|p| unnumbered_h1(p) && reads_as_title(p))
    {
        paras[0].level = None;
        return paras;
    }
    let mut h1 = paras.iter().enumerate().filter(|(_, p)| unnumbered_h1(p));
    let (Some((at, title)), None) = (h1.next(), h1.next()) else {
        return paras;
    };
    if at == 0 || (page && reads_as_title(title)) {
        paras.drain(..at);
        paras[0].level = None;
    }
    paras
}

/// A text (Markdown) report without its HTML comments (`<!-- 填写说明 -->`), which no reader of the
/// report sees; an unclosed `<!--` stays as written.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("<!--") {
        let Some(end) = rest[at + 4..].find("-->") else {
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + 4 + end + 3..];
    }
    out.push_str(rest);
    out
}

/// The text of a plain-text report or web page in UTF-8, GBK or UTF-16.
fn decoded(bytes: &[u8], shown: &str) -> Result<String, Message> {
    let (text, _) = crate::model::encoding::decode(bytes, shown).map_err(|d| {
        Message::new(
            format!("无法识别文字编码（支持 UTF-8、GBK、UTF-16）：{}", d.message),
            format!(
                "unknown text encoding (UTF-8, GBK and UTF-16 are read): {}",
                d.message
            ),
        )
        .about(shown)
    })?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_reports_say_why() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let doc = dir.path().join("汇报.doc");
        std::fs::write(&doc, b"\xD0\xCF\x11\xE0").unwrap_or_else(|e| panic!("{e}"));
        let e = read_report(&doc).err().unwrap_or_default();
        assert!(e.zh.contains("另存为” .docx 或 .txt"), "{e}");
        assert!(e.zh.starts_with(&doc.display().to_string()), "{e}");
        let empty = dir.path().join("空.txt");
        std::fs::write(&empty, "\n \n").unwrap_or_else(|e| panic!("{e}"));
        assert!(read_report(&empty)
            .err()
            .unwrap_or_default()
            .zh
            .ends_with("文件里没有文字"));
        let latin1 = dir.path().join("bad.txt");
        std::fs::write(&latin1, b"\xff\xfe\xfd\x00\x80").unwrap_or_else(|e| panic!("{e}"));
        let e = read_report(&latin1).err().unwrap_or_default();
        assert!(e.zh.contains("无法识别文字编码"), "{e}");
        assert!(e.en.contains("unknown text encoding"), "{e}");
    }

    #[test]
    fn markdown_headings_and_web_copies() {
        let paras = paras_from_text("# 一、工作总结\n\n东柳街道2023年工作总结 |\n||||\n…首位。 一、2024年工作总结 (一)坚持稳增长。");
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "一、工作总结",
                "东柳街道2023年工作总结",
                "…首位。",
                "一、2024年工作总结",
                "(一)坚持稳增长。"
            ]
        );
        assert_eq!(paras[0].level, Some(1));
    }

    #[test]
    fn a_markdown_reports_comments_are_no_text() {
        // A template's note above the title once became the report's title (and the town 本镇).
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let md = dir.path().join("汇报.md");
        let text = "<!-- 模板 v2 -->\n# 青山镇2024年上半年工作总结\n<!--\n填写说明\n-->\n完成投资3.2亿元。<!-- 待核 -->\n";
        std::fs::write(&md, text).unwrap_or_else(|e| panic!("{e}"));
        let paras = read_report(&md).unwrap_or_default();
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["青山镇2024年上半年工作总结", "完成投资3.2亿元。"]);
        // An unclosed one is text as written.
        assert_eq!(
            paras_from_text(&without_comments("a <!-- b"))[0].text,
            "a <!-- b"
        );
    }

    #[test]
    fn a_pages_one_unnumbered_h1_is_its_title() {
        // A government page's <h1> (a Markdown '# ') is the report's title: as a level-1 heading it
        // left the report without a title, and the town was drafted as 本镇.
        let page =
            "<html><body><h1>青山镇2024年上半年工作总结</h1><p>一、经济发展</p></body></html>";
        let paras = titled(paras_from_text(&super::super::html::text(page)), true);
        assert_eq!(paras[0].text, "青山镇2024年上半年工作总结");
        assert_eq!(paras[0].level, None);
        // Several of them are the report's sections; a numbered one (# 一、) is a heading.
        for md in [
            "# 经济发展\n完成。\n# 安全生产\n完成。",
            "# 一、工作总结\n完成。",
        ] {
            assert_eq!(titled(paras_from_text(md), false)[0].level, Some(1), "{md}");
        }
    }

    #[test]
    fn a_saved_pages_site_furniture_above_its_title_is_left_out() {
        // A whole page as a browser saves it: the site's menus and breadcrumb come before the
        // <h1> title, and were the report's title (网站首页政务公开…) and no town.
        let page = "<div><a>网站首页</a> <a>政务公开</a></div><ul><li>机构概况</li></ul>\
<div>当前位置：首页 &gt; 工作总结</div><h1>青山镇2024年上半年工作总结</h1>\
<p>今年以来，各项工作稳步推进。</p><p>一、经济发展</p>";
        let paras = titled(paras_from_text(&super::super::html::text(page)), true);
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "青山镇2024年上半年工作总结",
                "今年以来，各项工作稳步推进。",
                "一、经济发展"
            ]
        );
        assert_eq!(paras[0].level, None);
        // A section's heading (no 总结/报告 … in it) is no title: nothing before it is dropped.
        let page = "<div>青山镇2024年工作总结</div><h1>经济发展</h1><p>完成投资。</p>";
        let paras = titled(paras_from_text(&super::super::html::text(page)), true);
        assert_eq!(paras.len(), 3);
    }
}
