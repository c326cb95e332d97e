//! How many colours the terminal takes: `--color`, else NO_COLOR, TERM and COLORTERM.

use super::theme::ColorDepth;

/// Chooses the colour depth: `--color` when given, else from the environment. NO_COLOR (non-empty) or
/// TERM=dumb → none; COLORTERM=truecolor/24bit → truecolor; a TERM with 256color → 256; else 16.
pub fn detect_depth(flag: ColorChoice, env: &dyn Fn(&str) -> Option<String>) -> ColorDepth {
    match flag {
        ColorChoice::Never => return ColorDepth::None,
        ColorChoice::Sixteen => return ColorDepth::Sixteen,
        ColorChoice::C256 => return ColorDepth::Palette256,
        ColorChoice::Truecolor => return ColorDepth::TrueColor,
        ColorChoice::Auto => {}
    }
    if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return ColorDepth::None;
    }
    let term = env("TERM").unwrap_or_default();
    if term == "dumb" {
        return ColorDepth::None;
    }
    let ct = env("COLORTERM").unwrap_or_default().to_lowercase();
    if ct == "truecolor" || ct == "24bit" {
        ColorDepth::TrueColor
    } else if term.contains("256color") {
        ColorDepth::Palette256
    } else {
        ColorDepth::Sixteen
    }
}

/// The `--color` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// From the environment (NO_COLOR, TERM, COLORTERM).
    #[default]
    Auto,
    /// The 16 named colours.
    #[value(name = "16")]
    Sixteen,
    /// The 256-colour palette.
    #[value(name = "256")]
    C256,
    /// 24-bit colour.
    Truecolor,
    /// No colour.
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn depth_from_the_environment() {
        let auto = ColorChoice::Auto;
        assert_eq!(
            detect_depth(auto, &env(&[("NO_COLOR", "1"), ("TERM", "xterm-256color")])),
            ColorDepth::None
        );
        assert_eq!(
            detect_depth(auto, &env(&[("NO_COLOR", ""), ("TERM", "xterm")])),
            ColorDepth::Sixteen
        );
        assert_eq!(
            detect_depth(auto, &env(&[("TERM", "dumb")])),
            ColorDepth::None
        );
        assert_eq!(
            detect_depth(auto, &env(&[("TERM", "xterm-256color")])),
            ColorDepth::Palette256
        );
        assert_eq!(
            detect_depth(
                auto,
                &env(&[("TERM", "xterm-256color"), ("COLORTERM", "truecolor")])
            ),
            ColorDepth::TrueColor
        );
        assert_eq!(detect_depth(auto, &env(&[])), ColorDepth::Sixteen);
        assert_eq!(
            detect_depth(ColorChoice::Sixteen, &env(&[("COLORTERM", "truecolor")])),
            ColorDepth::Sixteen
        );
        assert_eq!(
            detect_depth(ColorChoice::Never, &env(&[])),
            ColorDepth::None
        );
    }
}
