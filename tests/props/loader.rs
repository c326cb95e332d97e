//! The loader never panics on arbitrary bytes or on mutations of a seed file.

use super::*;

// ---- the loader never panics ----

/// Starts of files: byte-order marks, and the start of a line file.
const HEADS: &[&[u8]] = &[
    b"",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"{",
    b"{\"id\": \"",
    b"\xFF\xFE\0\0",
];

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn loader_survives_arbitrary_bytes(
        head in prop::sample::select(HEADS),
        body in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        let mut bytes = head.to_vec();
        bytes.extend(body);
        if let Ok((text, encoding)) = huibao::model::load::decode(&bytes, "x.json") {
            if encoding == huibao::model::load::TextEncoding::Gb18030 {
                prop_assert!(!text.contains('\u{fffd}'), "no replacement character");
            }
        }
        let _ = parse_line_file(&bytes, "x.json");
        let _ = huibao::model::load::parse_town(&bytes, "town.json");
    }

    #[test]
    fn loader_survives_mutations_of_a_seed_file(
        edits in prop::collection::vec((0usize..7000, any::<u8>(), 0u8..4), 1..8),
    ) {
        let mut bytes = include_bytes!("../../data/2023-06-30/economy.json").to_vec();
        for (at, byte, kind) in edits {
            if bytes.is_empty() {
                break;
            }
            let at = at % bytes.len();
            match kind {
                0 => bytes[at] ^= 1 << (byte % 8),
                1 => bytes[at] = byte,
                2 => bytes.truncate(at),
                _ => bytes.insert(at, byte),
            }
        }
        if let Ok((file, warnings)) = parse_line_file(&bytes, "economy.json") {
            // Whatever loaded is clean.
            for item in file.items() {
                prop_assert!(!item.label.contains(ESCAPES), "{:?}", item.label);
            }
            for w in warnings {
                prop_assert!(!w.message.contains(ESCAPES), "{:?}", w.message);
            }
        }
    }
}
