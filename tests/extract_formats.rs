//! Reports as offices have them beside .docx and .txt: a web page saved from a government site
//! (UTF-8 or GBK) drafts what its text drafts; a PDF, an OFD, an old .doc, a spreadsheet or a zip
//! is refused with what to do instead, naming the file.

mod extract_common;

use extract_common::*;
use std::path::Path;

/// The seed report as a government CMS publishes it: a page with a navigation bar, a script, a
/// footer, the title in bold, every paragraph indented with `&nbsp;` and its source line broken
/// between two Chinese characters.
fn seed_as_page(charset: &str) -> String {
    let text = std::fs::read_to_string(seed_path()).unwrap_or_else(|e| panic!("{e}"));
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut body = String::new();
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i == 0 {
            body += &format!(
                "<p style=\"text-align:center\"><strong>{}</strong></p>\n",
                esc(line)
            );
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let cut = (1..chars.len())
            .find(|&k| k >= chars.len() / 2 && !chars[k - 1].is_ascii() && !chars[k].is_ascii())
            .unwrap_or(chars.len());
        let (a, b): (String, String) =
            (chars[..cut].iter().collect(), chars[cut..].iter().collect());
        body += &format!(
            "<p style=\"text-indent:2em\">&nbsp;&nbsp;{}\n{}</p>\n",
            esc(&a),
            esc(&b)
        );
    }
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"{charset}\"><title>x</title>\
         <script>var t = \"<p>不是正文100个</p>\";</script></head><body>\
         <div class=\"nav\">首页 &gt; 政务公开</div><div class=\"TRS_Editor\">\n{body}</div>\
         <!-- 访问量 12345次 --></body></html>"
    )
}

/// Every file of a drafted folder, by path under it.
fn drafted(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for day in std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let p = day.path();
        let inner: Vec<_> = if p.is_dir() {
            std::fs::read_dir(&p)
                .unwrap_or_else(|e| panic!("{e}"))
                .flatten()
                .map(|f| f.path())
                .collect()
        } else {
            vec![p]
        };
        for f in inner {
            let name = f.strip_prefix(dir).unwrap_or(&f).display().to_string();
            files.push((name, std::fs::read_to_string(&f).unwrap_or_default()));
        }
    }
    files.sort();
    files
}

#[test]
fn a_saved_web_page_drafts_what_its_text_drafts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = |report: &Path, out: &str| {
        let out = dir.path().join(out);
        let (code, stdout, stderr) = huibao(&[os("extract"), os(report), os("-o"), os(&out)]);
        assert_eq!(code, 0, "{stdout}{stderr}");
        drafted(&out)
    };
    let from_text = run(seed_path(), "text");
    let page = dir.path().join("汇报.html");
    std::fs::write(&page, seed_as_page("utf-8")).unwrap_or_else(|e| panic!("{e}"));
    let from_page = run(&page, "page");
    assert!(from_text.len() >= 7, "{from_text:?}");
    assert_eq!(from_page, from_text);
    // Saved by an older site in GBK, under .htm.
    let gbk_page = seed_as_page("gb2312");
    let (gbk, _, bad) = encoding_rs::GBK.encode(&gbk_page);
    assert!(!bad);
    let old = dir.path().join("汇报.htm");
    std::fs::write(&old, &gbk).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(run(&old, "gbk"), from_text);
}

#[test]
fn files_that_are_no_written_report_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes, says) in [
        ("汇报.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(), "PDF 文件无法直接读取：请在 WPS 或 Acrobat 中“另存为”/“转换为” .docx，或全选复制文字粘贴到记事本存为 .txt"),
        ("汇报.doc", vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "旧版 Word/WPS 文件（.doc/.wps）无法直接读取，请在 Word 或 WPS 中“另存为” .docx 或 .txt"),
        ("台账.csv", "序号,项目名称\n1,道路\n".as_bytes().to_vec(), "这是表格（台账），不是书面汇报：请用 huibao import 导入"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        let (code, _, stderr) = huibao(&[os("extract"), os(&path), os("-o"), os(&dir.path().join("out"))]);
        assert_eq!(code, 2, "{stderr}");
        assert_eq!(stderr, format!("huibao: {}：{says}\n", path.display()));
    }
    assert!(!dir.path().join("out").exists(), "nothing is written");
}
