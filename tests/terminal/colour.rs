//! The colour environment: NO_COLOR, --color, TERM and COLORTERM choose the codes; TERM=dumb prints plain text.

use super::*;

/// What the SGR (`ESC[…m`) sequences in some output asked for.
#[derive(Debug, Default)]
struct Sgr {
    /// 30–37, 40–47, 90–97, 100–107.
    basic: Vec<u16>,
    /// The indices of 38;5;N and 48;5;N.
    palette: Vec<u16>,
    /// How many 38;2;R;G;B and 48;2;R;G;B.
    rgb: usize,
    /// Whether 7 (reverse video) was used.
    reverse: bool,
}

impl Sgr {
    fn any_colour(&self) -> bool {
        !self.basic.is_empty() || !self.palette.is_empty() || self.rgb > 0
    }
}

/// Parses every CSI sequence in `raw` and collects what the SGR ones set.
fn sgr_of(raw: &[u8]) -> Sgr {
    let mut sgr = Sgr::default();
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] != 0x1b || raw[i + 1] != b'[' {
            i += 1;
            continue;
        }
        let start = i + 2;
        let mut j = start;
        while j < raw.len() && (0x30..=0x3f).contains(&raw[j]) {
            j += 1;
        }
        let params = &raw[start..j];
        while j < raw.len() && (0x20..=0x2f).contains(&raw[j]) {
            j += 1;
        }
        if j >= raw.len() {
            break;
        }
        let final_byte = raw[j];
        i = j + 1;
        if final_byte != b'm' || params.first().is_some_and(|b| b"<=>?".contains(b)) {
            continue;
        }
        let nums: Vec<u16> = params
            .split(|&b| b == b';' || b == b':')
            .map(|p| {
                std::str::from_utf8(p)
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0)
            })
            .collect();
        let mut k = 0;
        while k < nums.len() {
            match nums[k] {
                38 | 48 => match nums.get(k + 1) {
                    Some(5) => {
                        sgr.palette.extend(nums.get(k + 2));
                        k += 3;
                        continue;
                    }
                    Some(2) => {
                        sgr.rgb += 1;
                        k += 5;
                        continue;
                    }
                    _ => {}
                },
                n @ (30..=37 | 40..=47 | 90..=97 | 100..=107) => sgr.basic.push(n),
                7 => sgr.reverse = true,
                _ => {}
            }
            k += 1;
        }
    }
    sgr
}

/// How many cells of rows `from..` are drawn in reverse video.
fn inverse_cells(screen: &vt100::Screen, from: u16) -> usize {
    let (rows, cols) = screen.size();
    (from..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .filter(|&(r, c)| screen.cell(r, c).is_some_and(|cell| cell.inverse()))
        .count()
}
// ── 6: colour ───────────────────────────────────────────────────────────────────────────────────────

/// Runs the dashboard with `extra` options and environment `env`, waits for the overview, quits with
/// `q` and returns the SGR codes it used and the reverse-video cells below the header it showed.
fn colours(extra: &[&str], env: &[(&str, &str)]) -> (Sgr, usize) {
    let want = render_reference(COLS, ROWS, extra, env);
    let mut t = Tty::dashboard(extra, env);
    t.wait_for_overview(&want);
    let inverse = inverse_cells(t.screen(), 2);
    t.send(b"q");
    let exit = t.expect_exit("q");
    assert_eq!(exit, Exit::Code(0), "exit after q\n{}", t.describe());
    assert_restored(&t, "after q");
    (sgr_of(&t.raw), inverse)
}

#[track_caller]
fn assert_no_colour(sgr: &Sgr, inverse: usize, what: &str) {
    assert!(!sgr.any_colour(), "{what}: colour codes used: {sgr:?}");
    assert!(
        sgr.reverse,
        "{what}: the selection is shown in reverse video (SGR 7)"
    );
    assert!(
        inverse > 0,
        "{what}: the selected card is drawn in reverse video"
    );
}

#[test]
fn no_color_uses_no_colour_codes_and_reverse_video_for_the_selection() {
    let (sgr, inverse) = colours(&[], &[XTERM, ("NO_COLOR", "1"), ("COLORTERM", "truecolor")]);
    assert_no_colour(&sgr, inverse, "NO_COLOR=1");
}

#[test]
fn color_never_overrides_a_truecolor_terminal() {
    let (sgr, inverse) = colours(&["--color", "never"], &[XTERM, ("COLORTERM", "truecolor")]);
    assert_no_colour(&sgr, inverse, "--color never");
}

#[test]
fn xterm_256color_uses_the_palette_and_no_rgb() {
    let (sgr, _) = colours(&[], &[XTERM]);
    assert!(
        !sgr.palette.is_empty(),
        "palette codes 38;5;/48;5;: {sgr:?}"
    );
    assert!(
        sgr.palette.iter().any(|&n| n >= 16),
        "palette colours beyond the 16 named ones: {sgr:?}"
    );
    assert_eq!(sgr.rgb, 0, "no 38;2;/48;2; on a 256-colour terminal");
}

#[test]
fn colorterm_truecolor_uses_rgb() {
    let (sgr, _) = colours(&[], &[XTERM, ("COLORTERM", "truecolor")]);
    assert!(sgr.rgb > 0, "38;2;/48;2; codes: {sgr:?}");
}

#[test]
fn color_16_overrides_a_truecolor_terminal() {
    let (sgr, _) = colours(&["--color", "16"], &[XTERM, ("COLORTERM", "truecolor")]);
    assert!(sgr.any_colour(), "some colour: {sgr:?}");
    assert_eq!(sgr.rgb, 0, "no 38;2;/48;2; with --color 16: {sgr:?}");
    // crossterm writes the 16 named colours as palette indices 0–15.
    assert!(
        sgr.palette.iter().all(|&n| n < 16),
        "only the 16 named colours: {sgr:?}"
    );
}

#[test]
fn term_dumb_prints_the_overview_as_plain_text() {
    let env = [("TERM", "dumb")];
    let want = render_reference(80, 24, &[], &env);
    let mut t = Tty::spawn(env!("CARGO_BIN_EXE_huibao"), &base_args(), &env, 80, 24);
    let exit = t.expect_exit("printing the overview");
    assert_eq!(exit, Exit::Code(0), "exit with TERM=dumb\n{}", t.describe());
    assert!(
        !t.raw.contains(&0x1b),
        "no escape sequences with TERM=dumb: {:?}",
        String::from_utf8_lossy(&t.raw)
    );
    let text = String::from_utf8(t.raw.clone()).expect("UTF-8 output");
    let got: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches('\r').trim_end())
        .collect();
    assert_eq!(
        got, want,
        "the overview as `huibao render --size 80x24` draws it"
    );
    assert!(
        got.iter().any(|l| l.contains("总览")),
        "the overview's breadcrumbs"
    );
    t.assert_modes_restored("with TERM=dumb");
}
