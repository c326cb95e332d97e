use super::numbering::chinese_number;
use super::*;

#[test]
fn chinese_counting() {
    assert_eq!(chinese_number(1), "一");
    assert_eq!(chinese_number(10), "十");
    assert_eq!(chinese_number(12), "十二");
    assert_eq!(chinese_number(20), "二十");
    assert_eq!(chinese_number(35), "三十五");
}

#[test]
fn heading_style_names() {
    assert_eq!(level_from_name("Heading1"), Some(1));
    assert_eq!(level_from_name("heading 2"), Some(2));
    assert_eq!(level_from_name("标题 3"), Some(3));
    assert_eq!(level_from_name("2"), Some(2));
    assert_eq!(level_from_name("Normal"), None);
    assert_eq!(level_from_name("TOC1"), None);
}

#[test]
fn not_a_zip_is_a_clear_error() {
    let e = paragraphs(b"plain text").err().unwrap_or_default();
    assert!(e.zh.contains("不是有效的 .docx 文件"), "{e}");
}
