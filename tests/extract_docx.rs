//! `huibao extract` on a Word report built here: numbered headings from numbering.xml, heading styles,
//! a table and full-width punctuation.

mod extract_common;

use extract_common::*;
use huibao::ingest::extract::{extract, Extraction, Options};
use huibao::ingest::report::read_report;
use huibao::model::format::Value;

/// A `.docx` as Word writes it: numbered headings from numbering.xml (一、 （一） 1.), heading
/// styles, a style-only heading, a table and full-width punctuation and digits.
mod docx_builder {
    use std::io::Write;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    /// A paragraph: style, numbering level (numId 1) and text.
    pub enum Block<'a> {
        P(Option<&'a str>, Option<u32>, &'a str),
        Table(&'a [&'a [&'a str]]),
    }

    fn para(style: Option<&str>, ilvl: Option<u32>, text: &str) -> String {
        let mut ppr = String::new();
        if let Some(s) = style {
            ppr.push_str(&format!(r#"<w:pStyle w:val="{s}"/>"#));
        }
        if let Some(l) = ilvl {
            ppr.push_str(&format!(
                r#"<w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="1"/></w:numPr>"#
            ));
        }
        // Word splits text into runs; an ampersand arrives escaped.
        let (a, b) = text.split_at(
            text.char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |c| c.0),
        );
        let esc = |s: &str| s.replace('&', "&amp;");
        format!(
            r#"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r></w:p>"#,
            esc(a),
            esc(b)
        )
    }

    pub fn build(blocks: &[Block]) -> Vec<u8> {
        let mut body = String::new();
        for b in blocks {
            match b {
                Block::P(style, ilvl, text) => body.push_str(&para(*style, *ilvl, text)),
                Block::Table(rows) => {
                    body.push_str("<w:tbl>");
                    for row in rows.iter() {
                        body.push_str("<w:tr>");
                        for cell in row.iter() {
                            body.push_str(&format!("<w:tc>{}</w:tc>", para(None, None, cell)));
                        }
                        body.push_str("</w:tr>");
                    }
                    body.push_str("</w:tbl>");
                }
            }
        }
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
        );
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>
<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
</w:styles>"#
        );
        let numbering = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#
        );
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, text) in [
                ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_string()),
                ("word/document.xml", document),
                ("word/styles.xml", styles),
                ("word/numbering.xml", numbering),
            ] {
                z.start_file(name, opts).unwrap_or_else(|e| panic!("{e}"));
                z.write_all(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
            }
            z.finish().unwrap_or_else(|e| panic!("{e}"));
        }
        buf.into_inner()
    }
}

#[test]
fn a_word_report_with_numbered_headings_and_a_table() {
    let bytes = qingshan_report();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("青山镇上半年工作总结.docx");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let paras = read_report(&path).unwrap_or_else(|e| panic!("{e}"));
    let shown: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
    headings_are_numbered_and_the_table_is_a_sentence(&shown);
    let text = shown.join("\n");
    let x = extract(&paras, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    never_invents(&x, &text);
    assert_eq!(x.drafted.date, "2024-06-30");
    assert_eq!(x.drafted.town.name, "青山镇");
    let ids: Vec<&str> = x.drafted.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["party", "economy", "safety", "targets", "tasks"]);
    the_lines_hold_their_items(&x);
    figures_are_written_in_the_format_and_tables_give_items(&x);
    let _dir = written_and_checked(&x);
}

/// The 青山镇 half-year report as a `.docx`: a title, numbered headings on three levels, a style-only
/// heading, a table, full-width digits and a signature.
fn qingshan_report() -> Vec<u8> {
    use docx_builder::Block::{Table, P};
    docx_builder::build(&[
        P(Some("Title"), None, "青山镇2024年上半年工作总结"),
        P(Some("1"), Some(0), "工作开展情况"),
        P(Some("2"), Some(1), "坚持党建引领，夯实基层基础"),
        P(Some("3"), Some(2), "加强组织建设"),
        P(None, None, "召开党委会议12次，开展主题党日活动二十场，发展党员3名。"),
        P(Some("3"), Some(2), "强化干部培训"),
        P(None, None, "全年计划培训１２０人次，目前已完成８５人次；举办“村干部夜校”4期。"),
        P(Some("2"), Some(1), "聚焦项目建设，推动经济发展"),
        P(None, None, "一般公共预算收入完成3200万元，同比增长8.5%，其中税收收入2800万元。"),
        P(None, None, "引进总投资1.5亿元的青山光伏项目，目前已完成投资6000万元，9月底前并网发电。"),
        Table(&[&["项目名称", "总投资（万元）", "形象进度"], &["青山光伏项目", "15000", "60%"]]),
        P(Some("2"), None, "安全生产与应急管理"),
        P(None, None, "开展燃气安全隐患排查，发现并整改隐患18处，整改率100%。"),
        P(Some("1"), Some(0), "下半年工作打算"),
        P(Some("2"), Some(1), "抓项目促发展"),
        P(None, None, "一是确保年底前完成青山光伏项目并网发电。二是力争新增市场主体50家以上，新增就业岗位300个。"),
        P(None, None, "青山镇人民政府"),
        P(None, None, "2024年7月5日"),
    ])
}

