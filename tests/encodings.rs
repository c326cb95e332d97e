//! Files saved by office machines in other encodings (`tests/fixtures/encodings/`): the same line
//! file as UTF-8, UTF-8 with a BOM, UTF-16LE with a BOM and CRLF line ends (PowerShell), UTF-16BE
//! with a BOM, and GBK with CRLF (Notepad in a Chinese locale). Each loads to exactly the same
//! [`LineFile`]; the ones that are not UTF-8 come with a warning naming their encoding.

use huibao::model::load::{decode, parse_line_file, parse_town_checked, TextEncoding};
use huibao::model::{Diagnostic, LineFile, Severity};
use std::path::Path;
use std::process::Command;

const DIR: &str = "tests/fixtures/encodings";

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(manifest().join(DIR).join(name)).expect("fixture")
}

fn load(name: &str) -> (LineFile, Vec<Diagnostic>) {
    let path = format!("{DIR}/{name}");
    parse_line_file(&read(name), &path).unwrap_or_else(|d| panic!("{name} did not load: {d}"))
}

fn note(name: &str, encoding: &str) -> String {
    format!("{DIR}/{name}: .: the file is encoded as {encoding}; it loaded, but please save it as UTF-8")
}

#[test]
fn every_encoding_loads_the_same_file() {
    let (utf8, warnings) = load("utf8.json");
    assert_eq!(warnings, []);
    assert_eq!(utf8.title, "联通你好：编码测试（GBK、UTF-16、UTF-8）");
    let items: Vec<&str> = utf8.items().map(|i| i.label.as_str()).collect();
    assert_eq!(items, ["联通", "你好", "lǜ shuǐ qīng shān 绿水青山"]);
    assert_eq!(
        utf8.groups[0].items[0].source,
        "“联通”两字在记事本里曾被误认作UTF-8……①②③·完成率85％，气温25℃，改造面积1200㎡。"
    );
    assert_eq!(
        utf8.groups[0].items[1].note.as_deref(),
        Some("第一行\n第二行")
    );

    for (name, encoding) in [
        ("utf8-bom.json", None),
        ("utf16le-bom.json", Some("UTF-16LE")),
        ("utf16be-bom.json", Some("UTF-16BE")),
        ("gbk.json", Some("GB18030")),
    ] {
        let (file, warnings) = load(name);
        assert_eq!(file, utf8, "{name} loads to the same file");
        let printed: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        let want: Vec<String> = encoding.map(|e| note(name, e)).into_iter().collect();
        assert_eq!(printed, want, "{name}");
        assert!(warnings.iter().all(|w| w.severity == Severity::Warning));
    }
}

#[test]
fn decode_names_the_encoding() {
    for (name, encoding) in [
        ("utf8.json", TextEncoding::Utf8),
        ("utf8-bom.json", TextEncoding::Utf8Bom),
        ("utf16le-bom.json", TextEncoding::Utf16Le),
        ("utf16be-bom.json", TextEncoding::Utf16Be),
        ("gbk.json", TextEncoding::Gb18030),
        ("liantong-gbk.json", TextEncoding::Gb18030),
        ("gb18030.json", TextEncoding::Gb18030),
    ] {
        let (text, found) = decode(&read(name), name).expect(name);
        assert_eq!(found, encoding, "{name}");
        assert!(
            !text.contains('\u{fffd}'),
            "{name}: no replacement character"
        );
        assert!(
            !text.starts_with('\u{feff}'),
            "{name}: the BOM is not part of the text"
        );
    }
}

#[test]
fn liantong_alone_is_gbk_not_utf8() {
    // 联通 in GBK is C1 AA CD A8, which a lenient UTF-8 check once took for UTF-8.
    let bytes = read("liantong-gbk.json");
    assert!(bytes.windows(4).any(|w| w == b"\xC1\xAA\xCD\xA8"));
    let (file, _) = load("liantong-gbk.json");
    assert_eq!(file.title, "联通");
}

#[test]
fn gb18030_four_byte_characters() {
    let (file, warnings) = load("gb18030.json");
    assert_eq!(file.title, "𠮷野家 €5");
    assert_eq!(
        warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
        [note("gb18030.json", "GB18030")]
    );
}

#[test]
fn town_json_in_gbk_loads_with_a_note() {
    let text = "{\r\n  \"name\": \"**镇\",\r\n  \"title\": \"2023年上半年工作总结\",\r\n  \"lines\": [\"party\"]\r\n}\r\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    let (town, warnings) = parse_town_checked(&bytes, "town.json").expect("loads");
    assert_eq!(
        (town.name.as_str(), town.title.as_str()),
        ("**镇", "2023年上半年工作总结")
    );
    assert_eq!(
        warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
        ["town.json: .: the file is encoded as GB18030; it loaded, but please save it as UTF-8"]
    );
}

