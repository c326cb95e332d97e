//! What kind of file a report is, from its first bytes (names lie: WPS saves a .docx under .doc, a
//! web page comes as .txt), and what to tell the clerk about a kind that cannot be read.

use super::Message;

/// How a report file is read.
#[derive(Debug)]
pub enum Kind {
    /// A Word document (.docx, whatever its name says).
    Docx,
    /// A web page saved from a government site: its text, without the markup.
    Html,
    /// Plain text or Markdown.
    Text,
    /// A kind that cannot be read, with what to do instead.
    Refused(Message),
}

/// The kind of a report of `bytes`, named with extension `ext` (lower case, no dot).
pub fn sniff(bytes: &[u8], ext: &str) -> Kind {
    if bytes.starts_with(b"%PDF-") || ext == "pdf" {
        return Kind::Refused(Message::new(
            "PDF 文件无法直接读取：请在 WPS 或 Acrobat 中“另存为”/“转换为” .docx，或全选复制文字粘贴到记事本存为 .txt",
            "PDF files cannot be read: convert the report to .docx in WPS or Acrobat, or copy all its text into a .txt file",
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Kind::Refused(if matches!(ext, "xls" | "et") {
            spreadsheet()
        } else {
            Message::new(
                "旧版 Word/WPS 文件（.doc/.wps）无法直接读取，请在 Word 或 WPS 中“另存为” .docx 或 .txt",
                "old Word/WPS files (.doc/.wps) cannot be read; save the report as .docx or .txt in Word or WPS",
            )
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zipped(bytes, ext);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Kind::Refused(Message::new(
            "RTF 文件无法直接读取，请在 Word 或 WPS 中“另存为” .docx 或 .txt",
            "RTF files cannot be read; save the report as .docx or .txt in Word or WPS",
        ));
    }
    match ext {
        "docx" => Kind::Docx,
        "doc" | "wps" => Kind::Refused(Message::new(
            "旧版 Word/WPS 文件（.doc/.wps）无法直接读取，请在 Word 或 WPS 中“另存为” .docx 或 .txt",
            "old Word/WPS files (.doc/.wps) cannot be read; save the report as .docx or .txt in Word or WPS",
        )),
        "xlsx" | "xls" | "ods" | "et" | "csv" => Kind::Refused(spreadsheet()),
        "html" | "htm" | "shtml" | "xhtml" => Kind::Html,
        _ if looks_like_html(bytes) => Kind::Html,
        _ => Kind::Text,
    }
}

/// A spreadsheet given to `extract`: `import` reads it.
fn spreadsheet() -> Message {
    Message::new(
        "这是表格（台账），不是书面汇报：请用 huibao import 导入",
        "this is a spreadsheet (a 台账), not a written report: bring it in with huibao import",
    )
}

/// A zip: a Word document (also under another name), a spreadsheet, an OFD or an OpenDocument text.
fn zipped(bytes: &[u8], ext: &str) -> Kind {
    let Ok(zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        // A broken zip: the .docx reader says so (or, under another name, it is no report).
        return if ext == "docx" {
            Kind::Docx
        } else {
            Kind::Refused(unknown_zip())
        };
    };
    let has = |name: &str| zip.file_names().any(|n| n == name);
    if has("word/document.xml") {
        Kind::Docx
    } else if has("xl/workbook.xml") || ext == "ods" {
        Kind::Refused(spreadsheet())
    } else if has("OFD.xml") {
        Kind::Refused(Message::new(
            "OFD 版式文件无法直接读取：请在数科 OFD 阅读器或 WPS 中转换为 .docx，或复制全部文字存为 .txt",
            "OFD files cannot be read: convert the report to .docx (OFD reader or WPS), or copy its text into a .txt file",
        ))
    } else if has("content.xml") {
        Kind::Refused(Message::new(
            "OpenDocument 文件（.odt）无法直接读取，请在 WPS 或 LibreOffice 中“另存为” .docx",
            "OpenDocument files (.odt) cannot be read; save the report as .docx in WPS or LibreOffice",
        ))
    } else {
        Kind::Refused(unknown_zip())
    }
}

fn unknown_zip() -> Message {
    Message::new(
        "这是压缩文件，不是汇报：请解压后给出其中的 .docx 或 .txt",
        "this is a zip archive, not a report: unpack it and give the .docx or .txt inside",
    )
}

/// True when the text starts (after a byte-order mark and blanks) like a web page.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head = &head[start..head.len().min(start + 16)];
    let lower = head.to_ascii_lowercase();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(bytes: &[u8], ext: &str) -> String {
        match sniff(bytes, ext) {
            Kind::Refused(m) => m.zh,
            k => panic!("read as {k:?}"),
        }
    }

    /// A zip holding one empty file of each name.
    fn zip_of(names: &[&str]) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for n in names {
            w.start_file(*n, zip::write::SimpleFileOptions::default())
                .expect("a zip entry");
            w.write_all(b"<x/>").expect("write");
        }
        w.finish().expect("a zip").into_inner()
    }

    #[test]
    fn kinds_that_cannot_be_read_say_what_to_do() {
        assert!(refused(b"%PDF-1.7\n...", "pdf").starts_with("PDF 文件无法直接读取"));
        // A PDF saved as .txt by a download is still a PDF.
        assert!(refused(b"%PDF-1.4\n", "txt").starts_with("PDF"));
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(refused(&ole, "doc").contains("另存为” .docx 或 .txt"));
        assert!(refused(&ole, "txt").starts_with("旧版 Word/WPS"));
        assert!(refused(&ole, "xls").contains("huibao import"));
        assert!(refused(&zip_of(&["xl/workbook.xml"]), "xlsx").contains("huibao import"));
        assert!(refused(b"a,b\n1,2\n", "csv").contains("huibao import"));
        assert!(refused(&zip_of(&["OFD.xml", "Doc_0/Document.xml"]), "ofd").starts_with("OFD"));
        assert!(refused(&zip_of(&["mimetype", "content.xml"]), "odt").starts_with("OpenDocument"));
        assert!(refused(&zip_of(&["a.txt"]), "zip").starts_with("这是压缩文件"));
        assert!(refused(b"{\\rtf1\\ansi", "rtf").starts_with("RTF"));
    }

    #[test]
    fn a_report_is_read_by_what_it_is_not_by_its_name() {
        // WPS saves a Word document under .doc when asked to keep the old name.
        let docx = zip_of(&["[Content_Types].xml", "word/document.xml"]);
        assert!(matches!(sniff(&docx, "doc"), Kind::Docx));
        assert!(matches!(sniff(&docx, "docx"), Kind::Docx));
        // A broken .docx goes to the .docx reader, which says what is wrong with it.
        assert!(matches!(sniff(b"PK\x03\x04broken", "docx"), Kind::Docx));
        assert!(matches!(
            sniff(b"<html><body>x</body></html>", "htm"),
            Kind::Html
        ));
        assert!(matches!(
            sniff("\u{feff}\n  <!DOCTYPE html>\n<html>".as_bytes(), "txt"),
            Kind::Html
        ));
        assert!(matches!(
            sniff("一、工作总结".as_bytes(), "txt"),
            Kind::Text
        ));
        assert!(matches!(sniff(b"# title", "md"), Kind::Text));
    }
}
