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
            old_word()
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
    let xml = office_xml(bytes);
    if xml == Some(true) {
        return Kind::Refused(spreadsheet());
    }
    if xml == Some(false) {
        return Kind::Refused(Message::new(
            "Word XML 文档（.xml）无法直接读取，请在 Word 或 WPS 中“另存为” .docx 或 .txt",
            "Word XML documents (.xml) cannot be read; save the report as .docx or .txt in Word or WPS",
        ));
    }
    if matches!(ext, "mht" | "mhtml") || is_mime(bytes) {
        return Kind::Refused(Message::new(
            "MHT 单个文件网页无法直接读取：请在浏览器中另存为“网页，仅 HTML”（.htm），或复制全部文字存为 .txt",
            "single-file web pages (.mht) cannot be read: save the page as HTML only (.htm) in the browser, or copy its text into a .txt file",
        ));
    }
    match ext {
        "docx" => Kind::Docx,
        "doc" | "wps" => Kind::Refused(old_word()),
        "xlsx" | "xls" | "ods" | "et" | "csv" => Kind::Refused(spreadsheet()),
        "html" | "htm" | "shtml" | "xhtml" => Kind::Html,
        _ if looks_like_html(bytes) => Kind::Html,
        _ => Kind::Text,
    }
}

/// An old binary Word or WPS document (by its bytes, or its name when they do not tell).
fn old_word() -> Message {
    Message::new(
        "旧版 Word/WPS 文件（.doc/.wps）无法直接读取，请在 Word 或 WPS 中“另存为” .docx 或 .txt",
        "old Word/WPS files (.doc/.wps) cannot be read; save the report as .docx or .txt in Word or WPS",
    )
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

/// Office's XML formats: `Some(true)` for an XML Spreadsheet 2003 (a 台账 that `import` reads),
/// `Some(false)` for Word 2003's XML document (另存为 “Word XML 文档”), `None` for anything else.
fn office_xml(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096)];
    let has = |s: &[u8]| head.windows(s.len()).any(|w| w == s);
    if has(b"urn:schemas-microsoft-com:office:spreadsheet") {
        Some(true)
    } else if has(b"<?xml") && (has(b"progid=\"Word.Document\"") || has(b"wordDocument")) {
        Some(false)
    } else {
        None
    }
}

/// True for a MIME message (a page saved as one file, .mht, by IE, 360, Chrome or Word): mail
/// headers up to the first blank line, a `MIME-Version` among them.
fn is_mime(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let end = head.windows(4).position(|w| w == b"\r\n\r\n");
    let end = end.or_else(|| head.windows(2).position(|w| w == b"\n\n"));
    let headers = &head[..end.unwrap_or(0)];
    headers.split(|&b| b == b'\n').any(|l| {
        l.get(..13)
            .is_some_and(|k| k.eq_ignore_ascii_case(b"mime-version:"))
    })
}

/// True when the text starts (after a byte-order mark, blanks, an XML declaration and comments)
/// like a web page.
fn looks_like_html(bytes: &[u8]) -> bool {
    let mut head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        let start = head.iter().position(|b| !b.is_ascii_whitespace());
        head = &head[start.unwrap_or(head.len())..];
        let (open, close): (&[u8], &[u8]) = if head.starts_with(b"<?xml") {
            (b"<?xml", b"?>")
        } else if head.starts_with(b"<!--") {
            (b"<!--", b"-->")
        } else {
            break;
        };
        let body = &head[open.len()..];
        match body.windows(close.len()).position(|w| w == close) {
            Some(i) => head = &body[i + close.len()..],
            None => return false,
        }
    }
    let lower = head[..head.len().min(16)].to_ascii_lowercase();
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
        // A page saved as 网页，单个文件 (.mht): MIME parts, not text.
        let mht = b"From: <Saved by Blink>\r\nSubject: =?utf-8?Q?=E9=9D=92?=\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\"\r\n\r\n";
        for ext in ["mht", "mhtml", "txt"] {
            assert!(refused(mht, ext).starts_with("MHT"), "{ext}");
        }
        assert!(refused(b"", "mht").starts_with("MHT"));
        // Office's XML formats: an XML Spreadsheet (导出Excel) is a 台账, Word XML a document.
        let sheet = b"<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">";
        assert!(refused(sheet, "xml").contains("huibao import"));
        let word =
            b"<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument>";
        assert!(refused(word, "xml").starts_with("Word XML"));
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
        // An XHTML page under a server's name (.jsp, .aspx) opens with its XML declaration, a page
        // from a browser with a comment; a Markdown report's comment is still Markdown.
        for page in [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">",
            "<!-- saved from url=(0040)http://www.example.gov.cn/ -->\r\n<HTML><HEAD>",
        ] {
            assert!(matches!(sniff(page.as_bytes(), "jsp"), Kind::Html), "{page}");
        }
        assert!(matches!(
            sniff("<!-- 模板 -->\n# 青山镇工作总结\n<html>".as_bytes(), "md"),
            Kind::Text
        ));
    }
}
