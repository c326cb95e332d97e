//! Look settings every layer may name: the theme's name and the terminal's colour depth. The state holds
//! them; only the view turns them into styles (`ui::theme`).

/// Which theme: auto (default: asks the terminal), dark, light (washed-out projectors) or mono
/// (printing, NO_COLOR).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    /// Dark or light after the terminal's background colour (asked with OSC 11); dark when the
    /// terminal does not say. Both paint their own background.
    #[default]
    Auto,
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background; lights drawn as badges.
    Light,
    /// No colour: reverse video, bold and underline only; dark on light when exported.
    Mono,
}

/// How many colours the terminal takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorDepth {
    /// No colour at all (NO_COLOR, TERM=dumb, --color never).
    None,
    /// The 16 named ANSI colours (the default: safe over SSH and on every terminal).
    #[default]
    Sixteen,
    /// The xterm 256-colour palette.
    Palette256,
    /// 24-bit RGB.
    TrueColor,
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

/// The `--borders` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum BorderChoice {
    /// Box drawing, unless the terminal reports that it draws ● two columns wide.
    #[default]
    Auto,
    /// Box drawing (─ │ ┌) and block digits (█).
    Unicode,
    /// ASCII (+ - |, # digits): for PuTTY "CJK ambiguous as wide", `xterm -cjk_width`, VTE "wide".
    Ascii,
}

/// The look the dashboard is drawn with: which theme, at which colour depth, with which borders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    /// The theme chosen with `--theme` (`Auto` is resolved against the terminal at start-up; drawn as
    /// dark until then).
    pub theme: ThemeName,
    /// The colours the terminal takes.
    pub depth: ColorDepth,
    /// ASCII borders and stand-ins for ambiguous-width symbols (`--borders ascii`, or detected).
    pub ascii: bool,
}

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