/// The headings read with their numbers (一、 （二） 2.) and the table row as one sentence.
fn headings_are_numbered_and_the_table_is_a_sentence(shown: &[&str]) {
    assert!(shown.contains(&"一、工作开展情况"), "{shown:?}");
    assert!(
        shown.contains(&"（二）聚焦项目建设，推动经济发展"),
        "{shown:?}"
    );
    assert!(shown.contains(&"2.强化干部培训"), "{shown:?}");
    assert!(shown.contains(&"二、下半年工作打算"), "{shown:?}");
    assert!(shown.contains(&"青山光伏项目，15000，60%。"), "{shown:?}");
}

/// Party: groups from the 3rd-level headings and their items; economy: the project with its
/// investment and milestone; safety: the ledger; targets: the year-end deadline.
fn the_lines_hold_their_items(x: &Extraction) {
    let party = &x.drafted.lines[0];
    let groups: Vec<&str> = party.groups.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(groups, ["加强组织建设", "强化干部培训"]);
    let labels: Vec<&str> = party.items().map(|i| i.label.as_str()).collect();
    assert!(labels.contains(&"党委会议"), "{labels:?}");
    assert!(labels.contains(&"主题党日活动"), "{labels:?}");
    let training = party
        .items()
        .find(|i| i.label.contains("培训"))
        .unwrap_or_else(|| panic!("{labels:?}"));
    assert_eq!(training.figures[0].value, Some(Value::Num(120.0)));
    let economy = &x.drafted.lines[1];
    let pv = economy
        .items()
        .find(|i| i.project().is_some())
        .unwrap_or_else(|| panic!("no project"));
    assert_eq!(pv.label, "青山光伏项目");
    let p = pv.project().unwrap_or_else(|| unreachable!());
    assert_eq!(
        p.investment.as_ref().and_then(|i| i.value),
        Some(Value::Num(1.5))
    );
    assert_eq!(p.milestones[0].due_text.as_deref(), Some("9月底前"));
    let safety = &x.drafted.lines[2];
    let ledger = safety
        .items()
        .find_map(|i| i.ledger())
        .unwrap_or_else(|| panic!("no ledger"));
    assert_eq!(
        (ledger.found, ledger.rectified),
        (Value::Num(18.0), Some(Value::Num(18.0)))
    );
    let targets = &x.drafted.lines[3];
    let grid = targets
        .items()
        .find(|i| i.deadline_text.as_deref() == Some("年底前"));
    assert!(grid.is_some(), "{:#?}", targets);
}

/// Growth, parts, bounds and firmness are written in the format, the table's figures are listed for
/// review, and the project table gives one item per row.
fn figures_are_written_in_the_format_and_tables_give_items(x: &Extraction) {
    let reasons: Vec<String> = x.review.iter().map(|r| r.reason.text(false)).collect();
    // Growth, parts, bounds and firmness are written in the format now, not listed.
    let figs: Vec<&huibao::model::format::Figure> = x
        .drafted
        .lines
        .iter()
        .flat_map(|l| l.items())
        .flat_map(|i| &i.figures)
        .collect();
    let growth = figs.iter().find_map(|f| f.growth.as_ref());
    assert_eq!(growth.and_then(|g| g.value), Some(Value::Num(8.5)));
    let part = figs.iter().find_map(|f| f.parts.first());
    assert_eq!(part.and_then(|p| p.value), Some(Value::Num(2800.0)));
    let bounded = figs.iter().find(|f| f.target_bound.is_some());
    assert_eq!(bounded.and_then(|f| f.target), Some(Value::Num(50.0)));
    assert!(figs
        .iter()
        .any(|f| f.firmness == Some(huibao::model::format::Firmness::Strive)));
    let want = "总投资（万元）：15000";
    assert!(
        reasons.iter().any(|r| r.contains(want)),
        "{want}: {reasons:#?}"
    );
    // The project table (项目名称 … 形象进度) gives one item per row.
    let tasks = &x.drafted.lines[4];
    let pv_row = tasks.items().next().unwrap_or_else(|| panic!("{tasks:#?}"));
    assert_eq!(pv_row.label, "青山光伏项目");
    assert_eq!(pv_row.figures[0].value, Some(Value::Num(60.0)));
}

/// Word's own "标题 1" style on the title line, as many offices format a report: the title (with
/// the town and the period) is still the title, not a work line.
#[test]
fn a_title_in_a_heading_style_is_the_title() {
    use docx_builder::Block::P;
    let bytes = docx_builder::build(&[
        P(Some("1"), None, "青山镇2024年上半年工作总结"),
        P(Some("1"), Some(0), "工作开展情况"),
        P(Some("2"), Some(1), "坚持党建引领，夯实基层基础"),
        P(None, None, "召开党委会议12次，发展党员3名。"),
        P(Some("2"), Some(1), "聚焦项目建设，推动经济发展"),
        P(None, None, "一般公共预算收入完成3200万元，同比增长8.5%。"),
    ]);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("汇报.docx");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let paras = read_report(&path).unwrap_or_else(|e| panic!("{e}"));
    let x = extract(&paras, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(x.drafted.town.name, "青山镇");
    assert_eq!(x.drafted.town.title, "青山镇2024年上半年工作总结");
    assert_eq!(x.drafted.date, "2024-06-30");
    let ids: Vec<&str> = x.drafted.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["party", "economy"]);
}
