//! Where each entry of `extract`'s check-list is to be looked at: the line of the written file that
//! holds the drafted label or sentence (`data/2023-06-30/party.json:40`), or, for what was not
//! written, the report's line (`汇报.txt:12`) or paragraph (`汇报.docx 第12段`).

use crate::ingest::draft::{Reason, Review};
use crate::ingest::outline::Para;
use std::path::{Path, PathBuf};

/// The place of each review entry, in order (`None` when it cannot be found).
pub fn places(
    review: &[Review],
    written: &[PathBuf],
    report: &Path,
    paras: &[Para],
    en: bool,
) -> Vec<Option<String>> {
    let files: Vec<(&PathBuf, String)> = written
        .iter()
        .filter_map(|p| Some((p, std::fs::read_to_string(p).ok()?)))
        .collect();
    let report_text = std::fs::read(report)
        .ok()
        .and_then(|b| crate::model::encoding::decode(&b, "").ok())
        .map(|(t, _)| t);
    // Two items may share a label or a sentence: each entry takes the next line not taken yet.
    let mut taken = std::collections::HashSet::new();
    review
        .iter()
        .map(|r| {
            let mut in_files = |key: &str, value: &str| {
                let needle = format!("\"{key}\": {}", serde_json::to_string(value).ok()?);
                files.iter().find_map(|(p, text)| {
                    let line = text.lines().enumerate().position(|(n, l)| {
                        l.trim_start().starts_with(&needle) && !taken.contains(&(*p, n))
                    })?;
                    taken.insert((*p, line));
                    Some(format!("{}:{}", p.display(), line + 1))
                })
            };
            let written_at = match &r.reason {
                Reason::Label(l) => in_files("label", l),
                Reason::Bound(_) | Reason::Firmness(_) => in_files("source", &r.sentence),
                _ => None,
            };
            written_at.or_else(|| in_report(report, report_text.as_deref(), paras, &r.sentence, en))
        })
        .collect()
}

/// Where `sentence` stands in the report: its line in a text report, else its paragraph.
fn in_report(
    report: &Path,
    text: Option<&str>,
    paras: &[Para],
    sentence: &str,
    en: bool,
) -> Option<String> {
    let probe: String = sentence.chars().take(24).collect();
    if probe.is_empty() {
        return None;
    }
    let docx = report
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if let Some(at) = text
        .filter(|_| !docx)
        .and_then(|t| t.find(&probe).map(|i| (t, i)))
    {
        let line = at.0[..at.1].matches('\n').count() + 1;
        return Some(format!("{}:{line}", report.display()));
    }
    let n = paras.iter().position(|p| p.text.contains(&probe))? + 1;
    Some(if en {
        format!("{} paragraph {n}", report.display())
    } else {
        format!("{} 第{n}段", report.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(sentence: &str, reason: Reason) -> Review {
        Review {
            sentence: sentence.into(),
            reason,
        }
    }

    #[test]
    fn written_entries_point_at_their_file_line_and_others_at_the_report() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("party.json");
        std::fs::write(
            &file,
            "{\n  \"items\": [\n    {\n      \"label\": \"为群众解决问题\",\n      \"source\": \"解决问题186个。\"\n    }\n  ]\n}\n",
        )
        .expect("write");
        let report = dir.path().join("汇报.txt");
        std::fs::write(
            &report,
            "标题\n\n一、党建\n解决问题186个。成立“1+6+N”机制。\n",
        )
        .expect("write");
        let paras = crate::ingest::report::read_report(&report).expect("paras");
        let found = places(
            &[
                review("解决问题186个。", Reason::Label("为群众解决问题".into())),
                review("解决问题186个。", Reason::Bound("至少186个".into())),
                // The same sentence again (a second item from it): no second line holds it.
                review("解决问题186个。", Reason::Firmness("力争")),
                review("成立“1+6+N”机制。", Reason::Unread("1、6".into())),
                review("不在报告里。", Reason::Unread("3".into())),
            ],
            std::slice::from_ref(&file),
            &report,
            &paras,
            false,
        );
        let f = file.display();
        let r = report.display();
        assert_eq!(
            found,
            [
                Some(format!("{f}:4")),
                Some(format!("{f}:5")),
                Some(format!("{r}:4")),
                Some(format!("{r}:4")),
                None
            ]
        );
        // A Word report has no lines: its paragraph is named.
        let docx = dir.path().join("汇报.docx");
        let at = in_report(&docx, None, &paras, "成立“1+6+N”机制。", false);
        assert_eq!(at, Some(format!("{} 第3段", docx.display())));
    }
}