/// (code, stdout, stderr) of `huibao validate ARGS`.
fn validate(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_huibao"))
        .args(["--lang", "en", "validate"])
        .args(args)
        .current_dir(manifest())
        .env_remove("HUIBAO_DATA")
        .output()
        .expect("run huibao");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

#[test]
fn validate_prints_the_encoding_note_and_passes() {
    let (code, stdout, stderr) = validate(&[
        format!("{DIR}/utf8.json").as_ref(),
        format!("{DIR}/utf8-bom.json").as_ref(),
        format!("{DIR}/utf16le-bom.json").as_ref(),
        format!("{DIR}/gbk.json").as_ref(),
    ]);
    assert_eq!(
        (code, stdout, stderr.as_str()),
        (
            0,
            format!(
                "{}\n{}\n",
                note("utf16le-bom.json", "UTF-16LE").replace(": .: ", ": warning: "),
                note("gbk.json", "GB18030").replace(": .: ", ": warning: ")
            ),
            "0 errors, 2 warnings in 4 files\n"
        )
    );
}

#[test]
fn validate_notes_a_gbk_town_json_in_a_data_folder() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = manifest().join("data");
    let town = std::fs::read_to_string(data.join("town.json")).expect("town.json");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&town);
    assert!(!unmappable);
    std::fs::write(tmp.path().join("town.json"), &gbk).expect("write");
    let snap = tmp.path().join("2023-06-30");
    std::fs::create_dir(&snap).expect("mkdir");
    for e in std::fs::read_dir(data.join("2023-06-30")).expect("seed folder") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), snap.join(e.file_name())).expect("copy");
    }
    // The dashboard loads it exactly like the UTF-8 original.
    let loaded = huibao::model::load::load_dir(tmp.path());
    assert_eq!(loaded.town, huibao::model::load::load_dir(&data).town);

    let (code, stdout, stderr) = validate(&[tmp.path().as_os_str()]);
    assert_eq!(
        (code, stdout, stderr.as_str()),
        (
            0,
            format!(
                "{}/town.json: warning: the file is encoded as GB18030; it loaded, but please save it as UTF-8\n",
                tmp.path().display()
            ),
            "0 errors, 1 warning in 7 files\n"
        )
    );
}

/// `decode`'s error for `bytes`, as printed.
fn decode_error(bytes: &[u8]) -> String {
    match decode(bytes, "x.json") {
        Ok((text, encoding)) => panic!("decoded as {encoding:?}: {text:?}"),
        Err(d) => d.to_string(),
    }
}

#[test]
fn a_stray_byte_in_a_utf8_file_is_not_read_as_gb18030() {
    // One Latin-1 é (0xE9) before an ASCII letter: E9 65 is a valid GBK pair, so the whole file
    // would read as GB18030, turning every Chinese character into mojibake. It is UTF-8 with a
    // mistake, and the error points at the byte.
    let bytes = [
        &b"{\n  \"title\": \""[..],
        "党风廉政建设".as_bytes(),
        b"\",\n  \"leader\": \"Jos\xE9e\"\n}\n",
    ]
    .concat();
    assert!(encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(&bytes)
        .is_some());
    assert_eq!(
        decode_error(&bytes),
        "x.json:3:17: .: the file is not valid UTF-8: the bytes here are not a UTF-8 character (pasted from another encoding?); save it as UTF-8"
    );
}

#[test]
fn broken_encodings_name_the_place() {
    // GBK's user-defined area decodes to private-use characters: not text an office writes.
    assert_eq!(
        decode_error(b"{\"title\": \"\xB5\xB3\xAA\xA1\"}"),
        "x.json:1:13: .: the file is not UTF-8, and read as GB18030 it gives the unlikely character U+E000 here; save it as UTF-8"
    );
    // GBK cut in the middle of 党 (B5 B3).
    assert_eq!(
        decode_error(b"{\n\"title\": \"\xB5\xB3\xB5"),
        "x.json:2:12: .: the file ends in the middle of a character (is the file cut short?)"
    );
    // Bytes that are a character in neither encoding (0xFF is never valid).
    assert_eq!(
        decode_error(b"{\"title\": \"\xB5\xB3\xFF\xFF\"}"),
        "x.json:1:13: .: the file is neither UTF-8 nor GB18030 (GBK): the bytes here are not a character in either; save it as UTF-8"
    );
    // UTF-16LE cut after one byte of a character, and with a lone surrogate.
    assert_eq!(
        decode_error(b"\xFF\xFE{\0\n\0\""),
        "x.json:2:1: .: the file ends in the middle of a character (is the file cut short?)"
    );
    assert_eq!(
        decode_error(b"\xFF\xFE{\0\x00\xD8\"\0}\0"),
        "x.json:1:2: .: the file starts with a UTF-16LE byte-order mark but is not valid UTF-16LE here; save it as UTF-8"
    );
    assert_eq!(
        decode_error(b"\xFF\xFE\0\0{\0\0\0"),
        "x.json: .: the file is UTF-32, which huibao does not read; save it as UTF-8"
    );
}
